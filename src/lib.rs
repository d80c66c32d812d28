//! Beijing's modern capital metropolitan area as three nested circles: model, renderers and Yew app.
//!
//! Data flows one way: story file -> validated [`story::Story`] -> view state
//! ([`state::ViewState`]) -> pure renderers ([`geo`], [`diagram`], [`charts`], [`numbers`]) ->
//! Yew [`components`]. Everything that touches the browser lives in `edge` (wasm only).

pub mod bidi;
pub mod charts;
pub mod components;
pub mod diagram;
pub mod downloads;
pub mod embed;
pub mod escape;
pub mod geo;
pub mod numbers;
pub mod share_image;
pub mod state;
pub mod story;

pub mod edge;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod url;

/// Mounts the graphic into `#app` (or `<body>` when missing). A story that fails validation
/// shows its errors in the page instead of a blank graphic.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use components::{Root, RootProps, StoryErrors, StoryErrorsProps, StoryRef};
    use std::rc::Rc;

    let lang = edge::page_lang();
    edge::install_panic_hook(lang);
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match story::default_story() {
        Ok(story) => {
            let props = RootProps {
                story: StoryRef(Rc::new(story)),
                lang,
            };
            match root {
                // The build prerendered the page: take over its HTML instead of redrawing it.
                Some(el) if el.first_element_child().is_some() => {
                    yew::Renderer::<Root>::with_root_and_props(el, props).hydrate()
                }
                Some(el) => yew::Renderer::<Root>::with_root_and_props(el, props).render(),
                None => yew::Renderer::<Root>::with_props(props).render(),
            };
        }
        Err(errors) => {
            let props = StoryErrorsProps {
                errors: Rc::new(errors),
                lang,
            };
            match root {
                Some(el) => yew::Renderer::<StoryErrors>::with_root_and_props(el, props).render(),
                None => yew::Renderer::<StoryErrors>::with_props(props).render(),
            };
        }
    }
}
