//! Small pieces the programs share: building criteria, reading local values, yes/no answers as outcomes.

use crate::household::Question;
use crate::message::Msg;
use crate::policy::{self, Citation, Dated, Parameter};
use crate::report::{Criterion, Outcome};
use crate::time::YearMonth;

/// A criterion with nothing observed yet; callers fill in what they know. Never inlined: it is called from every
/// program, and one copy keeps the page's engine smaller (about 340 B brotli, measured).
#[inline(never)]
pub fn criterion(id: &'static str, citation: &'static Citation, outcome: Outcome, message: Msg) -> Criterion {
    Criterion {
        id,
        outcome,
        is_duration: false,
        met_from: None,
        observed: None,
        required: None,
        met_by: None,
        message,
        citation,
        questions: vec![],
    }
}

/// The newest effective month among the dated values a program used, its amounts' included.
pub fn newest_from(
    rules: impl IntoIterator<Item = Option<&'static Dated>>,
    amounts: &[crate::report::Amount],
) -> Option<YearMonth> {
    rules.into_iter().flatten().chain(amounts.iter().flat_map(|a| a.used.iter().copied())).map(|d| d.from).max()
}

/// A `month_of_year` value as a month (1–12); `None` for anything else, which callers answer as no rule (the
/// policy build rejects such values, so this never happens with shipped data).
pub fn month_of_year(value: i64) -> Option<u32> {
    u32::try_from(value).ok().filter(|m| (1..=12).contains(m))
}

/// A yes / no / unknown answer as an outcome.
pub fn tri(answer: Option<bool>) -> Outcome {
    match answer {
        Some(true) => Outcome::Met,
        Some(false) => Outcome::NotMet,
        None => Outcome::Unknown,
    }
}

/// The value of a national parameter for `place`, through the place layers; `None` when no layer sets it.
pub fn local(place: Option<&str>, national: &'static Parameter, as_of: YearMonth) -> Option<i64> {
    policy::resolve(place, national).0.int_at(as_of).map(|v| v.0)
}

/// The value and its dated entry (for the local document's citation).
pub fn local_dated(
    place: Option<&str>,
    national: &'static Parameter,
    as_of: YearMonth,
) -> Option<(i64, &'static Dated)> {
    policy::resolve(place, national).0.int_at(as_of)
}

/// A criterion decided by a local number cites the local document that sets it, not only the national article.
/// Not inlined, like `criterion` (measured: smaller).
#[inline(never)]
pub fn cite_local(mut c: Criterion, dated: Option<(i64, &'static Dated)>) -> Criterion {
    if let Some((_, d)) = dated {
        c.citation = &d.cite;
    }
    c
}

/// An unknown criterion for a place whose rule set lacks `parameter` in month `at`, asking for the place when it
/// is not given. When the place's layer had the rule and every value of it ended before `at`, it says so, with
/// the last month known: the answer stays unknown rather than judged by expired rules.
pub fn no_local_rule(
    id: &'static str,
    citation: &'static Citation,
    place: Option<&str>,
    parameter: &'static Parameter,
    place_question: Question,
    at: YearMonth,
) -> Criterion {
    let (rules, layer) = policy::resolve(place, parameter);
    // The place's rule is in force and names the requirement without a number: cite it, and say it is silent.
    if let (Some(place), Some(d)) = (place, layer.and_then(|_| rules.at(at))) {
        if d.value == policy::Value::Unstated {
            let message = Msg::LocalNumberUnstated { place: place.into(), parameter: parameter.key };
            return criterion(id, &d.cite, Outcome::Unknown, message);
        }
    }
    let ended = layer.and_then(|_| rules.values.last()).and_then(|d| d.until).filter(|until| *until < at);
    let message = match ended {
        Some(until) => Msg::LocalRulesEnded { place: place.map(String::from), parameter: parameter.key, until },
        None => Msg::NoLocalData { place: place.map(String::from), parameter: parameter.key },
    };
    let mut c = criterion(id, citation, Outcome::Unknown, message);
    if place.is_none() {
        c.questions.push(place_question);
    }
    c
}

/// The criteria of a child's program in a place with no rule set for it (no `parameter`): each unknown, naming
/// the missing rule, and asking where the family lives when that is not given.
pub fn no_local_rules(
    criteria: &[(&'static str, &'static Citation)],
    place: Option<&str>,
    parameter: &'static Parameter,
    at: YearMonth,
) -> Vec<Criterion> {
    let place_question = Question::adult(0, super::fields::CURRENT_PLACE);
    criteria.iter().map(|(id, cite)| no_local_rule(id, cite, place, parameter, place_question, at)).collect()
}

/// The note for a local number the family supplied (`localNumbers`) for parameter `national`: used where the
/// data has none (`used`), else said to be set aside where `place` has the published number at `as_of`. `None` when
/// nothing was supplied (the data is then not looked at again) or there is nothing to say.
pub fn supplied_note(
    numbers: &crate::household::LocalNumbers,
    national: &'static Parameter,
    value: Option<i64>,
    used: bool,
    place: Option<&str>,
    as_of: YearMonth,
) -> Option<Msg> {
    let value = value?;
    if used {
        return Some(Msg::SuppliedNumber {
            parameter: national.key,
            value,
            unit: national.unit,
            source: numbers.source,
            note: numbers.note.clone(),
        });
    }
    let published = place.is_some() && crate::policy::resolve(place, national).0.int_at(as_of).is_some();
    published.then_some(Msg::SuppliedNotUsed { parameter: national.key })
}

/// Renting on the market with no home of one's own (`renting_no_home`, for paying rent from the provident fund and
/// for a rental subsidy): met, not met, or open with the questions that settle it.
pub fn renting_no_home(household: &crate::household::Household, citation: &'static Citation) -> Criterion {
    use super::household_fields::{OWNS_HOME_HERE, RENTS_HOME};
    let (renting, owns) = (household.rents_home, household.owns_home_here);
    let outcome = match (renting, owns) {
        (Some(true), Some(false)) => Outcome::Met,
        (Some(false), _) | (_, Some(true)) => Outcome::NotMet,
        _ => Outcome::Unknown,
    };
    let mut c = criterion("renting_no_home", citation, outcome, Msg::RentingNoHome { renting, owns });
    if renting.is_none() {
        c.questions.push(Question::household(RENTS_HOME));
    }
    if owns.is_none() {
        c.questions.push(Question::household(OWNS_HOME_HERE));
    }
    c
}
