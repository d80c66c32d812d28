//! The diagram's hit targets: where a tap or a hovering pointer opens a place's card.

use super::LayoutRef;
use crate::browser;
use crate::hooks::Store;
use graphic::diagram::card::mark_at;
use graphic::diagram::svg_number as fmt;
use graphic::state::{CardAction, CardState};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(super) struct HitsProps {
    pub layout: LayoutRef,
    /// The width class (index into `WIDTH_CLASSES`) this drawing is for.
    pub class: usize,
    pub cards: UseReducerDispatcher<Store<CardState>>,
}

/// A fingertip-sized target over each mark, drawn over the discs so that a tap on a place never
/// selects a circle. Which place a tap means is the nearest mark to it, not the target on top,
/// so marks closer than a finger are still told apart.
#[function_component(Hits)]
pub(super) fn hits(props: &HitsProps) -> Html {
    let l = &props.layout;
    let (index, size) = (props.class, l.class.size_px);
    let place_at = {
        let layout = props.layout.clone();
        move |e: &MouseEvent| {
            let (x, y) = browser::pointer_in_diagram(e, size)?;
            mark_at(&layout, x, y)
        }
    };
    let onclick = {
        let (cards, place_at) = (props.cards.clone(), place_at.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(place) = place_at(&e) {
                cards.dispatch(CardAction::Activate {
                    place,
                    class: index,
                });
            }
        })
    };
    let onpointermove = {
        let cards = props.cards.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() != "mouse" {
                return;
            }
            match place_at(&e) {
                Some(place) => cards.dispatch(CardAction::Preview {
                    place,
                    class: index,
                }),
                None => cards.dispatch(CardAction::EndPreview),
            }
        })
    };
    let onpointerleave = props
        .cards
        .to_callback()
        .reform(|_: PointerEvent| CardAction::EndPreview);
    let r = fmt(l.class.hit_r_px);
    html! {
        <g class="hits" aria-hidden="true" {onclick} {onpointermove} {onpointerleave}>
            { for l.marks.iter().map(|m| html! {
                <circle class="hit" cx={fmt(m.x)} cy={fmt(m.y)} r={r.clone()} />
            }) }
        </g>
    }
}
