//! The JS API's wasm side, built by Trunk into `dist/api/` beside `anju.js` (loader/anju.js), which is what a host
//! page imports: `assess`, `compare`, `timeline` and `plan` take the CLI's JSON request (or plan) as text and the
//! month a request without `asOf` is evaluated at (`YYYY-MM`), and give the CLI's JSON result as text, through
//! `anju-api`, so that the browser and the CLI answer alike. A request that cannot be used throws a JS `Error`
//! whose `path` is the JSON path of the bad field (or `null` for text that is not a JSON object). No page, no DOM.
//!
//! Each call also takes a place's own rules (a pack, `anju pack`; empty: none), answered over the built-in rules as
//! `anju … --rules` does; `check_rules` describes a pack or throws with every problem at its JSON path. The last
//! pack checked is kept, so a host's calls with the same rules check them once.

use std::cell::RefCell;

use anju_rules::layer::Layer;
use anju_rules::time::YearMonth;
use wasm_bindgen::prelude::*;

thread_local! {
    static RULES: RefCell<Option<(String, &'static Layer)>> = const { RefCell::new(None) };
}

fn main() {}

/// Sets `key` on a JS object.
fn set(object: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

/// A JSON path as JS: the text, or `null`.
fn path(path: Option<&str>) -> JsValue {
    path.map_or(JsValue::NULL, JsValue::from_str)
}

/// An `Error` with the message the CLI prints and the bad field's `path`.
fn error(e: &anju_api::Error) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    set(&error, "path", &path(e.path.as_deref()));
    error.into()
}

/// The layer of a pack's text (none for empty text), checked once per text; or an `Error` naming every problem: its
/// message says how many, `path` is the first one's, `problems` lists them all (`{path, message}`).
fn layer(pack: &str) -> Result<Option<&'static Layer>, JsValue> {
    if pack.is_empty() {
        return Ok(None);
    }
    if let Some(layer) = RULES.with(|r| r.borrow().as_ref().filter(|(text, _)| text == pack).map(|(_, l)| *l)) {
        return Ok(Some(layer));
    }
    match anju_api::rules(pack) {
        Ok(layer) => {
            RULES.with(|r| *r.borrow_mut() = Some((pack.to_string(), layer)));
            Ok(Some(layer))
        }
        Err(errors) => {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            let e: JsValue =
                js_sys::Error::new(&format!("{} problem(s) in the rules pack: {}", errors.len(), lines.join("; ")))
                    .into();
            set(&e, "path", &path(errors.first().and_then(|e| e.path.as_deref())));
            let problems: js_sys::Array = errors
                .iter()
                .map(|e| {
                    let o = JsValue::from(js_sys::Object::new());
                    set(&o, "path", &path(e.path.as_deref()));
                    set(&o, "message", &JsValue::from_str(&e.message));
                    o
                })
                .collect();
            set(&e, "problems", &problems);
            Err(e)
        }
    }
}

/// A pack described: its place (`id`, `name`, `nameEn`, `level`, `dataMonth`, `ended`), how many rules it sets and
/// the documents it cites (as a result's `sources`), as JSON; or the `Error` of [`layer`].
#[wasm_bindgen]
pub fn check_rules(pack: &str) -> Result<String, JsValue> {
    let Some(layer) = layer(pack)? else {
        return Err(error(&anju_api::Error { path: None, message: "no rules pack given".into() }));
    };
    let sources: serde_json::Map<String, serde_json::Value> = layer
        .sources
        .iter()
        .map(|s| (s.id.to_string(), serde_json::to_value(s).unwrap_or(serde_json::Value::Null)))
        .collect();
    let info = serde_json::json!({
        "place": {
            "id": layer.place.id,
            "name": layer.place.name,
            "nameEn": layer.place.name_en,
            "level": layer.place.level,
            "dataMonth": layer.place.data_month.map(|m| m.to_string()),
            "ended": layer.place.ended.map(|m| m.to_string()),
        },
        "rules": layer.len(),
        "sources": sources,
    });
    Ok(info.to_string())
}

fn month(text: &str) -> Result<YearMonth, JsValue> {
    YearMonth::parse(text).ok_or_else(|| {
        error(&anju_api::Error { path: None, message: format!("asOf: `{text}` is not a year-month YYYY-MM") })
    })
}

/// One of `anju-api`'s answers for `input`, within the rules of `rules` (none when empty).
fn answer(
    run: fn(&str, YearMonth) -> Result<String, anju_api::Error>,
    input: &str,
    today: &str,
    rules: &str,
) -> Result<String, JsValue> {
    let (today, layer) = (month(today)?, layer(rules)?);
    anju_rules::layer::with(layer, || run(input, today)).map_err(|e| error(&e))
}

/// `anju assess`.
#[wasm_bindgen]
pub fn assess(request: &str, today: &str, rules: &str) -> Result<String, JsValue> {
    answer(anju_api::assess, request, today, rules)
}

/// `anju compare`.
#[wasm_bindgen]
pub fn compare(plan: &str, today: &str, rules: &str) -> Result<String, JsValue> {
    answer(anju_api::compare, plan, today, rules)
}

/// `anju timeline`.
#[wasm_bindgen]
pub fn timeline(plan: &str, today: &str, rules: &str) -> Result<String, JsValue> {
    answer(anju_api::timeline, plan, today, rules)
}

/// `anju plan`.
#[wasm_bindgen]
pub fn plan(plan: &str, today: &str, rules: &str) -> Result<String, JsValue> {
    answer(anju_api::plan, plan, today, rules)
}
