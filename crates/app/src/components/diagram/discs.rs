//! The three circles' discs: one real element per circle, a roving Tab stop, arrow keys
//! between circles, and focus that follows a key to the circle it selected.

use super::LayoutRef;
use crate::components::StoryRef;
use crate::hooks::use_focus_follows_key;
use graphic::diagram::svg_number as fmt;
use graphic::state::Action;
use story::{CircleId, Lang, Story};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(super) struct DiscsProps {
    pub layout: LayoutRef,
    /// The width class (index into `WIDTH_CLASSES`) this drawing is for.
    pub class: usize,
    pub story: StoryRef,
    pub lang: Lang,
    pub selected: Option<CircleId>,
    pub ondispatch: Callback<Action>,
}

fn circle_accessible_name(story: &Story, lang: Lang, id: CircleId) -> String {
    let circle = story.circle(id);
    let name = graphic::bidi::isolate(circle.name.get(lang));
    graphic::words::name_and_radius(&story.ui, circle, &name, lang)
}

/// A disc's text that follows the layout and the language, not the selection.
struct DiscText {
    id: CircleId,
    r: AttrValue,
    name: AttrValue,
}

#[function_component(Discs)]
pub(super) fn discs(props: &DiscsProps) -> Html {
    // Formatting coordinates and names on every selection showed in its profile (the float
    // formatting behind them is slow); they are kept until the layout or language changes.
    let text = use_memo(
        (props.layout.clone(), props.story, props.lang),
        |(l, story, lang)| {
            let discs: Vec<DiscText> = l
                .circles
                .iter()
                .rev()
                .map(|(id, r)| DiscText {
                    id: *id,
                    r: fmt(*r).into(),
                    name: circle_accessible_name(story, *lang, *id).into(),
                })
                .collect();
            (
                AttrValue::from(fmt(l.centre.0)),
                AttrValue::from(fmt(l.centre.1)),
                discs,
            )
        },
    );
    let group = use_node_ref();
    let focus_follows = use_focus_follows_key(props.selected, group.clone());
    let (cx, cy, discs) = &*text;
    // Roving focus: one disc is in the Tab order; arrow keys move between circles.
    let focus_target = props.selected.unwrap_or(CircleId::Commuting);
    let discs = discs.iter().map(|disc| {
        let id = disc.id;
        let is_selected = props.selected == Some(id);
        let onclick = props
            .ondispatch
            .reform(move |_: MouseEvent| Action::Toggle(id));
        let onkeydown = {
            let ondispatch = props.ondispatch.clone();
            let focus_follows = focus_follows.clone();
            Callback::from(move |e: KeyboardEvent| {
                if let Some(action) = key_action(&e.key(), id) {
                    e.prevent_default();
                    // Set before dispatching, so the flag is there whenever the render comes.
                    if focus_follows_key(action) {
                        focus_follows.set(true);
                    }
                    ondispatch.emit(action);
                }
            })
        };
        html! {
            <circle
                class={classes!("disc", disc_class(id), is_selected.then_some("selected"))}
                data-circle={id.slug()}
                cx={cx.clone()} cy={cy.clone()} r={disc.r.clone()}
                role="button"
                tabindex={if id == focus_target { "0" } else { "-1" }}
                aria-pressed={if is_selected { "true" } else { "false" }}
                aria-label={disc.name.clone()}
                {onclick} {onkeydown}
            />
        }
    });
    html! { <g class="discs" ref={group}>{ for discs }</g> }
}

fn disc_class(id: CircleId) -> &'static str {
    match id {
        CircleId::Commuting => "disc-commuting",
        CircleId::Functional => "disc-functional",
        CircleId::Industrial => "disc-industrial",
    }
}

/// Enter and Space select; arrows step through overview and circles; Escape shows the overview.
fn key_action(key: &str, id: CircleId) -> Option<Action> {
    match key {
        "Enter" | " " => Some(Action::Toggle(id)),
        "ArrowRight" | "ArrowDown" => Some(Action::Next),
        "ArrowLeft" | "ArrowUp" => Some(Action::Previous),
        "Escape" => Some(Action::Select(None)),
        _ => None,
    }
}

/// Whether focus should follow the selection after a key's `action`. Only actions that always
/// change the selected circle qualify, so the effect that clears the flag always runs; a flag
/// left over from a key that changed nothing would later move focus on a click. The others
/// (Escape) only ever lead to the overview, where there is no disc to focus.
fn focus_follows_key(action: Action) -> bool {
    matches!(action, Action::Toggle(_) | Action::Next | Action::Previous)
}

#[cfg(test)]
mod tests {
    use super::*;
    use graphic::state::ViewState;

    const KEYS: [&str; 9] = [
        "Enter",
        " ",
        "ArrowRight",
        "ArrowDown",
        "ArrowLeft",
        "ArrowUp",
        "Escape",
        "Tab",
        "a",
    ];
    const SELECTIONS: [Option<CircleId>; 4] = [
        None,
        Some(CircleId::Commuting),
        Some(CircleId::Functional),
        Some(CircleId::Industrial),
    ];

    #[test]
    fn a_key_that_asks_focus_to_follow_always_changes_the_selection() {
        // Otherwise nothing re-renders, the flag stays set, and a later click moves focus.
        for selected in SELECTIONS {
            for id in CircleId::ALL {
                for key in KEYS {
                    let Some(action) = key_action(key, id) else {
                        continue;
                    };
                    let state = ViewState {
                        lang: Lang::Zh,
                        circle: selected,
                    };
                    let next = state.apply(action).circle;
                    if focus_follows_key(action) {
                        assert_ne!(next, selected, "{key:?} on {id:?} from {selected:?}");
                    } else {
                        // As before: focus moved only to a circle, never for the overview.
                        assert_eq!(next, None, "{key:?} on {id:?} from {selected:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn only_operating_keys_have_actions() {
        assert_eq!(
            key_action("Enter", CircleId::Functional),
            Some(Action::Toggle(CircleId::Functional))
        );
        assert_eq!(
            key_action("ArrowDown", CircleId::Functional),
            Some(Action::Next)
        );
        assert_eq!(
            key_action("ArrowUp", CircleId::Functional),
            Some(Action::Previous)
        );
        assert_eq!(
            key_action("Escape", CircleId::Functional),
            Some(Action::Select(None))
        );
        assert_eq!(
            key_action("Tab", CircleId::Functional),
            None,
            "Tab leaves the diagram"
        );
    }
}
