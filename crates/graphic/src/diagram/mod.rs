//! Diagram geometry: circles to one km scale, places at true distance and bearing, marks and
//! labels laid out per width class, all without touching the page (so it can be prerendered).

pub mod card;
pub mod labels;

use crate::geo::{PointKm, km_from_latlon};
use labels::{LabelRequest, Rect, place_labels, text_size_px};
use story::{CircleId, Lang, Place, Status, Story};

/// Radius of the view around the centre, km: the 150 km circle plus room for its labels.
pub const VIEW_RADIUS_KM: f64 = 172.0;
/// Places farther than this are drawn as an arrow at the edge with their distance.
pub const EDGE_THRESHOLD_KM: f64 = 170.0;
/// Where edge arrows sit, km from the centre.
const EDGE_MARK_KM: f64 = 163.0;
/// Length of the scale bar, km.
pub const SCALE_BAR_KM: f64 = 50.0;

/// A width class: the diagram is laid out once per class and CSS shows the one that fits;
/// within a class the SVG scales by its viewBox.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WidthClass {
    pub name: &'static str,
    /// The viewBox's width and height, px.
    pub size_px: f64,
    pub font_px: f64,
    pub mark_r_px: f64,
    /// How far from a mark a tap still means that place: about a fingertip at the smallest
    /// width the class is shown at (the narrow class at 320 px is drawn at 0.8 scale).
    pub hit_r_px: f64,
}

/// Below 480 px of page width the narrow layout shows, from 480 px the wide one.
pub const WIDTH_CLASSES: [WidthClass; 2] = [
    WidthClass {
        name: "narrow",
        size_px: 360.0,
        font_px: 12.5,
        mark_r_px: 4.5,
        hit_r_px: 16.0,
    },
    WidthClass {
        name: "wide",
        size_px: 640.0,
        font_px: 15.0,
        mark_r_px: 5.5,
        hit_r_px: 14.0,
    },
];

/// The width class of a phone's column (375 px), where the WeChat article, the long images
/// and the newsletter image draw the diagram: labels at the smallest text those channels take.
pub const COLUMN_CLASS: WidthClass = WidthClass {
    name: "column",
    size_px: 375.0,
    font_px: 14.0,
    mark_r_px: 5.0,
    hit_r_px: 16.0,
};

/// The names of the places a layout could not label, in the story's order: every output that
/// draws the diagram names them elsewhere (a line under it, the alt text), so none is dropped
/// silently.
pub fn unlabelled_places(story: &Story, l: &DiagramLayout, lang: Lang) -> Vec<String> {
    l.dropped
        .iter()
        .filter_map(|i| story.places.get(*i))
        .map(|p| p.name.get(lang).to_owned())
        .collect()
}

/// What a place's mark says: its innermost circle (or Beijing itself, or no membership).
/// Shape and colour both change, so colour is never the only cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkKind {
    Beijing,
    Member(CircleId),
    NotAMember,
}

impl MarkKind {
    pub fn of(place: &Place) -> MarkKind {
        match (place.in_beijing, place.innermost()) {
            (true, _) => MarkKind::Beijing,
            (false, Some(m)) => MarkKind::Member(m.circle),
            (false, None) => MarkKind::NotAMember,
        }
    }

