//! The three circles as SVG: one real element per circle, places as marks, labels laid out
//! natively per width class (CSS shows the class that fits the page).

use super::StoryRef;
use super::place::{CARD_ID, PlaceCard};
use crate::browser;
use crate::hooks::Store;
use graphic::diagram::card::{RING_R, keep_clear, mark_at, nearby};
use graphic::diagram::svg_number as fmt;
use graphic::diagram::{
    DiagramLayout, MarkGeometry, MarkKind, WIDTH_CLASSES, layout, mark_geometry, status_class,
};
use graphic::state::{Action, CardAction, CardFocus, CardState, OpenCard};
use std::cell::Cell;
use std::rc::Rc;
use story::{CircleId, Lang, Place, Story};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    pub story: StoryRef,
    pub lang: Lang,
    pub selected: Option<CircleId>,
    pub ondispatch: Callback<Action>,
}

/// Both width classes' layouts, compared by pointer: they change only with story or language.
#[derive(Clone)]
pub struct Layouts(Rc<[DiagramLayout; 2]>);

impl PartialEq for Layouts {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[function_component(Diagram)]
pub fn diagram(props: &DiagramProps) -> Html {
    // Layout depends on the story and language only: selection changes never re-run it.
    let layouts = use_memo((props.story, props.lang), |(story, lang)| {
        Layouts(Rc::new(
            WIDTH_CLASSES.map(|class| layout(story, *lang, class)),
        ))
    });
    let view_boxes = use_memo((*layouts).clone(), |layouts| {
        layouts.0.each_ref().map(|l| {
            let size = fmt(l.class.size_px);
            AttrValue::from(format!("0 0 {size} {size}"))
        })
    });
    let cards = use_reducer(Store::<CardState>::default);
    let wrap = use_node_ref();
    let card_node = use_node_ref();
    // Once a card has rendered: place it beside its mark, then move focus where the last
    // action asked (the card, or back to a mark). Again when the language changes its words.
    {
        let (wrap, card_node, layouts) = (wrap.clone(), card_node.clone(), (*layouts).clone());
        let applied = use_mut_ref(|| 0_u32);
        use_effect_with(
            (cards.open, cards.focus, cards.focus_request, props.lang),
            move |(open, focus, request, _)| {
                let Some(wrap) = wrap.cast::<web_sys::Element>() else {
                    return;
                };
                if let Some(open) = open {
                    position_card(&wrap, &card_node, &layouts, *open);
                }
                // Only shared borrows and a replace of the counter, which cannot fail.
                if std::mem::replace(&mut *applied.borrow_mut(), *request) != *request {
                    match focus {
                        Some(CardFocus::Card) => {
                            if let Some(card) = card_node.cast::<web_sys::HtmlElement>() {
                                browser::focus_without_scrolling(&card);
                            }
                        }
                        Some(CardFocus::Mark(place)) => {
                            browser::focus_within(&wrap, &format!(".place[data-mark=\"{place}\"]"));
                        }
                        None => {}
                    }
                }
            },
        );
    }
    // While a card is open it follows its mark when the window changes size; when its width
    // class is no longer the one shown, it closes (its mark is now drawn elsewhere).
    {
        let (wrap, card_node, layouts) = (wrap.clone(), card_node.clone(), (*layouts).clone());
        let dispatcher = cards.dispatcher();
        use_effect_with(cards.open, move |open| {
            let guard = open.and_then(|open| {
                browser::on_resize(move || {
                    let Some(wrap) = wrap.cast::<web_sys::Element>() else {
                        return;
                    };
                    if !position_card(&wrap, &card_node, &layouts, open) {
                        dispatcher.dispatch(CardAction::Close {
                            return_focus: false,
                        });
                    }
                })
            });
            move || drop(guard)
        });
    }
    // While a card is pinned, a tap anywhere else closes it.
    {
        let dispatcher = cards.dispatcher();
        let pinned = cards.open.is_some_and(|c| c.pinned);
        use_effect_with(pinned, move |pinned| {
            let guard = pinned
                .then(|| {
                    browser::on_outside_tap(move |return_focus| {
                        dispatcher.dispatch(CardAction::Close { return_focus });
                    })
                })
                .flatten();
            move || drop(guard)
        });
    }
    let story = &props.story;
    let open_place = cards.open.map(|c| c.place);
    let svgs = layouts
        .0
        .iter()
        .zip(view_boxes.iter())
        .enumerate()
        .map(|(index, (l, view_box))| {
            html! {
                <svg class={classes!("diagram", format!("diagram-{}", l.class.name))}
                     viewBox={view_box.clone()}
                     role="group" aria-label={story.ui.diagram_label.get(props.lang).to_owned()}>
                    <Discs layouts={(*layouts).clone()} {index} story={*story} lang={props.lang}
                           selected={props.selected} ondispatch={props.ondispatch.clone()} />
                    // Marks and labels do not change with the selection: a component of their own
                    // is skipped entirely when a circle is selected.
                    <Overlay layouts={(*layouts).clone()} {index} story={*story} lang={props.lang}
                             active={cards.active} open={open_place} cards={cards.dispatcher()} />
                    <Zones layouts={(*layouts).clone()} {index} selected={props.selected} />
                    <Hits layouts={(*layouts).clone()} {index} cards={cards.dispatcher()} />
                </svg>
            }
        });
    // The drawings and the card each have an element of their own, always there (the card's
    // empty when closed): Yew matches unkeyed children from the end, so a card appended after
    // the drawings made it rebuild both SVGs from scratch on every open and close.
    let card = cards.open.map_or_else(Html::default, |open| {
        let near = layouts
            .0
            .get(open.class)
            .map(|l| nearby(l, open.place))
            .unwrap_or_default();
        html! {
            <PlaceCard story={*story} lang={props.lang} {open} nearby={near}
                       cards={cards.dispatcher()} node={card_node.clone()} />
        }
    });
    html! {
        <div class="diagram-wrap" ref={wrap}>
            <div class="diagrams">{ for svgs }</div>
            <div class="card-slot">{ card }</div>
        </div>
    }
}

/// Places the open card beside its mark in the diagram it was opened from; `false` when that
/// diagram is not the one shown.
fn position_card(
    wrap: &web_sys::Element,
    card_node: &NodeRef,
    layouts: &Layouts,
    open: OpenCard,
) -> bool {
    let (Some(card), Some(l)) = (
        card_node.cast::<web_sys::HtmlElement>(),
        layouts.0.get(open.class),
    ) else {
        return false;
    };
    let Some(keep) = keep_clear(l, open.place) else {
        return false;
    };
    browser::place_card(
        wrap,
        &card,
        &format!(".diagram-{}", l.class.name),
        l.class.size_px,
        keep,
    )
}

#[derive(Properties, PartialEq)]
struct HitsProps {
    layouts: Layouts,
    index: usize,
    cards: UseReducerDispatcher<Store<CardState>>,
}

/// A fingertip-sized target over each mark, drawn over the discs so that a tap on a place never
/// selects a circle. Which place a tap means is the nearest mark to it, not the target on top,
/// so marks closer than a finger are still told apart.
#[function_component(Hits)]
fn hits(props: &HitsProps) -> Html {
    let Some(l) = props.layouts.0.get(props.index) else {
        return html! {};
    };
    let (index, size) = (props.index, l.class.size_px);
    let place_at = {
        let layouts = props.layouts.clone();
        move |e: &MouseEvent| {
            let (x, y) = browser::pointer_in_diagram(e, size)?;
            mark_at(layouts.0.get(index)?, x, y)
        }
    };
    let onclick = {
        let (cards, place_at) = (props.cards.clone(), place_at.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(place) = place_at(&e) {
                cards.dispatch(CardAction::Activate {
                    place,
                    class: index,
                });
            }
        })
    };
    let onpointermove = {
        let cards = props.cards.clone();
        Callback::from(move |e: PointerEvent| {
            if e.pointer_type() != "mouse" {
                return;
            }
            match place_at(&e) {
                Some(place) => cards.dispatch(CardAction::Preview {
                    place,
                    class: index,
                }),
                None => cards.dispatch(CardAction::EndPreview),
            }
        })
    };
    let onpointerleave = props
        .cards
        .to_callback()
        .reform(|_: PointerEvent| CardAction::EndPreview);
    let r = fmt(l.class.hit_r_px);
    html! {
        <g class="hits" aria-hidden="true" {onclick} {onpointermove} {onpointerleave}>
            { for l.marks.iter().map(|m| html! {
                <circle class="hit" cx={fmt(m.x)} cy={fmt(m.y)} r={r.clone()} />
            }) }
        </g>
    }
}

