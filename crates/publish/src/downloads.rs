//! "Get the data": CSV files (UTF-8 with a BOM, so Excel reads Chinese) of every figure and of
//! each chart, with source and date columns. Written at build time next to the pages.

use graphic::numbers::{Qualifier, Scale, number_text};
use graphic::outline::{Block, ChartBlock, FigureBlock, Outline};
use story::{Chart, Lang, Story};

/// Byte order mark: Excel opens UTF-8 CSV as UTF-8 only with it.
pub const BOM: &str = "\u{feff}";

/// A CSV value a spreadsheet will not run: one starting with `=`, `+`, `-` or `@` (a formula),
/// or with a tab or carriage return (which some spreadsheets skip before reading a formula),
/// gets a leading `'` (OWASP's advice for CSV injection).
fn defused(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}").into()
    } else {
        value.into()
    }
}

/// A CSV file: a BOM, the header, then the rows, each line ended by CRLF. Quoting is the csv
/// crate's (a field with a comma, quote or line break is quoted, its quotes doubled).
fn csv_file<'a>(
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<std::borrow::Cow<'a, str>>>,
) -> Result<String, String> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.as_bytes().to_vec());
    let failed = |e: csv::Error| format!("CSV: {e}");
    writer
        .write_record(header.iter().map(|f| defused(f).into_owned()))
        .map_err(failed)?;
    for row in rows {
        writer
            .write_record(row.iter().map(|f| defused(f).into_owned()))
            .map_err(failed)?;
    }
    let bytes = writer.into_inner().map_err(|e| format!("CSV: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("CSV: {e}"))
}

fn qualifier_name(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::About => "about",
        Qualifier::MoreThan => "more_than",
    }
}

/// A figure's label as a CSV row reads on its own: after its zone's name where it is told of
/// with one (the zone's heading is not there to say which zone "the zone" is), and with its
/// number where the label is written to follow it (a count: `个项目…` / `projects…`).
fn row_label(unit: story::Unit, zone: Option<&str>, block: &FigureBlock, lang: Lang) -> String {
    let mut label = block.label.clone();
    if unit == story::Unit::Count {
        label = match lang {
            Lang::Zh => format!("{}{label}", block.number),
            Lang::En => format!("{} {label}", block.number),
        };
    }
    match (zone, lang) {
        (Some(zone), Lang::Zh) => format!("{zone}：{label}"),
        (Some(zone), Lang::En) => format!("{zone}: {label}"),
        (None, _) => label,
    }
}

/// The columns for what a value comes from: empty and its own `source`'s name, date and
/// address; or, for a value worked out from two figures, what from and the sources of its
/// inputs (each list joined by "; "): a worked-out value has no source of its own.
fn source_columns(
    story: &Story,
    difference: Option<&story::Difference>,
    source: &story::Source,
    lang: Lang,
) -> [String; 4] {
    let Some(difference) = difference else {
        return [
            String::new(),
            source.name.get(lang).to_owned(),
            source.date.to_string(),
            source.url.as_deref().unwrap_or_default().to_owned(),
        ];
    };
    let sources = graphic::words::derived_sources(story, difference);
    let join =
        |f: &dyn Fn(&story::Source) -> String| sources.iter().map(f).collect::<Vec<_>>().join("; ");
    [
        graphic::words::derived_text(story, difference, lang),
        join(&|s| s.name.get(lang).to_owned()),
        join(&|s| s.date.to_string()),
        join(&|s| s.url.as_deref().unwrap_or_default().to_owned()),
    ]
}

