//! "Get the data": CSV files (UTF-8 with a BOM, so Excel reads Chinese) of every figure and of
//! each chart, with source and date columns. Written at build time next to the pages.

use graphic::charts::bar_value_text;
use graphic::numbers::{Qualifier, Scale, figure_text, number_text};
use graphic::words::figure_label;
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

/// A figure's label, after its zone's name where it is told of with one: in a CSV row the
/// zone's heading is not there to say which zone "the zone" is.
fn zone_and_label(story: &Story, f: &story::Figure, lang: Lang) -> String {
    let label = figure_label(f, lang);
    match &f.zone {
        Some(zone) => format!("{}: {label}", story.get(zone).name.get(lang)),
        None => label,
    }
}

/// Every figure of the story in one CSV, in `lang`.
pub fn figures_csv(story: &Story, lang: Lang) -> Result<String, String> {
    let header = graphic::words::figures_csv_header(lang);
    let rows = story.figures.iter().map(|f| {
        let section = match f.section.circle() {
            Some(id) => story.circle(id).name.get(lang).to_owned(),
            None => story.ui.overview.get(lang).to_owned(),
        };
        let shown = figure_text(f.value, f.unit, f.qualifier, lang);
        let plain = number_text(f.value, Scale::ONE, Lang::En).replace(',', "");
        let caveat = f.caveat.as_ref().map(|c| c.get(lang)).unwrap_or_default();
        let said_by = f
            .said
            .as_ref()
            .map(|said| graphic::words::said_text(story, said, lang))
            .unwrap_or_default();
        vec![
            section.into(),
            f.id.as_ref().into(),
            zone_and_label(story, f, lang).into(),
            shown.into(),
            plain.into(),
            qualifier_name(f.qualifier).into(),
            said_by.into(),
            f.source.name.get(lang).into(),
            f.source.date.as_ref().into(),
            f.source.url.as_deref().unwrap_or_default().into(),
            caveat.into(),
        ]
    });
    csv_file(&header, rows)
}

/// One chart's data as CSV, in `lang`.
pub fn chart_csv(chart: &Chart, lang: Lang) -> Result<String, String> {
    let header = graphic::words::chart_csv_header(lang);
    let rows = chart.bars.iter().enumerate().map(|(i, bar)| {
        let plain = number_text(bar.value, Scale::ONE, Lang::En).replace(',', "");
        let source = chart.source_of(bar);
        vec![
            bar.label.get(lang).into(),
            bar_value_text(chart, i, lang).into(),
            plain.into(),
            qualifier_name(bar.qualifier).into(),
            source.name.get(lang).into(),
            source.date.as_str().into(),
            source.url.as_deref().unwrap_or_default().into(),
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
        super::figures_csv(story, lang).unwrap_or_else(|e| panic!("{e}"))
    }

    fn chart_csv(chart: &Chart, lang: Lang) -> String {
        super::chart_csv(chart, lang).unwrap_or_else(|e| panic!("{e}"))
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
            csv.contains("\r\nOverview,money,test money,1.5 trillion yuan,1500000000000,exact,,Test Source,2020-01-02,,\r\n"),
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