#[derive(Properties, PartialEq)]
struct DiscsProps {
    layouts: Layouts,
    index: usize,
    story: StoryRef,
    lang: Lang,
    selected: Option<CircleId>,
    ondispatch: Callback<Action>,
}

#[derive(Properties, PartialEq)]
struct ZonesProps {
    layouts: Layouts,
    index: usize,
    selected: Option<CircleId>,
}

/// The shared labels of the zones the selected circle's view tells of, with a leader line to
/// each of their places: a zone has no boundary, so it is never drawn as an outline.
#[function_component(Zones)]
fn zones(props: &ZonesProps) -> Html {
    let Some(l) = props.layouts.0.get(props.index) else {
        return html! {};
    };
    let shown = l
        .zone_labels
        .iter()
        .filter(|z| Some(z.circle) == props.selected);
    let font_px = l.class.font_px;
    html! {
        <g class="zones">{ for shown.map(|z| {
            let line_h = z.rect.h / z.lines.len().max(1) as f64;
            let x = fmt(z.rect.x + z.rect.w / 2.0);
            html! {
                <g class="zone-label" data-zone={z.zone.to_string()}>
                    { for z.leaders.iter().map(|((x1, y1), (x2, y2))| html! {
                        <line class="leader zone-leader" x1={fmt(*x1)} y1={fmt(*y1)} x2={fmt(*x2)} y2={fmt(*y2)} />
                    }) }
                    { for z.lines.iter().enumerate().map(|(i, line)| html! {
                        <text class="zone-name" x={x.clone()} y={fmt(z.rect.y + line_h * (i as f64 + 0.5))}
                              text-anchor="middle" dominant-baseline="central"
                              font-size={fmt(font_px)}>{ line.clone() }</text>
                    }) }
                </g>
            }
        }) }</g>
    }
}

