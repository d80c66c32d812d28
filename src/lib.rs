//! Beijing's modern capital metropolitan area as three nested circles: model, renderers and Yew app.
//!
//! Data flows one way: story file -> validated [`story::Story`] -> view state
//! ([`state::ViewState`]) -> pure renderers ([`geo`], [`diagram`], [`charts`], [`numbers`]) ->
//! Yew [`components`]. Everything that touches the browser lives in `edge` (wasm only).

pub mod charts;
pub mod components;
pub mod diagram;
pub mod geo;
pub mod numbers;
pub mod state;
pub mod story;

#[cfg(target_arch = "wasm32")]
pub mod edge;
