//! One place's card over the diagram.

use crate::components::StoryRef;
use crate::components::place::place_details;
use crate::hooks::Store;
use graphic::state::{CardAction, CardState, OpenCard};
use story::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlaceCardProps {
    pub story: StoryRef,
    pub lang: Lang,
    pub open: OpenCard,
    /// Places whose marks lie within a finger of this one's, nearest first.
    pub nearby: Vec<usize>,
    pub cards: UseReducerDispatcher<Store<CardState>>,
    pub node: NodeRef,
}

/// The id of the one card, which its mark's `aria-controls` names.
pub const CARD_ID: &str = "place-card";

/// One place's card over the diagram: a non-modal dialog that takes focus when pinned, so a
/// screen reader reads it; Escape and its close button close it, returning focus to the mark.
#[function_component(PlaceCard)]
pub(super) fn place_card(props: &PlaceCardProps) -> Html {
    let (story, lang) = (&props.story, props.lang);
    let Some(place) = story.places.get(props.open.place) else {
        return html! {};
    };
    let ui = &story.ui;
    let close = props
        .cards
        .to_callback()
        .reform(|_: MouseEvent| CardAction::Close { return_focus: true });
    let onkeydown = {
        let cards = props.cards.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                cards.dispatch(CardAction::Close { return_focus: true });
            }
        })
    };
    let class = props.open.class;
    let nearby = props.nearby.iter().filter_map(|i| {
        let other = story.places.get(*i)?;
        let place = *i;
        let onclick = props
            .cards
            .to_callback()
            .reform(move |_: MouseEvent| CardAction::Show { place, class });
        Some(html! {
            <li><button type="button" class="card-nearby" data-place={other.id.to_cow()} {onclick}>
                { other.name.get(lang) }
            </button></li>
        })
    });
    html! {
        <div id={CARD_ID} class={classes!("place-card", (!props.open.pinned).then_some("preview"))}
             role="dialog" aria-labelledby="place-card-title" tabindex="-1"
             data-place={place.id.to_cow()} ref={props.node.clone()} {onkeydown}>
            <button type="button" class="card-close" aria-label={ui.close.get(lang).to_owned()}
                    onclick={close}>
                <span aria-hidden="true">{ "×" }</span>
            </button>
            <p class="card-title" id="place-card-title">{ place.name.get(lang) }</p>
            if let Some(details) = graphic::outline::place_block(story, props.open.place, lang) {
                { place_details(&details) }
            }
            if !props.nearby.is_empty() {
                <div class="card-nearby-list">
                    <p>{ ui.nearby.get(lang) }</p>
                    <ul>{ for nearby }</ul>
                </div>
            }
            <p class="note">{ ui.distance_note.get(lang) }</p>
        </div>
    }
}
