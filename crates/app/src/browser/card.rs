//! A place's card in the page: where a pointer is on the diagram, placing the card beside its
//! mark, moving focus, and closing it on a tap elsewhere.

use super::{Listener, listen, window};
use graphic::diagram::card::card_spot;
use graphic::diagram::labels::Rect;
use wasm_bindgen::JsCast;

/// Where the pointer of `event` is on the diagram drawn by the nearest `<svg>` around the
/// event's target, in the units of its viewBox (`size` wide). (Yew listens at the root, so
/// the current target is not the element whose handler runs.)
pub fn pointer_in_diagram(event: &web_sys::MouseEvent, size: f64) -> Option<(f64, f64)> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let svg = target.closest("svg").ok()??;
    let rect = svg.get_bounding_client_rect();
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return None;
    }
    let x = (f64::from(event.client_x()) - rect.left()) * size / rect.width();
    let y = (f64::from(event.client_y()) - rect.top()) * size / rect.height();
    Some((x, y))
}

/// Places the card `card` (an absolutely placed child of `wrap`) beside a mark of the diagram
/// `svg_selector` finds in `wrap`: `keep` is the box around the mark in viewBox units (`size`
/// wide) that the card must leave clear. The position is set through the CSS object model,
/// which a strict `style-src` allows (a `style` attribute it would refuse). Returns `false`
/// when that diagram is not shown.
pub fn place_card(
    wrap: &web_sys::Element,
    card: &web_sys::HtmlElement,
    svg_selector: &str,
    size: f64,
    keep: Rect,
) -> bool {
    let Ok(Some(svg)) = wrap.query_selector(svg_selector) else {
        return false;
    };
    let (outer, drawn) = (
        wrap.get_bounding_client_rect(),
        svg.get_bounding_client_rect(),
    );
    if drawn.width() <= 0.0 || size <= 0.0 {
        return false;
    }
    let style = card.style();
    // Measured at its natural height first.
    let _ = style.remove_property("max-height");
    let (w, h) = (
        f64::from(card.offset_width()),
        f64::from(card.offset_height()),
    );
    let scale = drawn.width() / size;
    let keep = Rect {
        x: keep.x * scale,
        y: keep.y * scale,
        w: keep.w * scale,
        h: keep.h * scale,
    };
    let spot = card_spot((drawn.width(), drawn.height()), keep, (w, h));
    let (dx, dy) = (drawn.left() - outer.left(), drawn.top() - outer.top());
    let px = |v: f64| format!("{v:.0}px");
    let _ = style.set_property("left", &px(dx + spot.left));
    let _ = style.set_property("top", &px(dy + spot.top));
    // The width stays the stylesheet's (at most the diagram's less a margin, which card_spot
    // assumes too): pinned here, a width measured mid-resize would outlast the resize.
    if let Some(max) = spot.max_height {
        let _ = style.set_property("max-height", &px(max));
    }
    true
}

/// The card's selector.
const CARD: &str = ".place-card";

/// Closes a pinned card on a tap or click anywhere but the card and the marks' hit areas
/// (`.hits`, which handle their own taps). A tap on the diagram only closes the card, so it
/// never also selects a circle; elsewhere the tap goes on as usual. `close` is told whether
/// focus should return to the mark: yes when the tap was on the diagram or left focus nowhere
/// (or in the card), no when it gave focus to something else. Listens until dropped.
pub fn on_outside_tap(close: impl Fn(bool) + 'static) -> Option<Listener> {
    let document = window()?.document()?;
    let doc = document.clone();
    Some(listen(
        &document,
        "click",
        true,
        move |e: web_sys::Event| {
            let Some(target) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let within =
                |e: &web_sys::Element, selector: &str| matches!(e.closest(selector), Ok(Some(_)));
            if within(&target, CARD) || within(&target, ".hits") {
                return;
            }
            if within(&target, "svg.diagram") {
                e.stop_propagation();
                e.prevent_default();
                close(true);
                return;
            }
            let focus_is_lost = match doc.active_element() {
                None => true,
                Some(active) => {
                    within(&active, CARD)
                        || doc
                            .body()
                            .is_some_and(|b| active == *b.unchecked_ref::<web_sys::Element>())
                }
            };
            close(focus_is_lost);
        },
    ))
}

/// Calls `on_resize` whenever the window changes size, until dropped: an open card follows its
/// mark when the diagram scales or the other width class takes over.
pub fn on_resize(on_resize: impl Fn() + 'static) -> Option<Listener> {
    Some(listen(&window()?, "resize", false, move |_| on_resize()))
}
