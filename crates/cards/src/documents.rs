//! The cited documents' titles and numbers (`policy/sources.json`), which the browser build leaves out of its first
//! load (`anju_rules::policy`'s `not_in_browser!`) and `loader/load.js` fetches once the page has started
//! (`window.anjuTexts`), with the page's English texts. Until they are there, or where they cannot load, a citation
//! shows its article alone.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = anjuTexts, js_name = source, catch)]
    fn js_source(id: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = anjuTexts, js_name = english, catch)]
    fn js_english() -> Result<JsValue, JsValue>;
}

/// Hands the catalogue the page's English texts (`crates/form/english.json`) once they are there; returns whether
/// they are. Until then the English screens show the catalogue's Chinese.
pub fn english() -> bool {
    // Once given, the catalogue keeps them: every later draw asks nothing of the page.
    if anju_form::catalogue::has_english() {
        return true;
    }
    let Ok(list) = js_english() else { return false };
    if !list.is_object() {
        return false;
    }
    let list: Vec<String> = js_sys::Array::from(&list).iter().filter_map(|t| t.as_string()).collect();
    anju_form::catalogue::set_english(list)
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
