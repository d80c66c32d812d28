//! When work runs: when the browser is idle, so a reader's tap is
//! never kept waiting by work that can wait.

use super::window;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Runs `task` once, when the browser next has nothing to do (`requestIdleCallback`), or after
/// a short delay where that is missing (Safari). Work that can wait never delays a reader's tap.
pub fn when_idle(task: impl FnOnce() + 'static) {
    let Some(w) = window() else { return };
    let callback: js_sys::Function = Closure::once_into_js(task).unchecked_into();
    if w.request_idle_callback(&callback).is_err() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&callback, 300);
    }
}
