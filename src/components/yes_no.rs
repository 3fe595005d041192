//! A yes / no / don't-know question as a radio group with large tap targets.
//! "Don't know" is a real answer: it is selected until the user picks something else, and it keeps the fact unknown.

use anju_rules::message::Lang;
use yew::prelude::*;

use crate::i18n::{self, Text};
use crate::state::YesNo;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub question: YesNo,
    pub value: Option<bool>,
    pub lang: Lang,
    pub on_answer: Callback<(YesNo, Option<bool>)>,
}

const CHOICES: [(Option<bool>, Text, &str); 3] =
    [(Some(true), Text::Yes, "yes"), (Some(false), Text::No, "no"), (None, Text::DontKnow, "unknown")];

#[function_component]
pub fn YesNoQuestion(props: &Props) -> Html {
    let (title, hint) = i18n::question(props.lang, props.question);
    let id = props.question.id();
    let hint_id = format!("{id}-hint");
    html! {
        <fieldset class="question" id={id} aria-describedby={hint_id.clone()}>
            <legend>{ title }</legend>
            <p class="hint" id={hint_id}>{ hint }</p>
            <div class="choices">
                { for CHOICES.iter().map(|&(value, text, suffix)| {
                    let on_answer = props.on_answer.clone();
                    let question = props.question;
                    let onchange = Callback::from(move |_: Event| on_answer.emit((question, value)));
                    html! {
                        <label class="choice">
                            <input type="radio" name={id} id={format!("{id}-{suffix}")} value={suffix}
                                checked={props.value == value} {onchange} />
                            <span>{ i18n::t(props.lang, text) }</span>
                        </label>
                    }
                }) }
            </div>
        </fieldset>
    }
}
