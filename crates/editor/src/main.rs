//! Starts the story editor in the browser (`editor::start`).

#[cfg(target_arch = "wasm32")]
fn main() {
    editor::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the story editor runs in the browser: `make serve`, then open /editor/.");
}