/// Every figure of the outline in one CSV, in its language and reading order: what a reader
/// reads (section, label, the number as shown, caveat, what a worked-out figure comes from) is
/// the outline's; the columns for a spreadsheet (the plain value, the qualifier's word, who
/// said it and the source apart) come from the checked story's figure of the same id.
pub fn figures_csv(story: &Story, outline: &Outline) -> Result<String, String> {
    let lang = outline.lang;
    let header = graphic::words::figures_csv_header(lang);
    let mut blocks: Vec<(&str, Option<&str>, &FigureBlock)> = Vec::new();
    for section in &outline.sections {
        for block in &section.blocks {
            match block {
                Block::Figures(figures) => {
                    blocks.extend(figures.iter().map(|f| (section.heading.as_str(), None, f)));
                }
                Block::Zone(zone) => blocks.extend(
                    zone.figures
                        .iter()
                        .map(|f| (section.heading.as_str(), Some(zone.name.as_str()), f)),
                ),
                // No figure in these.
                Block::Paragraph(_)
                | Block::Radius { .. }
                | Block::History(_)
                | Block::Definition(_)
                | Block::Charts(_)
                | Block::Members(_)
                | Block::Place(_) => {}
            }
        }
    }
    let rows = blocks.into_iter().filter_map(|(section, zone, block)| {
        let f = story.figures.iter().find(|f| f.id == block.id.as_str())?;
        let plain = number_text(f.value, Scale::ONE, Lang::En).replace(',', "");
        let said_by = f
            .said
            .as_ref()
            .map(|said| graphic::words::said_text(story, said, lang))
            .unwrap_or_default();
        let [_, source, date, url] = source_columns(story, f.difference.as_ref(), &f.source, lang);
        Some(vec![
            section.to_owned().into(),
            block.id.clone().into(),
            row_label(f.unit, zone, block, lang).into(),
            block.number.clone().into(),
            plain.into(),
            qualifier_name(f.qualifier).into(),
            said_by.into(),
            source.into(),
            date.into(),
            url.into(),
            block.caveat.clone().unwrap_or_default().into(),
            block.derived.clone().unwrap_or_default().into(),
        ])
    });
    csv_file(&header, rows)
}

