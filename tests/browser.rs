//! In-browser tests (wasm-bindgen-test in headless Chromium): the real components mount into a
//! real DOM and react to real events.
#![cfg(target_arch = "wasm32")]

use app::components::{App, AppProps, StoryRef, TextVersionSource};
use graphic::charts::{BarChartSpec, bar_chart_svg, bar_value_text};
use story::{CircleId, Lang, Section};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

async fn mount(lang: Lang) -> web_sys::Element {
    let doc = document();
    let root = doc.create_element("div").expect("a div");
    doc.body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            story: StoryRef(capital_circles::story()),
            lang,
            text_version: TextVersionSource::Rendered,
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

fn click(el: &web_sys::Element) {
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &{
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init
    })
    .expect("a click event");
    el.dispatch_event(&event).expect("dispatched");
}

fn panel_view(root: &web_sys::Element) -> Option<String> {
    root.query_selector(".panel")
        .ok()
        .flatten()?
        .get_attribute("data-view")
}

#[wasm_bindgen_test]
async fn three_circles_mount_in_each_width_class() {
    let root = mount(Lang::Zh).await;
    let discs = root.query_selector_all("svg.diagram .disc").expect("query");
    assert_eq!(discs.length(), 6, "3 circles × 2 width classes");
    assert_eq!(panel_view(&root).as_deref(), Some("overview"));
    let h1 = root
        .query_selector("h1")
        .ok()
        .flatten()
        .and_then(|h| h.text_content());
    assert_eq!(
        h1.as_deref(),
        Some(capital_circles::story().ui.headline.zh.as_ref())
    );
}

#[wasm_bindgen_test]
async fn clicking_a_circle_shows_its_panel_and_chart() {
    let root = mount(Lang::En).await;
    let disc = root
        .query_selector(".diagram-narrow .disc-commuting")
        .ok()
        .flatten()
        .expect("commuting disc");
    click(&disc);
    yew::scheduler::flush().await;
    assert_eq!(panel_view(&root).as_deref(), Some("commuting"));
    assert_eq!(disc.get_attribute("aria-pressed").as_deref(), Some("true"));
    let chart = root
        .query_selector(".panel .view:not([hidden]) .chart-svg svg")
        .ok()
        .flatten()
        .expect("chart");
    // The commuting view's first chart, with every bar's value as the reader sees it.
    let text = chart.text_content().unwrap_or_default();
    let story = capital_circles::story();
    let first = story
        .charts_in(Section::Commuting)
        .next()
        .expect("the story has a chart in the commuting view");
    for i in 0..first.bars.len() {
        let value = bar_value_text(first, i, Lang::En);
        assert!(text.contains(&value), "{value} not in {text}");
    }
    // Clicking the selected circle again returns to the overview.
    click(&disc);
    yew::scheduler::flush().await;
    assert_eq!(panel_view(&root).as_deref(), Some("overview"));
}

#[wasm_bindgen_test]
async fn enter_and_arrow_keys_operate_the_circles() {
    let root = mount(Lang::Zh).await;
    let disc = root
        .query_selector(".diagram-narrow .disc-functional")
        .ok()
        .flatten()
        .expect("functional disc");
    let key = |k: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_bubbles(true);
        init.set_cancelable(true);
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("key")
    };
    disc.dispatch_event(&key("Enter")).expect("dispatched");
    yew::scheduler::flush().await;
    assert_eq!(panel_view(&root).as_deref(), Some("functional"));
    disc.dispatch_event(&key("ArrowRight")).expect("dispatched");
    yew::scheduler::flush().await;
    assert_eq!(panel_view(&root).as_deref(), Some("industrial"));
    disc.dispatch_event(&key("Escape")).expect("dispatched");
    yew::scheduler::flush().await;
    assert_eq!(panel_view(&root).as_deref(), Some("overview"));
}

#[wasm_bindgen_test]
async fn language_switch_keeps_the_selection() {
    let root = mount(Lang::Zh).await;
    let pick = root
        .query_selector(".pick-industrial")
        .ok()
        .flatten()
        .expect("picker");
    click(&pick);
    yew::scheduler::flush().await;
    let switch = root
        .query_selector(".lang-switch")
        .ok()
        .flatten()
        .expect("switch");
    click(&switch);
    yew::scheduler::flush().await;
    assert_eq!(panel_view(&root).as_deref(), Some("industrial"));
    let title = root
        .query_selector(".panel .view:not([hidden]) h2")
        .ok()
        .flatten()
        .and_then(|h| h.text_content());
    let industrial = capital_circles::story().circle(CircleId::Industrial);
    assert_eq!(title.as_deref(), Some(industrial.name.en.as_ref()));
}

/// plotters measures text in the browser but estimates it natively: the chart's SVG must come
/// out byte-identical, or the prerendered chart would jump on hydration. `make test` writes the
/// native drawings (`cargo run --bin native-charts`) before building this test.
#[wasm_bindgen_test]
fn charts_draw_identically_natively_and_in_the_browser() {
    let native: serde_json::Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/target/fixtures/native-charts.json"
    )))
    .expect("native charts JSON");
    let native = native.as_array().expect("an array");
    let story = capital_circles::story();
    assert_eq!(native.len(), story.charts.len() * 2);
    for entry in native {
        let id = entry["id"].as_str().expect("id");
        let lang = Lang::from_tag(entry["lang"].as_str().expect("lang")).expect("a language");
        let chart = story
            .charts
            .iter()
            .find(|c| c.id == id)
            .expect("chart in story");
        let svg = bar_chart_svg(&BarChartSpec::from_chart(chart, lang));
        assert_eq!(Some(svg.as_str()), entry["svg"].as_str(), "{id} {lang}");
    }
}
