//! The story the graphic tells: its model (crate `capital-story`) and the story itself, read
//! and checked when the app was built (`build.rs`) and compiled in as data.

pub use capital_story::*;

mod baked {
    // `pub static STORY: capital_story::Story`, written by build.rs (see `capital_story::bake`).
    include!(concat!(env!("OUT_DIR"), "/story.rs"));
}

/// The story this build tells (`make build STORY=…`; default: the shipped story).
pub fn story() -> &'static Story {
    &baked::STORY
}
