//! The three circles as SVG, one drawing per width class (CSS shows the class that fits the
//! page), each laid out natively. One widget per file: the discs, the marks and labels, the hit
//! targets, the zones, and the place card over them; the card's effects are named hooks.

mod card;
mod discs;
mod hits;
mod marks;
mod zones;

pub(crate) use marks::mark_shape;

use super::StoryRef;
use crate::hooks::{
    CardSpot, Store, use_card_follows_resize, use_card_placement, use_close_on_outside_tap,
};
use card::PlaceCard;
use discs::Discs;
use graphic::diagram::card::nearby;
use graphic::diagram::svg_number as fmt;
use graphic::diagram::{DiagramLayout, WIDTH_CLASSES, layout};
use graphic::state::{Action, CardState};
use hits::Hits;
use marks::Marks;
use std::rc::Rc;
use story::{CircleId, Lang};
use yew::prelude::*;
use zones::Zones;

#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    pub story: StoryRef,
    pub lang: Lang,
    pub selected: Option<CircleId>,
    pub ondispatch: Callback<Action>,
}

/// One width class's layout, compared by pointer: it changes only with the story or language.
#[derive(Clone)]
pub struct LayoutRef(pub Rc<DiagramLayout>);

impl PartialEq for LayoutRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for LayoutRef {
    type Target = DiagramLayout;
    fn deref(&self) -> &DiagramLayout {
        &self.0
    }
}

#[function_component(Diagram)]
pub fn diagram(props: &DiagramProps) -> Html {
    // Layout depends on the story and language only: selection changes never re-run it.
    let layouts = use_memo((props.story, props.lang), |(story, lang)| {
        WIDTH_CLASSES
            .iter()
            .map(|class| Rc::new(layout(story, *lang, *class)))
            .collect::<Rc<[_]>>()
    });
    let view_boxes = use_memo(layouts.clone(), |layouts| {
        layouts
            .iter()
            .map(|l| {
                let size = fmt(l.class.size_px);
                AttrValue::from(format!("0 0 {size} {size}"))
            })
            .collect::<Vec<_>>()
    });
    let cards = use_reducer(Store::<CardState>::default);
    let spot = CardSpot {
        wrap: use_node_ref(),
        card: use_node_ref(),
        layouts: (*layouts).clone(),
    };
    use_card_placement(cards.0, props.lang, spot.clone());
    use_card_follows_resize(cards.open, spot.clone(), cards.dispatcher());
    use_close_on_outside_tap(cards.open.is_some_and(|c| c.pinned), cards.dispatcher());

    let story = &props.story;
    let open_place = cards.open.map(|c| c.place);
    let svgs = layouts
        .iter()
        .zip(view_boxes.iter())
        .enumerate()
        .map(|(class, (l, view_box))| {
            let layout = LayoutRef(l.clone());
            html! {
                <svg class={classes!("diagram", format!("diagram-{}", l.class.name))}
                     viewBox={view_box.clone()}
                     role="group" aria-label={story.ui.diagram_label.get(props.lang).to_owned()}>
                    <Discs layout={layout.clone()} {class} story={*story} lang={props.lang}
                           selected={props.selected} ondispatch={props.ondispatch.clone()} />
                    // Marks and labels do not change with the selection: a component of their own
                    // is skipped entirely when a circle is selected.
                    <Marks layout={layout.clone()} {class} story={*story} lang={props.lang}
                           active={cards.active} open={open_place} cards={cards.dispatcher()} />
                    <Zones layout={layout.clone()} {class} selected={props.selected} />
                    <Hits {layout} {class} cards={cards.dispatcher()} />
                </svg>
            }
        });
    // The drawings and the card each have an element of their own, always there (the card's
    // empty when closed): Yew matches unkeyed children from the end, so a card appended after
    // the drawings made it rebuild both SVGs from scratch on every open and close.
    let card = cards.open.map_or_else(Html::default, |open| {
        let near = layouts
            .get(open.class)
            .map(|l| nearby(l, open.place))
            .unwrap_or_default();
        html! {
            <PlaceCard story={*story} lang={props.lang} {open} nearby={near}
                       cards={cards.dispatcher()} node={spot.card.clone()} />
        }
    });
    html! {
        <div class="diagram-wrap" ref={spot.wrap.clone()}>
            <div class="diagrams">{ for svgs }</div>
            <div class="card-slot">{ card }</div>
        </div>
    }
}
