//! Where the published files lie in `dist/`, relative to its root: the same from both languages'
//! pages (their base is the root). The page links to them; the build writes them.

use crate::story::{Chart, Lang};

pub fn figures_csv_path(lang: Lang) -> String {
    format!("data/figures-{}.csv", lang.code())
}

pub fn chart_csv_path(chart: &Chart, lang: Lang) -> String {
    format!("data/{}-{}.csv", chart.id, lang.code())
}

pub fn chart_svg_path(chart: &Chart, lang: Lang) -> String {
    format!("data/{}-{}.svg", chart.id, lang.code())
}

/// The link-preview and WeChat image of one language (PNG), and its SVG source.
pub fn share_image_path(lang: Lang, extension: &str) -> String {
    format!("diagram-{}.{extension}", lang.code())
}
