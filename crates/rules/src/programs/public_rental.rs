//! Public rental housing (公共租赁住房) in the place the family lives.
//!
//! Authority: 公共租赁住房管理办法 (住建部令第11号) Art. 7 [C2]: (1) no home here, or less floor area than the local
//! standard; (2) income and assets below the local standard; (3) for outside workers, stable local employment for
//! the local number of years. The numbers are the city's or county's (`policy/places/…/public_rental.toml`).
//!
//! Criteria: `housing_need`, `income_below`, `outside_worker_employment`. A household whose hukou is local is not
//! tested as outside workers (Art. 7(3)), so moving hukou here never adds a test. Where the local income line is
//! not a number we have, the family's own answer to "below the local line?" is used, and said to be theirs.
//! Either adult may be the applicant (judged in the place they live now); the family's answer is the better of
//! the two, and the employment test names the applicant.

use super::common::{cite_local, criterion, local, local_dated, newest_from, no_local_rule, tri};
use super::{fields, household_fields};
use crate::household::{Adult, Household, HukouType, Question, Subject};
use crate::message::Msg;
use crate::policy::data::national::public_rental as data;
use crate::policy::{self, Unit};
use crate::report::{Criterion, Outcome, ProgramId, ProgramResult, Quantity};
use crate::time::YearMonth;

pub fn evaluate(household: &Household, as_of: YearMonth) -> ProgramResult {
    // Either adult may apply: the family's answer is the best of the two (and either's answer may change with time:
    // a new graduate's window closes).
    super::family::best_applicant(household, |i, a| as_applicant(household, i, a, as_of))
}

