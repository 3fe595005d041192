//! The cited documents' titles and numbers, which the browser build leaves out of its first load
//! (`anju_rules::policy`'s `not_in_browser!`): `loader/load.js` fetches `policy/sources.json` once the page has
//! started, and the results screen reads it here by source id. Until it is there (or if it cannot load), a citation
//! shows its article alone.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = anjuTexts, js_name = load, catch)]
    fn js_load(done: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = anjuTexts, js_name = source, catch)]
    fn js_source(id: &str) -> Result<JsValue, JsValue>;
}

/// Starts fetching the titles (once for the page) and calls `done` when they are there or have failed.
pub fn load(done: impl FnOnce() + 'static) {
    let _ = js_load(&Closure::once_into_js(done));
}

/// A document as cited: its Chinese title, English title and number.
pub struct Document {
    pub title: String,
    pub title_en: Option<String>,
    pub number: Option<String>,
}

/// The document with this source id, once the titles are there.
pub fn document(id: &str) -> Option<Document> {
    let row = js_source(id).ok().filter(|v| v.is_object())?;
    let row = js_sys::Array::from(&row);
    Some(Document { title: row.get(0).as_string()?, title_en: row.get(1).as_string(), number: row.get(2).as_string() })
}
