//! A child's entry to compulsory school (primary) where the family lives.
//!
//! Authority: 义务教育法 Art. 11 [C1] (school at 6) and Art. 12 ¶2 [C1] (equal conditions where the parents work or
//! live, by provincial and local rules). Local rules (`policy/places/…/school_entry.toml`) test a parent's
//! residence permit or months of residence, social insurance or a business licence, and housing proof, all counted
//! up to a local cut-off month of the entry year. The entry year is the next September.
//!
//! Criteria: `school_age`, `parent_permit`, `parent_work`, `housing_proof`. The parent is the first adult.
//! A child whose hukou is in this county is usually placed by school zone, not by this route; the result says so [I].

use super::common::{cite_local, criterion, local, local_dated, no_local_rules, tri};
use super::{child_fields, fields};
use crate::household::{Adult, Child, Household, Question, Subject};
use crate::message::{Measure, Msg};
use crate::policy::data::national::school_entry as data;
use crate::policy::{Citation, Unit};
use crate::programs::residence_permit::continuous_permit_months;
use crate::report::{Criterion, Outcome, ProgramId, ProgramResult, Quantity};
use crate::time::YearMonth;

/// The September a child would start: this year's until August, else next year's.
pub fn entry_year(as_of: YearMonth) -> i32 {
    if as_of.month() <= 8 {
        as_of.year()
    } else {
        as_of.year() + 1
    }
}

pub fn evaluate(household: &Household, child: &Child, index: u8, as_of: YearMonth) -> ProgramResult {
    let parent = household.adults.first().cloned().unwrap_or_default();
    let place = parent.current_place.as_deref();
    let year = entry_year(as_of);
    let cq = |field| Question { subject: Subject::Child(index), field };

    let age_years = data::SCHOOL_AGE_YEARS.int_at(as_of).map(|v| v.0);
    let age_ok = child.birth.zip(age_years).map(|(b, a)| b <= YearMonth::ym(year - i32::try_from(a).unwrap_or(6), 8));
    let mut age = criterion(
        "school_age",
        &data::criteria::SCHOOL_AGE,
        tri(age_ok),
        Msg::SchoolAge { entry_year: year, ok: age_ok },
    );
    if child.birth.is_none() {
        age.questions.push(cq(child_fields::BIRTH));
    }
    if age_ok == Some(false) {
        // A matter of time: the child starts in the first September after the sixth birthday's August, and the
        // round for that entry year opens the September before (answers are for the coming entry year).
        age.is_duration = true;
        age.met_from = child.birth.zip(age_years).map(|(b, a)| {
            let y = b.year() + i32::try_from(a).unwrap_or(6) + i32::from(b.month() > 8);
            YearMonth::ym(y - 1, 9)
        });
    }

    let mut criteria = vec![age];
    let cutoff_month = local(place, &data::CUTOFF_MONTH, as_of);
    match cutoff_month {
        None => criteria.extend(no_local_rules(
            &[
                ("parent_permit", &data::criteria::PARENT_PERMIT),
                ("parent_work", &data::criteria::PARENT_WORK),
                ("housing_proof", &data::criteria::HOUSING_PROOF),
            ],
            place,
            &data::CUTOFF_MONTH,
        )),
        Some(m) => {
            let cutoff = YearMonth::ym(year, u32::try_from(m).unwrap_or(8));
            let permit = local_dated(place, &data::PERMIT_MONTHS, as_of);
            let residence = local_dated(place, &data::RESIDENCE_MONTHS, as_of);
            let si = local_dated(place, &data::SI_MONTHS, as_of);
            let (permit_required, residence_required, si_required) =
                (permit.map_or(0, |v| v.0), residence.map_or(0, |v| v.0), si.map_or(0, |v| v.0));
            criteria.push(if permit_required > 0 || residence_required == 0 {
                cite_local(
                    months_test(
                        "parent_permit",
                        &data::criteria::PARENT_PERMIT,
                        Measure::Permit,
                        &parent,
                        permit_required,
                        cutoff,
                        as_of,
                    ),
                    permit,
                )
            } else {
                cite_local(
                    months_test(
                        "parent_permit",
                        &data::criteria::PARENT_PERMIT,
                        Measure::Residence,
                        &parent,
                        residence_required,
                        cutoff,
                        as_of,
                    ),
                    residence,
                )
            });
            let work = months_test(
                "parent_work",
                &data::criteria::PARENT_WORK,
                Measure::Insurance,
                &parent,
                si_required,
                cutoff,
                as_of,
            );
            criteria.push(cite_local(work, si));
            let has = match (parent.stable_home, household.owns_home_here) {
                (Some(true), _) | (_, Some(true)) => Some(true),
                (Some(false), Some(false)) => Some(false),
                _ => None,
            };
            let mut housing =
                criterion("housing_proof", &data::criteria::HOUSING_PROOF, tri(has), Msg::HousingProof { has });
            if has.is_none() {
                housing.questions.push(Question::adult(0, fields::STABLE_HOME));
            }
            criteria.push(housing);
        }
    }

    let same_county = child.hukou_place.as_deref().zip(place).is_some_and(|(h, p)| crate::place::in_county(h, p));
    ProgramResult {
        policy_from: data::CUTOFF_MONTH.at(as_of).map(|d| d.from),
        notes: if same_county { vec![Msg::SameCountyZoning] } else { vec![] },
        not_modelled: vec![Msg::NotModelledLocalProcedure],
        ..ProgramResult::new(ProgramId::SchoolEntry, Subject::child_path(index), criteria)
    }
}

