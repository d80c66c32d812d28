//! Typesetting, without a browser: the outline (`graphic::outline`) set as standalone SVG, with
//! every colour inline, for channels that run no script and load no stylesheet.
//!
//! - [`column`]: the story as one phone-width article: the WeChat article (sections opened by
//!   a tap), the long images (everything shown) and the newsletter image;
//! - [`preview`]: the 1200 × 630 link-preview image;
//! - [`chart`]: a chart as a file of its own, with its title, note and sources;
//! - [`diagram`]: the diagram both draw, with marks from `graphic::marks`;
//! - [`text`]: the font stack and the line breaking every one of them uses.
//!
//! Pure string building: it builds for wasm32 too. Turning the SVG into PNG and JPEG is the
//! publisher's (`publish::share_pack`).

pub mod chart;
pub mod column;
pub mod diagram;
pub mod preview;
pub mod text;

/// For the tests: every text node of a parsed SVG, in order, joined.
#[cfg(test)]
fn text_of(document: &roxmltree::Document) -> String {
    document
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}