/// The answer with adult `index` as the applicant, in the place they live (also the conditions of the county's
/// rental subsidy, `rental_subsidy`).
pub(super) fn as_applicant(household: &Household, index: u8, applicant: &Adult, as_of: YearMonth) -> ProgramResult {
    let place = applicant.current_place.as_deref();
    let place_q = Question::adult(index, fields::CURRENT_PLACE);

    // A rural hukou of this very county: county rules rarely say whether such a worker is an "outside worker"
    // (rules-counties §1.3); when the outside-worker test would fail, the honest answer is "ask the office".
    let own_county_rural = applicant.hukou_type == Some(HukouType::Rural)
        && place.and_then(policy::place).is_some_and(|p| p.level == "county");
    // Local hukou: the hukou is in the place whose rules these are.
    let area = policy::resolve(place, &data::SI_MONTHS_OUTSIDE).1.or(place);
    let hukou_here = super::family::adult_hukou_here(applicant, area);
    // An outside worker, for the housing clauses that hold outside workers to more: known only when the hukou is
    // known, and not for an own-county rural hukou, whose class the rules leave open.
    let outside = match hukou_here {
        Some(true) if own_county_rural => None,
        here => here.map(|h| !h),
    };

    let area_line = local_dated(place, &data::AREA_LINE_M2, as_of);
    let housing = match area_line {
        None => {
            no_local_rule("housing_need", &data::criteria::HOUSING_NEED, place, &data::AREA_LINE_M2, place_q, as_of)
        }
        Some((line, _)) => {
            let unclear = own_county_rural && hukou_here == Some(true);
            let own = housing_need(household, applicant, index, (place, as_of), (outside, unclear), line);
            relatives_clause(own, applicant, index, place, as_of, outside)
        }
    };

    let income = income_below(household, place, as_of);

    // The month the new-graduate path may change by itself, if it is looked at.
    let mut changes_at = None;
    let mut employment = || {
        let (c, next) = work_test(applicant, index, place, as_of, place_q);
        changes_at = next;
        c
    };
    let work = match hukou_here {
        Some(true) if own_county_rural => {
            let test = employment();
            // Failed, or undecided only because paying on is not known: whether the clause applies is the question.
            let undecided_paying = test.questions.contains(&Question::adult(index, fields::CONTRIBUTING_NOW));
            if test.outcome == Outcome::NotMet || (test.outcome == Outcome::Unknown && undecided_paying) {
                let mut unclear =
                    criterion("outside_worker_employment", test.citation, Outcome::Unknown, Msg::OwnCountyRuralUnclear);
                unclear.observed = test.observed;
                unclear.required = test.required;
                unclear.questions = test.questions;
                unclear
            } else {
                test
            }
        }
        Some(true) => criterion(
            "outside_worker_employment",
            &data::criteria::OUTSIDE_WORKER_EMPLOYMENT,
            Outcome::Met,
            Msg::LocalHukouNoWorkTest,
        ),
        None => {
            let mut c = criterion(
                "outside_worker_employment",
                &data::criteria::OUTSIDE_WORKER_EMPLOYMENT,
                Outcome::Unknown,
                Msg::HukouUnknown,
            );
            c.questions.push(Question::adult(index, super::family::hukou_question(applicant)));
            c
        }
        Some(false) => employment(),
    };
    let work = Criterion { met_by: (work.outcome == Outcome::Met).then(|| Subject::adult_path(index)), ..work };

    let criteria = vec![housing, income, work];
    ProgramResult {
        // Rules in force since: the newest of the place's values this answer read.
        policy_from: newest_from(
            [
                &data::AREA_LINE_M2,
                &data::AREA_LINE_OUTSIDE_M2,
                &data::PARENTS_HOME_DISQUALIFIES_OUTSIDE,
                &data::RELATIVES_HOME_WEIGHED,
                &data::SI_MONTHS_OUTSIDE,
                &data::CONTRACT_MONTHS_OUTSIDE,
                &data::GRADUATE_MONTHS,
                &data::SI_MONTHS_GRADUATE,
                &data::CONTRACT_MONTHS_GRADUATE,
                &data::INCOME_LINE_FEN,
            ]
            .map(|p| local_dated(place, p, as_of).map(|d| d.1)),
            &[],
        ),
        not_modelled: if local(place, &data::GRADUATE_MONTHS, as_of).is_some() {
            vec![Msg::NotModelledAssets, Msg::NotModelledWaitingList]
        } else {
            vec![Msg::NotModelledAssets, Msg::NotModelledWaitingList, Msg::NotModelledGraduatePath]
        },
        changes_at,
        ..ProgramResult::new(ProgramId::PublicRental, "household", criteria)
    }
}

/// The employment test on either path the place gives: its outside workers' test, or, when that is not met, its
/// new-graduate path (融安, 怀宁). Met on either is met; not met on both is the outside workers' answer; otherwise
/// it is open, with the questions of the outside workers' test while that is open, else the graduate path's. Also
/// the month the graduate path may change by itself (its insurance long enough, or its window closed), for
/// timelines.
fn work_test(
    applicant: &Adult,
    index: u8,
    place: Option<&str>,
    as_of: YearMonth,
    place_q: Question,
) -> (Criterion, Option<YearMonth>) {
    let outside = outside_worker_test(applicant, index, place, as_of, place_q);
    if outside.outcome == Outcome::Met {
        return (outside, None);
    }
    let Some((graduate, next)) = graduate_test(applicant, index, place, as_of, outside.outcome == Outcome::NotMet)
    else {
        return (outside, None);
    };
    let c = match (outside.outcome, graduate.outcome) {
        (_, Outcome::Met) => graduate,
        (Outcome::NotMet, Outcome::NotMet) => outside,
        // Short as an outside worker, open as a graduate: the graduate path is the question (and the month the
        // insurance is long enough, if paying on, still stands).
        (Outcome::NotMet, _) => Criterion { met_from: outside.met_from, ..graduate },
        // Open as an outside worker: its questions first; the graduate path's are asked only once it falls short.
        _ => outside,
    };
    (c, next)
}

