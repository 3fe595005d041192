//! Anju's result card, one program's answer for one person, in one place for every screen that draws it: the page's
//! results (`anju-app`) and the print view of the hand-over screen (`anju-whatif`), two wasm modules.
//!
//! - `card`: the card, and (feature `html`) the page's cards as HTML, which the what-if module draws into the page
//! - `documents`: the cited documents' titles, which `loader/load.js` fetches once the page has started

pub mod card;
pub mod documents;

pub use card::{cards, layer_for, program_card, CardContext};

#[cfg(feature = "html")]
pub use card::html;
