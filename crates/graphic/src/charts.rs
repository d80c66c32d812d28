//! Charts as pure functions: data in, a drawing on any plotters backend out.
//!
//! Titles, units and notes are HTML around the chart, not plotters text: plotters measures
//! text differently natively and in the browser, and the prerendered chart must be identical
//! to the hydrated one. Every position here is computed from the data alone.

use crate::numbers::{Scale, number_text, qualifier_prefix};
use crate::palette::{Rgb, chart_colours};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use story::{Chart, Lang};

/// The chart's own coordinate system; the SVG scales to the page by its viewBox.
pub const CHART_WIDTH_PX: u32 = 320;
/// Height of one bar's row: its label above, the bar below.
const ROW_PX: u32 = 46;
/// plotters writes `font-size` as size / 1.24: these give about 13 and 14 px in the SVG.
const LABEL_FONT_PX: f64 = 16.0;
const VALUE_FONT_PX: f64 = 17.0;
const BAR_HEIGHT_PX: i32 = 18;
const LEFT_PX: i32 = 2;
/// Longest bar as a share of the width, leaving room for the value label after it.
const BAR_SHARE: f64 = 0.5;
/// The page's CJK font stack (no web fonts).
pub const FONT_STACK: &str = "PingFang SC, Noto Sans CJK SC, Microsoft YaHei, sans-serif";

/// One bar as the reader reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    pub label: String,
    /// Only for the bar's length; the text keeps the source's digits.
    pub value: f64,
    pub value_text: String,
}

/// A bar chart ready to draw: rows, a bar colour and the ink of its text.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChartSpec {
    pub rows: Vec<BarRow>,
    pub colour: Rgb,
    pub ink: Rgb,
}

fn plotters_colour(Rgb(r, g, b): Rgb) -> RGBColor {
    RGBColor(r, g, b)
}

/// Value label of one bar: qualifier and number in the chart's unit, source digits kept.
pub fn bar_value_text(chart: &Chart, bar: usize, lang: Lang) -> String {
    let Some(bar) = chart.bars.get(bar) else {
        return String::new();
    };
    let exponent = match lang {
        Lang::Zh => chart.scale.zh.get(),
        Lang::En => chart.scale.en.get(),
    };
    format!(
        "{}{}",
        qualifier_prefix(bar.qualifier, lang),
        number_text(bar.value, Scale { exponent }, lang)
    )
}

impl BarChartSpec {
    /// The chart as the page, the downloads and the share images draw it, in the palette's
    /// colours.
    pub fn from_chart(chart: &Chart, lang: Lang) -> BarChartSpec {
        let (colour, ink) = chart_colours(chart);
        let rows = chart
            .bars
            .iter()
            .enumerate()
            .map(|(i, bar)| BarRow {
                label: bar.label.get(lang).to_owned(),
                value: bar.value.to_f64(),
                value_text: bar_value_text(chart, i, lang),
            })
            .collect();
        BarChartSpec { rows, colour, ink }
    }

    pub fn size_px(&self) -> (u32, u32) {
        let rows = u32::try_from(self.rows.len()).unwrap_or(u32::MAX);
        (
            CHART_WIDTH_PX,
            rows.saturating_mul(ROW_PX).saturating_add(4),
        )
    }

    /// A sentence a screen reader reads for the whole chart: every label and value.
    pub fn accessible_label(&self, title: &str) -> String {
        let items: Vec<String> = self
            .rows
            .iter()
            .map(|r| format!("{}: {}", crate::bidi::isolate(&r.label), r.value_text))
            .collect();
        format!("{title}. {}", items.join("; "))
    }
}

/// Draws horizontal bars, each labelled above and with its value at its end, on any backend.
pub fn draw_bar_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &BarChartSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (width, _) = root.dim_in_pixel();
    let max = spec.rows.iter().map(|r| r.value).fold(0.0_f64, f64::max);
    let max_len = f64::from(width) * BAR_SHARE;
    let ink = plotters_colour(spec.ink);
    let label_style = TextStyle::from((FONT_STACK, LABEL_FONT_PX).into_font())
        .color(&ink)
        .pos(Pos::new(HPos::Left, VPos::Top));
    let value_style = TextStyle::from(
        (FONT_STACK, VALUE_FONT_PX)
            .into_font()
            .style(FontStyle::Bold),
    )
    .color(&ink)
    .pos(Pos::new(HPos::Left, VPos::Center));
    for (i, row) in spec.rows.iter().enumerate() {
        let top = i32::try_from(i).unwrap_or(0) * i32::try_from(ROW_PX).unwrap_or(0) + 2;
        root.draw(&Text::new(
            row.label.clone(),
            (LEFT_PX, top),
            label_style.clone(),
        ))?;
        let bar_top = top + 20;
        // A zero or missing maximum draws no bar, never a NaN.
        let len = if max > 0.0 {
            (row.value / max * max_len).round()
        } else {
            0.0
        };
        let len_px = len.clamp(0.0, max_len) as i32;
        root.draw(&Rectangle::new(
            [
                (LEFT_PX, bar_top),
                (LEFT_PX + len_px.max(1), bar_top + BAR_HEIGHT_PX),
            ],
            plotters_colour(spec.colour).filled(),
        ))?;
        root.draw(&Text::new(
            row.value_text.clone(),
            (LEFT_PX + len_px + 6, bar_top + BAR_HEIGHT_PX / 2),
            value_style.clone(),
        ))?;
    }
    Ok(())
}

