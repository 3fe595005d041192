//! Anju's what-if screen, a second wasm module the page loads only when a family asks "what if": the choices
//! side by side, the ways to each program not yet in reach, and a timeline chart per choice. The page hands it the
//! family as `Draft::flat` lists it; the screen mounts into its own element beside the page's, never inside it
//! (two Yew apps never share a subtree).
//!
//! - `model`: the screen as data and what the engine answers for it (pure, tested natively)
//! - `words`: the screen's own words in both languages
//! - `chart`: the timeline as SVG
//! - `view`: the Yew component

pub mod chart;
pub mod handover;
pub mod model;
pub mod qr;
pub mod view;
pub mod words;

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
