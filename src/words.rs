//! The sentences the graphic writes from the story, each written once and tested here: dates,
//! source lines and quotations. The panel, the text version, the charts and the build-time
//! files all call these, so the same thing is never worded two ways.

use crate::bidi::isolate;
use crate::geo::Compass;
use crate::story::{
    Circle, Extent, Figure, Lang, Membership, Place, Quote, Source, Status, Ui, Window,
};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An ISO date as precise as it is known, for the reader: `2023-01-15` → `2023年1月15日` /
/// `15 Jan 2023`; `2023-02` → `2023年2月` / `Feb 2023`; `2026` → `2026年` / `2026`.
pub fn date_text(iso: &str, lang: Lang) -> String {
    let parts: Vec<u32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
    let month = |m: u32| {
        MONTHS
            .get((m as usize).wrapping_sub(1))
            .copied()
            .unwrap_or("")
    };
    match (lang, parts.as_slice()) {
        (Lang::Zh, [y, m, d]) => format!("{y}年{m}月{d}日"),
        (Lang::Zh, [y, m]) => format!("{y}年{m}月"),
        (Lang::Zh, [y]) => format!("{y}年"),
        (Lang::En, [y, m, d]) => format!("{d} {} {y}", month(*m)),
        (Lang::En, [y, m]) => format!("{} {y}", month(*m)),
        (Lang::En, [y]) => format!("{y}"),
        _ => iso.to_owned(),
    }
}

/// "Source: name, date" / "来源：名称，日期", the name isolated (it may be in another script).
pub fn source_line(label: &str, source: &Source, lang: Lang) -> String {
    sources_line(label, std::slice::from_ref(source), lang)
}

/// `text` followed by a note in the language's own brackets: `名称（注）` / `name (note)`.
fn with_note(text: &str, note: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{text}（{note}）"),
        Lang::En => format!("{text} ({note})"),
    }
}

/// A cumulative figure's window: `2014—2022年，截至2023年1月` / `2014–2022, as of Jan 2023`;
/// `2014年以来` / `since 2014` where the end is not given.
pub fn window_text(window: &Window, lang: Lang) -> String {
    let years = match (window.from, window.to, lang) {
        (Some(from), Some(to), Lang::Zh) => Some(format!("{from}—{to}年")),
        (Some(from), Some(to), Lang::En) => Some(format!("{from}–{to}")),
        (Some(from), None, Lang::Zh) => Some(format!("{from}年以来")),
        (Some(from), None, Lang::En) => Some(format!("since {from}")),
        (None, Some(to), Lang::Zh) => Some(format!("截至{to}年")),
        (None, Some(to), Lang::En) => Some(format!("up to {to}")),
        (None, None, _) => None,
    };
    let as_of = window.as_of.as_ref().map(|date| match lang {
        Lang::Zh => format!("截至{}", date_text(date, lang)),
        Lang::En => format!("as of {}", date_text(date, lang)),
    });
    let parts: Vec<String> = years.into_iter().chain(as_of).collect();
    match lang {
        Lang::Zh => parts.join("，"),
        Lang::En => parts.join(", "),
    }
}

/// What a figure counts, with its window when it is cumulative:
/// `…累计（2014—2022年，截至2023年1月）` / `… (2014–2022, as of Jan 2023)`.
pub fn figure_label(figure: &Figure, lang: Lang) -> String {
    let label = figure.label.get(lang);
    match &figure.window {
        None => label.to_owned(),
        Some(w) => with_note(label, &window_text(w, lang), lang),
    }
}

/// "Source: A, date; B, date" for several sources, each with its own date, in the order given.
pub fn sources_line(label: &str, sources: &[Source], lang: Lang) -> String {
    let items: Vec<String> = sources
        .iter()
        .map(|s| {
            let (name, date) = (isolate(s.name.get(lang)), date_text(&s.date, lang));
            match lang {
                Lang::Zh => format!("{name}，{date}"),
                Lang::En => format!("{name}, {date}"),
            }
        })
        .collect();
    match lang {
        Lang::Zh => format!("{label}：{}", items.join("；")),
        Lang::En => format!("{label}: {}", items.join("; ")),
    }
}

