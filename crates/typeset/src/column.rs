//! Where Chinese readers are: the outline set as one phone-width article, for channels that
//! take no iframe and no script.
//!
//! - the WeChat SVG: every section shown (no screen left empty behind a tap); a tap on a disc
//!   marks its circle, with SMIL only (no id, no class, no style, no script), so it survives an
//!   editor that strips ids and classes;
//! - the long image (Weibo, Toutiao): the same article with every section shown, as PNG;
//! - the newsletter image: the headline, the diagram with its legend, and the radius note.
//!
//! Everything is laid out in a 375 px column (a phone's), the unit of every number below.

use crate::diagram::{disc_svg, overlay_svg};
use crate::text::{FONTS, wrap};
use graphic::diagram::{COLUMN_CLASS, DiagramLayout, layout, svg_number as px, unlabelled_places};
use graphic::escape::escape_html;
use graphic::marks::{MarkStyle, mark_svg};
use graphic::outline::{
    Block, ChartBlock, FigureBlock, LegendEntry, Outline, OutlineSection, SectionKind,
};
use graphic::palette::{LIGHT, Palette, Rgb};
use graphic::words::pieces_text;
use story::{Lang, Story};

/// The column's width: a phone's, where WeChat shows an article.
pub const COLUMN_PX: f64 = 375.0;
/// No text smaller than this at 375 px (28 px in the 750 px long image).
pub const MIN_FONT_PX: f64 = 14.0;
const MARGIN_PX: f64 = 16.0;
const TEXT_WIDTH_PX: f64 = COLUMN_PX - 2.0 * MARGIN_PX;
const LINE_HEIGHT: f64 = 1.45;
const BODY_PX: f64 = 15.0;
const SMALL_PX: f64 = 14.0;
const TITLE_PX: f64 = 20.0;
const HEADLINE_PX: f64 = 24.0;
const NUMBER_PX: f64 = 28.0;
/// Where a list item's text starts, after its mark.
const MARK_INDENT_PX: f64 = 18.0;
/// A chart's bar: its height, and the longest bar's share of the text width.
const BAR_PX: f64 = 14.0;
const BAR_SHARE: f64 = 0.55;
/// The page's light theme: WeChat and images have no dark mode of ours.
const PALETTE: Palette = LIGHT;
const INK: Rgb = LIGHT.ink;
const MUTED: Rgb = LIGHT.muted;
const PAPER: Rgb = LIGHT.bg;

/// Which file the article is set for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// Every section shown; a tap on a disc marks its circle.
    WeChat,
    /// Every section shown.
    LongImage,
    /// Headline, diagram, legend and radius note only.
    Newsletter,
}

/// An article set in the column: its drawing (the SVG's content), its height, the heights at
/// which it may be cut into parts, and every line of text set, in order.
pub struct Article {
    body: String,
    pub height_px: f64,
    /// Where the diagram's top edge lies (column px): the layout's coordinates start there.
    pub diagram_top: f64,
    /// Between blocks: the best places to cut.
    pub breaks: Vec<f64>,
    /// Between any two lines: where a block taller than a part is cut.
    pub line_breaks: Vec<f64>,
    /// Every line of text the article sets (the tests read them).
    pub lines: Vec<String>,
    /// The same lines, grouped by the text each was broken from.
    pub paragraphs: Vec<Vec<String>>,
}

impl Article {
    /// The whole article as one SVG, 100% of the column it is pasted into (WeChat).
    pub fn svg(&self) -> String {
        self.document("width=\"100%\"", 0.0, self.height_px)
    }

    /// The window from `top` to `bottom` as its own SVG, `width_px` wide (an image's part).
    pub fn window_svg(&self, top: f64, bottom: f64, width_px: u32) -> String {
        let scale = f64::from(width_px) / COLUMN_PX;
        let size = format!(
            "width=\"{width_px}\" height=\"{}\"",
            ((bottom - top) * scale).round()
        );
        self.document(&size, top, bottom - top)
    }

    fn document(&self, size: &str, top: f64, height: f64) -> String {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" {size} viewBox=\"0 {top} {COLUMN_PX} {height}\" font-family=\"{FONTS}\">\n{}</svg>\n",
            self.body
        )
    }
}

/// The diagram as the column draws it, for one language: lay it out once and set every
/// channel's article from it.
pub fn column_diagram(story: &Story, lang: Lang) -> DiagramLayout {
    layout(story, lang, COLUMN_CLASS)
}

