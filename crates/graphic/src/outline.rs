//! Everything the graphic says, once, as plain data: the outline of one language's story,
//! built from the checked story and its words. Each output renders from it: the phone-column
//! channels (the WeChat article, the long images, the newsletter image) and the newsletter's
//! alt text set it, block by block; an output that leaves a block kind out says so in an
//! exhaustive `match`. It owns its strings, so a story made at run time (an editor's draft) can
//! have one too.

use crate::charts::BarChartSpec;
use crate::diagram::MarkKind;
use crate::marks::MarkStyle;
use crate::numbers::figure_text;
use crate::words::{
    Piece, attribution, derived_text, figure_label, member_text, membership_line, plan_name_line,
    quote_text, radius_text, said_text, sources_pieces, status_word,
};
use story::{Chart, Circle, CircleId, Figure, Lang, Section, Status, Story, Zone};

/// One language's story as blocks, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub struct Outline {
    pub lang: Lang,
    pub kicker: String,
    pub headline: String,
    pub standfirst: String,
    /// What the diagram shows, in one sentence (its accessible name).
    pub diagram_label: String,
    /// What each kind of mark means: every style the diagram draws has an entry.
    pub legend: Vec<LegendEntry>,
    /// The radii are a basis, not boundaries; and where they come from.
    pub radius_note: String,
    pub radius_source: String,
    /// The overview, each circle innermost first, then every place.
    pub sections: Vec<OutlineSection>,
    pub credit: String,
    /// The words around a chart's data table.
    pub table: TableWords,
}

/// The words around a chart's data table: its toggle and its column heads.
#[derive(Clone, Debug, PartialEq)]
pub struct TableWords {
    pub show: String,
    pub item: String,
    pub value: String,
}

/// A legend entry: the mark's style and what it means.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub style: MarkStyle,
    pub text: String,
}

/// Which part of the story a section tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionKind {
    Overview,
    Circle(CircleId),
    /// Every place, with each circle it is listed in.
    Places,
}

