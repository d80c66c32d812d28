//! Hooks that connect the app to the world outside its components, one hook per outside system
//! (as in Yew's function_todomvc example): the URL and history, the embedding host, the place
//! card beside the diagram, and focus following a key.
//!
//! Each hook keeps its decisions in pure functions, tested natively next to it, and calls
//! `browser` only from inside effects, so components that use them still prerender natively.

mod store;
mod use_embed_height;
mod use_focus_follows_key;
mod use_place_card;
mod use_url_sync;

pub use store::Store;
pub use use_embed_height::use_embed_height;
pub use use_focus_follows_key::use_focus_follows_key;
pub use use_place_card::{
    CardSpot, use_card_follows_resize, use_card_placement, use_close_on_outside_tap,
};
pub use use_url_sync::use_url_sync;