    /// Class name used by the stylesheet and the tests.
    pub fn class(self) -> &'static str {
        match self {
            MarkKind::Beijing => "mark-beijing",
            MarkKind::Member(CircleId::Commuting) => "mark-commuting",
            MarkKind::Member(CircleId::Functional) => "mark-functional",
            MarkKind::Member(CircleId::Industrial) => "mark-industrial",
            MarkKind::NotAMember => "mark-none",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMark {
    /// Index into `story.places`.
    pub place: usize,
    pub x: f64,
    pub y: f64,
    pub kind: MarkKind,
    /// How sure the membership in the innermost circle is; `None` for a place in no circle.
    pub status: Option<Status>,
    /// Only parts of the place are in its innermost circle.
    pub is_part: bool,
    pub distance_km: f64,
    /// Set when the place lies beyond the view: the arrow's direction (unit vector, y down).
    pub edge_direction: Option<(f64, f64)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub text: String,
    pub rect: Rect,
    pub leader: Option<((f64, f64), (f64, f64))>,
    /// The place it names, or `None` for the centre.
    pub place: Option<usize>,
}

/// A zone's shared label: its name in lines, and a leader line to each of its places' marks.
/// Shown only in its circle's view; placed clear of every other label and mark, and never
/// dropped.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneLabel {
    /// Index into `story.zones`.
    pub zone: usize,
    pub circle: CircleId,
    pub lines: Vec<String>,
    pub rect: Rect,
    pub leaders: Vec<((f64, f64), (f64, f64))>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CircleLabel {
    pub id: CircleId,
    pub text: String,
    pub rect: Rect,
}

/// Everything needed to draw the diagram in one width class and language.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagramLayout {
    pub class: WidthClass,
    pub centre: (f64, f64),
    pub px_per_km: f64,
    /// Radius of each circle in px, innermost first.
    pub circles: Vec<(CircleId, f64)>,
    pub circle_labels: Vec<CircleLabel>,
    pub marks: Vec<PlaceMark>,
    pub labels: Vec<Label>,
    /// Places whose label did not fit: still named in the text version and their marks' names.
    pub dropped: Vec<usize>,
    pub zone_labels: Vec<ZoneLabel>,
    pub scale_bar: Rect,
    pub north_arrow: Rect,
}

impl DiagramLayout {
    pub fn point_px(&self, p: PointKm) -> (f64, f64) {
        (
            self.centre.0 + p.x * self.px_per_km,
            self.centre.1 - p.y * self.px_per_km,
        )
    }
}

/// Label of an edge place: its name and its distance, so the reader knows how far it is.
pub fn edge_label(name: &str, distance_km: f64, lang: Lang) -> String {
    let name = crate::bidi::isolate(name);
    let km = distance_km.round();
    match lang {
        Lang::Zh => format!("{name} {km}公里"),
        Lang::En => format!("{name} {km} km"),
    }
}

/// A coordinate with one decimal, finer than a screen pixel at any width class, which keeps
/// the markup short. Written from whole tenths: `format!("{:.1}")` (exact decimal expansion)
/// was about a tenth of the start-up's own script at 4× CPU throttle, for some fifty numbers
/// per mark. The same as `{:.1}` but at exact ties, which round away from zero here.
pub fn svg_number(v: f64) -> String {
    // `as` saturates and sends NaN to 0; layout coordinates are finite and small.
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let tenths = tenths.unsigned_abs();
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
}

/// A mark's shape as SVG: a circle, or a path's data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MarkGeometry {
    Circle { cx: String, cy: String, r: String },
    Path(String),
}

/// Each membership has its own shape, so colour is never the only cue: the page, the share
/// images and the WeChat SVG draw marks from this one function.
pub fn mark_geometry(kind: MarkKind, x: f64, y: f64, r: f64) -> MarkGeometry {
    let fmt = svg_number;
    let d = match kind {
        MarkKind::Beijing => format!(
            "M{} {}l{r} {r}l{} {r}l{} {}z",
            fmt(x),
            fmt(y - r),
            -r,
            -r,
            -r
        ),
        MarkKind::Member(CircleId::Commuting) => {
            return MarkGeometry::Circle {
                cx: fmt(x),
                cy: fmt(y),
                r: fmt(r * 0.9),
            };
        }
        MarkKind::Member(CircleId::Functional) => {
            let s = r * 0.8;
            format!(
                "M{} {}h{}v{}h{}z",
                fmt(x - s),
                fmt(y - s),
                fmt(2.0 * s),
                fmt(2.0 * s),
                fmt(-2.0 * s)
            )
        }
        MarkKind::Member(CircleId::Industrial) => format!(
            "M{} {}L{} {}H{}z",
            fmt(x),
            fmt(y - r),
            fmt(x + r),
            fmt(y + r * 0.8),
            fmt(x - r)
        ),
        MarkKind::NotAMember => {
            let s = r * 0.7;
            format!(
                "M{} {}l{} {}M{} {}l{} {}",
                fmt(x - s),
                fmt(y - s),
                fmt(2.0 * s),
                fmt(2.0 * s),
                fmt(x - s),
                fmt(y + s),
                fmt(2.0 * s),
                fmt(-2.0 * s)
            )
        }
    };
    MarkGeometry::Path(d)
}

