//! Where Chinese readers are: the story as one phone-width article, drawn from the same words
//! and diagram geometry as the page, for channels that take no iframe and no script.
//!
//! - the WeChat SVG: the discs open their circle's section by a tap, with SMIL only (no id, no
//!   class, no style, no script), so it survives an editor that strips ids and classes;
//! - the long image (Weibo, Toutiao): the same article with every section shown, as PNG;
//! - the newsletter image: the headline, the diagram and the overview figures.
//!
//! Everything is laid out in a 375 px column (a phone's), the unit of every number below.

use crate::share_image::wrap;
use graphic::diagram::{
    CircleLabel, DiagramLayout, MarkGeometry, MarkKind, WidthClass, layout, mark_geometry,
};
use graphic::escape::escape_html;
use graphic::numbers::figure_text;
use graphic::palette::{LIGHT, Rgb};
pub use graphic::words::alt_text;
use graphic::words::{
    attribution, figure_label, figure_source, member_text, pieces_text, plan_name_line, quote_text,
    radius_text, said_text, sources_pieces,
};
use story::{Circle, CircleId, Figure, Lang, Section, Story};

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
/// The diagram's own width class for the column: labels at the minimum text size.
const DIAGRAM_CLASS: WidthClass = WidthClass {
    name: "column",
    size_px: COLUMN_PX,
    font_px: MIN_FONT_PX,
    mark_r_px: 5.0,
    hit_r_px: 16.0,
};
/// System fonts only: a WeChat article loads no web font.
const FONTS: &str =
    "PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, Noto Sans, sans-serif";
/// The page's light theme: WeChat and images have no dark mode of ours.
const INK: Rgb = LIGHT.ink;
const MUTED: Rgb = LIGHT.muted;
const PAPER: Rgb = LIGHT.bg;

/// Which file the article is drawn for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// Sections hidden until their disc is tapped.
    WeChat,
    /// Every section shown.
    LongImage,
    /// Headline, diagram and the overview's figures only.
    Newsletter,
}

/// An article drawn in the column: its drawing (the SVG's content), its height, and the
/// heights at which it may be cut into parts (between blocks, never through a line).
pub struct Article {
    body: String,
    pub height_px: f64,
    pub breaks: Vec<f64>,
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

/// The diagram as the column draws it, for one language: lay it out once and draw every
/// channel's article from it.
pub fn column_diagram(story: &Story, lang: Lang) -> DiagramLayout {
    layout(story, lang, DIAGRAM_CLASS)
}

/// Text laid out top to bottom in the column.
struct Flow {
    out: String,
    y: f64,
    breaks: Vec<f64>,
}

impl Flow {
    fn new(y: f64) -> Flow {
        Flow {
            out: String::new(),
            y,
            breaks: Vec::new(),
        }
    }

