//! Entry points of the what-if and hand-over module, which `loader/whatif.js` imports when the page first asks for
//! it:
//! - `show(el, draft, lang, today, view, opened, remembered, page, wechat, onEvent)` mounts the screen into `el` (or
//!   updates it): `draft` is the family as `Draft::flat` lists it, `lang` `zh-CN` or `en`, `today` `YYYY-MM`, `view`
//!   0 for what-if and 1 for hand-over, `opened` counts the page's taps, `page` is the page's address without its
//!   fragment; `onEvent(kind, value)` hears `close`, `clear`, `remember` (with true or false) and `open` (with a
//!   link's fragment: a family file's family, to open in place of the form's);
//! - `hide()` takes it away;
//! - `open_link(text)` reads a hand-over link or this phone's copy: the family as `Draft::flat` lists it, or why
//!   not (`none`, `foreign`, `future`, `damaged`);
//! - `encode(draft)` writes the family as a link's fragment (`s=3.…`), for this phone's copy;
//! - `cards(draft, lang, today)`: the page's result cards for the family, as HTML (a promise of it), which
//!   `loader/whatif.js` puts into the page's `#cards`: each question's button names its question
//!   (`data-question`), which the page takes the person to;
//! - `rules(text)`: the county's rules the host page gave (`data-rules`), which the page checked and shows; when
//!   valid, the screens answer within them too (true), else with the built-in data (false).

use std::cell::RefCell;

use anju_form::draft::Draft;
use anju_form::share::{self, ShareError};
use anju_rules::message::Lang;
use anju_rules::time::YearMonth;
use anju_whatif::handover::Out;
use anju_whatif::view::{Props, Screen, View};
use wasm_bindgen::prelude::*;

thread_local! {
    static SCREEN: RefCell<Option<yew::AppHandle<Screen>>> = const { RefCell::new(None) };
}

fn main() {}

/// The language and month the page hands over (`zh-CN` or `en`; `YYYY-MM`).
fn lang_and_month(lang: &str, today: &str) -> (Lang, YearMonth) {
    let lang = if lang == "en" { Lang::En } else { Lang::ZhCn };
    (lang, YearMonth::parse(today).unwrap_or(YearMonth::ym(2026, 1)))
}

fn draft_of(list: &js_sys::Array) -> Draft {
    let list: Vec<String> = list.iter().map(|v| v.as_string().unwrap_or_default()).collect();
    Draft::from_flat(&list)
}

/// Shows the screen in `el` for the family, or updates the one already shown.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn show(
    el: web_sys::Element,
    draft: js_sys::Array,
    lang: &str,
    today: &str,
    view: u8,
    opened: u32,
    remembered: bool,
    page: &str,
    wechat: bool,
    on_event: js_sys::Function,
) {
    // The page's English texts, for the headings the screens share with the page (once they are there).
    anju_cards::documents::english();
    let draft = std::rc::Rc::new(draft_of(&draft));
    let (lang, today) = lang_and_month(lang, today);
    let view = if view == 1 { View::HandOver } else { View::WhatIf };
    let on_out = yew::Callback::from(move |out: Out| {
        let _ = match out {
            Out::Close => on_event.call1(&JsValue::NULL, &"close".into()),
            Out::Clear => on_event.call1(&JsValue::NULL, &"clear".into()),
            Out::Remember(on) => on_event.call2(&JsValue::NULL, &"remember".into(), &on.into()),
            Out::Open(fragment) => on_event.call2(&JsValue::NULL, &"open".into(), &fragment.into()),
        };
    });
    let props = Props { draft, lang, today, view, opened, remembered, page: page.into(), wechat, on_out };
    anju_whatif::mounted_in(&el);
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

/// The family in a hand-over link (a whole address or its fragment) or this phone's copy, as `Draft::flat` lists
/// it; or why there is none, as a word.
#[wasm_bindgen]
pub fn open_link(text: &str) -> JsValue {
    match share::decode(text) {
        Ok(draft) => draft.flat().iter().map(|s| JsValue::from_str(s)).collect::<js_sys::Array>().into(),
        Err(ShareError::NoState) => "none".into(),
        Err(ShareError::Foreign) => "foreign".into(),
        Err(ShareError::FutureVersion(_)) => "future".into(),
        Err(ShareError::Damaged) => "damaged".into(),
    }
}

/// The page's result cards for the family, as HTML (`anju_cards::html`).
#[wasm_bindgen]
pub async fn cards(draft: js_sys::Array, lang: &str, today: &str) -> String {
    let (lang, today) = lang_and_month(lang, today);
    anju_cards::html(&draft_of(&draft), lang, today).await
}

/// Answers within the host's rules from now on, when they are valid (the page showed why when not).
#[wasm_bindgen]
pub fn rules(text: &str) -> bool {
    match anju_api::layer(text) {
        Ok(layer) => {
            anju_rules::layer::install(layer);
            true
        }
        Err(_) => false,
    }
}

/// The family as a link's fragment, `s=3.…`.
#[wasm_bindgen]
pub fn encode(draft: js_sys::Array) -> String {
    share::encode(&draft_of(&draft))
}
