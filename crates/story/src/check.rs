//! Rules a story must meet before it is built. Each error names the field and the rule, in
//! both languages; every broken rule is reported at once, not one per attempt.

use crate::decimal::Decimal;
use crate::error::StoryError;
use crate::evidence::{BuildOnly, Evidence, Kind, Speech, states_number, states_words};
use crate::model::*;
use std::collections::HashSet;

/// Most bars one chart may have and still be read on a phone.
const MAX_BARS: usize = 8;

/// What a claim shows, and so what its evidence must be (README, "Kinds of evidence").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Claim {
    /// Our words for what a source says (a summary, a basis, a caveat): any kind of text.
    Paraphrase,
    /// A membership: shown as confirmed, it needs the issuer's text, a named outlet's report,
    /// or a complete reprint that names its outlet and date; as inferred or unconfirmed, any
    /// kind of text.
    Membership(Status),
    /// Words in quotation marks: the issuer's text, or a report (or its reprint) that quotes
    /// them directly.
    Quote,
    /// A figure or a bar's value: anything but a summary or an anonymous page; a translation
    /// names its original (and `--report` flags it).
    Value,
}

impl Claim {
    /// Why `kind` cannot back this claim: the evidence's field at fault and the rule, in both
    /// languages; `None` where it can.
    pub fn refusal(
        self,
        kind: Kind,
        evidence: &Evidence,
    ) -> Option<(&'static str, String, String)> {
        let (k, k_zh) = (kind.slug(), kind.zh());
        match self {
            Claim::Paraphrase | Claim::Membership(Status::Inferred | Status::Unconfirmed) => None,
            Claim::Membership(Status::Confirmed) => match kind {
                Kind::Issuer | Kind::Report => None,
                Kind::Reprint if evidence.complete => None,
                Kind::Reprint => Some((
                    "complete",
                    "is false: \"confirmed\" needs a complete reprint (complete: true) naming its outlet and date; an excerpt backs only \"inferred\" or \"unconfirmed\"".to_owned(),
                    "为false：“已证实”须有注明媒体和日期的完整转载（complete: true）；摘录只能支持“推断”或“未证实”".to_owned(),
                )),
                Kind::Translation | Kind::Summary | Kind::Anonymous => Some((
                    "kind",
                    format!("is {k}: \"confirmed\" needs the issuer's text, a named outlet's report or a complete reprint of one; a summary, an anonymous page or a translation backs only \"inferred\", a caveat or a paraphrase"),
                    format!("是{k_zh}（{k}）：“已证实”须有发布方原文、署名媒体报道或其完整转载；自动摘要、匿名页面和译文只能支持“推断”、注释或转述"),
                )),
            },
            Claim::Quote => match (kind, evidence.speech) {
                (Kind::Issuer, _) | (Kind::Report | Kind::Reprint, Some(Speech::Direct)) => None,
                (Kind::Report | Kind::Reprint, Some(Speech::Indirect)) => Some((
                    "speech",
                    "is indirect: indirect speech is a paraphrase and takes no quotation marks; quote the issuer's text or a report that quotes directly".to_owned(),
                    "为间接引语（indirect）：间接引语是转述，不能加引号；引语须出自发布方原文或直接引述的报道".to_owned(),
                )),
                (Kind::Report | Kind::Reprint, None) => Some((
                    "speech",
                    "is missing: evidence for a quote says whether the report quotes the words directly (direct) or tells them (indirect)".to_owned(),
                    "缺失：引语的证据须写明报道是直接引述（direct）还是间接转述（indirect）".to_owned(),
                )),
                (Kind::Translation | Kind::Summary | Kind::Anonymous, _) => Some((
                    "kind",
                    format!("is {k}: quotation marks need the issuer's text or a report that quotes directly; a summary, an anonymous page or a translation backs only a paraphrase"),
                    format!("是{k_zh}（{k}）：引号只能用于发布方原文或直接引述的报道；自动摘要、匿名页面和译文只能支持转述"),
                )),
            },
            Claim::Value => match kind {
                Kind::Summary | Kind::Anonymous => Some((
                    "kind",
                    format!("is {k}: a figure needs the issuer's text, a named outlet's report, or a reprint or translation that names its original; a summary or an anonymous page backs only a caveat or a paraphrase"),
                    format!("是{k_zh}（{k}）：数据须出自发布方原文、署名媒体报道，或写明原报道的转载或译文；自动摘要和匿名页面只能支持注释或转述"),
                )),
                _ => None,
            },
        }
    }
}

/// Collects errors so a story's author sees every problem at once.
#[derive(Default)]
struct Report {
    errors: Vec<StoryError>,
}

/// `parent.name`, or `name` at the top.
fn key(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_owned()
    } else {
        format!("{parent}.{name}")
    }
}

/// `parent[i]`.
fn index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

