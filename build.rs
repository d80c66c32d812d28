//! Reads the story file named by `STORY` (an absolute path; default: the shipped story), checks
//! every rule, and bakes it into `OUT_DIR/story.rs` as a Rust `static`: the page starts with its
//! story as data, without a JSON reader or a checker. A broken story stops the build here, with
//! one line per broken rule.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo::rerun-if-env-changed=STORY");
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let story_path = story::read::story_path(&root);
    println!("cargo::rerun-if-changed={}", story_path.display());
    let story = match story::read::read_file(&story_path) {
        Ok(story) => story,
        Err(errors) => {
            for error in errors {
                eprintln!("{}: {error}", story_path.display());
            }
            return ExitCode::FAILURE;
        }
    };
    let Some(out_dir) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        eprintln!("build.rs: cargo set no OUT_DIR");
        return ExitCode::FAILURE;
    };
    let out = out_dir.join("story.rs");
    if let Err(e) = std::fs::write(&out, story::bake::story_rs(&story)) {
        eprintln!("{}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
