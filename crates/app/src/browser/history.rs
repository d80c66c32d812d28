//! The view in the URL and in the history: reading it, writing it after the view has painted,
//! and back and forward.

use super::schedule::when_idle;
use super::{Listener, is_framed, listen, query_param, window};
use graphic::state::ViewState;
use graphic::url::{UrlView, params_for};
use story::Lang;

/// The view the current URL asks for.
pub fn url_view() -> UrlView {
    let (lang, circle, theme) = (
        query_param("lang"),
        query_param("circle"),
        query_param("theme"),
    );
    UrlView::from_pairs(
        [("lang", &lang), ("circle", &circle), ("theme", &theme)]
            .into_iter()
            .filter_map(|(k, v)| v.as_deref().map(|v| (k, v))),
    )
}

thread_local! {
    /// The view waiting to be written into the URL after the next paint.
    static PENDING_URL: std::cell::Cell<Option<(ViewState, Lang)>> =
        const { std::cell::Cell::new(None) };
}

/// Writes the view into the URL when the browser is next idle. `pushState` took about 3 ms of
/// each selection at 4x throttle: before the paint it delayed the panel, and right after the
/// paint it still delayed a quick second tap. Views chosen in the meantime (quick clicks, held
/// arrow keys) become one history entry, the last.
pub fn write_url_when_idle(state: ViewState, page_lang: Lang) {
    let was_pending = PENDING_URL.with(|pending| pending.replace(Some((state, page_lang))));
    if was_pending.is_none() {
        when_idle(|| {
            if let Some((state, page_lang)) = PENDING_URL.with(std::cell::Cell::take) {
                write_url(state, page_lang);
            }
        });
    }
}

/// Writes the view into the URL, keeping every other parameter (`embed`, `theme`, pym's…).
/// As the page itself a change is a new history entry; inside an iframe it only replaces
/// this frame's URL, so the host article's Back button still leaves the article.
fn write_url(state: ViewState, page_lang: Lang) {
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

/// Listens for back and forward, handing over the view the URL now asks for; the returned
/// guard stops listening when dropped. What to do with the view is the caller's: the browser layer
/// talks to the browser, not to the reducer.
pub fn on_popstate(page_lang: Lang, on_view: impl Fn(ViewState) + 'static) -> Option<Listener> {
    Some(listen(&window()?, "popstate", false, move |_| {
        on_view(url_view().state(page_lang));
    }))
}
