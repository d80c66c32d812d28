//! The shipped story's facts (static/stories/capital-metro.json), checked in this one file: the
//! code's own tests run on the fixture story, so replacing the default story means editing this
//! file alone. Figures are checked against ../shared/brief/facts.md.
#![cfg(not(target_arch = "wasm32"))]

use graphic::charts::{BarChartSpec, bar_chart_svg};
use graphic::diagram::{MarkKind, WIDTH_CLASSES, layout, layout_faults};
use graphic::words::figure_label;
use publish::downloads::figures_csv;
use std::path::Path;
use std::sync::OnceLock;
use story::{Chart, CircleId, Extent, Figure, Lang, Qualifier, Status, Story};

fn shipped() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("static/stories/capital-metro.json");
        story::read::read_file(&path)
            .unwrap_or_else(|errors| panic!("the shipped story is invalid: {errors:#?}"))
    })
}

fn place_index(id: &str) -> usize {
    shipped()
        .places
        .iter()
        .position(|p| p.id == id)
        .unwrap_or_else(|| panic!("no place {id}"))
}

fn figure(id: &str) -> &'static Figure {
    shipped()
        .figures
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no figure {id}"))
}

fn chart(id: &str) -> &'static Chart {
    shipped()
        .charts
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no chart {id}"))
}

#[test]
fn the_baked_story_is_the_shipped_file_when_no_story_is_named() {
    // build.rs bakes STORY; without it, the shipped file. Baking must lose nothing.
    if std::env::var_os("STORY").is_none_or(|s| s.to_string_lossy().ends_with("capital-metro.json"))
    {
        assert!(capital_circles::story() == shipped());
    }
}

#[test]
fn radii_are_the_plans_50_100_and_150_km() {
    let radii: Vec<f64> = shipped()
        .circles
        .iter()
        .map(|c| c.radius_km.get())
        .collect();
    assert_eq!(radii, [50.0, 100.0, 150.0]);
}

#[test]
fn commuting_figures_keep_the_sources_digits_and_qualifiers() {
    let employed = figure("commuting-employed");
    assert_eq!(employed.qualifier, Qualifier::About);
    assert_eq!(employed.source.date, "2023-01-15");
    let beisan = figure("commuting-beisan");
    assert_eq!(beisan.qualifier, Qualifier::Exact);
    let csv = figures_csv(shipped(), &graphic::outline::outline(shipped(), Lang::Zh))
        .unwrap_or_else(|e| panic!("{e}"));
    let row = csv
        .lines()
        .find(|l| l.contains(",commuting-beisan,"))
        .unwrap_or_default();
    assert!(row.contains(",17.5万人,175000,exact,"), "{row}");
    assert!(!csv.contains("18万"), "17.5万 is never rounded");
}

#[test]
fn membership_is_shown_by_the_mark_not_the_line() {
    let s = shipped();
    let l = layout(s, Lang::Zh, WIDTH_CLASSES[0]);
    let kind = |id: &str| {
        let i = place_index(id);
        l.marks.iter().find(|m| m.place == i).map(|m| m.kind)
    };
    // Sanhe lies 58 km out, beyond the 50 km line, yet is a commuting-circle member.
    let sanhe = l.marks.iter().find(|m| m.place == place_index("sanhe"));
    assert!(sanhe.is_some_and(|m| m.distance_km > 50.0));
    assert_eq!(kind("sanhe"), Some(MarkKind::Member(CircleId::Commuting)));
    assert_eq!(kind("tongzhou"), Some(MarkKind::Beijing));
    assert_eq!(
        kind("tianjin"),
        Some(MarkKind::Member(CircleId::Functional))
    );
    assert_eq!(kind("shijiazhuang"), Some(MarkKind::NotAMember));
}

/// `(circle, status, extent)` of every circle a shipped place is listed in.
fn memberships(id: &str) -> Vec<(CircleId, Status, Extent)> {
    shipped().places[place_index(id)]
        .memberships
        .iter()
        .map(|m| (m.circle, m.status, m.extent))
        .collect()
}

