//! A place's card in the page: where a pointer is on the diagram, placing the card beside its
//! mark, moving focus, and closing it on a tap elsewhere.

use super::window;
use crate::diagram::card::card_spot;
use crate::diagram::labels::Rect;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

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
    let _ = style.set_property("width", &px(spot.width));
    if let Some(max) = spot.max_height {
        let _ = style.set_property("max-height", &px(max));
    }
    true
}

/// Focuses `element` without scrolling the page: a card opens beside the mark the reader just
/// used, and the page jumping under a finger would lose their place.
pub fn focus_in_place(element: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// Focuses the first element matching `selector` in `container` that is shown: the diagram is
/// drawn once per width class and only one is on screen.
pub fn focus_shown(container: &web_sys::Element, selector: &str) {
    let Ok(found) = container.query_selector_all(selector) else {
        return;
    };
    for i in 0..found.length() {
        let Some(node) = found.item(i) else { continue };
        let Ok(element) = node.dyn_into::<web_sys::Element>() else {
            continue;
        };
        if element.get_bounding_client_rect().width() <= 0.0 {
            continue;
        }
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        if let Some(svg) = element.dyn_ref::<web_sys::SvgElement>() {
            let _ = svg.focus_with_options(&options);
        } else if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
            let _ = html.focus_with_options(&options);
        }
        return;
    }
}

/// The card's selector.
const CARD: &str = ".place-card";

/// Closes a pinned card on a tap or click anywhere but the card and the marks' hit areas
/// (`.hits`, which handle their own taps). A tap on the diagram only closes the card, so it
/// never also selects a circle; elsewhere the tap goes on as usual. The listener goes when
/// the guard is dropped.
pub struct OutsideTap {
    closure: Closure<dyn FnMut(web_sys::MouseEvent)>,
}

impl Drop for OutsideTap {
    fn drop(&mut self) {
        if let Some(d) = window().and_then(|w| w.document()) {
            let _ = d.remove_event_listener_with_callback_and_bool(
                "click",
                self.closure.as_ref().unchecked_ref(),
                true,
            );
        }
    }
}

/// Calls `close` with whether focus should return to the mark: yes when the tap was on the
/// diagram or left focus nowhere (or in the card), no when it gave focus to something else.
pub fn on_outside_tap(close: impl Fn(bool) + 'static) -> Option<OutsideTap> {
    let document = window()?.document()?;
    let doc = document.clone();
    let closure = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |e: web_sys::MouseEvent| {
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
    });
    document
        .add_event_listener_with_callback_and_bool("click", closure.as_ref().unchecked_ref(), true)
        .ok()?;
    Some(OutsideTap { closure })
}

/// Calls `on_resize` whenever the window changes size, until the guard is dropped: an open card
/// follows its mark when the diagram scales or the other width class takes over.
pub struct ResizeListener {
    closure: Closure<dyn FnMut()>,
}

impl Drop for ResizeListener {
    fn drop(&mut self) {
        if let Some(w) = window() {
            let _ = w.remove_event_listener_with_callback(
                "resize",
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

pub fn on_resize(on_resize: impl Fn() + 'static) -> Option<ResizeListener> {
    let closure = Closure::<dyn FnMut()>::new(on_resize);
    window()?
        .add_event_listener_with_callback("resize", closure.as_ref().unchecked_ref())
        .ok()?;
    Some(ResizeListener { closure })
}
