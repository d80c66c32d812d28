//! Starts the graphic in the browser (`capital_circles::start`). The story was checked when the
//! app was built and is compiled in; nothing is validated here.

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