#[test]
fn membership_words_follow_the_fact_check() {
    use CircleId::*;
    use Extent::*;
    use Status::*;
    // corrections.md 3: Zhuozhou is unconfirmed, never "not a member".
    assert_eq!(memberships("zhuozhou")[0], (Commuting, Unconfirmed, Whole));
    // 4: 2015 node cities the 2026 plan does not name are inferred; Shijiazhuang is shown
    // for its own metropolitan area, not for a distance.
    assert_eq!(memberships("chengde"), [(Industrial, Inferred, NotStated)]);
    assert_eq!(memberships("cangzhou"), [(Industrial, Inferred, NotStated)]);
    let shijiazhuang = &shipped().places[place_index("shijiazhuang")];
    assert!(shijiazhuang.memberships.is_empty());
    let why = shijiazhuang
        .orientation
        .as_ref()
        .map(|t| t.en.to_string())
        .unwrap_or_default();
    assert!(
        why.contains("its own metropolitan area") && !why.contains("150"),
        "{why}"
    );
    // 5: Gu'an and Wuqing are confirmed. Langfang, Baoding and Zhangjiakou: parts in the
    // functional circle (Xia Linmao, via chinanews).
    assert_eq!(memberships("guan"), [(Commuting, Confirmed, Whole)]);
    assert_eq!(memberships("wuqing"), [(Commuting, Confirmed, Whole)]);
    for city in ["langfang", "baoding", "zhangjiakou"] {
        let m = memberships(city);
        assert!(m.contains(&(Functional, Confirmed, Part)), "{city}: {m:?}");
    }
    // Third fact-check, stopper 1: no source read names Langfang, Baoding, Tangshan,
    // Zhangjiakou or Zhuozhou for the industrial circle (the one sentence that did was on an
    // automated summary page): inferred from the circle reaching the whole city cluster.
    for city in ["langfang", "baoding", "tangshan", "zhangjiakou", "zhuozhou"] {
        let m = memberships(city);
        assert_eq!(m.last(), Some(&(Industrial, Inferred, NotStated)), "{city}");
    }
    // Stopper 2: Langfang's urban districts are what is unconfirmed, named, while its counties
    // are confirmed members.
    let langfang = &shipped().places[place_index("langfang")];
    let commuting = langfang.membership(Commuting);
    assert_eq!(
        commuting
            .and_then(|m| m.part.as_ref())
            .map(|p| p.en.as_ref()),
        Some("urban districts (Guangyang, Anci)")
    );
    let status = commuting
        .map(|m| graphic::words::status_text(shipped(), langfang, m, Lang::En))
        .unwrap_or_default();
    assert_eq!(
        status,
        "urban districts (Guangyang, Anci) unconfirmed; Sanhe, Dachang, Xianghe, Gu'an confirmed"
    );
    // Shijiazhuang is not named in any circle, which is not the same as being in none.
    assert!(
        shipped()
            .ui
            .legend_not_member
            .en
            .starts_with("Not named in any circle")
    );
    // Beijing is the core of every circle, the functional one included.
    assert_eq!(
        shipped().ui.beijing_core.en,
        "Beijing Municipality: the core"
    );
    // 6: the note names every status that is listed.
    let note = &shipped().ui.members_partial.en;
    for word in ["confirmed", "inferred", "unconfirmed"] {
        assert!(note.contains(word), "{note}");
    }
}

#[test]
fn xiongan_lies_about_104_km_south_southwest() {
    // facts.md, section 4: the card's and the mark's words for Xiong'an.
    let story = shipped();
    let xiongan = &story.places[place_index("xiongan")];
    let (km, point) = graphic::geo::distance_and_direction(
        (*story.centre.lat, *story.centre.lon),
        *xiongan.lat,
        *xiongan.lon,
    );
    let text = |lang| graphic::words::distance_text(story.centre.name.get(lang), km, point, lang);
    assert_eq!(text(Lang::En), "about 104 km south-southwest of Tiananmen");
    assert_eq!(text(Lang::Zh), "天安门西南偏南约104公里");
}

