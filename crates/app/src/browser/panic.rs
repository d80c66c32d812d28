//! The panic note: after a panic nothing else runs, so the reader gets a note over what is
//! already on screen, in their language.

use super::window;
use story::Lang;

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
        let text = graphic::words::panic_note(lang);
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
