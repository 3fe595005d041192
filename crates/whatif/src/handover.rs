//! The hand-over screen: the family's answers passed on without a server. A link with the family in its fragment
//! (`anju_form::share`) and its QR code as an image, under a warning that both carry the family's answers; keeping
//! the family on this phone only when the person ticks it, and clearing everything in one tap; a print view with a
//! page per column (every criterion with its source, the papers, the notice); the family file, which is exactly
//! the CLI's plan (`anju compare FILE` gives the same answers), and opening one (`anju_form::import`: what the
//! form cannot hold is listed before it replaces the form); and a QR code of the calculator alone, with no
//! household data, to recommend it.

use std::rc::Rc;

use anju_form::draft::Draft;
use anju_rules::household::Request;
use anju_rules::message::{month_text, Lang};
use anju_rules::scenario::{self, Plan};
use anju_rules::time::YearMonth;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::WhatIf;
use crate::words::{self, w, W};

/// What the screen asks of the page around it.
#[derive(Debug, Clone, PartialEq)]
pub enum Out {
    /// Back to the page's results.
    Close,
    /// Forget the family everywhere: this phone's copy, the address, the form.
    Clear,
    /// Keep the family on this phone from now on (`true`), or stop and forget it.
    Remember(bool),
    /// Open this family (a link's fragment, `s=3.…`) in place of the form's answers.
    Open(String),
}

/// A family file, read.
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    /// The family, as a link's fragment, with what the form cannot hold (in words) and whether choices were left.
    Family { fragment: String, dropped: Vec<String>, scenarios: bool },
    /// Not a plan or request: the line and column near the problem, and the parser's words.
    NotJson { line: usize, column: usize, detail: String },
    /// A plan whose values are out of range, in words.
    BadValues(Vec<String>),
}

/// Reads a family file: exactly the CLI's plan (a request is a plan without scenarios).
pub fn read_file(text: &str, today: YearMonth, lang: Lang) -> Read {
    let plan: Plan = match serde_json::from_str(text) {
        Ok(plan) => plan,
        Err(e) => return Read::NotJson { line: e.line(), column: e.column(), detail: e.to_string() },
    };
    let as_of = plan.as_of.unwrap_or(today);
    let errors = plan.validate(as_of);
    if !errors.is_empty() {
        return Read::BadValues(errors.iter().map(|e| anju_form::import::dropped_text(&e.path, lang)).collect());
    }
    let imported = anju_form::import::from_household(&plan.household, as_of);
    Read::Family {
        fragment: anju_form::share::encode(&imported.draft),
        dropped: imported.dropped.iter().map(|p| anju_form::import::dropped_text(p, lang)).collect(),
        scenarios: !plan.all_scenarios().is_empty(),
    }
}

/// Reads the file chosen in an `<input type="file">` and hands its text to `done`.
fn read_chosen(input: &web_sys::HtmlInputElement, done: Callback<String>) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
    settled(&file.text(), move |text| done.emit(text.as_string().unwrap_or_default()), || {});
}

