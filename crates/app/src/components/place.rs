//! What the graphic says of one place: on its card on the diagram and in the text version,
//! the same details from the same code.

use super::StoryRef;
use crate::hooks::Store;
use graphic::geo::distance_and_direction;
use graphic::state::{CardAction, CardState, OpenCard};
use graphic::words::{distance_text, membership_line};
use story::{Lang, Place, Story};
use yew::prelude::*;

/// A place's role, its distance and direction from the centre, and every circle it is listed
/// in with how sure that is, the extent and the basis; or why a place in no circle is shown.
pub fn place_details(story: &Story, place: &Place, lang: Lang) -> Html {
    let ui = &story.ui;
    let (km, point) =
        distance_and_direction((story.centre.lat, story.centre.lon), place.lat, place.lon);
    let circles = place.memberships.iter().map(|m| {
        let circle = story.circle(m.circle).map_or("", |c| c.name.get(lang));
        html! {
            <li data-circle={m.circle.slug()}>{ membership_line(story, place, circle, m, lang) }</li>
        }
    });
    let orientation = place.orientation.as_ref().map(|why| {
        let text = match lang {
            Lang::Zh => format!("{}：{}", ui.legend_not_member.zh, why.zh),
            Lang::En => format!("{}: {}", ui.legend_not_member.en, why.en),
        };
        html! { <p class="place-orientation">{ text }</p> }
    });
    html! {
        <>
            if let Some(role) = &place.role {
                <p class="place-role">{ role.get(lang) }</p>
            }
            <p class="place-distance">
                { distance_text(story.centre.name.get(lang), km, point, lang) }
            </p>
            if !place.memberships.is_empty() {
                <ul class="place-circles">{ for circles }</ul>
            }
            { for orientation }
        </>
    }
}

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
pub fn place_card(props: &PlaceCardProps) -> Html {
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
            <li><button type="button" class="card-nearby" data-place={other.id.clone()} {onclick}>
                { other.name.get(lang) }
            </button></li>
        })
    });
    html! {
        <div id={CARD_ID} class={classes!("place-card", (!props.open.pinned).then_some("preview"))}
             role="dialog" aria-labelledby="place-card-title" tabindex="-1"
             data-place={place.id.clone()} ref={props.node.clone()} {onkeydown}>
            <button type="button" class="card-close" aria-label={ui.close.get(lang).to_owned()}
                    onclick={close}>
                <span aria-hidden="true">{ "×" }</span>
            </button>
            <p class="card-title" id="place-card-title">{ place.name.get(lang) }</p>
            { place_details(story, place, lang) }
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
