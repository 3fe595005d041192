//! The full place registry, read in the browser by `loader/places.js` the first time a place picker opens (it is
//! not part of the first load), through the small `window.anjuPlaces` boundary `loader/load.js` defines. Where
//! that boundary is absent or the registry failed to load, every reader answers nothing and the picker keeps its
//! short list of the places with policy layers.

use anju_rules::message::Lang;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = anjuPlaces, js_name = load, catch)]
    fn js_load(done: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = anjuPlaces, js_name = ready, catch)]
    fn js_ready() -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = anjuPlaces, js_name = children, catch)]
    fn js_children(code: u32, lang: &str) -> Result<js_sys::Array, JsValue>;
    #[wasm_bindgen(js_namespace = anjuPlaces, js_name = search, catch)]
    fn js_search(query: &str, limit: u32, lang: &str) -> Result<js_sys::Array, JsValue>;
    #[wasm_bindgen(js_namespace = anjuPlaces, js_name = name, catch)]
    fn js_name(code: u32, lang: &str) -> Result<JsValue, JsValue>;
}

fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "zh-CN",
        Lang::En => "en",
    }
}

/// Starts loading the registry (once for the page) and calls `done` when it is ready or has failed.
pub fn load(done: impl FnOnce() + 'static) {
    let done = Closure::once_into_js(done);
    let _ = js_load(&done);
}

/// Whether the registry is loaded.
pub fn ready() -> bool {
    js_ready().unwrap_or(false)
}

/// A place as the picker lists it: its code, its name, and (for search) the names of the places above it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub code: u32,
    pub name: String,
    pub within: String,
}

fn entries(rows: Result<js_sys::Array, JsValue>) -> Vec<Entry> {
    let Ok(rows) = rows else { return Vec::new() };
    // The registry holds about 3,200 divisions; the bound keeps a broken boundary from looping.
    rows.iter()
        .take(4_000)
        .filter_map(|row| {
            let row = js_sys::Array::from(&row);
            let code = row.get(0).as_f64().filter(|c| (110_000.0..=659_999.0).contains(c))? as u32;
            Some(Entry { code, name: row.get(1).as_string()?, within: row.get(2).as_string().unwrap_or_default() })
        })
        .collect()
}

/// The divisions directly under `code` (`None`: the provinces).
pub fn children(code: Option<u32>, lang: Lang) -> Vec<Entry> {
    entries(js_children(code.unwrap_or(0), tag(lang)))
}

/// The best `limit` divisions for what was typed: Chinese, or pinyin (full, first letters).
pub fn search(query: &str, limit: u32, lang: Lang) -> Vec<Entry> {
    entries(js_search(query, limit, tag(lang)))
}

/// A division's name, when the registry is loaded and has it.
pub fn name(code: u32, lang: Lang) -> Option<String> {
    js_name(code, tag(lang)).ok()?.as_string()
}
