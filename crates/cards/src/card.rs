//! One program's answer for one person, as a card that opens: the verdict in a word and a shape, then each
//! criterion (met / not met / unknown, reason, citation with document title and article), the questions that
//! would settle what is unknown, the papers to bring, the options when something fails, notes, what is not
//! modelled, who decides, and "valid as of" with the rules' date and the place layer used.
//!
//! A plain function rather than a component: it renders an engine result and has no state.

use anju_form::catalogue::{self, colon, Text};
use anju_form::summary::status_class;
use anju_rules::household::{Household, Question};
use anju_rules::message::{criterion_title, Lang};
use anju_rules::report::{Assessment, Criterion, Outcome, ProgramResult, Status};
use yew::prelude::*;

fn status_symbol(s: Status) -> &'static str {
    match s {
        Status::Eligible => "✓",
        Status::NotYet => "◷",
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

/// A subject path as an id part: `household.adults[1]` → `adult-1`.
pub fn subject_id(subject: &str) -> String {
    use anju_rules::household::Subject;
    match anju_form::flow::subject_of(subject) {
        Subject::Adult(i) => format!("adult-{i}"),
        Subject::Child(i) => format!("child-{i}"),
        Subject::Household => "household".into(),
    }
}

/// The name of the policy layer whose rules apply where a result's person lives (a household's or child's
/// results: where the first adult who gave a place lives).
pub fn layer_for(subject: &str, household: &anju_rules::household::Household, lang: Lang) -> Option<String> {
    use anju_rules::household::Subject;
    let adults = &household.adults;
    let place = match anju_form::flow::subject_of(subject) {
        Subject::Adult(i) => adults.get(usize::from(i)).and_then(|a| a.current_place.as_deref()),
        _ => adults.iter().find_map(|a| a.current_place.as_deref()),
    }?;
    let layer = anju_form::places::layer_used(place)?;
    Some(anju_form::places::name(lang, layer.id))
}

/// What a card needs besides the result: the place layer used for its person, and how to jump to a question.
pub struct CardContext<'a> {
    pub lang: Lang,
    /// The name of the policy layer whose rules apply to the card's person, `None` for national rules only.
    pub layer: Option<String>,
    pub as_of: anju_rules::time::YearMonth,
    /// Where a question that would settle an unknown takes the person.
    pub on_question: &'a Callback<Question>,
}

fn list(heading: Text, items: Vec<String>, lang: Lang, class: &'static str) -> Html {
    if items.is_empty() {
        return html! {};
    }
    html! {
        <div class={class}>
            <h3>{ catalogue::t(lang, heading) }</h3>
            <ul>{ for items.into_iter().map(|i| html! { <li>{ i }</li> }) }</ul>
        </div>
    }
}

/// The results' cards: one per program and person that concerns someone (none for a program that does not apply),
/// in the engine's order. A question's button also names its question (`data-question`, the path), for a page that
/// shows cards another module drew.
pub fn cards(a: &Assessment, household: &Household, lang: Lang, on_question: &Callback<Question>) -> Html {
    let shown = a.programs.iter().filter(|p| p.status != Status::NotApplicable);
    html! {
        { for shown.map(|p| {
            let layer = layer_for(p.subject, household, lang);
            program_card(p, &CardContext { lang, layer, as_of: a.as_of, on_question })
        }) }
    }
}

/// The cards as a static tree, for [`html`].
#[cfg(feature = "html")]
#[derive(PartialEq, Properties)]
struct Static {
    cards: Html,
}

#[cfg(feature = "html")]
#[function_component]
fn Cards(props: &Static) -> Html {
    props.cards.clone()
}

/// The page's results' cards for the family as typed, as HTML: what the what-if module draws into the page's
/// `#cards` (so that the page's first load carries neither the cards nor the engine's texts). A question's button is
/// a place to go on the page, which hears it by its `data-question`.
#[cfg(feature = "html")]
pub async fn html(draft: &anju_form::draft::Draft, lang: Lang, today: anju_rules::time::YearMonth) -> String {
    crate::documents::english();
    let built = draft.build(today);
    let assessment = anju_rules::assess(&built.request, today);
    let cards = cards(&assessment, &built.request.household, lang, &Callback::noop());
    yew::LocalServerRenderer::<Cards>::with_props(Static { cards }).hydratable(false).render().await
}