    /// A paragraph, wrapped to the column, one `<text>` per line.
    fn text(&mut self, text: &str, font_px: f64, bold: bool, fill: Rgb) {
        // Bold letters run wider than the estimate the lines are broken by.
        let width = if bold {
            TEXT_WIDTH_PX * 0.9
        } else {
            TEXT_WIDTH_PX * 0.97
        };
        for line in wrap(text, font_px, width) {
            self.y += font_px * LINE_HEIGHT;
            self.out.push_str(&format!(
                "<text x=\"{MARGIN_PX}\" y=\"{:.1}\" font-size=\"{font_px}\"{} fill=\"{fill}\">{}</text>\n",
                self.y - font_px * 0.35,
                if bold { " font-weight=\"700\"" } else { "" },
                escape_html(&line),
            ));
        }
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
    /// source, and its caveat.
    fn figure(&mut self, story: &Story, figure: &Figure, lang: Lang) {
        self.text(
            &figure_text(figure.value, figure.unit, figure.qualifier, lang),
            NUMBER_PX,
            true,
            INK,
        );
        self.text(&figure_label(figure, lang), BODY_PX, false, INK);
        self.text(&figure_source(story, figure, lang), SMALL_PX, false, MUTED);
        if let Some(caveat) = &figure.caveat {
            self.text(caveat.get(lang), SMALL_PX, false, MUTED);
        }
        self.gap(10.0);
    }
}

/// One circle's section: its name and radius, both parts of its definition with who said them,
/// its figures, its zones and its members.
fn circle_section(flow: &mut Flow, story: &Story, circle: &Circle, lang: Lang) {
    let ui = &story.ui;
    let definition = &circle.definition;
    let quote = &definition.quote;
    flow.text(circle.name.get(lang), TITLE_PX, true, INK);
    flow.text(&radius_text(ui, circle, lang), BODY_PX, false, INK);
    flow.gap(6.0);
    flow.text(definition.summary.get(lang), BODY_PX, false, INK);
    let said = attribution(
        story,
        ui.source.get(lang),
        Some(&definition.said),
        &definition.source,
        lang,
    );
    flow.text(&pieces_text(&said), SMALL_PX, false, MUTED);
    flow.gap(6.0);
    flow.text(&said_text(story, &quote.said, lang), BODY_PX, true, INK);
    if let Some(line) = plan_name_line(ui, circle, lang) {
        flow.text(&line, BODY_PX, false, INK);
    }
    flow.text(
        &quote_text(quote, lang, ui.our_translation.get(lang)),
        BODY_PX,
        false,
        INK,
    );
    let reported = sources_pieces(
        ui.source.get(lang),
        std::slice::from_ref(&quote.source),
        lang,
    );
    flow.text(&pieces_text(&reported), SMALL_PX, false, MUTED);
    flow.gap(10.0);
    let section = Section::from(circle.id);
    for figure in story.figures_in(section) {
        flow.figure(story, figure, lang);
    }
    for zone in story.zones_in(circle.id) {
        flow.text(zone.name.get(lang), BODY_PX, true, INK);
        flow.text(zone.summary.get(lang), BODY_PX, false, INK);
        let source = attribution(
            story,
            ui.source.get(lang),
            zone.said.as_ref(),
            &zone.source,
            lang,
        );
        flow.text(&pieces_text(&source), SMALL_PX, false, MUTED);
        flow.gap(8.0);
        for figure in story.figures_of_zone(&zone.id) {
            flow.figure(story, figure, lang);
        }
    }
    flow.text(ui.members.get(lang), BODY_PX, true, INK);
    flow.text(ui.beijing_core.get(lang), SMALL_PX, false, INK);
    for (place, membership) in story.members_of(circle.id) {
        let (name, basis) = member_text(story, place, membership, lang);
        flow.text(&format!("{name} — {basis}"), SMALL_PX, false, INK);
    }
    if circle.members_partial {
        flow.text(ui.members_partial.get(lang), SMALL_PX, false, MUTED);
    }
}

use graphic::diagram::svg_number as px;

/// A mark as the page draws it (`diagram::mark_geometry`), painted inline: its shape and colour
/// say its innermost circle, and a hollow mark says only parts belong.
fn mark_svg(kind: MarkKind, is_part: bool, x: f64, y: f64, r: f64) -> String {
    let ink = LIGHT.mark(kind);
    let fill = match kind {
        _ if is_part => PAPER.hex(),
        MarkKind::NotAMember => "none".to_owned(),
        _ => ink.hex(),
    };
    let paint = format!("fill=\"{fill}\" stroke=\"{ink}\" stroke-width=\"2\"");
    match mark_geometry(kind, x, y, r) {
        MarkGeometry::Circle { cx, cy, r } => {
            format!("<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{r}\" {paint}/>")
        }
        MarkGeometry::Path(d) => format!("<path d=\"{d}\" {paint}/>"),
    }
}

/// Text centred on a label box, with a paper halo so it reads over the discs.
fn label_svg(text: &str, x: f64, y: f64, font_px: f64, bold: bool) -> String {
    format!(
        "<text x=\"{}\" y=\"{}\" font-size=\"{font_px}\" text-anchor=\"middle\"{} fill=\"{INK}\" stroke=\"{PAPER}\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">{}</text>\n",
        px(x),
        px(y + font_px * 0.35),
        if bold { " font-weight=\"700\"" } else { "" },
        escape_html(text)
    )
}

/// The diagram's marks, labels and circle names, drawn over the discs and taking no taps.
fn diagram_overlay(l: &DiagramLayout, top: f64) -> String {
    let font = l.class.font_px;
    let mut out = format!(
        "<g transform=\"translate(0 {})\" pointer-events=\"none\">\n",
        px(top)
    );
    for CircleLabel { text, rect, .. } in &l.circle_labels {
        out.push_str(&label_svg(
            text,
            rect.x + rect.w / 2.0,
            rect.y + rect.h / 2.0,
            font,
            true,
        ));
    }
    let (cx, cy) = l.centre;
    out.push_str(&mark_svg(
        MarkKind::Beijing,
        false,
        cx,
        cy,
        l.class.mark_r_px,
    ));
    for m in &l.marks {
        out.push_str(&mark_svg(m.kind, m.is_part, m.x, m.y, l.class.mark_r_px));
    }
    for label in &l.labels {
        if let Some(((x1, y1), (x2, y2))) = label.leader {
            out.push_str(&format!(
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{MUTED}\" stroke-width=\"1\"/>\n",
                px(x1),
                px(y1),
                px(x2),
                px(y2)
            ));
        }
        let r = label.rect;
        out.push_str(&label_svg(
            &label.text,
            r.x + r.w / 2.0,
            r.y + r.h / 2.0,
            font,
            label.place.is_none(),
        ));
    }
    out.push_str("</g>\n");
    out
}

/// A disc of the diagram, at the column's offset `top`.
fn disc_svg(l: &DiagramLayout, id: CircleId, radius_px: f64, top: f64, extra: &str) -> String {
    let (cx, cy) = l.centre;
    format!(
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1\"{extra}/>\n",
        px(cx),
        px(cy + top),
        px(radius_px),
        LIGHT.disc(id),
        LIGHT.disc_edge,
    )
}

/// The words of the diagram's legend, one line a kind of mark.
fn legend(flow: &mut Flow, story: &Story, lang: Lang) {
    let ui = &story.ui;
    let circle_name = |id: CircleId| story.circle(id).name.get(lang).to_owned();
    let mut items = vec![(
        MarkKind::Beijing,
        false,
        ui.legend_beijing.get(lang).to_owned(),
    )];
    items.extend(
        CircleId::ALL
            .into_iter()
            .map(|id| (MarkKind::Member(id), false, circle_name(id))),
    );
    items.push((
        MarkKind::Member(CircleId::Functional),
        true,
        ui.legend_hollow.get(lang).to_owned(),
    ));
    items.push((
        MarkKind::NotAMember,
        false,
        ui.legend_not_member.get(lang).to_owned(),
    ));
    for (kind, is_part, words) in items {
        flow.y += SMALL_PX * LINE_HEIGHT;
        let y = flow.y - SMALL_PX * 0.35;
        flow.out
            .push_str(&mark_svg(kind, is_part, MARGIN_PX + 6.0, y - 5.0, 5.0));
        flow.out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{SMALL_PX}\" fill=\"{INK}\">{}</text>\n",
            MARGIN_PX + 18.0,
            px(y),
            escape_html(&words)
        ));
    }
}

