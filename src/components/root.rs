//! The story the page shows: the compiled-in one (as prerendered), or the `?story=` file,
//! which replaces it after start-up once it has loaded and passed validation.

use super::StoryRef;
use super::app::{App, StoryErrors};
use crate::story::{Lang, StoryError};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RootProps {
    pub story: StoryRef,
    pub lang: Lang,
}

#[derive(Clone, PartialEq)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    expect(dead_code, reason = "only the browser loads another story")
)]
enum Shown {
    Default,
    Loaded(StoryRef),
    Failed(Rc<Vec<StoryError>>),
}

#[function_component(Root)]
pub fn root(props: &RootProps) -> Html {
    let shown = use_state(|| Shown::Default);
    {
        let shown = shown.clone();
        use_effect_with((), move |_| load_requested_story(shown));
    }
    match &*shown {
        Shown::Default => html! { <App story={props.story.clone()} lang={props.lang} /> },
        Shown::Loaded(story) => html! { <App story={story.clone()} lang={props.lang} /> },
        Shown::Failed(errors) => {
            html! { <StoryErrors errors={errors.clone()} lang={props.lang} /> }
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn load_requested_story(shown: UseStateHandle<Shown>) {
    use crate::story::{MAX_STORY_BYTES, parse_story, story_path};
    let Some(name) = crate::edge::story_request() else {
        return;
    };
    let path = match story_path(&name) {
        Ok(path) => path,
        Err(error) => {
            shown.set(Shown::Failed(Rc::new(vec![error])));
            return;
        }
    };
    wasm_bindgen_futures::spawn_local(async move {
        let result = match crate::edge::fetch_text(&path, MAX_STORY_BYTES).await {
            Ok(text) => parse_story(&text),
            Err(message) => Err(vec![StoryError::unreadable("story", message)]),
        };
        shown.set(match result {
            Ok(story) => Shown::Loaded(StoryRef(Rc::new(story))),
            Err(errors) => Shown::Failed(Rc::new(errors)),
        });
    });
}

/// Prerendering never loads another story.
#[cfg(not(target_arch = "wasm32"))]
fn load_requested_story(_: UseStateHandle<Shown>) {}