/// A months-at-the-cut-off test of the parent. Months keep growing to the cut-off: a held permit, months lived
/// here, and social insurance while the parent keeps paying (or a business licence).
pub(crate) fn months_test(
    id: &'static str,
    citation: &'static Citation,
    measure: Measure,
    parent: &Adult,
    required: i64,
    cutoff: YearMonth,
    as_of: YearMonth,
) -> Criterion {
    if required == 0 {
        return criterion(id, citation, Outcome::Met, Msg::NotRequiredHere);
    }
    // Counted at the cutoff: months still to come before it, or (once it has passed, until the next round) months
    // since it, taken back off. Months of insurance already paid by someone who has stopped are taken to have been
    // paid before the cutoff [I].
    let shift = i64::from(as_of.months_until(cutoff));
    let (months, question) = match measure {
        Measure::Permit => (continuous_permit_months(&parent.permit, cutoff).map(|m| m.0), fields::PERMIT_HELD),
        Measure::Residence => (parent.months_in_place.map(|m| (i64::from(m) + shift).max(0)), fields::MONTHS_IN_PLACE),
        Measure::Insurance => {
            let paying = parent.employee_pension.contributing_now == Some(true);
            let si = parent.si_months_here.map(|m| if paying { (i64::from(m) + shift).max(0) } else { i64::from(m) });
            let licence = parent.business_licence_since.map(|s| i64::from(s.months_until(cutoff).max(0)));
            (si.max(licence), fields::SI_MONTHS_HERE)
        }
    };
    let mut c = criterion(
        id,
        citation,
        tri(months.map(|m| m >= required)),
        Msg::MonthsAtCutoff { measure, months, required, cutoff },
    );
    c.observed = months.map(|v| Quantity { value: v, unit: Unit::Months });
    c.required = Some(Quantity { value: required, unit: Unit::Months });
    if months.is_none() {
        c.questions.push(Question::adult(0, question));
        if measure == Measure::Permit && parent.permit.held == Some(true) {
            c.questions.push(Question::adult(0, fields::PERMIT_ISSUED));
        }
    }
    c
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
                permit: Permit { held: Some(true), issued: Some(permit_issued), late_endorsement: None },
                si_months_here: Some(si),
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
}
