//! The 1200 × 630 image for link previews (`og:image`) and the page's "Diagram (PNG)": the
//! wide diagram beside the headline, the circles with their radii, a compact legend, the radius
//! note and the credit. Every colour inline, as the column's article: no stylesheet.

use crate::diagram::{discs_svg, overlay_svg};
use crate::text::{FONTS, wrap};
use graphic::diagram::{DiagramLayout, WIDTH_CLASSES, layout, svg_number as px, unlabelled_places};
use graphic::escape::escape_html;
use graphic::marks::mark_svg;
use graphic::outline::Outline;
use graphic::palette::{LIGHT, Palette};
use story::Story;

pub const WIDTH_PX: f64 = 1200.0;
pub const HEIGHT_PX: f64 = 630.0;
const DIAGRAM_PX: f64 = 600.0;
const TEXT_X: f64 = 640.0;
const TEXT_WIDTH_PX: f64 = 530.0;
const PALETTE: Palette = LIGHT;

/// The wide diagram, as the page lays it out for its wide width class.
pub fn preview_diagram(story: &Story, outline: &Outline) -> DiagramLayout {
    layout(story, outline.lang, WIDTH_CLASSES[1])
}

struct Column {
    out: String,
    y: f64,
}

impl Column {
    fn text(&mut self, text: &str, font_px: f64, muted: bool, bold: bool) {
        let fill = if muted { PALETTE.muted } else { PALETTE.ink };
        for line in wrap(text, font_px, TEXT_WIDTH_PX * if bold { 0.9 } else { 0.97 }) {
            self.y += font_px * 1.35;
            self.out.push_str(&format!(
                "<text x=\"{TEXT_X}\" y=\"{:.1}\" font-size=\"{}\" fill=\"{fill}\"{}>{}</text>\n",
                self.y,
                px(font_px),
                if bold { " font-weight=\"700\"" } else { "" },
                escape_html(&line)
            ));
        }
    }
}

/// The whole preview as standalone SVG, with `diagram` from [`preview_diagram`].
pub fn preview_svg(story: &Story, outline: &Outline, diagram: &DiagramLayout) -> String {
    let scale = DIAGRAM_PX / diagram.class.size_px;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH_PX}\" height=\"{HEIGHT_PX}\" viewBox=\"0 0 {WIDTH_PX} {HEIGHT_PX}\" font-family=\"{FONTS}\">\n<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n<g transform=\"translate(15 15) scale({scale})\">\n{}{}</g>\n",
        PALETTE.bg,
        discs_svg(diagram, &PALETTE, 0.0),
        overlay_svg(diagram, &PALETTE, 0.0),
    );
    // The text steps down in size where a long story's words would run past the image's foot:
    // the largest size that fits is used.
    let column = TEXT_SCALES
        .iter()
        .map(|scale| text_column(story, outline, diagram, *scale))
        .find(|column| column.y + 6.0 <= HEIGHT_PX)
        .unwrap_or_else(|| {
            text_column(story, outline, diagram, TEXT_SCALES[TEXT_SCALES.len() - 1])
        });
    out.push_str(&column.out);
    out.push_str("</svg>\n");
    out
}

/// The sizes the text beside the diagram may take, as a share of its full size, largest first.
const TEXT_SCALES: [f64; 6] = [1.0, 0.93, 0.86, 0.8, 0.75, 0.7];

/// The text beside the diagram at `scale` of its full size; `y` is where it ends.
fn text_column(story: &Story, outline: &Outline, diagram: &DiagramLayout, scale: f64) -> Column {
    let small = 14.0 * scale;
    let lang = outline.lang;
    let mut column = Column {
        out: String::new(),
        y: 20.0,
    };
    column.text(&outline.kicker, 18.0 * scale, true, true);
    column.y += 4.0;
    column.text(&outline.headline, 34.0 * scale, false, true);
    column.y += 8.0;
    column.text(&outline.standfirst, 20.0 * scale, true, false);
    column.y += 10.0;
    for circle in story.circles.iter() {
        let line = graphic::words::name_and_radius(&story.ui, circle, circle.name.get(lang), lang);
        column.text(&line, 20.0 * scale, false, false);
    }
    column.y += 8.0;
    // A compact legend: two entries a row.
    let font = small;
    for pair in outline.legend.chunks(2) {
        column.y += font * 1.45;
        for (k, entry) in pair.iter().enumerate() {
            let x = TEXT_X + k as f64 * (TEXT_WIDTH_PX / 2.0);
            column.out.push_str(&mark_svg(
                entry.style,
                &PALETTE,
                x + 6.0,
                column.y - 5.0,
                6.0,
            ));
            column.out.push_str(&format!(
                "\n<text x=\"{}\" y=\"{:.1}\" font-size=\"{}\" fill=\"{}\">{}</text>\n",
                px(x + 18.0),
                column.y,
                px(font),
                PALETTE.ink,
                escape_html(&entry.text)
            ));
        }
    }
    column.y += 6.0;
    let unlabelled = unlabelled_places(story, diagram, lang);
    if !unlabelled.is_empty() {
        column.text(
            &graphic::words::unlabelled_line(&unlabelled, lang),
            small,
            true,
            false,
        );
    }
    column.text(&outline.radius_note, small, true, false);
    column.y += 6.0;
    column.text(&outline.credit, small, true, false);
    column
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{line_faults, set_lines};
    use story::Lang;

    /// The baseline of every line of the text beside the diagram.
    pub fn text_baselines(svg: &str) -> Vec<f64> {
        svg.split(&format!("<text x=\"{TEXT_X}\" y=\""))
            .skip(1)
            .filter_map(|rest| rest.split('"').next()?.parse().ok())
            .collect()
    }

    #[test]
    fn the_text_beside_the_diagram_ends_above_the_images_foot() {
        let story = story::testing::fixture();
        for lang in Lang::ALL {
            let outline = graphic::outline::outline(story, lang);
            let svg = preview_svg(story, &outline, &preview_diagram(story, &outline));
            let baselines = text_baselines(&svg);
            assert!(baselines.len() > 8, "{lang}");
            let last = baselines.iter().copied().fold(0.0, f64::max);
            assert!(last + 6.0 <= HEIGHT_PX, "{lang}: the last line at {last}");
        }
    }

    /// Every line the preview sets keeps to clreq, each line on its own.
    #[test]
    fn the_preview_sets_its_lines_as_chinese_typesetting_requires() {
        let story = story::testing::fixture();
        for lang in Lang::ALL {
            let outline = graphic::outline::outline(story, lang);
            let svg = preview_svg(story, &outline, &preview_diagram(story, &outline));
            let lines = set_lines(&svg);
            assert!(lines.len() > 8, "{lang}: {lines:?}");
            for line in lines {
                assert_eq!(
                    line_faults(std::slice::from_ref(&line)),
                    Vec::<String>::new(),
                    "{lang}"
                );
            }
        }
    }
}