impl Report {
    fn fail(&mut self, at: &str, message: impl Into<String>, zh: impl Into<String>) {
        self.errors.push(StoryError::new(at, message, zh));
    }

    /// Ids are well-formed when read; here, each kind's are told apart.
    fn id(&mut self, at: &str, id: &str, seen: &mut HashSet<String>) {
        if !seen.insert(id.to_owned()) {
            self.fail(
                at,
                format!("\"{id}\" is used twice"),
                format!("“{id}”重复使用"),
            );
        }
    }

    fn source(&mut self, at: &str, source: &Source) {
        for (lang, name) in [("zh", &source.name.zh), ("en", &source.name.en)] {
            if let Some(found) = day_or_month_in(name) {
                self.fail(
                    &key(&key(at, "name"), lang),
                    format!(
                        "names a day or month (\"{found}\"): a source's date goes in its date field"
                    ),
                    format!("含有日或月（“{found}”）：来源的日期应写在date字段"),
                );
            }
        }
    }

    /// Who said something: a named occasion with no date in its name (the speaker is one of
    /// the story's, and the date a date, once read).
    fn said(&mut self, at: &str, said: &Said) {
        let occasion = key(at, "occasion");
        for (lang, words) in [("zh", &said.occasion.zh), ("en", &said.occasion.en)] {
            if let Some(found) = day_or_month_in(words) {
                self.fail(
                    &key(&occasion, lang),
                    format!("names a day or month (\"{found}\"): the date goes in the date field"),
                    format!("含有日或月（“{found}”）：日期应写在date字段"),
                );
            }
        }
    }

    /// A claim's evidence: present, with text and a kind that names what it copies where it
    /// must, and a kind strong enough for what the claim shows (`claim`). Returns it for the
    /// rules that read it.
    fn evidence<'a>(
        &mut self,
        at: &str,
        evidence: &'a BuildOnly<Evidence>,
        claim: Claim,
    ) -> Option<&'a Evidence> {
        let Some(evidence) = evidence.get() else {
            self.fail(
                at,
                "is missing: every claim needs the source's own sentence (kind, lang, text)",
                "缺失：每项内容都须附来源原句（kind、lang、text）",
            );
            return None;
        };
        if evidence.text.trim().is_empty() {
            self.fail(&key(at, "text"), "must not be empty", "不能为空");
            return None;
        }
        let Some(kind) = evidence.kind else {
            let slugs: Vec<&str> = Kind::ALL.iter().map(|k| k.slug()).collect();
            self.fail(
                &key(at, "kind"),
                format!(
                    "is missing: evidence says what kind of text it was read in, one of {}",
                    slugs.join(", ")
                ),
                format!(
                    "缺失：证据须写明摘自哪类文本，只能是{}之一",
                    slugs.join("、")
                ),
            );
            return Some(evidence);
        };
        match (kind.has_original(), &evidence.original) {
            (true, None) => self.fail(
                &key(at, "original"),
                format!(
                    "is missing: a {} must name the report it copies or translates (outlet and date)",
                    kind.slug()
                ),
                format!(
                    "缺失：{}必须写明原报道的媒体和日期（original）",
                    kind.zh()
                ),
            ),
            (false, Some(_)) => self.fail(
                &key(at, "original"),
                "only a reprint or a translation names an original",
                "只有转载或译文才写明原报道（original）",
            ),
            _ => {}
        }
        if evidence.complete && kind != Kind::Reprint {
            self.fail(
                &key(at, "complete"),
                "only a reprint is complete or not",
                "只有转载才标明是否完整（complete）",
            );
        }
        if let Some((field, en, zh)) = claim.refusal(kind, evidence) {
            self.fail(&key(at, field), en, zh);
        }
        Some(evidence)
    }

    /// A value's digits must stand in its evidence (万/亿, English multipliers and thousands
    /// separators normalised), so no figure is shown that its source does not state.
    fn value_in_evidence(&mut self, at: &str, value: Decimal, evidence: Option<&Evidence>) {
        if let Some(evidence) = evidence
            && !states_number(&evidence.text, value)
        {
            let shown = match value.digits_shifted(0) {
                (int, frac) if frac.is_empty() => int,
                (int, frac) => format!("{int}.{frac}"),
            };
            self.fail(
                &key(at, "evidence"),
                format!("does not state the value {shown}: copy the source's sentence that does"),
                format!("没有写出数值{shown}：请摘录写出该数值的来源原句"),
            );
        }
    }
}

