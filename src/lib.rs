//! Beijing's modern capital metropolitan area as three nested circles: model, renderers and Yew app.
//!
//! Data flows one way: story file -> (build time) checked and baked [`story::Story`] -> view state
//! ([`state::ViewState`]) -> pure renderers ([`geo`], [`diagram`], [`charts`], [`numbers`]) ->
//! Yew [`components`], which reach the world outside through [`hooks`]. Everything that touches
//! the browser lives in `edge`: compiled on every target so it type-checks natively, called in
//! the browser only. Build-time publishing (prerendered pages, downloads, `share/`) is
//! [`publish`], native only.

extern crate alloc;

pub mod bidi;
pub mod charts;
pub mod components;
pub mod diagram;
pub mod embed;
pub mod escape;
pub mod geo;
pub mod hooks;
pub mod numbers;
pub mod state;
pub mod story;

pub mod edge;
pub mod paths;
pub mod publish;
pub mod url;
pub mod words;

#[cfg(test)]
mod testing;

/// Mounts the graphic into `#app` (or `<body>` when missing), taking over the prerendered HTML
/// where the build left it.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use components::{App, AppProps, StoryRef, TextVersionSource};

    let lang = edge::page_lang();
    edge::install_panic_hook(lang);
    let props = |text_version| AppProps {
        story: StoryRef(story::story()),
        lang,
        text_version,
    };
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        // The build prerendered the page: take over its HTML instead of redrawing it.
        // The text version in it stays as it is (hydration claims it without reading it).
        Some(el) if el.first_element_child().is_some() => {
            yew::Renderer::<App>::with_root_and_props(el, props(TextVersionSource::Kept)).hydrate()
        }
        Some(el) => {
            yew::Renderer::<App>::with_root_and_props(el, props(TextVersionSource::Rendered))
                .render()
        }
        None => yew::Renderer::<App>::with_props(props(TextVersionSource::Rendered)).render(),
    };
}
