//! `check-story FILE…`: reads and checks story files in seconds, without building the graphic.
//! Exit 0 with a one-line summary per valid file; exit 1 with one line per broken rule,
//! `FILE: FIELD: English / 中文`.

use std::path::PathBuf;
use std::process::ExitCode;
use story::read::read_file;

fn main() -> ExitCode {
    let files: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if files.is_empty() {
        eprintln!("usage: check-story FILE.json… (make check-story STORY=FILE.json)");
        return ExitCode::from(2);
    }
    let mut is_valid = true;
    for file in &files {
        match read_file(file) {
            Ok(story) => println!(
                "{}: valid: story \"{}\", {} circles, {} places, {} figures, {} charts / 有效",
                file.display(),
                story.id,
                story.circles.iter().count(),
                story.places.len(),
                story.figures.len(),
                story.charts.len(),
            ),
            Err(errors) => {
                is_valid = false;
                for error in errors {
                    eprintln!("{}: {error}", file.display());
                }
            }
        }
    }
    if is_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