/// Text set top to bottom in the column.
struct Flow {
    out: String,
    y: f64,
    breaks: Vec<f64>,
    line_breaks: Vec<f64>,
    lines: Vec<String>,
    paragraphs: Vec<Vec<String>>,
}

impl Flow {
    fn new(y: f64) -> Flow {
        Flow {
            out: String::new(),
            y,
            breaks: Vec::new(),
            line_breaks: Vec::new(),
            lines: Vec::new(),
            paragraphs: Vec::new(),
        }
    }

    /// A paragraph, wrapped to the column from `indent`, one `<text>` per line.
    fn text_at(&mut self, text: &str, font_px: f64, bold: bool, fill: Rgb, indent: f64) {
        // Bold letters run wider than the estimate the lines are broken by.
        let width = (TEXT_WIDTH_PX - indent) * if bold { 0.9 } else { 0.97 };
        let lines = wrap(text, font_px, width);
        self.paragraphs.push(lines.clone());
        for line in lines {
            self.y += font_px * LINE_HEIGHT;
            self.out.push_str(&format!(
                "<text x=\"{}\" y=\"{:.1}\" font-size=\"{font_px}\"{} fill=\"{fill}\">{}</text>\n",
                px(MARGIN_PX + indent),
                self.y - font_px * 0.35,
                if bold { " font-weight=\"700\"" } else { "" },
                escape_html(&line),
            ));
            self.line_breaks.push(self.y + font_px * 0.15);
            self.lines.push(line);
        }
    }

    fn text(&mut self, text: &str, font_px: f64, bold: bool, fill: Rgb) {
        self.text_at(text, font_px, bold, fill, 0.0);
    }

    fn small(&mut self, text: &str) {
        self.text(text, SMALL_PX, false, MUTED);
    }

    /// A line of text after a mark of `style`.
    fn marked(&mut self, style: MarkStyle, text: &str, font_px: f64, bold: bool) {
        let y = self.y + font_px * LINE_HEIGHT - font_px * 0.35 - font_px * 0.35;
        self.out
            .push_str(&mark_svg(style, &PALETTE, MARGIN_PX + 6.0, y, 5.0));
        self.out.push('\n');
        self.text_at(text, font_px, bold, INK, MARK_INDENT_PX);
    }

    fn gap(&mut self, px: f64) {
        self.y += px;
        self.breaks.push(self.y);
    }

    fn rule(&mut self) {
        self.gap(8.0);
        self.out.push_str(&format!(
            "<line x1=\"{MARGIN_PX}\" y1=\"{:.1}\" x2=\"{}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"1\"/>\n",
            self.y,
            COLUMN_PX - MARGIN_PX,
            self.y,
            LIGHT.rule,
        ));
        self.gap(8.0);
    }

    /// A headline figure: the number with its qualifier, what it counts, who said it and the
    /// source, what it is worked out from, and its caveat.
    fn figure(&mut self, figure: &FigureBlock) {
        self.text(&figure.number, NUMBER_PX, true, INK);
        self.text(&figure.label, BODY_PX, false, INK);
        self.small(&pieces_text(&figure.source));
        if let Some(derived) = &figure.derived {
            self.small(derived);
        }
        if let Some(caveat) = &figure.caveat {
            self.small(caveat);
        }
        self.gap(10.0);
    }