/// The new-graduate path where the place gives one: a college graduate (大专 or higher) within the place's months
/// of graduating (counted from the month after), with its insurance here and contract. `None` where the place has
/// no such path or the adult did not go to college. With it, the month it may change by itself: the insurance
/// reaching the path's need while the person pays, or the window closing.
fn graduate_test(
    applicant: &Adult,
    index: u8,
    place: Option<&str>,
    as_of: YearMonth,
    outside_short: bool,
) -> Option<(Criterion, Option<YearMonth>)> {
    let rule = local_dated(place, &data::GRADUATE_MONTHS, as_of)?;
    let si_required = local(place, &data::SI_MONTHS_GRADUATE, as_of)?;
    let contract_required = local(place, &data::CONTRACT_MONTHS_GRADUATE, as_of)?;
    if applicant.college == Some(false) {
        return None;
    }
    let since = applicant.graduated.map(|g| i64::from(g.months_until(as_of)));
    let si = applicant.si_months_here.map(i64::from);
    let contract = applicant.contract_months.map(i64::from);
    let at_least = |had: Option<i64>, needed: i64| if needed == 0 { Some(true) } else { had.map(|m| m >= needed) };
    let tests = [since.map(|m| m <= rule.0), at_least(si, si_required), at_least(contract, contract_required)];
    let outcome = match (tests.contains(&Some(false)), tests.iter().all(|t| *t == Some(true))) {
        (true, _) => Outcome::NotMet,
        (false, true) => Outcome::Met,
        (false, false) => Outcome::Unknown,
    };
    let message = Msg::GraduateTest {
        since,
        allowed: rule.0,
        si_months: si,
        si_required,
        contract_months: contract,
        contract_required,
        outside_short,
    };
    let mut c = criterion("outside_worker_employment", &data::criteria::OUTSIDE_WORKER_EMPLOYMENT, outcome, message);
    if since.is_none() {
        if applicant.college.is_none() {
            c.questions.push(Question::adult(index, fields::COLLEGE));
        }
        c.questions.push(Question::adult(index, fields::GRADUATED));
    }
    for (test, field) in [(tests[1], fields::SI_MONTHS_HERE), (tests[2], fields::CONTRACT_MONTHS)] {
        if test.is_none() {
            c.questions.push(Question::adult(index, field));
        }
    }
    let months = |n: i64| as_of + i32::try_from(n).unwrap_or(i32::MAX);
    let paying = applicant.employee_pension.contributing_now == Some(true);
    let insured_at = si.filter(|m| paying && *m < si_required).map(|m| months(si_required - m));
    let closes_at = since.filter(|s| *s <= rule.0).map(|s| months(rule.0 - s + 1));
    let next = insured_at.into_iter().chain(closes_at).min();
    Some((cite_local(c, Some(rule)), next))
}

