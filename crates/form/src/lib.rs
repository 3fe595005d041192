//! The boundary every front shares (the web app now; share links, the JS API and the embed next): what can be
//! asked ([`registry`]), the family as typed and its request ([`draft`], [`parse`]), what the flow asks when
//! ([`flow`]), the page's words ([`catalogue`]), the place picker's lists ([`places`]), the registry of every division
//! ([`divisions`]), typical families
//! ([`presets`]), the first screen of results ([`summary`]), the page's state as a reducer ([`state`]), hand-over
//! links ([`share`]) and a family file read back into the form ([`import`]).
//!
//! Pure like the engine: no browser, clock or I/O, tested natively.

pub mod catalogue;
pub mod divisions;
pub mod draft;
pub mod flow;
#[cfg(feature = "import")]
pub mod import;
pub mod parse;
pub mod places;
pub mod presets;
pub mod registry;
pub mod share;
pub mod state;
pub mod summary;
