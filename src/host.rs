//! Where the app lives: the page's own document, or an element of a host's page (`loader/embed.js`), which mounts
//! the app inside its shadow root so that neither page's styles reach the other. `loader/load.js` gives the
//! boundary `window.anjuPage`: `frame()` is the element that carries the app's language, text size and open
//! screen (the page's `<html>`, or the embed's frame) and contains `#app`; `config()` the host element's
//! `data-lang` (`en` or empty), `data-place`, `data-preset` and the address `data-rules` names, one per line (empty on
//! the page). Without the
//! boundary (a browser test mounting the app) the frame is the document's element and nothing is configured.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = anjuPage, js_name = frame, catch)]
    fn js_frame() -> Result<web_sys::Element, JsValue>;
    #[wasm_bindgen(js_namespace = anjuPage, js_name = config, catch)]
    fn js_config() -> Result<String, JsValue>;
}

/// The element that carries the app's attributes and contains it.
pub fn frame() -> Option<web_sys::Element> {
    js_frame().ok().or_else(|| gloo::utils::document().document_element())
}

/// Whether the app is inside a host's page, where the document (its title, its `<html>`) is the host's.
pub fn embedded() -> bool {
    frame().is_some_and(|f| f.tag_name() != "HTML")
}

/// The page as the host element sets it up (nothing on the page itself).
pub fn configure(ui: anju_form::state::Ui) -> anju_form::state::Ui {
    let text = js_config().unwrap_or_default();
    let mut lines = text.split('\n');
    let mut next = || lines.next().unwrap_or_default();
    let english = next() == "en";
    ui.hosted(english, next(), next())
}

/// The address of the rules file the host element names (`data-rules`), if any.
#[cfg(feature = "layers")]
pub fn rules_url() -> Option<String> {
    js_config().ok()?.split('\n').nth(3).filter(|u| !u.is_empty()).map(str::to_string)
}

/// The app's root element: `#app` inside the frame, or the body.
pub fn root() -> Option<web_sys::Element> {
    let document = gloo::utils::document();
    frame().and_then(|f| f.query_selector("#app").ok().flatten()).or_else(|| document.body().map(Into::into))
}
