//! Build-time page assembly: trunk's built page, read and rewritten as HTML (lol_html) rather
//! than searched as text. One page per language gets the app rendered by the same components,
//! its language, title and description, the palette's stylesheet, and `start.js` (a file of
//! `static/`, external for a strict CSP) in place of trunk's inline loader.

use graphic::escape::escape_html;
use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str};
use std::cell::RefCell;
use story::{Lang, Story};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrerenderError(pub String);

impl std::fmt::Display for PrerenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<lol_html::errors::RewritingError> for PrerenderError {
    fn from(e: lol_html::errors::RewritingError) -> Self {
        PrerenderError(format!("the built page cannot be rewritten: {e}"))
    }
}

/// The files trunk's built page names: the app's JS glue and wasm (from trunk's preload links)
/// and the stylesheet, each relative to `dist/`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuiltFiles {
    pub glue: String,
    pub wasm: String,
    pub stylesheet: String,
    /// The stylesheet's subresource-integrity value, when the page should check it.
    pub stylesheet_integrity: String,
}

fn relative(href: &str) -> String {
    href.trim_start_matches("./").to_owned()
}

/// Reads the files the built page names from its `<link>` elements.
pub fn read_built(html: &str) -> Result<BuiltFiles, PrerenderError> {
    let found = RefCell::new(BuiltFiles::default());
    rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("link[rel=modulepreload][href]", |el| {
                    found.borrow_mut().glue =
                        relative(&el.get_attribute("href").unwrap_or_default());
                    Ok(())
                }),
                element!("link[rel=preload][href][as=fetch]", |el| {
                    found.borrow_mut().wasm =
                        relative(&el.get_attribute("href").unwrap_or_default());
                    Ok(())
                }),
                element!("link[rel=stylesheet][href]", |el| {
                    found.borrow_mut().stylesheet =
                        relative(&el.get_attribute("href").unwrap_or_default());
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::default()
        },
    )?;
    let found = found.into_inner();
    for (name, value) in [
        ("JS glue (link rel=modulepreload)", &found.glue),
        ("wasm (link rel=preload as=fetch)", &found.wasm),
        ("stylesheet (link rel=stylesheet)", &found.stylesheet),
    ] {
        if value.is_empty() {
            return Err(PrerenderError(format!("the built page names no {name}")));
        }
    }
    Ok(found)
}

/// Settings of one page.
pub struct PageSettings<'a> {
    pub lang: Lang,
    /// `./` for the root page, `../` for `en/`.
    pub base: &'a str,
    /// Absolute URL of the published `dist/` (ending in `/`), for link previews; none when unset.
    pub public_url: Option<&'a str>,
    /// The app's files, and the stylesheet the page links (with the palette in it).
    pub files: &'a BuiltFiles,
}

/// The elements of the built page that every assembled page must have.
const REQUIRED: [&str; 5] = ["html", "head", "title", "base", "div#app"];

/// Puts the rendered app, the language, title, description, start script, stylesheet and
/// link-preview tags into the built page. trunk's inline loader and its preload links go:
/// fetching the glue and the wasm while the page was still parsing held back its first paint
/// (measured with `make bench`); start.js fetches them once the page has painted.
pub fn assemble(
    built: &str,
    app_html: &str,
    story: &Story,
    page: &PageSettings<'_>,
) -> Result<String, PrerenderError> {
    let lang = page.lang;
    let title = story.ui.headline.get(lang);
    let description = escape_html(story.ui.standfirst.get(lang));
    let head_extra = head_extra(page, &escape_html(title), &description);
    let note = format!(
        "<p class=\"no-wasm-note\" role=\"status\">{}</p>\n    ",
        escape_html(graphic::words::no_wasm_note(lang))
    );
    let seen = RefCell::new(Vec::new());
    let see = |name: &'static str| seen.borrow_mut().push(name);
    let html = rewrite_built(
        built,
        vec![
            element!("html", |el| {
                see("html");
                el.set_attribute("lang", lang.html_tag())?;
                Ok(())
            }),
            element!("title", |el| {
                see("title");
                el.set_inner_content(title, ContentType::Text);
                Ok(())
            }),
            element!("meta[name=description]", |el| {
                el.set_attribute("content", &description)?;
                Ok(())
            }),
            element!("base", |el| {
                see("base");
                el.set_attribute("href", page.base)?;
                Ok(())
            }),
            element!("link[rel=stylesheet]", |el| {
                el.set_attribute("href", &format!("./{}", page.files.stylesheet))?;
                match page.files.stylesheet_integrity.as_str() {
                    "" => el.remove_attribute("integrity"),
                    integrity => el.set_attribute("integrity", integrity)?,
                }
                Ok(())
            }),
            element!("head", |el| {
                see("head");
                el.append(&head_extra, ContentType::Html);
                Ok(())
            }),
            element!("div#app", |el| {
                see("div#app");
                el.before(&note, ContentType::Html);
                el.set_inner_content(app_html, ContentType::Html);
                Ok(())
            }),
        ],
    )?;
    let seen = seen.into_inner();
    if let Some(missing) = REQUIRED.iter().find(|name| !seen.contains(name)) {
        return Err(PrerenderError(format!("the built page has no <{missing}>")));
    }
    Ok(html)
}