/// The words under every channel's article: the credit and, where the build knows it, the
/// graphic's address.
fn credits(flow: &mut Flow, story: &Story, lang: Lang, address: Option<&str>) {
    flow.rule();
    flow.text(story.ui.credit.get(lang), SMALL_PX, false, MUTED);
    if let Some(address) = address {
        flow.text(address, SMALL_PX, false, MUTED);
    }
    flow.gap(MARGIN_PX);
}

/// The article of `story` in `lang` for `channel`. `address` is the graphic's published URL.
pub fn article(
    story: &Story,
    lang: Lang,
    diagram: &DiagramLayout,
    channel: Channel,
    address: Option<&str>,
) -> Article {
    let ui = &story.ui;
    let mut flow = Flow::new(MARGIN_PX);
    flow.text(ui.kicker.get(lang), SMALL_PX, true, MUTED);
    flow.text(ui.headline.get(lang), HEADLINE_PX, true, INK);
    flow.gap(4.0);
    flow.text(ui.standfirst.get(lang), BODY_PX, false, MUTED);
    flow.gap(8.0);
    let diagram_top = flow.y;
    flow.y += COLUMN_PX;
    flow.gap(0.0);
    legend(&mut flow, story, lang);
    flow.gap(6.0);
    if channel == Channel::WeChat {
        flow.text(graphic::words::tap_hint(lang), BODY_PX, true, INK);
        flow.gap(4.0);
    }
    flow.text(ui.radius_note.get(lang), SMALL_PX, false, MUTED);
    if channel != Channel::Newsletter {
        flow.text(ui.radius_source.get(lang), SMALL_PX, false, MUTED);
        flow.rule();
        flow.text(ui.overview_intro.get(lang), BODY_PX, false, INK);
        flow.gap(8.0);
        for figure in story.figures_in(Section::Overview) {
            flow.figure(story, figure, lang);
        }
    }
    // The discs, each with its section where a tap opens it (WeChat) or shown (long image).
    let mut discs = String::new();
    let mut placeholders = String::new();
    if channel == Channel::Newsletter {
        for (id, radius) in diagram.circles.iter().rev() {
            discs.push_str(&disc_svg(diagram, *id, *radius, diagram_top, ""));
        }
    } else {
        // Sections in reading order (innermost circle first); their groups are written
        // outermost first, so each inner disc lies over the outer ones and takes their taps.
        let mut groups = Vec::new();
        for (id, radius) in diagram.circles.iter() {
            let circle = story.circle(*id);
            flow.rule();
            let top = flow.y;
            let mut section = Flow::new(top);
            circle_section(&mut section, story, circle, lang);
            section.gap(8.0);
            let background = format!(
                "<rect x=\"0\" y=\"{}\" width=\"{COLUMN_PX}\" height=\"{}\" fill=\"{PAPER}\"/>\n",
                px(top),
                px(section.y - top)
            );
            if channel == Channel::WeChat {
                // The section is hidden until its own disc is tapped: the disc keeps its own
                // visibility, the tap bubbles to the group, and the group shows what it holds.
                // It needs no id, so it works after an editor strips every id and class.
                let hint = graphic::words::section_tap_hint(circle.name.get(lang), lang);
                let mut placeholder = Flow::new(top);
                placeholder.text(&hint, BODY_PX, false, MUTED);
                placeholders.push_str(&placeholder.out);
                groups.push(format!(
                    "<g visibility=\"hidden\">\n<set attributeName=\"visibility\" to=\"visible\" begin=\"click;touchstart\" fill=\"freeze\"/>\n{}{background}{}</g>\n",
                    disc_svg(diagram, *id, *radius, diagram_top, " visibility=\"visible\""),
                    section.out
                ));
            } else {
                groups.push(disc_svg(diagram, *id, *radius, diagram_top, ""));
                flow.out.push_str(&section.out);
            }
            flow.breaks.push(top);
            flow.breaks.extend(section.breaks);
            flow.y = section.y;
        }
        for group in groups.iter().rev() {
            discs.push_str(group);
        }
    }
    if channel == Channel::LongImage {
        flow.rule();
        flow.text(ui.places.get(lang), TITLE_PX, true, INK);
        for place in story.places.iter() {
            flow.text(place.name.get(lang), BODY_PX, true, INK);
            for m in place.memberships.iter() {
                let circle = story.circle(m.circle).name.get(lang);
                let line = graphic::words::membership_line(story, place, circle, m, lang);
                flow.text(&line, SMALL_PX, false, INK);
            }
            if let Some(why) = &place.orientation {
                let line = match lang {
                    Lang::Zh => format!("{}：{}", ui.legend_not_member.zh, why.zh),
                    Lang::En => format!("{}: {}", ui.legend_not_member.en, why.en),
                };
                flow.text(&line, SMALL_PX, false, INK);
            }
            flow.gap(4.0);
        }
    }
    credits(&mut flow, story, lang, address);
    let height = flow.y.ceil();
    let mut body = format!(
        "<rect x=\"0\" y=\"0\" width=\"{COLUMN_PX}\" height=\"{height}\" fill=\"{PAPER}\"/>\n"
    );
    body.push_str(&placeholders);
    body.push_str(&discs);
    body.push_str(&diagram_overlay(diagram, diagram_top));
    body.push_str(&flow.out);
    flow.breaks.retain(|b| *b > 0.0 && *b < height);
    Article {
        body,
        height_px: height,
        breaks: flow.breaks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wechat_check::wechat_faults;

    #[test]
    fn the_wechat_svg_keeps_to_what_wechat_keeps_in_both_languages() {
        let story = story::testing::fixture();
        for lang in Lang::ALL {
            let diagram = column_diagram(story, lang);
            let svg = article(
                story,
                lang,
                &diagram,
                Channel::WeChat,
                Some("https://n.example/g/"),
            )
            .svg();
            assert_eq!(wechat_faults(&svg), Vec::<String>::new(), "{lang}");
            // One tap group per circle, each hidden until its own disc is tapped.
            assert_eq!(
                svg.matches("<g visibility=\"hidden\">").count(),
                3,
                "{lang}"
            );
            assert_eq!(
                svg.matches("begin=\"click;touchstart\"").count(),
                3,
                "{lang}"
            );
        }
    }

    #[test]
    fn hostile_story_text_stays_text_in_the_svg() {
        let story = story::testing::fixture();
        for channel in [Channel::WeChat, Channel::LongImage, Channel::Newsletter] {
            let diagram = column_diagram(story, Lang::En);
            let svg = article(story, Lang::En, &diagram, channel, None).svg();
            let document = roxmltree::Document::parse(&svg)
                .unwrap_or_else(|e| panic!("{channel:?}: not XML: {e}"));
            assert!(
                document
                    .descendants()
                    .all(|n| !matches!(n.tag_name().name(), "script" | "img" | "i" | "b")),
                "{channel:?}: markup from the story became elements"
            );
            let text: String = document
                .descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect::<Vec<_>>()
                .concat();
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
        let diagram = column_diagram(story, Lang::Zh);
        let svg = article(story, Lang::Zh, &diagram, Channel::LongImage, None).svg();
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
