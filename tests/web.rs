//! Browser tests: the app mounted into a fresh element in headless Chromium, driven through real DOM events.
//! Run by `cargo xtask test` (wasm-bindgen-test); skipped by native `cargo test`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, InputEvent, InputEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a new app into a new element and waits until it has rendered.
async fn mount() -> Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    anju_app::mount(root.clone());
    yew::scheduler::flush().await;
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

async fn click(root: &Element, selector: &str) {
    find(root, selector).dyn_into::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
}

async fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector).dyn_into().unwrap();
    input.set_value(value);
    let init = InputEventInit::new();
    init.set_bubbles(true); // Yew listens at the root: the event must bubble to reach it.
    input.dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
}

fn status(root: &Element) -> String {
    find(root, "#program-residence_permit").get_attribute("data-status").unwrap_or_default()
}

fn outcome(root: &Element, criterion: &str) -> String {
    find(root, &format!("[data-criterion='{criterion}']")).get_attribute("data-outcome").unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_new_page_is_in_chinese_and_knows_nothing_yet() {
    let root = mount().await;
    assert_eq!(status(&root), "unknown");
    for c in ["left_hukou_city", "resided_half_year", "stable_basis"] {
        assert_eq!(outcome(&root, c), "unknown", "{c}");
    }
    assert!(text(&root, ".verdict").contains("还不确定"));
    assert!(text(&root, ".disclaimer").contains("仅供参考"));
    assert!(find(&root, "#hukouElsewhere-unknown").dyn_into::<HtmlInputElement>().unwrap().checked());
}

#[wasm_bindgen_test]
async fn answering_the_questions_recomputes_the_verdict() {
    let root = mount().await;
    click(&root, "#hukouElsewhere-yes").await;
    type_into(&root, "#monthsInPlace", "4").await;
    click(&root, "#stableJob-yes").await;
    assert_eq!(status(&root), "not-yet");
    assert!(text(&root, ".earliest").contains("年"), "{}", text(&root, ".earliest"));

    type_into(&root, "#monthsInPlace", "8").await;
    assert_eq!(status(&root), "eligible");
    assert!(text(&root, ".verdict").contains("能申领"));
    assert!(text(&root, "[data-criterion='resided_half_year'] .cite").contains("《居住证暂行条例》"));

    click(&root, "#hukouElsewhere-no").await;
    assert_eq!(status(&root), "not-applicable");
}

#[wasm_bindgen_test]
async fn a_bad_month_count_is_flagged_at_the_field_and_stays_unknown() {
    let root = mount().await;
    type_into(&root, "#monthsInPlace", "-3").await;
    assert!(text(&root, "#monthsInPlace-error").contains("整数"));
    assert_eq!(find(&root, "#monthsInPlace").get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(outcome(&root, "resided_half_year"), "unknown");

    type_into(&root, "#monthsInPlace", "12").await;
    assert!(root.query_selector("#monthsInPlace-error").unwrap().is_none());
    assert_eq!(outcome(&root, "resided_half_year"), "met");
}

#[wasm_bindgen_test]
async fn the_language_switch_keeps_the_answers() {
    let root = mount().await;
    click(&root, "#stableJob-yes").await;
    click(&root, "#switch-lang").await;
    assert!(text(&root, ".verdict").contains("Not sure yet"));
    assert!(text(&root, "#stableJob legend").contains("stable job"));
    assert_eq!(outcome(&root, "stable_basis"), "met");
    click(&root, "#switch-lang").await;
    assert!(text(&root, ".verdict").contains("还不确定"));
}
