//! The page: the questions, then the answer, recomputed by the rules engine on every change.

use anju_rules::message::{month_text, Lang};
use anju_rules::report::ProgramId;
use anju_rules::time::YearMonth;
use yew::prelude::*;

use crate::components::months_field::MonthsField;
use crate::components::program_card::program_card;
use crate::components::yes_no::YesNoQuestion;
use crate::i18n::{t, Text};
use crate::state::{Action, FormState, YesNo};

/// The current month on the device's calendar. Read once per page load.
fn current_month() -> YearMonth {
    let now = js_sys::Date::new_0();
    // `ym` clamps a nonsensical device clock into the supported range instead of failing.
    YearMonth::ym(now.get_full_year() as i32, now.get_month() + 1)
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(FormState::default);
    let today = *use_memo((), |_| current_month());
    let lang = state.lang;

    use_effect_with(lang, |lang| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        gloo::utils::document().set_title(&format!("{} · {}", t(*lang, Text::AppName), t(*lang, Text::Tagline)));
    });

    let on_answer = {
        let state = state.clone();
        Callback::from(move |(q, v): (YesNo, Option<bool>)| state.dispatch(Action::Answer(q, v)))
    };
    let on_months = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Action::SetMonths(text)))
    };
    let on_lang = {
        let state = state.clone();
        let next = if lang == Lang::ZhCn { Lang::En } else { Lang::ZhCn };
        Callback::from(move |_: MouseEvent| state.dispatch(Action::SetLang(next)))
    };

    let assessment = anju_rules::assess(&state.request(), today);
    // The page asks the residence-permit questions only so far; the pension programs appear with their questions.
    let shown = |p: &&anju_rules::report::ProgramResult| p.program == ProgramId::ResidencePermit;
    let yes_no = |q: YesNo| {
        html! { <YesNoQuestion question={q} value={state.answer(q)} {lang} on_answer={on_answer.clone()} /> }
    };

    html! {
        <div class="anju">
            <header class="bar">
                <h1>{ t(lang, Text::AppName) }</h1>
                <button type="button" class="lang" id="switch-lang" onclick={on_lang}
                    lang={if lang == Lang::ZhCn { "en" } else { "zh-CN" }}>
                    { t(lang, Text::SwitchLanguage) }
                </button>
            </header>
            <main>
                <p class="tagline">{ t(lang, Text::Tagline) }</p>
                <form class="questions" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <p class="intro">{ t(lang, Text::AboutYou) }</p>
                    { yes_no(YesNo::HukouElsewhere) }
                    <MonthsField text={AttrValue::from(state.months_text.clone())} error={state.months().err()}
                        {lang} on_input={on_months} />
                    { yes_no(YesNo::StableJob) }
                    { yes_no(YesNo::StableHome) }
                    { yes_no(YesNo::ContinuousStudy) }
                </form>
                <section class="result" id="result" aria-live="polite" aria-labelledby="result-heading">
                    <h2 id="result-heading">{ t(lang, Text::ResultHeading) }</h2>
                    { for assessment.programs.iter().filter(shown).map(|p| program_card(p, lang)) }
                    <p class="as-of">{ t(lang, Text::AsOf) }{ "：" }{ month_text(lang, assessment.as_of) }</p>
                    <p class="disclaimer">{ assessment.disclaimer.text(lang) }</p>
                </section>
                <p class="privacy">{ t(lang, Text::Privacy) }</p>
            </main>
        </div>
    }
}
