//! View state: which circle is selected and which language is shown, changed only by actions.

use crate::story::{CircleId, Lang};
use std::rc::Rc;
use yew::Reducible;

/// Forced or automatic colour theme (`?theme=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn from_slug(slug: &str) -> Option<Theme> {
        match slug {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub lang: Lang,
    /// `None` shows the overview.
    pub circle: Option<CircleId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Select(Option<CircleId>),
    /// Selecting an already selected circle returns to the overview.
    Toggle(CircleId),
    /// Arrow keys: overview → commuting → functional → industrial, and back.
    Next,
    Previous,
    SetLang(Lang),
    /// Back/forward or a new URL: the whole view at once.
    Restore(ViewState),
}

impl ViewState {
    pub fn apply(self, action: Action) -> ViewState {
        match action {
            Action::Select(circle) => ViewState { circle, ..self },
            Action::Toggle(id) => ViewState {
                circle: if self.circle == Some(id) {
                    None
                } else {
                    Some(id)
                },
                ..self
            },
            Action::Next => ViewState {
                circle: step(self.circle, 1),
                ..self
            },
            Action::Previous => ViewState {
                circle: step(self.circle, -1),
                ..self
            },
            Action::SetLang(lang) => ViewState { lang, ..self },
            Action::Restore(state) => state,
        }
    }
}

/// The selection order of arrow keys: overview first, then innermost to outermost, wrapping.
fn step(current: Option<CircleId>, delta: i32) -> Option<CircleId> {
    let order = [
        None,
        Some(CircleId::Commuting),
        Some(CircleId::Functional),
        Some(CircleId::Industrial),
    ];
    let len = order.len() as i32;
    let i = order.iter().position(|c| *c == current).unwrap_or(0) as i32;
    order
        .get(usize::try_from((i + delta).rem_euclid(len)).unwrap_or(0))
        .copied()
        .flatten()
}

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = (*self).apply(action);
        if next == *self { self } else { Rc::new(next) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrow_keys_cycle_through_overview_and_circles() {
        let mut s = ViewState::default();
        let mut seen = Vec::new();
        for _ in 0..4 {
            s = s.apply(Action::Next);
            seen.push(s.circle);
        }
        assert_eq!(
            seen,
            [
                Some(CircleId::Commuting),
                Some(CircleId::Functional),
                Some(CircleId::Industrial),
                None
            ]
        );
        assert_eq!(s.apply(Action::Previous).circle, Some(CircleId::Industrial));
    }

    #[test]
    fn toggling_the_selected_circle_returns_to_the_overview() {
        let s = ViewState::default().apply(Action::Toggle(CircleId::Functional));
        assert_eq!(s.circle, Some(CircleId::Functional));
        assert_eq!(s.apply(Action::Toggle(CircleId::Functional)).circle, None);
    }

    #[test]
    fn language_switch_keeps_the_selection() {
        let s = ViewState::default()
            .apply(Action::Select(Some(CircleId::Industrial)))
            .apply(Action::SetLang(Lang::En));
        assert_eq!(
            s,
            ViewState {
                lang: Lang::En,
                circle: Some(CircleId::Industrial)
            }
        );
    }

    #[test]
    fn themes_round_trip_and_unknown_falls_back() {
        for t in [Theme::Auto, Theme::Light, Theme::Dark] {
            assert_eq!(Theme::from_slug(t.slug()), Some(t));
        }
        assert_eq!(Theme::from_slug("neon"), None);
    }
}
