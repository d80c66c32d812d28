//! Writes every chart of the story this build tells as drawn natively, in both languages, to a JSON
//! file. The in-browser test compares the browser's drawing with it: plotters must lay out
//! charts identically natively (prerendering) and in the browser (hydration).

use capital_circles::charts::{BarChartSpec, bar_chart_svg};
use capital_circles::components::chart_colours;
use capital_circles::escape::json_string;
use capital_circles::story::{Lang, story};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: native-charts OUT.json");
        return ExitCode::FAILURE;
    };
    let story = story();
    let mut out = Vec::new();
    for chart in story.charts.iter() {
        for lang in Lang::ALL {
            let (colour, ink) = chart_colours(chart);
            let svg = bar_chart_svg(&BarChartSpec::from_chart(chart, lang, colour, ink));
            out.push(format!(
                "{{\"id\":{},\"lang\":\"{}\",\"svg\":{}}}",
                json_string(&chart.id),
                lang.code(),
                json_string(&svg)
            ));
        }
    }
    let json = format!("[{}]", out.join(","));
    if let Some(dir) = std::path::Path::new(&path).parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    match std::fs::write(&path, json) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
