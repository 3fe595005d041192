//! A child's entry to compulsory school (primary) where the family lives.
//!
//! Authority: 义务教育法 Art. 11 [C1] (school at 6) and Art. 12 ¶2 [C1] (equal conditions where the parents work or
//! live, by provincial and local rules). Local rules (`policy/places/…/school_entry.toml`) test a parent's
//! residence permit or months of residence, social insurance or a business licence, and housing proof, all counted
//! up to a local cut-off month of the entry year. The entry year is the next September.
//!
//! Criteria: `school_age`, `parent_permit`, `parent_work`, `housing_proof` (or, for a child whose hukou is here,
//! `local_hukou` and the place's own track). Either parent may meet a parent's test (父母一方).
//! A child whose hukou is here is placed by school zone at the hukou place (Art. 12 ¶1), unless the place's
//! `local_track` gives local children a track of their own (连南, 息烽, 宁阳).

use super::common::{cite_local, criterion, local, local_dated, month_of_year, no_local_rules, tri};
use super::family;
use super::parent_tests::{months_test, work_test, WorkRule};
use super::{child_fields, fields};
use crate::household::{Adult, Child, Household, Question, Subject};
use crate::message::{Measure, Msg};
use crate::policy;
use crate::policy::data::national::school_entry as data;
use crate::report::{Criterion, Outcome, ProgramId, ProgramResult};
use crate::time::YearMonth;

/// The September a child would start: this year's until August, else next year's.
pub fn entry_year(as_of: YearMonth) -> i32 {
    crate::household::calendar::school_year(as_of) + 1
}

pub fn evaluate(household: &Household, child: &Child, index: u8, as_of: YearMonth) -> ProgramResult {
    // The child may enrol where either parent lives; each place is judged with the parents living there.
    let results = family::by_place(household, Some(&data::CUTOFF_MONTH))
        .into_iter()
        .map(|(place, parents)| in_place(household, child, index, place, &parents, as_of));
    match family::best(results) {
        Some(r) => r,
        None => in_place(household, child, index, None, &family::adults(household), as_of),
    }
}

fn in_place(
    household: &Household,
    child: &Child,
    index: u8,
    place: Option<&str>,
    parents: &[(u8, &Adult)],
    as_of: YearMonth,
) -> ProgramResult {
    let year = entry_year(as_of);
    let age = school_age(child, index, year, as_of);
    let cutoff_rule = local_dated(place, &data::CUTOFF_MONTH, as_of).and_then(|(m, d)| Some((month_of_year(m)?, d)));
    // Local children are those whose hukou is in the place the rules are written for.
    let area = policy::resolve(place, &data::CUTOFF_MONTH).1.or(place);
    let hukou_here = family::hukou_here(child.hukou_place.as_deref(), parents, area);
    let local_track = local(place, &data::LOCAL_TRACK, as_of);
    let track = |local: bool| -> Vec<Criterion> {
        let mut criteria = vec![age.clone()];
        match (local, local_track, cutoff_rule) {
            (true, None | Some(0), _) => criteria.push(criterion(
                "local_hukou",
                &data::criteria::LOCAL_HUKOU,
                Outcome::Met,
                Msg::LocalHukouZoned,
            )),
            (true, Some(1), Some((m, _))) => {
                criteria.extend(local_tests(household, parents, place, m, as_of, false));
            }
            (true, Some(2), Some((m, _))) | (false, _, Some((m, _))) => {
                criteria.extend(local_tests(household, parents, place, m, as_of, true));
            }
            (true, Some(_), _) => criteria.push(criterion(
                "local_hukou",
                &data::criteria::LOCAL_HUKOU,
                Outcome::Unknown,
                Msg::LocalTrackNotModelled,
            )),
            (false, _, None) => criteria.extend(no_local_rules(
                &[
                    ("parent_permit", &data::criteria::PARENT_PERMIT),
                    ("parent_work", &data::criteria::PARENT_WORK),
                    ("housing_proof", &data::criteria::HOUSING_PROOF),
                ],
                place,
                &data::CUTOFF_MONTH,
                as_of,
            )),
        }
        criteria
    };
    let result = |criteria| ProgramResult {
        policy_from: cutoff_rule.map(|(_, d)| d.from),
        not_modelled: vec![Msg::NotModelledLocalProcedure],
        ..ProgramResult::new(ProgramId::SchoolEntry, Subject::child_path(index), criteria)
    };
    family::on_track(
        hukou_here,
        || result(track(true)),
        || result(track(false)),
        &data::criteria::LOCAL_HUKOU,
        index,
        1,
    )
}