fn read_view(read: &Read, lang: Lang, on_out: &Callback<Out>) -> Html {
    let list = |items: &[String]| html! { <ul>{ for items.iter().map(|i| html! { <li>{ i }</li> }) }</ul> };
    match read {
        Read::Family { fragment, dropped, scenarios } => {
            let open = {
                let (on_out, fragment) = (on_out.clone(), fragment.clone());
                Callback::from(move |_: MouseEvent| on_out.emit(Out::Open(fragment.clone())))
            };
            html! {
                <div class="import-read" role="status">
                    <p>{ w(lang, W::ImportRead) }</p>
                    if !dropped.is_empty() {
                        <p class="warning">{ w(lang, W::ImportDropped) }</p>
                        { list(dropped) }
                    }
                    if *scenarios { <p class="hint">{ w(lang, W::ImportScenarios) }</p> }
                    <button type="button" class="primary" id="ho-import-open" onclick={open}>{ w(lang, W::ImportOpen) }</button>
                </div>
            }
        }
        Read::NotJson { line, column, detail } => {
            let at = match lang {
                Lang::ZhCn => format!("{}第{line}行第{column}个字附近（{detail}）", w(lang, W::ImportAt)),
                Lang::En => format!("{} line {line}, column {column} ({detail})", w(lang, W::ImportAt)),
            };
            html! {
                <div class="import-read" role="alert">
                    <p class="warning">{ w(lang, W::ImportNotJson) }</p>
                    <p class="hint">{ at }</p>
                </div>
            }
        }
        Read::BadValues(items) => html! {
            <div class="import-read" role="alert">
                <p class="warning">{ w(lang, W::ImportBadValues) }</p>
                { list(items) }
            </div>
        },
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub draft: Rc<Draft>,
    pub request: Rc<Request>,
    /// The choices of the what-if screen, which the print view and the family file carry.
    pub whatif: WhatIf,
    pub lang: Lang,
    pub today: YearMonth,
    /// The page's address without its fragment.
    pub page: Rc<str>,
    /// Whether this phone keeps the family now.
    pub remembered: bool,
    /// Inside WeChat, which cannot print.
    pub wechat: bool,
    pub on_out: Callback<Out>,
}

/// The address that opens this family: the page's, with the family in the fragment.
pub fn link(page: &str, draft: &Draft) -> String {
    format!("{page}#{}", anju_form::share::encode(draft))
}

/// The CLI's plan for the family and the screen's choices: `anju compare` reads it as it is.
pub fn plan(request: &Request, whatif: &WhatIf, today: YearMonth) -> Plan {
    let at = (!whatif.planned.is_empty()).then(|| whatif.at_month(today));
    Plan {
        as_of: Some(today),
        household: request.household.clone(),
        scenarios: whatif.scenarios(today),
        at,
        ..Plan::default()
    }
}

/// The family file's text: the plan as JSON, two-space indented.
pub fn plan_json(request: &Request, whatif: &WhatIf, today: YearMonth) -> String {
    // A plan is plain data (no map with non-text keys): serializing cannot fail.
    serde_json::to_string_pretty(&plan(request, whatif, today)).unwrap_or_default()
}

/// Starts a download of `text` as a file named `name`, in this browser only.
fn download(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let document = gloo::utils::document();
    if let Some(a) = document.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Calls `ok` with the value `promise` resolves to, or `failed` when it rejects; once, later.
fn settled(promise: &js_sys::Promise, ok: impl FnOnce(JsValue) + 'static, failed: impl FnOnce() + 'static) {
    let ok = Closure::once(ok);
    let failed = Closure::once(move |_: JsValue| failed());
    let _ = promise.then2(&ok, &failed);
    // One of them runs once, later; each is a few bytes.
    ok.forget();
    failed.forget();
}

/// Copies `text`; `done(true)` when the clipboard took it, `done(false)` when it did not (then the link's box is
/// selected so that a long press can copy it).
fn copy(text: &str, done: Callback<bool>) {
    let fallback = {
        let done = done.clone();
        move || {
            let input = crate::find("#ho-link");
            if let Some(input) = input.and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                input.select();
            }
            done.emit(false);
        }
    };
    let clipboard = gloo::utils::window().navigator().clipboard();
    // Absent outside a secure page and in old WebViews.
    if JsValue::from(clipboard.clone()).is_undefined() {
        return fallback();
    }
    settled(&clipboard.write_text(text), move |_| done.emit(true), fallback);
}

/// A QR image, or the words saying why there is none.
/// On the calculator's own page an `<img>` (WeChat's long press reads images); inside a host page's element, whose
/// policy may allow no `data:` image, an inline SVG drawing.
fn qr_image(id: &'static str, text: &str, alt: &str, lang: Lang) -> Html {
    let too_long = || html! { <p class="hint">{ w(lang, W::QrTooLong) }</p> };
    if crate::embedded() {
        return match crate::qr::svg_path(text) {
            Some((side, d)) => html! {
                <svg {id} class="qr" role="img" aria-label={alt.to_string()} width="240" height="240"
                    viewBox={format!("0 0 {side} {side}")} shape-rendering="crispEdges">
                    <rect width={side.to_string()} height={side.to_string()} fill="#fff" />
                    <path {d} fill="#000" />
                </svg>
            },
            None => too_long(),
        };
    }
    match crate::qr::data_url(text) {
        Some(src) => html! { <img {id} class="qr" {src} alt={alt.to_string()} width="240" height="240" /> },
        None => too_long(),
    }
}

/// One page per column for print: the baseline, then each choice, at the month the comparison looks at (today when
/// there is no choice), each program's card drawn open.
fn print_pages(request: &Request, whatif: &WhatIf, lang: Lang, today: YearMonth) -> Html {
    // On paper a question is a line to read, not a place to go (print.css shows these buttons as text).
    let on_question = Callback::noop();
    let scenarios = whatif.scenarios(today);
    let at = if scenarios.is_empty() { today } else { whatif.at_month(today) };
    let baseline = (w(lang, W::Baseline).to_string(), request.clone());
    let columns = std::iter::once(baseline).chain(scenarios.iter().enumerate().map(|(i, s)| {
        let title = format!("{}{}{}", words::scenario_title(lang, i + 1), anju_form::catalogue::colon(lang), {
            anju_rules::explain::actions_text(&s.actions, lang)
        });
        (title, scenario::under(request, today, s, at))
    }));
    html! {
        <div class="print-pages">
            { for columns.map(|(title, request)| {
                let assessment = anju_rules::assess(&request, at);
                let cards = anju_cards::cards(&assessment, &request.household, lang, &on_question);
                html! {
                    <section class="print-page">
                        <p class="print-title">{ w(lang, W::PrintTitle) }</p>
                        <h3>{ title }</h3>
                        <p>{ w(lang, W::PrintAt) }{ month_text(lang, at) }</p>
                        <div class="cards">{ cards }</div>
                        <p class="disclaimer">{ assessment.disclaimer.text(lang) }</p>
                    </section>
                }
            }) }
        </div>
    }
}

#[function_component]
pub fn HandOver(props: &Props) -> Html {
    let lang = props.lang;
    let copied = use_state(|| None::<bool>);
    let read = use_state(|| None::<Read>);
    let on_file = {
        let (read, today) = (read.clone(), props.today);
        Callback::from(move |e: yew::Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else { return };
            let read = read.clone();
            read_chosen(&input, Callback::from(move |text: String| read.set(Some(read_file(&text, today, lang)))));
        })
    };
    let link = link(&props.page, &props.draft);
    let on_copy = {
        let (link, copied) = (link.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            copy(&link, Callback::from(move |ok| copied.set(Some(ok))));
        })
    };
    let out = |o: Out| {
        let on_out = props.on_out.clone();
        Callback::from(move |_: MouseEvent| on_out.emit(o.clone()))
    };
    let on_remember = {
        let on_out = props.on_out.clone();
        Callback::from(move |e: yew::Event| {
            if let Some(el) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_out.emit(Out::Remember(el.checked()));
            }
        })
    };
    let on_export = {
        let (request, whatif, today) = (props.request.clone(), props.whatif.clone(), props.today);
        Callback::from(move |_: MouseEvent| {
            download(&format!("anju-family-{today}.json"), &plan_json(&request, &whatif, today));
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    // The print view's cards are drawn open: every criterion, source and paper on paper.
    use_effect(|| {
        if let Some(cards) = crate::find_all(".print-pages details") {
            for i in 0..cards.length() {
                if let Some(card) = cards.item(i).and_then(|c| c.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                    card.set_open(true);
                }
            }
        }
    });
    html! {
        <section class="anju whatif handover" lang={lang.tag()} aria-labelledby="whatif-heading">
            <h2 id="whatif-heading" tabindex="-1">{ w(lang, W::HandOverHeading) }</h2>
            <p class="intro">{ w(lang, W::HandOverIntro) }</p>

            <section class="panel" aria-labelledby="ho-link-heading">
                <h3 id="ho-link-heading">{ w(lang, W::LinkHeading) }</h3>
                <p class="warning"><span aria-hidden="true">{ "⚠ " }</span>{ w(lang, W::LinkWarning) }</p>
                <div class="field">
                    <label for="ho-link">{ w(lang, W::LinkLabel) }</label>
                    <input id="ho-link" class="link" type="url" readonly=true value={link.clone()} />
                </div>
                <button type="button" class="primary" id="ho-copy" onclick={on_copy}>{ w(lang, W::Copy) }</button>
                <p class="hint" role="status">
                    { match *copied { Some(true) => w(lang, W::Copied), Some(false) => w(lang, W::CopyFailed), None => "" } }
                </p>
                { qr_image("ho-qr", &link, w(lang, W::QrAlt), lang) }
                <p class="hint">{ w(lang, W::QrHint) }</p>
            </section>

            <section class="panel" aria-labelledby="ho-keep-heading">
                <h3 id="ho-keep-heading">{ w(lang, W::KeepHeading) }</h3>
                <label class="check">
                    <input type="checkbox" id="ho-remember" checked={props.remembered} onchange={on_remember} />
                    { w(lang, W::Remember) }
                </label>
                <p class="hint">{ w(lang, W::RememberHint) }</p>
                <button type="button" class="secondary" id="ho-clear" onclick={out(Out::Clear)}>{ w(lang, W::Clear) }</button>
                <p class="hint">{ w(lang, W::ClearHint) }</p>
            </section>

            <section class="panel" aria-labelledby="ho-print-heading">
                <h3 id="ho-print-heading">{ w(lang, W::PrintHeading) }</h3>
                if props.wechat {
                    <p class="warning" id="ho-wechat-print">{ w(lang, W::PrintInWechat) }</p>
                } else {
                    <button type="button" class="secondary" id="ho-print" onclick={on_print}>{ w(lang, W::Print) }</button>
                }
                <p class="hint">{ w(lang, W::PrintHint) }</p>
            </section>

            <section class="panel" aria-labelledby="ho-file-heading">
                <h3 id="ho-file-heading">{ w(lang, W::FileHeading) }</h3>
                <button type="button" class="secondary" id="ho-export" onclick={on_export}>{ w(lang, W::Export) }</button>
                <p class="hint">{ w(lang, W::ExportHint) }</p>
                <div class="field">
                    <label for="ho-import">{ w(lang, W::Import) }</label>
                    <input type="file" id="ho-import" accept=".json,application/json" onchange={on_file} />
                </div>
                <p class="hint">{ w(lang, W::ImportHint) }</p>
                if let Some(r) = &*read { { read_view(r, lang, &props.on_out) } }
            </section>

            <section class="panel" aria-labelledby="ho-recommend-heading">
                <h3 id="ho-recommend-heading">{ w(lang, W::RecommendHeading) }</h3>
                { qr_image("ho-recommend", &props.page, w(lang, W::RecommendAlt), lang) }
                <p class="hint">{ w(lang, W::RecommendHint) }</p>
            </section>

            <p class="disclaimer">{ w(lang, W::Disclaimer) }</p>
            <div class="nav-buttons">
                <button type="button" class="secondary" id="wi-back" onclick={out(Out::Close)}>{ w(lang, W::Back) }</button>
            </div>
            { print_pages(&props.request, &props.whatif, lang, props.today) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Choice, Kind, Msg};
    use anju_form::share;

    const DEC_2026: YearMonth = YearMonth::ym(2026, 12);

    /// The link opens the same family: the page's address, then the fragment the share reader takes back.
    #[test]
    fn the_link_is_the_page_with_the_family_in_its_fragment() {
        let mut draft = Draft::default();
        draft.set(anju_rules::household::Question::adult(0, "birth"), "1988-04");
        let link = link("https://example.org/anju/", &draft);
        assert!(link.starts_with("https://example.org/anju/#s=3."), "{link}");
        assert!(!link.contains('?'), "nothing in the query string");
        assert_eq!(share::decode(&format!("{link}&from=singlemessage&isappinstalled=0")), Ok(draft));
    }

    /// The family file is the CLI's plan: it reads back as a plan with the same household and the screen's
    /// choices, at the month the screen compares at.
    #[test]
    fn the_family_file_is_the_clis_plan_with_the_screens_choices() {
        let mut draft = Draft::default();
        draft.set(anju_rules::household::Question::adult(0, "currentPlace"), "371329");
        let request = draft.build(DEC_2026).request;
        let whatif =
            WhatIf::default().update(Msg::Edit(Choice { kind: Kind::GetPermit, ..Choice::default() })).update(Msg::Add);
        assert_eq!(whatif.planned.len(), 1);
        let text = plan_json(&request, &whatif, DEC_2026);
        let read: Plan = serde_json::from_str(&text).expect("the CLI reads it");
        assert_eq!(read.household, request.household);
        assert_eq!(read.scenarios, whatif.scenarios(DEC_2026));
        assert_eq!(read.as_of, Some(DEC_2026));
        assert_eq!(read.at, Some(YearMonth::ym(2028, 12)), "24 months on, as the screen compares");
        let nothing = plan(&request, &WhatIf::default(), DEC_2026);
        assert_eq!((nothing.scenarios.len(), nothing.at), (0, None));

        // Opened again, the file is the same family, and says that it also held a choice.
        match read_file(&text, DEC_2026, Lang::ZhCn) {
            Read::Family { fragment, dropped, scenarios } => {
                assert_eq!(share::decode(&fragment), Ok(draft));
                assert_eq!((dropped.len(), scenarios), (0, true));
            }
            other => panic!("{other:?}"),
        }
    }

    /// A file that is not a plan says where it breaks; one with a value out of range names whose value.
    #[test]
    fn a_bad_family_file_says_where_and_what() {
        match read_file("{\n  \"household\": [1, 2]\n}", DEC_2026, Lang::ZhCn) {
            Read::NotJson { line, .. } => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
        let far = r#"{"household": {"adults": [{"monthsInPlace": 5000}]}}"#;
        match read_file(far, DEC_2026, Lang::ZhCn) {
            Read::BadValues(items) => assert_eq!(items.len(), 1, "{items:?}"),
            other => panic!("{other:?}"),
        }
    }
}
