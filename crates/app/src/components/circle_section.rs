//! A section of the outline (`graphic::outline`), written once and shown in two places: the
//! panel beside the diagram shows it with drawn charts; the text version below the graphic
//! shows it one heading level down, with each chart's data as a table. Both render the blocks
//! the share images and the WeChat article are set from, so what they say cannot drift apart.

use super::chart::{ChartFigure, data_table};
use super::source_html;
use graphic::outline::{
    Block, DefinitionBlock, FigureBlock, HistoryBlock, MembersBlock, OutlineSection, PlaceBlock,
    SectionKind, TableWords, ZoneBlock,
};
use yew::prelude::*;

/// Where a section is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Beside the diagram: the section's name is an `h2`; charts are drawn.
    Panel,
    /// In the text version, under its `h2`: the name is an `h3`; charts are tables.
    TextVersion,
}

impl Shown {
    /// The heading levels of the section's name, of its parts, and of the headings inside them.
    fn headings(self) -> [&'static str; 3] {
        match self {
            Shown::Panel => ["h2", "h3", "h4"],
            Shown::TextVersion => ["h3", "h4", "h5"],
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct CircleSectionProps {
    pub outline: super::OutlineRef,
    /// Index into the outline's sections.
    pub section: usize,
    pub shown: Shown,
}

/// A section of the outline: a circle's name and radius, what it is (said by whom), its
/// figures, zones, charts and members; or the overview's.
#[function_component(CircleSection)]
pub fn circle_section(props: &CircleSectionProps) -> Html {
    let Some(section) = props.outline.sections.get(props.section) else {
        return html! {};
    };
    let [name_h, _, _] = props.shown.headings();
    let slug = section.kind.slug();
    let (class, data_section, data_circle) = match props.shown {
        Shown::Panel => ("panel-view", Some(slug), None),
        Shown::TextVersion => ("text-circle", None, Some(slug)),
    };
    html! {
        <section {class} data-section={data_section} data-circle={data_circle}>
            <@{name_h}>{ &section.heading }</@>
            { blocks(section, props.shown, &props.outline.table, true) }
        </section>
    }
}

/// The blocks of `section` as `shown` renders them; `grouped` wraps figures and charts in
/// their grid (the text version's overview lists them bare).
pub(crate) fn blocks(
    section: &OutlineSection,
    shown: Shown,
    words: &TableWords,
    grouped: bool,
) -> Html {
    let [name_h, part_h, inner_h] = shown.headings();
    // The text version shows the overview's blocks bare, under no heading of the section's
    // own: a part of it takes the section's level.
    let overview_part_h = match (section.kind, shown) {
        (SectionKind::Overview, Shown::TextVersion) => name_h,
        _ => part_h,
    };
    let slug = section.kind.slug();
    let block = |block: &Block| match block {
        Block::Paragraph(text)
            if section.kind == SectionKind::Overview && shown == Shown::Panel =>
        {
            html! { <p class="intro">{ text }</p> }
        }
        Block::Paragraph(text) => html! { <p>{ text }</p> },
        Block::Radius { text, area, source } => html! {
            <>
                <p class="radius">{ text }</p>
                <p class="radius-area">{ area }</p>
                <p class="source">{ source }</p>
            </>
        },
        Block::History(history) => history_html(history, overview_part_h),
        Block::Definition(definition) => definition_html(definition, part_h, inner_h),
        Block::Figures(figures) if grouped => html! {
            <div class="figures">{ for figures.iter().map(figure_card) }</div>
        },
        Block::Figures(figures) => html! { { for figures.iter().map(figure_card) } },
        Block::Zone(zone) => zone_block(zone, part_h),
        Block::Charts(charts) => match shown {
            Shown::Panel => html! {
                <div class={classes!("charts", format!("charts-{slug}"))}>
                    { for charts.iter().map(|c| html! { <ChartFigure chart={c.clone()} words={words.clone()} /> }) }
                </div>
            },
            Shown::TextVersion => html! { { for charts.iter().map(|c| data_table(c, words)) } },
        },
        Block::Members(members) => members_html(members, part_h),
        Block::Place(place) => place_html(place, part_h),
    };
    html! { { for section.blocks.iter().map(block) } }
}

/// A headline figure: the big number with its qualifier, what it counts, its source, what it
/// is worked out from, and its caveat.
pub fn figure_card(figure: &FigureBlock) -> Html {
    html! {
        <div class="figure" data-figure={figure.id.clone()}>
            <p class="big-number">{ &figure.number }</p>
            <p class="figure-label">{ &figure.label }</p>
            { source_html(&figure.source) }
            if let Some(derived) = &figure.derived {
                <p class="note derived">{ derived }</p>
            }
            if let Some(caveat) = &figure.caveat {
                <p class="note caveat">{ caveat }</p>
            }
        </div>
    }
}

/// A zone the circle's view tells of: its name, what the story says of it, its source and its
/// figures, under a heading of level `heading`. The diagram draws no outline for it: it has no
/// boundary.
fn zone_block(zone: &ZoneBlock, heading: &'static str) -> Html {
    html! {
        <section class="zone" data-zone={zone.id.clone()}>
            <@{heading}>{ &zone.name }</@>
            <p class="zone-summary">{ &zone.summary }</p>
            { source_html(&zone.source) }
            <div class="figures">
                { for zone.figures.iter().map(figure_card) }
            </div>
        </section>
    }
}

/// What a circle is, in two parts apart: the speaker's words as we summarise them (never
/// quoted) with who said them, then the words an official said of the plan, under a heading
/// naming who said them, where and when, quoted only in the language they were said in.
fn definition_html(
    definition: &DefinitionBlock,
    heading: &'static str,
    inner: &'static str,
) -> Html {
    html! {
        <>
            <@{heading}>{ &definition.heading }</@>
            <p class="definition said">{ &definition.summary }</p>
            { source_html(&definition.source) }
            if let Some(quote) = &definition.quote {
                <@{inner} class="said-by">{ &quote.said_by }</@>
                if let Some(line) = &quote.plan_name {
                    <p class="plan-name">{ line }</p>
                }
                if quote.is_original {
                    <blockquote class="definition plan">{ &quote.text }</blockquote>
                } else {
                    <p class="definition plan told">{ &quote.text }</p>
                }
                { source_html(&quote.source) }
            }
        </>
    }
}

/// How the circles changed: each setting-out, oldest first, with its source.
fn history_html(history: &HistoryBlock, heading: &'static str) -> Html {
    html! {
        <section class="history">
            <@{heading}>{ &history.heading }</@>
            <ol class="history-steps">
                { for history.steps.iter().map(|step| html! {
                    <li>
                        <strong class="history-name">{ &step.name }</strong>
                        { " " }
                        <span class="history-summary">{ &step.summary }</span>
                        { source_html(&step.source) }
                    </li>
                }) }
            </ol>
        </section>
    }
}

/// The members of a circle, each with its mark's class, how sure it is and its basis.
fn members_html(members: &MembersBlock, heading: &'static str) -> Html {
    html! {
        <>
            <@{heading}>{ &members.heading }</@>
            <ul class="members">
                <li class="core mark-beijing">{ &members.core }</li>
                { for members.items.iter().map(|item| html! {
                    <li class={item.style.kind.class()}>
                        { &item.name }
                        <span class="basis">{ format!(" — {}", item.basis) }</span>
                    </li>
                }) }
            </ul>
            if let Some(nested) = &members.nested {
                <p class="note nested">{ nested }</p>
            }
            if let Some(partial) = &members.partial {
                <p class="note">{ partial }</p>
            }
        </>
    }
}

/// A place with what its card on the diagram says.
fn place_html(place: &PlaceBlock, heading: &'static str) -> Html {
    html! {
        <section class="text-place" data-place={place.id.clone()}>
            <@{heading}>{ &place.name }</@>
            { super::place::place_details(place) }
        </section>
    }
}
