//! Auto-height inside an iframe: the page's height sent to the host in every dialect, and pym's
//! requests from the parent window (trusted by `event.source`, never by origin).

use super::{is_framed, is_same_object, query_param, window};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

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

/// Measures the page and sends its height to the parent in every dialect, when
/// [`graphic::embed::height_to_send`] says so.
fn send_height(last: &std::cell::Cell<u32>, child_id: Option<&str>, embed_id: &str, force: bool) {
    let Some(w) = window() else { return };
    let Some(root) = w.document().and_then(|d| d.document_element()) else {
        return;
    };
    let measured = root.get_bounding_client_rect().height();
    let Some(height_px) = graphic::embed::height_to_send(last.get(), measured, force) else {
        return;
    };
    last.set(height_px);
    let Ok(Some(parent)) = w.parent() else { return };
    let href = w.location().href().unwrap_or_default();
    for message in graphic::embed::height_messages(child_id, embed_id, height_px, &href) {
        let value = match message {
            graphic::embed::HeightMessage::Text(text) => wasm_bindgen::JsValue::from_str(&text),
            graphic::embed::HeightMessage::Object(json) => match js_sys::JSON::parse(&json) {
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
    let child_id = query_param("childId").filter(|id| graphic::embed::is_valid_child_id(id));
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
                && graphic::embed::host_request(&data, id)
                    == Some(graphic::embed::HostRequest::Width)
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
