//! View state: which circle is selected and which language is shown, changed only by actions.

use story::{CircleId, Lang};

/// A state changed only by its actions: the app holds it in a Yew reducer (`app::hooks::Store`),
/// which keeps the old value, and skips a render, when an action changes nothing.
pub trait Transition: Copy + PartialEq {
    type Action;
    fn apply(self, action: Self::Action) -> Self;
}

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

impl Transition for ViewState {
    type Action = Action;

    fn apply(self, action: Action) -> ViewState {
        ViewState::apply(self, action)
    }
}

/// A place's card on the diagram: which one is open, whether a pointer only previews it, and
/// which mark holds the places' one Tab stop. Kept apart from [`ViewState`]: it is not in the
/// URL, and opening a card never selects a circle.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CardState {
    pub open: Option<OpenCard>,
    /// The place whose mark is in the Tab order (index into the story's places); the arrow keys
    /// move it.
    pub active: usize,
    /// Where focus goes once this state has rendered.
    pub focus: Option<CardFocus>,
    /// Counts focus requests, so that asking for the same focus twice still moves it.
    pub focus_request: u32,
    /// A place whose card the reader just closed: the pointer resting on its mark does not
    /// open it again as a preview until it leaves the mark.
    pub dismissed: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenCard {
    /// Index into the story's places.
    pub place: usize,
    /// The width class (index into the diagram's classes) whose mark it was opened from.
    pub class: usize,
    /// Opened by a tap, click or key; `false` while a hovering pointer only previews it.
    pub pinned: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardFocus {
    Card,
    /// The mark of this place.
    Mark(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardAction {
    /// A mouse over a mark shows its card until it leaves, unless a card is pinned.
    Preview { place: usize, class: usize },
    /// The mouse left the marks.
    EndPreview,
    /// A tap, click, Enter or Space on a mark: pins its card (a previewed one too), or closes
    /// it when it is already pinned.
    Activate { place: usize, class: usize },
    /// A place chosen from the card's list of nearby places.
    Show { place: usize, class: usize },
    /// Escape, the close button or a tap elsewhere; with `return_focus` focus goes back to
    /// the mark.
    Close { return_focus: bool },
    /// Arrow keys among the marks, of which there are `places`.
    Step { delta: i32, places: usize },
}

impl CardState {
    pub fn apply(self, action: CardAction) -> CardState {
        let pinned = |place, class| OpenCard {
            place,
            class,
            pinned: true,
        };
        match action {
            CardAction::Preview { place, class } => match self.open {
                Some(card) if card.pinned => self,
                _ if self.dismissed == Some(place) => self,
                _ => CardState {
                    open: Some(OpenCard {
                        place,
                        class,
                        pinned: false,
                    }),
                    dismissed: None,
                    ..self
                },
            },
            CardAction::EndPreview => match self.open {
                Some(card) if !card.pinned => CardState {
                    open: None,
                    dismissed: None,
                    ..self
                },
                _ => CardState {
                    dismissed: None,
                    ..self
                },
            },
            CardAction::Activate { place, class } => match self.open {
                Some(card) if card.pinned && card.place == place => CardState {
                    open: None,
                    active: place,
                    dismissed: Some(place),
                    ..self
                }
                .focus_on(CardFocus::Mark(place)),
                _ => CardState {
                    open: Some(pinned(place, class)),
                    active: place,
                    dismissed: None,
                    ..self
                }
                .focus_on(CardFocus::Card),
            },
            CardAction::Show { place, class } => CardState {
                open: Some(pinned(place, class)),
                active: place,
                ..self
            }
            .focus_on(CardFocus::Card),
            CardAction::Close { return_focus } => match self.open {
                None => self,
                Some(card) => {
                    let closed = CardState {
                        open: None,
                        active: card.place,
                        dismissed: Some(card.place),
                        ..self
                    };
                    if return_focus {
                        closed.focus_on(CardFocus::Mark(card.place))
                    } else {
                        closed
                    }
                }
            },
            CardAction::Step { delta, places } => {
                let Ok(len) = i64::try_from(places) else {
                    return self;
                };
                if len == 0 {
                    return self;
                }
                let current = i64::try_from(self.active).unwrap_or(0);
                let next =
                    usize::try_from((current + i64::from(delta)).rem_euclid(len)).unwrap_or(0);
                CardState {
                    active: next,
                    ..self
                }
                .focus_on(CardFocus::Mark(next))
            }
        }
    }

    fn focus_on(self, focus: CardFocus) -> CardState {
        CardState {
            focus: Some(focus),
            focus_request: self.focus_request.wrapping_add(1),
            ..self
        }
    }
}

impl Transition for CardState {
    type Action = CardAction;

    fn apply(self, action: CardAction) -> CardState {
        CardState::apply(self, action)
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
    fn a_tap_pins_a_card_and_a_second_tap_closes_it_returning_focus() {
        let tap = CardAction::Activate { place: 3, class: 0 };
        let open = CardState::default().apply(tap);
        assert_eq!(
            open.open,
            Some(OpenCard {
                place: 3,
                class: 0,
                pinned: true
            })
        );
        assert_eq!(open.focus, Some(CardFocus::Card));
        let closed = open.apply(tap);
        assert_eq!(closed.open, None);
        assert_eq!(closed.focus, Some(CardFocus::Mark(3)));
        assert_ne!(closed.focus_request, open.focus_request);
        // Another mark's tap moves the one card there.
        let moved = open.apply(CardAction::Activate { place: 5, class: 0 });
        assert_eq!(moved.open.map(|c| c.place), Some(5));
    }

    #[test]
    fn hover_previews_and_a_click_pins() {
        let s = CardState::default().apply(CardAction::Preview { place: 2, class: 1 });
        assert_eq!(s.open.map(|c| c.pinned), Some(false));
        assert_eq!(s.focus, None, "a preview never moves focus");
        assert_eq!(s.apply(CardAction::EndPreview).open, None);
        let pinned = s.apply(CardAction::Activate { place: 2, class: 1 });
        assert_eq!(pinned.open.map(|c| c.pinned), Some(true));
        // A pinned card stays while the pointer wanders.
        let wandered = pinned
            .apply(CardAction::Preview { place: 4, class: 1 })
            .apply(CardAction::EndPreview);
        assert_eq!(wandered.open, pinned.open);
    }

    #[test]
    fn escape_and_taps_elsewhere_close_and_arrows_wrap() {
        let open = CardState::default().apply(CardAction::Activate { place: 1, class: 0 });
        let escaped = open.apply(CardAction::Close { return_focus: true });
        assert_eq!(
            (escaped.open, escaped.focus),
            (None, Some(CardFocus::Mark(1)))
        );
        let elsewhere = open.apply(CardAction::Close {
            return_focus: false,
        });
        assert_eq!((elsewhere.open, elsewhere.focus), (None, open.focus));
        // The pointer still resting on the mark does not bring the card back as a preview...
        let resting = escaped.apply(CardAction::Preview { place: 1, class: 0 });
        assert_eq!(resting.open, None);
        // ...until it has left the mark.
        let back = resting
            .apply(CardAction::EndPreview)
            .apply(CardAction::Preview { place: 1, class: 0 });
        assert_eq!(back.open.map(|c| c.place), Some(1));
        let s = CardState::default().apply(CardAction::Step {
            delta: -1,
            places: 4,
        });
        assert_eq!((s.active, s.focus), (3, Some(CardFocus::Mark(3))));
        assert_eq!(
            s.apply(CardAction::Step {
                delta: 1,
                places: 4
            })
            .active,
            0
        );
        assert_eq!(
            s.apply(CardAction::Step {
                delta: 1,
                places: 0
            }),
            s,
            "no places, no move"
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