/// The outside-worker test of Art. 7(3) with the place's numbers: continuous insurance months here and, where
/// required, the length of the labour contract.
fn outside_worker_test(
    applicant: &Adult,
    index: u8,
    place: Option<&str>,
    as_of: YearMonth,
    place_q: Question,
) -> Criterion {
    let si_rule = local_dated(place, &data::SI_MONTHS_OUTSIDE, as_of);
    match (si_rule.map(|v| v.0), local(place, &data::CONTRACT_MONTHS_OUTSIDE, as_of)) {
        (Some(si_required), Some(contract_required)) => {
            let si = applicant.si_months_here.map(i64::from);
            let contract = applicant.contract_months.map(i64::from);
            let si_ok = si.map(|m| m >= si_required);
            let contract_ok =
                if contract_required == 0 { Some(true) } else { contract.map(|m| m >= contract_required) };
            let outcome = match (si_ok, contract_ok) {
                (Some(true), Some(true)) => Outcome::Met,
                (Some(false), _) | (_, Some(false)) => Outcome::NotMet,
                _ => Outcome::Unknown,
            };
            let message =
                Msg::OutsideWorkerTest { si_months: si, si_required, contract_months: contract, contract_required };
            let mut c =
                criterion("outside_worker_employment", &data::criteria::OUTSIDE_WORKER_EMPLOYMENT, outcome, message);
            c.observed = si.map(|v| Quantity { value: v, unit: Unit::Months });
            c.required = Some(Quantity { value: si_required, unit: Unit::Months });
            if si.is_none() {
                c.questions.push(Question::adult(index, fields::SI_MONTHS_HERE));
            }
            if contract_ok.is_none() {
                c.questions.push(Question::adult(index, fields::CONTRACT_MONTHS));
            }
            // The insurance months keep growing while the person pays: they reach the requirement at a known month.
            // When that is all that is missing, waiting is enough (a duration test); otherwise the month is still
            // reported, as the month the insurance part is met.
            let paying = applicant.employee_pension.contributing_now;
            if si_ok == Some(false) && paying == Some(true) {
                c.is_duration = contract_ok == Some(true);
                c.met_from = si.map(|m| as_of + i32::try_from(si_required - m).unwrap_or(i32::MAX));
            }
            // Short now, and not known whether still paying: waiting may be enough, so it is not a "no".
            if si_ok == Some(false) && paying.is_none() && contract_ok != Some(false) {
                c.outcome = Outcome::Unknown;
                c.questions.push(Question::adult(index, fields::CONTRIBUTING_NOW));
            }
            cite_local(c, si_rule)
        }
        _ => no_local_rule(
            "outside_worker_employment",
            &data::criteria::OUTSIDE_WORKER_EMPLOYMENT,
            place,
            &data::SI_MONTHS_OUTSIDE,
            place_q,
            as_of,
        ),
    }
}

/// Art. 7(1) with the place's floor-area line: no home here, or less living space per person than the line. Where
/// the place holds outside workers to another line (`area_line_outside_m2`, 怀宁: none may own a home), theirs is
/// used, and a family that owns a home whose applicant's class is not known (`outside` is `None`; `unclear`: an
/// own-county rural hukou, which the rules leave open) is unknown.
fn housing_need(
    household: &Household,
    applicant: &Adult,
    index: u8,
    (place, as_of): (Option<&str>, YearMonth),
    (outside, unclear): (Option<bool>, bool),
    line: i64,
) -> Criterion {
    let id = "housing_need";
    let cite = &data::criteria::HOUSING_NEED;
    let general = local_dated(place, &data::AREA_LINE_M2, as_of);
    match household.owns_home_here {
        Some(false) => cite_local(criterion(id, cite, Outcome::Met, Msg::OwnsHome { owns: Some(false) }), general),
        None => {
            let mut c = criterion(id, cite, Outcome::Unknown, Msg::OwnsHome { owns: None });
            c.questions.push(Question::household(household_fields::OWNS_HOME_HERE));
            cite_local(c, general)
        }
        Some(true) => {
            let outside_line = local_dated(place, &data::AREA_LINE_OUTSIDE_M2, as_of);
            let (line, dated) = match (outside_line, outside) {
                (Some((other, d)), Some(true)) => (other, Some((other, d))),
                (Some((other, _)), None) if other != line => {
                    // Which line holds depends on whether the applicant counts as an outside worker.
                    let mut c = criterion(id, cite, Outcome::Unknown, Msg::OwnCountyRuralUnclear);
                    if !unclear {
                        c.message = Msg::HukouUnknown;
                        c.questions.push(Question::adult(index, super::family::hukou_question(applicant)));
                    }
                    return cite_local(c, outside_line);
                }
                _ => (line, general),
            };
            if line == 0 {
                return cite_local(criterion(id, cite, Outcome::NotMet, Msg::OwnsHome { owns: Some(true) }), dated);
            }
            let area = household.floor_area_per_capita_m2;
            let outcome = tri(area.map(|a| i64::from(a) < line));
            let mut c = criterion(id, cite, outcome, Msg::AreaBelowLine { area_m2: area, line_m2: line });
            c.observed = area.map(|a| Quantity { value: i64::from(a), unit: Unit::SquareMetres });
            c.required = Some(Quantity { value: line, unit: Unit::SquareMetres });
            if area.is_none() {
                c.questions.push(Question::household(household_fields::FLOOR_AREA));
            }
            cite_local(c, dated)
        }
    }
}

