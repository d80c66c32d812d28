//! The places' marks (each membership its own shape), their labels and leader lines, the
//! circles' names, the scale bar and the north arrow: what changes with the layout and the
//! language, and with a card's open state, never with the selection.

use super::LayoutRef;
use super::card::CARD_ID;
use crate::components::StoryRef;
use crate::hooks::Store;
use graphic::diagram::card::RING_R;
use graphic::diagram::svg_number as fmt;
use graphic::diagram::{MarkGeometry, MarkKind, edge_arrow_path, mark_geometry};
use graphic::marks::{MarkStyle, star_path};
use graphic::state::{CardAction, CardState};
use story::{Lang, Place, Story};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(super) struct MarksProps {
    pub layout: LayoutRef,
    /// The width class (index into `WIDTH_CLASSES`) this drawing is for.
    pub class: usize,
    pub story: StoryRef,
    pub lang: Lang,
    /// The place whose mark is the places' one Tab stop.
    pub active: usize,
    /// The place whose card is open.
    pub open: Option<usize>,
    pub cards: UseReducerDispatcher<Store<CardState>>,
}

#[function_component(Marks)]
pub(super) fn marks(props: &MarksProps) -> Html {
    // The marks' accessible names (distance and direction worked out for each) change with the
    // language only: a card opening, closing or stepping re-renders the marks for their
    // expanded state and Tab stop, not these.
    let names = use_memo(
        (props.layout.clone(), props.story, props.lang),
        |(layout, story, lang)| {
            layout
                .marks
                .iter()
                .map(|m| {
                    let place = story.places.get(m.place)?;
                    Some(AttrValue::from(place_accessible_name(
                        story, *lang, place, m.kind,
                    )))
                })
                .collect::<Vec<_>>()
        },
    );
    let l = &props.layout;
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
    let (index, places) = (props.class, story.places.len());
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
                    "Enter" | " " => CardAction::Activate {
                        place: i,
                        class: index,
                    },
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
            <g class={classes!("place", MarkStyle::of(m).classes().collect::<Vec<_>>())}
               data-place={place.id.to_cow()} data-mark={i.to_string()}
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

/// A mark's name for screen readers: the place, its membership, and its distance and direction
/// in the card's own words (with "about": distances are between city centres).
fn place_accessible_name(story: &Story, lang: Lang, place: &Place, kind: MarkKind) -> String {
    let name = graphic::bidi::isolate(place.name.get(lang));
    let membership = match kind {
        MarkKind::Beijing => story.ui.legend_beijing.get(lang).to_owned(),
        MarkKind::Member(id) => {
            let circle = story.circle(id).name.get(lang).to_owned();
            match place.innermost() {
                Some(m) => graphic::words::mark_membership(story, &circle, m, lang),
                None => circle,
            }
        }
        MarkKind::NotAMember => story.ui.legend_not_member.get(lang).to_owned(),
    };
    let membership = graphic::bidi::isolate(&membership);
    let (km, point) = graphic::geo::distance_and_direction(
        (*story.centre.lat, *story.centre.lon),
        *place.lat,
        *place.lon,
    );
    let distance = graphic::words::distance_text(story.centre.name.get(lang), km, point, lang);
    match lang {
        Lang::Zh => format!("{name}：{membership}，{distance}"),
        Lang::En => format!("{name}: {membership}, {distance}"),
    }
}

/// Each membership has its own shape, so colour is never the only cue.
pub(crate) fn mark_shape(kind: MarkKind, x: f64, y: f64, r: f64) -> Html {
    match mark_geometry(kind, x, y, r) {
        MarkGeometry::Circle { cx, cy, r } => html! { <circle class="mark" {cx} {cy} {r} /> },
        MarkGeometry::Path(d) => html! { <path class="mark" {d} /> },
    }
}

fn edge_arrow(direction: Option<(f64, f64)>, x: f64, y: f64, r: f64) -> Html {
    let Some(direction) = direction else {
        return html! {};
    };
    html! { <path class="edge-arrow" d={edge_arrow_path(x, y, r, direction)} /> }
}
