//! The page's WebAssembly: the story this build tells, baked in by the crate `baked`, mounted with the
//! app (crate `app`). The layers are crates, each using only the ones before it:
//!
//! - `story`: the story file's model, reader and rules (build time; the page gets the model);
//! - `graphic`: everything pure — numbers, geography, diagram geometry, charts, words, URLs,
//!   the embed protocol, the view state and the palette;
//! - `app`: the Yew components and hooks, and `browser/`, all that touches the page;
//! - `publish`: build time — `check-story`, the prerendered pages, downloads and share images.

pub use story::Story;

/// The page's allocator (talc): smaller in the wasm than Rust's default, as fast in the bench.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The story this build tells (`make build STORY=…`; default: the shipped story), compiled in
/// by the crate `baked`.
pub fn story() -> &'static Story {
    baked::story()
}

/// Mounts the graphic into `#app` (or `<body>` when missing), taking over the prerendered HTML
/// where the build left it. Runs in the browser only.
pub fn start() {
    use app::components::{App, AppProps, StoryRef, TextVersionSource};

    let lang = app::browser::page_lang();
    // A release build's panics abort at once (Makefile: nightly build-std), so a Rust hook
    // could never run there: start.js shows the note when the wasm traps. A debug build
    // (`make serve`) still runs the hook before it stops.
    #[cfg(debug_assertions)]
    app::browser::install_panic_hook(lang);
    let props = |text_version| AppProps {
        story: StoryRef(story()),
        lang,
        text_version,
    };
    match app::browser::mount_point() {
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
