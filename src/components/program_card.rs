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

/// The text of the form question that answers `q`, and the element id to jump to. A question the form does not
/// ask yet reads as the engine's plain question and links to the months field, the form's first.
fn question_link(lang: Lang, q: Question) -> (&'static str, &'static str) {
    let months = anju_rules::programs::fields::MONTHS_IN_PLACE;
    match YesNo::ALL.into_iter().find(|y| y.question() == q) {
        Some(y) => (i18n::question(lang, y).0, y.id()),
        None if q.field == months => (i18n::t(lang, Text::MonthsQuestion), months),
        None => (anju_rules::names::question_text(q, lang), months),
    }
}

/// A colon as each language writes it.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "：",
        Lang::En => ": ",
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
                <p class="earliest">{ i18n::t(lang, Text::Earliest) }{ colon(lang) }<strong>{ month_text(lang, e) }</strong></p>
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

/// "not fully verified" with how sure we are, in words: （未完全核实：我们的推断） / (not fully verified: our inference).
fn uncertain(lang: Lang, c: anju_rules::policy::Confidence) -> String {
    let (words, how) = (i18n::t(lang, Text::Unverified), anju_rules::names::confidence_text(c, lang));
    match lang {
        Lang::ZhCn => format!("（{words}：{how}）"),
        Lang::En => format!(" ({words}: {how})"),
    }
}

fn criterion(p: &ProgramResult, c: &Criterion, lang: Lang) -> Html {
    let cite = c.citation;
    // Chinese: 《title》（number）article; English: the English title and article, never in 《》.
    let source = match lang {
        Lang::ZhCn => {
            let number = cite.source.number.map(|n| format!("（{n}）")).unwrap_or_default();
            format!("《{}》{number}{}", cite.source.title, cite.article)
        }
        Lang::En => anju_rules::names::citation_text(cite, lang),
    };
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
                { i18n::t(lang, Text::BasedOn) }{ colon(lang) }{ source }
                if !cite.confidence.is_confirmed() {
                    <span class="uncertain">
                        { uncertain(lang, cite.confidence) }
                    </span>
                }
            </p>
        </li>
    }
}
