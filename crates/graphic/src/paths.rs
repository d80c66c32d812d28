//! Where the published files lie in `dist/`, relative to its root: the same from both languages'
//! pages (their base is the root). The page links to them; the build writes them.

use story::{Chart, Lang};

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

/// Where the files for channels without iframes lie: `share/` (the WeChat SVG, long images,
/// the newsletter image and the editors' notes).
pub const SHARE_DIR: &str = "share";

/// The WeChat article SVG of one language.
pub fn wechat_svg_path(lang: Lang) -> String {
    format!("{SHARE_DIR}/wechat-{}.svg", lang.code())
}

/// Part `part` of `parts` of the long image (`long-zh.png`, or `long-zh-1.png`… when split).
pub fn long_image_path(lang: Lang, part: usize, parts: usize, extension: &str) -> String {
    if parts > 1 {
        format!("{SHARE_DIR}/long-{}-{part}.{extension}", lang.code())
    } else {
        format!("{SHARE_DIR}/long-{}.{extension}", lang.code())
    }
}

/// The newsletter image (`png`) and its alt text (`txt`).
pub fn static_image_path(lang: Lang, extension: &str) -> String {
    format!("{SHARE_DIR}/static-{}.{extension}", lang.code())
}
