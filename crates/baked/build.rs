//! Writes the story this build tells into `OUT_DIR/story.rs` as a Rust `static`.
//!
//! `make build` and `make serve` check the story once, with `check-story --bake FILE`, and
//! name the baked file in `CHECKED_STORY`: this script then only copies it, so the rules run
//! once per build. Outside `make` (a bare `cargo test`), with no `CHECKED_STORY`, it reads
//! and checks the story file itself (`STORY`, or the shipped story); a broken story stops the
//! build here, one line per broken rule.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo::rerun-if-env-changed=CHECKED_STORY");
    println!("cargo::rerun-if-env-changed=STORY");
    let Some(out_dir) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        eprintln!("build.rs: cargo set no OUT_DIR");
        return ExitCode::FAILURE;
    };
    let out = out_dir.join("story.rs");
    let baked = match std::env::var_os("CHECKED_STORY").filter(|p| !p.is_empty()) {
        Some(checked) => {
            let checked = PathBuf::from(checked);
            println!("cargo::rerun-if-changed={}", checked.display());
            match std::fs::read_to_string(&checked) {
                Ok(rust) => rust,
                Err(e) => {
                    eprintln!(
                        "{}: {e} (CHECKED_STORY: written by check-story --bake)",
                        checked.display()
                    );
                    return ExitCode::FAILURE;
                }
            }
        }
        None => {
            let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default())
                .join("../..");
            let story_path = story::read::story_path(&root);
            println!("cargo::rerun-if-changed={}", story_path.display());
            match story::read::read_file(&story_path) {
                Ok(story) => story::bake::story_rs(&story),
                Err(errors) => {
                    for error in errors {
                        eprintln!("{}: {error}", story_path.display());
                    }
                    return ExitCode::FAILURE;
                }
            }
        }
    };
    if let Err(e) = std::fs::write(&out, baked) {
        eprintln!("{}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
