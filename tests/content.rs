//! The shipped story's facts (static/stories/capital-metro.json), checked in this one file: the
//! code's own tests run on the fixture story, so replacing the default story means editing this
//! file alone. Figures are checked against ../shared/brief/facts.md.
#![cfg(not(target_arch = "wasm32"))]

use capital_circles::charts::{BarChartSpec, bar_chart_svg};
use capital_circles::components::chart_colours;
use capital_circles::diagram::{MarkKind, WIDTH_CLASSES, layout, layout_faults};
use capital_circles::publish::downloads::figures_csv;
use capital_circles::story::{CircleId, Confidence, Lang, Qualifier, Story};
use std::path::Path;
use std::sync::OnceLock;

fn shipped() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("static/stories/capital-metro.json");
        capital_story::read::read_file(&path)
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

#[test]
fn the_baked_story_is_the_shipped_file_when_no_story_is_named() {
    // build.rs bakes STORY; without it, the shipped file. Baking must lose nothing.
    if std::env::var_os("STORY").is_none_or(|s| s.to_string_lossy().ends_with("capital-metro.json"))
    {
        assert!(capital_circles::story::story() == shipped());
    }
}

#[test]
fn radii_are_the_plans_50_100_and_150_km() {
    let radii: Vec<f64> = shipped().circles.iter().map(|c| c.radius_km).collect();
    assert_eq!(radii, [50.0, 100.0, 150.0]);
}

#[test]
fn commuting_figures_keep_the_sources_digits_and_qualifiers() {
    let figure = |id: &str| {
        shipped()
            .figures
            .iter()
            .find(|f| f.id == id)
            .unwrap_or_else(|| panic!("no figure {id}"))
    };
    let employed = figure("commuting-employed");
    assert_eq!(employed.qualifier, Qualifier::About);
    assert_eq!(employed.source.date, "2023-01-15");
    let beisan = figure("commuting-beisan");
    assert_eq!(beisan.qualifier, Qualifier::Exact);
    let csv = figures_csv(shipped(), Lang::Zh);
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
    assert_eq!(
        s.places[place_index("shijiazhuang")].confidence,
        Confidence::NotAMember
    );
    assert_eq!(kind("shijiazhuang"), Some(MarkKind::NotAMember));
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
        let chart = shipped()
            .charts
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("no chart {id}"));
        let (colour, ink) = chart_colours(chart);
        bar_chart_svg(&BarChartSpec::from_chart(chart, lang, colour, ink))
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
    let gdp = chart("gdp-2022", Lang::Zh);
    for v in ["41,610.9亿", "16,311.34亿", "42,370.4亿"] {
        assert!(gdp.contains(v), "{v} missing");
    }
    let gdp_en = chart("gdp-2022", Lang::En);
    for v in ["4,161.09 billion", "1,631.134 billion", "4,237.04 billion"] {
        assert!(gdp_en.contains(v), "{v} missing");
    }
}
