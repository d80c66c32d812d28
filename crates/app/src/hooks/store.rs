//! A state of `graphic` held in a Yew reducer. `graphic` has no yew, so the `Reducible` impl is
//! here, once, for every state that changes only by its actions ([`Transition`]).

use graphic::state::Transition;
use std::ops::Deref;
use std::rc::Rc;
use yew::Reducible;

/// `S` as a Yew reducer's state: dereferences to `S`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Store<S>(pub S);

impl<S> Deref for Store<S> {
    type Target = S;
    fn deref(&self) -> &S {
        &self.0
    }
}

impl<S: Transition> Reducible for Store<S> {
    type Action = S::Action;

    /// The same `Rc` when the action changes nothing, so Yew skips the render.
    fn reduce(self: Rc<Self>, action: S::Action) -> Rc<Self> {
        let next = self.0.apply(action);
        if next == self.0 {
            self
        } else {
            Rc::new(Store(next))
        }
    }
}
