//! Publishing, at build time: everything the build writes into `dist/` from the story, apart
//! from the app that runs in the page. Pages prerendered by the app's own components, one per
//! language (`page`); the data downloads (`downloads`); the link-preview image and the files
//! for channels without iframes, set by the crate `typeset` and rendered and checked here
//! (`share_pack`, `wechat_check`). Where the files lie is `graphic::paths`, which the page
//! links to. The binaries: `prerender` (trunk's post-build step) and `native-charts` (for the
//! in-browser test); `check-story` is the story crate's own.

pub mod downloads;
pub mod page;
pub mod share_pack;
pub mod wechat_check;

use crate::downloads::{chart_csv, figures_csv};
use crate::page::{PageSettings, assemble, read_built};
use app::components::{
    App, AppProps, OutlineRef, StoryRef, TextVersion, TextVersionProps, TextVersionSource,
};
use graphic::paths::{chart_csv_path, chart_svg_path, figures_csv_path, share_image_path};
use std::path::Path;
use story::{Lang, Story};

/// The text version alone, as static HTML (no hydration markers): the prerendered page holds
/// it, and the app keeps it as it stands (`TextVersionSource::Kept`).
async fn render_text_version(story: StoryRef, outline: OutlineRef) -> String {
    yew::LocalServerRenderer::<TextVersion>::with_props(TextVersionProps { story, outline })
        .hydratable(false)
        .render()
        .await
}

/// The story this build tells, as the build checked it once (`check-story --bake`) and
/// compiled in (crate `baked`): the same data the wasm carries, so the prerendered page and the
/// app agree, and nothing here reads or checks the file again.
pub fn story_of_this_build() -> &'static Story {
    baked::story()
}

fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes the graphic of `story` into the built `dir` (trunk's staging directory): both
/// languages' pages, the stylesheet with the palette, the downloads and the share images. `public_url` (the
/// absolute URL `dist/` is published at, ending in `/`) turns on link-preview tags.
pub fn publish(dir: &Path, story: &'static Story, public_url: Option<&str>) -> Result<(), String> {
    let index = dir.join("index.html");
    let built = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let mut files = read_built(&built).map_err(|e| e.to_string())?;
    (files.stylesheet, files.stylesheet_integrity) = with_palette(dir, &files.stylesheet)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("no runtime: {e}"))?;
    for (lang, path, base) in [
        (Lang::Zh, "index.html", "./"),
        (Lang::En, "en/index.html", "../"),
    ] {
        let outline = graphic::outline::outline(story, lang);
        let text_version = runtime.block_on(render_text_version(
            StoryRef(story),
            OutlineRef(std::rc::Rc::new(outline.clone())),
        ));
        let props = AppProps {
            story: StoryRef(story),
            lang,
            text_version: TextVersionSource::Prerendered(text_version.into()),
        };
        let app_html =
            runtime.block_on(yew::LocalServerRenderer::<App>::with_props(props).render());
        let page = PageSettings {
            lang,
            base,
            public_url,
            files: &files,
        };
        let html = assemble(&built, &app_html, story, &page).map_err(|e| e.to_string())?;
        write(&dir.join(path), html)?;
        write_downloads(dir, story, &outline)?;
        let diagram = typeset::preview::preview_diagram(story, &outline);
        write_share_image(
            dir,
            &typeset::preview::preview_svg(story, &outline, &diagram),
            lang,
        )?;
    }
    crate::share_pack::write_share_packs(dir, story, public_url)?;
    crate::share_pack::write_editors_notes(dir, story)
}

/// The brotli copies of `dir` ([`write_brotli_copies`]) where trunk is making a release
/// build; `make serve`'s debug builds go without (their wasm is several MB, and it is
/// rebuilt on every change).
pub fn write_brotli_copies_for_release(dir: &Path) -> Result<(), String> {
    if std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release") {
        write_brotli_copies(dir)?;
    }
    Ok(())
}

/// The graphic's stylesheet `css` (static/style.css as trunk built it) with the palette's
/// colours and the marks' paint put before it.
pub fn page_stylesheet(css: &str) -> String {
    format!("{}{}{css}", graphic::palette::css(), graphic::marks::css())
}

/// The kinds of file a host compresses: text and the wasm. Images are compressed already.
const COMPRESSIBLE: [&str; 9] = [
    "html", "js", "css", "wasm", "svg", "csv", "json", "txt", "xml",
];

/// Writes `name.br` beside every compressible file of `dir` (brotli at its best quality), for
/// hosts and CDNs that serve precompressed files; a copy that would not be smaller is skipped.
/// Hosts that do not are unaffected: the plain files stay.
pub fn write_brotli_copies(dir: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            write_brotli_copies(&path)?;
            continue;
        }
        let compressible = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.contains(&e));
        if !compressible {
            continue;
        }
        let raw = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut packed = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut raw.as_slice(), &mut packed, &params)
            .map_err(|e| format!("{}: brotli: {e}", path.display()))?;
        if packed.len() < raw.len() {
            let mut name = path.clone().into_os_string();
            name.push(".br");
            write(Path::new(&name), packed)?;
        }
    }
    Ok(())
}