/// What the page's `<head>` gains: the start script, naming the app's files and carrying the
/// panic note in the page's language (the release wasm stops at once on a panic, with no Rust
/// hook: start.js shows it), and, when the published address is known, the canonical URL,
/// language alternates and link previews.
fn head_extra(page: &PageSettings<'_>, title: &str, description: &str) -> String {
    let files = page.files;
    let lang = page.lang;
    let mut extra = format!(
        "  {}\n",
        start_script(files, Some(graphic::words::panic_note(lang)))
    );
    let page_path = |l: Lang| if l == Lang::Zh { "" } else { "en/" };
    // Language alternates and the canonical URL must be absolute, so they are written only
    // when the published address is known; a relative hreflang is invalid to search engines.
    if let Some(public) = page.public_url {
        let public = escape_html(public);
        extra.push_str(&format!(
            "    <link rel=\"canonical\" href=\"{public}{}\" />\n",
            page_path(lang)
        ));
        for l in Lang::ALL {
            extra.push_str(&format!(
                "    <link rel=\"alternate\" hreflang=\"{}\" href=\"{public}{}\" />\n",
                l.html_tag(),
                page_path(l)
            ));
        }
        extra.push_str(&format!(
            "    <link rel=\"alternate\" hreflang=\"x-default\" href=\"{public}\" />\n"
        ));
        extra.push_str(&format!(
            "    <meta property=\"og:title\" content=\"{title}\" />\n    \
             <meta property=\"og:description\" content=\"{description}\" />\n    \
             <meta property=\"og:image\" content=\"{public}diagram-{code}.png\" />\n    \
             <meta property=\"og:url\" content=\"{public}{path}\" />\n    \
             <meta name=\"twitter:card\" content=\"summary_large_image\" />\n",
            code = lang.code(),
            path = page_path(lang),
        ));
    }
    extra.push_str("  ");
    extra
}

/// `start.js`'s tag, naming the built glue and wasm it imports (and the panic note it shows,
/// where the page gives one).
fn start_script(files: &BuiltFiles, panic_note: Option<&str>) -> String {
    let note = panic_note
        .map(|note| format!(" data-panic-note=\"{}\"", escape_html(note)))
        .unwrap_or_default();
    format!(
        "<script type=\"module\" src=\"./start.js\" data-glue=\"{}\" data-wasm=\"{}\"{note}></script>",
        escape_html(&files.glue),
        escape_html(&files.wasm)
    )
}

/// trunk's built page rewritten by `handlers`, with trunk's inline loader and its preloads of
/// the glue and the wasm taken out: the page and the editor start from an external script
/// instead (strict CSP).
fn rewrite_built<'h>(
    built: &str,
    mut handlers: Vec<(
        std::borrow::Cow<'h, lol_html::Selector>,
        lol_html::ElementContentHandlers<'h>,
    )>,
) -> Result<String, PrerenderError> {
    handlers.push(element!("script[type=module]:not([src])", |el| {
        el.remove();
        Ok(())
    }));
    handlers.push(element!(
        "link[rel=modulepreload], link[rel=preload]",
        |el| {
            el.remove();
            Ok(())
        }
    ));
    let settings = RewriteStrSettings {
        element_content_handlers: handlers,
        ..RewriteStrSettings::default()
    };
    Ok(rewrite_str(built, settings)?)
}

