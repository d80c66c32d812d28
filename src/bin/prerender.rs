//! Trunk post-build step: publishes the story this build tells into trunk's staging directory
//! (`capital_circles::publish`). Usage: prerender DIST_DIR. `PUBLIC_URL` (optional) is the
//! absolute URL `dist/` will be published at, for link previews.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(std::path::PathBuf::from) else {
        eprintln!("usage: prerender DIST_DIR");
        return std::process::ExitCode::FAILURE;
    };
    let public_url = std::env::var("PUBLIC_URL")
        .ok()
        .filter(|u| !u.is_empty())
        .map(|u| if u.ends_with('/') { u } else { format!("{u}/") });
    let story = capital_circles::story::story();
    match capital_circles::publish::publish(&dir, story, public_url.as_deref()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
