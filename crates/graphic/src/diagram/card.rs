//! A place's card on the diagram, without the page: which mark a tap means, which places lie
//! within a finger of it, and where the card goes so that it stays inside the diagram and never
//! covers the mark it describes.

use super::DiagramLayout;
use super::labels::Rect;

/// The place (index into `story.places`) whose mark is nearest to `(x, y)`, in the layout's
/// px, if it lies within a fingertip: marks closer than a finger to each other are told apart
/// by which is nearer, not by which is drawn on top.
pub fn mark_at(layout: &DiagramLayout, x: f64, y: f64) -> Option<usize> {
    let reach = layout.class.hit_r_px;
    layout
        .marks
        .iter()
        .map(|m| (m.place, (m.x - x).hypot(m.y - y)))
        .filter(|(_, d)| *d <= reach)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(place, _)| place)
}

/// The other places whose marks lie within a fingertip of `place`'s, nearest first: a tap
/// there may have meant any of them, so the card lists them.
pub fn nearby(layout: &DiagramLayout, place: usize) -> Vec<usize> {
    let Some(mark) = layout.marks.iter().find(|m| m.place == place) else {
        return Vec::new();
    };
    let mut near: Vec<(usize, f64)> = layout
        .marks
        .iter()
        .filter(|m| m.place != place)
        .map(|m| (m.place, (m.x - mark.x).hypot(m.y - mark.y)))
        .filter(|(_, d)| *d < layout.class.hit_r_px)
        .collect();
    near.sort_by(|a, b| a.1.total_cmp(&b.1));
    near.into_iter().map(|(p, _)| p).collect()
}

/// How far the ring around a mark reaches, in mark radii: it shows focus, and which mark's
/// card is open.
pub const RING_R: f64 = 2.0;

/// The box around `place`'s mark that its card must leave clear, in the layout's px: the mark
/// with its ring, its edge arrow if it has one, and a small gap.
pub fn keep_clear(layout: &DiagramLayout, place: usize) -> Option<Rect> {
    let mark = layout.marks.iter().find(|m| m.place == place)?;
    let r = layout.class.mark_r_px;
    let reach = if mark.edge_direction.is_some() {
        r * 2.6
    } else {
        r * RING_R
    };
    Some(Rect::around(mark.x, mark.y, reach + 3.0))
}

/// Where a card goes, px from the diagram's top left; `max_height` is set when it fits
/// nowhere whole and must scroll.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardSpot {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub max_height: Option<f64>,
}

/// Room kept between the card and the diagram's edges, px.
pub const CARD_MARGIN_PX: f64 = 6.0;

/// Places a card of `card` size (w, h) in a diagram of `area` size, clear of `keep` (all in
/// the page's px): below the mark, else above, right or left of it; where it fits nowhere
/// whole, on the side with more room, scrolling.
pub fn card_spot(area: (f64, f64), keep: Rect, card: (f64, f64)) -> CardSpot {
    let m = CARD_MARGIN_PX;
    let (area_w, area_h) = area;
    let w = card.0.min(area_w - 2.0 * m).max(0.0);
    let h = card.1;
    let clamp = |v: f64, lo: f64, hi: f64| v.min(hi).max(lo);
    let centre_x = clamp(keep.x + keep.w / 2.0 - w / 2.0, m, area_w - m - w);
    let centre_y = clamp(keep.y + keep.h / 2.0 - h / 2.0, m, area_h - m - h);
    let spot = |left: f64, top: f64| CardSpot {
        left,
        top,
        width: w,
        max_height: None,
    };
    let fits_tall = h <= area_h - 2.0 * m;
    let candidates = [
        (keep.bottom() + h <= area_h - m).then(|| spot(centre_x, keep.bottom())),
        (keep.y - h >= m).then(|| spot(centre_x, keep.y - h)),
        (fits_tall && keep.right() + w <= area_w - m).then(|| spot(keep.right(), centre_y)),
        (fits_tall && keep.x - w >= m).then(|| spot(keep.x - w, centre_y)),
    ];
    if let Some(found) = candidates.into_iter().flatten().next() {
        return found;
    }
    let room_below = area_h - m - keep.bottom();
    let room_above = keep.y - m;
    if room_below >= room_above {
        CardSpot {
            max_height: Some(room_below.max(0.0)),
            ..spot(centre_x, keep.bottom())
        }
    } else {
        CardSpot {
            max_height: Some(room_above.max(0.0)),
            ..spot(centre_x, m)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::{WIDTH_CLASSES, layout};
    use story::Lang;

    fn index_of(id: &str) -> usize {
        let story = story::testing::fixture();
        story
            .places
            .iter()
            .position(|p| p.id == id)
            .unwrap_or(usize::MAX)
    }

    #[test]
    fn a_tap_means_the_nearest_mark_within_a_fingertip() {
        let story = story::testing::fixture();
        for class in WIDTH_CLASSES {
            let l = layout(story, Lang::En, class);
            for m in &l.marks {
                // Just off each mark, towards the centre, it is still that place...
                assert_eq!(mark_at(&l, m.x + 1.0, m.y), Some(m.place), "{}", class.name);
            }
            // ...and far from every mark, none.
            assert_eq!(mark_at(&l, 3.0, l.class.size_px - 3.0), None);
        }
    }

    #[test]
    fn marks_closer_than_a_finger_list_each_other() {
        let story = story::testing::fixture();
        let l = layout(story, Lang::Zh, WIDTH_CLASSES[0]);
        // East Town and Near East lie 7 km apart: closer than a finger at the narrow width.
        let (east, near) = (index_of("east-town"), index_of("near-east"));
        assert_eq!(nearby(&l, east), [near]);
        assert_eq!(nearby(&l, near), [east]);
        assert_eq!(nearby(&l, index_of("hill-city")), Vec::<usize>::new());
    }

    #[test]
    fn a_card_stays_inside_and_never_covers_its_mark() {
        let area = (288.0, 288.0);
        for card in [
            (180.0, 90.0),
            (276.0, 120.0),
            (276.0, 400.0),
            (600.0, 200.0),
        ] {
            for x in (0..=28).map(|i| f64::from(i) * 10.0 + 4.0) {
                for y in (0..=28).map(|i| f64::from(i) * 10.0 + 4.0) {
                    let keep = Rect::around(x, y, 8.0);
                    let s = card_spot(area, keep, card);
                    let h = s.max_height.unwrap_or(card.1).min(card.1);
                    let placed = Rect {
                        x: s.left,
                        y: s.top,
                        w: s.width,
                        h,
                    };
                    let inside = Rect {
                        x: 0.0,
                        y: 0.0,
                        w: area.0,
                        h: area.1,
                    };
                    assert!(
                        inside.contains(&placed),
                        "{card:?} at {x},{y}: {placed:?} leaves the diagram"
                    );
                    assert!(
                        !placed.intersects(&keep),
                        "{card:?} at {x},{y}: {placed:?} covers the mark"
                    );
                }
            }
        }
    }

    #[test]
    fn a_card_that_fits_below_its_mark_goes_there_whole() {
        let s = card_spot(
            (640.0, 640.0),
            Rect::around(300.0, 100.0, 8.0),
            (260.0, 200.0),
        );
        assert_eq!(s.top, 108.0);
        assert_eq!(s.max_height, None);
        assert_eq!(s.left, 300.0 - 130.0);
    }
}
