//! Label placement without measuring the page: candidate positions around each dot, leader
//! lines when the near ones are taken, and the lowest-priority labels dropped when nothing fits.

/// An axis-aligned box in diagram px (y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn around(cx: f64, cy: f64, r: f64) -> Rect {
        Rect {
            x: cx - r,
            y: cy - r,
            w: 2.0 * r,
            h: 2.0 * r,
        }
    }

    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    pub fn intersects(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }

    /// The point of this box nearest to `(px, py)`: where a leader line meets the label.
    pub fn nearest_point(&self, px: f64, py: f64) -> (f64, f64) {
        (
            px.clamp(self.x, self.right()),
            py.clamp(self.y, self.bottom()),
        )
    }

    /// Whether the segment from `a` to `b` passes through this box (Liang–Barsky clipping).
    pub fn crosses_segment(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let mut t0: f64 = 0.0;
        let mut t1: f64 = 1.0;
        for (p, q) in [
            (-dx, a.0 - self.x),
            (dx, self.right() - a.0),
            (-dy, a.1 - self.y),
            (dy, self.bottom() - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// Width of one character in em, an upper bound for the system CJK and Latin sans fonts, so
/// the estimated box always holds the rendered text.
fn char_width_em(c: char) -> f64 {
    match c {
        ' ' => 0.3,
        'i' | 'j' | 'l' | '\'' | '.' | ',' | '’' | '|' | '!' => 0.32,
        'f' | 't' | 'r' | '(' | ')' | '-' | 'I' => 0.42,
        'm' | 'w' | 'M' | 'W' => 0.95,
        'A'..='Z' => 0.74,
        c if c.is_ascii() => 0.62,
        // CJK ideographs, full-width punctuation and everything else: a full em.
        _ => 1.0,
    }
}

/// Height of a label box in em: Noto Sans CJK's ascent plus descent is 1.448 em.
pub const LINE_HEIGHT_EM: f64 = 1.5;
/// Space kept clear around each label box, px.
pub const LABEL_PAD_PX: f64 = 1.0;

/// The box a label of `text` at `font_px` needs.
pub fn text_size_px(text: &str, font_px: f64) -> (f64, f64) {
    let width_em: f64 = text.chars().map(char_width_em).sum();
    (
        width_em * font_px + 2.0 * LABEL_PAD_PX,
        LINE_HEIGHT_EM * font_px,
    )
}

/// One label to place: the point it names and the size of its text.
#[derive(Clone, Debug)]
pub struct LabelRequest {
    /// Index into the caller's list of things labelled.
    pub key: usize,
    pub anchor: (f64, f64),
    /// Radius of the mark at the anchor, px.
    pub mark_r: f64,
    pub size: (f64, f64),
    pub priority: i32,
}

/// Where a label ended up, or why not.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    pub key: usize,
    pub rect: Rect,
    /// From the mark's edge to the label, when the label sits away from its mark.
    pub leader: Option<((f64, f64), (f64, f64))>,
}

/// Directions tried around a dot, in order of preference (east first: reading direction).
const DIRECTIONS: [(f64, f64); 8] = [
    (1.0, 0.0),
    (-1.0, 0.0),
    (0.0, -1.0),
    (0.0, 1.0),
    (1.0, -1.0),
    (-1.0, -1.0),
    (1.0, 1.0),
    (-1.0, 1.0),
];
/// Gap between a mark and an adjacent label, px.
const GAP_PX: f64 = 3.0;
/// Extra distances tried with a leader line, px.
const LEADER_STEPS_PX: [f64; 4] = [10.0, 20.0, 32.0, 46.0];

/// Box for a label of `size` placed `dist` px away from a mark at `anchor`, in direction `dir`.
fn candidate(anchor: (f64, f64), size: (f64, f64), dir: (f64, f64), dist: f64) -> Rect {
    let (w, h) = size;
    let (ax, ay) = anchor;
    let diagonal = if dir.0 != 0.0 && dir.1 != 0.0 {
        std::f64::consts::FRAC_1_SQRT_2
    } else {
        1.0
    };
    let cx = ax + dir.0 * diagonal * dist;
    let cy = ay + dir.1 * diagonal * dist;
    let x = match dir.0 {
        d if d > 0.0 => cx,
        d if d < 0.0 => cx - w,
        _ => cx - w / 2.0,
    };
    let y = match dir.1 {
        d if d > 0.0 => cy,
        d if d < 0.0 => cy - h,
        _ => cy - h / 2.0,
    };
    Rect { x, y, w, h }
}

/// Places labels greedily by priority. A label is kept only where its box stays inside
/// `bounds`, clear of every obstacle (marks, scale bar, north arrow), every placed label and
/// every placed leader line, and its own leader crosses no placed label. Returns the placed
/// labels; requests missing from the result were dropped.
pub fn place_labels(
    requests: &[LabelRequest],
    obstacles: &[Rect],
    bounds: Rect,
) -> Vec<PlacedLabel> {
    let mut order: Vec<&LabelRequest> = requests.iter().collect();
    // Stable: equal priorities keep the caller's order.
    order.sort_by_key(|r| std::cmp::Reverse(r.priority));
    let mut placed: Vec<PlacedLabel> = Vec::new();
    for request in order {
        let near = request.mark_r + GAP_PX;
        let tries = std::iter::once(near)
            .chain(LEADER_STEPS_PX.iter().map(|s| near + s))
            .flat_map(|dist| DIRECTIONS.iter().map(move |dir| (dist, *dir)));
        for (dist, dir) in tries {
            let rect = candidate(request.anchor, request.size, dir, dist);
            let leader = (dist > near).then(|| {
                let start_dist = request.mark_r + 1.0;
                let norm = dir.0.hypot(dir.1);
                let start = (
                    request.anchor.0 + dir.0 / norm * start_dist,
                    request.anchor.1 + dir.1 / norm * start_dist,
                );
                (
                    start,
                    rect.nearest_point(request.anchor.0, request.anchor.1),
                )
            });
            if is_free(&rect, leader, obstacles, &placed, bounds, request.anchor) {
                placed.push(PlacedLabel {
                    key: request.key,
                    rect,
                    leader,
                });
                break;
            }
        }
    }
    placed
}

fn is_free(
    rect: &Rect,
    leader: Option<((f64, f64), (f64, f64))>,
    obstacles: &[Rect],
    placed: &[PlacedLabel],
    bounds: Rect,
    own_anchor: (f64, f64),
) -> bool {
    if !bounds.contains(rect) || obstacles.iter().any(|o| o.intersects(rect)) {
        return false;
    }
    for other in placed {
        if other.rect.intersects(rect) {
            return false;
        }
        if let Some((a, b)) = other.leader
            && rect.crosses_segment(a, b)
        {
            return false;
        }
        if let Some((a, b)) = leader
            && other.rect.crosses_segment(a, b)
        {
            return false;
        }
    }
    if let Some((a, b)) = leader {
        // A leader may not run through another mark (its own mark is where it starts).
        let crosses_mark = obstacles.iter().any(|o| {
            let own = o.x <= own_anchor.0
                && own_anchor.0 <= o.right()
                && o.y <= own_anchor.1
                && own_anchor.1 <= o.bottom();
            !own && o.crosses_segment(a, b)
        });
        if crosses_mark {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: Rect = Rect {
        x: 0.0,
        y: 0.0,
        w: 300.0,
        h: 300.0,
    };

    fn request(key: usize, x: f64, y: f64, priority: i32) -> LabelRequest {
        LabelRequest {
            key,
            anchor: (x, y),
            mark_r: 4.0,
            size: text_size_px("Langfang", 13.0),
            priority,
        }
    }

    fn marks(requests: &[LabelRequest]) -> Vec<Rect> {
        requests
            .iter()
            .map(|r| Rect::around(r.anchor.0, r.anchor.1, r.mark_r))
            .collect()
    }

    #[test]
    fn a_lone_label_sits_east_of_its_dot() {
        let requests = [request(0, 100.0, 100.0, 1)];
        let placed = place_labels(&requests, &marks(&requests), BOUNDS);
        assert_eq!(placed.len(), 1);
        assert!(placed[0].rect.x > 100.0 && placed[0].leader.is_none());
    }

    #[test]
    fn crowded_labels_never_overlap_each_other_or_any_dot() {
        // Twelve dots packed in a small cluster, like the three northern counties.
        let requests: Vec<LabelRequest> = (0..12)
            .map(|i| {
                request(
                    i,
                    140.0 + (i % 4) as f64 * 9.0,
                    140.0 + (i / 4) as f64 * 9.0,
                    12 - i as i32,
                )
            })
            .collect();
        let obstacles = marks(&requests);
        let placed = place_labels(&requests, &obstacles, BOUNDS);
        assert!(placed.len() >= 4, "only {} placed", placed.len());
        for (i, a) in placed.iter().enumerate() {
            assert!(BOUNDS.contains(&a.rect));
            for b in &placed[i + 1..] {
                assert!(!a.rect.intersects(&b.rect), "{a:?} overlaps {b:?}");
            }
            for dot in &obstacles {
                assert!(!a.rect.intersects(dot), "{a:?} covers a dot {dot:?}");
            }
        }
    }

    #[test]
    fn lowest_priority_is_dropped_first() {
        // Two dots at the same spot in a box with room for one label only.
        let tight = Rect {
            x: 0.0,
            y: 0.0,
            w: 100.0,
            h: 30.0,
        };
        let requests = [request(0, 8.0, 15.0, 1), request(1, 8.0, 15.0, 9)];
        let placed = place_labels(&requests, &[], tight);
        assert_eq!(placed.iter().map(|p| p.key).collect::<Vec<_>>(), [1]);
    }

    #[test]
    fn crowded_labels_reach_their_dots_by_leader_lines() {
        let requests: Vec<LabelRequest> = (0..12)
            .map(|i| {
                request(
                    i,
                    140.0 + (i % 4) as f64 * 9.0,
                    140.0 + (i / 4) as f64 * 9.0,
                    1,
                )
            })
            .collect();
        let placed = place_labels(&requests, &marks(&requests), BOUNDS);
        let with_leader: Vec<&PlacedLabel> = placed.iter().filter(|p| p.leader.is_some()).collect();
        assert!(!with_leader.is_empty(), "no leader used: {placed:?}");
        for p in with_leader {
            let Some((start, end)) = p.leader else {
                continue;
            };
            let anchor = requests[p.key].anchor;
            assert!(
                (start.0 - anchor.0).hypot(start.1 - anchor.1) <= 5.0 + 1e-9,
                "starts off its dot"
            );
            let on_edge = (end.0 - p.rect.x).abs() < 1e-9
                || (end.0 - p.rect.right()).abs() < 1e-9
                || (end.1 - p.rect.y).abs() < 1e-9
                || (end.1 - p.rect.bottom()).abs() < 1e-9;
            assert!(on_edge, "leader ends inside its label: {p:?}");
        }
    }

    #[test]
    fn estimated_width_counts_chinese_as_full_em() {
        let (w_zh, _) = text_size_px("廊坊", 10.0);
        let (w_en, _) = text_size_px("ab", 10.0);
        assert!((w_zh - (20.0 + 2.0 * LABEL_PAD_PX)).abs() < 1e-9);
        assert!(w_en < w_zh);
    }

    #[test]
    fn segment_crossing_is_detected() {
        let r = Rect {
            x: 10.0,
            y: 10.0,
            w: 10.0,
            h: 10.0,
        };
        assert!(r.crosses_segment((0.0, 15.0), (30.0, 15.0)));
        assert!(!r.crosses_segment((0.0, 0.0), (30.0, 5.0)));
        assert!(r.crosses_segment((12.0, 12.0), (13.0, 13.0)));
    }
}
