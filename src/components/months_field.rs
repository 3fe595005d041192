//! The "how many months have you lived here" field: digits only, blank means don't know, and an unreadable
//! entry is flagged at the field in the user's language (and treated as unknown, never as zero).

use anju_rules::message::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::{self, Text};
use crate::state::MonthsError;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: AttrValue,
    pub error: Option<MonthsError>,
    pub lang: Lang,
    pub on_input: Callback<String>,
}

#[function_component]
pub fn MonthsField(props: &Props) -> Html {
    let on_input = props.on_input.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        on_input.emit(e.target_unchecked_into::<HtmlInputElement>().value());
    });
    let lang = props.lang;
    let described = if props.error.is_some() { "monthsInPlace-hint monthsInPlace-error" } else { "monthsInPlace-hint" };
    html! {
        <div class="question" id="monthsInPlace-question">
            <label class="legend" for="monthsInPlace">{ i18n::t(lang, Text::MonthsQuestion) }</label>
            <p class="hint" id="monthsInPlace-hint">{ i18n::t(lang, Text::MonthsHint) }</p>
            <div class="months">
                <input id="monthsInPlace" type="text" inputmode="numeric" autocomplete="off" maxlength="6"
                    value={props.text.clone()} {oninput}
                    aria-invalid={if props.error.is_some() { "true" } else { "false" }}
                    aria-describedby={described} />
                <span class="unit">{ i18n::t(lang, Text::MonthsUnit) }</span>
            </div>
            if let Some(e) = props.error {
                <p class="field-error" id="monthsInPlace-error" role="alert">{ i18n::months_error(lang, e) }</p>
            }
        </div>
    }
}
