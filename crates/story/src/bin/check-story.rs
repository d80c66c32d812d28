//! `check-story FILE…`: reads and checks story files in seconds, without building the graphic.
//! Exit 0 with a one-line summary per valid file; exit 1 with one line per broken rule,
//! `FILE: FIELD: English / 中文`.
//!
//! `check-story --bake OUT.rs FILE`: the same check of one file, then the checked story written
//! as Rust code to OUT.rs. This is the build's one read of the story: `make build` names OUT.rs
//! in `CHECKED_STORY`, and the crate `baked` compiles it in without reading or checking again.
//!
//! `check-story --report FILE`: the same check of one file, then the fact-check report on
//! standard output: tab-separated, a header, then one row per evidence object (its path, what
//! the claim shows, the kind of text, direct or indirect speech, the original a reprint or
//! translation names, where it was read, whether the digits or quote were found, and a flag).
//! A broken story prints its errors as above and exits 1.

use std::path::PathBuf;
use std::process::ExitCode;
use story::read::read_file;

fn main() -> ExitCode {
    let mut args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let bake = match args.first() {
        Some(flag) if flag.as_os_str() == "--bake" => {
            if args.len() != 3 {
                eprintln!("usage: check-story --bake OUT.rs FILE.json");
                return ExitCode::from(2);
            }
            let out = args.remove(1);
            args.remove(0);
            Some(out)
        }
        _ => None,
    };
    let report = args
        .first()
        .is_some_and(|flag| flag.as_os_str() == "--report");
    if report {
        if args.len() != 2 {
            eprintln!("usage: check-story --report FILE.json");
            return ExitCode::from(2);
        }
        args.remove(0);
    }
    if args.is_empty() {
        eprintln!("usage: check-story FILE.json… (make check-story STORY=FILE.json)");
        return ExitCode::from(2);
    }
    let mut is_valid = true;
    for file in &args {
        match read_file(file) {
            Ok(story) if report => {
                eprintln!("{}: valid / 有效", file.display());
                print!("{}", story::report::tsv(&story::report::rows(&story)));
            }
            Ok(story) => {
                println!(
                    "{}: valid: story \"{}\", {} circles, {} places, {} figures, {} charts / 有效",
                    file.display(),
                    story.id,
                    story.circles.iter().count(),
                    story.places.len(),
                    story.figures.len(),
                    story.charts.len(),
                );
                if let Some(out) = &bake
                    && let Err(message) = write_baked(out, &story)
                {
                    eprintln!("{message}");
                    return ExitCode::FAILURE;
                }
            }
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

/// Writes the checked story as Rust code, only where it changed: cargo rebuilds what includes
/// it by the file's time.
fn write_baked(out: &std::path::Path, story: &story::Story) -> Result<(), String> {
    let rust = story::bake::story_rs(story);
    if std::fs::read_to_string(out).is_ok_and(|old| old == rust) {
        return Ok(());
    }
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(out, rust).map_err(|e| format!("{}: {e}", out.display()))
}