#[test]
fn far_places_sit_at_the_edge_with_their_distance() {
    let s = shipped();
    let l = layout(s, Lang::En, WIDTH_CLASSES[1]);
    for mark in &l.marks {
        let id = s.places[mark.place].id.as_ref();
        let is_far = matches!(id, "cangzhou" | "shijiazhuang" | "chengde");
        assert_eq!(mark.edge_direction.is_some(), is_far, "{id}");
    }
    let i = place_index("shijiazhuang");
    let mark = l.marks.iter().find(|m| m.place == i);
    let label = l.labels.iter().find(|x| x.place == Some(i));
    let (Some(mark), Some(label)) = (mark, label) else {
        panic!("Shijiazhuang has no mark or no label");
    };
    // facts.md gives 263 km, rounded; the label shows the computed distance.
    assert!(
        (mark.distance_km - 263.0).abs() <= 1.0,
        "{}",
        mark.distance_km
    );
    assert_eq!(
        label.text,
        format!("Shijiazhuang {} km", mark.distance_km.round())
    );
}

#[test]
fn labels_never_overlap_and_important_labels_stay() {
    assert_eq!(layout_faults(shipped()), Vec::<String>::new());
}

#[test]
fn charts_show_the_sources_digits() {
    let chart = |id: &str, lang: Lang| {
        let chart = chart(id);
        bar_chart_svg(&BarChartSpec::from_chart(chart, lang))
    };
    let zh = chart("commuters", Lang::Zh);
    assert!(
        zh.contains(">\n17.5万\n<") && zh.contains(">\n约22.5万\n<"),
        "{zh}"
    );
    assert!(zh.contains("北三县"));
    let en = chart("commuters", Lang::En);
    assert!(
        en.contains(">\n175,000\n<") && en.contains(">\nabout 225,000\n<"),
        "{en}"
    );
    // The three GDP bars come from one release, rounded by the statistics bureau.
    let gdp = chart("gdp-2022", Lang::Zh);
    for v in ["约4.2万亿", "约1.6万亿"] {
        assert!(gdp.contains(v), "{v} missing");
    }
    let gdp_en = chart("gdp-2022", Lang::En);
    for v in ["about 4.2 trillion", "about 1.6 trillion"] {
        assert!(gdp_en.contains(v), "{v} missing");
    }
}

/// The plan's definitions, verbatim from facts.md §1 (Xia Linmao, 12 Feb 2026).
const PLAN_WORDS_ZH: [(&str, &str); 3] = [
    (
        "commuting",
        "综合考虑现状跨界通勤率以及综合交通1小时可达，覆盖常住人口高频流动的生活和工作联系区域，这个区域大致是以半径50公里为基础来划定的，包括北京市全域和环京12个区县，面积大约2.7万平方公里",
    ),
    (
        "functional",
        "强调的是疏解提升，是首都都市圈发展的核心区域和规划实体范围，半径大致是100公里范围为基础提出的，包括北京市、天津市、河北雄安新区以及廊坊市、保定市、张家口市的部分区县，面积大约是4.2万平方公里",
    ),
    (
        "industrial",
        "是首都都市圈发展辐射的开放区域，强化分工和协作，以半径150公里为基础来划定，辐射整个京津冀城市群",
    ),
];

