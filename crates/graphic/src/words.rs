//! The sentences the graphic writes from the story, each written once and tested here: dates,
//! source lines and quotations. The panel, the text version, the charts and the build-time
//! files all call these, so the same thing is never worded two ways.

use crate::bidi::isolate;
use crate::geo::Compass;
use story::{
    Circle, CircleId, Decimal, Difference, Extent, Figure, Lang, Membership, Place, Qualifier,
    Quote, Said, Section, Source, Status, Story, Ui, Unit, Window,
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

/// A piece of a source line: words, or a source's name linked to the source's own page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Link { text: String, url: String },
}

/// A line of pieces as plain text (the CSV, the tests): links become their words.
pub fn pieces_text(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text(text) | Piece::Link { text, .. } => text.as_str(),
        })
        .collect()
}

/// Adjacent text pieces joined, so a line renders as few nodes as it needs.
fn push_text(pieces: &mut Vec<Piece>, text: &str) {
    match pieces.last_mut() {
        Some(Piece::Text(last)) => last.push_str(text),
        _ => pieces.push(Piece::Text(text.to_owned())),
    }
}

/// A source's name, linked where the source's own page is known.
fn push_name(pieces: &mut Vec<Piece>, source: &Source, lang: Lang) {
    let name = isolate(source.name.get(lang)).into_owned();
    match &source.url {
        Some(url) => pieces.push(Piece::Link {
            text: name,
            url: url.to_string(),
        }),
        None => push_text(pieces, &name),
    }
}

/// A source's name (linked where the source's own page is known) and its own date.
fn push_source(pieces: &mut Vec<Piece>, source: &Source, lang: Lang) {
    push_name(pieces, source, lang);
    let date = date_text(&source.date, lang);
    match lang {
        Lang::Zh => push_text(pieces, &format!("，{date}")),
        Lang::En => push_text(pieces, &format!(", {date}")),
    }
}

/// Who said something, on which occasion and when, each isolated:
/// `北京市常务副市长夏林茂，国务院新闻办公室新闻发布会，2026年2月12日` / `Xia Linmao, executive
/// vice-mayor of Beijing, State Council Information Office press conference, 12 Feb 2026`.
pub fn said_text(story: &Story, said: &Said, lang: Lang) -> String {
    let occasion = isolate(said.occasion.get(lang));
    let date = date_text(&said.date, lang);
    let speaker = story.get(&said.speaker);
    let (name, role) = (
        isolate(speaker.name.get(lang)),
        isolate(speaker.role.get(lang)),
    );
    match lang {
        Lang::Zh => format!("{role}{name}，{occasion}，{date}"),
        Lang::En => format!("{name}, {role}, {occasion}, {date}"),
    }
}

