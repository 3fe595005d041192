//! Anju's what-if screen, a second wasm module the page loads when it first shows its results (whose cards this
//! module draws, `anju_cards::html`) or when a family asks: the choices side by side, the ways to each program not
//! yet in reach, and a timeline chart per choice. The page hands it the family as `Draft::flat` lists it; the
//! screen mounts into its own element beside the page's, never inside it (two Yew apps never share a subtree).
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

thread_local! {
    static ROOT: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the element the screen is mounted in (in the page's document, or in a host page element's shadow root,
/// where the document cannot find it by id).
pub fn mounted_in(el: &web_sys::Element) {
    ROOT.with(|root| *root.borrow_mut() = Some(el.clone()));
}

/// Whether the screen is inside a host page's element (a shadow root), not the calculator's own page.
pub fn embedded() -> bool {
    // A shadow root is a document fragment (node type 11).
    ROOT.with(|root| root.borrow().as_ref().is_some_and(|el| el.get_root_node().node_type() == 11))
}

/// The screen's elements that match `selector`.
pub fn find_all(selector: &str) -> Option<web_sys::NodeList> {
    ROOT.with(|root| root.borrow().as_ref().and_then(|el| el.query_selector_all(selector).ok()))
}

/// The screen's first element that matches `selector`.
pub fn find(selector: &str) -> Option<web_sys::Element> {
    ROOT.with(|root| root.borrow().as_ref().and_then(|el| el.query_selector(selector).ok().flatten()))
}

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