#[test]
fn definitions_are_the_reports_and_xia_linmaos_told_not_quoted() {
    // Third fact-check: in the 2023 report the definitions are its narration, not Mu Peng's
    // speech; Xia Linmao's answer of 12 Feb 2026 is indirect speech in every report read
    // (夏林茂介绍), so it is told in our words, in no quotation marks.
    for circle in shipped().circles.iter() {
        let d = &circle.definition;
        assert!(d.said.is_none(), "{:?}", circle.id);
        assert_eq!(d.source.date, "2023-01-15");
        assert_eq!(*d.era.id(), "report-2023");
        assert!(d.quote.is_none(), "{:?}", circle.id);
        let Some(plan) = &d.plan else {
            panic!("{:?} tells what Xia Linmao said", circle.id);
        };
        assert_eq!(*plan.said.speaker.id(), "xia-linmao");
        assert_eq!(plan.said.date, "2026-02-12");
        assert_eq!(*plan.era.id(), "plan-2026");
        assert_eq!(plan.source.date, "2026-02-12");
        let expected = PLAN_WORDS_ZH
            .iter()
            .find(|(id, _)| *id == circle.id.slug())
            .map(|(_, words)| *words)
            .unwrap_or_default();
        // The same facts, in no quotation marks.
        let told = plan.text.zh.replace(['“', '”', '"'], "");
        assert_eq!(told, plan.text.zh.as_ref());
        for part in expected.split('，').filter(|p| p.contains("公里")) {
            let Some(start) = part.find(|c: char| c.is_ascii_digit()) else {
                continue;
            };
            let (number, _) = part[start..].split_at(
                part[start..]
                    .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                    .unwrap_or(part.len() - start),
            );
            assert!(told.contains(number), "{:?}: {number}", circle.id);
        }
    }
    let xia = shipped()
        .speaker("xia-linmao")
        .map(|s| s.role.en.to_string());
    assert_eq!(xia.as_deref(), Some("executive vice-mayor of Beijing"));
    // The plan's own name for the third circle is shown where its definition is.
    let industrial = shipped().circle(CircleId::Industrial);
    assert_eq!(
        industrial.plan_name.as_ref().map(|n| n.zh.as_ref()),
        Some("产业协同圈")
    );
    // corrections.md 2: 同城化 is working as one city, not urbanisation; 强链补链 fills gaps.
    let said = |id: CircleId| shipped().circle(id).definition.summary.en.to_string();
    assert!(said(CircleId::Commuting).contains("function as one city with it"));
    assert!(!said(CircleId::Commuting).contains("urbanis"));
    // Mu Peng called the commuting circle an important hinterland (the article's rationale).
    assert!(said(CircleId::Commuting).contains("important hinterland"));
    assert!(said(CircleId::Industrial).contains("fill their gaps"));
    assert!(!said(CircleId::Industrial).contains("extend"));
}

#[test]
fn the_reporters_narration_is_the_reports_not_mu_pengs() {
    // The >40% share, the >1.5 trillion and the >210 billion stand in the reporter's sentences.
    for id in ["gdp-share", "investment", "tech-contracts"] {
        let f = figure(id);
        assert!(f.said.is_none(), "{id} is attributed to a speaker");
        assert_eq!(f.source.name.en, "China News Service", "{id}");
        assert_eq!(f.source.name.zh, "中国新闻社", "{id}");
    }
    // Mu Peng's own words: the commuting circle's 400,000 and 175,000.
    for id in ["commuting-employed", "commuting-beisan"] {
        let said = figure(id).said.as_ref().map(|s| s.speaker.id().as_str());
        assert_eq!(said, Some("mu-peng"), "{id}");
    }
    // One pair of names per source: no zh 中国新闻网 beside an en China News Service.
    let mut pairs = std::collections::BTreeMap::new();
    for f in shipped().figures.iter() {
        pairs
            .entry(f.source.name.en.to_string())
            .or_insert_with(std::collections::BTreeSet::new)
            .insert(f.source.name.zh.to_string());
    }
    for (en, zh) in &pairs {
        assert_eq!(zh.len(), 1, "{en} is named {zh:?} in Chinese");
    }
}

