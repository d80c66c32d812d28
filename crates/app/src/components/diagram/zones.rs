//! The zones of the selected circle's view: shared labels with leader lines, never outlines.

use super::LayoutRef;
use graphic::diagram::svg_number as fmt;
use story::CircleId;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(super) struct ZonesProps {
    pub layout: LayoutRef,
    /// The width class (index into `WIDTH_CLASSES`) this drawing is for.
    pub class: usize,
    pub selected: Option<CircleId>,
}

/// The shared labels of the zones the selected circle's view tells of, with a leader line to
/// each of their places: a zone has no boundary, so it is never drawn as an outline.
#[function_component(Zones)]
pub(super) fn zones(props: &ZonesProps) -> Html {
    let l = &props.layout;
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
