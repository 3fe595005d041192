//! The what-if screen (`crates/whatif`), a second wasm module that is not part of the first load:
//! `loader/load.js` imports it the first time a family asks "what if" and mounts it into its own element beside
//! the page's (`#whatif`), through the small `window.anjuWhatIf` boundary. The page hands it the family as a flat
//! list of texts (`Draft::flat`: no format of its own in the first load) on every draw of the results, which the
//! boundary ignores while the screen is closed; leaving the results closes it. Where the boundary is absent
//! nothing happens.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = anjuWhatIf, js_name = draw, catch)]
    fn js_draw(draft: js_sys::Array, lang: &str, today: &str, mode: u8) -> Result<(), JsValue>;
}

/// What the page asks of the screen.
#[derive(Clone, Copy)]
pub enum Mode {
    /// Take the screen away if it is open (the page has left its results).
    Leave = 0,
    /// Hand the open screen the family and language as they are now.
    Update = 1,
    /// Open the screen (loading it the first time).
    Open = 2,
}

/// Asks the screen to open, update or leave, with the family and language as they are now.
pub fn draw(draft: &anju_form::draft::Draft, lang: &str, today: &str, mode: Mode) {
    let list: js_sys::Array = match mode {
        Mode::Leave => js_sys::Array::new(),
        _ => draft.flat().iter().map(|s| JsValue::from_str(s)).collect(),
    };
    let _ = js_draw(list, lang, today, mode as u8);
}