/// "Source: name, date", or, for words a person said, who said them where and when, then the
/// report they were read in: `来源：穆鹏…，2023年1月；中国新闻社报道，2023年1月15日` /
/// `Source: Mu Peng…, Jan 2023; reported by China News Service, 15 Jan 2023`.
pub fn attribution(
    story: &Story,
    label: &str,
    said: Option<&Said>,
    source: &Source,
    lang: Lang,
) -> Vec<Piece> {
    let Some(said) = said else {
        return sources_pieces(label, std::slice::from_ref(source), lang);
    };
    let reported_by = story.ui.reported_by.get(lang);
    let mut pieces = Vec::new();
    match lang {
        Lang::Zh => {
            push_text(
                &mut pieces,
                &format!("{label}：{}；", said_text(story, said, lang)),
            );
            push_name(&mut pieces, source, lang);
            let date = date_text(&source.date, lang);
            push_text(&mut pieces, &format!("{reported_by}，{date}"));
        }
        Lang::En => {
            let said = said_text(story, said, lang);
            push_text(&mut pieces, &format!("{label}: {said}; {reported_by} "));
            push_source(&mut pieces, source, lang);
        }
    }
    pieces
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

/// The sources of a worked-out value's inputs, each once, in the order they are first named.
pub fn derived_sources(story: &Story, difference: &Difference) -> Vec<Source> {
    let mut sources: Vec<Source> = Vec::new();
    for figure in [story.get(&difference.of), story.get(&difference.minus)] {
        if !sources.contains(&figure.source) {
            sources.push(figure.source.clone());
        }
    }
    sources
}

/// What a worked-out value comes from, with its inputs' sources:
/// `由约40万人减17.5万人推算（来源：中国新闻社，2023年1月15日）` /
/// `Worked out from about 400,000 people minus 175,000 people (Source: China News Service,
/// 15 Jan 2023)`.
pub fn derived_text(story: &Story, difference: &Difference, lang: Lang) -> String {
    let value = |f: &Figure| crate::numbers::figure_text(f.value, f.unit, f.qualifier, lang);
    let (of, minus) = (
        value(story.get(&difference.of)),
        value(story.get(&difference.minus)),
    );
    let sources = pieces_text(&sources_pieces(
        story.ui.source.get(lang),
        &derived_sources(story, difference),
        lang,
    ));
    match lang {
        Lang::Zh => format!("由{of}减{minus}推算（{sources}）"),
        Lang::En => format!("Worked out from {of} minus {minus} ({sources})"),
    }
}

/// "Source: A, date; B, date" for several sources, each with its own date, in the order given,
/// each name isolated (it may be in another script) and linked where its page is known.
pub fn sources_pieces(label: &str, sources: &[Source], lang: Lang) -> Vec<Piece> {
    let mut pieces = Vec::new();
    match lang {
        Lang::Zh => push_text(&mut pieces, &format!("{label}：")),
        Lang::En => push_text(&mut pieces, &format!("{label}: ")),
    }
    for (i, source) in sources.iter().enumerate() {
        if i > 0 {
            push_text(&mut pieces, if lang == Lang::Zh { "；" } else { "; " });
        }
        push_source(&mut pieces, source, lang);
    }
    pieces
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

/// The circle's name in the plan, where it has its own: `规划中的名称：产业协同圈` /
/// `Name in the plan: industrial coordination circle`.
pub fn plan_name_line(ui: &Ui, circle: &Circle, lang: Lang) -> Option<String> {
    let plan_name = circle.plan_name.as_ref()?;
    Some(match lang {
        Lang::Zh => format!("{}：{}", ui.plan_name.zh, plan_name.zh),
        Lang::En => format!("{}: {}", ui.plan_name.en, plan_name.en),
    })
}

/// A chart's title with its unit after it in brackets: full-width in Chinese, as its text is.
pub fn title_with_unit(title: &str, unit: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{title}（{unit}）"),
        Lang::En => format!("{title} ({unit})"),
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

/// The drawn disc's area beside the area stated for the circle, so no reader takes the disc
/// for the circle: `A drawn disc of 50 km covers about 7,850 km²; the area stated for the
/// circle is about 27,000 km².` The disc's area is π r², to three significant digits; the
/// stated area is the circle's own figure in square kilometres, where the story has one.
pub fn drawn_area_text(story: &Story, circle: &Circle, lang: Lang) -> String {
    let km = circle.radius_km;
    let disc = crate::numbers::figure_text(
        three_digits(std::f64::consts::PI * *km * *km),
        Unit::SquareKm,
        Qualifier::About,
        lang,
    );
    let stated = story
        .figures_in(Section::from(circle.id))
        .find(|f| f.unit == Unit::SquareKm)
        .map(|f| crate::numbers::figure_text(f.value, f.unit, f.qualifier, lang));
    match (lang, stated) {
        (Lang::Zh, Some(stated)) => {
            format!("所画半径{km}公里的圆面积{disc}；公布的该圈层面积{stated}。")
        }
        (Lang::Zh, None) => format!("所画半径{km}公里的圆面积{disc}；该圈层的面积未见公布。"),
        (Lang::En, Some(stated)) => format!(
            "A drawn disc of {km} km covers {disc}; the area stated for the circle is {stated}."
        ),
        (Lang::En, None) => format!(
            "A drawn disc of {km} km covers {disc}; no area has been stated for the circle."
        ),
    }
}

/// `value` rounded to three significant digits, as an exact decimal: 7853.98 → 7850.
fn three_digits(value: f64) -> Decimal {
    if !(value.is_finite() && value >= 1.0) {
        return Decimal::new(0, 0);
    }
    #[expect(
        clippy::cast_possible_truncation,
        reason = "the power of ten of a finite area above 1 fits in an i32"
    )]
    let exponent = value.log10().floor() as i32 - 2;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "three significant digits of a positive value: at most 1000"
    )]
    let mantissa = (value / 10f64.powi(exponent)).round() as u64;
    Decimal::new(mantissa, exponent)
}

