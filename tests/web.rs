//! Browser tests: the app mounted into a fresh element in headless Chromium, driven through real DOM events.
//! Run by `cargo xtask test` (wasm-bindgen-test); skipped by native `cargo test`.
//!
//! Expected values are reasoned from the rules (居住证暂行条例 Art. 2: hukou elsewhere, at least six months lived
//! here, and one of a stable job, home or study), not read from the engine.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement, InputEvent, InputEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

const PERMIT: &str = "residence_permit";
const ADULT_0: &str = "household.adults[0]";
const ADULT_1: &str = "household.adults[1]";

// The page's own place lists (loader/places.js) over the whole registry, behind the boundary load.js defines.
#[wasm_bindgen(module = "/loader/places.js")]
extern "C" {
    #[wasm_bindgen(js_name = parse)]
    fn places_parse(text: &str) -> JsValue;
    #[wasm_bindgen(js_name = mount)]
    fn places_mount(
        registry: &JsValue,
        el: &JsValue,
        id: &JsValue,
        code: &JsValue,
        lang: &JsValue,
        labels: &JsValue,
        on_set: &JsValue,
    );
}

/// `window.anjuPlaces` as `loader/load.js` defines it once the registry has loaded (the test page has no load.js and
/// serves no registry file): the real lists over the whole of `policy/divisions.txt`.
fn install_places() {
    if defined("anjuPlaces") {
        return;
    }
    let registry = places_parse(include_str!("../policy/divisions.txt"));
    let ready = Closure::<dyn Fn() -> bool>::new(|| true);
    let mount = Closure::<dyn Fn(JsValue, JsValue, JsValue, JsValue, JsValue, JsValue)>::new(
        move |el, id, code, lang, labels, on_set| places_mount(&registry, &el, &id, &code, &lang, &labels, &on_set),
    );
    define(
        "anjuPlaces",
        [("load", loaded_at_once()), ("ready", ready.into_js_value()), ("mount", mount.into_js_value())],
    );
}

/// `window.anjuTexts` as `loader/load.js` defines it once `policy/sources.json` and the English texts have loaded.
fn install_texts() {
    if defined("anjuTexts") {
        return;
    }
    let sources = js_sys::JSON::parse(include_str!("../policy/sources.json")).unwrap();
    let source = Closure::<dyn Fn(String) -> JsValue>::new(move |id: String| {
        js_sys::Reflect::get(&sources, &id.into()).unwrap_or(JsValue::UNDEFINED)
    });
    let english = js_sys::JSON::parse(include_str!("../crates/form/english.json")).unwrap();
    let english = Closure::<dyn Fn() -> JsValue>::new(move || english.clone());
    define(
        "anjuTexts",
        [("load", loaded_at_once()), ("source", source.into_js_value()), ("english", english.into_js_value())],
    );
}

/// The family as `Draft::flat` lists it, language, month and mode.
type Drawn = (Vec<String>, String, String, u8);

thread_local! {
    /// What the page last handed `window.anjuWhatIf.draw` (from mode 1 up the page shows its results).
    static DRAWN: std::cell::RefCell<Option<Drawn>> = const { std::cell::RefCell::new(None) };
}

/// `window.anjuWhatIf` as `loader/load.js` defines it, without the module behind it: it keeps what the page hands it,
/// and [`settle`] draws the results' cards from that as the module does (`anju_cards::html`).
fn install_whatif() {
    if defined("anjuWhatIf") {
        return;
    }
    let draw = Closure::<dyn Fn(js_sys::Array, String, String, u8)>::new(|draft: js_sys::Array, lang, today, mode| {
        let draft = draft.iter().map(|t| t.as_string().unwrap_or_default()).collect();
        DRAWN.with(|d| *d.borrow_mut() = Some((draft, lang, today, mode)));
    });
    let initial = Closure::<dyn Fn() -> JsValue>::new(|| JsValue::UNDEFINED);
    define("anjuWhatIf", [("draw", draw.into_js_value()), ("initial", initial.into_js_value())]);
}