/// The chevron of a place beyond the view: just outside its mark at (`x`, `y`), radius `r`,
/// pointing along `direction` (a unit vector, y down), away from the centre. Path data, drawn
/// by the page and the images alike.
pub fn edge_arrow_path(x: f64, y: f64, r: f64, (ux, uy): (f64, f64)) -> String {
    let tip = (x + ux * r * 2.6, y + uy * r * 2.6);
    let back = (x + ux * r * 1.5, y + uy * r * 1.5);
    let (nx, ny) = (-uy * r * 0.8, ux * r * 0.8);
    format!(
        "M{} {}L{} {}L{} {}",
        svg_number(back.0 + nx),
        svg_number(back.1 + ny),
        svg_number(tip.0),
        svg_number(tip.1),
        svg_number(back.0 - nx),
        svg_number(back.1 - ny)
    )
}

/// Lays out the diagram for one width class and language.
pub fn layout(story: &Story, lang: Lang, class: WidthClass) -> DiagramLayout {
    let size = class.size_px;
    let centre = (size / 2.0, size / 2.0);
    let px_per_km = (size / 2.0) / VIEW_RADIUS_KM;
    let bounds = Rect {
        x: 2.0,
        y: 2.0,
        w: size - 4.0,
        h: size - 4.0,
    };
    let mut layout = DiagramLayout {
        class,
        centre,
        px_per_km,
        circles: story
            .circles
            .iter()
            .map(|c| (c.id, *c.radius_km * px_per_km))
            .collect(),
        circle_labels: Vec::new(),
        marks: Vec::new(),
        labels: Vec::new(),
        dropped: Vec::new(),
        zone_labels: Vec::new(),
        // Bottom-left corner: bar plus its label above it.
        scale_bar: Rect {
            x: 6.0,
            y: size - 6.0 - class.font_px * 2.2,
            w: (SCALE_BAR_KM * px_per_km).max(text_size_px("50 km", class.font_px).0),
            h: class.font_px * 2.2,
        },
        // Top-left corner.
        north_arrow: Rect {
            x: 6.0,
            y: 6.0,
            w: class.font_px * 1.6,
            h: class.font_px * 3.0,
        },
    };

    let centre_latlon = (*story.centre.lat, *story.centre.lon);
    for (i, place) in story.places.iter().enumerate() {
        let p = km_from_latlon(centre_latlon, *place.lat, *place.lon);
        let distance_km = p.distance_km();
        let (shown, edge_direction) = if distance_km > EDGE_THRESHOLD_KM {
            let (ux, uy) = (p.x / distance_km, p.y / distance_km);
            (
                PointKm {
                    x: ux * EDGE_MARK_KM,
                    y: uy * EDGE_MARK_KM,
                },
                Some((ux, -uy)),
            )
        } else {
            (p, None)
        };
        let (x, y) = layout.point_px(shown);
        let style = crate::marks::MarkStyle::of_place(place);
        layout.marks.push(PlaceMark {
            place: i,
            x,
            y,
            kind: style.kind,
            status: style.status,
            is_part: style.is_part,
            distance_km,
            edge_direction,
        });
    }

    let mark_r = class.mark_r_px;
    let centre_r = mark_r * 1.3;
    let mut obstacles: Vec<Rect> = layout
        .marks
        .iter()
        .map(|m| Rect::around(m.x, m.y, mark_r + 1.0))
        .collect();
    obstacles.push(Rect::around(centre.0, centre.1, centre_r + 1.0));
    obstacles.push(layout.scale_bar);
    obstacles.push(layout.north_arrow);

    // Circle names first: they sit just inside each circle's edge, tried at several angles.
    for (id, r_px) in &layout.circles {
        let circle = story.circle(*id);
        let text = circle.name.get(lang).to_owned();
        let (w, h) = text_size_px(&text, class.font_px);
        let free = CIRCLE_LABEL_ANGLES_DEG.iter().find_map(|deg| {
            let a = f64::from(*deg).to_radians();
            // Box centre on the circle, moved inwards by half its height plus a gap.
            let inset = h / 2.0 + 2.0;
            let cx = centre.0 + (r_px - inset) * a.sin();
            let cy = centre.1 - (r_px - inset) * a.cos();
            let rect = Rect {
                x: cx - w / 2.0,
                y: cy - h / 2.0,
                w,
                h,
            };
            let is_free = bounds.contains(&rect)
                && !obstacles.iter().any(|o| o.intersects(&rect))
                && !layout
                    .circle_labels
                    .iter()
                    .any(|l| l.rect.intersects(&rect));
            is_free.then_some(rect)
        });
        if let Some(rect) = free {
            layout.circle_labels.push(CircleLabel {
                id: *id,
                text,
                rect,
            });
        }
    }
    obstacles.extend(layout.circle_labels.iter().map(|l| l.rect));

    // Then the centre and the places, by priority.
    let mut texts: Vec<String> = Vec::new();
    let mut requests: Vec<LabelRequest> = Vec::new();
    for mark in &layout.marks {
        let Some(place) = story.places.get(mark.place) else {
            continue;
        };
        let name = place.name.get(lang);
        let text = match mark.edge_direction {
            Some(_) => edge_label(name, mark.distance_km, lang),
            None => name.to_owned(),
        };
        requests.push(LabelRequest {
            key: mark.place,
            anchor: (mark.x, mark.y),
            mark_r,
            size: text_size_px(&text, class.font_px),
            priority: i32::from(place.priority),
        });
        texts.push(text);
    }
    let centre_key = story.places.len();
    let centre_text = story.centre.name.get(lang).to_owned();
    requests.push(LabelRequest {
        key: centre_key,
        anchor: centre,
        mark_r: centre_r,
        size: text_size_px(&centre_text, class.font_px),
        priority: i32::MAX,
    });
    texts.push(centre_text);

    let placed = place_labels(&requests, &obstacles, bounds);
    for p in &placed {
        let text = if p.key == centre_key {
            texts.last().cloned().unwrap_or_default()
        } else {
            texts.get(p.key).cloned().unwrap_or_default()
        };
        layout.labels.push(Label {
            text,
            rect: p.rect,
            leader: p.leader,
            place: (p.key != centre_key).then_some(p.key),
        });
    }
    layout.dropped = (0..story.places.len())
        .filter(|i| !placed.iter().any(|p| p.key == *i))
        .collect();
    obstacles.extend(layout.labels.iter().map(|l| l.rect));
    layout.zone_labels = story
        .zones
        .iter()
        .enumerate()
        .map(|(i, zone)| zone_label(&layout, i, zone, lang, &obstacles, bounds))
        .collect();
    layout
}

