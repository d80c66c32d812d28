//! The panel beside the diagram: the overview, or the selected circle's definition, members,
//! figures and charts.
//!
//! Each view is built once and then only shown or hidden: a selection flips two `hidden`
//! attributes instead of rebuilding a view's DOM (and re-parsing its chart SVG), so it fits in
//! a frame on a slow phone. The prerendered page has the overview alone; the other views are
//! built one at a time when the browser is idle after start-up, or at once when a reader
//! picks one first.

use super::OutlineRef;
use super::circle_section::{CircleSection, Shown};
use graphic::outline::SectionKind;
use story::CircleId;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub outline: OutlineRef,
    pub selected: Option<CircleId>,
}

#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    let outline = &props.outline;
    // How many views (in the order below) are built besides the shown one; at first none.
    // Render stays pure (same markup natively and at hydration); an effect adds one view each
    // time the browser is idle, so a tap soon after start-up waits for one view's build at
    // most, not for all of them at once. A view is a section of the outline: the overview,
    // then each circle.
    let views: Vec<(usize, Option<CircleId>)> = outline
        .sections
        .iter()
        .enumerate()
        .filter_map(|(i, s)| match s.kind {
            SectionKind::Overview => Some((i, None)),
            SectionKind::Circle(id) => Some((i, Some(id))),
            SectionKind::Places => None,
        })
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
    let title = views
        .iter()
        .find(|(_, view)| active(*view))
        .and_then(|(i, _)| outline.sections.get(*i))
        .map(|s| s.heading.clone())
        .unwrap_or_default();
    html! {
        <div class="panel" data-view={props.selected.map_or("overview", CircleId::slug)}>
            // One short announcement per selection, not the whole view read out again.
            <p class="visually-hidden" aria-live="polite">{ title }</p>
            { for views.iter().enumerate().filter(|&(k, (_, v))| k < *built || active(*v)).map(|(_, &(section, view))| html! {
                <div class="view" key={view.map_or("overview", CircleId::slug)} hidden={!active(view)}>
                    <CircleSection outline={outline.clone()} {section} shown={Shown::Panel} />
                </div>
            }) }
        </div>
    }
}
