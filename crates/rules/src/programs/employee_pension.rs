//! Employee basic pension (职工基本养老保险): when it is paid, whether the years are enough, how much, and where.
//!
//! Authority:
//! - 社会保险法 Art. 16 [C1]: a monthly pension from the statutory retirement age with the minimum contribution
//!   years; short years may be extended or the record moved to the residents' scheme;
//! - 国务院关于渐进式延迟法定退休年龄的办法 (2025) Art. 1–3 [C2]: the statutory age, the minimum rising from 15 years
//!   (2030) to 20 (2039), the elastic window;
//! - 国发〔2005〕38号 [C3]: basic = C × (1 + Z) / 2 × N × 1 %, account = balance ÷ divisor(age);
//! - 国办发〔2009〕66号 Art. 5 [C2]: the place of receipt; 人社部发〔2014〕17号 [C2]: linkage between schemes.
//!
//! Criteria: `reached_retirement_age` (a duration test: met from the statutory month) and
//! `min_contribution_months` (a duration test only while the person keeps contributing).
//! Amounts are estimated at the retirement month with today's benefit base of the place of receipt: the statutory
//! month, or the month the adult chose (elastic early or late within the Art. 3 window, or a special early kind
//! at its month), with the minimum years of an early month's own year and the divisor at the age then.
//! Parameters: `policy/national/employee_pension.toml` and the places' layers.

use super::common::{self, criterion, newest_from};
use super::fields;
use crate::household::{Adult, FemaleCategory, Question, Sex, Subject};
use crate::message::{Msg, PlanKind, PlanRefusal};
use crate::money::div_round_half_up;
use crate::pension::formula::{account_monthly_fen, basic_monthly_fen, divisor_tenths, project_balance_fen};
use crate::pension::linkage::{linkage, Linkage};
use crate::pension::receipt::{current_province, months_in, place_of_receipt, Receipt};
use crate::pension::retirement::{self, Category, Statutory};
use crate::place::PlaceId;
use crate::policy::data::national::employee_pension as data;
use crate::policy::data::national::resident_pension as resident_data;
use crate::policy::{self, Dated, Unit};
use crate::report::{Amount, AmountId, Criterion, Outcome, ProgramId, ProgramResult, Quantity};
use crate::time::YearMonth;

/// Whether the request's choices are read: a chosen retirement month (`plannedRetirement`, `specialEarly`) and the
/// month first insured (`firstInsured`). The page's lean wasm builds ask none of them (no question in the form's
/// registry sets them), so there they are left out, with the words they lead to; the CLI, the JS API and native
/// tests read them.
pub const CHOICES: bool = !cfg!(all(feature = "lean", target_family = "wasm"));

/// Evaluates adult number `index` of the household.
pub fn evaluate(adult: &Adult, index: u8, as_of: YearMonth) -> ProgramResult {
    let q = |field| Question::adult(index, field);
    let mut notes = Vec::new();
    let category = category(adult, &mut notes).map_err(|fields| fields.into_iter().map(q).collect::<Vec<_>>());
    let statutory = match (&category, adult.birth) {
        (Ok(c), Some(birth)) => retirement::statutory(birth, *c, as_of),
        _ => None,
    };
    let mut age_questions = match &category {
        Err(qs) => qs.clone(),
        Ok(_) => vec![],
    };
    if adult.birth.is_none() {
        age_questions.insert(0, q(fields::BIRTH));
    }

    let months = contribution_months(adult);
    let special = CHOICES && adult.employee_pension.special_early == Some(true);
    let retire = retirement(adult, category.as_ref().ok().copied(), statutory, as_of, &mut notes);
    if matches!(retire, Err(Msg::SpecialEarlyMonthUnknown)) {
        age_questions = vec![q(fields::PLANNED_RETIREMENT)];
    }
    let required = retire.as_ref().ok().and_then(|r| retirement::min_contribution_months(r.min_year, as_of));
    let criteria = vec![
        reached_age(&retire, as_of, age_questions.clone()),
        min_months(
            adult,
            months,
            required,
            &retire,
            as_of,
            if months.is_none() { vec![q(fields::EMPLOYEE_MONTHS)] } else { age_questions },
            q(fields::CONTRIBUTING_NOW),
        ),
    ];
    let retire = retire.ok();
    // The months one may choose to retire in, where the statutory month is known and the window not yet past;
    // else the window's length.
    match (statutory, &category, adult.birth) {
        _ if special => {}
        (Some(s), Ok(c), Some(birth)) => {
            if let Some(w) = retirement::elastic(birth, *c, &s).filter(|w| w.latest >= as_of) {
                notes.push(Msg::ElasticWindow { months: w.months, earliest: Some(w.earliest), latest: Some(w.latest) });
            }
        }
        _ => {
            if let Some(months) = retirement::elastic_window(as_of) {
                notes.push(Msg::ElasticWindow { months, earliest: None, latest: None });
            }
        }
    }

    let place = receipt_place(adult, as_of, &mut notes);
    let changes_at = receipt_changes_at(adult, as_of);
    let amounts = match retire {
        Some(r) => estimate(adult, r.at, months, place.as_deref(), as_of, q),
        None => vec![],
    };
    let at_retirement = amounts.iter().find(|a| a.id == AmountId::AccountAtRetirement).and_then(|a| a.fen);
    let options = short_options(adult, months, required.map(|r| r.0), retire, at_retirement, as_of);
    // A benefit base the family gave: said to be theirs where it was used, set aside where the data has one.
    let base_used = amounts.iter().any(|a| a.supplied.contains(&data::BENEFIT_BASE.key));
    let given = adult.local_numbers.benefit_base_fen;
    let note =
        common::supplied_note(&adult.local_numbers, &data::BENEFIT_BASE, given, base_used, place.as_deref(), as_of);
    notes.extend(note);
    ProgramResult {
        policy_from: newest_from(
            [statutory.map(|s| s.rule), required.map(|r| r.1), retire.and_then(|r| r.window)],
            &amounts,
        ),
        amounts,
        notes,
        options,
        not_modelled: vec![Msg::NotModelledTransitional, Msg::NotModelledBaseGrowth, Msg::NotModelledTemporaryAccount],
        changes_at,
        ..ProgramResult::new(ProgramId::EmployeePension, Subject::adult_path(index), criteria)
    }
}

/// What one short of the minimum at retirement can do (社会保险法 Art. 16; 人社部令第13号 Arts. 2–3; 2025 Measures
/// Art. 2), unless paying on reaches it by the retirement month, when nothing needs doing:
/// - extend contributions (延长缴费) until the minimum is reached;
/// - pay the rest at once, only if first insured before 2011-07 and still short after five years of extension
///   (asked when the month first insured is not known; said to be closed otherwise, with the 2025 caveat);
/// - move the record into the residents' scheme at the hukou place, saying whether the combined years meet its own
///   minimum;
/// - end the scheme in writing and take the personal-account balance (at retirement, where it can be projected).
///
/// With enough years and resident months, the resident account may move the other way, with the refund of
/// overlapping months (2014 linkage rules Art. 7).
fn short_options(
    adult: &Adult,
    months: Option<i64>,
    required: Option<i64>,
    retire: Option<Retirement>,
    balance_at_retirement: Option<i64>,
    as_of: YearMonth,
) -> Vec<Msg> {
    let (e, r) = (&adult.employee_pension, &adult.resident_pension);
    let (Some(m), Some(req)) = (months, required) else { return vec![] };
    if m >= req {
        return match r.months {
            Some(resident) if resident > 0 => vec![Msg::LinkIntoEmployee { overlap_months: r.overlap_months }],
            _ => vec![],
        };
    }
    let reached_by_paying = e.contributing_now == Some(true)
        && retire.is_some_and(|r| i64::from(as_of.months_until(r.at.month)) >= req - m);
    if reached_by_paying {
        return vec![];
    }
    let mut options = vec![Msg::ExtendContributions { remaining: req - m }];
    let extension = data::LUMP_SUM_AFTER_EXTENSION_MONTHS.int_at(as_of).map(|x| x.0);
    let cutoff = data::LUMP_SUM_INSURED_BEFORE.int_at(as_of).and_then(|x| YearMonth::from_index(x.0));
    if let (Some(extension), Some(cutoff)) = (extension, cutoff) {
        let after = req - m - extension;
        // Five years of extension that reach the minimum leave nothing to pay at once.
        if after > 0 {
            options.push(match e.first_insured.filter(|_| CHOICES) {
                Some(first) if first < cutoff => Msg::LumpSumAfterExtension { months: after, extension },
                Some(_) => Msg::LumpSumNotOpen { before: cutoff },
                None => Msg::LumpSumIfInsuredBefore2011 { months: after, extension, before: cutoff },
            });
        }
    }
    let resident_required = resident_data::MIN_MONTHS.int_at(as_of).map(|x| x.0);
    if let Some(resident) = r.months {
        options.extend(link_into_resident(m, i64::from(resident), r.overlap_months, req, resident_required));
    }
    // The balance paid out is the one at retirement: unknown where it cannot be projected, never today's instead.
    options.push(Msg::TerminateForBalance { balance_fen: balance_at_retirement });
    options
}