    /// A chart as bars: each bar's label, then the bar with its value after it; what a worked
    /// out bar comes from; the note and the sources.
    fn chart(&mut self, chart: &ChartBlock) {
        self.text(&chart.caption, BODY_PX, true, INK);
        let max = chart
            .spec
            .rows
            .iter()
            .map(|r| r.value)
            .fold(0.0_f64, f64::max);
        for drawn in &chart.spec.rows {
            self.text(&drawn.label, SMALL_PX, false, INK);
            let len = if max > 0.0 {
                (drawn.value / max * TEXT_WIDTH_PX * BAR_SHARE).clamp(1.0, TEXT_WIDTH_PX)
            } else {
                1.0
            };
            let top = self.y + 3.0;
            self.out.push_str(&format!(
                "<rect x=\"{MARGIN_PX}\" y=\"{}\" width=\"{}\" height=\"{BAR_PX}\" fill=\"{}\"/>\n",
                px(top),
                px(len),
                chart.spec.colour
            ));
            self.out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"{SMALL_PX}\" font-weight=\"700\" fill=\"{INK}\">{}</text>\n",
                px(MARGIN_PX + len + 6.0),
                px(top + BAR_PX - 2.0),
                escape_html(&drawn.value_text)
            ));
            self.lines.push(drawn.value_text.clone());
            self.y = top + BAR_PX + 3.0;
            self.line_breaks.push(self.y);
        }
        for line in &chart.derived_lines {
            self.small(line);
        }
        if let Some(note) = &chart.note {
            self.small(note);
        }
        self.small(&pieces_text(&chart.source));
        self.gap(10.0);
    }

    /// One block of a section, as the column sets it.
    fn block(&mut self, block: &Block) {
        match block {
            Block::Paragraph(text) => {
                self.text(text, BODY_PX, false, INK);
                self.gap(8.0);
            }
            Block::Radius { text, area, source } => {
                self.text(text, BODY_PX, false, INK);
                self.small(area);
                self.small(source);
                self.gap(6.0);
            }
            Block::History(history) => {
                self.text(&history.heading, BODY_PX, true, INK);
                for step in &history.steps {
                    self.text(&step.name, SMALL_PX, true, INK);
                    self.text(&step.summary, SMALL_PX, false, INK);
                    self.small(&pieces_text(&step.source));
                }
                self.gap(8.0);
            }
            Block::Definition(definition) => {
                self.text(&definition.heading, BODY_PX, true, INK);
                self.text(&definition.summary, BODY_PX, false, INK);
                self.small(&pieces_text(&definition.source));
                self.gap(6.0);
                if let Some(quote) = &definition.quote {
                    self.text(&quote.said_by, BODY_PX, true, INK);
                    if let Some(line) = &quote.plan_name {
                        self.text(line, BODY_PX, false, INK);
                    }
                    self.text(&quote.text, BODY_PX, false, INK);
                    self.small(&pieces_text(&quote.source));
                }
                self.gap(10.0);
            }
            Block::Figures(figures) => {
                for figure in figures {
                    self.figure(figure);
                }
            }
            Block::Charts(charts) => {
                for chart in charts {
                    self.chart(chart);
                }
            }
            Block::Zone(zone) => {
                self.text(&zone.name, BODY_PX, true, INK);
                self.text(&zone.summary, BODY_PX, false, INK);
                self.small(&pieces_text(&zone.source));
                self.gap(8.0);
                for figure in &zone.figures {
                    self.figure(figure);
                }
            }
            Block::Members(members) => {
                self.text(&members.heading, BODY_PX, true, INK);
                self.marked(
                    MarkStyle::plain(graphic::diagram::MarkKind::Beijing),
                    &members.core,
                    SMALL_PX,
                    false,
                );
                for item in &members.items {
                    self.marked(
                        item.style,
                        &format!("{} — {}", item.name, item.basis),
                        SMALL_PX,
                        false,
                    );
                }
                if let Some(nested) = &members.nested {
                    self.small(nested);
                }
                if let Some(partial) = &members.partial {
                    self.small(partial);
                }
            }
            Block::Place(place) => {
                self.marked(place.style, &place.name, BODY_PX, true);
                for line in place.lines() {
                    self.text(line, SMALL_PX, false, INK);
                }
                self.gap(4.0);
            }
        }
    }

    /// A section: its heading, then its blocks.
    fn section(&mut self, section: &OutlineSection) {
        self.text(&section.heading, TITLE_PX, true, INK);
        self.gap(4.0);
        for block in &section.blocks {
            self.block(block);
        }
    }

    /// The legend: a mark and its words a line, every style the diagram draws.
    fn legend(&mut self, legend: &[LegendEntry]) {
        for entry in legend {
            self.marked(entry.style, &entry.text, SMALL_PX, false);
        }
    }
}

/// "Not labelled on the diagram: …", for the places whose labels did not fit.
fn unlabelled_line(names: &[String], lang: Lang) -> Option<String> {
    (!names.is_empty()).then(|| graphic::words::unlabelled_line(names, lang))
}

const _: () = assert!(COLUMN_CLASS.size_px == COLUMN_PX && COLUMN_CLASS.font_px == MIN_FONT_PX);

