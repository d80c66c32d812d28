//! The browser: everything that touches the page outside the components' DOM. Components and
//! hooks call these only from effects; they talk to the view state through actions. One module
//! per outside system: the URL and history, the embedding host, scheduling, the panic note.

mod card;
mod embed;
mod history;
mod panic;
mod schedule;

pub use card::{on_outside_tap, on_resize, place_card, pointer_in_diagram};
pub use embed::{EmbedGuard, dist_root, start_embed};
pub use history::{on_popstate, url_view, write_url_when_idle};
pub use panic::install_panic_hook;
pub use schedule::when_idle;

use story::Lang;
use wasm_bindgen::JsCast;

pub(crate) fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Where the app mounts: `#app`, which the prerendered page fills.
pub fn mount_point() -> Option<web_sys::Element> {
    window()?.document()?.get_element_by_id("app")
}

/// The language the page itself declares in `<html lang>` (zh when missing or unknown).
pub fn page_lang() -> Lang {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

/// Whether the graphic is inside another page's iframe.
pub fn is_framed() -> bool {
    let Some(w) = window() else { return false };
    match w.top() {
        Ok(Some(top)) => !is_same_object(&top, &w),
        // Access to `top` refused: only a frame can be refused that.
        _ => true,
    }
}

/// JavaScript identity (`===`) of two browser objects, such as a message's source and our parent.
pub(crate) fn is_same_object(
    a: &impl AsRef<wasm_bindgen::JsValue>,
    b: &impl AsRef<wasm_bindgen::JsValue>,
) -> bool {
    a.as_ref() == b.as_ref()
}

/// Sets `<html lang>` and the document title to the current language.
pub fn apply_lang(lang: Lang, title: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.html_tag());
    }
    document.set_title(title);
}

/// Focuses the first element matching `selector` inside `container` that is on screen, such as
/// a component's own node: the diagram exists once per width class, so a search of the whole
/// document could focus a copy the reader cannot see. Nothing happens when none matches.
pub fn focus_within(container: &web_sys::Node, selector: &str) {
    let Some(container) = container.dyn_ref::<web_sys::Element>() else {
        return;
    };
    let Ok(found) = container.query_selector_all(selector) else {
        return;
    };
    let shown = (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|e| e.get_bounding_client_rect().width() > 0.0);
    if let Some(element) = shown {
        focus_without_scrolling(&element);
    }
}

/// Focuses `element` without scrolling the page: focus follows what the reader just used, which
/// is on screen, and the page jumping under a finger would lose their place. SVG and HTML
/// elements each have their own `focus`.
pub fn focus_without_scrolling(element: &web_sys::Element) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    if let Some(svg) = element.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus_with_options(&options);
    } else if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus_with_options(&options);
    }
}

/// An event listener that is removed when dropped: how components listen to the window or the
/// document for as long as they need to (gloo-events, already in yew's tree, instead of a
/// guard of our own).
pub type Listener = gloo_events::EventListener;

/// Calls `handler` for each `event` on `target` (in the capture phase when `capture`). Never
/// passive: a handler may cancel the event (a tap on the diagram that closes a card).
pub(crate) fn listen(
    target: &impl AsRef<web_sys::EventTarget>,
    event: &'static str,
    capture: bool,
    mut handler: impl FnMut(web_sys::Event) + 'static,
) -> Listener {
    use gloo_events::{EventListenerOptions, EventListenerPhase};
    let options = EventListenerOptions {
        phase: if capture {
            EventListenerPhase::Capture
        } else {
            EventListenerPhase::Bubble
        },
        passive: false,
    };
    gloo_events::EventListener::new_with_options(target.as_ref(), event, options, move |e| {
        handler(e.clone())
    })
}

/// Marks the page as started (`<html data-ready>`): the wasm runs and the graphic is
/// interactive. Tests and benchmarks wait for it.
pub fn mark_ready() {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-ready", "1");
    }
}

pub(crate) fn query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}