/// The option of moving a short employee record into the residents' scheme (人社部发〔2014〕17号), with the
/// combined months. Months covered by both schemes count once (Art. 7): without the overlap the total is only
/// known to lie between the longer record alone (all of the shorter one overlapping) and the two added up.
fn link_into_resident(
    employee: i64,
    resident: i64,
    overlap: Option<u32>,
    minimum: i64,
    resident_required: Option<i64>,
) -> Option<Msg> {
    let combined = |overlap: i64| match linkage(employee, resident, overlap, minimum) {
        Linkage::IntoResident { combined_months } => Some(combined_months),
        Linkage::IntoEmployee => None,
    };
    let known = |combined_months| Msg::LinkIntoResident { combined_months, resident_required };
    match overlap {
        Some(o) => combined(i64::from(o)).map(known),
        // Without resident months nothing can overlap.
        None if resident <= 0 => combined(0).map(known),
        None => {
            let (least, most) = (combined(resident.min(employee))?, combined(0)?);
            Some(Msg::LinkIntoResidentOverlapUnknown { least_months: least, most_months: most, resident_required })
        }
    }
}

/// The retirement category, or the questions that would settle it. Flexibly employed women are placed in the
/// original-55 category, with a caveat (local and unconfirmed).
fn category(adult: &Adult, notes: &mut Vec<Msg>) -> Result<Category, Vec<&'static str>> {
    match (adult.sex, adult.female_category) {
        (Some(Sex::Male), _) => Ok(Category::Male),
        (Some(Sex::Female), Some(FemaleCategory::Worker50)) => Ok(Category::Female50),
        (Some(Sex::Female), Some(FemaleCategory::Cadre55)) => Ok(Category::Female55),
        (Some(Sex::Female), Some(FemaleCategory::Flexible)) => {
            notes.push(Msg::FemaleFlexibleCaveat);
            Ok(Category::Female55)
        }
        (Some(Sex::Female), None) => Err(vec![fields::FEMALE_CATEGORY]),
        (None, _) => Err(vec![fields::SEX]),
    }
}

/// The month the adult retires: the statutory month, or the month they chose where the rules allow it; where
/// sex, category and birth month are known (and, for a special early kind, its month).
pub fn retirement_month(adult: &Adult, as_of: YearMonth) -> Option<YearMonth> {
    let category = category(adult, &mut Vec::new()).ok()?;
    let statutory = retirement::statutory(adult.birth?, category, as_of);
    retirement(adult, Some(category), statutory, as_of, &mut Vec::new()).ok().map(|r| r.at.month)
}

/// The retirement the pension is reckoned from, one way for `evaluate` and `retirement_month`: the statutory
/// month, or the month chosen where the rules allow it (`notes` say what was chosen or refused); unknown without
/// the category, the statutory month or the birth month, and for a special early kind without its month.
fn retirement(
    adult: &Adult,
    category: Option<Category>,
    statutory: Option<retirement::Statutory>,
    as_of: YearMonth,
    notes: &mut Vec<Msg>,
) -> Result<Retirement, Msg> {
    let e = &adult.employee_pension;
    match (statutory, category, adult.birth) {
        (Some(_), Some(_), Some(_)) if CHOICES && e.special_early == Some(true) && e.planned_retirement.is_none() => {
            Err(Msg::SpecialEarlyMonthUnknown)
        }
        (Some(s), Some(c), Some(birth)) => Ok(chosen(adult, birth, c, s, contribution_months(adult), as_of, notes)),
        _ => Err(Msg::RetirementAgeUnknown),
    }
}

/// Total contribution months: the stated total, else the sum of the segments.
fn contribution_months(adult: &Adult) -> Option<i64> {
    months_of(&adult.employee_pension)
}

fn months_of(e: &crate::household::EmployeePension) -> Option<i64> {
    e.months
        .map(i64::from)
        .or_else(|| (!e.segments.is_empty()).then(|| e.segments.iter().map(|s| i64::from(s.months)).sum()))
}

/// When the pension is reckoned from: the statutory retirement, or the month the adult chose where the rules allow
/// it (Measures Art. 3; a special early kind at its month).
#[derive(Debug, Clone, Copy)]
struct Retirement {
    /// The month and age the pension starts at: the statutory ones, or the chosen.
    at: Statutory,
    statutory: Statutory,
    /// How the chosen month departs from the statutory one; `None` for the statutory month.
    kind: Option<PlanKind>,
    /// The year whose minimum years apply: the chosen year for an early retirement, else the statutory year
    /// (rules brief §2.1.4 [C3/I]).
    min_year: i32,
    /// The elastic window's dated rule, for an elastic choice (its citation is Art. 3).
    window: Option<&'static Dated>,
}

/// The retirement the adult chose (`employeePension.plannedRetirement`), checked against the rules, or the
/// statutory one with a note saying why the choice cannot be used:
/// - a special early kind (`specialEarly`) before the statutory month is taken at its month as given, the agency
///   deciding whether it applies;
/// - an elastic early month lies in the window (never before the original age) and needs the minimum years of
///   its own year by then: the months paid now, and those to come only when one is known to pay on;
/// - an elastic late month lies in the window (the employer's agreement is said in the message).
fn chosen(
    adult: &Adult,
    birth: YearMonth,
    category: Category,
    s: Statutory,
    months: Option<i64>,
    as_of: YearMonth,
    notes: &mut Vec<Msg>,
) -> Retirement {
    let e = &adult.employee_pension;
    let statutory = Retirement { at: s, statutory: s, kind: None, min_year: s.month.year(), window: None };
    let Some(p) = e.planned_retirement.filter(|p| CHOICES && *p != s.month) else { return statutory };
    let at = Statutory { month: p, age_months: birth.months_until(p), ..s };
    if CHOICES && e.special_early == Some(true) && p < s.month {
        notes.push(Msg::SpecialEarlyAgencyDecides);
        return Retirement { at, kind: Some(PlanKind::SpecialEarly), min_year: p.year(), ..statutory };
    }
    let mut refuse = |reason| {
        notes.push(Msg::PlanRefused { month: p, reason });
        statutory
    };
    let Some(w) = retirement::elastic(birth, category, &s) else { return refuse(PlanRefusal::NoElastic) };
    if p < w.earliest {
        return refuse(PlanRefusal::BeforeEarliest { earliest: w.earliest });
    }
    if p > w.latest {
        return refuse(PlanRefusal::AfterLatest { latest: w.latest });
    }
    if p > s.month {
        return Retirement { at, kind: Some(PlanKind::Late), window: Some(w.rule), ..statutory };
    }
    let required = retirement::min_contribution_months(p.year(), as_of).map(|r| r.0);
    let ahead = i64::from(as_of.months_until(p).max(0));
    let by_then = match (months, e.contributing_now) {
        (Some(m), Some(true)) => Some(m + ahead),
        (Some(m), Some(false)) => Some(m),
        (Some(m), None) if ahead == 0 => Some(m),
        // Enough already, whatever comes.
        (Some(m), None) if required.is_some_and(|r| m >= r) => Some(m),
        _ => None,
    };
    match (by_then, required) {
        (Some(m), Some(r)) if m >= r => {
            Retirement { at, kind: Some(PlanKind::Early), min_year: p.year(), window: Some(w.rule), ..statutory }
        }
        (Some(m), Some(r)) => refuse(PlanRefusal::YearsShort { months: m, required: r }),
        _ => refuse(PlanRefusal::YearsUnknown),
    }
}