pub fn program_card(p: &ProgramResult, cx: &CardContext<'_>) -> Html {
    let lang = cx.lang;
    let program_id = p.program.id();
    let who = catalogue::subject(lang, p.subject);
    let questions = p.open_questions();
    let card_id = format!("card-{program_id}-{}", subject_id(p.subject));
    let office = anju_rules::names::Office::of_program(p.program).text(lang);
    let amounts: Vec<String> = p
        .amounts
        .iter()
        .map(|a| format!("{}{}{}", a.id.label(lang), colon(lang), anju_rules::explain::amount_text(a, p.status, lang)))
        .collect();
    html! {
        <details class={classes!("program", status_class(p.status))} id={card_id}
            data-program={program_id} data-subject={p.subject} data-status={status_class(p.status)}>
            <summary>
                <span class="program-name">{ p.program.name(lang) }</span>
                <span class="program-who">{ who }</span>
                <span class="verdict">
                    <span class="shape" aria-hidden="true">{ status_symbol(p.status) }</span>
                    <span class="verdict-text">{ p.status.label(lang) }</span>
                </span>
                if let Some(e) = p.earliest {
                    <span class="earliest">{ catalogue::earliest(lang, &catalogue::month(lang, e)) }</span>
                }
            </summary>
            <div class="program-body">
                { list(Text::AmountsHeading, amounts, lang, "amounts") }
                <h3>{ catalogue::t(lang, Text::WhyHeading) }</h3>
                <ul class="criteria">
                    { for p.criteria.iter().map(|c| criterion(p, c, lang)) }
                </ul>
                if !questions.is_empty() {
                    <div class="open-questions">
                        <p>{ catalogue::t(lang, Text::ToAnswer) }</p>
                        <ul>
                            { for questions.iter().map(|q| {
                                let on_question = cx.on_question.clone();
                                let q = *q;
                                let onclick = Callback::from(move |_: MouseEvent| on_question.emit(q));
                                html! {
                                    <li><button type="button" class="link" data-question={q.path()} {onclick}>
                                        { anju_rules::names::question_text(q, lang) }
                                    </button></li>
                                }
                            }) }
                        </ul>
                    </div>
                }
                { list(Text::PapersHeading, p.materials.iter().map(|m| m.label(lang).to_string()).collect(), lang, "papers") }
                { list(Text::OptionsHeading, p.options.iter().map(|m| m.text(lang)).collect(), lang, "options") }
                { list(Text::NotesHeading, p.notes.iter().map(|m| m.text(lang)).collect(), lang, "notes") }
                { list(Text::NotModelledHeading, p.not_modelled.iter().map(|m| m.text(lang)).collect(), lang, "not-modelled") }
                <dl class="valid-as-of">
                    <dt>{ catalogue::t(lang, Text::DecidedBy) }</dt><dd>{ office }</dd>
                    <dt>{ catalogue::t(lang, Text::AsOf) }</dt><dd>{ catalogue::month(lang, cx.as_of) }</dd>
                    <dt>{ catalogue::t(lang, Text::RulesUsed) }</dt>
                    <dd>
                        { catalogue::rules_of(lang, cx.layer.as_deref()) }
                        if let Some(from) = p.policy_from {
                            { if lang == Lang::ZhCn { "，" } else { "; " } }
                            { catalogue::in_force_since(lang, &catalogue::month(lang, from)) }
                        }
                    </dd>
                </dl>
            </div>
        </details>
    }
}

/// "not fully verified" with how sure we are, in words: （未完全核实：我们的推断） / (not fully verified: our inference).
fn uncertain(lang: Lang, c: anju_rules::policy::Confidence) -> String {
    let (words, how) = (catalogue::t(lang, Text::Unverified), anju_rules::names::confidence_text(c, lang));
    match lang {
        Lang::ZhCn => format!("（{words}：{how}）"),
        Lang::En => format!(" ({words}: {how})"),
    }
}

fn criterion(p: &ProgramResult, c: &Criterion, lang: Lang) -> Html {
    let cite = c.citation;
    let second_meets = p.criteria.iter().any(|x| x.met_by == Some("household.adults[1]"));
    // Chinese: 《title》（number）article; English: the English title and article, never in 《》. The titles come
    // after the page has started (`crate::documents`); until then the article alone.
    let article = anju_rules::names::article_text(cite.article, lang);
    // A county's own rules (a layer checked at run time) carry their documents' titles themselves.
    let own = || {
        let s = cite.source;
        let title_en = s.title_en.map(str::to_string);
        (!s.title.is_empty()).then(|| crate::documents::Document {
            title: s.title.to_string(),
            title_en,
            number: s.number.map(str::to_string),
        })
    };
    let source = match (crate::documents::document(cite.source.id).or_else(own), lang) {
        (Some(d), Lang::ZhCn) => {
            let number = d.number.map(|n| format!("（{n}）")).unwrap_or_default();
            format!("《{}》{number}{}", d.title, cite.article)
        }
        (Some(d), Lang::En) => {
            format!("{}, {article}", d.title_en.as_deref().unwrap_or("a Chinese document (title not translated)"))
        }
        (None, _) => article,
    };
    html! {
        <li class={classes!("criterion", outcome_class(c.outcome))} data-criterion={c.id}
            data-outcome={outcome_class(c.outcome)}>
            <p class="criterion-head">
                <span class="shape" aria-hidden="true">{ c.outcome.symbol() }</span>
                <strong>{ criterion_title(p.program, c.id, lang) }</strong>
                <span class="outcome">{ c.outcome.label(lang) }</span>
                // Who met it, where it tells something: a program in which the second adult meets a test.
                if let Some(who) = c.met_by.filter(|_| second_meets) {
                    <span class="met-by">{ catalogue::met_by(lang, who) }</span>
                }
            </p>
            <p class="reason">{ c.message.text(lang) }</p>
            <p class="cite">
                { catalogue::t(lang, Text::BasedOn) }{ colon(lang) }{ source }
                if !cite.confidence.is_confirmed() {
                    <span class="uncertain">{ uncertain(lang, cite.confidence) }</span>
                }
            </p>
        </li>
    }
}