/// Widest a zone's label may be, as a share of the diagram's width.
const ZONE_LABEL_WIDTH_SHARE: f64 = 0.45;
/// Step of the search for a free spot for a zone's label, in px, and the directions tried on
/// each ring of the search.
const ZONE_LABEL_STEP_PX: f64 = 4.0;
const ZONE_LABEL_DIRECTIONS: i32 = 24;

/// `text` in lines no wider than `max_w` at `font_px`: at spaces where it has them (English),
/// else between any two characters (Chinese). A word wider than a line stays whole.
fn wrap_lines(text: &str, font_px: f64, max_w: f64) -> Vec<String> {
    let units: Vec<String> = if text.contains(' ') {
        text.split(' ').map(str::to_owned).collect()
    } else {
        text.chars().map(String::from).collect()
    };
    let joiner = if text.contains(' ') { " " } else { "" };
    let mut lines: Vec<String> = Vec::new();
    for unit in units {
        match lines.last_mut() {
            Some(line) if text_size_px(&format!("{line}{joiner}{unit}"), font_px).0 <= max_w => {
                line.push_str(joiner);
                line.push_str(&unit);
            }
            _ => lines.push(unit),
        }
    }
    lines
}

/// Places zone `zone`'s label at the free spot nearest its places, clear of `obstacles` and
/// inside `bounds`; where no spot is free it still goes in, at the spot nearest its places.
fn zone_label(
    layout: &DiagramLayout,
    index: usize,
    zone: &story::Zone,
    lang: Lang,
    obstacles: &[Rect],
    bounds: Rect,
) -> ZoneLabel {
    let class = layout.class;
    let lines = wrap_lines(
        zone.short_name.get(lang),
        class.font_px,
        class.size_px * ZONE_LABEL_WIDTH_SHARE,
    );
    let (w, line_h) = lines.iter().fold((0.0_f64, 0.0_f64), |(w, h), line| {
        let (lw, lh) = text_size_px(line, class.font_px);
        (w.max(lw), h.max(lh))
    });
    let h = line_h * lines.len() as f64;
    let points: Vec<(f64, f64)> = zone
        .places
        .iter()
        .filter_map(|place| layout.marks.iter().find(|m| m.place == place.index()))
        .map(|m| (m.x, m.y))
        .collect();
    let n = points.len().max(1) as f64;
    let (cx, cy) = points
        .iter()
        .fold((0.0, 0.0), |(x, y), p| (x + p.0 / n, y + p.1 / n));
    // Rings of spots outward from the places' centre, nearest first: the first free one wins,
    // so the search stops early instead of sorting every spot of the diagram (this runs in the
    // page at start-up).
    let at = |ring: i32, direction: i32| {
        let angle = f64::from(direction) * std::f64::consts::TAU / f64::from(ZONE_LABEL_DIRECTIONS);
        let reach = f64::from(ring) * ZONE_LABEL_STEP_PX;
        Rect {
            x: cx + reach * angle.cos() - w / 2.0,
            y: cy + reach * angle.sin() - h / 2.0,
            w,
            h,
        }
    };
    let rings = (bounds.w.max(bounds.h) / ZONE_LABEL_STEP_PX) as i32;
    let mut spots = (0..=rings)
        .flat_map(|ring| (0..ZONE_LABEL_DIRECTIONS).map(move |d| (ring, d)))
        .map(|(ring, d)| at(ring, d))
        .filter(|r| bounds.contains(r));
    let nearest_inside = spots.next();
    let is_free = |r: &Rect| !obstacles.iter().any(|o| o.intersects(r));
    let rect = nearest_inside
        .filter(is_free)
        .or_else(|| spots.find(is_free))
        .or(nearest_inside)
        .unwrap_or(Rect {
            x: bounds.x,
            y: bounds.y,
            w,
            h,
        });
    let leaders = points
        .iter()
        .map(|&(x, y)| (rect.nearest_point(x, y), (x, y)))
        .collect();
    ZoneLabel {
        zone: index,
        circle: zone.circle,
        lines,
        rect,
        leaders,
    }
}

