//! The text version below the graphic, generated from the story: every circle's definition,
//! members and figures with sources, and every chart's data as a table. It is the screen
//! reader's way through the graphic and what a reader sees without JavaScript.

use super::StoryRef;
use super::panel::{definition_html, figure_card, zone_block};
use super::place::place_details;
use graphic::charts::bar_value_text;
use graphic::words::{member_text, radius_text, sources_pieces};
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
        let section = Section::from(circle.id);
        let members = story.members_of(circle.id).map(|(p, m)| {
            let (name, basis) = member_text(story, p, m, lang);
            html! { <li>{ format!("{name} — {basis}") }</li> }
        });
        let tables = story.charts_in(section).map(|chart| {
            let rows = chart.bars.iter().enumerate().map(|(i, bar)| html! {
                <tr><th scope="row">{ bar.label.get(lang) }</th><td>{ bar_value_text(chart, i, lang) }</td></tr>
            });
            html! {
                <table class="data-table" data-chart={chart.id.clone()}>
                    <caption>{ format!("{} ({})", chart.title.get(lang), chart.unit_label.get(lang)) }</caption>
                    <thead><tr><th scope="col">{ ui.table_item.get(lang) }</th><th scope="col">{ ui.table_value.get(lang) }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                    <tfoot><tr><td colspan="2">{ super::source_html(&sources_pieces(ui.source.get(lang), &chart.sources, lang)) }</td></tr></tfoot>
                </table>
            }
        });
        html! {
            <section class="text-circle" data-circle={circle.id.slug()}>
                <h3>{ circle.name.get(lang) }</h3>
                <p>{ radius_text(ui, circle, lang) }</p>
                { definition_html(story, circle, lang, "h4") }
                <h4>{ ui.members.get(lang) }</h4>
                <ul><li class="core">{ ui.beijing_core.get(lang) }</li>{ for members }</ul>
                if circle.members_partial { <p class="note">{ ui.members_partial.get(lang) }</p> }
                { for story.figures_in(section).map(|f| figure_card(story, f, lang)) }
                { for story.zones_in(circle.id).map(|z| zone_block(story, z, lang, "h4")) }
                { for tables }
            </section>
        }
    });
    // Every place with what its card on the diagram says.
    let places = story.places.iter().map(|place| {
        html! {
            <section class="text-place" data-place={place.id.clone()}>
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
