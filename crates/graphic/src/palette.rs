//! The graphic's one palette, light and dark. The page's stylesheet takes its colours from the
//! custom properties [`css`] writes (the build writes them into `dist/`), and the charts, the
//! share image and the WeChat article paint with the same values, so none of them can drift.

use crate::diagram::MarkKind;
use story::{Chart, CircleId, Section};

/// A colour, written `#rrggbb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

impl std::fmt::Display for Rgb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.hex())
    }
}

/// One theme's colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// Page background.
    pub bg: Rgb,
    /// Text, and the charts' ink.
    pub ink: Rgb,
    /// Secondary text; a mark of a place outside every circle.
    pub muted: Rgb,
    /// Rules and table lines.
    pub rule: Rgb,
    pub panel: Rgb,
    pub focus: Rgb,
    /// Discs of the commuting, functional and industrial circles.
    pub disc: [Rgb; 3],
    pub disc_edge: Rgb,
    pub mark_beijing: Rgb,
    /// Marks of each circle's members, and the bars of its charts.
    pub mark: [Rgb; 3],
    /// Bars of a chart of the overview.
    pub overview: Rgb,
}

pub const LIGHT: Palette = Palette {
    bg: Rgb(0xff, 0xff, 0xff),
    ink: Rgb(0x1f, 0x29, 0x37),
    muted: Rgb(0x4b, 0x55, 0x63),
    rule: Rgb(0xd1, 0xd5, 0xdb),
    panel: Rgb(0xf9, 0xfa, 0xfb),
    focus: Rgb(0x7c, 0x3a, 0xed),
    disc: [
        Rgb(0xfe, 0xd7, 0xaa),
        Rgb(0xbf, 0xdb, 0xfe),
        Rgb(0xd1, 0xfa, 0xe5),
    ],
    disc_edge: Rgb(0x6b, 0x72, 0x80),
    mark_beijing: Rgb(0xb9, 0x1c, 0x1c),
    mark: [
        Rgb(0xc2, 0x41, 0x0c),
        Rgb(0x1d, 0x4e, 0xd8),
        Rgb(0x04, 0x78, 0x57),
    ],
    overview: Rgb(0x37, 0x41, 0x51),
};

pub const DARK: Palette = Palette {
    bg: Rgb(0x11, 0x18, 0x27),
    ink: Rgb(0xf3, 0xf4, 0xf6),
    muted: Rgb(0xd1, 0xd5, 0xdb),
    rule: Rgb(0x37, 0x41, 0x51),
    panel: Rgb(0x1f, 0x29, 0x37),
    focus: Rgb(0xc4, 0xb5, 0xfd),
    disc: [
        Rgb(0x7c, 0x2d, 0x12),
        Rgb(0x1e, 0x3a, 0x8a),
        Rgb(0x06, 0x4e, 0x3b),
    ],
    disc_edge: Rgb(0x9c, 0xa3, 0xaf),
    mark_beijing: Rgb(0xfc, 0xa5, 0xa5),
    mark: [
        Rgb(0xfd, 0xba, 0x74),
        Rgb(0x93, 0xc5, 0xfd),
        Rgb(0x6e, 0xe7, 0xb7),
    ],
    overview: Rgb(0xd1, 0xd5, 0xdb),
};

fn circle_index(id: CircleId) -> usize {
    match id {
        CircleId::Commuting => 0,
        CircleId::Functional => 1,
        CircleId::Industrial => 2,
    }
}

impl Palette {
    pub fn disc(&self, id: CircleId) -> Rgb {
        self.disc[circle_index(id)]
    }

    /// The colour of a mark: its innermost circle's, Beijing's own, or muted outside them all.
    pub fn mark(&self, kind: MarkKind) -> Rgb {
        match kind {
            MarkKind::Beijing => self.mark_beijing,
            MarkKind::Member(id) => self.mark[circle_index(id)],
            MarkKind::NotAMember => self.muted,
        }
    }

    /// The bars of a chart: the hue of its section's circle.
    pub fn bars(&self, chart: &Chart) -> Rgb {
        match chart.section {
            Section::Commuting => self.mark[0],
            Section::Functional => self.mark[1],
            Section::Industrial => self.mark[2],
            Section::Overview => self.overview,
        }
    }

    /// The stylesheet's custom properties, in the order the stylesheet lists them.
    pub fn properties(&self) -> [(&'static str, Rgb); 16] {
        [
            ("bg", self.bg),
            ("ink", self.ink),
            ("muted", self.muted),
            ("rule", self.rule),
            ("panel", self.panel),
            ("focus", self.focus),
            ("disc-commuting", self.disc[0]),
            ("disc-functional", self.disc[1]),
            ("disc-industrial", self.disc[2]),
            ("disc-edge", self.disc_edge),
            ("mark-beijing", self.mark_beijing),
            ("mark-commuting", self.mark[0]),
            ("mark-functional", self.mark[1]),
            ("mark-industrial", self.mark[2]),
            ("mark-none", self.muted),
            ("chart-overview", self.overview),
        ]
    }

    fn declarations(&self, indent: &str) -> String {
        self.properties()
            .iter()
            .map(|(name, colour)| format!("{indent}--{name}: {colour};\n"))
            .collect()
    }
}

/// Bar colour and ink of a chart as drawn in light (the page's charts, the downloads and the
/// share images). In the dark theme the stylesheet repaints the chart's text with `--ink`.
pub fn chart_colours(chart: &Chart) -> (Rgb, Rgb) {
    (LIGHT.bars(chart), LIGHT.ink)
}

/// The palette as CSS: light by default; dark when the reader's system asks for it, unless
/// `?theme=light` forced light (`.theme-light`); dark when `?theme=dark` forced it.
pub fn css() -> String {
    format!(
        "/* The palette (graphic::palette), written by the build: edit colours there. */\n\
         :root {{\n  color-scheme: light dark;\n{light}}}\n\
         @media (prefers-color-scheme: dark) {{\n  :root:not(.theme-light) {{\n    color-scheme: dark;\n{dark_media}  }}\n}}\n\
         :root.theme-light {{ color-scheme: light; }}\n\
         :root.theme-dark {{\n  color-scheme: dark;\n{dark}}}\n",
        light = LIGHT.declarations("  "),
        dark_media = DARK.declarations("    "),
        dark = DARK.declarations("  "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_written_as_six_hex_digits() {
        assert_eq!(Rgb(0x04, 0x78, 0x57).hex(), "#047857");
        assert_eq!(Rgb(0xff, 0xff, 0xff).to_string(), "#ffffff");
    }

    #[test]
    fn css_declares_every_property_once_per_theme_block() {
        let css = css();
        for (name, colour) in LIGHT.properties() {
            let declaration = format!("--{name}: {colour};");
            assert!(css.contains(&declaration), "{declaration} missing");
        }
        for (name, colour) in DARK.properties() {
            let declaration = format!("--{name}: {colour};");
            assert_eq!(
                css.matches(&declaration).count(),
                2,
                "{declaration}: once for the system's dark setting, once for ?theme=dark"
            );
        }
        assert_eq!(css.matches('{').count(), css.matches('}').count());
    }

    #[test]
    fn a_mark_and_its_circles_charts_share_a_colour() {
        let story = story::testing::fixture();
        for chart in story.charts.iter() {
            let circle = match chart.section {
                Section::Commuting => CircleId::Commuting,
                Section::Functional => CircleId::Functional,
                Section::Industrial => CircleId::Industrial,
                Section::Overview => continue,
            };
            assert_eq!(chart_colours(chart).0, LIGHT.mark(MarkKind::Member(circle)));
        }
    }
}