/// Under an outer circle's members: every member of the circles inside it belongs to it too
/// (they are nested solid discs), though the list names only the places named for it. `None`
/// for the innermost circle.
pub fn nested_members_line(story: &Story, id: CircleId, lang: Lang) -> Option<String> {
    let inner: Vec<String> = CircleId::ALL
        .into_iter()
        .take_while(|c| *c != id)
        .map(|c| {
            let name = story.circle(c).name.get(lang);
            match lang {
                Lang::Zh => isolate(name).into_owned(),
                Lang::En => isolate(&first_ascii_lowercase(name)).into_owned(),
            }
        })
        .collect();
    if inner.is_empty() {
        return None;
    }
    Some(match lang {
        Lang::Zh => format!(
            "{}的所有成员也都属于本圈层；此处只列出为本圈层点名的地区。",
            inner.join("和")
        ),
        Lang::En => format!(
            "Every member of the {} belongs to this circle too; this list names only the places named for it.",
            inner.join(" and the ")
        ),
    })
}

/// `word` with a first ASCII letter made small ("Commuting circle" → "commuting circle"),
/// or (`first_ascii_uppercase`) made a capital ("inferred" → "Inferred"). ASCII only: Unicode
/// case mapping would bring its tables into the wasm.
pub fn first_ascii_lowercase(word: &str) -> String {
    with_first_ascii(word, str::make_ascii_lowercase)
}

/// `word` with a first ASCII letter made a capital, for a legend entry.
pub fn first_ascii_uppercase(word: &str) -> String {
    with_first_ascii(word, str::make_ascii_uppercase)
}

fn with_first_ascii(word: &str, case: fn(&mut str)) -> String {
    let mut word = word.to_owned();
    if let Some(first) = word.get_mut(0..1) {
        case(first);
    }
    word
}

/// How sure a membership is, with the setting-out it belongs to: `已证实（2026年规划）` /
/// `confirmed (2026 plan)`.
fn with_era(story: &Story, status: &str, membership: &Membership, lang: Lang) -> String {
    with_note(
        status,
        &isolate(story.get(&membership.era).name.get(lang)),
        lang,
    )
}