/// Angles (clockwise from north) tried for a circle's name: upper left first, where few
/// places lie, then around.
const CIRCLE_LABEL_ANGLES_DEG: [i32; 12] =
    [-35, -50, -20, -65, 215, 200, 230, 145, 160, 130, 35, 50];

/// Priority from which a place's label must never be dropped.
pub const KEEP_LABEL_PRIORITY: u8 = 8;

/// Every way the layouts of `story` fail a reader, in every width class and language: labels
/// that intersect each other or cover a dot, places neither labelled nor listed as dropped, an
/// unlabelled centre, and dropped labels of high-priority places. Empty when the layouts are
/// sound. Tests run it on the fixture story and on the shipped one.
pub fn layout_faults(story: &Story) -> Vec<String> {
    let mut faults = Vec::new();
    for class in WIDTH_CLASSES {
        for lang in Lang::ALL {
            let l = layout(story, lang, class);
            let at = format!("{} {lang}", class.name);
            let boxes: Vec<(&str, Rect)> = l
                .labels
                .iter()
                .map(|x| (x.text.as_str(), x.rect))
                .chain(l.circle_labels.iter().map(|c| (c.text.as_str(), c.rect)))
                .collect();
            for (i, (name, a)) in boxes.iter().enumerate() {
                for (other, b) in &boxes[i + 1..] {
                    if a.intersects(b) {
                        faults.push(format!("{at}: label {name:?} intersects {other:?}"));
                    }
                }
                for m in &l.marks {
                    if a.intersects(&Rect::around(m.x, m.y, class.mark_r_px)) {
                        faults.push(format!(
                            "{at}: label {name:?} covers the dot of place {}",
                            m.place
                        ));
                    }
                }
            }
            for (i, place) in story.places.iter().enumerate() {
                let is_labelled = l.labels.iter().any(|x| x.place == Some(i));
                let is_dropped = l.dropped.contains(&i);
                if is_labelled == is_dropped {
                    faults.push(format!(
                        "{at}: {} is labelled {is_labelled}, dropped {is_dropped}",
                        place.id
                    ));
                }
                if is_dropped && place.priority >= KEEP_LABEL_PRIORITY {
                    faults.push(format!(
                        "{at}: {} (priority {}) lost its label",
                        place.id, place.priority
                    ));
                }
            }
            if !l.labels.iter().any(|x| x.place.is_none()) {
                faults.push(format!("{at}: the centre has no label"));
            }
            for z in &l.zone_labels {
                let name = z.lines.concat();
                let covers = boxes.iter().any(|(_, b)| b.intersects(&z.rect))
                    || l.marks
                        .iter()
                        .any(|m| z.rect.intersects(&Rect::around(m.x, m.y, class.mark_r_px)));
                if covers {
                    faults.push(format!("{at}: zone label {name:?} covers a label or a dot"));
                }
                let places = story.zones.get(z.zone).map_or(0, |zone| zone.places.len());
                if z.leaders.len() != places {
                    faults.push(format!(
                        "{at}: zone label {name:?} has {} leaders for {places} places",
                        z.leaders.len()
                    ));
                }
            }
            if l.zone_labels.len() != story.zones.len() {
                faults.push(format!(
                    "{at}: {} zone labels for {} zones",
                    l.zone_labels.len(),
                    story.zones.len()
                ));
            }
        }
    }
    faults
}

