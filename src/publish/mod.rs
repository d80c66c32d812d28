//! Publishing: everything the build writes into `dist/` from the story, apart from the app that
//! runs in the page. Pages prerendered by the same components, one per language (`page`); the
//! data downloads (`downloads`); the link-preview image (`share_image`). Native only; where the
//! files lie is `crate::paths`, which the page links to.

#[cfg(not(target_arch = "wasm32"))]
pub mod channels;
#[cfg(not(target_arch = "wasm32"))]
pub mod downloads;
#[cfg(not(target_arch = "wasm32"))]
pub mod page;
#[cfg(not(target_arch = "wasm32"))]
pub mod share_image;
#[cfg(not(target_arch = "wasm32"))]
pub mod share_pack;
#[cfg(not(target_arch = "wasm32"))]
pub mod wechat_check;

#[cfg(not(target_arch = "wasm32"))]
pub use native::publish;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::downloads::{chart_csv, figures_csv};
    use super::page::{PageSettings, assemble, start_js, take_inline_loader};
    use super::share_image::{extract_wide_diagram, share_svg};
    use crate::charts::{BarChartSpec, bar_chart_svg};
    use crate::components::{
        App, AppProps, StoryRef, TextVersionSource, chart_colours, render_text_version,
    };
    use crate::paths::{chart_csv_path, chart_svg_path, figures_csv_path, share_image_path};
    use crate::story::{Lang, Story};
    use std::path::Path;

    fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(path, contents).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Writes the graphic of `story` into the built `dir` (trunk's staging directory): both
    /// languages' pages, `start.js`, the downloads and the share images. `public_url` (the
    /// absolute URL `dist/` is published at, ending in `/`) turns on link-preview tags.
    pub fn publish(
        dir: &Path,
        story: &'static Story,
        public_url: Option<&str>,
    ) -> Result<(), String> {
        let index = dir.join("index.html");
        let built =
            std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
        let (template, files) = take_inline_loader(&built).map_err(|e| e.to_string())?;
        write(&dir.join("start.js"), start_js(&files))?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|e| format!("no runtime: {e}"))?;
        for (lang, path, base) in [
            (Lang::Zh, "index.html", "./"),
            (Lang::En, "en/index.html", "../"),
        ] {
            let text_version = runtime.block_on(render_text_version(StoryRef(story), lang));
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
            };
            let html = assemble(&template, &app_html, story, &page).map_err(|e| e.to_string())?;
            write(&dir.join(path), html)?;
            write_downloads(dir, story, lang)?;
            let diagram = extract_wide_diagram(&app_html).ok_or("no wide diagram in the page")?;
            write_share_image(dir, &share_svg(story, lang, diagram), lang)?;
        }
        super::share_pack::write_share_packs(dir, story, public_url)?;
        super::share_pack::write_editors_notes(dir, story)?;
        Ok(())
    }

    /// "Get the data": CSV of every figure and of each chart, and each chart as SVG.
    fn write_downloads(dir: &Path, story: &Story, lang: Lang) -> Result<(), String> {
        write(&dir.join(figures_csv_path(lang)), figures_csv(story, lang))?;
        for chart in story.charts.iter() {
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
        let svg_path = dir.join(share_image_path(lang, "svg"));
        write(&svg_path, svg)?;
        let png_path = dir.join(share_image_path(lang, "png"));
        super::share_pack::svg_to_png(&svg_path, &png_path, None).map(|_| ())
    }
}
