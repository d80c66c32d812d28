//! Trunk post-build step: renders the app to HTML with the same Yew components (server-side
//! rendering, natively), one page per language, and moves trunk's inline loader to start.js.
//! Usage: prerender DIST_DIR (trunk passes its staging directory).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use capital_circles::charts::{BarChartSpec, bar_chart_svg};
    use capital_circles::components::{Root, RootProps, StoryRef, chart_colours};
    use capital_circles::downloads::{
        chart_csv, chart_csv_path, chart_svg_path, figures_csv, figures_csv_path,
    };
    use capital_circles::prerender::{PageSettings, assemble, start_js, take_inline_loader};
    use capital_circles::share_image::{extract_wide_diagram, share_svg};
    use capital_circles::story::{Lang, default_story};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::rc::Rc;

    pub fn main() -> ExitCode {
        let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
            eprintln!("usage: prerender DIST_DIR");
            return ExitCode::FAILURE;
        };
        match run(&dir) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("prerender: {message}");
                ExitCode::FAILURE
            }
        }
    }

    fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn run(dir: &Path) -> Result<(), String> {
        let index = dir.join("index.html");
        let built =
            std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
        let (template, files) = take_inline_loader(&built).map_err(|e| e.to_string())?;
        let story = default_story().map_err(|errors| {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            format!("the default story is invalid:\n{}", lines.join("\n"))
        })?;
        let story = StoryRef(Rc::new(story));
        let public_url = std::env::var("PUBLIC_URL")
            .ok()
            .filter(|u| !u.is_empty())
            .map(|u| if u.ends_with('/') { u } else { format!("{u}/") });
        write(&dir.join("start.js"), start_js(&files))?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|e| format!("no runtime: {e}"))?;
        for (lang, path, base) in [
            (Lang::Zh, "index.html", "./"),
            (Lang::En, "en/index.html", "../"),
        ] {
            let props = RootProps {
                story: story.clone(),
                lang,
            };
            let app_html =
                runtime.block_on(yew::LocalServerRenderer::<Root>::with_props(props).render());
            let page = PageSettings {
                lang,
                base,
                public_url: public_url.as_deref(),
            };
            let html = assemble(&template, &app_html, &story, &page).map_err(|e| e.to_string())?;
            write(&dir.join(path), html)?;
            write_downloads(dir, &story, lang)?;
            let diagram = extract_wide_diagram(&app_html).ok_or("no wide diagram in the page")?;
            write_share_image(dir, &share_svg(&story, lang, diagram), lang)?;
        }
        Ok(())
    }

    /// "Get the data": CSV of every figure and of each chart, and each chart as SVG.
    fn write_downloads(dir: &Path, story: &StoryRef, lang: Lang) -> Result<(), String> {
        write(&dir.join(figures_csv_path(lang)), figures_csv(story, lang))?;
        for chart in &story.charts {
            write(
                &dir.join(chart_csv_path(chart, lang)),
                chart_csv(chart, lang),
            )?;
            let (colour, ink) = chart_colours(chart);
            let svg = bar_chart_svg(&BarChartSpec::from_chart(chart, lang, colour, ink));
            write(&dir.join(chart_svg_path(chart, lang)), svg)?;
        }
        Ok(())
    }

    /// The link-preview and WeChat image: SVG from the same components, PNG by rsvg-convert
    /// (Debian's librsvg2-bin, installed by `make build` with the CJK fonts it needs).
    fn write_share_image(dir: &Path, svg: &str, lang: Lang) -> Result<(), String> {
        let svg_path = dir.join(format!("diagram-{}.svg", lang.code()));
        write(&svg_path, svg)?;
        let png_path = dir.join(format!("diagram-{}.png", lang.code()));
        let status = std::process::Command::new("rsvg-convert")
            .arg("--format=png")
            .arg("--output")
            .arg(&png_path)
            .arg(&svg_path)
            .status();
        match status {
            Ok(s) if s.success() => Ok(()),
            Ok(s) => Err(format!(
                "rsvg-convert failed ({s}) on {}",
                svg_path.display()
            )),
            Err(e) if std::env::var_os("PRERENDER_REQUIRE_PNG").is_some() => {
                Err(format!("rsvg-convert not available: {e}"))
            }
            Err(e) => {
                eprintln!(
                    "prerender: no PNG made, rsvg-convert not available ({e}); `make build` installs it"
                );
                Ok(())
            }
        }
    }
}