#[test]
fn cumulative_figures_name_their_window_and_sources_their_own_date() {
    // corrections.md 7, as the third fact-check left it: the window of the article's 210
    // billion was taken from a CRNTT report no stored copy holds, so only its date stands; every
    // cumulative figure names its window, written from the figure's own window field.
    let article = figure("tech-contracts");
    assert_eq!(
        figure_label(article, Lang::En),
        "cumulative technology-contract turnover, Beijing to Tianjin and Hebei (as of Jan 2023)"
    );
    assert_eq!(
        figure_label(article, Lang::Zh),
        "北京流向津冀技术合同成交额累计（截至2023年1月）"
    );
    assert_eq!(article.source.date, "2023-01-15");
    // Third fact-check: the cumulative totals in time order, 2014–2020 worked out from the two
    // published figures it comes from.
    let industrial: Vec<&str> = shipped()
        .figures_in(story::Section::Industrial)
        .map(|f| f.id.as_ref())
        .collect();
    assert_eq!(
        industrial,
        [
            "tech-contracts-2014-2020",
            "tech-contracts-2014-2021",
            "tech-contracts-2021",
            "tech-contracts",
            "tech-contracts-2021-2025"
        ]
    );
    let derived = figure("tech-contracts-2014-2020");
    assert_eq!(
        derived
            .difference
            .as_ref()
            .map(|d| (d.of.id().as_str(), d.minus.id().as_str())),
        Some(("tech-contracts-2014-2021", "tech-contracts-2021"))
    );
    assert_eq!(
        figure_label(figure("tech-contracts-2021-2025"), Lang::En),
        "cumulative technology-contract turnover, Beijing to Tianjin and Hebei (2021–2025)"
    );
    assert!(figure_label(figure("investment"), Lang::En).ends_with("(since 2015, as of Jan 2023)"));
    for f in shipped().figures.iter() {
        if f.label.en.contains("cumulative") {
            assert!(f.window.is_some(), "{} has no window", f.id);
        }
    }
    // The 2021–2024 total was read only on an automated summary page: it is not shown.
    assert!(
        shipped()
            .figures
            .iter()
            .all(|f| f.id != "tech-contracts-2021-2024")
    );
}

#[test]
fn charts_cite_one_dated_source_and_keep_arithmetic_in_notes() {
    // corrections.md 10: the 2013/2023 pair from one source, the one read (People's Daily).
    let years = chart("tech-contracts-years");
    assert_eq!(years.sources.len(), 1);
    assert_eq!(years.sources[0].name.en, "People's Daily");
    assert_eq!(years.sources[0].date, "2024-04-15");
    // corrections.md 12 and 13: arithmetic in the note, not the source; a title that reads.
    let commuters = chart("commuters");
    assert!(
        !commuters.sources[0]
            .name
            .en
            .chars()
            .any(|c| c.is_ascii_digit())
    );
    let note = commuters
        .note
        .as_ref()
        .map(|n| n.en.to_string())
        .unwrap_or_default();
    assert!(
        note.starts_with("About 225,000 = about 400,000 − 175,000."),
        "{note}"
    );
    assert_eq!(
        commuters.title.en.matches("live").count(),
        1,
        "{}",
        commuters.title.en
    );
    assert_eq!(
        commuters.title.zh.matches("住在").count(),
        0,
        "{}",
        commuters.title.zh
    );
}

#[test]
fn figures_with_no_readable_source_are_not_shown() {
    // Tianjin's and Hebei's bulletin figures and Tianjin's population could not be read in any
    // source: the GDP chart shows the statistics bureau's one release, and there is no
    // population chart.
    assert!(shipped().charts.iter().all(|c| c.id != "population-2022"));
    let gdp = chart("gdp-2022");
    assert_eq!(gdp.sources.len(), 1);
    assert_eq!(gdp.sources[0].date, "2023-02-20");
}

