//! The JS API's wasm side, built by Trunk into `dist/api/` beside `anju.js` (loader/anju.js), which is what a host
//! page imports: `assess`, `compare`, `timeline` and `plan` take the CLI's JSON request (or plan) as text and the
//! month a request without `asOf` is evaluated at (`YYYY-MM`), and give the CLI's JSON result as text, through
//! `anju-api`, so that the browser and the CLI answer alike. A request that cannot be used throws a JS `Error`
//! whose `path` is the JSON path of the bad field (or `null` for text that is not a JSON object). No page, no DOM.

use anju_rules::time::YearMonth;
use wasm_bindgen::prelude::*;

fn main() {}

/// An `Error` with the message the CLI prints and the bad field's `path`.
fn error(e: &anju_api::Error) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    let path = e.path.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("path"), &path);
    error.into()
}

fn month(text: &str) -> Result<YearMonth, JsValue> {
    YearMonth::parse(text).ok_or_else(|| {
        error(&anju_api::Error { path: None, message: format!("asOf: `{text}` is not a year-month YYYY-MM") })
    })
}

/// `anju assess`.
#[wasm_bindgen]
pub fn assess(request: &str, today: &str) -> Result<String, JsValue> {
    anju_api::assess(request, month(today)?).map_err(|e| error(&e))
}

/// `anju compare`.
#[wasm_bindgen]
pub fn compare(plan: &str, today: &str) -> Result<String, JsValue> {
    anju_api::compare(plan, month(today)?).map_err(|e| error(&e))
}

/// `anju timeline`.
#[wasm_bindgen]
pub fn timeline(plan: &str, today: &str) -> Result<String, JsValue> {
    anju_api::timeline(plan, month(today)?).map_err(|e| error(&e))
}

/// `anju plan`.
#[wasm_bindgen]
pub fn plan(plan: &str, today: &str) -> Result<String, JsValue> {
    anju_api::plan(plan, month(today)?).map_err(|e| error(&e))
}
