//! The panel beside the diagram: the overview, or the selected circle's definition, members,
//! figures and charts.
//!
//! Each view is built once and then only shown or hidden: a selection flips two `hidden`
//! attributes instead of rebuilding a view's DOM (and re-parsing its chart SVG), so it fits in
//! a frame on a slow phone. The prerendered page has the overview alone; the other views are
//! built one at a time when the browser is idle after start-up, or at once when a reader
//! picks one first.

use super::StoryRef;
use super::chart::{ChartFigure, chart_props};
use graphic::diagram::MarkKind;
use graphic::numbers::figure_text;
use graphic::words::{
    attribution, figure_label, member_text, plan_name_line, quote_text, radius_text, said_text,
    sources_pieces,
};
use story::{Circle, CircleId, Figure, Lang, Section, Story, Zone};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub story: StoryRef,
    pub lang: Lang,
    pub selected: Option<CircleId>,
}

/// A headline figure: the big number with its qualifier, what it counts, source and caveat.
pub fn figure_card(story: &Story, figure: &Figure, lang: Lang) -> Html {
    html! {
        <div class="figure" data-figure={figure.id.clone()}>
            <p class="big-number">{ figure_text(figure.value, figure.unit, figure.qualifier, lang) }</p>
            <p class="figure-label">{ figure_label(figure, lang) }</p>
            { super::source_html(&attribution(story, story.ui.source.get(lang), figure.said.as_ref(), &figure.source, lang)) }
            if let Some(caveat) = &figure.caveat {
                <p class="note caveat">{ caveat.get(lang) }</p>
            }
        </div>
    }
}

/// A zone the circle's view tells of: its name, what the story says of it, its source and
/// its figures, under a heading of level `heading` (`h3` in the panel, `h4` in the text
/// version, one below the circle's). The diagram draws no outline for it: it has no boundary.
pub fn zone_block(story: &Story, zone: &Zone, lang: Lang, heading: &'static str) -> Html {
    html! {
        <section class="zone" data-zone={zone.id.clone()}>
            <@{heading}>{ zone.name.get(lang) }</@>
            <p class="zone-summary">{ zone.summary.get(lang) }</p>
            { super::source_html(&attribution(story, story.ui.source.get(lang), zone.said.as_ref(), &zone.source, lang)) }
            <div class="figures">
                { for story.figures_of_zone(&zone.id).map(|f| figure_card(story, f, lang)) }
            </div>
        </section>
    }
}

/// What a circle is, in two parts apart: the speaker's words as we summarise them (never
/// quoted) with who said them, then the words an official said of the plan, under a heading
/// naming who said them, where and when, quoted only in the language they were said in.
/// `heading` is one level below the circle's. The panel and the text version both show it.
pub fn definition_html(story: &Story, circle: &Circle, lang: Lang, heading: &'static str) -> Html {
    let ui = &story.ui;
    let definition = &circle.definition;
    let quote = &definition.quote;
    let translation_note = ui.our_translation.get(lang);
    html! {
        <>
            <p class="definition said">{ definition.summary.get(lang) }</p>
            { super::source_html(&attribution(story, ui.source.get(lang), Some(&definition.said), &definition.source, lang)) }
            <@{heading} class="said-by">{ said_text(story, &quote.said, lang) }</@>
            if let Some(line) = plan_name_line(ui, circle, lang) {
                <p class="plan-name">{ line }</p>
            }
            if lang == quote.original {
                <blockquote class="definition plan">{ quote_text(quote, lang, translation_note) }</blockquote>
            } else {
                <p class="definition plan translated">{ quote_text(quote, lang, translation_note) }</p>
            }
            { super::source_html(&sources_pieces(ui.source.get(lang), std::slice::from_ref(&quote.source), lang)) }
        </>
    }
}

#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    let story = &props.story;
    let lang = props.lang;
    // How many views (in the order below) are built besides the shown one; at first none.
    // Render stays pure (same markup natively and at hydration); an effect adds one view each
    // time the browser is idle, so a tap soon after start-up waits for one view's build at
    // most, not for all of them at once.
    let views: Vec<Option<CircleId>> = std::iter::once(None)
        .chain(story.circles.iter().map(|c| Some(c.id)))
        .collect();
    let built = use_state(|| 0_usize);
    {
        let (built, count) = (built.clone(), views.len());
        use_effect_with(*built, move |&done| {
            if done < count {
                crate::browser::when_idle(move || built.set(done + 1));
            }
        });
    }
    let active = |view: Option<CircleId>| view == props.selected;
    let title = match props.selected.and_then(|id| story.circle(id)) {
        Some(circle) => circle.name.get(lang),
        None => story.ui.overview.get(lang),
    };
    html! {
        <div class="panel" data-view={props.selected.map_or("overview", CircleId::slug)}>
            // One short announcement per selection, not the whole view read out again.
            <p class="visually-hidden" aria-live="polite">{ title }</p>
            { for views.iter().enumerate().filter(|&(i, v)| i < *built || active(*v)).map(|(_, &view)| html! {
                <div class="view" key={view.map_or("overview", CircleId::slug)} hidden={!active(view)}>
                    <PanelView story={*story} {lang} {view} />
                </div>
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PanelViewProps {
    story: StoryRef,
    lang: Lang,
    view: Option<CircleId>,
}

/// One view of the panel. Its props do not change with the selection, so it renders again
/// only when the language does.
#[function_component(PanelView)]
fn panel_view(props: &PanelViewProps) -> Html {
    let story = &props.story;
    let lang = props.lang;
    let ui = &story.ui;
    let Some(id) = props.view else {
        return html! {
            <section class="panel-view" data-section="overview">
                <h2>{ ui.overview.get(lang) }</h2>
                <p class="intro">{ ui.overview_intro.get(lang) }</p>
                <div class="figures">
                    { for story.figures_in(Section::Overview).map(|f| figure_card(story, f, lang)) }
                </div>
            </section>
        };
    };
    let Some(circle) = story.circle(id) else {
        return html! {};
    };
    let section = Section::from(id);
    let members = story.members_of(id).map(|(p, m)| {
        let kind = MarkKind::of(p);
        let (name, basis) = member_text(story, p, m, lang);
        html! {
            <li class={kind.class()}>
                { name }
                <span class="basis">{ format!(" — {basis}") }</span>
            </li>
        }
    });
    let charts = story
        .charts_in(section)
        .map(|c| html! { <ChartFigure ..chart_props(story, c, lang) /> });
    html! {
        <section class="panel-view" data-section={id.slug()}>
            <h2>{ circle.name.get(lang) }</h2>
            <p class="radius">{ radius_text(ui, circle, lang) }</p>
            <p class="source">{ ui.radius_source.get(lang) }</p>
            <h3>{ ui.definition.get(lang) }</h3>
            { definition_html(story, circle, lang, "h4") }
            <div class="figures">
                { for story.figures_in(section).map(|f| figure_card(story, f, lang)) }
            </div>
            { for story.zones_in(id).map(|z| zone_block(story, z, lang, "h3")) }
            <div class={classes!("charts", format!("charts-{}", id.slug()))}>{ for charts }</div>
            <h3>{ ui.members.get(lang) }</h3>
            <ul class="members"><li class="core mark-beijing">{ ui.beijing_core.get(lang) }</li>{ for members }</ul>
            if circle.members_partial {
                <p class="note">{ ui.members_partial.get(lang) }</p>
            }
        </section>
    }
}
