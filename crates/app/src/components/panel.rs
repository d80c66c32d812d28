//! The panel beside the diagram: the overview, or the selected circle's definition, members,
//! figures and charts.
//!
//! Each view is built once and then only shown or hidden: a selection flips two `hidden`
//! attributes instead of rebuilding a view's DOM (and re-parsing its chart SVG), so it fits in
//! a frame on a slow phone. The prerendered page has the overview alone; the other views are
//! built one at a time when the browser is idle after start-up, or at once when a reader
//! picks one first.

use super::StoryRef;
use super::circle_section::{CircleSection, Shown, figure_card};
use story::{CircleId, Lang, Section};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub story: StoryRef,
    pub lang: Lang,
    pub selected: Option<CircleId>,
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
    let title = match props.selected {
        Some(id) => story.circle(id).name.get(lang),
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
    html! { <CircleSection story={*story} {lang} {id} shown={Shown::Panel} /> }
}