fn reached_age(retire: &Result<Retirement, Msg>, as_of: YearMonth, questions: Vec<Question>) -> Criterion {
    let rule = &data::criteria::REACHED_RETIREMENT_AGE;
    let (outcome, message, met_from, citation) = match retire {
        Err(msg) => (Outcome::Unknown, msg.clone(), None, rule),
        Ok(r) => {
            let (s, reached) = (r.at, as_of >= r.at.month);
            let message = match (r.kind, reached) {
                (Some(kind), _) => Msg::RetirementPlanned {
                    kind,
                    age_months: s.age_months,
                    month: s.month,
                    statutory_month: r.statutory.month,
                },
                (None, true) => Msg::RetirementAgeReached { age_months: s.age_months, month: s.month },
                (None, false) => Msg::RetirementAgeAhead { age_months: s.age_months, month: s.month },
            };
            let outcome = if reached { Outcome::Met } else { Outcome::NotMet };
            (outcome, message, (!reached).then_some(s.month), r.window.map_or(rule, |w| &w.cite))
        }
    };
    Criterion {
        is_duration: true,
        met_from,
        required: retire.as_ref().ok().map(|r| Quantity { value: i64::from(r.at.age_months), unit: Unit::Months }),
        questions: if outcome == Outcome::Unknown { questions } else { vec![] },
        ..criterion("reached_retirement_age", citation, outcome, message)
    }
}

