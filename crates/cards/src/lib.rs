//! Anju's result card, one program's answer for one person, in one place for every screen that draws it: the page's
//! results (`anju-app`) and the print view of the hand-over screen (`anju-whatif`), two wasm modules.
//!
//! - `card`: the card
//! - `documents`: the cited documents' titles, which `loader/load.js` fetches once the page has started

pub mod card;
pub mod documents;

pub use card::{layer_for, program_card, CardContext};
