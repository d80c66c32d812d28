//! Trunk post-build step: publishes the story this build tells into trunk's staging directory
//! (`publish::publish`). Usage: prerender DIST_DIR. `PUBLIC_URL` (optional) is the
//! absolute URL `dist/` will be published at, for link previews.

fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(std::path::PathBuf::from) else {
        eprintln!("usage: prerender DIST_DIR");
        return std::process::ExitCode::FAILURE;
    };
    let public_url = match std::env::var("PUBLIC_URL") {
        Ok(u) if !u.is_empty() => match public_base(&u) {
            Ok(base) => Some(base),
            Err(message) => {
                eprintln!("prerender: PUBLIC_URL {u:?}: {message}");
                return std::process::ExitCode::FAILURE;
            }
        },
        _ => None,
    };
    let story = publish::story_of_this_build();
    match publish::publish(&dir, story, public_url.as_deref())
        .and_then(|()| publish::write_brotli_copies_for_release(&dir))
    {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("prerender: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// `PUBLIC_URL` as the base of every absolute URL the pages name (link previews, canonical and
/// language alternates): an absolute http or https URL, ending in `/`, without query or fragment.
fn public_base(value: &str) -> Result<String, &'static str> {
    let mut url = url::Url::parse(value).map_err(|_| "is not an absolute URL")?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err("must be an http or https URL with a host");
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("must not have a query or a fragment");
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url.into())
}

#[cfg(test)]
mod tests {
    use super::public_base;

    #[test]
    fn public_url_is_an_absolute_web_address_ending_in_a_slash() {
        assert_eq!(
            public_base("https://news.example/g/v1"),
            Ok("https://news.example/g/v1/".to_owned())
        );
        assert_eq!(
            public_base("https://news.example/"),
            Ok("https://news.example/".to_owned())
        );
        assert_eq!(
            public_base("news.example/g/"),
            Err("is not an absolute URL")
        );
        assert_eq!(
            public_base("ftp://news.example/g/"),
            Err("must be an http or https URL with a host")
        );
        assert_eq!(
            public_base("https://news.example/g/?x=1"),
            Err("must not have a query or a fragment")
        );
    }
}