/// A circle's name and its radius, for a list or a disc's accessible name:
/// `通勤圈：规划半径约50公里`, `Commuting circle — Plan radius: about 50 km` (a dash in English:
/// the radius's own words carry a colon). `name` is the name as shown (bidi-isolated where it
/// goes into an attribute).
pub fn name_and_radius(ui: &Ui, circle: &Circle, name: &str, lang: Lang) -> String {
    let radius = radius_text(ui, circle, lang);
    match lang {
        Lang::Zh => format!("{name}：{radius}"),
        Lang::En => format!("{name} — {radius}"),
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

/// `name (parts only)` / `name (extent not stated)` where not the whole place is meant.
fn with_extent(ui: &Ui, name: &str, extent: Extent, lang: Lang) -> String {
    match extent {
        Extent::Part => with_note(name, ui.legend_part.get(lang), lang),
        Extent::NotStated => with_note(name, ui.extent_not_stated.get(lang), lang),
        Extent::Whole => name.to_owned(),
    }
}

/// How sure a membership is, naming the part it is about where other parts are surer:
/// `未证实` / `unconfirmed`, or `市区（广阳区、安次区）未证实；三河、大厂已证实` /
/// `urban districts (Guangyang, Anci) unconfirmed; Sanhe, Dachang confirmed`.
pub fn status_text(story: &Story, place: &Place, membership: &Membership, lang: Lang) -> String {
    let ui = &story.ui;
    let status = status_word(ui, membership.status, lang);
    let Some(part) = &membership.part else {
        return status.to_owned();
    };
    let part = isolate(part.get(lang));
    let confirmed: Vec<String> = story
        .parts_of(&place.id)
        .filter(|p| {
            p.membership(membership.circle)
                .is_some_and(|m| m.status == Status::Confirmed)
        })
        .map(|p| isolate(p.name.get(lang)).into_owned())
        .collect();
    let sure = status_word(ui, Status::Confirmed, lang);
    match (lang, confirmed.is_empty()) {
        (Lang::Zh, true) => format!("{part}{status}"),
        (Lang::En, true) => format!("{part} {status}"),
        (Lang::Zh, false) => format!("{part}{status}；{}{sure}", confirmed.join("、")),
        (Lang::En, false) => format!("{part} {status}; {} {sure}", confirmed.join(", ")),
    }
}

/// A member place as listed in one circle: its name (with "parts only" where only parts
/// belong), then how sure the membership is and its basis, each isolated:
/// (`三河`, `已证实：北三县之一…`).
pub fn member_text(
    story: &Story,
    place: &Place,
    membership: &Membership,
    lang: Lang,
) -> (String, String) {
    let name = with_extent(
        &story.ui,
        &isolate(place.name.get(lang)),
        membership.extent,
        lang,
    );
    let status = with_era(
        story,
        &status_text(story, place, membership, lang),
        membership,
        lang,
    );
    let basis = isolate(membership.basis.get(lang));
    let basis = match lang {
        Lang::Zh => format!("{status}：{basis}"),
        Lang::En => format!("{status}: {basis}"),
    };
    (name, basis)
}

/// A place's membership in the words of its mark's name: the circle with the extent and how
/// sure it is: `通勤圈（部分区县，未证实）` / `Commuting circle (parts only, unconfirmed)`.
pub fn mark_membership(story: &Story, circle: &str, membership: &Membership, lang: Lang) -> String {
    let ui = &story.ui;
    let status = status_word(ui, membership.status, lang);
    let extent = match membership.extent {
        Extent::Part => Some(ui.legend_part.get(lang)),
        Extent::NotStated => Some(ui.extent_not_stated.get(lang)),
        Extent::Whole => None,
    };
    let note = match (extent, lang) {
        (Some(extent), Lang::Zh) => format!("{extent}，{status}"),
        (Some(extent), Lang::En) => format!("{extent}, {status}"),
        (None, _) => status.to_owned(),
    };
    with_note(circle, &note, lang)
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
pub fn membership_line(
    story: &Story,
    place: &Place,
    circle: &str,
    membership: &Membership,
    lang: Lang,
) -> String {
    let circle = with_extent(&story.ui, &isolate(circle), membership.extent, lang);
    let status = with_era(
        story,
        &status_text(story, place, membership, lang),
        membership,
        lang,
    );
    let basis = isolate(membership.basis.get(lang));
    match lang {
        Lang::Zh => format!("{circle}：{status}。{basis}"),
        Lang::En => format!("{circle}: {status}. {basis}"),
    }
}

/// Under the page's header when the browser cannot run the app (no WebAssembly).
pub fn no_wasm_note(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "互动功能需要更新的浏览器；以下内容仍可完整阅读。",
        Lang::En => {
            "The interactive parts need a newer browser; everything below can still be read."
        }
    }
}

/// Shown once when the app stops on a panic: what is on the page still holds.
pub fn panic_note(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "出错了，互动功能已停止。页面上已显示的内容仍然有效；刷新页面可重试。",
        Lang::En => {
            "Something went wrong and the interactive parts stopped. What is shown still holds; reload the page to try again."
        }
    }
}

/// In the embed panel: where to go when the host takes no iframe (`share/`).
pub fn no_iframe_note(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => {
            "微信文章不支持 iframe：请把 share/wechat-zh.svg 的代码粘贴到编辑器；微博、头条用 share/ 中的长图；说明见 share/README-zh.txt。"
        }
        Lang::En => {
            "WeChat articles take no iframes: paste the code of share/wechat-en.svg into the editor; for Weibo and Toutiao use the long image in share/; see share/README-en.txt."
        }
    }
}

/// Under the WeChat SVG's diagram: a tap marks a circle; everything is shown below.
pub fn tap_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "点按上图中的圆圈可标出该圈层；各圈层的定义、数据和成员见下文。",
        Lang::En => {
            "Tap a circle above to mark it; each circle's definition, figures and members follow below."
        }
    }
}

/// Under a diagram drawn without room for every label: the places it leaves unnamed, so none
/// is dropped silently: `图中未标注名称的地点：唐山、石家庄` / `Not labelled on the diagram:
/// Tangshan, Shijiazhuang`.
pub fn unlabelled_line(names: &[String], lang: Lang) -> String {
    let names: Vec<String> = names.iter().map(|n| isolate(n).into_owned()).collect();
    match lang {
        Lang::Zh => format!("图中未标注名称的地点：{}", names.join("、")),
        Lang::En => format!("Not labelled on the diagram: {}", names.join(", ")),
    }
}