/// The relatives' clauses some counties add to Art. 7(1): 怀宁 asks that an outside worker's parents have no home
/// in the county town either (a "no" when they do); 梁平 turns away one whom a direct relative in the town can help
/// with housing, as the office judges (so a relative's home there is not a "no" here, but a question for the
/// office). Applied on top of the family's own housing test `own`: a "no" there stands, and so does its answer
/// when the parents have no home here; not knowing adds the question.
// Not inlined (nor `income_below`): a separate copy keeps the page's engine smaller (measured).
#[inline(never)]
fn relatives_clause(
    own: Criterion,
    applicant: &Adult,
    index: u8,
    place: Option<&str>,
    as_of: YearMonth,
    outside: Option<bool>,
) -> Criterion {
    let set = |p| local_dated(place, p, as_of).filter(|(v, _)| *v == 1);
    let rule = match (set(&data::PARENTS_HOME_DISQUALIFIES_OUTSIDE), set(&data::RELATIVES_HOME_WEIGHED)) {
        (_, Some(d)) => (true, d),
        (Some(d), None) if outside != Some(false) => (false, d),
        _ => return own,
    };
    let (weighed, dated) = rule;
    let mut c = own;
    match applicant.parents_home_here {
        // The family's own "no" stands; so does its answer when the parents have no home here either.
        _ if c.outcome == Outcome::NotMet => {}
        Some(false) => {}
        // Not known: the clause's question joins the family's own; where the family's own answer was yes, the
        // clause is what is open, and the reason says so.
        None => {
            if c.outcome == Outcome::Met {
                c = criterion(c.id, &dated.1.cite, Outcome::Unknown, Msg::ParentsHomeUnknown { weighed });
            }
            c.questions.push(Question::adult(index, fields::PARENTS_HOME));
        }
        // The parents' home here: 怀宁's "no" for an outside worker; otherwise the office's call (梁平's "can
        // help", or a worker whose class is open).
        Some(true) => {
            let outcome = if !weighed && outside == Some(true) { Outcome::NotMet } else { Outcome::Unknown };
            let questions = std::mem::take(&mut c.questions);
            c = criterion(c.id, &dated.1.cite, outcome, Msg::ParentsHome { weighed });
            if outcome == Outcome::Unknown {
                c.questions = questions;
            }
        }
    }
    c
}