#[cfg(test)]
mod tests {
    use super::*;

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
                assert_eq!(svg_number(v), exact, "{v}");
            }
            v += 0.0137;
        }
        assert_eq!(svg_number(157.04), "157.0");
        assert_eq!(svg_number(-3.25), "-3.3");
        assert_eq!(svg_number(0.0), "0.0");
    }

    fn story() -> &'static Story {
        story::testing::fixture()
    }

    #[test]
    fn every_circle_the_checker_accepts_fits_the_diagram() {
        // The checker refuses radii the diagram cannot draw; the largest it accepts lies
        // inside the drawn view, with the edge marks' room beyond it.
        let largest = story::MAX_RADIUS_KM;
        assert!(largest <= EDGE_THRESHOLD_KM && EDGE_THRESHOLD_KM < VIEW_RADIUS_KM);
        let mut story = story().clone();
        story.circles.industrial.radius_km =
            story::RadiusKm::parse(largest).unwrap_or_else(|e| panic!("{e:?}"));
        let l = layout(&story, Lang::En, WIDTH_CLASSES[0]);
        let (cx, _) = l.centre;
        let outer = l.circles.iter().map(|(_, r)| *r).fold(0.0, f64::max);
        assert!(
            cx - outer >= 0.0 && cx + outer <= l.class.size_px,
            "{outer} px"
        );
    }

    #[test]
    fn circles_share_one_km_scale() {
        let s = story();
        for class in WIDTH_CLASSES {
            let l = layout(s, Lang::Zh, class);
            let radii: Vec<f64> = l.circles.iter().map(|c| c.1 / l.px_per_km).collect();
            assert_eq!(radii, [40.0, 90.0, 140.0]);
        }
    }

    #[test]
    fn labels_never_overlap_and_important_labels_stay() {
        assert_eq!(layout_faults(story()), Vec::<String>::new());
    }

    #[test]
    fn a_layout_fault_is_found() {
        // The checker itself must see a fault: a story whose places all sit on one spot.
        let mut crowded = story().clone();
        let first = crowded.places[0].clone();
        for place in crowded.places.to_mut().iter_mut() {
            (place.lat, place.lon, place.priority) = (first.lat, first.lon, 10);
        }
        let faults = layout_faults(&crowded);
        assert!(
            faults.iter().any(|f| f.contains("lost its label")),
            "{faults:?}"
        );
    }

    #[test]
    fn far_places_sit_at_the_edge_with_their_distance() {
        let s = story();
        let l = layout(s, Lang::En, WIDTH_CLASSES[1]);
        for mark in &l.marks {
            let id = &s.places[mark.place].id;
            let is_far = matches!(id.as_ref(), "far-port" | "outsider");
            assert_eq!(mark.edge_direction.is_some(), is_far, "{id}");
            let from_centre = (mark.x - l.centre.0).hypot(mark.y - l.centre.1) / l.px_per_km;
            assert!(
                from_centre <= EDGE_THRESHOLD_KM,
                "{id} drawn at {from_centre} km"
            );
        }
        // The outsider lies where Shijiazhuang lies, 263 km out (facts.md, rounded).
        let outsider = s.places.iter().position(|p| p.id == "outsider");
        let label = l.labels.iter().find(|x| x.place == outsider);
        let mark = l.marks.iter().find(|m| Some(m.place) == outsider);
        let (Some(label), Some(mark)) = (label, mark) else {
            panic!("the outsider has no mark or no label");
        };
        assert!(
            (mark.distance_km - 263.0).abs() <= 1.0,
            "{}",
            mark.distance_km
        );
        assert_eq!(
            label.text,
            format!("Outsider {} km", mark.distance_km.round())
        );
    }

    #[test]
    fn membership_is_shown_by_the_mark_not_the_line() {
        let s = story();
        let l = layout(s, Lang::Zh, WIDTH_CLASSES[0]);
        let kind = |id: &str| {
            let i = s.places.iter().position(|p| p.id == id);
            l.marks.iter().find(|m| Some(m.place) == i).map(|m| m.kind)
        };
        // South County lies 52 km out, beyond the 40 km line, yet is a commuting-circle member.
        assert_eq!(
            kind("south-county"),
            Some(MarkKind::Member(CircleId::Commuting))
        );
        assert_eq!(kind("east-town"), Some(MarkKind::Beijing));
        assert_eq!(
            kind("river-city"),
            Some(MarkKind::Member(CircleId::Functional))
        );
        assert_eq!(kind("outsider"), Some(MarkKind::NotAMember));
    }

    #[test]
    fn a_mark_shows_the_innermost_circle_and_how_sure_it_is() {
        let s = story();
        let l = layout(s, Lang::En, WIDTH_CLASSES[0]);
        let mark = |id: &str| {
            let i = s.places.iter().position(|p| p.id == id);
            l.marks.iter().find(|m| Some(m.place) == i)
        };
        // Hill City: parts in the functional circle, whole in the industrial one.
        let hill = mark("hill-city").map(|m| (m.kind, m.status, m.is_part));
        assert_eq!(
            hill,
            Some((
                MarkKind::Member(CircleId::Functional),
                Some(Status::Confirmed),
                true
            ))
        );
        let near = mark("near-east").map(|m| (m.kind, m.status));
        assert_eq!(
            near,
            Some((
                MarkKind::Member(CircleId::Commuting),
                Some(Status::Unconfirmed)
            ))
        );
        let far = mark("far-port").map(|m| m.status);
        assert_eq!(far, Some(Some(Status::Inferred)));
        assert_eq!(mark("outsider").map(|m| m.status), Some(None));
        assert_eq!(
            crate::marks::status_class(Status::Unconfirmed),
            Some("status-unconfirmed")
        );
        assert_eq!(crate::marks::status_class(Status::Confirmed), None);
    }
}
