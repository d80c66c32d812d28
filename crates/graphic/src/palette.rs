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

/// Declares both themes from one table, a colour's light and dark values side by side.
macro_rules! themes {
    ($($field:ident: $light:expr, $dark:expr;)+) => {
        pub const LIGHT: Palette = Palette { $($field: $light,)+ };
        pub const DARK: Palette = Palette { $($field: $dark,)+ };
    };
}

/// `0xrrggbb` as a colour.
const fn hex(rgb: u32) -> Rgb {
    Rgb((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8)
}

themes! {
    bg: hex(0xffffff), hex(0x111827);
    ink: hex(0x1f2937), hex(0xf3f4f6);
    muted: hex(0x4b5563), hex(0xd1d5db);
    rule: hex(0xd1d5db), hex(0x374151);
    panel: hex(0xf9fafb), hex(0x1f2937);
    focus: hex(0x7c3aed), hex(0xc4b5fd);
    disc: [hex(0xfed7aa), hex(0xbfdbfe), hex(0xd1fae5)],
          [hex(0x7c2d12), hex(0x1e3a8a), hex(0x064e3b)];
    disc_edge: hex(0x6b7280), hex(0x9ca3af);
    mark_beijing: hex(0xb91c1c), hex(0xfca5a5);
    mark: [hex(0xc2410c), hex(0x1d4ed8), hex(0x047857)],
          [hex(0xfdba74), hex(0x93c5fd), hex(0x6ee7b7)];
    overview: hex(0x374151), hex(0xd1d5db);
}

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
        assert_eq!(hex(0x047857), Rgb(0x04, 0x78, 0x57));
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
