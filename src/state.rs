//! The page state in Yew: the shared reducer (`anju_form::state`) made `Reducible`. All transitions are pure and
//! tested natively in `anju-form`.

use std::rc::Rc;

pub use anju_form::state::{Action, Scale, Ui};
use yew::Reducible;

/// The page's state: the shared [`Ui`] behind the pointer Yew compares.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page(pub Ui);

impl Reducible for Page {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // A new Rc on every action: Yew re-renders only when the pointer changes.
        Rc::new(Page(self.0.clone().apply(action)))
    }
}