/// One chart's data as CSV, in its block's language: a row per bar, each as the chart labels
/// it (the outline's), with its plain value, qualifier and source (the story's), what a
/// worked-out value comes from and the chart's note, so the file says what the page says.
pub fn chart_csv(
    story: &Story,
    chart: &Chart,
    block: &ChartBlock,
    lang: Lang,
) -> Result<String, String> {
    let header = graphic::words::chart_csv_header(lang);
    let note = block.note.as_deref().unwrap_or_default();
    let rows = chart.bars.iter().zip(&block.spec.rows).map(|(bar, shown)| {
        let plain = number_text(bar.value, Scale::ONE, Lang::En).replace(',', "");
        let [derived_from, name, date, url] =
            source_columns(story, bar.difference.as_ref(), chart.source_of(bar), lang);
        vec![
            shown.label.clone().into(),
            shown.value_text.clone().into(),
            plain.into(),
            qualifier_name(bar.qualifier).into(),
            name.into(),
            date.into(),
            url.into(),
            derived_from.into(),
            note.into(),
        ]
    });
    csv_file(&header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use story::testing::fixture;

    fn story() -> &'static Story {
        fixture()
    }

    fn figures_csv(story: &Story, lang: Lang) -> String {
        super::figures_csv(story, &graphic::outline::outline(story, lang))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn chart_csv(chart: &Chart, lang: Lang) -> String {
        let block = graphic::outline::chart_block(story(), chart, lang);
        super::chart_csv(story(), chart, &block, lang).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn figures_csv_starts_with_a_bom_and_keeps_source_and_date() {
        let csv = figures_csv(story(), Lang::Zh);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines.len(), story().figures.len() + 1);
        let people = lines
            .iter()
            .find(|l| l.starts_with("测试通勤圈,people,"))
            .copied()
            .unwrap_or_default();
        assert!(people.contains(",约17.5万人,175000,about,"), "{people}");
        assert!(people.contains(",2020-01-02"), "{people}");
    }

    #[test]
    fn english_csv_reads_in_english() {
        let csv = figures_csv(story(), Lang::En);
        assert!(
            csv.contains("\r\nOverview,money,test money,1.5 trillion yuan,1500000000000,exact,,Test Source,2020-01-02,,,\r\n"),
            "{csv}"
        );
    }

    #[test]
    fn csv_names_who_said_a_figure_and_the_sources_page() {
        let csv = figures_csv(story(), Lang::En);
        let said = csv
            .lines()
            .find(|l| l.starts_with("Overview,share,"))
            .unwrap_or_default();
        assert!(said.contains("Test Speaker"), "{said}");
        assert!(said.contains("a test interview programme"), "{said}");
        let linked = story().figures.iter().find(|f| f.source.url.is_some());
        let url = linked
            .and_then(|f| f.source.url.as_deref())
            .unwrap_or("(none)");
        let row = csv
            .lines()
            .find(|l| linked.is_some_and(|f| l.contains(&format!(",{},", f.id))))
            .unwrap_or_default();
        // A url with a comma or quote would be quoted; the fixture's has neither.
        assert!(row.contains(&format!(",{url},")), "{row}");
    }

    #[test]
    fn chart_csv_has_one_row_per_bar() {
        let s = story();
        let chart = s.charts.iter().find(|c| c.id == "output");
        let csv = chart.map(|c| chart_csv(c, Lang::En)).unwrap_or_default();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 4, "{csv}");
        assert!(
            lines[1].starts_with("A,\"4,161.09 billion\",4161090000000,exact,"),
            "{}",
            lines[1]
        );
    }

    #[test]
    fn a_worked_out_bar_says_what_from_and_names_its_inputs_sources() {
        let s = story();
        let Some(chart) = s.charts.iter().find(|c| c.id == "people-where") else {
            panic!("no chart people-where");
        };
        for lang in Lang::ALL {
            let csv = chart_csv(chart, lang);
            let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
            let rows: Vec<csv::StringRecord> = reader.records().filter_map(Result::ok).collect();
            assert_eq!(rows.len(), chart.bars.len(), "{lang}");
            let derived = &rows[1];
            let (of, minus) = match lang {
                Lang::Zh => ("约40万人", "约17.5万人"),
                Lang::En => ("about 400,000", "about 175,000"),
            };
            assert!(
                derived[7].contains(of) && derived[7].contains(minus),
                "{lang}: {derived:?}"
            );
            // Its source column names the inputs' source, not the chart's own.
            let input = s.figures.iter().find(|f| f.id == "people-total");
            assert_eq!(
                Some(&derived[4]),
                input.map(|f| f.source.name.get(lang)),
                "{lang}"
            );
            assert_eq!(&rows[0][7], "", "{lang}: a stated bar is not worked out");
            // Every row carries the chart's note.
            let note = chart.note.as_ref().map(|n| n.get(lang)).unwrap_or_default();
            assert!(rows.iter().all(|r| &r[8] == note), "{lang}");
        }
    }

    #[test]
    fn a_zone_count_reads_with_its_number_after_a_full_width_colon() {
        let csv = figures_csv(story(), Lang::Zh);
        let row = csv
            .lines()
            .find(|l| l.contains(",zone-roads,"))
            .unwrap_or_default();
        assert!(row.contains("：10"), "{row}");
        assert!(!row.contains(": "), "{row}");
    }

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        let rows = [
            "a,b",
            "say \"hi\"",
            "=HYPERLINK(1)",
            "+1",
            "-1",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "two\nlines",
            "plain",
        ]
        .map(|f| vec![std::borrow::Cow::Borrowed(f)]);
        let csv = csv_file(&["h"], rows).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            csv,
            "\u{feff}h\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n'=HYPERLINK(1)\r\n'+1\r\n'-1\r\n\
             '@SUM(A1)\r\n'\t=1\r\n\"'\r=1\"\r\n\"two\nlines\"\r\nplain\r\n"
        );
    }
}
