//! One way to draw a mark. A place's mark says four things: its innermost circle (shape and
//! colour, [`MarkKind`]), how sure that membership is (the stroke: confirmed solid, inferred
//! dashed, unconfirmed dotted and lighter), and whether only parts belong (hollow). This module
//! gives each [`MarkStyle`] its shape and its paint; every drawing of a mark takes both from
//! here:
//! - the page, through the stylesheet rules [`css`] writes at build time (the page's colours
//!   are custom properties, so one rule serves both themes);
//! - every standalone SVG and image, through [`mark_svg`], painted inline for one [`Palette`].
//!
//! The paint is built in three layers, the kind's, the status's and the part's, each a
//! [`Paint`] that sets some properties: [`MarkStyle::paint`] applies them in turn, and [`css`]
//! writes one rule per layer, so the cascade in the page gives the same result by construction.

use crate::diagram::{MarkGeometry, MarkKind, PlaceMark, mark_geometry, svg_number as px};
use crate::palette::{Palette, Rgb};
use story::{CircleId, Extent, Place, Status};

/// Everything a mark's drawing depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MarkStyle {
    pub kind: MarkKind,
    /// How sure the membership in the innermost circle is; `None` for Beijing's own places
    /// and for a place in no circle.
    pub status: Option<Status>,
    /// Only parts of the place are in its innermost circle.
    pub is_part: bool,
    /// A legend entry about the stroke alone, drawn in a neutral colour so that it does not
    /// read as one circle's members.
    pub neutral: bool,
}

impl MarkStyle {
    /// A confirmed (or status-free) whole mark of `kind`.
    pub const fn plain(kind: MarkKind) -> MarkStyle {
        MarkStyle {
            kind,
            status: None,
            is_part: false,
            neutral: false,
        }
    }

    /// The style of a place's mark: its innermost circle, how sure that is, and whether only
    /// parts belong.
    pub fn of_place(place: &Place) -> MarkStyle {
        let innermost = place.innermost();
        MarkStyle {
            kind: MarkKind::of(place),
            status: innermost.map(|m| m.status),
            is_part: innermost.is_some_and(|m| m.extent == Extent::Part),
            neutral: false,
        }
    }

    /// The style of a laid-out place's mark.
    pub fn of(mark: &PlaceMark) -> MarkStyle {
        MarkStyle {
            kind: mark.kind,
            status: mark.status,
            is_part: mark.is_part,
            neutral: false,
        }
    }

    /// The mark's paint, every property set: the kind's layer, then the status's, then the
    /// part's.
    pub fn paint(self) -> Look {
        let mut paint = kind_layer(self.kind);
        if let Some(status) = self.status {
            paint = paint.then(status_layer(status));
        }
        if self.is_part {
            paint = paint.then(PART_LAYER);
        }
        if self.neutral {
            paint = paint.then(NEUTRAL_LAYER);
        }
        Look {
            fill: paint.fill.unwrap_or(Ink::None),
            stroke: paint.stroke.unwrap_or(Ink::Own(self.kind)),
            fill_opacity: paint.fill_opacity.unwrap_or(1.0),
            stroke_width: paint.stroke_width.unwrap_or(1.5),
            dash: paint.dash.unwrap_or(None),
        }
    }

    /// The stylesheet classes the page puts on a mark's group for this style.
    pub fn classes(self) -> impl Iterator<Item = &'static str> {
        [
            Some(self.kind.class()),
            self.is_part.then_some(PART_CLASS),
            self.status.and_then(status_class),
            self.neutral.then_some(NEUTRAL_CLASS),
        ]
        .into_iter()
        .flatten()
    }
}

/// A colour a mark is painted with, by its role: the page resolves it to a custom property,
/// an image to a palette's colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ink {
    None,
    /// The colour of a kind of mark (its circle's, Beijing's, or muted for no membership).
    Own(MarkKind),
    /// The page's background: a hollow mark.
    Paper,
    /// The muted text colour: a legend entry about the stroke alone.
    Muted,
}

impl Ink {
    fn css(self) -> String {
        match self {
            Ink::None => "none".to_owned(),
            Ink::Own(kind) => format!("var(--{})", kind.class()),
            Ink::Paper => "var(--bg)".to_owned(),
            Ink::Muted => "var(--muted)".to_owned(),
        }
    }

    fn svg(self, palette: &Palette) -> String {
        self.colour(palette)
            .map_or_else(|| "none".to_owned(), Rgb::hex)
    }