fn min_months(
    adult: &Adult,
    months: Option<i64>,
    required: Option<(i64, &'static Dated)>,
    retire: &Result<Retirement, Msg>,
    as_of: YearMonth,
    questions: Vec<Question>,
    ask_contributing: Question,
) -> Criterion {
    let continuing = adult.employee_pension.contributing_now == Some(true);
    let mut questions = questions;
    let quantity = |value| Quantity { value, unit: Unit::Months };
    let (outcome, message, met_from) = match (months, required) {
        (Some(m), Some((req, _))) if m >= req => {
            (Outcome::Met, Msg::ContributionsEnough { months: m, required: req }, None)
        }
        (Some(m), Some((req, _))) if continuing => {
            let from = as_of + i32::try_from(req - m).unwrap_or(i32::MAX);
            let msg =
                Msg::ContributionsShortContinuing { months: m, required: req, remaining: req - m, met_from: from };
            (Outcome::NotMet, msg, Some(from))
        }
        // Short now, and whether the years will be paid up by going on paying is not known: not a "no".
        (Some(m), Some((req, _))) if adult.employee_pension.contributing_now.is_none() => {
            questions = vec![ask_contributing];
            (Outcome::Unknown, Msg::ContributionsShort { months: m, required: req, remaining: req - m }, None)
        }
        (Some(m), Some((req, _))) => {
            (Outcome::NotMet, Msg::ContributionsShort { months: m, required: req, remaining: req - m }, None)
        }
        (None, _) => (Outcome::Unknown, Msg::ContributionsUnknown, None),
        (Some(_), None) => match retire {
            // The retirement year is known but the data has no minimum for it (before the table starts).
            Ok(r) => {
                let msg = Msg::NoRuleInForce { parameter: data::MIN_CONTRIBUTION_MONTHS.key, at: r.at.month };
                (Outcome::Unknown, msg, None)
            }
            Err(msg) => (Outcome::Unknown, msg.clone(), None),
        },
    };
    // The Measures' rule, unless the minimum came from another document (社会保险法 before the reform, 国发〔2005〕38号
    // for retirements before 2011): then that one.
    let rule = &data::criteria::MIN_CONTRIBUTION_MONTHS;
    let citation = match required {
        Some((_, dated)) if !std::ptr::eq(dated.cite.source, rule.source) => &dated.cite,
        _ => rule,
    };
    Criterion {
        is_duration: continuing,
        met_from,
        observed: months.map(quantity),
        required: required.map(|r| quantity(r.0)),
        questions: if outcome == Outcome::Unknown { questions } else { vec![] },
        ..criterion("min_contribution_months", citation, outcome, message)
    }
}

/// The place of receipt by 66号 Art. 5, when the record has segments and the hukou place is known.
fn receipt(adult: &Adult, as_of: YearMonth) -> Option<Receipt> {
    let threshold = data::RECEIPT_THRESHOLD_MONTHS.int_at(as_of).and_then(|t| u32::try_from(t.0).ok())?;
    place_of_receipt(
        adult.hukou_place.as_deref()?,
        &adult.employee_pension.segments,
        adult.current_place.as_deref(),
        threshold,
    )
}

/// The place whose benefit base applies: the place of receipt's (the most specific place given inside the
/// province of receipt, see `pension::receipt`). Without a decided place of receipt, the current place only where
/// 66号 Art. 5 pays there whatever the hukou: the current insured province has ten years, or (no segments) the
/// whole record is there and it is the hukou's province; otherwise unknown, so the estimate asks for what decides
/// it. Notes the province of receipt.
fn receipt_place(adult: &Adult, as_of: YearMonth, notes: &mut Vec<Msg>) -> Option<String> {
    if let Some(r) = receipt(adult, as_of) {
        notes.push(Msg::ReceiptPlace { place: r.province.to_string(), rule: r.rule });
        return Some(r.base_place.to_string());
    }
    let threshold = data::RECEIPT_THRESHOLD_MONTHS.int_at(as_of).and_then(|t| u64::try_from(t.0).ok())?;
    let segments = &adult.employee_pension.segments;
    let current = adult.current_place.as_deref().filter(|c| crate::place::is_place_id(c));
    match segments.last() {
        // Ten years in the current insured province: paid there whatever the hukou (Art. 5 (1)–(2)), at the most
        // specific place given inside it.
        Some(last) => {
            let insured = last.place.as_str();
            let months = months_in(segments, insured)?;
            (months >= threshold).then(|| match current {
                Some(c) if crate::place::within(c, insured) => c.to_string(),
                _ => insured.to_string(),
            })
        }
        // No segments: only a hukou in the province lived in settles it (Art. 5 (1)).
        None => {
            let (current, hukou) = (current?, adult.hukou_place.as_deref()?);
            (crate::place::is_place_id(hukou) && crate::place::same_province(hukou, current))
                .then(|| current.to_string())
        }
    }
}

/// For someone contributing now whose current insured province is not yet where the pension is paid: the month
/// the current province reaches ten years (66号 Art. 5) if they keep contributing there.
fn receipt_changes_at(adult: &Adult, as_of: YearMonth) -> Option<YearMonth> {
    if adult.employee_pension.contributing_now != Some(true) {
        return None;
    }
    let hukou = PlaceId::parse(adult.hukou_place.as_deref()?)?;
    let threshold = data::RECEIPT_THRESHOLD_MONTHS.int_at(as_of)?.0;
    let segments = &adult.employee_pension.segments;
    let current = current_province(segments)?;
    let here = i64::try_from(months_in(segments, current.as_str())?).ok()?;
    (here < threshold && !current.same_province(&hukou))
        .then(|| as_of + i32::try_from(threshold - here).unwrap_or(i32::MAX))
}

/// The benefit base of the place of receipt in force at `as_of`, with its dated value from the data; where the
/// data has none (and the place is settled), the family's own number (`localNumbers.benefitBaseFen`), with no
/// dated value and its key in the second part.
fn benefit_base(
    adult: &Adult,
    place: Option<&str>,
    as_of: YearMonth,
) -> (Option<(i64, Option<&'static policy::Dated>)>, Option<&'static str>) {
    match (policy::resolve(place, &data::BENEFIT_BASE).0.int_at(as_of), adult.local_numbers.benefit_base_fen) {
        (Some((v, d)), _) => (Some((v, Some(d))), None),
        (None, Some(v)) if place.is_some() => (Some((v, None)), Some(data::BENEFIT_BASE.key)),
        (None, _) => (None, None),
    }
}

/// Monthly basic, account and total pension at the statutory retirement month.
fn estimate(
    adult: &Adult,
    s: Statutory,
    months: Option<i64>,
    place: Option<&str>,
    as_of: YearMonth,
    q: impl Fn(&'static str) -> Question,
) -> Vec<Amount> {
    let e = &adult.employee_pension;
    let continuing = e.contributing_now == Some(true);
    let months_left = as_of.months_until(s.month).max(0);
    let months_to_go = i64::from(months_left);
    // Whether the months until retirement are paid is a fact: unknown, it leaves the amounts unknown, not at none.
    let ahead_unknown = e.contributing_now.is_none() && months_to_go > 0;
    let n = months.filter(|_| !ahead_unknown).map(|m| m + if continuing { months_to_go } else { 0 });
    let (base, supplied) = benefit_base(adult, place, as_of);
    let rate = data::BASIC_RATE_PER_YEAR.int_at(as_of);
    let ahead = if continuing { months_to_go } else { 0 };
    let index = final_index(e, months, ahead);

    let mut basic = Amount { at: Some(s.month), ..Amount::new(AmountId::BasicMonthly, Msg::BasicBasis) };
    basic.used.extend(base.and_then(|b| b.1).into_iter().chain(rate.map(|r| r.1)));
    basic.supplied.extend(supplied);
    if months.is_none() {
        basic.questions.push(q(fields::EMPLOYEE_MONTHS));
    }
    if ahead_unknown {
        basic.questions.push(q(fields::CONTRIBUTING_NOW));
    }
    if index.is_none() {
        basic.questions.push(q(fields::AVERAGE_INDEX));
    }
    match (base.is_none(), place.is_none(), adult.current_place.is_none()) {
        // Where it would be paid is not settled: where they live, or what decides the place of receipt.
        (true, true, true) => basic.questions.push(q(fields::CURRENT_PLACE)),
        (true, true, false) => {
            if adult.hukou_place.is_none() {
                basic.questions.push(q(fields::HUKOU_PLACE));
            }
            basic.questions.push(q(fields::SEGMENTS));
        }
        // The place is settled but its benefit base is not in our data: a number the family knows would do.
        (true, false, _) => {
            basic.missing_data.push(data::BENEFIT_BASE.key);
            basic.questions.push(q(fields::LOCAL_BENEFIT_BASE));
        }
        (false, ..) => {}
    }
    if let (Some((c, _)), Some(z), Some(n), Some((r, _))) = (base, index, n, rate) {
        basic.fen = Some(basic_monthly_fen(c, z, n, r));
    }

    let interest = data::ACCOUNT_INTEREST.int_at(as_of);
    let share = data::ACCOUNT_SHARE.int_at(as_of);
    let monthly_add = match ahead_unknown {
        true => None,
        false => monthly_credit(continuing, base.map(|b| b.0), paying_index(e), share.map(|s| s.0)),
    };
    let rate_bp = interest.map(|i| i.0);
    let mut at_retirement = Amount {
        at: Some(s.month),
        ..Amount::new(AmountId::AccountAtRetirement, Msg::AccountBasis { rate_bp, with_contributions: continuing })
    };
    at_retirement.used.extend(interest.map(|i| i.1));
    if continuing {
        at_retirement.used.extend(base.and_then(|b| b.1).into_iter().chain(share.map(|s| s.1)));
        at_retirement.supplied.extend(supplied);
    }
    if let (Some(b), Some(add), Some(rate)) = (e.account_balance_fen, monthly_add, rate_bp) {
        at_retirement.fen = Some(project_balance_fen(b, months_left, rate, add));
    }
    if e.account_balance_fen.is_none() {
        at_retirement.questions.push(q(fields::ACCOUNT_BALANCE));
    }
    if rate_bp.is_none() {
        at_retirement.missing_data.push(data::ACCOUNT_INTEREST.key);
    }
    if ahead_unknown {
        at_retirement.questions.push(q(fields::CONTRIBUTING_NOW));
    } else if monthly_add.is_none() {
        union(&mut at_retirement.questions, &basic.questions);
        union(&mut at_retirement.missing_data, &basic.missing_data);
    }

    let divisor = divisor_tenths(s.age_months, as_of);
    let mut account = Amount {
        fen: at_retirement.fen.zip(divisor).map(|(b, (d, _))| account_monthly_fen(b, d)),
        questions: at_retirement.questions.clone(),
        missing_data: at_retirement.missing_data.clone(),
        used: at_retirement.used.clone(),
        supplied: at_retirement.supplied.clone(),
        ..Amount::new(AmountId::AccountMonthly, at_retirement.basis.clone())
    };
    account.at = Some(s.month);
    account.used.extend(divisor.map(|d| d.1));

    let mut total = Amount {
        at: Some(s.month),
        fen: basic.fen.zip(account.fen).map(|(a, b)| a + b),
        ..Amount::new(AmountId::TotalMonthly, Msg::TotalBasis)
    };
    // The total lists every value its parts used, so that its own uncertainty shows where it is the headline.
    for part in [&basic, &account] {
        union(&mut total.questions, &part.questions);
        union(&mut total.missing_data, &part.missing_data);
        union(&mut total.supplied, &part.supplied);
        for d in &part.used {
            if !total.used.iter().any(|u| std::ptr::eq(*u, *d)) {
                total.used.push(d);
            }
        }
    }
    vec![total, basic, account, at_retirement]
}

/// The index contributions are paid at from now on: the current base, else the average so far.
fn paying_index(e: &crate::household::EmployeePension) -> Option<i64> {
    e.current_base_bp.or(e.average_index_bp).map(i64::from)
}

/// The average index at retirement: `past` months at the average so far and `ahead` months at the index paid now,
/// weighted by months and rounded half-up to the basis point. Without months to come it is the average so far;
/// with no months so far, the index paid now.
fn final_index(e: &crate::household::EmployeePension, past: Option<i64>, ahead: i64) -> Option<i64> {
    let now = paying_index(e);
    match (e.average_index_bp.map(i64::from), past) {
        _ if ahead == 0 => e.average_index_bp.map(i64::from),
        (_, Some(0)) => now,
        (Some(z), Some(n)) => {
            let weighted = i128::from(z) * i128::from(n) + i128::from(now?) * i128::from(ahead);
            i64::try_from(div_round_half_up(weighted, i128::from(n + ahead))).ok()
        }
        _ => None,
    }
}

/// The average index after `months` more of paying at the current base, for moving a household forward in time.
pub fn index_after(e: &crate::household::EmployeePension, months: i32) -> Option<u32> {
    final_index(e, months_of(e), i64::from(months.max(0))).and_then(|z| u32::try_from(z).ok())
}

/// What is credited to the personal account each month while contributing: 8 % of a base of Z × the average wage,
/// the wage approximated by the benefit base C [I]. Zero when not contributing; unknown when a number is missing
/// (or the product does not fit).
fn monthly_credit(continuing: bool, base: Option<i64>, index: Option<i64>, share: Option<i64>) -> Option<i64> {
    match (continuing, base, index, share) {
        (true, Some(c), Some(z), Some(share)) => {
            let product = i128::from(c).checked_mul(i128::from(z))?.checked_mul(i128::from(share))?;
            let add = div_round_half_up(product, 100_000_000);
            i64::try_from(add).ok()
        }
        (true, ..) => None,
        (false, ..) => Some(0),
    }
}

/// The personal-account balance `months` after `as_of`, growing as `estimate` assumes (interest at the latest
/// rate, plus the monthly credit while contributing). `None` when it cannot be projected: an unknown balance,
/// credit or interest rate (`employee_pension.account_interest`), or not knowing whether one pays in, makes the
/// balance later unknown.
pub fn balance_after(adult: &Adult, as_of: YearMonth, months: i32) -> Option<i64> {
    let e = &adult.employee_pension;
    let balance = e.account_balance_fen?;
    if months <= 0 {
        return Some(balance);
    }
    // Whether anything is credited in the meantime is not known.
    e.contributing_now?;
    let place = receipt_place(adult, as_of, &mut Vec::new());
    let base = benefit_base(adult, place.as_deref(), as_of).0.map(|b| b.0);
    let share = data::ACCOUNT_SHARE.int_at(as_of).map(|s| s.0);
    let add = monthly_credit(e.contributing_now == Some(true), base, paying_index(e), share)?;
    let rate = data::ACCOUNT_INTEREST.int_at(as_of)?.0;
    Some(project_balance_fen(balance, months, rate, add))
}

fn union<T: PartialEq + Copy>(into: &mut Vec<T>, from: &[T]) {
    for x in from {
        if !into.contains(x) {
            into.push(*x);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::{EmployeePension, Segment};
    use crate::report::Status;

    const NOV_2026: YearMonth = YearMonth::ym(2026, 11);

    fn man(birth: YearMonth, months: u32) -> Adult {
        Adult {
            birth: Some(birth),
            sex: Some(Sex::Male),
            employee_pension: EmployeePension { months: Some(months), ..EmployeePension::default() },
            ..Adult::default()
        }
    }

    fn amount(r: &ProgramResult, id: AmountId) -> Option<i64> {
        r.amounts.iter().find(|a| a.id == id).and_then(|a| a.fen)
    }

    /// A man paid in Hubei (no provincial benefit base in our data) for 20 years at index 1.0: the basic pension is unknown
    /// and asks for the number; given C = 8,000 yuan it is 8,000 × (1 + 1) / 2 × 20 × 1 % = 1,600.00 yuan (rules
    /// brief §2.1.5), and the answer says the base was theirs. In Beijing the published 12,049 is used instead:
    /// 12,049 × 20 × 1 % = 2,409.80 yuan.
    #[test]
    fn a_benefit_base_the_family_knows_is_used_where_the_data_has_none_and_said_to_be_theirs() {
        let at = |place: &str, given: Option<i64>| {
            let mut a = man(YearMonth::ym(1965, 1), 240);
            a.hukou_place = Some(place.into());
            a.current_place = Some(place.into());
            a.employee_pension.segments = vec![Segment { place: place.into(), months: 240 }];
            a.employee_pension.contributing_now = Some(false);
            a.employee_pension.average_index_bp = Some(10_000);
            a.local_numbers.benefit_base_fen = given;
            a.local_numbers.source = Some(crate::household::NumberSource::OfficialNotice);
            evaluate(&a.clone(), 0, NOV_2026)
        };
        let r = at("hubei", None);
        let basic = r.amounts.iter().find(|a| a.id == AmountId::BasicMonthly).unwrap();
        assert_eq!(basic.fen, None);
        assert!(basic.questions.contains(&Question::adult(0, fields::LOCAL_BENEFIT_BASE)), "{:?}", basic.questions);

        let r = at("hubei", Some(800_000));
        assert_eq!(amount(&r, AmountId::BasicMonthly), Some(160_000));
        let basic = r.amounts.iter().find(|a| a.id == AmountId::BasicMonthly).unwrap();
        assert_eq!(basic.supplied, [data::BENEFIT_BASE.key]);
        assert!(r.notes.iter().any(|n| matches!(n, Msg::SuppliedNumber { value: 800_000, .. })), "{:?}", r.notes);
        assert!(r.notes.iter().any(|n| n.text(crate::message::Lang::ZhCn).contains("你们提供的数字：8,000.00 元")));

        let r = at("beijing", Some(800_000));
        assert_eq!(amount(&r, AmountId::BasicMonthly), Some(240_980));
        assert!(r.notes.contains(&Msg::SuppliedNotUsed { parameter: data::BENEFIT_BASE.key }));
    }

    #[test]
    fn a_man_born_1965_01_with_sixteen_years_is_already_eligible() {
        let r = evaluate(&man(YearMonth::ym(1965, 1), 16 * 12), 0, NOV_2026);
        assert_eq!(r.status, Status::Eligible);
    }

    /// A man born 1948-03 reached 60 in 2008-03, before 社会保险法: his 15 years come from 国发〔2005〕38号 Art. 6,
    /// so with 16 years he is eligible and with 14 (not paying) he is not — never unknown for want of a rule.
    #[test]
    fn a_retirement_before_2011_is_held_to_fifteen_years_from_the_2005_decision() {
        let r = evaluate(&man(YearMonth::ym(1948, 3), 16 * 12), 0, NOV_2026);
        assert_eq!(r.status, Status::Eligible);
        let c = r.criteria.iter().find(|c| c.id == "min_contribution_months").unwrap();
        assert_eq!(c.required.map(|q| q.value), Some(180));
        assert_eq!((c.citation.source.id, c.citation.article), ("guofa_2005_38", "第六条"));
        let mut a = man(YearMonth::ym(1948, 3), 14 * 12);
        a.employee_pension.contributing_now = Some(false);
        let r = evaluate(&a, 0, NOV_2026);
        assert_eq!(r.status, Status::NotEligible);
        assert!(r.options.contains(&Msg::ExtendContributions { remaining: 12 }));
    }

    /// Assessed in June 2024, before the reform: a man born 1964-06 reaches the original 60 that month, with no
    /// delay, and 15 years from 社会保险法 Art. 16; there is no elastic window to note.
    #[test]
    fn assessed_before_the_reform_the_original_age_and_the_law_s_fifteen_years_apply() {
        let june_2024 = YearMonth::ym(2024, 6);
        let r = evaluate(&man(YearMonth::ym(1964, 6), 15 * 12), 0, june_2024);
        assert_eq!(r.status, Status::Eligible);
        let age = r.criteria.iter().find(|c| c.id == "reached_retirement_age").unwrap();
        assert_eq!(age.message, Msg::RetirementAgeReached { age_months: 720, month: june_2024 });
        assert!(!r.notes.iter().any(|n| matches!(n, Msg::ElasticWindow { .. })), "{:?}", r.notes);
        let c = r.criteria.iter().find(|c| c.id == "min_contribution_months").unwrap();
        assert_eq!((c.citation.source.id, c.citation.article), ("social_insurance_law", "第十六条"));
        assert_eq!(c.required.map(|q| q.value), Some(180));
    }

    fn criterion<'r>(r: &'r ProgramResult, id: &str) -> &'r Criterion {
        r.criteria.iter().find(|c| c.id == id).unwrap()
    }

    fn refusal(r: &ProgramResult) -> Option<PlanRefusal> {
        r.notes.iter().find_map(|n| match n {
            Msg::PlanRefused { reason, .. } => Some(*reason),
            _ => None,
        })
    }

    /// A man born 1970-01 (statutory 61y4m, 2031-05; window 2030-01 to 2034-05, rules brief §2.1.3 and Measures
    /// Art. 3) with 200 months, not paying on. Early in 2030-01, at the original 60: the minimum is 2030's 186
    /// months (§2.1.4), which he has; the criterion cites Art. 3. Assessed that month with a balance of 100,000.00
    /// yuan, the account pension is 100,000.00 ÷ 139 (the divisor at 60) = 719.42 yuan; retiring late in 2034-05
    /// at 64y4m, the divisor is 109 − 8 × 4/12 = 106.3 and it is 100,000.00 ÷ 106.3 = 940.73 yuan.
    #[test]
    fn an_elastic_month_in_the_window_is_used_with_its_own_minimum_and_divisor() {
        let mut a = man(YearMonth::ym(1970, 1), 200);
        a.employee_pension.contributing_now = Some(false);
        a.employee_pension.account_balance_fen = Some(10_000_000);
        a.employee_pension.planned_retirement = Some(YearMonth::ym(2030, 1));
        let r = evaluate(&a, 0, NOV_2026);
        assert_eq!(refusal(&r), None, "{:?}", r.notes);
        assert_eq!(r.status, Status::NotYet);
        assert_eq!(r.earliest, Some(YearMonth::ym(2030, 1)));
        let age = criterion(&r, "reached_retirement_age");
        let planned = Msg::RetirementPlanned {
            kind: PlanKind::Early,
            age_months: 720,
            month: YearMonth::ym(2030, 1),
            statutory_month: YearMonth::ym(2031, 5),
        };
        assert_eq!(age.message, planned);
        assert_eq!((age.citation.source.id, age.citation.article), ("retirement_measures", "第三条"));
        assert_eq!(criterion(&r, "min_contribution_months").required.map(|q| q.value), Some(186));
        assert!(r.notes.contains(&Msg::ElasticWindow {
            months: 36,
            earliest: Some(YearMonth::ym(2030, 1)),
            latest: Some(YearMonth::ym(2034, 5)),
        }));

        let r = evaluate(&a, 0, YearMonth::ym(2030, 1));
        assert_eq!(r.status, Status::Eligible);
        assert_eq!(amount(&r, AmountId::AccountMonthly), Some(71_942));
        a.employee_pension.planned_retirement = Some(YearMonth::ym(2034, 5));
        let r = evaluate(&a, 0, YearMonth::ym(2034, 5));
        assert_eq!(refusal(&r), None);
        assert!(matches!(
            criterion(&r, "reached_retirement_age").message,
            Msg::RetirementPlanned { kind: PlanKind::Late, age_months: 772, .. }
        ));
        assert_eq!(amount(&r, AmountId::AccountMonthly), Some(94_073));
        // Late: the minimum stays that of the statutory year, 2031's 192 months.
        assert_eq!(criterion(&r, "min_contribution_months").required.map(|q| q.value), Some(192));
    }

    /// The same man: before 2030-01 (the original 60) or after 2034-05 is refused and the statutory month used;
    /// early in 2030-06 with 150 months and not paying, he lacks 2030's 186; paying on, 150 + 43 months to 2030-06
    /// = 193 are enough; not knowing whether he pays on, it cannot be used. A man who turned 60 in 2019 had no
    /// elastic retirement.
    #[test]
    fn a_month_outside_the_window_or_without_the_years_is_refused_and_the_statutory_month_used() {
        let at = |months, paying, planned| {
            let mut a = man(YearMonth::ym(1970, 1), months);
            a.employee_pension.contributing_now = paying;
            a.employee_pension.planned_retirement = Some(planned);
            evaluate(&a, 0, NOV_2026)
        };
        let r = at(200, Some(false), YearMonth::ym(2029, 12));
        assert_eq!(refusal(&r), Some(PlanRefusal::BeforeEarliest { earliest: YearMonth::ym(2030, 1) }));
        assert_eq!(
            criterion(&r, "reached_retirement_age").message,
            Msg::RetirementAgeAhead { age_months: 736, month: YearMonth::ym(2031, 5) }
        );
        assert_eq!(r.earliest, Some(YearMonth::ym(2031, 5)));
        let r = at(200, Some(false), YearMonth::ym(2034, 6));
        assert_eq!(refusal(&r), Some(PlanRefusal::AfterLatest { latest: YearMonth::ym(2034, 5) }));
        let june_2030 = YearMonth::ym(2030, 6);
        assert_eq!(
            refusal(&at(150, Some(false), june_2030)),
            Some(PlanRefusal::YearsShort { months: 150, required: 186 })
        );
        assert_eq!(refusal(&at(150, Some(true), june_2030)), None);
        assert_eq!(refusal(&at(150, None, june_2030)), Some(PlanRefusal::YearsUnknown));
        let mut old = man(YearMonth::ym(1959, 1), 200);
        old.employee_pension.planned_retirement = Some(YearMonth::ym(2018, 1));
        assert_eq!(refusal(&evaluate(&old, 0, NOV_2026)), Some(PlanRefusal::NoElastic));
    }

    /// A woman worker born 1980-03: cohort index 62 months from 1975-01, 62 / 2 + 1 = 32 months of delay, so
    /// 52y8m in 2032-11. Retiring early under a special kind at 50 in 2030-03, her month is taken as given (the
    /// agency decides), with 2030's minimum of 186 months; without the month, when she retires is unknown and asked.
    #[test]
    fn a_special_early_retirement_is_taken_at_its_month_and_asked_for_without_one() {
        let mut a = Adult {
            sex: Some(Sex::Female),
            female_category: Some(FemaleCategory::Worker50),
            ..man(YearMonth::ym(1980, 3), 190)
        };
        a.employee_pension.contributing_now = Some(false);
        a.employee_pension.special_early = Some(true);
        a.employee_pension.planned_retirement = Some(YearMonth::ym(2030, 3));
        let r = evaluate(&a, 0, NOV_2026);
        assert!(r.notes.contains(&Msg::SpecialEarlyAgencyDecides));
        assert_eq!(
            criterion(&r, "reached_retirement_age").message,
            Msg::RetirementPlanned {
                kind: PlanKind::SpecialEarly,
                age_months: 600,
                month: YearMonth::ym(2030, 3),
                statutory_month: YearMonth::ym(2032, 11)
            }
        );
        assert_eq!(criterion(&r, "min_contribution_months").required.map(|q| q.value), Some(186));
        assert_eq!(r.earliest, Some(YearMonth::ym(2030, 3)));
        assert!(!r.notes.iter().any(|n| matches!(n, Msg::ElasticWindow { .. })));

        a.employee_pension.planned_retirement = None;
        let r = evaluate(&a, 0, NOV_2026);
        assert_eq!(r.status, Status::Unknown);
        let age = criterion(&r, "reached_retirement_age");
        assert_eq!(age.message, Msg::SpecialEarlyMonthUnknown);
        assert_eq!(age.questions, [Question::adult(0, fields::PLANNED_RETIREMENT)]);
        assert!(r.amounts.is_empty(), "no month, no estimate");
    }

    #[test]
    fn a_younger_man_with_enough_years_is_not_yet_and_learns_his_month() {
        let r = evaluate(&man(YearMonth::ym(1976, 8), 20 * 12), 0, NOV_2026);
        assert_eq!(r.status, Status::NotYet);
        assert_eq!(r.earliest, Some(YearMonth::ym(2039, 7)));
    }

    #[test]
    fn too_few_years_without_contributing_is_not_eligible_with_the_options() {
        let mut a = man(YearMonth::ym(1964, 1), 12 * 12);
        a.resident_pension.months = Some(8 * 12);
        a.resident_pension.overlap_months = Some(0); // G-L1: non-overlapping
        a.employee_pension.contributing_now = Some(false);
        let r = evaluate(&a, 0, NOV_2026);
        assert_eq!(r.status, Status::NotEligible);
        assert!(r.options.contains(&Msg::ExtendContributions { remaining: 36 }));
        let linked = Msg::LinkIntoResident { combined_months: 240, resident_required: Some(180) };
        assert!(r.options.contains(&linked), "G-L1: 12 + 8 = 20 years, the residents' 15 met");
    }

    /// 人社部令第13号 Art. 2–3 (rules-counties §5.3): a man born 1964-01 with 8 years (96 months) of the 180, not
    /// paying. Five years of extension leave 180 − 96 − 60 = 24 months: payable at once if first insured before
    /// 2011-07 (2008-03 here), not if in 2012, and asked when not known. With 13 years (156 months) five years of
    /// extension suffice and no lump sum is offered. Ending the scheme pays out the balance (80,000.00 yuan, not
    /// growing since the rate is applied to months still ahead only: he is past his retirement month).
    #[test]
    fn a_lump_sum_only_for_those_insured_before_2011_and_still_short_after_five_years() {
        let mut a = man(YearMonth::ym(1964, 1), 96);
        a.employee_pension.contributing_now = Some(false);
        a.employee_pension.account_balance_fen = Some(8_000_000);
        let lump = |a: &Adult| {
            evaluate(a, 0, NOV_2026).options.into_iter().find(|o| {
                matches!(
                    o,
                    Msg::LumpSumAfterExtension { .. }
                        | Msg::LumpSumIfInsuredBefore2011 { .. }
                        | Msg::LumpSumNotOpen { .. }
                )
            })
        };
        // 13号 Art. 2: five years (60 months) of extension; first insured before 2011-07-01.
        let before = YearMonth::ym(2011, 7);
        assert_eq!(lump(&a), Some(Msg::LumpSumIfInsuredBefore2011 { months: 24, extension: 60, before }));
        a.employee_pension.first_insured = Some(YearMonth::ym(2008, 3));
        assert_eq!(lump(&a), Some(Msg::LumpSumAfterExtension { months: 24, extension: 60 }));
        a.employee_pension.first_insured = Some(YearMonth::ym(2012, 1));
        assert_eq!(lump(&a), Some(Msg::LumpSumNotOpen { before }));
        let words =
            Msg::LumpSumIfInsuredBefore2011 { months: 24, extension: 60, before }.text(crate::message::Lang::ZhCn);
        assert_eq!(words, "如果2011年7月前参保，延长5年后还差的2年可以一次性补缴（人社部令第13号）。");
        let r = evaluate(&a, 0, NOV_2026);
        assert!(r.options.contains(&Msg::ExtendContributions { remaining: 84 }));
        assert!(r.options.contains(&Msg::TerminateForBalance { balance_fen: Some(8_000_000) }));
        let enough_by_extending =
            Adult { employee_pension: EmployeePension { months: Some(156), ..a.employee_pension.clone() }, ..a };
        assert_eq!(lump(&enough_by_extending), None);
        // Retiring in 2031 without knowing whether he pays on: the balance then is unknown, not today's.
        let mut young = man(YearMonth::ym(1970, 1), 96);
        young.employee_pension.account_balance_fen = Some(8_000_000);
        let r = evaluate(&young, 0, NOV_2026);
        assert!(r.options.contains(&Msg::TerminateForBalance { balance_fen: None }), "{:?}", r.options);
    }

    /// Linking the schemes with enough employee years: the overlap counts once and one's own resident
    /// contributions for it are refunded (2014 linkage rules Art. 7), said with the months where known.
    #[test]
    fn linking_into_the_employee_scheme_says_the_overlap_is_refunded() {
        let mut a = man(YearMonth::ym(1964, 1), 200);
        a.resident_pension.months = Some(60);
        a.resident_pension.overlap_months = Some(12);
        let r = evaluate(&a, 0, NOV_2026);
        let link = Msg::LinkIntoEmployee { overlap_months: Some(12) };
        assert!(r.options.contains(&link), "{:?}", r.options);
        assert!(link.text(crate::message::Lang::ZhCn).contains("重叠的1年只算职工的"));
        assert!(link.text(crate::message::Lang::En).contains("refunded"));
    }

    #[test]
    fn too_few_years_while_contributing_is_not_yet_until_the_years_are_paid() {
        let mut a = man(YearMonth::ym(1964, 1), 170);
        a.employee_pension.contributing_now = Some(true);
        let r = evaluate(&a, 0, NOV_2026);
        assert_eq!(r.status, Status::NotYet);
        assert_eq!(r.earliest, Some(NOV_2026 + 10));
    }

    #[test]
    fn too_few_years_without_knowing_whether_one_pays_on_is_unknown_not_no() {
        // 170 months of the 180 needed: paying on, the minimum is met in 10 months; stopped, it is not. Unknown.
        let a = man(YearMonth::ym(1964, 1), 170);
        let r = evaluate(&a, 0, NOV_2026);
        assert_eq!(r.status, Status::Unknown);
        let c = r.criteria.iter().find(|c| c.id == "min_contribution_months").unwrap();
        assert_eq!(
            (c.outcome, c.questions.as_slice()),
            (Outcome::Unknown, &[Question::adult(0, fields::CONTRIBUTING_NOW)][..])
        );
        assert!(r.options.contains(&Msg::ExtendContributions { remaining: 10 }));
    }

    #[test]
    fn a_woman_without_her_category_is_unknown_and_asked_for_it() {
        let a = Adult { sex: Some(Sex::Female), ..man(YearMonth::ym(1980, 3), 100) };
        let r = evaluate(&a, 1, NOV_2026);
        assert_eq!(r.status, Status::Unknown);
        assert!(r.open_questions().contains(&Question::adult(1, fields::FEMALE_CATEGORY)));
    }

    #[test]
    fn the_beijing_estimate_uses_the_beijing_base_and_names_what_is_missing_elsewhere() {
        let mut a = man(YearMonth::ym(1976, 2), 360);
        a.employee_pension.average_index_bp = Some(8000);
        a.employee_pension.account_balance_fen = Some(10_000_000);
        a.employee_pension.contributing_now = Some(false); // G-P5: N = 30 years, nothing more paid in
        a.current_place = Some("beijing".into());
        a.employee_pension.segments = vec![Segment { place: "beijing".into(), months: 360 }];
        let r = evaluate(&a, 0, NOV_2026);
        assert_eq!(amount(&r, AmountId::BasicMonthly), Some(325_323), "G-P5 basic: 3,253.23");
        assert!(amount(&r, AmountId::TotalMonthly).is_some());

        // Whether anything more is paid in before 2038 is not known: the amounts are unknown and ask.
        a.employee_pension.contributing_now = None;
        let r = evaluate(&a, 0, NOV_2026);
        for id in [AmountId::BasicMonthly, AmountId::AccountAtRetirement, AmountId::AccountMonthly] {
            let x = r.amounts.iter().find(|x| x.id == id).unwrap();
            assert_eq!((x.fen, x.questions.as_slice()), (None, &[Question::adult(0, fields::CONTRIBUTING_NOW)][..]));
        }
        a.employee_pension.contributing_now = Some(false);

        // Hubei publishes no provincial base (its cities set their own): outside Wuhan it is missing.
        a.current_place = Some("hubei".into());
        a.employee_pension.segments = vec![Segment { place: "hubei".into(), months: 360 }];
        let r = evaluate(&a, 0, NOV_2026);
        let basic = r.amounts.iter().find(|x| x.id == AmountId::BasicMonthly).unwrap();
        assert_eq!(basic.fen, None);
        assert_eq!(basic.missing_data, ["employee_pension.benefit_base"]);
    }

    /// Someone paying in now who reaches the minimum years well before the statutory month is not offered ways to
    /// make up years they will not lack (8 years paid, born 1985: 15 or more years are reached long before 2048).
    #[test]
    fn no_make_up_options_for_years_that_paying_on_will_reach() {
        let mut a = man(YearMonth::ym(1985, 3), 96);
        a.employee_pension.contributing_now = Some(true);
        let r = evaluate(&a, 0, NOV_2026);
        assert_eq!(r.status, Status::NotYet);
        assert!(r.options.is_empty(), "{:?}", r.options);
        a.employee_pension.contributing_now = Some(false);
        let r = evaluate(&a, 0, NOV_2026);
        assert!(r.options.iter().any(|o| matches!(o, Msg::ExtendContributions { .. })));
    }

    /// Without the hukou place, the place of receipt is settled only by ten years in the current insured province
    /// (66号 Art. 5): 60 months in Shenzhen then 300 in Sichuan is paid in Sichuan, wherever one lives; 200 months
    /// with no record by place leaves it open, and the estimate asks for the hukou place and the record.
    #[test]
    fn without_the_hukou_the_base_is_the_ten_year_provinces_or_unknown() {
        let mut a = man(YearMonth::ym(1976, 2), 360);
        a.employee_pension.average_index_bp = Some(8000);
        a.current_place = Some("guangdong/shenzhen".into());
        a.employee_pension.segments = vec![
            Segment { place: "guangdong/shenzhen".into(), months: 60 },
            Segment { place: "sichuan".into(), months: 300 },
        ];
        let r = evaluate(&a, 0, NOV_2026);
        let basic = r.amounts.iter().find(|x| x.id == AmountId::BasicMonthly).unwrap();
        let used: Vec<&str> = basic.used.iter().map(|d| d.cite.source.id).collect();
        assert!(!used.iter().any(|s| s.contains("shenzhen")), "not Shenzhen's base: {used:?}");
        a.employee_pension.segments.clear();
        let r = evaluate(&a, 0, NOV_2026);
        let basic = r.amounts.iter().find(|x| x.id == AmountId::BasicMonthly).unwrap();
        assert_eq!(basic.fen, None);
        assert!(basic.questions.contains(&Question::adult(0, fields::HUKOU_PLACE)));
        assert!(basic.missing_data.is_empty(), "nothing is missing from the data; the place is not settled");
    }

    #[test]
    fn the_place_of_receipt_is_reported() {
        let mut a = man(YearMonth::ym(1980, 1), 240);
        a.hukou_place = Some("sichuan".into());
        a.employee_pension.segments =
            vec![Segment { place: "zhejiang".into(), months: 96 }, Segment { place: "jiangsu".into(), months: 144 }];
        let r = evaluate(&a, 0, NOV_2026);
        assert!(r.notes.iter().any(|n| matches!(n, Msg::ReceiptPlace { place, .. } if place == "320000")));
    }

    fn receipt_note(r: &ProgramResult) -> Option<(&str, crate::message::ReceiptRule)> {
        r.notes.iter().find_map(|n| match n {
            Msg::ReceiptPlace { place, rule } => Some((place.as_str(), *rule)),
            _ => None,
        })
    }

    fn segments(s: &[(&str, u32)]) -> Vec<Segment> {
        s.iter().map(|(place, months)| Segment { place: (*place).into(), months: *months }).collect()
    }

    #[test]
    fn g_t1_a_hukou_given_as_a_county_is_paid_in_its_province() {
        // G-T1: Guangdong 156 months, then back home in Henan (current). Whether the hukou is given as the
        // province or as 兰考县, the current insured place is the hukou province: paid in Henan.
        use crate::message::ReceiptRule::HukouIsCurrent;
        for hukou in ["henan", "henan/kaifeng/lankao"] {
            for home in [200, 100] {
                let mut a = man(YearMonth::ym(1980, 1), 156 + home);
                a.hukou_place = Some(hukou.into());
                a.employee_pension.segments = segments(&[("guangdong", 156), ("henan", home)]);
                a.employee_pension.contributing_now = Some(true);
                let r = evaluate(&a, 0, NOV_2026);
                assert_eq!(receipt_note(&r), Some(("410000", HukouIsCurrent)), "{hukou}, {home} months at home");
                assert_eq!(r.changes_at, None, "already paid where insured: nothing to wait for");
            }
        }
    }

    #[test]
    fn city_segments_add_up_by_province_and_the_month_of_ten_years_counts_them_so() {
        use crate::message::ReceiptRule::{BackToHukou, TenYearsHere};
        let mut a = man(YearMonth::ym(1980, 1), 130);
        a.hukou_place = Some("sichuan/chengdu".into());
        a.employee_pension.segments = segments(&[("guangdong/shenzhen", 60), ("guangdong/dongguan", 70)]);
        // 60 + 70 = 130 months in Guangdong ≥ 120.
        assert_eq!(receipt_note(&evaluate(&a, 0, NOV_2026)), Some(("440000", TenYearsHere)));
        // Shenzhen 60 + Dongguan 40 = 100: back to Sichuan until 20 more months in Guangdong, from 2028-07.
        a.employee_pension.segments = segments(&[("guangdong/shenzhen", 60), ("guangdong/dongguan", 40)]);
        a.employee_pension.contributing_now = Some(true);
        let r = evaluate(&a, 0, NOV_2026);
        assert_eq!(receipt_note(&r), Some(("510000", BackToHukou)));
        assert_eq!(r.changes_at, Some(YearMonth::ym(2028, 7)));
    }

    #[test]
    fn a_province_segment_worked_in_shenzhen_takes_the_shenzhen_base() {
        // Hukou Henan; 30 years insured in Guangdong (≥ 10: paid in Guangdong), working in Shenzhen now, not paying.
        // Shenzhen's own base 11,293 (2025), Z = 1.0, N = 30: 11,293 × (1 + 1) / 2 × 30 × 1 % = 3,387.90.
        let mut a = man(YearMonth::ym(1976, 2), 360);
        a.hukou_place = Some("henan/kaifeng/lankao".into());
        a.current_place = Some("guangdong/shenzhen".into());
        a.employee_pension.average_index_bp = Some(10_000);
        a.employee_pension.contributing_now = Some(false);
        a.employee_pension.segments = segments(&[("guangdong", 360)]);
        let r = evaluate(&a, 0, NOV_2026);
        assert_eq!(receipt_note(&r).map(|n| n.0), Some("440000"), "the place of receipt is the province");
        assert_eq!(amount(&r, AmountId::BasicMonthly), Some(338_790));
        // The same record given by city, the current place elsewhere: still Shenzhen's base.
        a.current_place = Some("hunan/changsha".into());
        a.employee_pension.segments = segments(&[("guangdong/shenzhen", 360)]);
        let r = evaluate(&a, 0, NOV_2026);
        assert_eq!(amount(&r, AmountId::BasicMonthly), Some(338_790));
        // Insured in Guangdong without a city: Guangdong has no base of its own in the data, so it is unknown.
        a.employee_pension.segments = segments(&[("guangdong", 360)]);
        let r = evaluate(&a, 0, NOV_2026);
        let basic = r.amounts.iter().find(|x| x.id == AmountId::BasicMonthly).unwrap();
        assert_eq!((basic.fen, basic.missing_data.as_slice()), (None, &["employee_pension.benefit_base"][..]));
    }

    #[test]
    fn unknown_overlap_gives_the_range_of_combined_years_never_a_guess_of_none() {
        // G-L1's record (12 employee years, 8 resident years) without the overlap: 12 + 8 = 20 years if nothing
        // overlaps, 12 years if all 8 resident years were also employee years (they count once, Art. 7).
        let mut a = man(YearMonth::ym(1964, 1), 12 * 12);
        a.resident_pension.months = Some(8 * 12);
        let r = evaluate(&a, 0, NOV_2026);
        let range =
            Msg::LinkIntoResidentOverlapUnknown { least_months: 144, most_months: 240, resident_required: Some(180) };
        assert!(r.options.contains(&range));
        assert!(!r.options.iter().any(|o| matches!(o, Msg::LinkIntoResident { .. })), "{:?}", r.options);
        // 24 months known to overlap: 144 + 96 − 24 = 216.
        a.resident_pension.overlap_months = Some(24);
        let linked = Msg::LinkIntoResident { combined_months: 216, resident_required: Some(180) };
        assert!(evaluate(&a, 0, NOV_2026).options.contains(&linked));
        // No resident months: nothing can overlap, the employee months stand alone.
        a.resident_pension = crate::household::ResidentPension { months: Some(0), ..Default::default() };
        let alone = Msg::LinkIntoResident { combined_months: 144, resident_required: Some(180) };
        assert!(evaluate(&a, 0, NOV_2026).options.contains(&alone));
        assert!(
            alone.text(crate::message::Lang::ZhCn).contains("还差3年"),
            "{}",
            alone.text(crate::message::Lang::ZhCn)
        );
    }

    #[test]
    fn an_unknown_interest_rate_leaves_the_balance_at_retirement_unknown_and_names_the_rate() {
        // June 2021: the data has no credited rate before 2022 (记账利率 2022: 6.12 %). Not paying in, so the
        // balance would only grow with interest: unknown, not "no interest".
        let mut a = man(YearMonth::ym(1975, 6), 200);
        a.employee_pension.account_balance_fen = Some(10_000_000);
        a.employee_pension.contributing_now = Some(false);
        let june_2021 = YearMonth::ym(2021, 6);
        // The estimate is asked for directly, with the statutory month the rules give today.
        let s = retirement::statutory(a.birth.unwrap(), Category::Male, NOV_2026).unwrap();
        let amounts = estimate(&a, s, Some(200), None, june_2021, |f| Question::adult(0, f));
        let at = amounts.iter().find(|x| x.id == AmountId::AccountAtRetirement).unwrap();
        assert_eq!(at.fen, None);
        assert_eq!(at.missing_data, ["employee_pension.account_interest"]);
        let monthly = amounts.iter().find(|x| x.id == AmountId::AccountMonthly).unwrap();
        assert_eq!((monthly.fen, monthly.missing_data.as_slice()), (None, &["employee_pension.account_interest"][..]));
        assert_eq!(balance_after(&a, june_2021, 12), None, "moving on a year: unknown, not kept");
        // At 2.62 % (2024 on), compounded monthly: 100,000.00 × (1 + 0.0262 / 12)^12 = 102,651.69.
        assert_eq!(balance_after(&a, NOV_2026, 12), Some(10_265_169));
    }

    #[test]
    fn a_monthly_credit_that_does_not_fit_is_unknown_not_zero() {
        // C × Z × share / 10^8 with C = Z = i64::MAX and share 1 bp is about 8.5 × 10^29 fen, beyond i64.
        assert_eq!(monthly_credit(true, Some(i64::MAX), Some(i64::MAX), Some(1)), None);
        // With share = i64::MAX the product overflows even i128.
        assert_eq!(monthly_credit(true, Some(i64::MAX), Some(i64::MAX), Some(i64::MAX)), None);
        // G-F1: 8 % of a base of 0.6 × 7,000 = 336.00 a month.
        assert_eq!(monthly_credit(true, Some(700_000), Some(6_000), Some(800)), Some(33_600));
        assert_eq!(monthly_credit(false, None, None, None), Some(0), "not paying in credits nothing");
    }
}