/// The child is old enough for the coming entry year (a duration test).
fn school_age(child: &Child, index: u8, year: i32, as_of: YearMonth) -> Criterion {
    let age_years = data::SCHOOL_AGE_YEARS.int_at(as_of).and_then(|v| i32::try_from(v.0).ok());
    let age_ok = child.birth.zip(age_years).map(|(b, a)| b <= YearMonth::ym(year - a, 8));
    let mut age = criterion(
        "school_age",
        &data::criteria::SCHOOL_AGE,
        tri(age_ok),
        Msg::SchoolAge { entry_year: year, ok: age_ok },
    );
    if child.birth.is_none() {
        age.questions.push(Question { subject: Subject::Child(index), field: child_fields::BIRTH });
    }
    if age_ok == Some(false) {
        // A matter of time: the child starts in the first September after the sixth birthday's August, and the
        // round for that entry year opens the September before (answers are for the coming entry year).
        age.is_duration = true;
        age.met_from =
            child.birth.zip(age_years).map(|(b, a)| YearMonth::ym(b.year() + a + i32::from(b.month() > 8) - 1, 9));
    }
    age
}

/// The place's tests of the parents, either of whom may meet each (父母一方), counted to the cut-off month `m` of
/// the entry year: the permit (or months lived here) when `with_permit`, work, and housing proof.
fn local_tests(
    household: &Household,
    parents: &[(u8, &Adult)],
    place: Option<&str>,
    m: u32,
    as_of: YearMonth,
    with_permit: bool,
) -> Vec<Criterion> {
    let cutoff = YearMonth::ym(entry_year(as_of), m);
    let number = |p: &'static crate::policy::Parameter| local_dated(place, p, as_of);
    // Every number of the place's rule set, or the criteria unknown naming the first one missing (a place says
    // "not required" with 0; a missing number is never read as 0).
    let params = [
        &data::PERMIT_MONTHS,
        &data::RESIDENCE_MONTHS,
        &data::SI_MONTHS,
        &data::SI_CONTINUOUS,
        &data::CONTRACT_MONTHS,
        &data::LICENCE_MONTHS,
        &data::LICENCE_WAIVES_SI,
    ];
    // The criteria, each unknown and naming the number the place's rule set lacks.
    let unknown = |missing: &'static crate::policy::Parameter| {
        let mut ids = vec![];
        if with_permit {
            ids.push(("parent_permit", &data::criteria::PARENT_PERMIT));
        }
        ids.extend([("parent_work", &data::criteria::PARENT_WORK), ("housing_proof", &data::criteria::HOUSING_PROOF)]);
        no_local_rules(&ids, place, missing, as_of)
    };
    let values = params.map(number);
    let [Some(permit), Some(residence), Some(si), Some(continuous), Some(contract), Some(licence), Some(waives)] =
        values
    else {
        let missing = params.iter().zip(values).find(|(_, v)| v.is_none()).map_or(params[0], |(p, _)| *p);
        return unknown(missing);
    };
    let Some(who) = local(place, &data::BOTH_PARENTS, as_of).and_then(family::Parents::from_value) else {
        return unknown(&data::BOTH_PARENTS);
    };
    let rule = WorkRule {
        si_months: si.0,
        continuous: continuous.0 != 0,
        contract_months: contract.0,
        licence_months: licence.0,
        licence_waives_si: waives.0 == 1,
        area: policy::resolve(place, &data::SI_MONTHS).1,
    };
    let mut criteria = Vec::new();
    if with_permit {
        let (measure, (required, dated)) =
            if permit.0 == 0 && residence.0 > 0 { (Measure::Residence, residence) } else { (Measure::Permit, permit) };
        let c = who.test(parents, |i, a| {
            months_test("parent_permit", &data::criteria::PARENT_PERMIT, measure, a, i, required, cutoff, as_of)
        });
        criteria.push(cite_local(c, Some((required, dated))));
    }
    let work =
        who.test(parents, |i, a| work_test("parent_work", &data::criteria::PARENT_WORK, a, i, &rule, cutoff, as_of));
    criteria.push(cite_local(work, Some(si)));
    let housing = who.test(parents, |i, a| {
        let has = match (a.stable_home, household.owns_home_here) {
            (Some(true), _) | (_, Some(true)) => Some(true),
            (Some(false), Some(false)) => Some(false),
            _ => None,
        };
        let mut c = criterion("housing_proof", &data::criteria::HOUSING_PROOF, tri(has), Msg::HousingProof { has });
        if has.is_none() {
            c.questions.push(Question::adult(i, fields::STABLE_HOME));
        }
        c
    });
    // A home the family owns is the household's, not one parent's.
    let housing = if household.owns_home_here == Some(true) { Criterion { met_by: None, ..housing } } else { housing };
    criteria.push(housing);
    criteria
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::Permit;
    use crate::report::Status;

    fn family(permit_issued: YearMonth, si: u32) -> Household {
        Household {
            adults: vec![Adult {
                current_place: Some("shanxi/taiyuan/xinghualing".into()),
                hukou_elsewhere: Some(true),
                permit: Permit { held: Some(true), issued: Some(permit_issued), late_endorsement: None },
                si_months_here: Some(si),
                contract_months: Some(24),
                employment: Some(crate::household::Employment::Contract),
                employee_pension: crate::household::EmployeePension {
                    contributing_now: Some(true),
                    ..Default::default()
                },
                stable_home: Some(true),
                ..Adult::default()
            }],
            children: vec![Child { birth: Some(YearMonth::ym(2016, 5)), ..Child::default() }],
            ..Household::default()
        }
    }

    #[test]
    fn g_s1_a_permit_from_march_2022_and_thirteen_months_of_insurance_may_apply() {
        let h = family(YearMonth::ym(2022, 3), 13);
        let r = evaluate(&h, &h.children[0], 0, YearMonth::ym(2023, 4));
        assert_eq!(r.status, Status::Eligible);
    }

    #[test]
    fn g_s2_a_permit_from_june_2022_is_too_late_for_the_april_cut_off() {
        let h = family(YearMonth::ym(2022, 6), 13);
        let r = evaluate(&h, &h.children[0], 0, YearMonth::ym(2023, 4));
        assert_eq!(r.criteria[1].outcome, Outcome::NotMet);
        assert_ne!(r.status, Status::Eligible);
    }

    /// 杏花岭 counts 12 months of insurance to 30 April. A parent paying since 2022-06 has 12 months in 2023-06 but
    /// had 10 at the cut-off: this year's round is not met, and waiting until August does not change that.
    #[test]
    fn after_the_cut_off_months_are_still_counted_at_the_cut_off() {
        let h = family(YearMonth::ym(2021, 1), 12);
        let work = |m| evaluate(&h, &h.children[0], 0, m).criteria[2].observed.map(|q| q.value);
        assert_eq!(work(YearMonth::ym(2023, 6)), Some(10));
        let later = Household { adults: vec![Adult { si_months_here: Some(14), ..h.adults[0].clone() }], ..h.clone() };
        let r = evaluate(&later, &later.children[0], 0, YearMonth::ym(2023, 8));
        assert_eq!(r.criteria[2].observed.map(|q| q.value), Some(10));
        assert_eq!(r.criteria[2].outcome, Outcome::NotMet);
    }

    #[test]
    fn the_entry_year_is_the_next_september() {
        assert_eq!(entry_year(YearMonth::ym(2026, 8)), 2026);
        assert_eq!(entry_year(YearMonth::ym(2026, 9)), 2027);
    }

    #[test]
    fn a_place_without_rules_is_unknown_but_the_age_is_still_judged() {
        let mut h = family(YearMonth::ym(2022, 3), 13);
        h.adults[0].current_place = Some("henan/somewhere".into());
        let r = evaluate(&h, &h.children[0], 0, YearMonth::ym(2023, 4));
        assert_eq!(r.criteria[0].outcome, Outcome::Met);
        assert_eq!(r.status, Status::Unknown);
    }

    /// A child whose hukou is in 杏花岭 is placed by school zone there (义务教育法 Art. 12 ¶1): never asked for a
    /// parent's residence permit, even when the parent has none.
    #[test]
    fn a_child_with_a_local_hukou_is_not_asked_for_a_permit() {
        let mut h = family(YearMonth::ym(2022, 6), 0);
        h.adults[0].permit = Permit { held: Some(false), issued: None, late_endorsement: None };
        h.children[0].hukou_place = Some("shanxi/taiyuan/xinghualing".into());
        let r = evaluate(&h, &h.children[0], 0, YearMonth::ym(2023, 4));
        assert_eq!(r.status, Status::Eligible);
        assert!(r.criteria.iter().all(|c| c.id != "parent_permit"));
        assert!(r.criteria.iter().any(|c| c.id == "local_hukou" && c.outcome == Outcome::Met));
    }

    /// 连南 2022: own-county families use category (4) without a 居住证 (rules-counties §3.1): 3 years of continuous
    /// insurance in 三江镇 and a labour contract of 1 year are still asked for.
    #[test]
    fn liannan_own_county_families_take_the_workers_tests_without_a_permit() {
        let household = |si: u32| Household {
            adults: vec![Adult {
                current_place: Some("guangdong/qingyuan/liannan".into()),
                hukou_place: Some("guangdong/qingyuan/liannan".into()),
                permit: Permit { held: Some(false), issued: None, late_endorsement: None },
                si_months_here: Some(si),
                contract_months: Some(24),
                employment: Some(crate::household::Employment::Contract),
                employee_pension: crate::household::EmployeePension {
                    contributing_now: Some(false),
                    ..Default::default()
                },
                stable_home: Some(true),
                ..Adult::default()
            }],
            children: vec![Child {
                birth: Some(YearMonth::ym(2016, 3)),
                hukou_place: Some("guangdong/qingyuan/liannan".into()),
                ..Child::default()
            }],
            ..Household::default()
        };
        let at = YearMonth::ym(2022, 5);
        let three_years = household(36);
        let r = evaluate(&three_years, &three_years.children[0], 0, at);
        assert_eq!(r.status, Status::Eligible);
        assert!(r.criteria.iter().all(|c| c.id != "parent_permit"));
        let thirty_months = household(30);
        let r = evaluate(&thirty_months, &thirty_months.children[0], 0, at);
        assert_eq!(r.status, Status::NotEligible);
    }

    /// Whether the child is local is not known (no hukou given for child or parent): a permit too late for 杏花岭's
    /// outside track is not a "no", since a local child would be zoned; the answer waits for the child's hukou.
    #[test]
    fn an_unknown_hukou_never_turns_the_outside_track_into_a_no() {
        let mut h = family(YearMonth::ym(2022, 6), 13);
        h.adults[0].hukou_elsewhere = None;
        let r = evaluate(&h, &h.children[0], 0, YearMonth::ym(2023, 4));
        assert_eq!(r.status, Status::Unknown);
        assert!(r
            .open_questions()
            .contains(&Question { subject: Subject::Child(0), field: child_fields::HUKOU_PLACE }));
    }

    /// Either parent counts: the mother (listed second) holds the permit, the father the contract and insurance.
    #[test]
    fn the_second_parent_meets_the_permit_test_and_is_named() {
        let mut h = family(YearMonth::ym(2022, 3), 13);
        let mut mother = h.adults[0].clone();
        h.adults[0].permit = Permit { held: Some(false), issued: None, late_endorsement: None };
        mother.si_months_here = Some(0);
        mother.contract_months = None;
        h.adults.push(mother);
        let r = evaluate(&h, &h.children[0], 0, YearMonth::ym(2023, 4));
        assert_eq!(r.status, Status::Eligible);
        let permit = r.criteria.iter().find(|c| c.id == "parent_permit").unwrap();
        assert_eq!(permit.met_by, Some("household.adults[1]"));
        let work = r.criteria.iter().find(|c| c.id == "parent_work").unwrap();
        assert_eq!(work.met_by, Some("household.adults[0]"));
    }

    /// 杏花岭's 2023 rules ran to 2023-12. Assessed for 2027 entry, the answer is unknown and says the rules we have
    /// ended in 2023 — never judged by them; assessed before they started, it is simply not in our data.
    #[test]
    fn rules_that_have_ended_say_so_and_are_not_used() {
        let h = family(YearMonth::ym(2022, 3), 13);
        let r = evaluate(&h, &h.children[0], 0, YearMonth::ym(2026, 11));
        assert_eq!(r.status, Status::Unknown);
        let ended: Vec<i32> = r
            .criteria
            .iter()
            .filter_map(|c| match &c.message {
                Msg::LocalRulesEnded { until, .. } => Some(until.year()),
                _ => None,
            })
            .collect();
        assert_eq!(ended, [2023, 2023, 2023]);
        assert!(Msg::LocalRulesEnded {
            place: Some("shanxi/taiyuan/xinghualing".into()),
            parameter: "school_entry.cutoff_month",
            until: YearMonth::ym(2023, 12)
        }
        .text(crate::message::Lang::ZhCn)
        .contains("杏花岭区的这项规定"));
        let before = evaluate(&h, &h.children[0], 0, YearMonth::ym(2021, 5));
        assert!(before.criteria.iter().any(|c| matches!(c.message, Msg::NoLocalData { .. })));
        assert!(!before.criteria.iter().any(|c| matches!(c.message, Msg::LocalRulesEnded { .. })));
    }
}
