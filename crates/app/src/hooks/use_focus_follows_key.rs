//! Focus that follows the selection when a key moved it, so the next key acts on the new circle.

use crate::browser;
use std::cell::Cell;
use std::rc::Rc;
use story::CircleId;
use yew::prelude::*;

/// The flag a key handler sets before it dispatches an action that changes the selected circle.
/// Once the new selection has rendered (with its roving tabindex), the effect moves focus to
/// that circle's disc inside `group`, and clears the flag. Each width class's drawing has its
/// own flag, so only the drawing whose key was pressed moves focus; clicks, the picker and Back
/// never set it and leave focus where the reader put it.
#[hook]
pub fn use_focus_follows_key(selected: Option<CircleId>, group: NodeRef) -> Rc<Cell<bool>> {
    let follows = use_memo((), |_| Cell::new(false));
    {
        let follows = follows.clone();
        use_effect_with(selected, move |selected| {
            if follows.replace(false)
                && let Some(id) = *selected
                && let Some(group) = group.get()
            {
                browser::focus_within(&group, &format!(".disc[data-circle=\"{}\"]", id.slug()));
            }
        });
    }
    follows
}
