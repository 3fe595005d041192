//! Entry points of the what-if module, which `loader/load.js` imports when the page first asks for it:
//! `show(el, draft, lang, today, onClose)` mounts the screen into `el` (or updates it when it is there), `hide()`
//! takes it away. `draft` is the family as `Draft::flat` lists it, `lang` `zh-CN` or `en`, `today` `YYYY-MM`.

use std::cell::RefCell;

use anju_rules::message::Lang;
use anju_rules::time::YearMonth;
use anju_whatif::view::{Props, Screen};
use wasm_bindgen::prelude::*;

thread_local! {
    static SCREEN: RefCell<Option<yew::AppHandle<Screen>>> = const { RefCell::new(None) };
}

fn main() {}

/// Shows the screen in `el` for the family, or updates the one already shown.
#[wasm_bindgen]
pub fn show(el: web_sys::Element, draft: js_sys::Array, lang: &str, today: &str, on_close: js_sys::Function) {
    let draft: Vec<String> = draft.iter().map(|v| v.as_string().unwrap_or_default()).collect();
    let draft = std::rc::Rc::new(anju_form::draft::Draft::from_flat(&draft));
    let lang = if lang == "en" { Lang::En } else { Lang::ZhCn };
    let today = YearMonth::parse(today).unwrap_or(YearMonth::ym(2026, 1));
    let on_close = yew::Callback::from(move |()| {
        let _ = on_close.call0(&JsValue::NULL);
    });
    let props = Props { draft, lang, today, on_close };
    SCREEN.with(|screen| {
        let mut screen = screen.borrow_mut();
        match screen.as_mut() {
            Some(handle) => handle.update(props),
            None => *screen = Some(yew::Renderer::<Screen>::with_root_and_props(el, props).render()),
        }
    });
}

/// Takes the screen away.
#[wasm_bindgen]
pub fn hide() {
    SCREEN.with(|screen| {
        if let Some(handle) = screen.borrow_mut().take() {
            handle.destroy();
        }
    });
}