impl SectionKind {
    /// The section's name in the page's markup (`data-section`, `data-circle`, class names).
    pub fn slug(self) -> &'static str {
        match self {
            SectionKind::Overview => "overview",
            SectionKind::Circle(id) => id.slug(),
            SectionKind::Places => "places",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct OutlineSection {
    pub kind: SectionKind,
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// One block of a section. Every output renders each kind, or says in a `match` why not.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(String),
    /// A circle's radius in the plan, the drawn disc's area beside the stated one, and where
    /// they come from.
    Radius {
        text: String,
        area: String,
        source: String,
    },
    /// How the circles changed, from one setting-out to the next.
    History(HistoryBlock),
    /// What a circle is, in two attributed parts shown apart.
    Definition(DefinitionBlock),
    /// Headline figures, shown together.
    Figures(Vec<FigureBlock>),
    Zone(ZoneBlock),
    /// Charts, shown together; shared, so a page's chart component holds one without a copy.
    Charts(Vec<std::rc::Rc<ChartBlock>>),
    Members(MembersBlock),
    Place(PlaceBlock),
}

/// What a circle is: the speaker's words as we summarise them (never quoted) with who said
/// them, then the words an official said, quoted only in the language they were said in.
#[derive(Clone, Debug, PartialEq)]
pub struct DefinitionBlock {
    pub heading: String,
    pub summary: String,
    pub source: Vec<Piece>,
    /// What an official said of the circle, where the story gives it.
    pub quote: Option<QuoteBlock>,
}

/// An official's words: a quote (in quotation marks in the language said, marked as our
/// translation in the other) or, where the report gives them as indirect speech, our
/// paraphrase, never quoted.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteBlock {
    /// Who said it, where and when.
    pub said_by: String,
    /// The circle's name in the plan, where it has its own.
    pub plan_name: Option<String>,
    /// In quotation marks when `is_original`; else our translation or paraphrase.
    pub text: String,
    pub is_original: bool,
    pub source: Vec<Piece>,
}

/// How the circles changed: each setting-out, oldest first, with its source.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryBlock {
    pub heading: String,
    pub steps: Vec<HistoryStep>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HistoryStep {
    /// `2026年规划` / `2026 plan`.
    pub name: String,
    pub summary: String,
    pub source: Vec<Piece>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FigureBlock {
    pub id: String,
    /// The number with its qualifier and unit: `约40万人` / `about 400,000 people`.
    pub number: String,
    pub label: String,
    pub source: Vec<Piece>,
    /// For a figure worked out from others: what from.
    pub derived: Option<String>,
    pub caveat: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartBlock {
    pub id: String,
    pub title: String,
    /// The unit as words (`单位：人` / `Unit: people`).
    pub unit: String,
    /// The title with the unit after it, for a table's caption.
    pub caption: String,
    /// The bars: each label and value as the chart labels it (the source's digits kept),
    /// their lengths and colour.
    pub spec: BarChartSpec,
    /// For each worked-out bar, its label and what it comes from, as a line of its own.
    pub derived_lines: Vec<String>,
    pub note: Option<String>,
    pub source: Vec<Piece>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ZoneBlock {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub source: Vec<Piece>,
    pub figures: Vec<FigureBlock>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MembersBlock {
    pub heading: String,
    /// Beijing, the core of every circle.
    pub core: String,
    pub items: Vec<MemberItem>,
    /// For an outer circle: that it also holds every member of the circles inside it (the
    /// circles are nested solid discs), though its list names only the places named for it.
    pub nested: Option<String>,
    /// Where the list is known to be incomplete, the note that says so.
    pub partial: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MemberItem {
    /// The place's mark as the diagram draws it.
    pub style: MarkStyle,
    pub name: String,
    /// How sure, and on what basis.
    pub basis: String,
}

/// What the graphic says of one place: on its card over the diagram, in the text version and
/// in the long image.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceBlock {
    /// The place's id in the story.
    pub id: String,
    pub style: MarkStyle,
    pub name: String,
    /// Its role ("node city", "city sub-centre"), where the story gives one.
    pub role: Option<String>,
    /// How far and in which direction it lies from the centre.
    pub distance: String,
    /// Each circle it is listed in, with how sure that is, the extent and the basis.
    pub memberships: Vec<(CircleId, String)>,
    /// Why a place in no circle is shown.
    pub orientation: Option<String>,
}

impl PlaceBlock {
    /// Every line of the block after its name, in order.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.role
            .iter()
            .map(String::as_str)
            .chain(std::iter::once(self.distance.as_str()))
            .chain(self.memberships.iter().map(|(_, line)| line.as_str()))
            .chain(self.orientation.iter().map(String::as_str))
    }
}

/// The block of place `index` of `story` in `lang`; `None` past the last place.
pub fn place_block(story: &Story, index: usize, lang: Lang) -> Option<PlaceBlock> {
    let ui = &story.ui;
    let place = story.places.get(index)?;
    let (km, point) = crate::geo::distance_and_direction(
        (*story.centre.lat, *story.centre.lon),
        *place.lat,
        *place.lon,
    );
    Some(PlaceBlock {
        id: place.id.to_string(),
        style: MarkStyle::of_place(place),
        name: place.name.get(lang).to_owned(),
        role: place.role.as_ref().map(|r| r.get(lang).to_owned()),
        distance: crate::words::distance_text(story.centre.name.get(lang), km, point, lang),
        memberships: place
            .memberships
            .iter()
            .map(|m| {
                let circle = story.circle(m.circle).name.get(lang);
                (m.circle, membership_line(story, place, circle, m, lang))
            })
            .collect(),
        orientation: place.orientation.as_ref().map(|why| match lang {
            Lang::Zh => format!("{}：{}", ui.legend_not_member.zh, why.zh),
            Lang::En => format!("{}: {}", ui.legend_not_member.en, why.en),
        }),
    })
}

/// The outline of `story` in `lang`.
pub fn outline(story: &Story, lang: Lang) -> Outline {
    let ui = &story.ui;
    let mut sections = vec![overview(story, lang)];
    sections.extend(story.circles.iter().map(|c| circle_section(story, c, lang)));
    sections.push(places(story, lang));
    Outline {
        lang,
        kicker: ui.kicker.get(lang).to_owned(),
        headline: ui.headline.get(lang).to_owned(),
        standfirst: ui.standfirst.get(lang).to_owned(),
        diagram_label: ui.diagram_label.get(lang).to_owned(),
        legend: legend(story, lang),
        radius_note: ui.radius_note.get(lang).to_owned(),
        radius_source: ui.radius_source.get(lang).to_owned(),
        sections,
        credit: ui.credit.get(lang).to_owned(),
        table: TableWords {
            show: ui.show_table.get(lang).to_owned(),
            item: ui.table_item.get(lang).to_owned(),
            value: ui.table_value.get(lang).to_owned(),
        },
    }
}

/// The legend: Beijing, each circle's members, a hollow mark, the two less sure statuses (a
/// neutral mark each, about the stroke alone), and a place in no circle.
pub fn legend(story: &Story, lang: Lang) -> Vec<LegendEntry> {
    let ui = &story.ui;
    let mut entries = vec![LegendEntry {
        style: MarkStyle::plain(MarkKind::Beijing),
        text: ui.legend_beijing.get(lang).to_owned(),
    }];
    entries.extend(story.circles.iter().map(|c| LegendEntry {
        style: MarkStyle::plain(MarkKind::Member(c.id)),
        text: c.name.get(lang).to_owned(),
    }));
    entries.push(LegendEntry {
        style: MarkStyle {
            is_part: true,
            ..MarkStyle::plain(MarkKind::Member(CircleId::Functional))
        },
        text: ui.legend_hollow.get(lang).to_owned(),
    });
    for status in [Status::Inferred, Status::Unconfirmed] {
        entries.push(LegendEntry {
            style: MarkStyle {
                status: Some(status),
                neutral: true,
                ..MarkStyle::plain(MarkKind::Member(CircleId::Commuting))
            },
            text: crate::words::first_ascii_uppercase(status_word(ui, status, lang)),
        });
    }
    entries.push(LegendEntry {
        style: MarkStyle::plain(MarkKind::NotAMember),
        text: ui.legend_not_member.get(lang).to_owned(),
    });
    entries
}

fn overview(story: &Story, lang: Lang) -> OutlineSection {
    let ui = &story.ui;
    let mut blocks = vec![
        Block::Paragraph(ui.overview_intro.get(lang).to_owned()),
        Block::History(history_block(story, lang)),
        Block::Figures(
            story
                .figures_in(Section::Overview)
                .map(|f| figure_block(story, f, lang))
                .collect(),
        ),
    ];
    let charts: Vec<std::rc::Rc<ChartBlock>> = story
        .charts_in(Section::Overview)
        .map(|c| chart_block(story, c, lang).into())
        .collect();
    if !charts.is_empty() {
        blocks.push(Block::Charts(charts));
    }
    OutlineSection {
        kind: SectionKind::Overview,
        heading: ui.overview.get(lang).to_owned(),
        blocks,
    }
}

/// A circle: its radius, what it is (said by whom), its figures, zones and charts, and its
/// members with how sure each is.
fn circle_section(story: &Story, circle: &Circle, lang: Lang) -> OutlineSection {
    let ui = &story.ui;
    let definition = &circle.definition;
    let section = Section::from(circle.id);
    // An official's words: quoted where a report quotes them, else told in our words.
    let said_words = |said, source: &story::Source, text: String, is_original| QuoteBlock {
        said_by: said_text(story, said, lang),
        plan_name: plan_name_line(ui, circle, lang),
        text,
        is_original,
        source: sources_pieces(ui.source.get(lang), std::slice::from_ref(source), lang),
    };
    let quote = match (&definition.quote, &definition.plan) {
        (Some(quote), _) => Some(said_words(
            &quote.said,
            &quote.source,
            quote_text(quote, lang, ui.our_translation.get(lang)),
            lang == quote.original,
        )),
        (None, Some(plan)) => Some(said_words(
            &plan.said,
            &plan.source,
            plan.text.get(lang).to_owned(),
            false,
        )),
        (None, None) => None,
    };
    let mut blocks = vec![
        Block::Radius {
            text: radius_text(ui, circle, lang),
            area: crate::words::drawn_area_text(story, circle, lang),
            source: ui.radius_source.get(lang).to_owned(),
        },
        Block::Definition(DefinitionBlock {
            heading: ui.definition.get(lang).to_owned(),
            summary: definition.summary.get(lang).to_owned(),
            source: attribution(
                story,
                ui.source.get(lang),
                definition.said.as_ref(),
                &definition.source,
                lang,
            ),
            quote,
        }),
        Block::Figures(
            story
                .figures_in(section)
                .map(|f| figure_block(story, f, lang))
                .collect(),
        ),
    ];
    blocks.extend(
        story
            .zones_in(circle.id)
            .map(|z| Block::Zone(zone_block(story, z, lang))),
    );
    blocks.push(Block::Charts(
        story
            .charts_in(section)
            .map(|c| chart_block(story, c, lang).into())
            .collect(),
    ));
    blocks.push(Block::Members(MembersBlock {
        heading: ui.members.get(lang).to_owned(),
        core: ui.beijing_core.get(lang).to_owned(),
        items: story
            .members_of(circle.id)
            .map(|(place, membership)| {
                let (name, basis) = member_text(story, place, membership, lang);
                MemberItem {
                    style: MarkStyle::of_place(place),
                    name,
                    basis,
                }
            })
            .collect(),
        nested: crate::words::nested_members_line(story, circle.id, lang),
        partial: circle
            .members_partial
            .then(|| ui.members_partial.get(lang).to_owned()),
    }));
    OutlineSection {
        kind: SectionKind::Circle(circle.id),
        heading: circle.name.get(lang).to_owned(),
        blocks,
    }
}

fn places(story: &Story, lang: Lang) -> OutlineSection {
    OutlineSection {
        kind: SectionKind::Places,
        heading: story.ui.places.get(lang).to_owned(),
        blocks: (0..story.places.len())
            .filter_map(|i| place_block(story, i, lang).map(Block::Place))
            .collect(),
    }
}

/// Each setting-out of the circles, oldest first, with who said it and its source.
fn history_block(story: &Story, lang: Lang) -> HistoryBlock {
    HistoryBlock {
        heading: story.ui.history.get(lang).to_owned(),
        steps: story
            .eras
            .iter()
            .map(|era| HistoryStep {
                name: era.name.get(lang).to_owned(),
                summary: era.summary.get(lang).to_owned(),
                source: attribution(
                    story,
                    story.ui.source.get(lang),
                    era.said.as_ref(),
                    &era.source,
                    lang,
                ),
            })
            .collect(),
    }
}

/// A headline figure: the number with its qualifier, what it counts, its source, what it is
/// worked out from where it is, and its caveat.
pub fn figure_block(story: &Story, figure: &Figure, lang: Lang) -> FigureBlock {
    FigureBlock {
        id: figure.id.to_string(),
        number: figure_text(figure.value, figure.unit, figure.qualifier, lang),
        label: figure_label(figure, lang),
        source: attribution(
            story,
            story.ui.source.get(lang),
            figure.said.as_ref(),
            &figure.source,
            lang,
        ),
        derived: figure
            .difference
            .as_ref()
            .map(|d| derived_text(story, d, lang)),
        caveat: figure.caveat.as_ref().map(|c| c.get(lang).to_owned()),
    }
}

fn zone_block(story: &Story, zone: &Zone, lang: Lang) -> ZoneBlock {
    ZoneBlock {
        id: zone.id.to_string(),
        name: zone.name.get(lang).to_owned(),
        summary: zone.summary.get(lang).to_owned(),
        source: attribution(
            story,
            story.ui.source.get(lang),
            zone.said.as_ref(),
            &zone.source,
            lang,
        ),
        figures: story
            .figures_of_zone(&zone.id)
            .map(|f| figure_block(story, f, lang))
            .collect(),
    }
}

/// A chart: its title and unit, each bar's value as labelled (and what a worked-out bar comes
/// from), its note and its sources.
pub fn chart_block(story: &Story, chart: &Chart, lang: Lang) -> ChartBlock {
    ChartBlock {
        id: chart.id.to_string(),
        title: chart.title.get(lang).to_owned(),
        unit: chart.unit_label.get(lang).to_owned(),
        caption: crate::words::title_with_unit(
            chart.title.get(lang),
            chart.unit_label.get(lang),
            lang,
        ),
        spec: BarChartSpec::from_chart(chart, lang),
        derived_lines: chart
            .bars
            .iter()
            .filter_map(|bar| {
                let derived = derived_text(story, bar.difference.as_ref()?, lang);
                let label = crate::bidi::isolate(bar.label.get(lang));
                Some(match lang {
                    Lang::Zh => format!("{label}：{derived}"),
                    Lang::En => format!("{label}: {derived}"),
                })
            })
            .collect(),
        note: chart.note.as_ref().map(|n| n.get(lang).to_owned()),
        source: sources_pieces(story.ui.source.get(lang), &chart.sources, lang),
    }
}

impl Outline {
    /// Every section of one kind of part (the tests, and outputs that show only some).
    pub fn section(&self, kind: SectionKind) -> Option<&OutlineSection> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// The figures of the overview, in order.
    pub fn overview_figures(&self) -> impl Iterator<Item = &FigureBlock> {
        self.section(SectionKind::Overview)
            .into_iter()
            .flat_map(|s| s.blocks.iter())
            .flat_map(|b| match b {
                Block::Figures(f) => f.as_slice(),
                _ => &[],
            })
    }
}

/// The newsletter image's alt text, naming the places the phone column's `diagram` (laid out
/// for `COLUMN_CLASS`) leaves unlabelled: the build's and the embed panel's, from one recipe.
pub fn column_alt_text(
    story: &Story,
    outline: &Outline,
    diagram: &crate::diagram::DiagramLayout,
) -> String {
    let unlabelled = crate::diagram::unlabelled_places(story, diagram, outline.lang);
    alt_text(outline, &unlabelled)
}

/// The newsletter image's alt text, from the outline: the headline, what the diagram shows,
/// the places it leaves `unlabelled`, and each overview figure with its source, what it is
/// worked out from and its caveat. The `<noscript>` image of the embed code carries it too.
pub fn alt_text(outline: &Outline, unlabelled: &[String]) -> String {
    let lang = outline.lang;
    let mut parts = vec![outline.headline.clone(), outline.diagram_label.clone()];
    if !unlabelled.is_empty() {
        parts.push(crate::words::unlabelled_line(unlabelled, lang));
    }
    for figure in outline.overview_figures() {
        let source = crate::words::pieces_text(&figure.source);
        let mut text = match lang {
            Lang::Zh => format!("{}：{}（{source}）", figure.number, figure.label),
            Lang::En => format!("{}: {} ({source})", figure.number, figure.label),
        };
        for extra in [&figure.derived, &figure.caveat].into_iter().flatten() {
            text.push_str(match lang {
                Lang::Zh => "。",
                Lang::En => ". ",
            });
            text.push_str(extra.trim_end_matches(['.', '。']));
        }
        parts.push(text);
    }
    match lang {
        Lang::Zh => parts.join("。") + "。",
        Lang::En => parts.join(". ") + ".",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use story::testing::fixture;

    #[test]
    fn every_chart_figure_zone_and_member_has_a_block() {
        let story = fixture();
        for lang in Lang::ALL {
            let outline = outline(story, lang);
            let blocks: Vec<&Block> = outline.sections.iter().flat_map(|s| &s.blocks).collect();
            let charts = blocks
                .iter()
                .map(|b| match b {
                    Block::Charts(c) => c.len(),
                    _ => 0,
                })
                .sum::<usize>();
            assert_eq!(charts, story.charts.len(), "{lang}");
            let figures = blocks
                .iter()
                .map(|b| match b {
                    Block::Figures(f) => f.len(),
                    Block::Zone(z) => z.figures.len(),
                    _ => 0,
                })
                .sum::<usize>();
            assert_eq!(figures, story.figures.len(), "{lang}");
            let places = blocks
                .iter()
                .filter(|b| matches!(b, Block::Place(_)))
                .count();
            assert_eq!(places, story.places.len(), "{lang}");
            assert_eq!(outline.sections.len(), 5, "{lang}");
        }
    }

    #[test]
    fn a_chart_keeps_its_note_and_a_worked_out_bar_says_so() {
        let story = fixture();
        let chart = story
            .charts
            .iter()
            .find(|c| c.bars.iter().any(|b| b.difference.is_some()));
        let Some(chart) = chart else {
            panic!("the fixture has a worked-out bar");
        };
        for lang in Lang::ALL {
            let block = chart_block(story, chart, lang);
            assert_eq!(
                block.note.as_deref(),
                chart.note.as_ref().map(|n| n.get(lang)),
                "{lang}"
            );
            let derived: Vec<&str> = block.derived_lines.iter().map(String::as_str).collect();
            assert_eq!(derived.len(), 1, "{lang}");
            let words = match lang {
                Lang::Zh => "推算",
                Lang::En => "Worked out from",
            };
            assert!(derived[0].contains(words), "{lang}: {}", derived[0]);
        }
    }

    #[test]
    fn the_legend_has_an_entry_for_each_status_and_the_hollow_mark() {
        let story = fixture();
        let legend = legend(story, Lang::En);
        for status in [Status::Inferred, Status::Unconfirmed] {
            assert!(
                legend.iter().any(|e| e.style.status == Some(status)),
                "{status:?}"
            );
        }
        assert!(legend.iter().any(|e| e.style.is_part));
        assert!(legend.iter().any(|e| e.style.kind == MarkKind::NotAMember));
    }
}
