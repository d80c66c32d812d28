//! The fact-check report of a valid story (`check-story --report FILE`): one row per evidence
//! object, naming the claim's path, what it shows, the kind of text its evidence was read in,
//! where it was read, and whether the value's digits or the quote's words stand in it. A standards
//! desk reads it to see, claim by claim, what each rests on.

use crate::check::Claim;
use crate::evidence::{Evidence, Kind, Speech, states_number, states_words};
use crate::model::{Source, Story};

/// One evidence object of the story and the claim it backs.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The evidence's path in the file: `places[7].memberships[2].evidence`.
    pub path: String,
    /// What the claim shows: `confirmed`, `inferred`, `unconfirmed`, `quote`, `value` or
    /// `paraphrase`.
    pub status: &'static str,
    pub kind: Option<Kind>,
    pub speech: Option<Speech>,
    /// The report a reprint or translation copies: `中国新闻网 2026-02-12`.
    pub original: Option<String>,
    /// The address the sentence was read at: the evidence's own, else the source's page.
    pub read_at: Option<String>,
    /// For a value or a quote: whether its digits or words stand in the evidence.
    pub found: Option<bool>,
    /// What a desk should look at again, though the rules allow it.
    pub flag: Option<&'static str>,
}

/// The columns of [`tsv`], in order.
pub const HEADER: [&str; 8] = [
    "path", "status", "kind", "speech", "original", "read_at", "found", "flag",
];

/// One row per evidence object of `story`, in the file's order.
pub fn rows(story: &Story) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut add = |path: String,
                   claim: Claim,
                   evidence: Option<&Evidence>,
                   source: &Source,
                   found: Option<bool>| {
        if let Some(evidence) = evidence {
            rows.push(row(path, claim, evidence, source, found));
        }
    };
    for (i, era) in story.eras.iter().enumerate() {
        add(
            format!("eras[{i}].evidence"),
            Claim::Paraphrase,
            era.evidence.get(),
            &era.source,
            None,
        );
    }
    for (i, circle) in story.circles.iter().enumerate() {
        let definition = &circle.definition;
        add(
            format!("circles[{i}].definition.evidence"),
            Claim::Paraphrase,
            definition.evidence.get(),
            &definition.source,
            None,
        );
        if let Some(quote) = &definition.quote {
            let evidence = quote.evidence.get();
            add(
                format!("circles[{i}].definition.quote.evidence"),
                Claim::Quote,
                evidence,
                &quote.source,
                evidence.map(|e| states_words(&e.text, quote.words.get(quote.original))),
            );
        }
        if let Some(plan) = &definition.plan {
            add(
                format!("circles[{i}].definition.plan.evidence"),
                Claim::Paraphrase,
                plan.evidence.get(),
                &plan.source,
                None,
            );
        }
    }
    for (i, place) in story.places.iter().enumerate() {
        for (j, m) in place.memberships.iter().enumerate() {
            add(
                format!("places[{i}].memberships[{j}].evidence"),
                Claim::Membership(m.status),
                m.evidence.get(),
                &m.source,
                None,
            );
        }
    }
    for (i, figure) in story.figures.iter().enumerate() {
        let evidence = figure.evidence.get();
        add(
            format!("figures[{i}].evidence"),
            Claim::Value,
            evidence,
            &figure.source,
            evidence.map(|e| states_number(&e.text, figure.value)),
        );
    }
    for (i, chart) in story.charts.iter().enumerate() {
        for (j, bar) in chart.bars.iter().enumerate() {
            let evidence = bar.evidence.get();
            add(
                format!("charts[{i}].bars[{j}].evidence"),
                Claim::Value,
                evidence,
                chart.source_of(bar),
                evidence.map(|e| states_number(&e.text, bar.value)),
            );
        }
    }
    for (i, zone) in story.zones.iter().enumerate() {
        add(
            format!("zones[{i}].evidence"),
            Claim::Paraphrase,
            zone.evidence.get(),
            &zone.source,
            None,
        );
    }
    rows
}

fn row(
    path: String,
    claim: Claim,
    evidence: &Evidence,
    source: &Source,
    found: Option<bool>,
) -> Row {
    let status = match claim {
        Claim::Membership(status) => status.slug(),
        Claim::Quote => "quote",
        Claim::Value => "value",
        Claim::Paraphrase => "paraphrase",
    };
    let flag = match (claim, evidence.kind) {
        (Claim::Value, Some(Kind::Translation)) => Some("translation only: read the original"),
        (_, Some(Kind::Summary)) => Some("rests on an automated summary"),
        (_, Some(Kind::Anonymous)) => Some("rests on an anonymous page"),
        (_, Some(Kind::Reprint)) if !evidence.complete => Some("an excerpt of a reprint"),
        _ => None,
    };
    Row {
        path,
        status,
        kind: evidence.kind,
        speech: evidence.speech,
        original: evidence
            .original
            .as_ref()
            .map(|o| format!("{} {}", o.outlet, o.date)),
        read_at: evidence
            .url
            .as_ref()
            .map(ToString::to_string)
            .or_else(|| source.url.as_ref().map(ToString::to_string)),
        found,
        flag,
    }
}

/// The rows as tab-separated text with a header line; a tab or line break inside a field
/// becomes a space, so every row is one line of eight fields.
pub fn tsv(rows: &[Row]) -> String {
    let clean = |text: &str| text.replace(['\t', '\n', '\r'], " ");
    let mut out = HEADER.join("\t");
    out.push('\n');
    for row in rows {
        let fields = [
            row.path.clone(),
            row.status.to_owned(),
            row.kind.map_or("-", Kind::slug).to_owned(),
            row.speech.map_or("-", Speech::slug).to_owned(),
            row.original.as_deref().map_or("-".to_owned(), clean),
            row.read_at.as_deref().map_or("-".to_owned(), clean),
            match row.found {
                Some(true) => "yes",
                Some(false) => "no",
                None => "-",
            }
            .to_owned(),
            row.flag.unwrap_or("-").to_owned(),
        ];
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}
