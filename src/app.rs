//! The page: a short flow of questions (who is in the family, places, work and insurance, housing, school), then
//! the answer: one line per area, then a card per program and person. Everything on screen is recomputed by the
//! rules engine from the draft on every change; what a step asks is what the engine still needs.

use anju_form::catalogue::{self, Text};
use anju_form::draft::MAX_CHILDREN;
use anju_form::flow;
use anju_form::presets::PRESETS;
use anju_form::registry::{self, Step};
use anju_rules::household::{Question, Subject};
use anju_rules::message::Lang;
use anju_rules::time::YearMonth;
use yew::prelude::*;

use crate::components::field::{element_id, Field};
use crate::components::summary::summary;
use crate::state::{Action, Page, Scale};

/// The current month on the device's calendar. Read once per page load.
fn current_month() -> YearMonth {
    let now = js_sys::Date::new_0();
    // `ym` clamps a nonsensical device clock into the supported range instead of failing.
    YearMonth::ym(now.get_full_year() as i32, now.get_month() + 1)
}

/// A button with a text: one place builds them all.
fn button(class: &'static str, id: Option<&'static str>, text: &'static str, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" {class} {id} {onclick}>{ text }</button> }
}

fn step_text(step: Step) -> Text {
    match step {
        Step::Family => Text::StepFamily,
        Step::Places => Text::StepPlaces,
        Step::Work => Text::StepWork,
        Step::Housing => Text::StepHousing,
        Step::School => Text::StepSchool,
        Step::Results => Text::StepResults,
    }
}

fn scale_text(scale: Scale) -> Text {
    match scale {
        Scale::Normal => Text::SizeNormal,
        Scale::Large => Text::SizeLarge,
        Scale::Largest => Text::SizeLargest,
    }
}

