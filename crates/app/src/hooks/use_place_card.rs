//! The open place card's life beside the diagram: where it sits and where focus goes, how it
//! follows its mark when the window changes size, and a tap elsewhere closing it.

use crate::browser;
use crate::hooks::Store;
use graphic::diagram::DiagramLayout;
use graphic::diagram::card::keep_clear;
use graphic::state::{CardAction, CardFocus, CardState, OpenCard};
use std::rc::Rc;
use story::Lang;
use yew::prelude::*;

/// The diagram's wrapper and the card's element, and both width classes' layouts.
#[derive(Clone, PartialEq)]
pub struct CardSpot {
    pub wrap: NodeRef,
    pub card: NodeRef,
    pub layouts: Rc<[Rc<DiagramLayout>]>,
}

/// Places the open card beside its mark in the diagram it was opened from; `false` when that
/// diagram is not the one shown.
fn position_card(spot: &CardSpot, open: OpenCard) -> bool {
    let (Some(wrap), Some(card), Some(l)) = (
        spot.wrap.cast::<web_sys::Element>(),
        spot.card.cast::<web_sys::HtmlElement>(),
        spot.layouts.get(open.class),
    ) else {
        return false;
    };
    let Some(keep) = keep_clear(l, open.place) else {
        return false;
    };
    browser::place_card(
        &wrap,
        &card,
        &format!(".diagram-{}", l.class.name),
        l.class.size_px,
        keep,
    )
}

/// Once a card has rendered: places it beside its mark, then moves focus where the last action
/// asked (the card, or back to a mark). Again when the language changes its words.
#[hook]
pub fn use_card_placement(cards: CardState, lang: Lang, spot: CardSpot) {
    let applied = use_mut_ref(|| 0_u32);
    use_effect_with(
        (cards.open, cards.focus, cards.focus_request, lang),
        move |(open, focus, request, _)| {
            if let Some(open) = open {
                position_card(&spot, *open);
            }
            // Only shared borrows and a replace of the counter, which cannot fail.
            if std::mem::replace(&mut *applied.borrow_mut(), *request) == *request {
                return;
            }
            match focus {
                Some(CardFocus::Card) => {
                    if let Some(card) = spot.card.cast::<web_sys::HtmlElement>() {
                        browser::focus_without_scrolling(&card);
                    }
                }
                Some(CardFocus::Mark(place)) => {
                    if let Some(wrap) = spot.wrap.get() {
                        browser::focus_within(&wrap, &format!(".place[data-mark=\"{place}\"]"));
                    }
                }
                None => {}
            }
        },
    );
}

/// While a card is open it follows its mark when the window changes size; when its width class
/// is no longer the one shown, it closes (its mark is now drawn elsewhere).
#[hook]
pub fn use_card_follows_resize(
    open: Option<OpenCard>,
    spot: CardSpot,
    cards: UseReducerDispatcher<Store<CardState>>,
) {
    use_effect_with(open, move |open| {
        let listener = open.and_then(|open| {
            browser::on_resize(move || {
                if !position_card(&spot, open) {
                    cards.dispatch(CardAction::Close {
                        return_focus: false,
                    });
                }
            })
        });
        move || drop(listener)
    });
}

/// While a card is pinned, a tap anywhere else closes it.
#[hook]
pub fn use_close_on_outside_tap(pinned: bool, cards: UseReducerDispatcher<Store<CardState>>) {
    use_effect_with(pinned, move |pinned| {
        let listener = pinned
            .then(|| {
                browser::on_outside_tap(move |return_focus| {
                    cards.dispatch(CardAction::Close { return_focus });
                })
            })
            .flatten();
        move || drop(listener)
    });
}
