//! The pure layer of capital-circles: what the graphic shows, worked out from the story without
//! a browser or a UI framework. Data flows one way: a checked [`story::Story`] and a view state
//! ([`state::ViewState`]) go in; numbers ([`numbers`]), places ([`geo`]), the diagram's geometry
//! ([`diagram`]), charts as SVG ([`charts`]), sentences ([`words`]) and colours ([`palette`])
//! come out. The app (crate `app`) draws them in the page; `publish` writes them into `dist/`.

pub mod bidi;
pub mod charts;
pub mod diagram;
pub mod embed;
pub mod escape;
pub mod geo;
pub mod marks;
pub mod numbers;
pub mod outline;
pub mod palette;
pub mod paths;
pub mod state;
pub mod url;
pub mod words;
