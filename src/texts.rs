//! What the browser build leaves out of its first load and `loader/load.js` fetches once the page has started: the
//! cited documents' titles and numbers (`anju_rules::policy`'s `not_in_browser!`; `policy/sources.json`), which the
//! result cards read by source id (`anju_cards::documents`), and the page's English texts (`crates/form/english.json`), handed to the
//! catalogue. Until they are there (or if they cannot load), a citation shows its article alone and the English
//! page shows the Chinese texts.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = anjuTexts, js_name = load, catch)]
    fn js_load(done: &JsValue) -> Result<(), JsValue>;
}

/// Starts fetching the titles and the English texts (once for the page) and calls `done` when they are there or
/// have failed.
pub fn load(done: impl FnOnce() + 'static) {
    let _ = js_load(&Closure::once_into_js(move || {
        anju_cards::documents::english();
        done()
    }));
}