/// The first day or month a source's name spells out, if any: `1月15日`, `15 Jan`, `March`.
/// A year alone is allowed, as in the title of the 2023–2035 plan.
pub fn day_or_month_in(name: &str) -> Option<String> {
    const MONTH_WORDS: [&str; 24] = [
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    ];
    let chars: Vec<char> = name.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if (*c == '月' || *c == '日') && i > 0 && chars[i - 1].is_ascii_digit() {
            let start = chars[..i]
                .iter()
                .rposition(|c| !c.is_ascii_digit())
                .map_or(0, |p| p + 1);
            return Some(chars[start..=i].iter().collect());
        }
    }
    name.split(|c: char| !c.is_ascii_alphabetic())
        .find(|word| MONTH_WORDS.contains(&word.to_ascii_lowercase().as_str()))
        .map(str::to_owned)
}

/// Checks every rule and returns all broken ones (empty when the story is valid).
pub fn check(story: &Story) -> Vec<StoryError> {
    let mut report = Report::default();
    let root = "";
    if story.updated.is_surely_before(&story.published) {
        report.fail(
            &key(root, "updated"),
            "must not be earlier than published",
            "不能早于发布日期（published）",
        );
    }
    check_circles(story, &mut report);
    check_places(story, &mut report);
    check_figures(story, &mut report);
    check_charts(story, &mut report);
    check_zones(story, &mut report);
    check_speakers(story, &mut report);
    check_eras(story, &mut report);
    report.errors
}

/// The setting-outs of the circles: oldest first, each with its source and evidence.
fn check_eras(story: &Story, report: &mut Report) {
    if story.eras.is_empty() {
        report.fail(
            "eras",
            "must list at least one setting-out of the circles (a plan or a report)",
            "至少要列出一次圈层的提出（规划或报道）",
        );
    }
    let mut before: Option<&Era> = None;
    for (i, era) in story.eras.iter().enumerate() {
        let at = index("eras", i);
        report.source(&key(&at, "source"), &era.source);
        if let Some(said) = &era.said {
            report.said(&key(&at, "said"), said);
        }
        report.evidence(&key(&at, "evidence"), &era.evidence, Claim::Paraphrase);
        if let Some(before) = before
            && era.date.is_surely_before(&before.date)
        {
            report.fail(
                &key(&at, "date"),
                format!("must not be earlier than eras[{}]: oldest first", i - 1),
                format!("不能早于eras[{}]：须按时间先后排列", i - 1),
            );
        }
        before = Some(era);
    }
}

fn check_zones(story: &Story, report: &mut Report) {
    let zones = key("", "zones");
    for (i, zone) in story.zones.iter().enumerate() {
        let at = index(&zones, i);
        report.source(&key(&at, "source"), &zone.source);
        if let Some(said) = &zone.said {
            report.said(&key(&at, "said"), said);
        }
        report.evidence(&key(&at, "evidence"), &zone.evidence, Claim::Paraphrase);
        if zone.places.is_empty() {
            report.fail(
                &key(&at, "places"),
                "must name at least one place",
                "至少要列出一个地点",
            );
        }
    }
    for (i, figure) in story.figures.iter().enumerate() {
        if let Some(zone) = &figure.zone {
            let zone = story.get(zone);
            if figure.section.circle() != Some(zone.circle) {
                report.fail(
                    &key(&index("figures", i), "section"),
                    format!("must be the zone's circle, {}", zone.circle.slug()),
                    format!("必须是该区域所在的圈层{}", zone.circle.slug()),
                );
            }
        }
    }
}

fn check_circles(story: &Story, report: &mut Report) {
    let circles = key("", "circles");
    let mut inner: Option<&Circle> = None;
    for (i, circle) in story.circles.iter().enumerate() {
        let at = index(&circles, i);
        let at_definition = key(&at, "definition");
        let definition = &circle.definition;
        if let Some(said) = &definition.said {
            report.said(&key(&at_definition, "said"), said);
        }
        report.source(&key(&at_definition, "source"), &definition.source);
        report.evidence(
            &key(&at_definition, "evidence"),
            &definition.evidence,
            Claim::Paraphrase,
        );
        if let Some(quote) = &definition.quote {
            check_quote(report, &key(&at_definition, "quote"), quote);
        }
        if let Some(plan) = &definition.plan {
            let at = key(&at_definition, "plan");
            report.said(&key(&at, "said"), &plan.said);
            report.source(&key(&at, "source"), &plan.source);
            report.evidence(&key(&at, "evidence"), &plan.evidence, Claim::Paraphrase);
            if definition.quote.is_some() {
                report.fail(
                    &at,
                    "a definition gives an official's words either as a quote or as a paraphrase, not both",
                    "定义中官员的话要么作为引语，要么作为转述，不能两者都有",
                );
            }
        }
        let r = circle.radius_km;
        if let Some(inner) = inner
            && r <= inner.radius_km
        {
            report.fail(
                &key(&at, "radius_km"),
                format!("must be larger than circles[{}].radius_km", i - 1),
                format!("必须大于circles[{}].radius_km", i - 1),
            );
        }
        inner = Some(circle);
    }
}

