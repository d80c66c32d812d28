//! The whole graphic: header, circle picker, diagram with legend, panel, text version, credits.

use super::diagram::{Diagram, mark_shape};
use super::panel::Panel;
use super::text_version::TextVersion;
use super::tools::Tools;
use super::{StoryLangProps, StoryRef};
use crate::browser;
use crate::hooks::Store;
use crate::hooks::{use_embed_height, use_url_sync};
use graphic::state::{Action, ViewState};
use graphic::words::date_text;
use story::{CircleId, Lang, Story};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub story: StoryRef,
    /// The page's own language. The first render depends on it and the story alone, so the
    /// page can be prerendered; `?lang=` and `?circle=` are applied after start-up.
    pub lang: Lang,
    /// Where the text version comes from until the reader switches language.
    #[prop_or_default]
    pub text_version: TextVersionSource,
}

/// Where the text version comes from. The prerendered page's text version is kept as it
/// stands instead of hydrated (it is static, and a third of the page's elements: hydrating it
/// held the first click back) until the reader switches language; from then on the component
/// renders it.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum TextVersionSource {
    /// The component renders it from the start (no prerendered page).
    #[default]
    Rendered,
    /// In the browser, over the prerendered page: hydration claims the kept nodes between
    /// their markers without reading them.
    Kept,
    /// At build time: this HTML is written into the page as it stands.
    Prerendered(AttrValue),
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let story = &props.story;
    let page_lang = props.lang;
    let state = use_reducer(|| {
        Store(ViewState {
            lang: page_lang,
            circle: None,
        })
    });
    let ondispatch = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    // Known only in the browser, so set after start-up (the prerendered page has none).
    let embed_base = use_state(|| None::<(AttrValue, Option<graphic::state::Theme>)>);
    {
        let embed_base = embed_base.clone();
        use_effect_with((), move |_| {
            browser::mark_ready();
            if let Some(root) = browser::dist_root() {
                embed_base.set(Some((root.into(), browser::url_view().theme)));
            }
        });
    }
    use_url_sync(page_lang, &state);
    use_embed_height(&story.0.id);
    // `<html lang>` and the title change with the language only, not with every selection.
    use_effect_with((*story, state.lang), |(story, lang)| {
        browser::apply_lang(*lang, story.ui.headline.get(*lang));
    });
    let lang = state.lang;
    let outline = use_memo((*story, lang), |(story, lang)| {
        super::OutlineRef(std::rc::Rc::new(graphic::outline::outline(story, *lang)))
    });
    let outline = (*outline).clone();
    // Once the language has changed, the component owns the text version for good: going back
    // to the page's language must not bring back the kept (now removed) nodes.
    let text_rendered = use_mut_ref(|| props.text_version == TextVersionSource::Rendered);
    if lang != page_lang {
        *text_rendered.borrow_mut() = true;
    }
    let text_version = match &props.text_version {
        TextVersionSource::Prerendered(html) if !*text_rendered.borrow() => {
            Html::from_html_unchecked(html.clone())
        }
        TextVersionSource::Kept if !*text_rendered.borrow() => {
            Html::from_html_unchecked(AttrValue::default())
        }
        _ => html! { <TextVersion story={*story} outline={outline.clone()} /> },
    };
    let ui = &story.ui;
    let other = lang.other();
    let onlang = ondispatch.reform(move |_: MouseEvent| Action::SetLang(other));
    html! {
        <main class={classes!("graphic", format!("lang-{}", lang.code()))} lang={lang.html_tag()}>
            <header class="head">
                <p class="kicker">{ ui.kicker.get(lang) }</p>
                <h1>{ ui.headline.get(lang) }</h1>
                <p class="standfirst">{ ui.standfirst.get(lang) }</p>
                <button type="button" class="lang-switch" lang={other.html_tag()}
                        aria-label={format!("{}: {}", ui.language_name.get(other), ui.switch_language.get(other))}
                        onclick={onlang}>
                    { ui.language_name.get(other) }
                </button>
            </header>
            { picker(story, lang, state.circle, &ondispatch) }
            <div class="stage">
                <div class="figure-area">
                    <Diagram story={*story} {lang} selected={state.circle} ondispatch={ondispatch.clone()} />
                    <p class="note places-hint">{ ui.places_hint.get(lang) }</p>
                    <Legend outline={outline.clone()} />
                    <p class="note radius-note">{ ui.radius_note.get(lang) }</p>
                    <p class="source">{ ui.radius_source.get(lang) }</p>
                </div>
                <Panel outline={outline.clone()} selected={state.circle} />
            </div>
            <Tools story={*story} outline={outline.clone()} state={state.0}
                   dist_root={embed_base.as_ref().map(|(root, _)| root.clone())}
                   theme={embed_base.as_ref().and_then(|(_, theme)| *theme)} />
            { text_version }
            <Credits story={*story} {lang} />
        </main>
    }
}

#[function_component(Credits)]
fn credits(props: &StoryLangProps) -> Html {
    let (story, lang) = (&props.story, props.lang);
    let ui = &story.ui;
    html! {
        <footer class="credit">
            <p>{ ui.credit.get(lang) }</p>
            <p class="dates">
                { format!(
                    "{} {} · {} {}",
                    ui.published.get(lang),
                    date_text(&story.published, lang),
                    ui.updated.get(lang),
                    date_text(&story.updated, lang)
                ) }
            </p>
        </footer>
    }
}

/// Buttons for the overview and each circle: the plainest way to choose, by touch or Tab.
fn picker(
    story: &Story,
    lang: Lang,
    selected: Option<CircleId>,
    ondispatch: &Callback<Action>,
) -> Html {
    let button = |target: Option<CircleId>, text: &str| {
        let is_selected = selected == target;
        let onclick = ondispatch.reform(move |_: MouseEvent| Action::Select(target));
        html! {
            <button type="button"
                class={classes!("pick", target.map(|c| format!("pick-{}", c.slug())), is_selected.then_some("selected"))}
                data-circle={target.map_or("overview", CircleId::slug)}
                aria-pressed={if is_selected { "true" } else { "false" }}
                {onclick}>{ text.to_owned() }</button>
        }
    };
    html! {
        <nav class="picker" aria-label={story.ui.choose_circle.get(lang).to_owned()}>
            { button(None, story.ui.overview.get(lang)) }
            { for story.circles.iter().map(|c| button(Some(c.id), c.name.get(lang))) }
        </nav>
    }
}

/// What each mark means: shape and colour together, one entry per style of the outline's
/// legend (the images draw the same entries).
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub outline: super::OutlineRef,
}

#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    html! {
        <ul class="legend">
            { for props.outline.legend.iter().map(|entry| html! {
                <li>
                    <svg class={classes!("legend-mark", entry.style.classes().collect::<Vec<_>>())} viewBox="0 0 16 16" aria-hidden="true">
                        { mark_shape(entry.style.kind, 8.0, 8.0, 6.0) }
                    </svg>
                    { &entry.text }
                </li>
            }) }
        </ul>
    }
}
