//! capital-circles' story editor: write, check and preview a story in the browser, without a
//! Rust toolchain. Its own wasm (`dist/editor/`): the reader's page carries none of it.
//!
//! - `shape`: the form's picture of the story file, made from the model (a new field of the
//!   model is a compile error until the form shows it);
//! - `canonical`: the one format a story is saved in;
//! - `checking`: a draft through the real reader and `check-story`'s rules;
//! - `ui`, `form`, `preview`: the editor's components; `browser`: storage, files, download.

pub mod canonical;
pub mod checking;
pub mod shape;
pub mod words;

/// The story files the tests read: the shipped story and the fixture.
#[cfg(test)]
mod stories {
    pub const SHIPPED: &str = include_str!("../../../static/stories/capital-metro.json");
    pub const FIXTURE: &str = include_str!("../../../tests/fixture/story.json");
}

pub mod browser;
pub mod form;
pub mod preview;
pub mod ui;

/// Mounts the editor into `<body>`. Runs in the browser only.
pub fn start() {
    yew::Renderer::<ui::Editor>::new().render();
}