/// The chart as an SVG document string (plotters escapes all text).
pub fn bar_chart_svg(spec: &BarChartSpec) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, spec.size_px()).into_drawing_area();
        // Drawing into a String cannot fail for I/O; an error would leave a partial chart,
        // which the table beside it still covers.
        let _ = draw_bar_chart(&root, spec);
        let _ = root.present();
    }
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use story::testing::fixture;

    fn chart(id: &str) -> &'static Chart {
        match fixture().charts.iter().find(|c| c.id == id) {
            Some(c) => c,
            None => panic!("no chart {id}"),
        }
    }

    fn svg(id: &str, lang: Lang) -> String {
        bar_chart_svg(&BarChartSpec::from_chart(chart(id), lang))
    }

    #[test]
    fn a_chart_shows_source_digits_in_each_language() {
        let zh = svg("people-where", Lang::Zh);
        assert!(zh.contains(">\n17.5万\n<"), "{zh}");
        assert!(zh.contains(">\n约22.5万\n<"), "{zh}");
        assert!(zh.contains("甲地"));
        assert!(!zh.contains("18万"));
        let en = svg("people-where", Lang::En);
        assert!(en.contains(">\n175,000\n<"), "{en}");
        assert!(en.contains(">\nabout 225,000\n<"), "{en}");
        assert!(en.contains("Place A"));
    }

    #[test]
    fn gdp_bars_keep_every_source_digit() {
        let zh = svg("output", Lang::Zh);
        for v in ["41,610.9亿", "16,311.34亿", "42,370.4亿"] {
            assert!(zh.contains(v), "{v} missing");
        }
        let en = svg("output", Lang::En);
        for v in ["4,161.09 billion", "1,631.134 billion", "4,237.04 billion"] {
            assert!(en.contains(v), "{v} missing");
        }
    }

    #[test]
    fn bar_lengths_follow_the_values() {
        let svg = svg("people-where", Lang::En);
        // Rectangles in drawing order: Place A then Place B. Widths from their x/width attributes.
        let widths: Vec<f64> = svg
            .match_indices("<rect")
            .filter_map(|(i, _)| {
                let tag = &svg[i..svg[i..].find('>').map(|e| i + e)?];
                let attr = |name: &str| -> Option<f64> {
                    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
                    tag[start..].split('"').next()?.parse().ok()
                };
                attr("width")
            })
            .collect();
        assert_eq!(widths.len(), 2, "{svg}");
        let ratio = widths[1] / widths[0];
        let expected = 22.5 / 17.5;
        assert!((ratio - expected).abs() / expected < 0.05, "ratio {ratio}");
    }

    #[test]
    fn value_labels_fit_beside_the_longest_bar() {
        use crate::diagram::labels::text_size_px;
        let max_bar = f64::from(CHART_WIDTH_PX) * BAR_SHARE;
        for chart in fixture().charts.iter() {
            for lang in Lang::ALL {
                let spec = BarChartSpec::from_chart(chart, lang);
                for row in &spec.rows {
                    // plotters writes the font size divided by 1.24.
                    let (text_w, _) = text_size_px(&row.value_text, VALUE_FONT_PX / 1.24);
                    let right = f64::from(LEFT_PX) + max_bar + 6.0 + text_w;
                    assert!(
                        right <= f64::from(CHART_WIDTH_PX),
                        "{} {lang}: {} ends at {right}",
                        chart.id,
                        row.value_text
                    );
                }
            }
        }
    }

    #[test]
    fn markup_in_labels_is_escaped() {
        let spec = BarChartSpec {
            rows: vec![BarRow {
                label: "<script>x</script>".into(),
                value: 1.0,
                value_text: "1".into(),
            }],
            colour: Rgb(0, 0, 255),
            ink: Rgb(0, 0, 0),
        };
        let svg = bar_chart_svg(&spec);
        assert!(
            !svg.contains("<script>") && svg.contains("&lt;script&gt;"),
            "{svg}"
        );
    }

    #[test]
    fn accessible_label_lists_every_bar() {
        let spec = BarChartSpec::from_chart(chart("output"), Lang::En);
        let label = spec.accessible_label("Output");
        assert_eq!(
            label,
            "Output. A: 4,161.09 billion; B: 1,631.134 billion; C: 4,237.04 billion"
        );
    }

    #[test]
    fn chart_svg_has_no_inline_style() {
        for id in ["people-where", "output"] {
            for lang in Lang::ALL {
                let svg = svg(id, lang);
                assert!(!svg.contains("style="), "{id} {lang}: {svg}");
            }
        }
    }
}