/// `share/README-zh.txt` / `-en.txt`: which file goes where, and the limits the build checked.
pub fn editors_note(headline: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "《{headline}》：发往不支持iframe的渠道的文件\n\n\
             微信公众号文章：打开 wechat-zh.svg，复制其中的全部代码，粘贴到编辑器的HTML或SVG代码模式中。全部内容无需点按即可阅读；点按图中的圆圈会标出该圈层\
             （圆圈描边，下文该圈层标题旁出现色条）；编辑器去掉id和class后仍可使用。\n\
             微博、头条：上传长图 long-zh.png（或同名的 .jpg）；故事较长时长图分为 long-zh-1.png、long-zh-2.png……请按顺序上传。\n\
             电子报和无法运行脚本的页面：使用 static-zh.png，图片说明（alt）用 static-zh.txt 中的文字。\n\
             英文版文件名以 -en 结尾。\n\n\
             构建时已检查：微信SVG只含形状、文字、分组和SMIL动画，没有脚本、<style>、style属性、foreignObject、外部引用、网页字体、滤镜或渐变；\
             在375像素宽的手机栏中文字不小于14像素。长图宽750像素，每张高不超过20000像素，每个文件小于5MB；正文在750像素宽时不小于28像素。\n"
        ),
        Lang::En => format!(
            "{headline}: files for channels that take no iframe\n\n\
             WeChat official-account article: open wechat-en.svg, copy all of its code, and paste it into the editor's HTML or SVG code mode. \
             Everything reads without a tap; tapping a circle marks it (a ring round the disc and a bar beside its section's heading below); \
             it keeps working after the editor strips ids and classes.\n\
             Weibo, Toutiao: upload the long image long-en.png (or the .jpg of the same name); a longer story is split into long-en-1.png, \
             long-en-2.png… to be uploaded in order.\n\
             Newsletters and pages that run no script: use static-en.png with the text of static-en.txt as its alt text.\n\
             The Chinese files end in -zh.\n\n\
             Checked by the build: the WeChat SVG holds only shapes, text, groups and SMIL animation: no script, <style>, style attribute, \
             foreignObject, external reference, web font, filter or gradient; no text under 14 px in a 375 px phone column. The long \
             images are 750 px wide, each at most 20,000 px tall, each file under 5 MB; body text at least 28 px at 750 px.\n"
        ),
    }
}

/// The columns of "all figures" as CSV, in the reader's language.
pub fn figures_csv_header(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::Zh => [
            "部分",
            "编号",
            "说明",
            "数值（原文）",
            "数值",
            "限定",
            "讲话人",
            "来源",
            "日期",
            "来源网址",
            "注意",
            "推算依据",
        ],
        Lang::En => [
            "section",
            "id",
            "label",
            "value_as_shown",
            "value",
            "qualifier",
            "said_by",
            "source",
            "date",
            "source_url",
            "caveat",
            "derived_from",
        ],
    }
}

