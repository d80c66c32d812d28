//! Any bytes as a story file: parsing and validation return errors, never panic; a story that
//! passes validation lays out its diagram and draws its charts without panicking either.
#![no_main]

use capital_circles::charts::{BarChartSpec, bar_chart_svg};
use capital_circles::components::chart_colours;
use capital_circles::diagram::{WIDTH_CLASSES, layout};
use capital_circles::story::{Lang, parse_story};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(story) = parse_story(text) else { return };
    for lang in Lang::ALL {
        for class in WIDTH_CLASSES {
            let _ = layout(&story, lang, class);
        }
        for chart in &story.charts {
            let (colour, ink) = chart_colours(chart);
            let _ = bar_chart_svg(&BarChartSpec::from_chart(chart, lang, colour, ink));
        }
    }
});
