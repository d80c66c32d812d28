//! Yew components: render from props and state; anything touching the browser happens in
//! effects or in `browser`, never during render, so the same components prerender natively.

mod app;
mod chart;
mod circle_section;
mod diagram;
mod panel;
mod place;
mod text_version;
mod tools;

pub use app::{App, AppProps, Legend, LegendProps, TextVersionSource};
pub use panel::{Panel, PanelProps};
pub use text_version::{TextVersion, TextVersionProps};

use graphic::words::Piece;
use story::Story;

/// A source line as `<p class="source">`: its words, and each source's name linked to the
/// source's own page where the story gives one (opened apart from the host article).
pub(crate) fn source_html(pieces: &[Piece]) -> yew::Html {
    use yew::html;
    html! {
        <p class="source">
            { for pieces.iter().map(|piece| match piece {
                Piece::Text(text) => html! { { text.clone() } },
                Piece::Link { text, url } => html! {
                    <a class="source-link" href={url.clone()} target="_blank" rel="noopener noreferrer">{ text.clone() }</a>
                },
            }) }
        </p>
    }
}

/// The outline of the story in one language (`graphic::outline`), shared by the components
/// that render it. Equal when it is the same outline, so props compare in O(1); a new one is
/// built when the language (or, in an editor, the story) changes.
#[derive(Clone, Debug)]
pub struct OutlineRef(pub std::rc::Rc<graphic::outline::Outline>);

impl PartialEq for OutlineRef {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for OutlineRef {
    type Target = graphic::outline::Outline;
    fn deref(&self) -> &graphic::outline::Outline {
        &self.0
    }
}

/// The story, baked into the app. Equal when it is the same story, so props compare in O(1).
#[derive(Clone, Copy, Debug)]
pub struct StoryRef(pub &'static Story);

impl PartialEq for StoryRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// Props of the parts that change with the language only, so a selection skips them.
#[derive(yew::Properties, PartialEq)]
pub(crate) struct StoryLangProps {
    pub story: StoryRef,
    pub lang: story::Lang,
}

impl std::ops::Deref for StoryRef {
    type Target = Story;
    fn deref(&self) -> &Story {
        self.0
    }
}