#[test]
fn interface_words_say_what_the_fact_check_asked() {
    let ui = &shipped().ui;
    assert_eq!(ui.legend_part.en, "parts only"); // 14
    assert_eq!(ui.legend_part.zh, "部分区县");
    // 15, the second fact-check, and the third's dates: approved 22 Jan, approval made public
    // 2 Feb, text published 3 Feb 2026.
    assert!(ui.credit.en.contains(
        "(2023–2035), approved by the CPC Central Committee and the State Council on 22 Jan 2026, approval made public 2 Feb 2026, text published 3 Feb 2026"
    ));
    assert!(ui.credit.zh.contains(
        "（2023—2035年）》，2026年1月22日经中共中央、国务院批复，批复2026年2月2日公布，规划全文2026年2月3日公布"
    ));
    assert!(ui.diagram_label.en.contains("arrows at the edge")); // 16
    assert!(ui.diagram_label.zh.contains("边缘箭头"));
    assert_eq!(ui.radius.en, "Plan radius: about"); // 17
    assert!(ui.overview_intro.en.contains("said in January 2023")); // 18
    assert!(ui.overview_intro.zh.contains("2023年1月说"));
    // The nested discs are Xia Linmao's words, not the plan's; the rationale is there.
    assert!(!ui.overview_intro.en.contains("plan describes"));
    assert!(
        ui.overview_intro
            .en
            .contains("nested solid discs, Xia Linmao")
    );
    assert!(ui.overview_intro.zh.contains("疏解非首都功能"));
    assert!(
        ui.overview_intro
            .en
            .contains("Tokyo, New York, London and others")
    );
    assert_eq!(
        ui.kicker.en,
        "Beijing–Tianjin–Hebei coordinated development"
    ); // 19
    for city in ["Tokyo", "New York", "London"] {
        assert!(ui.overview_intro.en.contains(city), "{city}"); // 21
    }
    for city in ["东京", "纽约", "伦敦"] {
        assert!(ui.overview_intro.zh.contains(city), "{city}");
    }
}

#[test]
fn the_tongzhou_beisan_zone_is_told_with_its_figures() {
    // corrections.md 20: the article's main action for 2023.
    let zone = shipped()
        .zones
        .iter()
        .find(|z| z.id == "tongzhou-beisan")
        .unwrap_or_else(|| panic!("no Tongzhou–Beisan zone"));
    assert_eq!(zone.circle, CircleId::Commuting);
    let places: Vec<&str> = zone.places.iter().map(|p| p.id().as_str()).collect();
    assert_eq!(places, ["tongzhou", "sanhe", "dachang", "xianghe"]);
    for task in [
        "基础设施互联互通",
        "生态环境联防联治",
        "产业协同发展",
        "公共服务共建共享",
    ] {
        assert!(zone.summary.zh.contains(task), "{task}");
    }
    assert!(zone.summary.en.contains("important support"));
    assert!(zone.summary.en.contains("in 2023") && !zone.summary.en.contains("This year"));
    // facts.md §3, People's Daily Online, 1 Feb 2023.
    let zh = |id: &str| {
        let f = figure(id);
        assert_eq!(f.source.date, "2023-02-01", "{id}");
        assert_eq!(f.source.name.en, "People's Daily Online", "{id}");
        graphic::numbers::figure_text(f.value, f.unit, f.qualifier, Lang::Zh)
    };
    assert_eq!(zh("zone-projects"), "超过160");
    assert_eq!(zh("zone-investment"), "超过1000亿元");
    assert_eq!(zh("zone-roads"), "10");
    assert_eq!(zh("zone-bridges"), "5");
    assert_eq!(zh("zone-bus-lines"), "超过20");
    // The projects were signed at the yearly fairs, not in the zone; the lines include the
    // commuter express buses.
    assert!(figure("zone-projects").label.en.contains("project fairs"));
    assert!(
        figure("zone-bus-lines")
            .label
            .en
            .contains("commuter express buses")
    );
    let csv = figures_csv(shipped(), &graphic::outline::outline(shipped(), Lang::En))
        .unwrap_or_else(|e| panic!("{e}"));
    let row = csv
        .lines()
        .find(|l| l.contains(",zone-bridges,"))
        .unwrap_or_default();
    assert!(
        row.contains("Tongzhou–Beisan integrated high-quality development demonstration zone: 5 bridges over the Chaobai River built (as of Jan 2023),5,5,exact,,People's Daily Online,2023-02-01,"),
        "{row}"
    );
}

