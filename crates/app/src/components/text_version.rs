//! The text version below the graphic, generated from the story: every circle's definition,
//! members and figures with sources, and every chart's data as a table. It is the screen
//! reader's way through the graphic and what a reader sees without JavaScript.

use super::circle_section::{CircleSection, Shown, blocks};
use super::{OutlineRef, StoryRef};
use graphic::outline::SectionKind;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextVersionProps {
    pub story: StoryRef,
    /// What it says: the outline of the story in the reader's language.
    pub outline: OutlineRef,
}

#[function_component(TextVersion)]
pub fn text_version(props: &TextVersionProps) -> Html {
    let story = &props.story;
    let outline = &props.outline;
    let lang = outline.lang;
    let ui = &story.ui;
    let sections = outline
        .sections
        .iter()
        .enumerate()
        .map(|(i, section)| match section.kind {
            // The overview's words and figures, bare, before the radius note they lead to.
            SectionKind::Overview => html! {
                <>
                    { blocks(section, Shown::TextVersion, &outline.table, false) }
                    <p class="note">{ &outline.radius_note }</p>
                    <p class="source">{ &outline.radius_source }</p>
                </>
            },
            SectionKind::Circle(_) => html! {
                <CircleSection outline={outline.clone()} section={i} shown={Shown::TextVersion} />
            },
            // Every place with what its card on the diagram says.
            SectionKind::Places => html! {
                <section class="text-places">
                    <h3>{ &section.heading }</h3>
                    <p class="note">{ ui.distance_note.get(lang) }</p>
                    { blocks(section, Shown::TextVersion, &outline.table, false) }
                </section>
            },
        });
    html! {
        <section class="text-version" aria-labelledby="text-version-title">
            <h2 id="text-version-title">{ ui.text_version.get(lang) }</h2>
            { for sections }
        </section>
    }
}