#[inline(never)]
fn income_below(household: &Household, place: Option<&str>, as_of: YearMonth) -> Criterion {
    let id = "income_below";
    let cite = &data::criteria::INCOME_BELOW;
    if let (Some(line), Some(income)) = (local(place, &data::INCOME_LINE_FEN, as_of), household.income_per_capita_fen) {
        let mut c =
            criterion(id, cite, tri(Some(income < line)), Msg::IncomeBelowLine { income_fen: income, line_fen: line });
        c.observed = Some(Quantity { value: income, unit: Unit::Fen });
        c.required = Some(Quantity { value: line, unit: Unit::Fen });
        return c;
    }
    let below = household.income_below_local_line;
    let mut c = criterion(id, cite, tri(below), Msg::IncomeSelfAssessed { below });
    if below.is_none() {
        c.questions.push(Question::household(household_fields::INCOME_BELOW_LINE));
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::Adult;
    use crate::report::Status;

    const NOV_2026: YearMonth = YearMonth::ym(2026, 11);

    /// A worker in 融安 who did not go to college (so 融安's new-graduate path is closed).
    fn rongan(si: u32, hukou_elsewhere: bool) -> Household {
        Household {
            adults: vec![Adult {
                current_place: Some("guangxi/liuzhou/rongan".into()),
                hukou_elsewhere: Some(hukou_elsewhere),
                college: Some(false),
                si_months_here: Some(si),
                employee_pension: crate::household::EmployeePension {
                    contributing_now: Some(false),
                    ..Default::default()
                },
                ..Adult::default()
            }],
            owns_home_here: Some(false),
            income_below_local_line: Some(true),
            ..Household::default()
        }
    }

    #[test]
    fn rongan_needs_two_years_of_county_insurance_from_outside_workers() {
        assert_eq!(evaluate(&rongan(30, true), NOV_2026).status, Status::Eligible);
        assert_eq!(evaluate(&rongan(18, true), NOV_2026).status, Status::NotEligible);
    }

    #[test]
    fn a_local_hukou_is_not_tested_as_an_outside_worker() {
        assert_eq!(evaluate(&rongan(0, false), NOV_2026).status, Status::Eligible);
    }

    #[test]
    fn a_place_without_a_layer_is_unknown_and_names_the_missing_numbers() {
        let mut h = rongan(30, true);
        h.adults[0].current_place = Some("henan/somewhere".into());
        let r = evaluate(&h, NOV_2026);
        assert_eq!(r.status, Status::Unknown);
        let missing: Vec<&str> = r
            .criteria
            .iter()
            .filter_map(|c| match &c.message {
                Msg::NoLocalData { parameter, .. } => Some(*parameter),
                _ => None,
            })
            .collect();
        assert_eq!(missing, ["public_rental.area_line_m2", "public_rental.si_months_outside"]);
    }

    /// 阳江's rules are the city's. Living in a district of 阳江 with the hukou "outside where I live" does not say
    /// whether it is elsewhere in 阳江: the employment test waits for the hukou place, and asks for it.
    #[test]
    fn hukou_outside_the_district_does_not_say_outside_the_city() {
        let household = Household {
            adults: vec![Adult {
                current_place: Some("guangdong/yangjiang/jiangcheng".into()),
                hukou_elsewhere: Some(true),
                ..Adult::default()
            }],
            ..Household::default()
        };
        let r = evaluate(&household, NOV_2026);
        let work = r.criteria.iter().find(|c| c.id == "outside_worker_employment").unwrap();
        assert_eq!(work.outcome, Outcome::Unknown);
        assert_eq!(work.questions, [Question::adult(0, fields::HUKOU_PLACE)]);
    }

    /// Either adult may apply (G-H1/G-H2's numbers): the father, listed first, has 18 months of county insurance,
    /// the mother 30; with her as the applicant the family is eligible, and the answer names her. The other order
    /// gives the same.
    #[test]
    fn either_adult_may_apply_and_the_applicant_is_named() {
        let mother = Adult { si_months_here: Some(30), ..rongan(30, true).adults[0].clone() };
        let father = Adult { si_months_here: Some(18), ..mother.clone() };
        for (adults, who) in [
            (vec![father.clone(), mother.clone()], "household.adults[1]"),
            (vec![mother, father], "household.adults[0]"),
        ] {
            let h = Household { adults, ..rongan(0, true) };
            let r = evaluate(&h, NOV_2026);
            assert_eq!(r.status, Status::Eligible);
            let work = r.criteria.iter().find(|c| c.id == "outside_worker_employment").unwrap();
            assert_eq!(work.met_by, Some(who));
        }
    }

    /// G-H2's 18 months of the 24 融安 asks: not eligible for someone who has stopped paying; not yet, until 2027-05,
    /// for someone still paying; and, not knowing which, unknown — asking — never "no".
    #[test]
    fn eighteen_months_is_no_only_for_someone_who_has_stopped_paying() {
        let with = |paying: Option<bool>| {
            let mut h = rongan(18, true);
            h.adults[0].employee_pension.contributing_now = paying;
            evaluate(&h, NOV_2026)
        };
        assert_eq!(with(Some(false)).status, Status::NotEligible);
        let r = with(Some(true));
        assert_eq!((r.status, r.earliest), (Status::NotYet, Some(YearMonth::ym(2027, 5))));
        let r = with(None);
        assert_eq!(r.status, Status::Unknown);
        assert!(r.open_questions().contains(&Question::adult(0, fields::CONTRIBUTING_NOW)));
    }

    fn work(h: &Household, at: YearMonth) -> Criterion {
        evaluate(h, at).criteria.into_iter().find(|c| c.id == "outside_worker_employment").unwrap()
    }

    /// 融安's new graduates: within 5 years of graduating, counted from the month after (graduated 2021-11: the
    /// 60th month after is 2026-11, the last month in), with a year of insurance. 18 months are short of the outside
    /// workers' 24 and enough for a graduate.
    #[test]
    fn rongan_opens_a_new_graduate_path_for_five_years_after_graduating() {
        let graduate = |graduated: Option<YearMonth>, college: Option<bool>| {
            let mut h = rongan(18, true);
            h.adults[0].college = college;
            h.adults[0].graduated = graduated;
            h
        };
        let h = graduate(Some(YearMonth::ym(2021, 11)), Some(true));
        assert_eq!(work(&h, NOV_2026).outcome, Outcome::Met);
        assert_eq!(evaluate(&h, NOV_2026).status, Status::Eligible);
        assert!(!evaluate(&h, NOV_2026).not_modelled.contains(&Msg::NotModelledGraduatePath), "the path is checked");
        assert_eq!(work(&h, YearMonth::ym(2026, 12)).outcome, Outcome::NotMet, "61 months: past the window");
        // The window's end is a month a timeline looks at.
        assert_eq!(evaluate(&h, NOV_2026).changes_at, Some(YearMonth::ym(2026, 12)));
        // A graduation month given says college: the path is checked without the yes.
        assert_eq!(work(&graduate(Some(YearMonth::ym(2023, 6)), None), NOV_2026).outcome, Outcome::Met);
        // Not known whether the worker went to college: the path may be open, so it is asked.
        let open = work(&graduate(None, None), NOV_2026);
        assert_eq!(open.outcome, Outcome::Unknown);
        assert_eq!(open.questions, [Question::adult(0, fields::COLLEGE), Question::adult(0, fields::GRADUATED)]);
        // College, month not known: only the month is asked.
        let open = work(&graduate(None, Some(true)), NOV_2026);
        assert_eq!(open.questions, [Question::adult(0, fields::GRADUATED)]);
        // Too little insurance for a graduate too: no on both paths.
        let mut short = graduate(Some(YearMonth::ym(2023, 6)), Some(true));
        short.adults[0].si_months_here = Some(11);
        assert_eq!(work(&short, NOV_2026).outcome, Outcome::NotMet);
        // Paying on, a graduate's year of insurance is a month a timeline looks at.
        short.adults[0].employee_pension.contributing_now = Some(true);
        assert_eq!(evaluate(&short, NOV_2026).changes_at, Some(YearMonth::ym(2026, 12)));
    }

    /// The second adult, a recent graduate, can be the applicant where the first has no path: the family is in,
    /// through the second, whichever adult is listed first.
    #[test]
    fn a_graduate_second_adult_is_the_applicant_in_either_order() {
        let mut h = rongan(18, true);
        let mut graduate = h.adults[0].clone();
        graduate.college = Some(true);
        graduate.graduated = Some(YearMonth::ym(2023, 6));
        h.adults.push(graduate);
        assert_eq!(work(&h, NOV_2026).met_by, Some("household.adults[1]"));
        assert_eq!(evaluate(&h, NOV_2026).status, Status::Eligible);
        h.adults.reverse();
        assert_eq!(work(&h, NOV_2026).met_by, Some("household.adults[0]"));
        assert_eq!(evaluate(&h, NOV_2026).status, Status::Eligible);
    }

    /// A place whose rule gives no new-graduate numbers has no such path, and says it is not checked.
    #[test]
    fn without_a_local_graduate_rule_the_path_is_not_checked_and_says_so() {
        let mut h = huaining(Some(true), false, 0, Some(false));
        h.adults[0].current_place = Some("hunan/hengyang/hengdong".into());
        h.adults[0].graduated = Some(YearMonth::ym(2025, 6));
        let r = evaluate(&h, NOV_2026);
        assert!(r.not_modelled.contains(&Msg::NotModelledGraduatePath));
        assert!(!r.open_questions().contains(&Question::adult(0, fields::COLLEGE)));
    }

    fn huaining(hukou_elsewhere: Option<bool>, owns: bool, area: u32, parents: Option<bool>) -> Household {
        Household {
            adults: vec![Adult {
                current_place: Some("anhui/anqing/huaining".into()),
                hukou_elsewhere,
                si_months_here: Some(14),
                contract_months: Some(12),
                parents_home_here: parents,
                ..Adult::default()
            }],
            owns_home_here: Some(owns),
            floor_area_per_capita_m2: Some(area),
            income_below_local_line: Some(true),
            ..Household::default()
        }
    }

    fn housing(h: &Household) -> Criterion {
        evaluate(h, NOV_2026).criteria.into_iter().find(|c| c.id == "housing_need").unwrap()
    }

    /// 怀宁 holds outside workers to "no home in the county town" and county-town households to < 15 m²: a family
    /// with 12 m² a person is in on the housing test with a local hukou, out as outside workers, and, not knowing
    /// which, unknown and asked where the hukou is.
    #[test]
    fn huaining_holds_outside_workers_to_no_home_and_its_own_households_to_fifteen_square_metres() {
        assert_eq!(housing(&huaining(Some(false), true, 12, None)).outcome, Outcome::Met);
        assert_eq!(housing(&huaining(Some(true), true, 12, Some(false))).outcome, Outcome::NotMet);
        let open = housing(&huaining(None, true, 12, Some(false)));
        assert_eq!(open.outcome, Outcome::Unknown);
        assert_eq!(open.questions, [Question::adult(0, fields::HUKOU_ELSEWHERE)]);
    }

    /// The parents' clause of 怀宁 is for outside workers: it asks them about their parents' home, and leaves a
    /// county-town household alone.
    #[test]
    fn huaining_asks_an_outside_worker_about_the_parents_home_and_no_one_else() {
        let outside = housing(&huaining(Some(true), false, 0, None));
        assert_eq!(outside.outcome, Outcome::Unknown);
        assert_eq!(outside.questions, [Question::adult(0, fields::PARENTS_HOME)]);
        // The family has no home; what is open is the parents' clause, and the reason says so.
        assert_eq!(outside.message, Msg::ParentsHomeUnknown { weighed: false });
        assert_eq!(outside.citation.source.id, "huaining_public_rental");
        assert_eq!(housing(&huaining(Some(true), false, 0, Some(false))).outcome, Outcome::Met);
        let local = housing(&huaining(Some(false), false, 0, Some(true)));
        assert_eq!((local.outcome, local.message), (Outcome::Met, Msg::OwnsHome { owns: Some(false) }));
    }

    /// 东至's reply names its tests but none of their numbers: each criterion is unknown, says the rule states no
    /// number, and cites the county's document rather than the national article.
    #[test]
    fn dongzhi_states_its_tests_without_numbers_and_each_answer_says_so() {
        let mut h = rongan(30, true);
        h.adults[0].current_place = Some("anhui/chizhou/dongzhi".into());
        let r = evaluate(&h, NOV_2026);
        assert_eq!(r.status, Status::Unknown);
        for id in ["housing_need", "outside_worker_employment"] {
            let c = r.criteria.iter().find(|c| c.id == id).unwrap();
            assert_eq!(c.outcome, Outcome::Unknown);
            assert!(matches!(c.message, Msg::LocalNumberUnstated { .. }), "{id}: {:?}", c.message);
            assert_eq!(c.citation.source.number, Some("东政办〔2020〕47号"), "{id}");
        }
    }
}
