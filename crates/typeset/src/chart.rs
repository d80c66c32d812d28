//! A chart as a file of its own (the page's "Chart (SVG)" download): plotters' drawing, as the
//! page draws it, with the title and unit above it and, below, what a worked-out bar comes
//! from, the chart's note and its sources. On the page these are HTML around the drawing; a
//! file that leaves the page must carry them itself.

use crate::text::{FONTS, wrap};
use graphic::charts::bar_chart_svg;
use graphic::escape::escape_html;
use graphic::outline::ChartBlock;
use graphic::palette::LIGHT;
use graphic::words::pieces_text;

const MARGIN_PX: f64 = 12.0;
const TITLE_PX: f64 = 15.0;
const SMALL_PX: f64 = 12.0;

/// The chart of `chart` as a standalone SVG document.
pub fn chart_document(chart: &ChartBlock) -> String {
    let (width, height) = chart.spec.size_px();
    let width = f64::from(width);
    let text_width = width;
    let mut body = String::new();
    let mut y = MARGIN_PX;
    let lines = |body: &mut String, y: &mut f64, text: &str, font: f64, bold: bool| {
        let fill = if bold { LIGHT.ink } else { LIGHT.muted };
        for line in wrap(text, font, text_width * 0.95) {
            *y += font * 1.4;
            body.push_str(&format!(
                "<text x=\"{MARGIN_PX}\" y=\"{:.1}\" font-size=\"{font}\" fill=\"{fill}\"{}>{}</text>\n",
                *y - font * 0.3,
                if bold { " font-weight=\"700\"" } else { "" },
                escape_html(&line)
            ));
        }
    };
    lines(&mut body, &mut y, &chart.title, TITLE_PX, true);
    lines(&mut body, &mut y, &chart.unit, SMALL_PX, false);
    y += 6.0;
    // plotters' own document, placed as a nested drawing: it escapes every string itself.
    let drawing = bar_chart_svg(&chart.spec).replacen(
        "<svg ",
        &format!("<svg x=\"{MARGIN_PX}\" y=\"{y:.1}\" "),
        1,
    );
    body.push_str(&drawing);
    body.push('\n');
    y += f64::from(height) + 6.0;
    for line in &chart.derived_lines {
        lines(&mut body, &mut y, line, SMALL_PX, false);
    }
    if let Some(note) = &chart.note {
        lines(&mut body, &mut y, note, SMALL_PX, false);
    }
    lines(
        &mut body,
        &mut y,
        &pieces_text(&chart.source),
        SMALL_PX,
        false,
    );
    y += MARGIN_PX;
    let full_width = width + 2.0 * MARGIN_PX;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{full_width}\" height=\"{h}\" viewBox=\"0 0 {full_width} {h}\" font-family=\"{FONTS}\">\n<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n{body}</svg>\n",
        LIGHT.bg,
        h = y.ceil(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use graphic::outline::chart_block;
    use story::Lang;

    #[test]
    fn the_file_carries_the_title_note_and_sources_and_a_chart_with_no_note_still_builds() {
        let story = story::testing::fixture();
        for chart in story.charts.iter() {
            for lang in Lang::ALL {
                let block = chart_block(story, chart, lang);
                let svg = chart_document(&block);
                let document = roxmltree::Document::parse(&svg)
                    .unwrap_or_else(|e| panic!("{} {lang}: not XML: {e}", chart.id));
                let text = crate::text_of(&document);
                let squeezed = |s: &str| s.split_whitespace().collect::<String>();
                for expected in [Some(&block.title), block.note.as_ref()]
                    .into_iter()
                    .flatten()
                    .chain(&block.derived_lines)
                {
                    assert!(
                        squeezed(&text).contains(&squeezed(expected)),
                        "{} {lang}: {expected} missing",
                        chart.id
                    );
                }
                for row in &block.spec.rows {
                    assert!(text.contains(&row.value_text), "{} {lang}", chart.id);
                }
            }
        }
        assert!(
            story.charts.iter().any(|c| c.note.is_none()),
            "the fixture has a chart with no note"
        );
    }
}
