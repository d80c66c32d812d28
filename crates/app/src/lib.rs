//! The Yew layer of capital-circles. Components render from props and state alone, so the same
//! components prerender natively (crate `publish`) and hydrate in the browser. Anything that
//! touches the page outside the components' own DOM is in [`browser`], called from effects only,
//! through the named hooks of [`hooks`]. Everything they show is worked out in `graphic`.

pub mod browser;
pub mod components;
pub mod hooks;