#[derive(Properties, PartialEq)]
struct OverlayProps {
    layouts: Layouts,
    index: usize,
    story: StoryRef,
    lang: Lang,
    /// The place whose mark is the places' one Tab stop.
    active: usize,
    /// The place whose card is open.
    open: Option<usize>,
    cards: UseReducerDispatcher<Store<CardState>>,
}

fn circle_accessible_name(story: &Story, lang: Lang, id: CircleId) -> String {
    let Some(circle) = story.circle(id) else {
        return String::new();
    };
    let name = graphic::bidi::isolate(circle.name.get(lang));
    match lang {
        Lang::Zh => format!("{name}，{}{}公里", story.ui.radius.zh, circle.radius_km),
        Lang::En => format!("{name}, {} {} km", story.ui.radius.en, circle.radius_km),
    }
}

/// A disc's text that follows the layout and the language, not the selection.
struct DiscText {
    id: CircleId,
    r: AttrValue,
    name: AttrValue,
}

#[function_component(Discs)]
fn discs(props: &DiscsProps) -> Html {
    // Formatting coordinates and names on every selection showed in its profile (the float
    // formatting behind them is slow); they are kept until the layout or language changes.
    let text = use_memo(
        (props.layouts.clone(), props.index, props.story, props.lang),
        |(layouts, index, story, lang)| {
            layouts.0.get(*index).map(|l| {
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
            })
        },
    );
    // Focus follows the selection when a key in this diagram moved it, so the next key acts on
    // the new circle. The key handler sets the flag; the effect below, once the new selection
    // has rendered (with its roving tabindex), moves focus and clears it. Each width class has
    // its own `Discs`, so only the diagram whose key was pressed moves focus; clicks, the
    // picker and Back never set the flag and leave focus where the reader put it.
    let focus_follows = use_mut_ref(|| Cell::new(false));
    let group = use_node_ref();
    {
        let (focus_follows, group) = (focus_follows.clone(), group.clone());
        use_effect_with(props.selected, move |selected| {
            // Only shared borrows of the `RefCell` are taken, which cannot fail.
            let followed_key = focus_follows.borrow().replace(false);
            if followed_key
                && let Some(id) = *selected
                && let Some(group) = group.get()
            {
                browser::focus_within(&group, &format!(".{}", disc_class(id)));
            }
        });
    }
    let Some((cx, cy, discs)) = text.as_ref() else {
        return html! {};
    };
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
                        focus_follows.borrow().set(true);
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

#[function_component(Overlay)]
fn overlay(props: &OverlayProps) -> Html {
    // The marks' accessible names (distance and direction worked out for each) change with the
    // language only: a card opening, closing or stepping re-renders the marks for their
    // expanded state and Tab stop, not these.
    let names = use_memo(
        (props.layouts.clone(), props.index, props.story, props.lang),
        |(layouts, index, story, lang)| {
            layouts.0.get(*index).map_or_else(Vec::new, |l| {
                l.marks
                    .iter()
                    .map(|m| {
                        let place = story.places.get(m.place)?;
                        Some(AttrValue::from(place_accessible_name(
                            story, *lang, place, m.kind,
                        )))
                    })
                    .collect::<Vec<_>>()
            })
        },
    );
    let Some(l) = props.layouts.0.get(props.index) else {
        return html! {};
    };
    let story = &props.story;
    let lang = props.lang;
    let circle_names = l.circle_labels.iter().map(|c| {
        html! {
            <text class={classes!("circle-name", format!("name-{}", c.id.slug()))}
                x={fmt(c.rect.x + c.rect.w / 2.0)} y={fmt(c.rect.y + c.rect.h / 2.0)}
                text-anchor="middle" dominant-baseline="central"
                font-size={fmt(l.class.font_px)}>{ &c.text }</text>
        }
    });
    let r = l.class.mark_r_px;
    let (index, places) = (props.index, story.places.len());
    let marks = l.marks.iter().enumerate().filter_map(|(k, m)| {
        let place = story.places.get(m.place)?;
        let i = m.place;
        let is_open = props.open == Some(i);
        // The places are one Tab stop after the circles: arrows move among them, Enter or
        // Space opens a card, Escape closes it.
        let onkeydown = {
            let cards = props.cards.clone();
            Callback::from(move |e: KeyboardEvent| {
                let action = match e.key().as_str() {
                    "Enter" | " " => CardAction::Activate { place: i, class: index },
                    "ArrowRight" | "ArrowDown" => CardAction::Step { delta: 1, places },
                    "ArrowLeft" | "ArrowUp" => CardAction::Step { delta: -1, places },
                    "Escape" => CardAction::Close { return_focus: true },
                    _ => return,
                };
                e.prevent_default();
                cards.dispatch(action);
            })
        };
        Some(html! {
            <g class={classes!("place", m.kind.class(), m.is_part.then_some("part"), status_class(m.status))}
               data-place={place.id.clone()} data-mark={i.to_string()}
               role="button" tabindex={if i == props.active { "0" } else { "-1" }}
               aria-haspopup="dialog" aria-expanded={if is_open { "true" } else { "false" }}
               aria-controls={is_open.then_some(CARD_ID)}
               aria-label={names.get(k).cloned().flatten()}
               {onkeydown}>
                <circle class="focus-ring" cx={fmt(m.x)} cy={fmt(m.y)} r={fmt(r * RING_R)} />
                { mark_shape(m.kind, m.x, m.y, r) }
                { edge_arrow(m.edge_direction, m.x, m.y, r) }
            </g>
        })
    });
    let (sx, sy) = l.centre;
    let labels = l.labels.iter().map(|label| {
        let leader = label.leader.map(|((x1, y1), (x2, y2))| {
            html! {
                <line class="leader" x1={fmt(x1)} y1={fmt(y1)} x2={fmt(x2)} y2={fmt(y2)} />
            }
        });
        let rect = label.rect;
        html! {
            <>
                { leader }
                <text class={classes!("label", label.place.is_none().then_some("label-centre"))}
                    x={fmt(rect.x + rect.w / 2.0)} y={fmt(rect.y + rect.h / 2.0)}
                    text-anchor="middle" dominant-baseline="central"
                    font-size={fmt(l.class.font_px)}>{ &label.text }</text>
            </>
        }
    });
    let sb = l.scale_bar;
    let bar_len = graphic::diagram::SCALE_BAR_KM * l.px_per_km;
    let bar_y = sb.bottom() - 4.0;
    let na = l.north_arrow;
    let arrow_x = na.x + na.w / 2.0;
    html! {
        <>
            <g class="names" aria-hidden="true">{ for circle_names }</g>
            <g class="places">
                <path class="centre-star" aria-hidden="true" d={star_path(sx, sy, r * 1.3)} />
                { for marks }
            </g>
            <g class="labels" aria-hidden="true">{ for labels }</g>
            <g class="scale-bar" aria-hidden="true">
                <path d={format!("M{} {}v4h{}v-4", fmt(sb.x), fmt(bar_y - 4.0), fmt(bar_len))} />
                <text x={fmt(sb.x)} y={fmt(sb.y + l.class.font_px * 0.75)}
                      dominant-baseline="central" font-size={fmt(l.class.font_px)}>
                    { story.ui.scale_bar.get(lang) }
                </text>
            </g>
            <g class="north-arrow" aria-hidden="true">
                <path d={format!("M{} {}l{} {}h{}z", fmt(arrow_x), fmt(na.y + na.h * 0.45),
                    fmt(-na.w * 0.35), fmt(na.h * 0.5), fmt(na.w * 0.7))} />
                <text x={fmt(arrow_x)} y={fmt(na.y + na.h * 0.2)} text-anchor="middle"
                      dominant-baseline="central" font-size={fmt(l.class.font_px)}>
                    { story.ui.north.get(lang) }
                </text>
            </g>
        </>
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

/// A mark's name for screen readers: the place, its membership, and its distance and direction
/// in the card's own words (with "about": distances are between city centres).
fn place_accessible_name(story: &Story, lang: Lang, place: &Place, kind: MarkKind) -> String {
    let name = graphic::bidi::isolate(place.name.get(lang));
    let membership = match kind {
        MarkKind::Beijing => story.ui.legend_beijing.get(lang).to_owned(),
        MarkKind::Member(id) => {
            let circle = story
                .circle(id)
                .map(|c| c.name.get(lang).to_owned())
                .unwrap_or_default();
            match place.innermost() {
                Some(m) => graphic::words::mark_membership(story, &circle, m, lang),
                None => circle,
            }
        }
        MarkKind::NotAMember => story.ui.legend_not_member.get(lang).to_owned(),
    };
    let membership = graphic::bidi::isolate(&membership);
    let (km, point) = graphic::geo::distance_and_direction(
        (story.centre.lat, story.centre.lon),
        place.lat,
        place.lon,
    );
    let distance = graphic::words::distance_text(story.centre.name.get(lang), km, point, lang);
    match lang {
        Lang::Zh => format!("{name}：{membership}，{distance}"),
        Lang::En => format!("{name}: {membership}, {distance}"),
    }
}

/// Each membership has its own shape, so colour is never the only cue.
pub(super) fn mark_shape(kind: MarkKind, x: f64, y: f64, r: f64) -> Html {
    match mark_geometry(kind, x, y, r) {
        MarkGeometry::Circle { cx, cy, r } => html! { <circle class="mark" {cx} {cy} {r} /> },
        MarkGeometry::Path(d) => html! { <path class="mark" {d} /> },
    }
}

fn edge_arrow(direction: Option<(f64, f64)>, x: f64, y: f64, r: f64) -> Html {
    let Some((ux, uy)) = direction else {
        return html! {};
    };
    // A chevron just outside the mark, pointing away from the centre.
    let tip = (x + ux * r * 2.6, y + uy * r * 2.6);
    let back = (x + ux * r * 1.5, y + uy * r * 1.5);
    let (px, py) = (-uy * r * 0.8, ux * r * 0.8);
    let d = format!(
        "M{} {}L{} {}L{} {}",
        fmt(back.0 + px),
        fmt(back.1 + py),
        fmt(tip.0),
        fmt(tip.1),
        fmt(back.0 - px),
        fmt(back.1 - py)
    );
    html! { <path class="edge-arrow" d={d} /> }
}

fn star_path(cx: f64, cy: f64, r: f64) -> String {
    let mut d = String::new();
    for i in 0..10 {
        let radius = if i % 2 == 0 { r } else { r * 0.45 };
        let a = std::f64::consts::PI / 5.0 * f64::from(i);
        let (x, y) = (cx + radius * a.sin(), cy - radius * a.cos());
        d.push_str(&format!(
            "{}{} {}",
            if i == 0 { "M" } else { "L" },
            fmt(x),
            fmt(y)
        ));
    }
    d.push('z');
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use graphic::state::ViewState;

    #[test]
    fn coordinates_read_as_one_decimal_formatting_does() {
        // Values from -400 to 400 px in odd steps; at an exact tie the two round differently.
        let mut v = -400.0_f64;
        while v < 400.0 {
            let exact = format!("{v:.1}");
            // `{:.1}` writes -0.0 for small negatives; a coordinate has no sign at zero.
            let exact = if exact == "-0.0" {
                "0.0".to_owned()
            } else {
                exact
            };
            let tie = ((v * 10.0).fract().abs() - 0.5).abs() < 1e-6;
            if !tie {
                assert_eq!(fmt(v), exact, "{v}");
            }
            v += 0.0137;
        }
        assert_eq!(fmt(157.04), "157.0");
        assert_eq!(fmt(-3.25), "-3.3");
        assert_eq!(fmt(0.0), "0.0");
    }

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
