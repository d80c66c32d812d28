//! Hooks that connect the app to the world outside its components, one hook per outside system
//! (as in Yew's function_todomvc example): the URL and history, and the embedding host.
//!
//! Each hook keeps its decisions in pure functions, tested natively next to it, and calls
//! `browser` only from inside effects, so components that use them still prerender natively.

mod store;
mod use_embed_height;
mod use_url_sync;

pub use store::Store;
pub use use_embed_height::use_embed_height;
pub use use_url_sync::use_url_sync;
