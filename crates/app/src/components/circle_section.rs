//! One circle's section, and the parts it is made of: written once, shown in two places. The
//! panel beside the diagram shows it with drawn charts; the text version below the graphic
//! shows it one heading level down, with each chart's data as a table. What either says, and
//! in what order, cannot drift apart.

use super::StoryRef;
use super::chart::{ChartFigure, chart_props, table_rows};
use super::source_html;
use graphic::diagram::MarkKind;
use graphic::numbers::figure_text;
use graphic::words::{
    attribution, figure_label, member_text, plan_name_line, quote_text, radius_text, said_text,
    sources_pieces, title_with_unit,
};
use story::{Chart, Circle, CircleId, Figure, Lang, Section, Story, Zone};
use yew::prelude::*;

/// Where a circle's section is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Beside the diagram: the circle's name is an `h2`; charts are drawn.
    Panel,
    /// In the text version, under its `h2`: the name is an `h3`; charts are tables.
    TextVersion,
}

impl Shown {
    /// The heading levels of the circle's name, of its parts, and of the headings inside them.
    fn headings(self) -> [&'static str; 3] {
        match self {
            Shown::Panel => ["h2", "h3", "h4"],
            Shown::TextVersion => ["h3", "h4", "h5"],
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct CircleSectionProps {
    pub story: StoryRef,
    pub lang: Lang,
    pub id: CircleId,
    pub shown: Shown,
}

/// A circle: its name and radius, what it is (said by whom), its figures, its zones, its
/// charts, and its members with how sure each is.
#[function_component(CircleSection)]
pub fn circle_section(props: &CircleSectionProps) -> Html {
    let (story, lang, id) = (&props.story, props.lang, props.id);
    let circle = story.circle(id);
    let ui = &story.ui;
    let [name_h, part_h, inner_h] = props.shown.headings();
    let section = Section::from(id);
    let members = story.members_of(id).map(|(p, m)| {
        let (name, basis) = member_text(story, p, m, lang);
        html! {
            <li class={MarkKind::of(p).class()}>
                { name }
                <span class="basis">{ format!(" — {basis}") }</span>
            </li>
        }
    });
    let charts = match props.shown {
        Shown::Panel => html! {
            <div class={classes!("charts", format!("charts-{}", id.slug()))}>
                { for story.charts_in(section).map(|c| html! { <ChartFigure ..chart_props(story, c, lang) /> }) }
            </div>
        },
        Shown::TextVersion => html! {
            { for story.charts_in(section).map(|c| data_table(story, c, lang)) }
        },
    };
    let (class, data_section, data_circle) = match props.shown {
        Shown::Panel => ("panel-view", Some(id.slug()), None),
        Shown::TextVersion => ("text-circle", None, Some(id.slug())),
    };
    html! {
        <section {class} data-section={data_section} data-circle={data_circle}>
            <@{name_h}>{ circle.name.get(lang) }</@>
            <p class="radius">{ radius_text(ui, circle, lang) }</p>
            <p class="source">{ ui.radius_source.get(lang) }</p>
            <@{part_h}>{ ui.definition.get(lang) }</@>
            { definition_html(story, circle, lang, inner_h) }
            <div class="figures">
                { for story.figures_in(section).map(|f| figure_card(story, f, lang)) }
            </div>
            { for story.zones_in(id).map(|z| zone_block(story, z, lang, part_h)) }
            { charts }
            <@{part_h}>{ ui.members.get(lang) }</@>
            <ul class="members"><li class="core mark-beijing">{ ui.beijing_core.get(lang) }</li>{ for members }</ul>
            if circle.members_partial {
                <p class="note">{ ui.members_partial.get(lang) }</p>
            }
        </section>
    }
}

/// A chart's data as a table, with its title, unit and sources: the text version's chart.
fn data_table(story: &Story, chart: &Chart, lang: Lang) -> Html {
    let ui = &story.ui;
    html! {
        <table class="data-table" data-chart={chart.id.to_cow()}>
            <caption>{ title_with_unit(chart.title.get(lang), chart.unit_label.get(lang), lang) }</caption>
            <thead><tr><th scope="col">{ ui.table_item.get(lang) }</th><th scope="col">{ ui.table_value.get(lang) }</th></tr></thead>
            <tbody>{ table_rows(chart, lang) }</tbody>
            <tfoot><tr><td colspan="2">{ source_html(&sources_pieces(ui.source.get(lang), &chart.sources, lang)) }</td></tr></tfoot>
        </table>
    }
}

/// A headline figure: the big number with its qualifier, what it counts, source and caveat.
pub fn figure_card(story: &Story, figure: &Figure, lang: Lang) -> Html {
    html! {
        <div class="figure" data-figure={figure.id.to_cow()}>
            <p class="big-number">{ figure_text(figure.value, figure.unit, figure.qualifier, lang) }</p>
            <p class="figure-label">{ figure_label(figure, lang) }</p>
            { source_html(&attribution(story, story.ui.source.get(lang), figure.said.as_ref(), &figure.source, lang)) }
            if let Some(caveat) = &figure.caveat {
                <p class="note caveat">{ caveat.get(lang) }</p>
            }
        </div>
    }
}

/// A zone the circle's view tells of: its name, what the story says of it, its source and its
/// figures, under a heading of level `heading`. The diagram draws no outline for it: it has no
/// boundary.
fn zone_block(story: &Story, zone: &Zone, lang: Lang, heading: &'static str) -> Html {
    html! {
        <section class="zone" data-zone={zone.id.to_cow()}>
            <@{heading}>{ zone.name.get(lang) }</@>
            <p class="zone-summary">{ zone.summary.get(lang) }</p>
            { source_html(&attribution(story, story.ui.source.get(lang), zone.said.as_ref(), &zone.source, lang)) }
            <div class="figures">
                { for story.figures_of_zone(&zone.id).map(|f| figure_card(story, f, lang)) }
            </div>
        </section>
    }
}

/// What a circle is, in two parts apart: the speaker's words as we summarise them (never
/// quoted) with who said them, then the words an official said of the plan, under a heading
/// naming who said them, where and when, quoted only in the language they were said in.
fn definition_html(story: &Story, circle: &Circle, lang: Lang, heading: &'static str) -> Html {
    let ui = &story.ui;
    let definition = &circle.definition;
    let quote = &definition.quote;
    let translation_note = ui.our_translation.get(lang);
    html! {
        <>
            <p class="definition said">{ definition.summary.get(lang) }</p>
            { source_html(&attribution(story, ui.source.get(lang), Some(&definition.said), &definition.source, lang)) }
            <@{heading} class="said-by">{ said_text(story, &quote.said, lang) }</@>
            if let Some(line) = plan_name_line(ui, circle, lang) {
                <p class="plan-name">{ line }</p>
            }
            if lang == quote.original {
                <blockquote class="definition plan">{ quote_text(quote, lang, translation_note) }</blockquote>
            } else {
                <p class="definition plan translated">{ quote_text(quote, lang, translation_note) }</p>
            }
            { source_html(&sources_pieces(ui.source.get(lang), std::slice::from_ref(&quote.source), lang)) }
        </>
    }
}