/// Puts the palette's colours (`graphic::palette::css`) and the marks' paint
/// (`graphic::marks::css`) at the head of trunk's stylesheet
/// `name`, under a name hashed from the result so caches see the change, and returns the new
/// file's name and its integrity value; the old file goes. One stylesheet, as before: the page
/// makes no extra request for its colours.
fn with_palette(dir: &Path, name: &str) -> Result<(String, String), String> {
    use base64::Engine;
    use sha2::{Digest, Sha384};
    let path = dir.join(name);
    let css = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let combined = page_stylesheet(&css);
    let digest = Sha384::digest(combined.as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let stem = name.split('-').next().unwrap_or("style");
    let new_name = format!("{stem}-{hex}.css");
    write(&dir.join(&new_name), combined)?;
    if new_name != name {
        std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let integrity = format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    );
    Ok((new_name, integrity))
}

/// "Get the data": CSV of every figure and of each chart, and each chart as SVG, all from the
/// outline of `lang`.
fn write_downloads(
    dir: &Path,
    story: &Story,
    outline: &graphic::outline::Outline,
) -> Result<(), String> {
    let lang = outline.lang;
    write(
        &dir.join(figures_csv_path(lang)),
        figures_csv(story, outline)?,
    )?;
    for chart in story.charts.iter() {
        let block = graphic::outline::chart_block(story, chart, lang);
        write(
            &dir.join(chart_csv_path(chart, lang)),
            chart_csv(story, chart, &block, lang)?,
        )?;
        write(
            &dir.join(chart_svg_path(chart, lang)),
            typeset::chart::chart_document(&block),
        )?;
    }
    Ok(())
}

/// The link-preview and WeChat image: SVG from the same components, PNG by rsvg-convert
/// (Debian's librsvg2-bin, installed by `make build` with the CJK fonts it needs).
fn write_share_image(dir: &Path, svg: &str, lang: Lang) -> Result<(), String> {
    let svg_path = dir.join(share_image_path(lang, "svg"));
    write(&svg_path, svg)?;
    let png_path = dir.join(share_image_path(lang, "png"));
    crate::share_pack::svg_to_png(&svg_path, &png_path, None).map(|_| ())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn brotli_copies_stand_beside_text_and_wasm_and_unpack_to_the_same_bytes() {
        let dir = std::env::temp_dir().join(format!("brotli-copies-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let page = "<!doctype html><p>三个圈层</p>".repeat(200);
        let files = [
            ("index.html", page.as_bytes().to_vec()),
            (
                "en/index.html",
                page.replace("三个圈层", "Three circles").into_bytes(),
            ),
            ("diagram.png", vec![0x89, b'P', b'N', b'G', 0, 1, 2, 3]),
        ];
        for (name, bytes) in &files {
            super::write(&dir.join(name), bytes.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        super::write_brotli_copies(&dir).unwrap_or_else(|e| panic!("{e}"));
        for (name, bytes) in &files[..2] {
            let packed = std::fs::read(dir.join(format!("{name}.br")))
                .unwrap_or_else(|e| panic!("{name}.br: {e}"));
            assert!(
                packed.len() < bytes.len() / 10,
                "{name}: {} bytes",
                packed.len()
            );
            let mut unpacked = Vec::new();
            brotli::BrotliDecompress(&mut packed.as_slice(), &mut unpacked)
                .unwrap_or_else(|e| panic!("{name}.br: {e}"));
            assert_eq!(&unpacked, bytes, "{name}");
        }
        assert!(
            !dir.join("diagram.png.br").exists(),
            "an image gets no copy"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Text with every run of white space removed: lines set in a column break at spaces.
    fn squeezed(s: &str) -> String {
        s.split_whitespace().collect()
    }

    /// Every block kind's text reaches every output that shows that kind: the text version,
    /// the WeChat article, the long image and the newsletter's alt text, set from one outline.
    #[test]
    fn every_output_says_what_the_outline_says() {
        use graphic::outline::{Block, SectionKind, outline};
        // Text as an HTML text node writes it: only `&`, `<` and `>` escaped.
        let as_html_text = |s: &str| {
            s.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        };
        use typeset::column::{Channel, article, column_diagram};
        let story = story::testing::fixture();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        for lang in story::Lang::ALL {
            let outline = outline(story, lang);
            let html = runtime.block_on(super::render_text_version(
                app::components::StoryRef(story),
                app::components::OutlineRef(std::rc::Rc::new(outline.clone())),
            ));
            let diagram = column_diagram(story, lang);
            let set = |channel| {
                squeezed(
                    &article(story, &outline, &diagram, channel, None)
                        .lines
                        .join(" "),
                )
            };
            let (wechat, long) = (set(Channel::WeChat), set(Channel::LongImage));
            let mut checked = 0;
            for section in &outline.sections {
                for block in &section.blocks {
                    // What each kind says that must reach every output showing it.
                    let texts: Vec<String> = match block {
                        Block::Paragraph(text) => vec![text.clone()],
                        Block::Radius { text, area, source } => {
                            vec![text.clone(), area.clone(), source.clone()]
                        }
                        Block::History(history) => history
                            .steps
                            .iter()
                            .flat_map(|s| [s.name.clone(), s.summary.clone()])
                            .collect(),
                        Block::Definition(d) => std::iter::once(d.summary.clone())
                            .chain(d.quote.iter().map(|q| q.text.clone()))
                            .collect(),
                        Block::Figures(figures) => figures
                            .iter()
                            .flat_map(|f| [Some(&f.label), f.caveat.as_ref(), f.derived.as_ref()])
                            .flatten()
                            .cloned()
                            .collect(),
                        Block::Zone(zone) => vec![zone.name.clone(), zone.summary.clone()],
                        Block::Charts(charts) => charts
                            .iter()
                            .flat_map(|c| c.note.iter().chain(&c.derived_lines).cloned())
                            .collect(),
                        Block::Members(members) => members
                            .items
                            .iter()
                            .map(|m| m.name.clone())
                            .chain(members.nested.clone())
                            .collect(),
                        Block::Place(place) => std::iter::once(place.name.as_str())
                            .chain(place.lines())
                            .map(str::to_owned)
                            .collect(),
                    };
                    for text in texts {
                        // The WeChat article shows every section but the places' own list
                        // (each circle's section lists its members).
                        assert!(
                            html.contains(&as_html_text(&text)),
                            "text version {lang}: {text}"
                        );
                        if section.kind != SectionKind::Places {
                            assert!(wechat.contains(&squeezed(&text)), "WeChat {lang}: {text}");
                        }
                        assert!(long.contains(&squeezed(&text)), "long image {lang}: {text}");
                        checked += 1;
                    }
                }
            }
            assert!(checked > 30, "{lang}: only {checked} texts");
            // The alt text carries the first overview figure's caveat.
            let alt = graphic::outline::column_alt_text(story, &outline, &diagram);
            let first = outline.overview_figures().next();
            let caveat = first.and_then(|f| f.caveat.as_deref()).unwrap_or_default();
            assert!(
                !caveat.is_empty(),
                "the fixture's first figure has a caveat"
            );
            assert!(
                alt.contains(caveat.trim_end_matches(['.', '。'])),
                "{lang}: {alt}"
            );
        }
    }

    /// Every place is named on each drawn diagram or in the line under it.
    #[test]
    fn no_place_goes_unnamed_on_any_image() {
        use graphic::outline::outline;
        use typeset::column::{Channel, article, column_diagram};
        let story = story::testing::fixture();
        for lang in story::Lang::ALL {
            let outline = outline(story, lang);
            let diagram = column_diagram(story, lang);
            let preview_layout = typeset::preview::preview_diagram(story, &outline);
            let preview = typeset::preview::preview_svg(story, &outline, &preview_layout);
            for channel in [Channel::WeChat, Channel::LongImage, Channel::Newsletter] {
                let set = article(story, &outline, &diagram, channel, None)
                    .lines
                    .join(" ");
                for place in story.places.iter() {
                    let name = place.name.get(lang);
                    assert!(
                        squeezed(&set).contains(&squeezed(name)),
                        "{channel:?} {lang}: {name}"
                    );
                    assert!(
                        preview.contains(&graphic::escape::escape_html(name))
                            || squeezed(&preview)
                                .contains(&squeezed(&graphic::escape::escape_html(name))),
                        "preview {lang}: {name}"
                    );
                }
            }
        }
    }

    fn stylesheet() -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../static/style.css");
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    #[test]
    fn the_stylesheet_takes_every_colour_from_the_palette() {
        let css = stylesheet();
        let declared: Vec<String> = graphic::palette::LIGHT
            .properties()
            .iter()
            .map(|(name, _)| (*name).to_owned())
            .collect();
        for used in css.split("var(--").skip(1) {
            let name: String = used
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            assert!(
                declared.contains(&name) || css.contains(&format!("--{name}:")),
                "style.css uses --{name}, which neither the palette nor style.css declares"
            );
        }
        let hex = css.match_indices('#').find(|(at, _)| {
            let digits = css[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_hexdigit())
                .count();
            matches!(digits, 3 | 6 | 8)
                && !css[at + 1 + digits..].starts_with(|c: char| c.is_alphanumeric())
        });
        assert_eq!(
            hex.map(|(at, _)| &css[at..at + 7]),
            None,
            "a colour written in style.css instead of graphic::palette"
        );
    }
}