    /// The colour a reader sees at the mark's centre, where it has a fill.
    pub fn colour(self, palette: &Palette) -> Option<Rgb> {
        match self {
            Ink::None => None,
            Ink::Own(kind) => Some(palette.mark(kind)),
            Ink::Paper => Some(palette.bg),
            Ink::Muted => Some(palette.muted),
        }
    }
}

/// A mark's paint, every property set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    pub fill: Ink,
    pub stroke: Ink,
    pub fill_opacity: f64,
    pub stroke_width: f64,
    pub dash: Option<&'static str>,
}

impl MarkStyle {
    /// The colour a reader sees at the centre of this mark drawn over `under` (the disc or the
    /// paper beneath it): the fill blended by its opacity; for a place in no circle, whose
    /// cross has no fill, the stroke, which crosses the centre.
    pub fn centre_colour(self, palette: &Palette, under: Rgb) -> Rgb {
        let look = self.paint();
        let (ink, opacity) = match (self.kind, look.fill.colour(palette)) {
            (MarkKind::NotAMember, _) | (_, None) => (look.stroke.colour(palette), 1.0),
            (_, fill) => (fill, look.fill_opacity),
        };
        let Some(ink) = ink else {
            return under;
        };
        let a = opacity.clamp(0.0, 1.0);
        let mix = |f: u8, u: u8| (f64::from(f) * a + f64::from(u) * (1.0 - a)).round() as u8;
        Rgb(
            mix(ink.0, under.0),
            mix(ink.1, under.1),
            mix(ink.2, under.2),
        )
    }
}

/// One layer of a mark's paint: the properties it sets.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Paint {
    fill: Option<Ink>,
    stroke: Option<Ink>,
    fill_opacity: Option<f64>,
    stroke_width: Option<f64>,
    dash: Option<Option<&'static str>>,
}

impl Paint {
    /// `self` with what `over` sets put over it.
    fn then(self, over: Paint) -> Paint {
        Paint {
            fill: over.fill.or(self.fill),
            stroke: over.stroke.or(self.stroke),
            fill_opacity: over.fill_opacity.or(self.fill_opacity),
            stroke_width: over.stroke_width.or(self.stroke_width),
            dash: over.dash.or(self.dash),
        }
    }

    fn css_declarations(&self) -> String {
        let mut out = String::new();
        if let Some(fill) = self.fill {
            out.push_str(&format!(" fill: {};", fill.css()));
        }
        if let Some(stroke) = self.stroke {
            out.push_str(&format!(" stroke: {};", stroke.css()));
        }
        if let Some(opacity) = self.fill_opacity {
            out.push_str(&format!(" fill-opacity: {opacity};"));
        }
        if let Some(width) = self.stroke_width {
            out.push_str(&format!(" stroke-width: {width};"));
        }
        if let Some(dash) = self.dash {
            out.push_str(&format!(" stroke-dasharray: {};", dash.unwrap_or("none")));
        }
        out
    }
}

/// Every kind of mark, for the stylesheet and the tests.
pub const KINDS: [MarkKind; 5] = [
    MarkKind::Beijing,
    MarkKind::Member(CircleId::Commuting),
    MarkKind::Member(CircleId::Functional),
    MarkKind::Member(CircleId::Industrial),
    MarkKind::NotAMember,
];

/// The kind's layer: filled in its own colour; a place in no circle only outlined.
fn kind_layer(kind: MarkKind) -> Paint {
    let own = Some(Ink::Own(kind));
    match kind {
        MarkKind::NotAMember => Paint {
            fill: Some(Ink::None),
            stroke: own,
            fill_opacity: Some(1.0),
            stroke_width: Some(2.0),
            dash: Some(None),
        },
        _ => Paint {
            fill: own,
            stroke: own,
            fill_opacity: Some(1.0),
            stroke_width: Some(1.5),
            dash: Some(None),
        },
    }
}

/// How sure a membership is, in the stroke and the fill's strength: confirmed solid, inferred
/// dashed and half filled, unconfirmed dotted and lightly filled, so neither colour nor fill
/// alone carries it.
fn status_layer(status: Status) -> Paint {
    match status {
        Status::Confirmed => Paint::default(),
        Status::Inferred => Paint {
            fill_opacity: Some(0.45),
            stroke_width: Some(1.5),
            dash: Some(Some("3 1.5")),
            ..Paint::default()
        },
        Status::Unconfirmed => Paint {
            fill_opacity: Some(0.15),
            stroke_width: Some(1.5),
            dash: Some(Some("1 1.5")),
            ..Paint::default()
        },
    }
}

