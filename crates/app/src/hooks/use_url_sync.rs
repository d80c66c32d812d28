//! The view and the URL kept in step, as a hook: a shared link's view is restored at start-up,
//! Back and Forward restore theirs, and each later change is written into the URL once the view
//! has caught up with it.

use crate::browser;
use crate::hooks::Store;
use graphic::state::{Action, ViewState};
use std::cell::Cell;
use story::Lang;
use yew::prelude::*;

/// What start-up does with the view the URL asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StartUp {
    /// The URL already shows what is on screen, so changes from now on may be written.
    MarkSynced,
    /// A link asks for another view: show it first. The URL is left alone meanwhile, so the
    /// first render's view never overwrites the link's `?circle=` before it is applied.
    Restore(ViewState),
}

/// Start-up: `shown` is the first render's view (the page's language, the overview, as
/// prerendered); `wanted` the view the URL asks for.
pub(crate) fn start_up(shown: ViewState, wanted: ViewState) -> StartUp {
    if wanted == shown {
        StartUp::MarkSynced
    } else {
        StartUp::Restore(wanted)
    }
}

/// What one change of the view does to the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SyncStep {
    /// Synced: the URL follows the view.
    WriteUrl,
    /// The restored view has arrived: the URL shows it already, later changes are written.
    MarkSynced,
    /// Still on the way to the URL's view (a render before the restore): writing now would
    /// erase the link's view.
    Wait,
}

/// One change of the view to `state`. `url_state` reads the URL's view; it is called only
/// while not yet synced, because reading the query string on every selection costs time the
/// reader's tap is waiting on.
pub(crate) fn sync_step(
    synced: bool,
    state: ViewState,
    url_state: impl FnOnce() -> ViewState,
) -> SyncStep {
    if synced {
        SyncStep::WriteUrl
    } else if url_state() == state {
        SyncStep::MarkSynced
    } else {
        SyncStep::Wait
    }
}

/// Keeps `state` and the URL in step for a page whose own language is `page_lang`: restores
/// the URL's view after the first render, follows Back and Forward, and writes each change
/// after it has painted.
#[hook]
pub fn use_url_sync(page_lang: Lang, state: &UseReducerHandle<Store<ViewState>>) {
    // Shared by both effects; a `Cell` so that only shared borrows of the `RefCell` are taken,
    // which cannot fail.
    let has_synced = use_mut_ref(|| Cell::new(false));
    {
        let dispatcher = state.dispatcher();
        let has_synced = has_synced.clone();
        // The closure only runs after the first render, so this is the first render's view.
        let shown = state.0;
        use_effect_with(page_lang, move |&page_lang| {
            match start_up(shown, browser::url_view().state(page_lang)) {
                StartUp::MarkSynced => has_synced.borrow().set(true),
                StartUp::Restore(wanted) => dispatcher.dispatch(Action::Restore(wanted)),
            }
            let listener = browser::on_popstate(page_lang, move |view| {
                dispatcher.dispatch(Action::Restore(view));
            });
            move || drop(listener)
        });
    }
    use_effect_with(state.0, move |&state| {
        let synced = has_synced.borrow();
        match sync_step(synced.get(), state, || browser::url_view().state(page_lang)) {
            SyncStep::WriteUrl => browser::write_url_when_idle(state, page_lang),
            SyncStep::MarkSynced => synced.set(true),
            SyncStep::Wait => {}
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use story::CircleId;

    const OVERVIEW: ViewState = ViewState {
        lang: Lang::Zh,
        circle: None,
    };
    const LINKED: ViewState = ViewState {
        lang: Lang::En,
        circle: Some(CircleId::Functional),
    };

    #[test]
    fn a_plain_url_is_synced_at_once_and_a_link_is_restored() {
        assert_eq!(start_up(OVERVIEW, OVERVIEW), StartUp::MarkSynced);
        assert_eq!(start_up(OVERVIEW, LINKED), StartUp::Restore(LINKED));
    }

    #[test]
    fn once_synced_every_change_is_written_without_reading_the_url() {
        let step = sync_step(true, LINKED, || {
            panic!("the URL must not be read once synced")
        });
        assert_eq!(step, SyncStep::WriteUrl);
    }

    #[test]
    fn before_sync_the_url_is_left_alone_until_the_view_reaches_it() {
        // The first render's view comes before the restore: writing it would lose the link.
        assert_eq!(sync_step(false, OVERVIEW, || LINKED), SyncStep::Wait);
        // The restored view has arrived.
        assert_eq!(sync_step(false, LINKED, || LINKED), SyncStep::MarkSynced);
    }

    #[test]
    fn a_shared_link_is_applied_before_anything_is_written() {
        // Start-up with `?lang=en&circle=functional`, then the renders that follow.
        let url = || LINKED;
        let mut synced = match start_up(OVERVIEW, url()) {
            StartUp::MarkSynced => true,
            StartUp::Restore(wanted) => {
                assert_eq!(wanted, LINKED);
                false
            }
        };
        let mut written = Vec::new();
        for state in [OVERVIEW, LINKED, OVERVIEW] {
            match sync_step(synced, state, url) {
                SyncStep::WriteUrl => written.push(state),
                SyncStep::MarkSynced => synced = true,
                SyncStep::Wait => {}
            }
        }
        assert_eq!(
            written,
            [OVERVIEW],
            "only the reader's change after the restore"
        );
    }
}
