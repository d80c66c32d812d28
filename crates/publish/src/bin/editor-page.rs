//! Trunk post-build step of the story editor (`crates/editor/Trunk.toml`): makes its page work
//! under the page's strict CSP and gives it what it previews and opens. Usage: editor-page
//! STAGING_DIR. Writes, beside the editor:
//! - `index.html` with the external `start.js` in place of trunk's inline loader;
//! - `page.css`: the graphic's stylesheet with its palette, for the preview;
//! - `story.json`: the story file this build tells (`STORY`), as written, for "open the
//!   shipped story";
//! - in a release build, a brotli copy (`.br`) beside each compressible file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The graphic's own stylesheet, as the page has it before the palette is added.
const PAGE_CSS: &str = include_str!("../../../../static/style.css");

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: editor-page STAGING_DIR");
        return ExitCode::FAILURE;
    };
    match run(&dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("editor-page: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(dir: &Path) -> Result<(), String> {
    let index = dir.join("index.html");
    let built = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let files = publish::page::read_built(&built).map_err(|e| e.to_string())?;
    let page = publish::page::editor_page(&built, &files).map_err(|e| e.to_string())?;
    write(&index, &page)?;
    write(&dir.join("page.css"), &publish::page_stylesheet(PAGE_CSS))?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let story = story::read::story_path(&root);
    let text = std::fs::read_to_string(&story).map_err(|e| format!("{}: {e}", story.display()))?;
    write(&dir.join("story.json"), &text)?;
    publish::write_brotli_copies_for_release(dir)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
