//! The results' cards and the what-if and hand-over screens (`crates/whatif`), a second wasm module that is not part
//! of the first load: `loader/load.js` imports it the first time the page shows its results (it draws their cards
//! into `#cards`, which the page leaves to it), a family asks "what if" or "save, share, print", or the page opens
//! with a hand-over link or a family kept on this phone; the screens mount into their own element beside the
//! page's (`#whatif`), all through the small `window.anjuWhatIf` boundary. The page hands it the family as a flat list
//! of texts (`Draft::flat`: no format of its own in the first load) on every draw, which the boundary ignores
//! while the module is not loaded; leaving the results closes the screen. A family from a link or this phone
//! comes back before the page starts ([`initial`]). Where the boundary is absent nothing happens.

use anju_form::draft::Draft;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = anjuWhatIf, js_name = draw, catch)]
    fn js_draw(draft: js_sys::Array, lang: &str, today: &str, mode: u8) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = anjuWhatIf, js_name = initial, catch)]
    fn js_initial() -> Result<JsValue, JsValue>;
}

/// What the page asks of the screen.
#[derive(Clone, Copy)]
pub enum Mode {
    /// Take the screen away if it is open (the page has left its results).
    Leave = 0,
    /// The page shows its results: draw their cards, and hand the open screen the family and language as they are.
    Update = 1,
    /// Open the what-if screen (loading it the first time).
    Open = 2,
    /// Open the hand-over screen: link, QR code, keep on this phone, print, family file.
    HandOver = 3,
}

/// Asks the screen to open, update or leave, with the family and language as they are now.
pub fn draw(draft: &Draft, lang: &str, today: &str, mode: Mode) {
    let list: js_sys::Array = draft.flat().iter().map(|s| JsValue::from_str(s)).collect();
    let _ = js_draw(list, lang, today, mode as u8);
}

/// The family the page starts with when it came from outside: a hand-over link or this phone's copy, which
/// `loader/load.js` has the module read before the page starts (a new link, "clear my data" or a family file starts
/// the page again).
pub fn initial() -> Option<Draft> {
    let list = js_initial().ok().filter(JsValue::is_object)?;
    let list: Vec<String> = js_sys::Array::from(&list).iter().filter_map(|t| t.as_string()).collect();
    Some(Draft::from_flat(&list))
}
