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
        Ok(Some(top)) => !is_same_object(&top, &w),
        // Access to `top` refused: only a frame can be refused that.
        _ => true,
    }
}

/// JavaScript identity (`===`) of two browser objects, such as a message's source and our parent.
fn is_same_object(
    a: &impl AsRef<wasm_bindgen::JsValue>,
    b: &impl AsRef<wasm_bindgen::JsValue>,
) -> bool {
    a.as_ref() == b.as_ref()
}

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

/// Writes the view into the URL once the selection has been painted. `pushState` took about
/// 3 ms of each selection at 4x throttle, before the panel could paint; views chosen in the
/// meantime (quick clicks, held arrow keys) become one history entry, the last.
pub fn write_url_after_paint(state: ViewState, page_lang: Lang) {
    let was_pending = PENDING_URL.with(|pending| pending.replace(Some((state, page_lang))));
    if was_pending.is_none() {
        after_paint(|| {
            if let Some((state, page_lang)) = PENDING_URL.with(std::cell::Cell::take) {
                write_url(state, page_lang);
            }
        });
    }
}

/// Runs `task` in the task after the next frame's paint (`requestAnimationFrame`, then a
/// zero timeout), or at once where there is no window.
fn after_paint(task: impl FnOnce() + 'static) {
    let Some(w) = window() else { return task() };
    let task: js_sys::Function = Closure::once_into_js(task).unchecked_into();
    let later = task.clone();
    let frame: js_sys::Function = Closure::once_into_js(move || {
        if let Some(w) = window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&later, 0);
        }
    })
    .unchecked_into();
    if w.request_animation_frame(&frame).is_err() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&task, 0);
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

/// Runs `task` once, when the browser next has nothing to do (`requestIdleCallback`), or after
/// a short delay where that is missing (Safari). Work that can wait never delays a reader's tap.
pub fn when_idle(task: impl FnOnce() + 'static) {
    let Some(w) = window() else { return };
    let callback: js_sys::Function = Closure::once_into_js(task).unchecked_into();
    if w.request_idle_callback(&callback).is_err() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&callback, 300);
    }
}

/// Auto-height inside an iframe: the height is sent in all four dialects at start, whenever
/// it changes, and whenever pym's parent reports a new width. Dropping it stops all of it.
pub struct EmbedGuard {
    observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
    on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Drop for EmbedGuard {
    fn drop(&mut self) {
        self.observer.disconnect();
        if let Some(w) = window() {
            let _ = w.remove_event_listener_with_callback(
                "message",
                self.on_message.as_ref().unchecked_ref(),
            );
        }
    }
}

fn query_param(name: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Sends the height to the parent in every dialect, if it changed or `force` is set.
fn send_height(last: &std::cell::Cell<u32>, child_id: Option<&str>, embed_id: &str, force: bool) {
    let Some(w) = window() else { return };
    let Some(root) = w.document().and_then(|d| d.document_element()) else {
        return;
    };
    let height = root.get_bounding_client_rect().height().ceil();
    if !(height.is_finite() && height > 0.0) {
        return;
    }
    let height_px = height as u32;
    if !force && last.get() == height_px {
        return;
    }
    last.set(height_px);
    let Ok(Some(parent)) = w.parent() else { return };
    let href = w.location().href().unwrap_or_default();
    for message in crate::embed::height_messages(child_id, embed_id, height_px, &href) {
        let value = match message {
            crate::embed::HeightMessage::Text(text) => wasm_bindgen::JsValue::from_str(&text),
            crate::embed::HeightMessage::Object(json) => match js_sys::JSON::parse(&json) {
                Ok(value) => value,
                Err(_) => continue,
            },
        };
        let _ = parent.post_message(&value, "*");
    }
}

/// Starts auto-height when framed; `None` as the page itself.
pub fn start_embed(embed_id: &str) -> Option<EmbedGuard> {
    if !is_framed() {
        return None;
    }
    let w = window()?;
    let root = w.document()?.document_element()?;
    // pym's parent adds `childId` (echoed in its messages) and `initialWidth`; our layout
    // follows the frame's real width through CSS, so `initialWidth` needs no handling.
    let child_id = query_param("childId").filter(|id| crate::embed::is_valid_child_id(id));
    let last = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let embed_id = embed_id.to_owned();
    send_height(&last, child_id.as_deref(), &embed_id, true);

    let on_resize = {
        let (last, child_id, embed_id) = (last.clone(), child_id.clone(), embed_id.clone());
        Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| {
            send_height(&last, child_id.as_deref(), &embed_id, false);
        })
    };
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    observer.observe(&root);

    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            // Hosts are other origins: trust the sender window (our parent), never an origin.
            let Some(w) = window() else { return };
            let Ok(Some(parent)) = w.parent() else { return };
            let from_parent = event
                .source()
                .is_some_and(|source| is_same_object(&source, &parent));
            let (Some(id), Some(data)) = (child_id.as_deref(), event.data().as_string()) else {
                return;
            };
            if from_parent
                && crate::embed::host_request(&data, id) == Some(crate::embed::HostRequest::Width)
            {
                send_height(&last, Some(id), &embed_id, true);
            }
        });
    w.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref())
        .ok()?;
    Some(EmbedGuard {
        observer,
        _on_resize: on_resize,
        on_message,
    })
}

/// The published root of `dist/` (the page's `<base>`), for embed code.
pub fn dist_root() -> Option<String> {
    window()?.document()?.base_uri().ok().flatten()
}

/// The `?story=` name, if any.
pub fn story_request() -> Option<String> {
    query_param("story")
}

/// Fetches a same-origin text file, refusing anything larger than `max_bytes`.
#[cfg(target_arch = "wasm32")]
pub async fn fetch_text(path: &str, max_bytes: usize) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let w = window().ok_or("no window")?;
    let response = JsFuture::from(w.fetch_with_str(path))
        .await
        .map_err(|_| format!("{path} could not be loaded"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "not a response".to_owned())?;
    if !response.ok() {
        return Err(format!(
            "{path} could not be loaded (HTTP {})",
            response.status()
        ));
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > max_bytes) {
        return Err(format!("{path} is larger than {max_bytes} bytes"));
    }
    let text = JsFuture::from(response.text().map_err(|_| "no text".to_owned())?)
        .await
        .map_err(|_| format!("{path} could not be read"))?
        .as_string()
        .ok_or("not text")?;
    Ok(text)
}

/// After a panic nothing else runs: report it once to the console and leave a readable note
/// over what is already on screen, in the reader's language.
pub fn install_panic_hook(lang: Lang) {
    use std::sync::atomic::{AtomicBool, Ordering};
    static REPORTED: AtomicBool = AtomicBool::new(false);
    std::panic::set_hook(Box::new(move |info| {
        if REPORTED.swap(true, Ordering::SeqCst) {
            return;
        }
        web_sys::console::error_1(&format!("capital-circles stopped: {info}").into());
        let text = match lang {
            Lang::Zh => "出错了，互动功能已停止。页面上已显示的内容仍然有效；刷新页面可重试。",
            Lang::En => {
                "Something went wrong and the interactive parts stopped. What is shown still holds; reload the page to try again."
            }
        };
        let Some(document) = window().and_then(|w| w.document()) else {
            return;
        };
        let (Ok(note), Some(body)) = (document.create_element("div"), document.body()) else {
            return;
        };
        note.set_class_name("panic-note");
        let _ = note.set_attribute("role", "alert");
        note.set_text_content(Some(text));
        let _ = body.append_child(&note);
    }));
}