#[function_component]
pub fn App() -> Html {
    // A family from a hand-over link or this phone's copy opens at its results.
    let page = use_reducer(|| {
        let ui = crate::host::configure(Default::default());
        Page(match crate::whatif::initial() {
            Some(d) => ui.apply(Action::Open(d)),
            None => ui,
        })
    });
    let today = *use_memo((), |_| current_month());
    let ui = &page.0;
    let lang = ui.lang;
    // The cited documents' titles arrive after the first screen; the page redraws once they are there.
    let documents = use_state(|| false);
    {
        let documents = documents.clone();
        use_effect_with((), move |_| crate::texts::load(move || documents.set(true)));
    }

    use_effect_with((lang, ui.scale), |(lang, scale)| {
        if let Some(root) = crate::host::frame() {
            let _ = root.set_attribute("lang", lang.tag());
            let _ = root.set_attribute("data-scale", &scale.percent().to_string());
        }
        // Inside a host's page the title is the host's.
        if !crate::host::embedded() {
            gloo::utils::document().set_title(&format!(
                "{} · {}",
                catalogue::t(*lang, Text::AppName),
                catalogue::t(*lang, Text::Tagline)
            ));
        }
    });
    // After a jump to a question, focus its first control.
    use_effect_with(ui.focus, |target| {
        if let Some(q) = target {
            let id = element_id(*q);
            let selector = format!("#{id} input, #{id} select");
            if let Some(el) = crate::host::frame().and_then(|f| f.query_selector(&selector).ok().flatten()) {
                el.scroll_into_view();
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        }
    });

    let dispatch = |action: Action| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.dispatch(action.clone()))
    };
    let on_set = {
        let page = page.clone();
        Callback::from(move |(q, text): (Question, String)| page.dispatch(Action::Set(q, text)))
    };
    // The cards are drawn into `#cards` by the what-if module (`loader/whatif.js`), which the page leaves to it; a
    // question's button there names its question, and takes the person to it here.
    let on_cards = {
        let page = page.clone();
        Callback::from(move |e: MouseEvent| {
            use wasm_bindgen::JsCast;
            let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let named = target.and_then(|t| t.closest("[data-question]").ok().flatten());
            if let Some(q) = named.and_then(|b| b.get_attribute("data-question")).and_then(|p| flow::question_at(&p)) {
                page.dispatch(Action::Ask(q));
            }
        })
    };

    // The what-if screen belongs to the results: it gets the family on every draw of them, and closes when the
    // page leaves them.
    let draw_what_if = |mode| crate::whatif::draw(&ui.draft, lang.tag(), &today.to_string(), mode);
    let is_results = ui.step == Step::Results;
    draw_what_if(if is_results { crate::whatif::Mode::Update } else { crate::whatif::Mode::Leave });
    let screen = |mode: crate::whatif::Mode| {
        let draft = ui.draft.clone();
        Callback::from(move |_: MouseEvent| crate::whatif::draw(&draft, lang.tag(), &today.to_string(), mode))
    };

    let built = ui.draft.build(today);
    let assessment = anju_rules::assess(&built.request, today);
    let open = flow::open_questions(&assessment);
    let lines = anju_form::summary::summary(&assessment);
    let steps = ui.steps();
    let position = steps.iter().position(|s| *s == ui.step).unwrap_or(0);

    let field = |q: Question, spec: &'static registry::Spec| {
        html! {
            <Field key={q.path()} question={q} {spec} text={AttrValue::from(ui.draft.text(q).to_string())}
                problem={built.problem(q)} {lang} on_set={on_set.clone()} />
        }
    };
    let asked = flow::asked(ui.step, &ui.draft, &open);
    let of = |subject: Subject| -> Vec<Html> {
        asked.iter().filter(|(q, _)| q.subject == subject).map(|(q, s)| field(*q, s)).collect()
    };

    // The step's questions, one section per person (and the household); on the first step each person can be
    // removed and more can be added.
    let family = ui.step == Step::Family;
    let mut sections: Vec<Html> = Vec::new();
    let subjects = (0..ui.draft.adults.len())
        .map(|i| {
            (Subject::Adult(i as u8), catalogue::person(lang, false, i + 1), (i > 0).then_some(Action::RemoveAdult(i)))
        })
        .chain(std::iter::once((Subject::Household, catalogue::t(lang, Text::Household).to_string(), None)))
        .chain(
            (0..ui.draft.children.len())
                .map(|i| (Subject::Child(i as u8), catalogue::person(lang, true, i + 1), Some(Action::RemoveChild(i)))),
        );
    for (subject, title, remove) in subjects {
        let fields = of(subject);
        if fields.is_empty() {
            continue;
        }
        let remove = remove.filter(|_| family).map(|action| {
            let text = if matches!(action, Action::RemoveAdult(_)) { Text::RemoveAdult } else { Text::RemoveChild };
            button("secondary", None, catalogue::t(lang, text), dispatch(action))
        });
        sections.push(html! {
            <section class="person" data-subject={subject.path()}>
                <h3>{ title }</h3>
                { for fields }
                { for remove }
            </section>
        });
    }
    let mut presets: Vec<Html> = Vec::new();
    if family {
        for p in PRESETS {
            presets.push(html! {
                <button type="button" class="preset" data-preset={p.id}
                    onclick={dispatch(Action::Preset(p.id))}>{ p.name(lang) }</button>
            });
        }
    }
    let hint = match (family, sections.is_empty(), asked.iter().any(|(_, s)| !s.base)) {
        (true, _, _) if ui.draft.children.is_empty() => Some(Text::NoChildren),
        (true, _, _) => None,
        (false, true, _) => Some(Text::NothingToAsk),
        (false, false, true) => Some(Text::AskedBecause),
        (false, false, false) => None,
    };
    let step_body = html! {
        <>
            if family {
                <section class="presets" aria-labelledby="presets-heading">
                    <h3 id="presets-heading">{ catalogue::t(lang, Text::PresetsHeading) }</h3>
                    <div class="preset-list">{ for presets }</div>
                </section>
            }
            { for sections }
            if let Some(hint) = hint { <p class="hint">{ catalogue::t(lang, hint) }</p> }
            if family && ui.draft.adults.len() < 2 {
                { button("secondary", Some("add-adult"), catalogue::t(lang, Text::AddAdult), dispatch(Action::AddAdult)) }
            }
            if family && ui.draft.children.len() < MAX_CHILDREN {
                { button("secondary", Some("add-child"), catalogue::t(lang, Text::AddChild), dispatch(Action::AddChild)) }
            }
        </>
    };

    let next_label = if ui.next_step() == Step::Results { Text::SeeResults } else { Text::Next };

    html! {
        <div class="anju">
            <header class="bar">
                <h1>{ catalogue::t(lang, Text::AppName) }</h1>
                <div class="tools">
                    <div class="sizes" role="group" aria-label={catalogue::t(lang, Text::TextSize)}>
                        { for Scale::ALL.iter().map(|s| html! {
                            <button type="button" class={classes!("size", format!("size-{}", s.percent()))}
                                aria-pressed={if *s == ui.scale { "true" } else { "false" }}
                                onclick={dispatch(Action::SetScale(*s))}>
                                { "字" }<span class="visually-hidden">{ catalogue::t(lang, scale_text(*s)) }</span>
                            </button>
                        }) }
                    </div>
                    <button type="button" class="lang" id="switch-lang"
                        lang={if lang == Lang::ZhCn { "en" } else { "zh-CN" }}
                        onclick={dispatch(Action::SetLang(if lang == Lang::ZhCn { Lang::En } else { Lang::ZhCn }))}>
                        { catalogue::t(lang, Text::SwitchLanguage) }
                    </button>
                </div>
            </header>
            <main>
                <p class="tagline">{ catalogue::t(lang, Text::Tagline) }</p>
                <nav class="steps" aria-label={catalogue::step_of(lang, position + 1, steps.len())}>
                    <p class="step-count">{ catalogue::step_of(lang, position + 1, steps.len()) }</p>
                    <ol>
                        { for steps.iter().map(|s| html! {
                            <li>
                                <button type="button" class="step-link" data-step={s.id()}
                                    aria-current={if *s == ui.step { Some("step") } else { None }}
                                    onclick={dispatch(Action::Go(*s))}>
                                    { catalogue::t(lang, step_text(*s)) }
                                </button>
                            </li>
                        }) }
                    </ol>
                </nav>
                if !is_results {
                    <form class="questions" data-step={ui.step.id()}
                        onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                        <h2>{ catalogue::t(lang, step_text(ui.step)) }</h2>
                        if ui.step == Step::Family { <p class="intro">{ catalogue::t(lang, Text::Intro) }</p> }
                        { step_body }
                        <div class="nav-buttons">
                            if ui.step != Step::Family {
                                { button("secondary", Some("back"), catalogue::t(lang, Text::Back), dispatch(Action::Back)) }
                            }
                            { button("primary", Some("next"), catalogue::t(lang, next_label), dispatch(Action::Next)) }
                        </div>
                    </form>
                }
                <section class="result" id="result" aria-labelledby="result-heading">
                    <h2 id="result-heading">{ catalogue::t(lang, Text::SummaryHeading) }</h2>
                    <div aria-live="polite">{ summary(&assessment, &lines, lang) }</div>
                    <p class="disclaimer">{ anju_rules::message::disclaimer(lang) }</p>
                    if is_results {
                        <h2>{ catalogue::t(lang, Text::DetailsHeading) }</h2>
                        <div class="cards" id="cards" onclick={on_cards}></div>
                        <div class="nav-buttons">
                            { button("primary", Some("what-if"), catalogue::t(lang, Text::WhatIf), screen(crate::whatif::Mode::Open)) }
                            { button("secondary", Some("hand-over"), catalogue::t(lang, Text::HandOver), screen(crate::whatif::Mode::HandOver)) }
                            { button("secondary", Some("back"), catalogue::t(lang, Text::Back), dispatch(Action::Back)) }
                            { button("secondary", Some("start-over"), catalogue::t(lang, Text::StartOver), dispatch(Action::Reset)) }
                        </div>
                    }
                </section>
                <p class="privacy">{ catalogue::t(lang, Text::Privacy) }</p>
            </main>
        </div>
    }
}
