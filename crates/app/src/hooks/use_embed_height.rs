//! Auto-height inside a host page's iframe, as a hook: started once the graphic runs in the
//! browser, stopped when it unmounts. Measuring and messaging live in `browser`; which height to
//! send is decided by the pure [`graphic::embed::height_to_send`].

use crate::browser;
use yew::prelude::*;

/// Sends the page's height to the host while the calling component is mounted. As the page
/// itself (not framed) this does nothing. `embed_id` names the graphic in Datawrapper's
/// messages when the host gave no pym `childId`; it is the story's, so it lives as long as
/// the page.
#[hook]
pub fn use_embed_height(embed_id: &'static str) {
    // The id is the only input: the effect runs once after the first render (never during
    // prerendering) and keeps its guard until unmount, which stops observing and listening.
    use_effect_with(embed_id, |embed_id| {
        let guard = browser::start_embed(embed_id);
        move || drop(guard)
    });
}
