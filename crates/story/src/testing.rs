//! The fixture story of the code's own tests (`tests/fixture/story.json` at the workspace root):
//! small, and full of hostile text. Every crate's tests read it from here; the shipped story's
//! facts are checked in the root's `tests/content.rs` alone.

use crate::Story;
use std::sync::OnceLock;

pub const FIXTURE_JSON: &str = include_str!("../../../tests/fixture/story.json");

/// The fixture, read and checked by the build-time reader once.
pub fn fixture() -> &'static Story {
    static FIXTURE: OnceLock<Story> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        crate::read::read_str(FIXTURE_JSON)
            .unwrap_or_else(|errors| panic!("the fixture story is invalid: {errors:#?}"))
    })
}