/// A quotation as a reader of `lang` sees it: the original words in quotation marks, or our
/// translation without them, followed by `translation_note` (e.g. "our translation").
pub fn quote_text(quote: &Quote, lang: Lang, translation_note: &str) -> String {
    let words = quote.words.get(lang);
    if lang == quote.original {
        format!("“{words}”")
    } else {
        with_note(words, translation_note, lang)
    }
}

/// The plan's radius of a circle: `规划半径约50公里` / `Plan radius: about 50 km` (the ui
/// string carries the qualifier).
pub fn radius_text(ui: &Ui, circle: &Circle, lang: Lang) -> String {
    let km = circle.radius_km;
    match lang {
        Lang::Zh => format!("{}{km}公里", ui.radius.zh),
        Lang::En => format!("{} {km} km", ui.radius.en),
    }
}

/// The word for how sure a membership is: 已证实 / confirmed, 推断 / inferred, 未证实 /
/// unconfirmed.
pub fn status_word(ui: &Ui, status: Status, lang: Lang) -> &str {
    match status {
        Status::Confirmed => ui.status_confirmed.get(lang),
        Status::Inferred => ui.status_inferred.get(lang),
        Status::Unconfirmed => ui.status_unconfirmed.get(lang),
    }
}

/// A member place as listed in one circle: its name (with "parts only" where only parts
/// belong), then how sure the membership is and its basis, each isolated:
/// (`三河`, `已证实：北三县之一…`).
pub fn member_text(
    ui: &Ui,
    place: &Place,
    membership: &Membership,
    lang: Lang,
) -> (String, String) {
    let name = isolate(place.name.get(lang));
    let name = match membership.extent {
        Extent::Part => with_note(&name, ui.legend_part.get(lang), lang),
        Extent::Whole => name.into_owned(),
    };
    let status = status_word(ui, membership.status, lang);
    let basis = isolate(membership.basis.get(lang));
    let basis = match lang {
        Lang::Zh => format!("{status}：{basis}"),
        Lang::En => format!("{status}: {basis}"),
    };
    (name, basis)
}

