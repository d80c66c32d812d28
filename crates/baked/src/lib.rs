//! The story this build tells (`make build STORY=…`; default: the shipped story), checked once
//! and compiled in as data by `build.rs`. The page's wasm and the prerender step both take it
//! from here, so they cannot tell two stories, and neither reads JSON or runs a rule.

// The baked story names `alloc::borrow::Cow` (databake writes paths that work without std).
extern crate alloc;

mod generated {
    // `pub static STORY: story::Story`, written by build.rs (see `story::bake`).
    include!(concat!(env!("OUT_DIR"), "/story.rs"));
}

/// The story this build tells.
pub fn story() -> &'static story::Story {
    &generated::STORY
}
