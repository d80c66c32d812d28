//! The text version below the graphic, generated from the story: every circle's definition,
//! members and figures with sources, and every chart's data as a table. It is the screen
//! reader's way through the graphic and what a reader sees without JavaScript.

use super::StoryRef;
use super::circle_section::{CircleSection, Shown, figure_card};
use super::place::place_details;
use story::{Lang, Section};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextVersionProps {
    pub story: StoryRef,
    pub lang: Lang,
}

#[function_component(TextVersion)]
pub fn text_version(props: &TextVersionProps) -> Html {
    let story = &props.story;
    let lang = props.lang;
    let ui = &story.ui;
    let sections = story.circles.iter().map(|circle| {
        html! { <CircleSection story={*story} {lang} id={circle.id} shown={Shown::TextVersion} /> }
    });
    // Every place with what its card on the diagram says.
    let places = story.places.iter().map(|place| {
        html! {
            <section class="text-place" data-place={place.id.to_cow()}>
                <h4>{ place.name.get(lang) }</h4>
                { place_details(story, place, lang) }
            </section>
        }
    });
    html! {
        <section class="text-version" aria-labelledby="text-version-title">
            <h2 id="text-version-title">{ ui.text_version.get(lang) }</h2>
            <p>{ ui.overview_intro.get(lang) }</p>
            { for story.figures_in(Section::Overview).map(|f| figure_card(story, f, lang)) }
            <p class="note">{ ui.radius_note.get(lang) }</p>
            <p class="source">{ ui.radius_source.get(lang) }</p>
            { for sections }
            <section class="text-places">
                <h3>{ ui.places.get(lang) }</h3>
                <p class="note">{ ui.distance_note.get(lang) }</p>
                { for places }
            </section>
        </section>
    }
}