/// Lets the page draw, then draws its results' cards into its `#cards`, as `loader/whatif.js` does.
async fn settle(root: &Element) {
    yew::scheduler::flush().await;
    let Some((draft, lang, today, mode)) = DRAWN.with(|d| d.borrow().clone()) else { return };
    let Some(cards) = root.query_selector("#cards").unwrap() else { return };
    if mode >= 1 {
        let lang = anju_rules::message::Lang::parse(&lang).unwrap();
        let today = anju_rules::time::YearMonth::parse(&today).unwrap();
        let html = anju_cards::html(&anju_form::draft::Draft::from_flat(&draft), lang, today).await;
        cards.set_inner_html(&html);
    }
}

/// Whether the page already has the boundary `name`.
fn defined(name: &str) -> bool {
    js_sys::Reflect::has(&gloo::utils::window(), &name.into()).unwrap_or(false)
}

/// Defines `window[name]` as an object of these functions.
fn define<const N: usize>(name: &str, functions: [(&str, JsValue); N]) {
    let boundary = js_sys::Object::new();
    for (key, f) in functions {
        js_sys::Reflect::set(&boundary, &key.into(), &f).unwrap();
    }
    js_sys::Reflect::set(&gloo::utils::window(), &name.into(), &boundary).unwrap();
}

/// A boundary's `load(done)` whose file is already there: `done` at once.
fn loaded_at_once() -> JsValue {
    Closure::<dyn Fn(js_sys::Function)>::new(|done: js_sys::Function| {
        let _ = done.call0(&JsValue::NULL);
    })
    .into_js_value()
}

/// Mounts a new app into a new element and waits until it has rendered.
async fn mount() -> Element {
    install_places();
    install_texts();
    install_whatif();
    mount_bare().await
}

/// Mounts the app as a page whose place registry has not loaded.
async fn mount_without_places() -> Element {
    let window: JsValue = gloo::utils::window().into();
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &"anjuPlaces".into());
    mount_bare().await
}

async fn mount_bare() -> Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    anju_app::mount(root.clone());
    settle(&root).await;
    root
}

