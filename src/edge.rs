//! Browser edges: the URL, history, `<html lang>` and the document title. Components call these
//! only from effects; they talk to the view state through actions.

use crate::state::{Action, ViewState};
use crate::story::Lang;
use crate::url::{UrlView, params_for};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
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
        Ok(Some(top)) => !js_sys_is(&top, &w),
        // Access to `top` refused: only a frame can be refused that.
        _ => true,
    }
}

fn js_sys_is(a: &web_sys::Window, b: &web_sys::Window) -> bool {
    let a: &wasm_bindgen::JsValue = a.as_ref();
    let b: &wasm_bindgen::JsValue = b.as_ref();
    a == b
}

/// The view the current URL asks for.
pub fn url_view() -> UrlView {
    let Some(search) = window().and_then(|w| w.location().search().ok()) else {
        return UrlView::default();
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return UrlView::default();
    };
    let get = |name: &str| params.get(name);
    let (lang, circle, theme) = (get("lang"), get("circle"), get("theme"));
    UrlView::from_pairs(
        [("lang", &lang), ("circle", &circle), ("theme", &theme)]
            .into_iter()
            .filter_map(|(k, v)| v.as_deref().map(|v| (k, v))),
    )
}

/// Writes the view into the URL, keeping every other parameter (`embed`, `theme`, pym's…).
/// As the page itself a change is a new history entry; inside an iframe it only replaces
/// this frame's URL, so the host article's Back button still leaves the article.
pub fn write_url(state: ViewState, page_lang: Lang) {
    let Some(w) = window() else { return };
    let Ok(href) = w.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    let params = url.search_params();
    for (name, value) in params_for(state, page_lang) {
        match value {
            Some(v) => params.set(name, v),
            None => params.delete(name),
        }
    }
    let next = url.href();
    if next == href {
        return;
    }
    let Ok(history) = w.history() else { return };
    let result = if is_framed() {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&next))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&next))
    };
    if result.is_err() {
        web_sys::console::warn_1(&"capital-circles: could not update the URL".into());
    }
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

/// Listens for back and forward; the returned guard stops listening when dropped.
pub struct PopStateListener {
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for PopStateListener {
    fn drop(&mut self) {
        if let Some(w) = window() {
            let _ = w.remove_event_listener_with_callback(
                "popstate",
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

pub fn on_popstate(
    page_lang: Lang,
    dispatch: impl Fn(Action) + 'static,
) -> Option<PopStateListener> {
    let w = window()?;
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
        dispatch(Action::Restore(url_view().state(page_lang)));
    });
    w.add_event_listener_with_callback("popstate", closure.as_ref().unchecked_ref())
        .ok()?;
    Some(PopStateListener { closure })
}

/// Moves focus to circle `id` in the same diagram as `from` (each width class has its own).
pub fn focus_disc(from: Option<web_sys::EventTarget>, id: crate::story::CircleId) {
    let Some(element) = from.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return;
    };
    let Ok(Some(svg)) = element.closest("svg") else {
        return;
    };
    let selector = format!(".disc-{}", id.slug());
    if let Ok(Some(disc)) = svg.query_selector(&selector)
        && let Ok(disc) = disc.dyn_into::<web_sys::SvgElement>()
    {
        let _ = disc.focus();
    }
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
