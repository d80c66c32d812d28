//! What editors and readers take away: the data as CSV, charts as SVG, the diagram as PNG, and
//! copy-ready embed code for the current view.

use super::{StoryLangProps, StoryRef};
use graphic::embed::{embed_code, embed_src, pym_code};
use graphic::paths::{chart_csv_path, chart_svg_path, figures_csv_path};
use graphic::state::{Theme, ViewState};
use story::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolsProps {
    pub story: StoryRef,
    /// The outline in the view's language: the still image's alt text is written from it.
    pub outline: super::OutlineRef,
    pub state: ViewState,
    /// Published root and forced theme, known only after start-up (from the page's URL).
    pub dist_root: Option<AttrValue>,
    pub theme: Option<Theme>,
}

#[function_component(Tools)]
pub fn tools(props: &ToolsProps) -> Html {
    let story = &props.story;
    let lang = props.state.lang;
    let ui = &story.ui;
    // The code follows the view, so it is written only while the reader has it open: setting
    // two textareas on every selection was a measurable part of a selection's work.
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(details) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                open.set(details.open());
            }
        })
    };
    // The newsletter image's own alt text, written as the build writes it, naming the places
    // its diagram (the phone column's) leaves unlabelled: laid out once per language while the
    // panel is open, not again on every selection.
    let alt = use_memo(
        (props.story, props.outline.clone(), *open),
        |(story, outline, open)| {
            open.then(|| {
                let column =
                    graphic::diagram::layout(story, outline.lang, graphic::diagram::COLUMN_CLASS);
                graphic::outline::column_alt_text(story, outline, &column)
            })
        },
    );
    let (code, pym) = match (&props.dist_root, *open, alt.as_ref()) {
        (Some(root), true, Some(alt)) => {
            let src = embed_src(root, lang, props.state.circle, props.theme);
            let title = ui.headline.get(lang);
            let image = format!(
                "{}{}",
                embed_src(root, Lang::Zh, None, None),
                graphic::paths::static_image_path(lang, "png")
            );
            let fallback = graphic::embed::Fallback { src: &image, alt };
            (
                embed_code(&src, title, &story.id, &fallback),
                pym_code(&src, title, &story.id),
            )
        }
        _ => (String::new(), String::new()),
    };
    html! {
        <section class="tools">
            <Downloads story={*story} {lang} />
            <details class="embed-code" {ontoggle}>
                <summary>{ ui.embed.get(lang) }</summary>
                <label for="embed-iframe">{ ui.embed_help.get(lang) }</label>
                <textarea id="embed-iframe" readonly=true rows="8" value={code} />
                <label for="embed-pym">{ ui.embed_pym.get(lang) }</label>
                <textarea id="embed-pym" readonly=true rows="5" value={pym} />
                <p class="note">{ graphic::words::no_iframe_note(lang) }</p>
            </details>
        </section>
    }
}

/// Download links: they follow the language only, so a selection skips them.
#[function_component(Downloads)]
fn downloads(props: &StoryLangProps) -> Html {
    let (story, lang) = (&props.story, props.lang);
    let ui = &story.ui;
    let charts = story.charts.iter().map(|c| {
        html! {
            <li>
                // One text node: split nodes shape differently after hydration (kerning).
                { format!("{}: ", c.title.get(lang)) }
                <a href={chart_csv_path(c, lang)} download="">{ ui.chart_csv.get(lang) }</a>
                { " · " }
                <a href={chart_svg_path(c, lang)} download="">{ ui.chart_svg.get(lang) }</a>
            </li>
        }
    });
    html! {
        <details class="get-data">
            <summary>{ ui.get_data.get(lang) }</summary>
            <ul>
                <li><a href={figures_csv_path(lang)} download="">{ ui.all_figures_csv.get(lang) }</a></li>
                { for charts }
                <li><a href={format!("diagram-{}.png", lang.code())} download="">{ ui.diagram_png.get(lang) }</a></li>
            </ul>
        </details>
    }
}
