//! One program's answer: the verdict first, then each criterion with its shape, reason and citation,
//! the questions that would settle what is unknown, and what the answer leaves out.
//!
//! A plain function rather than a component: it renders an engine result and has no state.

use anju_rules::household::Question;
use anju_rules::message::{criterion_title, month_text, Lang};
use anju_rules::report::{Criterion, Outcome, ProgramResult, Status};
use yew::prelude::*;

use crate::i18n::{self, Text};
use crate::state::YesNo;

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Eligible => "eligible",
        Status::NotYet => "not-yet",
        Status::NotEligible => "not-eligible",
        Status::Unknown => "unknown",
        Status::NotApplicable => "not-applicable",
    }
}

fn status_symbol(s: Status) -> &'static str {
    match s {
        Status::Eligible => "✓",
        Status::NotYet => "…",
        Status::NotEligible => "✗",
        Status::Unknown => "?",
        Status::NotApplicable => "–",
    }
}

fn outcome_class(o: Outcome) -> &'static str {
    match o {
        Outcome::Met => "met",
        Outcome::NotMet => "not-met",
        Outcome::Unknown => "unknown",
    }
}

/// The text of the form question that answers `q`, and the element id to jump to.
fn question_link(lang: Lang, q: Question) -> (&'static str, &'static str) {
    match YesNo::ALL.into_iter().find(|y| y.question() == q) {
        Some(y) => (i18n::question(lang, y).0, y.id()),
        None => (i18n::t(lang, Text::MonthsQuestion), anju_rules::programs::fields::MONTHS_IN_PLACE),
    }
}

pub fn program_card(p: &ProgramResult, lang: Lang) -> Html {
    let program_id = p.program.id();
    let questions = p.open_questions();
    html! {
        <article class={classes!("program", status_class(p.status))} id={format!("program-{program_id}")}
            data-status={status_class(p.status)}>
            <h3>{ p.program.name(lang) }</h3>
            <p class="verdict">
                <span class="shape" aria-hidden="true">{ status_symbol(p.status) }</span>
                <span class="verdict-text">{ p.status.label(lang) }</span>
            </p>
            if let Some(e) = p.earliest {
                <p class="earliest">{ i18n::t(lang, Text::Earliest) }{ "：" }<strong>{ month_text(lang, e) }</strong></p>
            }
            <h4>{ i18n::t(lang, Text::WhyHeading) }</h4>
            <ul class="criteria">
                { for p.criteria.iter().map(|c| criterion(p, c, lang)) }
            </ul>
            if !questions.is_empty() {
                <div class="open-questions">
                    <p>{ i18n::t(lang, Text::ToAnswer) }</p>
                    <ul>
                        { for questions.iter().map(|q| {
                            let (text, id) = question_link(lang, *q);
                            html! { <li><a href={format!("#{id}")}>{ text }</a></li> }
                        }) }
                    </ul>
                </div>
            }
            <details class="not-modelled">
                <summary>{ i18n::t(lang, Text::NotModelledHeading) }</summary>
                <ul>{ for p.not_modelled.iter().map(|m| html! { <li>{ m.text(lang) }</li> }) }</ul>
            </details>
        </article>
    }
}

fn criterion(p: &ProgramResult, c: &Criterion, lang: Lang) -> Html {
    let cite = c.citation;
    let number = cite.source.number.map(|n| format!("（{n}）")).unwrap_or_default();
    html! {
        <li class={classes!("criterion", outcome_class(c.outcome))} data-criterion={c.id}
            data-outcome={outcome_class(c.outcome)}>
            <p class="criterion-head">
                <span class="shape" aria-hidden="true">{ c.outcome.symbol() }</span>
                <strong>{ criterion_title(p.program, c.id, lang) }</strong>
                <span class="outcome">{ c.outcome.label(lang) }</span>
            </p>
            <p class="reason">{ c.message.text(lang) }</p>
            <p class="cite">
                { i18n::t(lang, Text::BasedOn) }{ "：《" }{ cite.source.title }{ "》" }{ number }{ cite.article }
                if !cite.confidence.is_confirmed() {
                    <span class="uncertain">{ format!(" [{:?}] ", cite.confidence) }{ i18n::t(lang, Text::Unverified) }</span>
                }
            </p>
        </li>
    }
}
