//! The view in the URL (`?circle=`, `?lang=`, `?theme=`): parsing and writing, browser-free.

use crate::state::{Theme, ViewState};
use story::{CircleId, Lang};

/// What the query string asks for. Unknown values fall back to defaults (`None`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UrlView {
    pub lang: Option<Lang>,
    pub circle: Option<CircleId>,
    pub theme: Option<Theme>,
}

impl UrlView {
    /// Reads `name=value` pairs (already URL-decoded) and keeps the ones this graphic knows.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> UrlView {
        let mut view = UrlView::default();
        for (name, value) in pairs {
            match name {
                "lang" => view.lang = Lang::from_tag(value),
                "circle" => view.circle = CircleId::from_slug(value),
                "theme" => view.theme = Theme::from_slug(value),
                _ => {}
            }
        }
        view
    }

    /// The full view state this URL stands for on a page whose own language is `page_lang`.
    pub fn state(self, page_lang: Lang) -> ViewState {
        ViewState {
            lang: self.lang.unwrap_or(page_lang),
            circle: self.circle,
        }
    }
}

/// Query values to write for `state`: `lang` only when it differs from the page's own.
pub fn params_for(state: ViewState, page_lang: Lang) -> [(&'static str, Option<&'static str>); 2] {
    [
        ("circle", state.circle.map(CircleId::slug)),
        (
            "lang",
            (state.lang != page_lang).then_some(state.lang.code()),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_are_read_and_unknown_fall_back() {
        let v = UrlView::from_pairs([("circle", "functional"), ("lang", "en"), ("theme", "dark")]);
        assert_eq!(
            v,
            UrlView {
                lang: Some(Lang::En),
                circle: Some(CircleId::Functional),
                theme: Some(Theme::Dark)
            }
        );
        let v = UrlView::from_pairs([
            ("circle", "../x"),
            ("lang", "fr"),
            ("theme", "neon"),
            ("x", "1"),
        ]);
        assert_eq!(v, UrlView::default());
    }

    #[test]
    fn state_round_trips_through_params() {
        for page_lang in Lang::ALL {
            for lang in Lang::ALL {
                for circle in [None, Some(CircleId::Commuting), Some(CircleId::Industrial)] {
                    let state = ViewState { lang, circle };
                    let params = params_for(state, page_lang);
                    let pairs = params.iter().filter_map(|(k, v)| v.map(|v| (*k, v)));
                    assert_eq!(UrlView::from_pairs(pairs).state(page_lang), state);
                }
            }
        }
    }
}