/// The selector of a question's element, from its JSON path: `household.adults[0].monthsInPlace` →
/// `#household-adults-0-monthsInPlace` (the page's id contract), with `suffix` appended (`-input`, `-yes`, …).
fn q(path: &str, suffix: &str) -> String {
    let id: String = path.chars().filter(|c| *c != ']').map(|c| if c == '[' || c == '.' { '-' } else { c }).collect();
    format!("#{id}{suffix}")
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn exists(root: &Element, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_some()
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn attr(root: &Element, selector: &str, name: &str) -> String {
    find(root, selector).get_attribute(name).unwrap_or_default()
}

fn value(root: &Element, selector: &str) -> String {
    find(root, selector).dyn_into::<HtmlInputElement>().unwrap().value()
}

fn html_attr(name: &str) -> String {
    gloo::utils::document().document_element().unwrap().get_attribute(name).unwrap_or_default()
}

async fn click(root: &Element, selector: &str) {
    find(root, selector).dyn_into::<HtmlElement>().unwrap().click();
    settle(root).await;
}

async fn go(root: &Element, step: &str) {
    click(root, &format!("button.step-link[data-step='{step}']")).await;
}

async fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector).dyn_into().unwrap();
    input.set_value(value);
    let init = InputEventInit::new();
    init.set_bubbles(true); // Yew listens at the root: the event must bubble to reach it.
    input.dispatch_event(&InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    settle(root).await;
}

async fn choose(root: &Element, selector: &str, value: &str) {
    let select: HtmlSelectElement = find(root, selector).dyn_into().unwrap();
    select.set_value(value);
    assert_eq!(select.value(), value, "{selector} offers no {value:?}");
    let init = EventInit::new();
    init.set_bubbles(true);
    select.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    settle(root).await;
}

/// Picks a place level by level in a question's picker (province, then city, then county).
async fn pick_place(root: &Element, path: &str, levels: &[&str]) {
    for (i, level) in levels.iter().enumerate() {
        choose(root, &q(path, &format!("-{i}")), level).await;
    }
}

/// The option values a select offers (its blank "don't know" / "not more precisely" first).
fn options(root: &Element, selector: &str) -> Vec<String> {
    let children = find(root, selector).children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .map(|o| js_sys::Reflect::get(&o, &"value".into()).ok().and_then(|v| v.as_string()).unwrap_or_default())
        .collect()
}

/// The step the page is on.
fn step(root: &Element) -> String {
    attr(root, "button.step-link[aria-current='step']", "data-step")
}

fn steps(root: &Element) -> Vec<String> {
    let links = root.query_selector_all("button.step-link").unwrap();
    (0..links.length())
        .filter_map(|i| links.item(i))
        .map(|n| n.dyn_into::<Element>().unwrap().get_attribute("data-step").unwrap_or_default())
        .collect()
}

fn verdict(root: &Element, area: &str) -> String {
    attr(root, &format!("li.area[data-area='{area}']"), "data-verdict")
}

fn card(program: &str, subject: &str) -> String {
    format!("details.program[data-program='{program}'][data-subject='{subject}']")
}

fn status(root: &Element, program: &str, subject: &str) -> String {
    attr(root, &card(program, subject), "data-status")
}

fn outcome(root: &Element, program: &str, subject: &str, criterion: &str) -> String {
    attr(root, &format!("{} li.criterion[data-criterion='{criterion}']", card(program, subject)), "data-outcome")
}

/// Adult 0 lives in Rong'an county (Guangxi) with a hukou in Lankao county (Henan): the hukou is elsewhere.
async fn live_in_rongan_with_a_lankao_hukou(root: &Element) {
    pick_place(root, "household.adults[0].currentPlace", &["450000", "450200", "450224"]).await;
    pick_place(root, "household.adults[0].hukouPlace", &["410000", "410200", "410225"]).await;
}

#[wasm_bindgen_test]
async fn a_new_page_is_in_chinese_on_the_family_step_and_knows_nothing_yet() {
    let root = mount().await;
    assert_eq!(html_attr("lang"), "zh-CN");
    assert_eq!(step(&root), "family");
    assert_eq!(attr(&root, "form.questions", "data-step"), "family");
    assert!(!exists(&root, "#back"), "the first step has no way back");
    assert!(text(&root, "#next").contains("下一步"));
    let areas: Vec<String> = {
        let lines = root.query_selector_all("li.area").unwrap();
        (0..lines.length())
            .map(|i| lines.item(i).unwrap().dyn_into::<Element>().unwrap().get_attribute("data-area").unwrap())
            .collect()
    };
    assert_eq!(areas, ["housing", "pension", "school", "papers"]);
    for area in ["housing", "pension"] {
        let v = verdict(&root, area);
        assert!(v == "unsure" || v == "none", "{area}: {v}");
    }
    // Nothing is known about the one adult: the permit may or may not be open. No child: no school program.
    assert_eq!(verdict(&root, "papers"), "unsure");
    assert_eq!(verdict(&root, "school"), "none");
    assert!(text(&root, "li.area[data-area='papers']").contains("还不确定"));
    assert!(text(&root, ".disclaimer").contains("仅供参考"));
    assert!(!exists(&root, "details.program"), "cards only on the results step");
    // Unanswered choices sit on 不知道.
    let sex = find(&root, &q("household.adults[0].sex", "-unknown")).dyn_into::<HtmlInputElement>().unwrap();
    assert!(sex.checked());
}

#[wasm_bindgen_test]
async fn places_months_and_a_stable_job_make_the_permit_eligible() {
    let root = mount().await;
    click(&root, "#next").await;
    assert_eq!(attr(&root, "form.questions", "data-step"), "places");
    live_in_rongan_with_a_lankao_hukou(&root).await;
    type_into(&root, &q("household.adults[0].monthsInPlace", "-input"), "8").await;
    // Hukou elsewhere and 8 ≥ 6 months, but no stable job, home or study known yet.
    assert_eq!(verdict(&root, "papers"), "unsure");

    click(&root, "#next").await;
    assert_eq!(step(&root), "work");
    click(&root, &q("household.adults[0].stableJob", "-yes")).await;
    assert_eq!(verdict(&root, "papers"), "can");

    go(&root, "results").await;
    assert!(!exists(&root, "form.questions"));
    assert_eq!(status(&root, PERMIT, ADULT_0), "eligible");
    for c in ["left_hukou_city", "resided_half_year", "stable_basis"] {
        assert_eq!(outcome(&root, PERMIT, ADULT_0, c), "met", "{c}");
    }
    let cite =
        text(&root, &format!("{} li.criterion[data-criterion='resided_half_year'] .cite", card(PERMIT, ADULT_0)));
    assert!(cite.contains("《居住证暂行条例》"), "{cite}");

    // Four months is short of half a year: not yet, with the month it will be met.
    go(&root, "places").await;
    type_into(&root, &q("household.adults[0].monthsInPlace", "-input"), "4").await;
    go(&root, "results").await;
    assert_eq!(status(&root, PERMIT, ADULT_0), "not-yet");
    assert_eq!(outcome(&root, PERMIT, ADULT_0, "resided_half_year"), "not-met");
    assert!(text(&root, &format!("{} .earliest", card(PERMIT, ADULT_0))).contains("年"));
}

#[wasm_bindgen_test]
async fn letters_in_a_month_count_are_flagged_in_chinese_kept_and_stay_unknown() {
    let root = mount().await;
    go(&root, "places").await;
    let input = q("household.adults[0].monthsInPlace", "-input");
    let error = q("household.adults[0].monthsInPlace", "-error");
    type_into(&root, &input, "abc").await;
    assert!(text(&root, &error).contains("请只填整数"), "{}", text(&root, &error));
    assert_eq!(attr(&root, &error, "class"), "field-error");
    assert_eq!(attr(&root, &input, "aria-invalid"), "true");
    assert_eq!(value(&root, &input), "abc", "the typed text stays");
    go(&root, "results").await;
    assert_eq!(outcome(&root, PERMIT, ADULT_0, "resided_half_year"), "unknown");

    go(&root, "places").await;
    assert_eq!(value(&root, &input), "abc");
    // Blank is "don't know", never zero: no error, and still unknown (zero months would be not met).
    type_into(&root, &input, "").await;
    assert!(!exists(&root, &error));
    assert_eq!(attr(&root, &input, "aria-invalid"), "false");
    go(&root, "results").await;
    assert_eq!(outcome(&root, PERMIT, ADULT_0, "resided_half_year"), "unknown");

    go(&root, "places").await;
    type_into(&root, &input, "12").await;
    go(&root, "results").await;
    assert_eq!(outcome(&root, PERMIT, ADULT_0, "resided_half_year"), "met");
}

#[wasm_bindgen_test]
async fn a_permit_issued_in_a_month_still_to_come_is_flagged_and_not_counted() {
    let root = mount().await;
    // This family holds a permit issued 2024-05: its continuous months are noted on the permit card (条例 Art. 10).
    click(&root, "button[data-preset='county-town-worker']").await;
    assert!(text(&root, &format!("{} .notes", card(PERMIT, ADULT_0))).contains("2024年5月"));

    go(&root, "places").await;
    let input = q("household.adults[0].permit.issued", "-input");
    assert_eq!(attr(&root, &input, "type"), "month");
    assert_eq!(value(&root, &input), "2024-05");
    let next_year = js_sys::Date::new_0().get_full_year() + 1;
    let future = format!("{next_year}-01");
    type_into(&root, &input, &future).await;
    let error = q("household.adults[0].permit.issued", "-error");
    assert!(text(&root, &error).contains("还没到"), "{}", text(&root, &error));
    assert_eq!(attr(&root, &input, "aria-invalid"), "true");
    assert_eq!(value(&root, &input), future);
    // The issue month is unknown now, so no continuous span can be told.
    go(&root, "results").await;
    let notes = format!("{} .notes", card(PERMIT, ADULT_0));
    assert!(!exists(&root, &notes) || !text(&root, &notes).contains("已经有居住证"), "{}", text(&root, &notes));
}

#[wasm_bindgen_test]
async fn back_keeps_every_answer() {
    let root = mount().await;
    let birth = q("household.adults[0].birth", "-input");
    let months = q("household.adults[0].monthsInPlace", "-input");
    type_into(&root, &birth, "1990-05").await;
    click(&root, "#next").await;
    type_into(&root, &months, "12").await;
    click(&root, "#next").await;
    assert_eq!(step(&root), "work");
    click(&root, "#back").await;
    assert!(text(&root, "#back").contains("上一步"));
    assert_eq!(attr(&root, "form.questions", "data-step"), "places");
    assert_eq!(value(&root, &months), "12");
    click(&root, "#back").await;
    assert_eq!(step(&root), "family");
    assert_eq!(value(&root, &birth), "1990-05");
}

#[wasm_bindgen_test]
async fn a_preset_fills_the_answers_shows_the_results_and_stays_editable() {
    let root = mount().await;
    click(&root, "button[data-preset='young-couple-city']").await;
    assert_eq!(step(&root), "results");
    assert!(!exists(&root, "form.questions"));
    // Both live in Shenzhen 18 months with a Rong'an hukou; only the mother has said she has a stable job.
    assert_eq!(status(&root, PERMIT, ADULT_0), "eligible");
    assert_eq!(status(&root, PERMIT, ADULT_1), "unknown");
    assert_eq!(outcome(&root, PERMIT, ADULT_1, "stable_basis"), "unknown");
    assert_eq!(verdict(&root, "papers"), "can");

    go(&root, "places").await;
    assert_eq!(value(&root, &q("household.adults[1].monthsInPlace", "-input")), "18");
    go(&root, "work").await;
    click(&root, &q("household.adults[1].stableJob", "-yes")).await;
    go(&root, "results").await;
    assert_eq!(status(&root, PERMIT, ADULT_1), "eligible");

    click(&root, "#start-over").await;
    assert_eq!(step(&root), "family");
    go(&root, "places").await;
    assert_eq!(value(&root, &q("household.adults[0].monthsInPlace", "-input")), "");
}

#[wasm_bindgen_test]
async fn the_school_step_is_there_only_with_a_child() {
    let root = mount().await;
    assert_eq!(steps(&root), ["family", "places", "work", "housing", "results"]);
    go(&root, "housing").await;
    assert!(text(&root, "#next").contains("看结果"));
    click(&root, "#next").await;
    assert_eq!(step(&root), "results");

    go(&root, "family").await;
    click(&root, "#add-child").await;
    assert_eq!(steps(&root), ["family", "places", "work", "housing", "school", "results"]);
    assert!(exists(&root, "section.person[data-subject='household.children[0]']"));
    assert!(exists(&root, &q("household.children[0].birth", "-input")));
    assert_ne!(verdict(&root, "school"), "none", "a child of unknown age may be going to school");
    go(&root, "housing").await;
    click(&root, "#next").await;
    assert_eq!(attr(&root, "form.questions", "data-step"), "school");
    click(&root, "#back").await;
    assert_eq!(step(&root), "housing");
}

#[wasm_bindgen_test]
async fn the_language_switch_changes_the_words_and_keeps_the_answers_and_the_step() {
    let root = mount().await;
    go(&root, "places").await;
    let months = q("household.adults[0].monthsInPlace", "-input");
    type_into(&root, &months, "8").await;
    assert!(text(&root, "form.questions h2").contains("户口"));

    click(&root, "#switch-lang").await;
    assert_eq!(html_attr("lang"), "en");
    assert_eq!(step(&root), "places");
    assert_eq!(text(&root, "form.questions h2"), "Where you live and where your hukou is");
    assert_eq!(text(&root, "#next"), "Next");
    assert!(text(&root, "li.area[data-area='papers'] .area-verdict").contains("Not sure yet"));
    assert!(text(&root, "#switch-lang").contains("中文"));
    assert_eq!(value(&root, &months), "8");

    click(&root, "#switch-lang").await;
    assert_eq!(html_attr("lang"), "zh-CN");
    assert_eq!(step(&root), "places");
    assert!(text(&root, "li.area[data-area='papers'] .area-verdict").contains("还不确定"));
    assert_eq!(value(&root, &months), "8");
}

#[wasm_bindgen_test]
async fn the_text_size_switch_sets_the_page_scale() {
    let root = mount().await;
    assert_eq!(html_attr("data-scale"), "100");
    assert_eq!(attr(&root, "button.size-100", "aria-pressed"), "true");
    click(&root, "button.size-150").await;
    assert_eq!(html_attr("data-scale"), "150");
    assert_eq!(attr(&root, "button.size-150", "aria-pressed"), "true");
    assert_eq!(attr(&root, "button.size-100", "aria-pressed"), "false");
    click(&root, "button.size-125").await;
    assert_eq!(html_attr("data-scale"), "125");
    assert_eq!(attr(&root, "button.size-125", "aria-pressed"), "true");
    assert_eq!(attr(&root, "button.size-150", "aria-pressed"), "false");
    click(&root, "button.size-100").await;
    assert_eq!(html_attr("data-scale"), "100");
}

#[wasm_bindgen_test]
async fn a_local_hukou_is_never_asked_about_a_residence_permit() {
    let root = mount().await;
    go(&root, "places").await;
    // 兰考县 by its code, level by level: 河南省 410000, 开封市 410200, 兰考县 410225.
    let lankao = ["410000", "410200", "410225"];
    pick_place(&root, "household.adults[0].currentPlace", &lankao).await;
    pick_place(&root, "household.adults[0].hukouPlace", &lankao).await;
    // Living where the hukou is: no permit (条例 Art. 2) and no hukou to move.
    for field in ["hukouElsewhere", "stableHome", "continuousStudy", "permit.held", "permit.issued"] {
        let path = format!("{ADULT_0}.{field}");
        assert!(!exists(&root, &format!("[data-path='{path}']")), "{path} is asked");
    }
    assert_eq!(verdict(&root, "papers"), "none");

    // A hukou in another province: the permit's conditions are asked again.
    choose(&root, &q("household.adults[0].hukouPlace", "-0"), "450000").await;
    assert!(exists(&root, &format!("[data-path='{ADULT_0}.stableHome']")));
    assert_eq!(verdict(&root, "papers"), "unsure");
}

#[wasm_bindgen_test]
async fn the_place_picker_offers_every_county_and_says_whose_rules_are_used() {
    let root = mount().await;
    go(&root, "places").await;
    let place = "household.adults[0].currentPlace";
    let used = format!("{} .layer-used", q(place, ""));
    assert!(!exists(&root, &q(place, "-1")), "no city before a province");
    assert!(!exists(&root, &used));
    let provinces = options(&root, &q(place, "-0"));
    assert_eq!(provinces.len(), 32, "don't know and the 31 provinces");
    assert_eq!((provinces[0].as_str(), provinces[1].as_str()), ("", "110000"));

    // 湖北省's own layer sets nothing (武汉市's does): national rules.
    choose(&root, &q(place, "-0"), "420000").await;
    assert!(text(&root, &used).contains("全国的规定"), "{}", text(&root, &used));

    // 广西: its 14 cities are listed; 柳州市's layer only names it, so Guangxi's rules answer there.
    choose(&root, &q(place, "-0"), "450000").await;
    assert_eq!(options(&root, &q(place, "-1")).len(), 15, "not more precisely and 14 cities");
    assert!(!exists(&root, &q(place, "-2")));
    assert!(text(&root, &used).contains("广西壮族自治区的规定"), "{}", text(&root, &used));
    choose(&root, &q(place, "-1"), "450200").await;
    assert!(options(&root, &q(place, "-2")).contains(&"450224".to_string()), "融安县 is in 柳州市");
    assert!(text(&root, &used).contains("广西壮族自治区的规定"), "{}", text(&root, &used));
    // 融安县's own rules, with how current they are.
    choose(&root, &q(place, "-2"), "450224").await;
    assert!(text(&root, &used).contains("融安县的规定"), "{}", text(&root, &used));
    assert!(text(&root, &used).contains("数据截至2024年8月"), "{}", text(&root, &used));
    // "Not more precisely" keeps the city.
    choose(&root, &q(place, "-2"), "").await;
    assert_eq!(find(&root, &q(place, "-1")).dyn_into::<HtmlSelectElement>().unwrap().value(), "450200");

    click(&root, "#switch-lang").await;
    assert!(text(&root, &used).contains("the rules of Guangxi"), "{}", text(&root, &used));
    assert_eq!(text(&root, &format!("label[for='{}']", &q(place, "-0")[1..])), "Province");
}

#[wasm_bindgen_test]
async fn before_the_registry_loads_the_picker_offers_the_provinces() {
    let root = mount_without_places().await;
    go(&root, "places").await;
    let place = "household.adults[0].currentPlace";
    assert_eq!(options(&root, &q(place, "-0")).len(), 32, "don't know and the 31 provinces");
    assert!(exists(&root, ".places-loading"));
    choose(&root, &q(place, "-0"), "410000").await;
    assert!(!exists(&root, &q(place, "-1")), "no cities without the registry");
    assert!(text(&root, &format!("{} .layer-used", q(place, ""))).contains("河南省的规定"));
    install_places();
}