fn check_places(story: &Story, report: &mut Report) {
    let places = key("", "places");
    for (i, place) in story.places.iter().enumerate() {
        let at = index(&places, i);
        if let Some(whole) = &place.part_of
            && whole.index() == i
        {
            report.fail(
                &key(&at, "part_of"),
                format!("\"{}\" is the place itself, not another", whole.id()),
                format!("“{}”是该地点本身，不是另一个地点", whole.id()),
            );
        }
        let memberships = key(&at, "memberships");
        let mut circles = Vec::new();
        for (j, m) in place.memberships.iter().enumerate() {
            let at = index(&memberships, j);
            report.source(&key(&at, "source"), &m.source);
            report.evidence(
                &key(&at, "evidence"),
                &m.evidence,
                Claim::Membership(m.status),
            );
            check_parts_named(story, place, m, &at, report);
            if circles.last().is_some_and(|last| *last >= m.circle) {
                report.fail(
                    &key(&at, "circle"),
                    "each circle once, innermost first",
                    "每个圈层只列一次，由内向外排列",
                );
            }
            circles.push(m.circle);
        }
        match (place.memberships.is_empty(), &place.orientation) {
            (true, None) => report.fail(
                &key(&at, "orientation"),
                "a place in no circle must say why it is shown",
                "不属于任何圈层的地点必须说明为何标出",
            ),
            (false, Some(_)) => report.fail(
                &key(&at, "orientation"),
                "only a place in no circle is shown for orientation",
                "只有不属于任何圈层的地点才是仅供参考",
            ),
            _ => {}
        }
        if place.in_beijing
            && place
                .innermost()
                .is_none_or(|m| m.circle != CircleId::Commuting || m.status != Status::Confirmed)
        {
            report.fail(
                &key(&memberships, "commuting"),
                "a place in Beijing is a confirmed member of the commuting circle (all of Beijing is in it)",
                "北京市内的地点是通勤圈的已证实成员（北京全域都在通勤圈内）",
            );
        }
    }
}

/// A place whose parts are confirmed members of a circle may be shown as a less sure member of
/// it only by naming which part the status is about (Langfang's urban districts, not Langfang,
/// are unconfirmed in the commuting circle while its counties are confirmed).
fn check_parts_named(
    story: &Story,
    place: &Place,
    membership: &Membership,
    at: &str,
    report: &mut Report,
) {
    if membership.status == Status::Confirmed || membership.part.is_some() {
        return;
    }
    let confirmed_parts: Vec<&str> = story
        .parts_of(&place.id)
        .filter(|p| {
            p.membership(membership.circle)
                .is_some_and(|m| m.status == Status::Confirmed)
        })
        .map(|p| p.name.en.as_ref())
        .collect();
    if !confirmed_parts.is_empty() {
        let (parts, circle) = (confirmed_parts.join(", "), membership.circle.slug());
        report.fail(
            &key(at, "part"),
            format!(
                "must name the part that is {status}: parts of this place ({parts}) are confirmed members of the {circle} circle",
                status = membership.status.slug()
            ),
            format!(
                "必须写明哪一部分{status}：该地的部分地区（{parts}）是{circle}圈层的已证实成员",
                status = match membership.status {
                    Status::Inferred => "是推断的",
                    _ => "未证实",
                }
            ),
        );
    }
}

/// A quote's words stand verbatim in its evidence, read in the language they were said in.
fn check_quote(report: &mut Report, at: &str, quote: &Quote) {
    report.said(&key(at, "said"), &quote.said);
    report.source(&key(at, "source"), &quote.source);
    let Some(evidence) = report.evidence(&key(at, "evidence"), &quote.evidence, Claim::Quote)
    else {
        return;
    };
    let original = quote.original;
    if evidence.lang != original {
        report.fail(
            &key(&key(at, "evidence"), "lang"),
            format!("must be {original}, the language the words were said in"),
            format!("必须是{original}，即原话的语言"),
        );
    } else if !states_words(&evidence.text, quote.words.get(original)) {
        report.fail(
            &key(&key(at, "words"), original.code()),
            "is not verbatim in its evidence: a quote must be the source's own words",
            "与证据原句不符：引语必须是来源的原话",
        );
    }
}

/// Speakers are people: unique ids, a name and a role, and never a document or a publisher
/// (a name in 《》, or the name of one of the story's sources).
fn check_speakers(story: &Story, report: &mut Report) {
    let source_names = all_source_names(story);
    for (i, speaker) in story.speakers.iter().enumerate() {
        let at = index("speakers", i);
        for lang in crate::Lang::ALL {
            let name = speaker.name.get(lang).trim();
            let is_title = name.contains('《') || name.contains('》');
            if is_title || (!name.is_empty() && source_names.contains(name)) {
                report.fail(
                    &key(&key(&at, "name"), lang.code()),
                    "is a document or a publisher: a speaker is a person (a document is a source)",
                    "是文件或发布机构：讲话人必须是人（文件应作为来源）",
                );
            }
        }
    }
}