/// The story editor's page (`dist/editor/index.html`): trunk's inline loader replaced by the
/// editor's external `start.js` (strict CSP), which names the editor's glue and wasm, and the
/// graphic's stylesheet (`page.css`, for the preview) linked before the editor's own.
pub fn editor_page(built: &str, files: &BuiltFiles) -> Result<String, PrerenderError> {
    let start = format!(
        "  <link rel=\"stylesheet\" href=\"./page.css\" />\n  {}\n",
        start_script(files, None)
    );
    rewrite_built(
        built,
        vec![element!("link[rel=stylesheet]", |el| {
            el.before(&start, ContentType::Html);
            Ok(())
        })],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use story::testing::fixture;

    const BUILT: &str = r#"<!doctype html>
<html lang="zh-CN">
  <head>
    <title>x</title>
    <meta name="description" content="y" />
    <base href="./" />
<link rel="stylesheet" href="./style-abc.css" integrity="sha384-y"/>
<script type="module">
import init, * as bindings from './capital-circles-abc.js';
const wasm = await init({ module_or_path: './capital-circles-abc_bg.wasm' });
</script>
<link rel="modulepreload" href="./capital-circles-abc.js" crossorigin="anonymous" integrity="sha384-x"><link rel="preload" href="./capital-circles-abc_bg.wasm" as="fetch" type="application/wasm">
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>"#;

    fn files() -> BuiltFiles {
        read_built(BUILT).unwrap_or_else(|e| panic!("{e}"))
    }

    fn page(lang: Lang, public_url: Option<&str>, files: &BuiltFiles) -> String {
        let settings = PageSettings {
            lang,
            base: if lang == Lang::Zh { "./" } else { "../" },
            public_url,
            files,
        };
        assemble(BUILT, "<main>app</main>", fixture(), &settings).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_built_page_names_its_files_in_its_links() {
        assert_eq!(
            files(),
            BuiltFiles {
                glue: "capital-circles-abc.js".into(),
                wasm: "capital-circles-abc_bg.wasm".into(),
                stylesheet: "style-abc.css".into(),
                stylesheet_integrity: String::new(),
            }
        );
        let err = read_built("<html><head><link rel=\"stylesheet\" href=\"s.css\"></head></html>");
        assert_eq!(
            err,
            Err(PrerenderError(
                "the built page names no JS glue (link rel=modulepreload)".into()
            ))
        );
    }

    #[test]
    fn the_inline_loader_becomes_the_external_start_script() {
        let mut files = files();
        files.stylesheet = "style-palette.css".into();
        files.stylesheet_integrity = "sha384-new".into();
        let html = page(Lang::Zh, None, &files);
        assert!(!html.contains("<script type=\"module\">"), "{html}");
        assert!(!html.contains("import init"), "{html}");
        assert!(!html.contains("preload"), "{html}");
        assert!(html.contains(
            "<script type=\"module\" src=\"./start.js\" data-glue=\"capital-circles-abc.js\" data-wasm=\"capital-circles-abc_bg.wasm\" data-panic-note=\"出错了，互动功能已停止。页面上已显示的内容仍然有效；刷新页面可重试。\"></script>"
        ), "{html}");
        assert!(
            html.contains("href=\"./style-palette.css\" integrity=\"sha384-new\""),
            "{html}"
        );
        assert!(!html.contains("style-abc.css"), "{html}");
    }

    #[test]
    fn each_language_gets_its_page() {
        let html = page(Lang::En, None, &files());
        assert!(html.contains("<html lang=\"en\">"), "{html}");
        assert!(html.contains("<base href=\"../\" />"), "{html}");
        assert!(
            html.contains("<div id=\"app\"><main>app</main></div>"),
            "{html}"
        );
        assert!(
            html.contains("<p class=\"no-wasm-note\" role=\"status\">"),
            "{html}"
        );
        assert!(html.contains(
            "<title>Test circles &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</title>"
        ), "{html}");
        assert!(
            !html.contains("og:image"),
            "no link-preview tags without PUBLIC_URL"
        );
        assert!(
            !html.contains("hreflang") && !html.contains("canonical"),
            "no relative language alternates: {html}"
        );
    }

    #[test]
    fn link_previews_use_absolute_urls_from_the_build_setting() {
        let html = page(Lang::Zh, Some("https://news.example/g/v1/"), &files());
        assert!(html.contains("content=\"https://news.example/g/v1/diagram-zh.png\""));
        for link in [
            "<link rel=\"canonical\" href=\"https://news.example/g/v1/\" />",
            "<link rel=\"alternate\" hreflang=\"zh-CN\" href=\"https://news.example/g/v1/\" />",
            "<link rel=\"alternate\" hreflang=\"en\" href=\"https://news.example/g/v1/en/\" />",
            "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://news.example/g/v1/\" />",
        ] {
            assert!(html.contains(link), "missing {link}");
        }
        assert!(html.contains(
            "property=\"og:title\" content=\"测试圈层 &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;\""
        ));
    }

    #[test]
    fn a_page_without_the_app_root_is_an_error() {
        let files = files();
        let settings = PageSettings {
            lang: Lang::Zh,
            base: "./",
            public_url: None,
            files: &files,
        };
        let err = assemble(
            "<html lang=\"zh-CN\"><head><title></title><base href=\"./\" /></head><body></body></html>",
            "",
            fixture(),
            &settings,
        );
        assert_eq!(
            err,
            Err(PrerenderError("the built page has no <div#app>".into()))
        );
    }
}