/// Only parts belong: a hollow mark.
const PART_LAYER: Paint = Paint {
    fill: Some(Ink::Paper),
    stroke: None,
    fill_opacity: None,
    stroke_width: Some(2.0),
    dash: None,
};

/// A legend entry about the stroke alone.
const NEUTRAL_LAYER: Paint = Paint {
    fill: Some(Ink::Muted),
    stroke: Some(Ink::Muted),
    fill_opacity: None,
    stroke_width: None,
    dash: None,
};

const PART_CLASS: &str = "part";
const NEUTRAL_CLASS: &str = "neutral";

/// The stylesheet's class for how sure a membership is (`None`: confirmed, drawn solid).
pub fn status_class(status: Status) -> Option<&'static str> {
    match status {
        Status::Confirmed => None,
        Status::Inferred => Some("status-inferred"),
        Status::Unconfirmed => Some("status-unconfirmed"),
    }
}

/// The page's rules for marks, one per layer in the order [`MarkStyle::paint`] applies them:
/// written into the stylesheet by the build, beside the palette.
pub fn css() -> String {
    let mut out = String::from("/* Marks (graphic::marks), written by the build. */\n");
    for kind in KINDS {
        out.push_str(&format!(
            ".{} .mark {{{} }}\n",
            kind.class(),
            kind_layer(kind).css_declarations()
        ));
    }
    for status in [Status::Confirmed, Status::Inferred, Status::Unconfirmed] {
        if let Some(class) = status_class(status) {
            out.push_str(&format!(
                ".{class} .mark {{{} }}\n",
                status_layer(status).css_declarations()
            ));
        }
    }
    out.push_str(&format!(
        ".{PART_CLASS} .mark {{{} }}\n",
        PART_LAYER.css_declarations()
    ));
    out.push_str(&format!(
        ".{NEUTRAL_CLASS} .mark {{{} }}\n",
        NEUTRAL_LAYER.css_declarations()
    ));
    out
}

/// A mark of `style` at (`x`, `y`), radius `r`, painted inline in `palette`: for any SVG
/// renderer, with no stylesheet.
pub fn mark_svg(style: MarkStyle, palette: &Palette, x: f64, y: f64, r: f64) -> String {
    let look = style.paint();
    let mut paint = format!(
        "fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"",
        look.fill.svg(palette),
        look.stroke.svg(palette),
        look.stroke_width
    );
    if look.fill_opacity < 1.0 {
        paint.push_str(&format!(" fill-opacity=\"{}\"", look.fill_opacity));
    }
    if let Some(dash) = look.dash {
        paint.push_str(&format!(" stroke-dasharray=\"{dash}\""));
    }
    match mark_geometry(style.kind, x, y, r) {
        MarkGeometry::Circle { cx, cy, r } => {
            format!("<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{r}\" {paint}/>")
        }
        MarkGeometry::Path(d) => format!("<path d=\"{d}\" {paint}/>"),
    }
}