/// The article of `outline` for `channel`, with `diagram` laid out for the column (its
/// places' names come from `story`). `address` is the graphic's published URL.
pub fn article(
    story: &Story,
    outline: &Outline,
    diagram: &DiagramLayout,
    channel: Channel,
    address: Option<&str>,
) -> Article {
    let lang = outline.lang;
    let mut flow = Flow::new(MARGIN_PX);
    flow.text(&outline.kicker, SMALL_PX, true, MUTED);
    flow.text(&outline.headline, HEADLINE_PX, true, INK);
    flow.gap(4.0);
    flow.text(&outline.standfirst, BODY_PX, false, MUTED);
    flow.gap(8.0);
    let diagram_top = flow.y;
    flow.y += COLUMN_PX;
    flow.gap(0.0);
    flow.legend(&outline.legend);
    if let Some(line) = unlabelled_line(&unlabelled_places(story, diagram, lang), lang) {
        flow.small(&line);
    }
    flow.gap(6.0);
    if channel == Channel::WeChat {
        flow.text(graphic::words::tap_hint(lang), BODY_PX, true, INK);
        flow.gap(4.0);
    }
    flow.small(&outline.radius_note);
    let mut discs = String::new();
    match channel {
        // The newsletter image is the diagram and what it needs to be read: its sections are
        // the page's, a click away.
        Channel::Newsletter => {
            discs.push_str(&crate::diagram::discs_svg(diagram, &PALETTE, diagram_top))
        }
        Channel::WeChat | Channel::LongImage => {
            flow.small(&outline.radius_source);
            // The discs, each with its section where a tap opens it (WeChat) or shown (long
            // image). Groups are written outermost first, so each inner disc lies over the
            // outer ones and takes their taps.
            let mut groups = Vec::new();
            for section in &outline.sections {
                match section.kind {
                    SectionKind::Overview => {
                        flow.rule();
                        flow.section(section);
                    }
                    SectionKind::Circle(id) => {
                        let radius = diagram
                            .circles
                            .iter()
                            .find(|(c, _)| *c == id)
                            .map_or(0.0, |(_, r)| *r);
                        flow.rule();
                        let top = flow.y;
                        let mut set = Flow::new(top);
                        set.section(section);
                        set.gap(8.0);
                        if channel == Channel::WeChat {
                            // Every section is shown: nothing waits behind a tap, so no screen
                            // is left empty. A tap on a disc marks that circle: a ring round
                            // its disc and a bar beside its section's heading below. The group
                            // is hidden but for its disc, which keeps its own visibility; the
                            // tap bubbles to the group, and the group shows what it holds. No
                            // id: it works after an editor strips them.
                            let (cx, cy) = diagram.centre;
                            let mark = PALETTE.mark(graphic::diagram::MarkKind::Member(id));
                            groups.push(format!(
                                "<g visibility=\"hidden\">\n<set attributeName=\"visibility\" to=\"visible\" begin=\"click;touchstart\" fill=\"freeze\"/>\n{}<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"none\" stroke=\"{mark}\" stroke-width=\"3\"/>\n<rect x=\"4\" y=\"{}\" width=\"6\" height=\"{}\" fill=\"{mark}\"/>\n</g>\n",
                                disc_svg(diagram, &PALETTE, id, radius, diagram_top, " visibility=\"visible\""),
                                px(cx),
                                px(cy + diagram_top),
                                px(radius - 1.5),
                                px(top + 2.0),
                                px(TITLE_PX * LINE_HEIGHT),
                            ));
                        } else {
                            groups.push(disc_svg(diagram, &PALETTE, id, radius, diagram_top, ""));
                        }
                        flow.out.push_str(&set.out);
                        flow.breaks.push(top);
                        flow.breaks.extend(set.breaks);
                        flow.line_breaks.extend(set.line_breaks);
                        flow.lines.extend(set.lines);
                        flow.paragraphs.extend(set.paragraphs);
                        flow.y = set.y;
                    }
                    // Every place in detail is the long image's alone: the WeChat article
                    // lists each circle's members in its section, a tap away.
                    SectionKind::Places => {
                        if channel == Channel::LongImage {
                            flow.rule();
                            flow.section(section);
                        }
                    }
                }
            }
            for group in groups.iter().rev() {
                discs.push_str(group);
            }
        }
    }
    flow.rule();
    flow.small(&outline.credit);
    if let Some(address) = address {
        flow.small(address);
    }
    flow.gap(MARGIN_PX);
    let height = flow.y.ceil();
    let mut body = format!(
        "<rect x=\"0\" y=\"0\" width=\"{COLUMN_PX}\" height=\"{height}\" fill=\"{PAPER}\"/>\n"
    );
    body.push_str(&discs);
    body.push_str(&overlay_svg(diagram, &PALETTE, diagram_top));
    body.push_str(&flow.out);
    flow.breaks.retain(|b| *b > 0.0 && *b < height);
    flow.line_breaks.retain(|b| *b > 0.0 && *b < height);
    // The labels on the diagram are lines the article sets too.
    let mut lines: Vec<String> = diagram.labels.iter().map(|l| l.text.clone()).collect();
    lines.extend(diagram.circle_labels.iter().map(|l| l.text.clone()));
    lines.extend(flow.lines);
    Article {
        body,
        height_px: height,
        diagram_top,
        breaks: flow.breaks,
        line_breaks: flow.line_breaks,
        lines,
        paragraphs: flow.paragraphs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use graphic::outline::outline;

    fn set(lang: Lang, channel: Channel) -> Article {
        let story = story::testing::fixture();
        let diagram = column_diagram(story, lang);
        article(story, &outline(story, lang), &diagram, channel, None)
    }

    /// No line the column sets is wider than the column, by the measure lines are broken by:
    /// the fixture's caveat holds a word far wider than a line.
    #[test]
    fn no_line_leaves_the_column() {
        for lang in Lang::ALL {
            let svg = set(lang, Channel::LongImage).svg();
            let document =
                roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{lang}: {e}"));
            let mut lines = 0;
            for text in document.descendants().filter(|n| n.has_tag_name("text")) {
                let x: f64 = text
                    .attribute("x")
                    .and_then(|x| x.parse().ok())
                    .unwrap_or(0.0);
                // Lines of the column's flow start at the margin or after a mark; labels on
                // the diagram are centred on their boxes instead.
                if text.attribute("text-anchor").is_some() || x > MARGIN_PX + MARK_INDENT_PX {
                    continue;
                }
                let font: f64 = text
                    .attribute("font-size")
                    .and_then(|f| f.parse().ok())
                    .unwrap_or(0.0);
                let content = text.text().unwrap_or_default();
                let width = crate::text::text_size_px(content, font).0;
                assert!(
                    x + width <= COLUMN_PX - MARGIN_PX + 1.0,
                    "{lang}: {content:?} at {font} px is {width:.0} px wide from {x}"
                );
                lines += 1;
            }
            assert!(lines > 100, "{lang}: only {lines} lines");
        }
    }

    /// Every line the column sets keeps to Chinese typesetting's rules (and the English lines
    /// keep numbers with their units), in every channel and language.
    #[test]
    fn every_line_set_keeps_clreq() {
        for lang in Lang::ALL {
            for channel in [Channel::WeChat, Channel::LongImage, Channel::Newsletter] {
                let article = set(lang, channel);
                assert!(article.paragraphs.len() > 10, "{lang} {channel:?}");
                for paragraph in &article.paragraphs {
                    assert_eq!(
                        crate::text::line_faults(paragraph),
                        Vec::<String>::new(),
                        "{lang} {channel:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn hostile_story_text_stays_text_in_the_svg() {
        let story = story::testing::fixture();
        for channel in [Channel::WeChat, Channel::LongImage, Channel::Newsletter] {
            let svg = set(Lang::En, channel).svg();
            let document = roxmltree::Document::parse(&svg)
                .unwrap_or_else(|e| panic!("{channel:?}: not XML: {e}"));
            assert!(
                document
                    .descendants()
                    .all(|n| !matches!(n.tag_name().name(), "script" | "img" | "i" | "b")),
                "{channel:?}: markup from the story became elements"
            );
            let text = crate::text_of(&document);
            if channel != Channel::Newsletter {
                // The fixture's definition carries a script tag: shown literally.
                assert!(text.contains("<script>alert(1)</script>"), "{channel:?}");
            }
            // Lines break at spaces: compare without them.
            let squeezed = |s: &str| s.split_whitespace().collect::<String>();
            assert!(
                squeezed(&text).contains(&squeezed(&story.ui.headline.en)),
                "{channel:?}"
            );
        }
    }

    #[test]
    fn the_long_image_shows_every_section_and_every_place() {
        let story = story::testing::fixture();
        let svg = set(Lang::Zh, Channel::LongImage).svg();
        assert!(!svg.contains("visibility=\"hidden\""));
        for circle in story.circles.iter() {
            assert!(
                svg.contains(&escape_html(circle.name.zh.as_ref())),
                "{:?}",
                circle.id
            );
        }
        for place in story.places.iter() {
            assert!(
                svg.contains(&escape_html(place.name.zh.as_ref())),
                "{}",
                place.id
            );
        }
    }
}
