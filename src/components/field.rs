//! One question, rendered from its registry spec: a radio group (是 / 不是 / 不知道, or the choices and 不知道), a
//! month picker, a number field with the right keypad and unit, or the place picker. The label is the engine's
//! question, the help says where to find the number, and a problem is shown at the field in the user's language
//! while the typed text stays.
//!
//! The element carries `data-path` = the request's JSON path, so tests and the coming share links find it.

use anju_form::catalogue::{self, Text};
use anju_form::parse::InputProblem;
use anju_form::registry::{Kind, Spec};
use anju_rules::household::Question;
use anju_rules::message::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::place_picker::PlacePicker;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub question: Question,
    pub spec: &'static Spec,
    pub text: AttrValue,
    pub problem: Option<InputProblem>,
    pub lang: Lang,
    pub on_set: Callback<(Question, String)>,
}

/// An element id for a question: its JSON path with the brackets and dots made id-friendly.
pub fn element_id(q: Question) -> String {
    q.path().chars().filter(|c| *c != ']').map(|c| if c == '[' || c == '.' { '-' } else { c }).collect()
}

#[function_component]
pub fn Field(props: &Props) -> Html {
    let lang = props.lang;
    let q = props.question;
    let id = element_id(q);
    let path = q.path();
    let label = anju_rules::names::question_text(q, lang);
    let help = catalogue::help(lang, props.spec.scope(), props.spec.field);
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let described = match (help.is_some(), props.problem.is_some()) {
        (true, true) => format!("{help_id} {error_id}"),
        (true, false) => help_id.clone(),
        (false, true) => error_id.clone(),
        (false, false) => String::new(),
    };
    let described = (!described.is_empty()).then_some(described);
    let set = {
        let on_set = props.on_set.clone();
        Callback::from(move |text: String| on_set.emit((q, text)))
    };
    let error = props.problem.map(|p| {
        html! { <p class="field-error" id={error_id.clone()}>{ catalogue::problem_text(lang, p) }</p> }
    });
    let help = help.map(|h| html! { <p class="hint" id={help_id.clone()}>{ h }</p> });

    match props.spec.kind {
        Kind::YesNo | Kind::Choice(_) => {
            let options: Vec<(&'static str, &'static str)> = match props.spec.kind {
                Kind::Choice(keys) => keys.iter().map(|k| (*k, catalogue::choice(lang, props.spec.field, k))).collect(),
                _ => vec![("yes", catalogue::t(lang, Text::Yes)), ("no", catalogue::t(lang, Text::No))],
            };
            let wide = options.len() > 2;
            html! {
                <fieldset class="question" id={id.clone()} data-path={path} aria-describedby={described}>
                    <legend>{ label }</legend>
                    { help }
                    <div class={classes!("choices", wide.then_some("wide"))}>
                        { for options.iter().map(|(key, text)| radio(&id, key, text, props.text == *key, &set)) }
                        { radio(&id, "", catalogue::t(lang, Text::DontKnow), props.text.is_empty(), &set) }
                    </div>
                    { error }
                </fieldset>
            }
        }
        Kind::Place => html! {
            <fieldset class="question" id={id.clone()} data-path={path} aria-describedby={described}>
                <legend>{ label }</legend>
                { help }
                <PlacePicker id={id.clone()} value={props.text.clone()} {lang} on_set={set} />
                { error }
            </fieldset>
        },
        kind => {
            let oninput = {
                let set = set.clone();
                Callback::from(move |e: InputEvent| set.emit(e.target_unchecked_into::<HtmlInputElement>().value()))
            };
            let month = kind == Kind::YearMonth;
            let unit = catalogue::unit(lang, kind, props.spec.field);
            let input_id = format!("{id}-input");
            html! {
                <div class="question" id={id.clone()} data-path={path}>
                    <label class="legend" for={input_id.clone()}>{ label }</label>
                    { help }
                    <div class="entry">
                        <input id={input_id} type={if month { "month" } else { "text" }}
                            inputmode={kind.input_mode()} autocomplete="off" maxlength="24"
                            placeholder={if month { Some("2020-03") } else { None }}
                            value={props.text.clone()} {oninput}
                            aria-invalid={if props.problem.is_some() { "true" } else { "false" }}
                            aria-describedby={described} />
                        if let Some(unit) = unit { <span class="unit">{ unit }</span> }
                    </div>
                    <p class="default-note">{ catalogue::t(lang, Text::DefaultNote) }</p>
                    { error }
                </div>
            }
        }
    }
}

fn radio(group: &str, key: &str, text: &str, checked: bool, set: &Callback<String>) -> Html {
    let value = key.to_string();
    let set = set.clone();
    let onchange = Callback::from(move |_: Event| set.emit(value.clone()));
    let suffix = if key.is_empty() { "unknown" } else { key };
    html! {
        <label class="choice">
            <input type="radio" name={group.to_string()} id={format!("{group}-{suffix}")} value={suffix.to_string()}
                {checked} {onchange} />
            <span>{ text.to_string() }</span>
        </label>
    }
}
