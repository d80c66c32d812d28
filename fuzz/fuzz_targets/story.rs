//! Any bytes as a story file, through the build-time reader and checker: errors, never a
//! panic. A story that passes is laid out, its charts drawn and its figures written as text, as
//! the page would on any valid story, without panicking either.
#![no_main]

use graphic::charts::{BarChartSpec, bar_chart_svg};
use graphic::diagram::{WIDTH_CLASSES, layout};
use graphic::numbers::figure_text;
use story::Lang;
use story::read::read_str;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(story) = read_str(text) else { return };
    for lang in Lang::ALL {
        for class in WIDTH_CLASSES {
            let _ = layout(&story, lang, class);
        }
        for chart in story.charts.iter() {
            let _ = bar_chart_svg(&BarChartSpec::from_chart(chart, lang));
        }
        for figure in story.figures.iter() {
            let _ = figure_text(figure.value, figure.unit, figure.qualifier, lang);
        }
    }
});
