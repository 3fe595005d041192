//! What the browser build leaves out of its first load and `loader/load.js` fetches once the page has started: the
//! cited documents' titles and numbers (`anju_rules::policy`'s `not_in_browser!`; `policy/sources.json`), which the
//! results screen reads here by source id, and the page's English texts (`crates/form/english.json`), handed to the
//! catalogue. Until they are there (or if they cannot load), a citation shows its article alone and the English
//! page shows the Chinese texts.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = anjuTexts, js_name = load, catch)]
    fn js_load(done: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = anjuTexts, js_name = source, catch)]
    fn js_source(id: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = anjuTexts, js_name = english, catch)]
    fn js_english() -> Result<JsValue, JsValue>;
}

/// Starts fetching the titles and the English texts (once for the page) and calls `done` when they are there or
/// have failed.
pub fn load(done: impl FnOnce() + 'static) {
    let _ = js_load(&Closure::once_into_js(move || {
        if let Ok(list) = js_english() {
            if list.is_object() {
                let list: Vec<String> = js_sys::Array::from(&list).iter().filter_map(|t| t.as_string()).collect();
                anju_form::catalogue::set_english(list);
            }
        }
        done()
    }));
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
