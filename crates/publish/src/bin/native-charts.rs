//! Writes every chart of a story as drawn natively, in both languages, to a JSON file. The
//! in-browser test compares the browser's drawing with it: plotters must lay out charts
//! identically natively (prerendering) and in the browser (hydration).
//! Usage: native-charts OUT.json (the story: `STORY`, as for the build).

use graphic::charts::{BarChartSpec, bar_chart_svg};
use graphic::escape::json_string;
use std::process::ExitCode;
use story::Lang;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: native-charts OUT.json");
        return ExitCode::FAILURE;
    };
    let story = publish::story_of_this_build();
    let mut out = Vec::new();
    for chart in story.charts.iter() {
        for lang in Lang::ALL {
            let svg = bar_chart_svg(&BarChartSpec::from_chart(chart, lang));
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
