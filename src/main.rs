//! Starts the graphic in the browser: reads the page's language, validates the compiled-in
//! story and mounts the app into `#app`.

#[cfg(target_arch = "wasm32")]
fn main() {
    capital_circles::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "capital-circles runs in the browser: use `make serve` (trunk) to build and open it."
    );
}