/// Every line the build sets itself for the shipped story (the WeChat article, the long image
/// and the newsletter image, in both languages) keeps to clreq: no line starts with closing
/// punctuation or ends with an opening one, and no number leaves its unit.
#[test]
fn the_shipped_story_is_set_as_chinese_typesetting_requires() {
    use typeset::column::{Channel, article, column_diagram};
    let story = shipped();
    let mut faults = Vec::new();
    let mut lines = 0;
    for lang in Lang::ALL {
        let outline = graphic::outline::outline(story, lang);
        let diagram = column_diagram(story, lang);
        for channel in [Channel::WeChat, Channel::LongImage, Channel::Newsletter] {
            let set = article(story, &outline, &diagram, channel, None);
            for paragraph in &set.paragraphs {
                lines += paragraph.len();
                faults.extend(
                    typeset::text::line_faults(paragraph)
                        .into_iter()
                        .map(|f| format!("{lang} {channel:?}: {f}")),
                );
            }
        }
    }
    assert!(lines > 500, "only {lines} lines set");
    // The preview and the chart files, whose SVG alone says where their lines are: each line
    // on its own.
    for lang in Lang::ALL {
        let outline = graphic::outline::outline(story, lang);
        let preview = typeset::preview::preview_diagram(story, &outline);
        let mut svgs = vec![typeset::preview::preview_svg(story, &outline, &preview)];
        svgs.extend(story.charts.iter().map(|chart| {
            typeset::chart::chart_document(&graphic::outline::chart_block(story, chart, lang))
        }));
        for svg in svgs {
            for line in typeset::text::set_lines(&svg) {
                faults.extend(typeset::text::line_faults(std::slice::from_ref(&line)));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

/// The evidence of a membership of place `id` in `circle`.
fn membership_evidence(id: &str, circle: CircleId) -> &'static story::Evidence {
    shipped().places[place_index(id)]
        .membership(circle)
        .and_then(|m| m.evidence.get())
        .unwrap_or_else(|| panic!("{id} has no evidence for {circle:?}"))
}

#[test]
fn every_confirmed_membership_rests_on_a_named_outlet_or_the_issuer() {
    // Third fact-check, stopper 1: "confirmed" rested on an automated summary page. Each
    // confirmed membership now names a kind of text that can carry it, and none rests on the
    // summary page's sentence.
    use story::evidence::Kind;
    for place in shipped().places.iter() {
        for m in place.memberships.iter() {
            let Some(evidence) = m.evidence.get() else {
                panic!("{} has no evidence", place.id);
            };
            assert!(
                !evidence.text.contains("唐山、保定、张家口、廊坊等节点城市"),
                "{}: the summary page's sentence",
                place.id
            );
            if m.status == Status::Confirmed {
                let ok = match evidence.kind {
                    Some(Kind::Issuer | Kind::Report) => true,
                    Some(Kind::Reprint) => evidence.complete && evidence.original.is_some(),
                    _ => false,
                };
                assert!(ok, "{} in {:?}: {:?}", place.id, m.circle, evidence.kind);
            }
        }
    }
}

#[test]
fn the_three_northern_counties_are_confirmed_by_the_2022_work_plan_not_a_translation() {
    // Mu Peng's 2023 words are read only in a machine translation: they back the figures, but
    // the counties' membership rests on Beijing Daily's report of the 2022 work plan.
    for id in ["sanhe", "dachang", "xianghe", "guan"] {
        let evidence = membership_evidence(id, CircleId::Commuting);
        assert_eq!(evidence.kind, Some(story::evidence::Kind::Reprint), "{id}");
        assert!(evidence.text.contains("北三县、固安、武清"), "{id}");
        let m = shipped().places[place_index(id)].membership(CircleId::Commuting);
        assert_eq!(
            m.map(|m| m.era.id().as_str()),
            Some("work-plan-2022"),
            "{id}"
        );
    }
}

#[test]
fn wuqing_is_confirmed_by_ta_kung_wen_wei_pos_own_report() {
    // Third fact-check, stopper 3: the sentence is on Ta Kung Wen Wei Po's own page (read
    // again at tkww.hk), as the reporter's account of what Xie Yuan said: indirect speech.
    let m = shipped().places[place_index("wuqing")].membership(CircleId::Commuting);
    let source = m.map(|m| &m.source);
    assert_eq!(
        source.map(|s| s.name.en.as_ref()),
        Some("Ta Kung Wen Wei Po")
    );
    assert!(
        source
            .and_then(|s| s.url.as_ref())
            .is_some_and(|u| u.to_string().starts_with("https://www.tkww.hk/"))
    );
    let evidence = membership_evidence("wuqing", CircleId::Commuting);
    assert_eq!(evidence.kind, Some(story::evidence::Kind::Report));
    assert_eq!(evidence.speech, Some(story::evidence::Speech::Indirect));
    assert!(evidence.text.contains("天津市武清區納入了通勤圈"));
}

#[test]
fn the_40_percent_is_shown_as_the_reports_and_said_not_to_square() {
    // Third fact-check, stopper 2: the share rests on a machine translation; the caveat says so
    // and that it does not square with the 2026 extents, in no words of ours that explain it
    // away.
    let share = figure("gdp-share");
    let evidence = share.evidence.get();
    assert_eq!(
        evidence.and_then(|e| e.kind),
        Some(story::evidence::Kind::Translation)
    );
    assert_eq!(
        evidence
            .and_then(|e| e.original.as_ref())
            .map(|o| o.date.to_string()),
        Some("2023-01-15".to_owned())
    );
    let caveat = share
        .caveat
        .as_ref()
        .map(|c| (c.en.to_string(), c.zh.to_string()));
    let Some((en, zh)) = caveat else {
        panic!("the share has a caveat");
    };
    assert!(
        en.contains("machine translation") && en.contains("does not square"),
        "{en}"
    );
    assert!(zh.contains("机器译文") && zh.contains("不符"), "{zh}");
    assert!(!en.contains("understated") && !zh.contains("偏低"));
}

#[test]
fn time_is_in_the_model_and_the_circles_changes_are_told() {
    // Each setting-out of the circles, oldest first; every membership names one.
    let eras: Vec<&str> = shipped().eras.iter().map(|e| e.id.as_ref()).collect();
    assert_eq!(eras, ["work-plan-2022", "report-2023", "plan-2026"]);
    for lang in Lang::ALL {
        let outline = graphic::outline::outline(shipped(), lang);
        let overview = outline.section(graphic::outline::SectionKind::Overview);
        let history = overview
            .into_iter()
            .flat_map(|s| &s.blocks)
            .find_map(|b| match b {
                graphic::outline::Block::History(h) => Some(h),
                _ => None,
            });
        let Some(history) = history else {
            panic!("{lang}: the overview tells how the circles changed");
        };
        assert_eq!(history.steps.len(), 3, "{lang}");
        // The radius note gives the drawn disc's area beside the stated one.
        let commuting = outline.section(graphic::outline::SectionKind::Circle(CircleId::Commuting));
        let area = commuting
            .into_iter()
            .flat_map(|s| &s.blocks)
            .find_map(|b| match b {
                graphic::outline::Block::Radius { area, .. } => Some(area.clone()),
                _ => None,
            });
        let expected = match lang {
            Lang::Zh => ["7850平方公里", "2.7万平方公里"],
            Lang::En => ["7,850 km²", "27,000 km²"],
        };
        let area = area.unwrap_or_default();
        for words in expected {
            assert!(area.contains(words), "{lang}: {area}");
        }
    }
}

#[test]
fn the_link_preview_shows_all_its_text() {
    // The 1200 × 630 image sets the credit last: none of it may run past the image's foot.
    for lang in Lang::ALL {
        let outline = graphic::outline::outline(shipped(), lang);
        let diagram = typeset::preview::preview_diagram(shipped(), &outline);
        let svg = typeset::preview::preview_svg(shipped(), &outline, &diagram);
        let last = svg
            .split("<text x=\"640\" y=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next()?.parse::<f64>().ok())
            .fold(0.0, f64::max);
        assert!(last > 500.0, "{lang}: the credit is set near the foot");
        assert!(
            last + 6.0 <= typeset::preview::HEIGHT_PX,
            "{lang}: the last line's baseline is at {last} px"
        );
    }
}