/// Every source name of the story, in both languages.
fn all_source_names(story: &Story) -> HashSet<&str> {
    let mut sources: Vec<&Source> = Vec::new();
    for c in story.circles.iter() {
        sources.push(&c.definition.source);
        sources.extend(c.definition.quote.iter().map(|q| &q.source));
        sources.extend(c.definition.plan.iter().map(|p| &p.source));
    }
    for p in story.places.iter() {
        sources.extend(p.memberships.iter().map(|m| &m.source));
    }
    sources.extend(story.figures.iter().map(|f| &f.source));
    for c in story.charts.iter() {
        sources.extend(c.sources.iter());
    }
    sources.extend(story.zones.iter().map(|z| &z.source));
    sources
        .into_iter()
        .flat_map(|s| [s.name.zh.trim(), s.name.en.trim()])
        .collect()
}

fn check_figures(story: &Story, report: &mut Report) {
    let figures = key("", "figures");
    for (i, figure) in story.figures.iter().enumerate() {
        let at = index(&figures, i);
        report.source(&key(&at, "source"), &figure.source);
        if let Some(said) = &figure.said {
            report.said(&key(&at, "said"), said);
        }
        check_value(
            story,
            report,
            &at,
            figure.value,
            &figure.evidence,
            figure.difference.as_ref(),
        );
        let is_cumulative = figure.label.zh.contains("累计")
            || figure.label.en.to_ascii_lowercase().contains("cumulative");
        match &figure.window {
            None if is_cumulative => report.fail(
                &key(&at, "window"),
                "a cumulative figure must name its window (from, to or as_of)",
                "累计数必须写明统计区间（from、to或as_of）",
            ),
            Some(w) if w.from.is_none() && w.to.is_none() && w.as_of.is_none() => report.fail(
                &key(&at, "window"),
                "must give from, to or as_of",
                "必须写明from、to或as_of",
            ),
            Some(w) => {
                if let (Some(from), Some(to)) = (w.from, w.to)
                    && from > to
                {
                    report.fail(
                        &key(&key(&at, "window"), "to"),
                        "must not be before from",
                        "不能早于from",
                    );
                }
            }
            None => {}
        }
        if figure.unit == Unit::Percent && figure.value.to_f64() > 100.0 {
            report.fail(
                &key(&at, "value"),
                "a percentage must be at most 100",
                "百分比不能超过100",
            );
        }
    }
}

fn check_charts(story: &Story, report: &mut Report) {
    let mut seen = HashSet::new();
    let charts = key("", "charts");
    for (i, chart) in story.charts.iter().enumerate() {
        let at = index(&charts, i);
        report.id(&key(&at, "id"), &chart.id, &mut seen);
        for (j, source) in chart.sources.iter().enumerate() {
            report.source(&index(&key(&at, "sources"), j), source);
        }
        if chart.bars.is_empty() || chart.bars.len() > MAX_BARS {
            report.fail(
                &key(&at, "bars"),
                format!("must have 1 to {MAX_BARS} bars"),
                format!("必须有1至{MAX_BARS}个条形"),
            );
        }
        let bars = key(&at, "bars");
        for (j, bar) in chart.bars.iter().enumerate() {
            let at = index(&bars, j);
            check_value(
                story,
                report,
                &at,
                bar.value,
                &bar.evidence,
                bar.difference.as_ref(),
            );
        }
    }
}