/// The columns of one chart's data as CSV, in the reader's language.
pub fn chart_csv_header(lang: Lang) -> [&'static str; 9] {
    match lang {
        Lang::Zh => [
            "项目",
            "数值（原文）",
            "数值",
            "限定",
            "来源",
            "日期",
            "来源网址",
            "推算依据",
            "图表注释",
        ],
        Lang::En => [
            "item",
            "value_as_shown",
            "value",
            "qualifier",
            "source",
            "date",
            "source_url",
            "derived_from",
            "chart_note",
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use story::{IsoDate, Ref, Text, Verbatim};

    fn iso(date: &str) -> IsoDate {
        IsoDate::parse(date).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn source(name: &str, date: &str) -> Source {
        Source {
            name: Text {
                zh: name.to_owned().into(),
                en: name.to_owned().into(),
            },
            date: iso(date),
            url: None,
        }
    }

    /// One source's line as plain text.
    fn source_line(label: &str, source: &Source, lang: Lang) -> String {
        pieces_text(&sources_pieces(label, std::slice::from_ref(source), lang))
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
            as_of: as_of.map(iso),
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
        let story = story::testing::fixture();
        let quote = Quote {
            words: Verbatim(Text {
                zh: "嵌套的实心圆".into(),
                en: "nested solid discs".into(),
            }),
            original: Lang::Zh,
            era: story::Ref::to(story, 0).unwrap_or_else(|| panic!("no era")),
            said: Said {
                speaker: story::Ref::to(story, 0).unwrap_or_else(|| panic!("no speaker")),
                occasion: Text::default(),
                date: iso("2026-02-12"),
            },
            source: source("x", "2026-02-12"),
            evidence: story::BuildOnly::absent(),
        };
        assert_eq!(quote_text(&quote, Lang::Zh, "我们的翻译"), "“嵌套的实心圆”");
        assert_eq!(
            quote_text(&quote, Lang::En, "our translation"),
            "nested solid discs (our translation)"
        );
    }

    #[test]
    fn words_someone_said_name_the_speaker_the_occasion_then_the_report() {
        let story = story::testing::fixture();
        let figure = &story.figures[0];
        let said = figure.said.as_ref();
        let en = pieces_text(&attribution(
            story,
            "Source",
            said,
            &figure.source,
            Lang::En,
        ));
        assert_eq!(
            en,
            "Source: Test Speaker, head of the test office, a test interview programme, 1 Jan 2020; reported by Test Source, 2 Jan 2020"
        );
        let zh = pieces_text(&attribution(story, "来源", said, &figure.source, Lang::Zh));
        assert_eq!(
            zh,
            "来源：测试机构负责人测试讲话人，测试访谈节目，2020年1月1日；测试来源报道，2020年1月2日"
        );
        // Without a speaker, the source alone: its own name and date.
        let plain = &story.figures[1];
        assert_eq!(
            pieces_text(&attribution(story, "Source", None, &plain.source, Lang::En)),
            "Source: Test Source, 2 Jan 2020"
        );
    }

    #[test]
    fn a_source_with_its_own_page_is_a_link_and_reads_the_same() {
        let story = story::testing::fixture();
        let figure = story
            .figures
            .iter()
            .find(|f| f.source.url.is_some())
            .unwrap_or(&story.figures[0]);
        let pieces = attribution(story, "Source", None, &figure.source, Lang::En);
        assert!(
            pieces
                .iter()
                .any(|p| matches!(p, Piece::Link { url, .. } if url.starts_with("https://"))),
            "{pieces:?}"
        );
        assert_eq!(
            pieces_text(&pieces),
            source_line("Source", &figure.source, Lang::En)
        );
    }

    #[test]
    fn an_unsure_part_is_named_beside_the_confirmed_parts() {
        let mut story = story::testing::fixture().clone();
        // Near East (unconfirmed in the commuting circle) gets East Town (confirmed) as a part.
        let places = story.places.to_mut();
        let near = places.iter().position(|p| p.id == "near-east").unwrap_or(0);
        let east = places.iter().position(|p| p.id == "east-town").unwrap_or(0);
        places[east].part_of = Some(Ref::baked("near-east", near));
        places[near].memberships.to_mut()[0].part = Some(Text {
            zh: "市区".into(),
            en: "urban area".into(),
        });
        let (place, membership) = (&story.places[near], &story.places[near].memberships[0]);
        assert_eq!(
            status_text(&story, place, membership, Lang::En),
            "urban area unconfirmed; East Town confirmed"
        );
        assert_eq!(
            status_text(&story, place, membership, Lang::Zh),
            "市区未证实；东镇已证实"
        );
    }

    #[test]
    fn a_marks_membership_says_its_extent_and_how_sure_it_is() {
        let story = story::testing::fixture();
        let mut membership = story.places[0].memberships[0].clone();
        membership.extent = Extent::Part;
        assert_eq!(
            mark_membership(story, "Commuting", &membership, Lang::En),
            "Commuting (partly in, confirmed)"
        );
        membership.extent = Extent::NotStated;
        assert_eq!(
            mark_membership(story, "通勤圈", &membership, Lang::Zh),
            "通勤圈（范围未说明，已证实）"
        );
        membership.extent = Extent::Whole;
        assert_eq!(
            mark_membership(story, "Commuting", &membership, Lang::En),
            "Commuting (confirmed)"
        );
    }

    #[test]
    fn a_unit_in_brackets_takes_each_language_s_brackets() {
        assert_eq!(
            title_with_unit("通勤人数", "万人", Lang::Zh),
            "通勤人数（万人）"
        );
        assert_eq!(
            title_with_unit("Commuters", "10,000 people", Lang::En),
            "Commuters (10,000 people)"
        );
    }
}
