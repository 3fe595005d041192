//! The cited documents' titles and numbers (`policy/sources.json`), which the browser build leaves out of its first
//! load (`anju_rules::policy`'s `not_in_browser!`) and `loader/load.js` fetches once the page has started
//! (`window.anjuTexts`). Until they are there, or where they cannot load, a citation shows its article alone.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = anjuTexts, js_name = source, catch)]
    fn js_source(id: &str) -> Result<JsValue, JsValue>;
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
