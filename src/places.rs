//! The full place registry and the picker's lists over it, loaded in the browser the first time a place picker
//! opens (neither is part of the first load): `loader/places.js` reads `policy/divisions.txt` and renders province →
//! city → county and search into an element the picker leaves to it, through the small `window.anjuPlaces`
//! boundary `loader/load.js` defines. Where that boundary is absent or the registry failed to load, `ready` stays
//! false and the picker offers the provinces.

use anju_rules::message::Lang;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = anjuPlaces, js_name = load, catch)]
    fn js_load(done: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = anjuPlaces, js_name = ready, catch)]
    fn js_ready() -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = anjuPlaces, js_name = mount, catch)]
    fn js_mount(
        el: &web_sys::Element,
        id: &str,
        code: u32,
        lang: &str,
        labels: js_sys::Array,
        on_set: &JsValue,
    ) -> Result<(), JsValue>;
}

/// Starts loading the registry (once for the page) and calls `done` when it is ready or has failed.
pub fn load(done: impl FnOnce() + 'static) {
    let _ = js_load(&Closure::once_into_js(done));
}

/// Whether the registry is loaded.
pub fn ready() -> bool {
    js_ready().unwrap_or(false)
}

/// Renders the full lists for the place with `code` (0: none) into `el`; `labels` in the page's language (province,
/// city, county, not more precisely, don't know, search, nothing found); `on_set` gets each new value.
pub fn mount(el: &web_sys::Element, id: &str, code: u32, lang: Lang, labels: &[&str], on_set: &JsValue) {
    let labels: js_sys::Array = labels.iter().map(|l| JsValue::from_str(l)).collect();
    let tag = if lang == Lang::ZhCn { "zh-CN" } else { "en" };
    let _ = js_mount(el, id, code, tag, labels, on_set);
}