/// A point of the compass as a reader says it: `Compass::Ssw` → `西南偏南` / `south-southwest`.
pub fn compass_word(point: Compass, lang: Lang) -> &'static str {
    let (zh, en) = match point {
        Compass::N => ("北", "north"),
        Compass::Nne => ("东北偏北", "north-northeast"),
        Compass::Ne => ("东北", "northeast"),
        Compass::Ene => ("东北偏东", "east-northeast"),
        Compass::E => ("东", "east"),
        Compass::Ese => ("东南偏东", "east-southeast"),
        Compass::Se => ("东南", "southeast"),
        Compass::Sse => ("东南偏南", "south-southeast"),
        Compass::S => ("南", "south"),
        Compass::Ssw => ("西南偏南", "south-southwest"),
        Compass::Sw => ("西南", "southwest"),
        Compass::Wsw => ("西南偏西", "west-southwest"),
        Compass::W => ("西", "west"),
        Compass::Wnw => ("西北偏西", "west-northwest"),
        Compass::Nw => ("西北", "northwest"),
        Compass::Nnw => ("西北偏北", "north-northwest"),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// How far and in which direction a place lies from the centre, with "about" (distances are
/// between city centres): `天安门西南偏南约104公里` / `about 104 km south-southwest of Tiananmen`.
pub fn distance_text(centre: &str, km: f64, point: Compass, lang: Lang) -> String {
    let (centre, km, direction) = (isolate(centre), km.round(), compass_word(point, lang));
    match lang {
        Lang::Zh => format!("{centre}{direction}约{km}公里"),
        Lang::En => format!("about {km} km {direction} of {centre}"),
    }
}

/// One circle a place is listed in, for its card and the text version: the circle, "parts
/// only" where only parts belong, how sure the membership is, and its basis:
/// `功能圈（部分区县）：已证实。部分区县属于功能圈…` / `Functional circle (parts only):
/// confirmed. Parts of it are…`.
pub fn membership_line(ui: &Ui, circle: &str, membership: &Membership, lang: Lang) -> String {
    let circle = isolate(circle);
    let circle = match membership.extent {
        Extent::Part => with_note(&circle, ui.legend_part.get(lang), lang),
        Extent::Whole => circle.into_owned(),
    };
    let status = status_word(ui, membership.status, lang);
    let basis = isolate(membership.basis.get(lang));
    match lang {
        Lang::Zh => format!("{circle}：{status}。{basis}"),
        Lang::En => format!("{circle}: {status}. {basis}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::Text;

    fn source(name: &str, date: &str) -> Source {
        Source {
            name: Text {
                zh: name.to_owned().into(),
                en: name.to_owned().into(),
            },
            date: date.to_owned().into(),
            url: None,
        }
    }

    #[test]
    fn dates_read_naturally_at_every_precision() {
        assert_eq!(date_text("2023-01-15", Lang::Zh), "2023年1月15日");
        assert_eq!(date_text("2023-01-15", Lang::En), "15 Jan 2023");
        assert_eq!(date_text("2023-02", Lang::Zh), "2023年2月");
        assert_eq!(date_text("2023-02", Lang::En), "Feb 2023");
        assert_eq!(date_text("2026", Lang::Zh), "2026年");
        assert_eq!(date_text("2026", Lang::En), "2026");
        assert_eq!(date_text("nonsense", Lang::En), "nonsense");
    }

    #[test]
    fn a_source_line_names_the_source_then_its_own_date() {
        let s = source("CRNTT", "2023-03-27");
        assert_eq!(
            source_line("Source", &s, Lang::En),
            "Source: CRNTT, 27 Mar 2023"
        );
        assert_eq!(
            source_line("来源", &s, Lang::Zh),
            "来源：CRNTT，2023年3月27日"
        );
    }

    #[test]
    fn a_window_reads_as_years_and_an_as_of_date() {
        let w = |from, to, as_of: Option<&str>| Window {
            from,
            to,
            as_of: as_of.map(|d| d.to_owned().into()),
        };
        let full = w(Some(2014), Some(2022), Some("2023-01"));
        assert_eq!(window_text(&full, Lang::Zh), "2014—2022年，截至2023年1月");
        assert_eq!(window_text(&full, Lang::En), "2014–2022, as of Jan 2023");
        assert_eq!(
            window_text(&w(Some(2014), None, None), Lang::En),
            "since 2014"
        );
        assert_eq!(
            window_text(&w(None, Some(2020), None), Lang::Zh),
            "截至2020年"
        );
    }

    #[test]
    fn a_distance_reads_with_about_and_a_point_of_the_compass() {
        assert_eq!(
            distance_text("Tiananmen", 103.6, Compass::Ssw, Lang::En),
            "about 104 km south-southwest of Tiananmen"
        );
        assert_eq!(
            distance_text("天安门", 103.6, Compass::Ssw, Lang::Zh),
            "天安门西南偏南约104公里"
        );
        // Sixteen different words in each language.
        for lang in Lang::ALL {
            let mut words: Vec<&str> = Compass::ALL
                .iter()
                .map(|c| compass_word(*c, lang))
                .collect();
            words.sort_unstable();
            words.dedup();
            assert_eq!(words.len(), 16, "{lang}");
        }
    }

    #[test]
    fn only_the_original_words_are_quoted() {
        let quote = Quote {
            words: Text {
                zh: "嵌套的实心圆".into(),
                en: "nested solid discs".into(),
            },
            original: Lang::Zh,
            source: source("x", "2026-02-12"),
        };
        assert_eq!(quote_text(&quote, Lang::Zh, "我们的翻译"), "“嵌套的实心圆”");
        assert_eq!(
            quote_text(&quote, Lang::En, "our translation"),
            "nested solid discs (our translation)"
        );
    }
}