/// The centre star of the diagram (the centre, Tiananmen), as path data.
pub fn star_path(cx: f64, cy: f64, r: f64) -> String {
    let mut d = String::new();
    for i in 0..10 {
        let radius = if i % 2 == 0 { r } else { r * 0.45 };
        let a = std::f64::consts::PI / 5.0 * f64::from(i);
        let (x, y) = (cx + radius * a.sin(), cy - radius * a.cos());
        d.push_str(&format!(
            "{}{} {}",
            if i == 0 { "M" } else { "L" },
            px(x),
            px(y)
        ));
    }
    d.push('z');
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::palette::{DARK, LIGHT};

    fn all_styles() -> Vec<MarkStyle> {
        let mut styles = Vec::new();
        for kind in KINDS {
            for status in [
                None,
                Some(Status::Confirmed),
                Some(Status::Inferred),
                Some(Status::Unconfirmed),
            ] {
                for is_part in [false, true] {
                    for neutral in [false, true] {
                        styles.push(MarkStyle {
                            kind,
                            status,
                            is_part,
                            neutral,
                        });
                    }
                }
            }
        }
        styles
    }

    /// The cascade of the page's rules, worked out by an independent reading of [`css`]'s
    /// text: the declarations of every rule whose class the mark's group has, in the
    /// stylesheet's order.
    fn cascade(css: &str, classes: &[&str]) -> std::collections::HashMap<String, String> {
        let mut found = std::collections::HashMap::new();
        for line in css.lines().filter(|l| l.starts_with('.')) {
            let (selector, body) = line.split_once('{').unwrap_or_default();
            let class = selector.trim_start_matches('.').split(' ').next();
            if !class.is_some_and(|c| classes.contains(&c)) {
                continue;
            }
            for declaration in body.trim_end_matches('}').split(';') {
                if let Some((name, value)) = declaration.split_once(':') {
                    found.insert(name.trim().to_owned(), value.trim().to_owned());
                }
            }
        }
        found
    }

    #[test]
    fn the_page_rules_give_every_style_the_paint_the_images_use() {
        let css = css();
        for style in all_styles() {
            let classes: Vec<&str> = style.classes().collect();
            let page = cascade(&css, &classes);
            let look = style.paint();
            assert_eq!(page.get("fill"), Some(&look.fill.css()), "{style:?}");
            assert_eq!(page.get("stroke"), Some(&look.stroke.css()), "{style:?}");
            let opacity: f64 = page
                .get("fill-opacity")
                .and_then(|o| o.parse().ok())
                .unwrap_or(f64::NAN);
            assert_eq!(opacity, look.fill_opacity, "{style:?}");
            let width: f64 = page
                .get("stroke-width")
                .and_then(|o| o.parse().ok())
                .unwrap_or(f64::NAN);
            assert_eq!(width, look.stroke_width, "{style:?}");
            assert_eq!(
                page.get("stroke-dasharray").map(String::as_str),
                Some(look.dash.unwrap_or("none")),
                "{style:?}"
            );
        }
    }

    #[test]
    fn how_sure_a_membership_is_changes_the_drawing() {
        let member = MarkKind::Member(CircleId::Commuting);
        let drawn = |status| {
            mark_svg(
                MarkStyle {
                    status: Some(status),
                    ..MarkStyle::plain(member)
                },
                &LIGHT,
                10.0,
                10.0,
                5.0,
            )
        };
        let (confirmed, inferred, unconfirmed) = (
            drawn(Status::Confirmed),
            drawn(Status::Inferred),
            drawn(Status::Unconfirmed),
        );
        assert!(!confirmed.contains("dasharray"), "{confirmed}");
        assert!(
            inferred.contains("stroke-dasharray=\"3 1.5\""),
            "{inferred}"
        );
        assert!(
            unconfirmed.contains("stroke-dasharray=\"1 1.5\""),
            "{unconfirmed}"
        );
        assert_ne!(inferred, unconfirmed);
        // A hollow mark is filled with the paper; a place in no circle is only outlined.
        let part = mark_svg(
            MarkStyle {
                is_part: true,
                ..MarkStyle::plain(member)
            },
            &DARK,
            0.0,
            0.0,
            5.0,
        );
        assert!(part.contains(&format!("fill=\"{}\"", DARK.bg)), "{part}");
        let none = mark_svg(
            MarkStyle::plain(MarkKind::NotAMember),
            &LIGHT,
            0.0,
            0.0,
            5.0,
        );
        assert!(none.contains("fill=\"none\""), "{none}");
    }

    #[test]
    fn no_style_is_painted_black() {
        for style in all_styles() {
            for palette in [LIGHT, DARK] {
                let svg = mark_svg(style, &palette, 0.0, 0.0, 5.0);
                assert!(!svg.contains("#000000"), "{style:?}: {svg}");
                assert!(
                    svg.contains("fill=\"") && svg.contains("stroke=\""),
                    "{svg}"
                );
            }
        }
    }

    #[test]
    fn the_centre_colour_blends_the_fill_over_what_lies_beneath() {
        let white = Rgb(255, 255, 255);
        let unsure = MarkStyle {
            status: Some(Status::Unconfirmed),
            ..MarkStyle::plain(MarkKind::Member(CircleId::Functional))
        };
        let seen = unsure.centre_colour(&LIGHT, white);
        let fill = LIGHT.mark(MarkKind::Member(CircleId::Functional));
        assert!(seen.0 > fill.0 && seen.0 < 255, "{seen:?}");
        let solid = MarkStyle::plain(MarkKind::Member(CircleId::Functional));
        assert_eq!(solid.centre_colour(&LIGHT, white), fill);
        let none = MarkStyle::plain(MarkKind::NotAMember);
        assert_eq!(none.centre_colour(&LIGHT, white), LIGHT.muted);
        let hollow = MarkStyle {
            is_part: true,
            ..solid
        };
        assert_eq!(hollow.centre_colour(&LIGHT, Rgb(1, 2, 3)), LIGHT.bg);
    }
}