/// A value (a figure's or a bar's) is either stated in its evidence or worked out exactly
/// from two figures.
fn check_value(
    story: &Story,
    report: &mut Report,
    at: &str,
    value: Decimal,
    evidence: &BuildOnly<Evidence>,
    difference: Option<&Difference>,
) {
    let Some(difference) = difference else {
        let evidence = report.evidence(&key(at, "evidence"), evidence, Claim::Value);
        report.value_in_evidence(at, value, evidence);
        return;
    };
    if evidence.get().is_some() {
        report.fail(
            &key(at, "difference"),
            "a value is either stated in evidence or worked out (difference), not both",
            "数值要么来自证据原句，要么由difference算出，不能两者都有",
        );
    }
    let (of, minus) = (story.get(&difference.of), story.get(&difference.minus));
    if of.value.checked_sub(minus.value) != Some(value) {
        report.fail(
            &key(at, "difference"),
            format!("{} − {} is not this value", of.id, minus.id),
            format!("{}减{}不等于该数值", of.id, minus.id),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{from_json, read_str};

    const FIXTURE: &str = include_str!("../../../tests/fixture/story.json");

    fn story() -> Story {
        match from_json(FIXTURE) {
            Ok(story) => story,
            Err(e) => panic!("the fixture story does not parse: {e:?}"),
        }
    }

    /// The fixture with the value at JSON `pointer` set, read: `field: English` of the error
    /// that stops it (its line and column left out).
    fn read_error(pointer: &str, value: serde_json::Value) -> String {
        let mut json: serde_json::Value =
            serde_json::from_str(FIXTURE).unwrap_or_else(|e| panic!("{e}"));
        let (parent, name) = pointer.rsplit_once('/').unwrap_or_default();
        match json.pointer_mut(parent) {
            Some(serde_json::Value::Object(object)) => {
                object.insert(name.to_owned(), value);
            }
            Some(serde_json::Value::Array(list)) => match name.parse::<usize>() {
                Ok(i) if i < list.len() => list[i] = value,
                _ => panic!("the fixture has no {pointer}"),
            },
            _ => panic!("the fixture has no {parent}"),
        }
        let errors = read_str(&json.to_string()).err().unwrap_or_default();
        let [error] = errors.as_slice() else {
            panic!("{pointer}: expected one error, got {errors:?}");
        };
        let message = error.message.split(" (line ").next().unwrap_or_default();
        format!("{}: {message}", error.field)
    }

    fn date(text: &str) -> crate::IsoDate {
        crate::IsoDate::parse(text).unwrap_or_else(|e| panic!("{e:?}"))
    }

    /// `field: English` of every broken rule.
    fn fields(story: &Story) -> Vec<String> {
        check(story)
            .into_iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect()
    }

    #[test]
    fn radii_must_nest() {
        let mut s = story();
        s.circles.industrial.radius_km = s.circles.functional.radius_km;
        assert_eq!(
            fields(&s),
            ["circles[2].radius_km: must be larger than circles[1].radius_km"]
        );
    }

    #[test]
    fn absurd_radii_are_refused() {
        for bad in [-5.0, 0.0, 1e308] {
            assert_eq!(
                read_error("/circles/0/radius_km", bad.into()),
                "circles[0].radius_km: must be a number above 0 and at most 170",
                "{bad}"
            );
        }
    }

    #[test]
    fn a_circle_the_diagram_cannot_draw_is_refused() {
        // 200 km would fall off the diagram, which shows 172 km around the centre.
        assert_eq!(
            read_error("/circles/2/radius_km", 200.0.into()),
            "circles[2].radius_km: must be a number above 0 and at most 170"
        );
        let mut json: serde_json::Value =
            serde_json::from_str(FIXTURE).unwrap_or_else(|e| panic!("{e}"));
        json["circles"][2]["radius_km"] = 170.0.into();
        assert!(read_str(&json.to_string()).is_ok(), "170 km is drawn");
    }

    #[test]
    fn a_story_has_the_three_circles_innermost_first() {
        let json: serde_json::Value =
            serde_json::from_str(FIXTURE).unwrap_or_else(|e| panic!("{e}"));
        let circles = json.pointer("/circles").cloned().unwrap_or_default();
        let list = |order: [usize; 3]| {
            serde_json::Value::Array(order.map(|i| circles[i].clone()).to_vec())
        };
        assert_eq!(
            read_error("/circles", list([1, 0, 2])),
            "circles: must list the 3 circles innermost first: commuting, functional, industrial (found: functional, commuting, industrial)"
        );
        let two = serde_json::Value::Array(vec![circles[0].clone(), circles[1].clone()]);
        assert_eq!(
            read_error("/circles", two),
            "circles: must list the 3 circles innermost first: commuting, functional, industrial (found: commuting, functional)"
        );
    }

    #[test]
    fn unknown_circle_id_is_refused_with_its_path() {
        let json = FIXTURE.replacen("\"circle\": \"commuting\"", "\"circle\": \"orbital\"", 1);
        let errors = read_str(&json).err().unwrap_or_default();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(
            errors[0].field, "places[0].memberships[0].circle",
            "{}",
            errors[0]
        );
        assert!(
            errors[0].message.starts_with(
                "unknown variant `orbital`, expected one of `commuting`, `functional`, `industrial`"
            ),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn impossible_coordinates_are_refused() {
        assert_eq!(
            read_error("/places/0/lat", 91.0.into()),
            "places[0].lat: must be between -90 and 90"
        );
        assert_eq!(
            read_error("/places/1/lon", (-181.0).into()),
            "places[1].lon: must be between -180 and 180"
        );
    }

    #[test]
    fn every_figure_has_a_source_and_a_date() {
        assert_eq!(
            read_error("/figures/0/source/name/en", "".into()),
            "figures[0].source.name: en must not be empty"
        );
        assert_eq!(
            read_error("/figures/1/source/date", "sometime".into()),
            "figures[1].source.date: \"sometime\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
        );
        assert_eq!(
            read_error("/figures/1/source/url", "http://x.example/".into()),
            "figures[1].source.url: \"http://x.example/\" must be an https:// address"
        );
    }

    #[test]
    fn every_chart_has_a_source_and_a_date() {
        assert_eq!(
            read_error("/charts/0/sources/0/date", "2023-02-30".into()),
            "charts[0].sources[0].date: \"2023-02-30\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
        );
    }

    #[test]
    fn memberships_come_innermost_first_and_a_place_in_none_says_why() {
        let mut s = story();
        // Hill City is listed in the functional, then the industrial circle.
        let hill = s
            .places
            .iter()
            .position(|p| p.id == "hill-city")
            .unwrap_or(0);
        s.places.to_mut()[hill].memberships.to_mut().reverse();
        let outsider = s
            .places
            .iter()
            .position(|p| p.id == "outsider")
            .unwrap_or(0);
        s.places.to_mut()[outsider].orientation = None;
        let river = s
            .places
            .iter()
            .position(|p| p.id == "river-city")
            .unwrap_or(0);
        let why = s.places[outsider].name.clone();
        s.places.to_mut()[river].orientation = Some(why);
        assert_eq!(
            fields(&s),
            [
                format!(
                    "places[{river}].orientation: only a place in no circle is shown for orientation"
                ),
                format!("places[{hill}].memberships[1].circle: each circle once, innermost first"),
                format!(
                    "places[{outsider}].orientation: a place in no circle must say why it is shown"
                ),
            ]
        );
    }

    #[test]
    fn a_place_in_beijing_is_a_confirmed_commuting_member() {
        let mut s = story();
        let i = s.places.iter().position(|p| p.in_beijing).unwrap_or(0);
        s.places.to_mut()[i].memberships.to_mut()[0].status = Status::Inferred;
        assert_eq!(
            fields(&s),
            [format!(
                "places[{i}].memberships.commuting: a place in Beijing is a confirmed member of the commuting circle (all of Beijing is in it)"
            )]
        );
    }

    #[test]
    fn missing_ui_string_is_named() {
        assert_eq!(
            read_error("/ui/north/zh", " ".into()),
            "ui.north: zh must not be empty"
        );
    }

    #[test]
    fn ids_are_unique_and_url_safe() {
        let mut json: serde_json::Value =
            serde_json::from_str(FIXTURE).unwrap_or_else(|e| panic!("{e}"));
        json["places"][1]["id"] = json["places"][0]["id"].clone();
        let errors = read_str(&json.to_string()).err().unwrap_or_default();
        let first = errors
            .first()
            .map(|e| format!("{}: {}", e.field, e.message));
        assert!(
            first
                .as_ref()
                .is_some_and(|e| e.starts_with("places[1].id: \"") && e.ends_with("is used twice")),
            "{errors:?}"
        );
        assert_eq!(
            read_error("/figures/0/id", "Bad Id".into()),
            "figures[0].id: \"Bad Id\" must be 1 to 64 characters of a-z, 0-9 and -"
        );
    }

    #[test]
    fn every_rule_has_chinese_wording() {
        let mut s = story();
        s.updated = date("2000-01-01");
        s.circles.industrial.radius_km = s.circles.commuting.radius_km;
        s.places.to_mut()[4].memberships.to_mut().clear();
        s.charts.to_mut()[1].bars.to_mut().clear();
        let errors = check(&s);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "updated",
                "circles[2].radius_km",
                "places[4].orientation",
                "charts[1].bars",
            ]
        );
        for e in &errors {
            let zh = e.message_in(crate::Lang::Zh);
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "no Chinese wording for {}: {zh}",
                e.message
            );
            assert_ne!(zh, e.message, "{}", e.field);
        }
    }

    #[test]
    fn updated_is_not_before_published() {
        let mut s = story();
        s.updated = date("2000-01-01");
        assert_eq!(fields(&s), ["updated: must not be earlier than published"]);
        // A month is not earlier than a day within it.
        s.published = date("2020-01-02");
        s.updated = date("2020-01");
        assert_eq!(fields(&s), Vec::<String>::new());
        s.updated = date("2019-12");
        assert_eq!(fields(&s), ["updated: must not be earlier than published"]);
    }

    #[test]
    fn percentages_stay_at_most_100() {
        let mut s = story();
        let i = s
            .figures
            .iter()
            .position(|f| f.unit == Unit::Percent)
            .unwrap_or(0);
        s.figures.to_mut()[i].value = crate::Decimal::new(101, 0);
        s.figures.to_mut()[i].evidence = BuildOnly::new(Evidence {
            lang: crate::Lang::Zh,
            text: "占101%".into(),
            url: None,
            kind: Some(Kind::Issuer),
            original: None,
            complete: false,
            speech: None,
        });
        assert_eq!(
            fields(&s),
            [format!(
                "figures[{i}].value: a percentage must be at most 100"
            )]
        );
    }

    #[test]
    fn charts_have_bars_and_known_scales() {
        let mut s = story();
        s.charts.to_mut()[0].bars.to_mut().clear();
        let errors = fields(&s);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("charts[0].bars: must have 1 to 8 bars"));
        assert_eq!(
            read_error("/charts/0/scale/zh", 5.into()),
            "charts[0].scale.zh: must be 0, 4, 8 or 12 (个, 万, 亿, 万亿)"
        );
        assert_eq!(
            read_error("/charts/0/scale/en", 4.into()),
            "charts[0].scale.en: must be 0, 6, 9 or 12 (ones, million, billion, trillion)"
        );
    }

    #[test]
    fn quotation_marks_stand_only_around_a_quotes_words() {
        assert_eq!(
            read_error("/figures/0/label/en", "the “share”".into()),
            "figures[0].label: en has the quotation mark “: only a quote's words (with their source and date) may be quoted",
        );
        assert_eq!(
            read_error("/ui/kicker/zh", "\"测试\"".into()),
            "ui.kicker: zh has the quotation mark \": only a quote's words (with their source and date) may be quoted",
        );
        // A text field added to the model gets the rule by its type: none is listed here.
        let mut s = story();
        let Some(quote) = &mut s.circles.commuting.definition.quote else {
            panic!("the fixture's commuting circle has a quote");
        };
        quote.words.0.zh = "“嵌套的实心圆”".into();
        quote.evidence = BuildOnly::new(Evidence {
            lang: crate::Lang::Zh,
            text: "他说：“嵌套的实心圆”。".into(),
            url: None,
            kind: Some(Kind::Report),
            original: None,
            complete: false,
            speech: Some(Speech::Direct),
        });
        assert_eq!(
            fields(&s),
            Vec::<String>::new(),
            "a quote's words may hold quotes"
        );
    }

    #[test]
    fn a_sources_name_holds_no_day_or_month() {
        assert_eq!(day_or_month_in("CRNTT, 27 Mar 2023"), Some("Mar".into()));
        assert_eq!(
            day_or_month_in("China News Service (15 January 2023)"),
            Some("January".into())
        );
        assert_eq!(day_or_month_in("中评社，2023年3月27日"), Some("3月".into()));
        assert_eq!(day_or_month_in("北京日报，30日"), Some("30日".into()));
        assert_eq!(day_or_month_in("《规划（2023—2035年）》"), None);
        assert_eq!(
            day_or_month_in("Spatial Coordination Plan (2023–2035)"),
            None
        );
        assert_eq!(day_or_month_in("Marathon Daily"), None);
        let mut s = story();
        s.charts.to_mut()[0].sources.to_mut()[0].name.en = "Test Source, Sept 2020".into();
        assert_eq!(
            fields(&s),
            [
                "charts[0].sources[0].name.en: names a day or month (\"Sept\"): a source's date goes in its date field"
            ]
        );
    }

    #[test]
    fn a_cumulative_figure_names_its_window() {
        let mut s = story();
        let f = &mut s.figures.to_mut()[0];
        f.label.en = "cumulative share".into();
        f.window = None;
        assert_eq!(
            fields(&s),
            ["figures[0].window: a cumulative figure must name its window (from, to or as_of)"]
        );
        let mut s = story();
        let i = s
            .figures
            .iter()
            .position(|f| f.window.is_some())
            .unwrap_or(0);
        if let Some(w) = s.figures.to_mut()[i].window.as_mut() {
            (w.from, w.to) = (Some(2022), Some(2014));
        }
        assert_eq!(
            fields(&s),
            [format!("figures[{i}].window.to: must not be before from")]
        );
        assert_eq!(
            read_error(&format!("/figures/{i}/window/as_of"), "2023-13".into()),
            format!(
                "figures[{i}].window.as_of: \"2023-13\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
            )
        );
    }

    #[test]
    fn references_name_records_of_the_story() {
        for (pointer, id, expected) in [
            (
                "/zones/0/places/0",
                "atlantis",
                "zones[0].places[0]: \"atlantis\" is none of the story's places",
            ),
            (
                "/figures/0/zone",
                "nowhere",
                "figures[0].zone: \"nowhere\" is none of the story's zones",
            ),
            (
                "/places/0/part_of",
                "atlantis",
                "places[0].part_of: \"atlantis\" is none of the story's places",
            ),
            (
                "/circles/0/definition/said/speaker",
                "nobody",
                "circles[0].definition.said.speaker: \"nobody\" is none of the story's speakers",
            ),
        ] {
            assert_eq!(read_error(pointer, id.into()), expected);
        }
    }

    #[test]
    fn a_reference_is_followed_to_its_record() {
        let s = story();
        for zone in s.zones.iter() {
            for place in zone.places.iter() {
                assert_eq!(s.get(place).id, *place.id());
            }
        }
    }
}
