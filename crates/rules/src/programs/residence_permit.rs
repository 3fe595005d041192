//! Residence permit (居住证): may this person apply for one?
//!
//! Authority: 居住证暂行条例 (国务院令第663号), in force 2016-01-01, Art. 2:
//! "公民离开常住户口所在地，到其他城市居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的，
//! 可以依照本条例的规定申领居住证。"
//!
//! Three criteria, all required:
//! 1. `left_hukou_city` — the hukou is registered outside the city of residence. If it is not, the permit is
//!    not applicable: the person is a local resident.
//! 2. `resided_half_year` — lived in the city at least `min_months_resident` months (6; "半年以上" includes 6).
//!    This is a duration test: waiting turns it from not met into met.
//! 3. `stable_basis` — at least one of legal stable employment, legal stable residence, continuous study.
//!
//! Art. 10: the permit is endorsed every year; after a late endorsement the continuous years count again from that
//! endorsement. [`continuous_permit_months`] gives that count for the programs that test permit years, and the
//! result notes it when a permit is held.
//!
//! Parameters: `policy/national/residence_permit.toml`.

use super::common::criterion;
use super::fields;
use crate::household::{Adult, Permit, Question, Subject};
use crate::message::Msg;
use crate::policy::data::national::residence_permit as data;
use crate::policy::{Dated, Unit};
use crate::report::{Criterion, Outcome, ProgramId, ProgramResult, Quantity};
use crate::time::YearMonth;

/// Continuous months of permit holding at `as_of` (条例 Art. 10): from the issue month, or from the last late
/// endorsement. Known to be zero without a permit; unknown when a permit is held but its issue month is not known.
pub fn continuous_permit_months(permit: &Permit, as_of: YearMonth) -> Option<(i64, YearMonth)> {
    match permit.held {
        Some(false) => Some((0, as_of)),
        None => None,
        Some(true) => {
            let since = match (permit.issued, permit.late_endorsement) {
                (Some(i), Some(l)) => i.max(l),
                (Some(i), None) => i,
                (None, _) => return None,
            };
            Some((i64::from(since.months_until(as_of).max(0)), since))
        }
    }
}

/// Evaluates adult number `index` of the household.
pub fn evaluate(person: &Adult, index: u8, as_of: YearMonth) -> ProgramResult {
    let q = |field| Question::adult(index, field);
    let min_months = data::MIN_MONTHS_RESIDENT.int_at(as_of);
    let criteria =
        vec![left_hukou_city(person, q), resided_half_year(person, as_of, min_months, q), stable_basis(person, q)];

    let local_hukou = criteria[0].outcome == Outcome::NotMet;
    let result = ProgramResult {
        policy_from: min_months.map(|(_, d)| d.from),
        notes: match continuous_permit_months(&person.permit, as_of) {
            Some((months, since)) if person.permit.held == Some(true) => vec![Msg::PermitContinuous { months, since }],
            _ => vec![],
        },
        not_modelled: vec![Msg::NotModelledLocalProofs, Msg::NotModelledEndorsement],
        ..ProgramResult::new(ProgramId::ResidencePermit, Subject::adult_path(index), criteria)
    };
    if local_hukou {
        result.not_applicable()
    } else {
        result
    }
}

fn left_hukou_city(person: &Adult, q: impl Fn(&'static str) -> Question) -> Criterion {
    // A hukou in the city one lives in is local, however the place is spelled: no permit there.
    // The hukou is compared with the place lived in as given (a county or a city): permits are issued by the
    // county-level public security bureau where one lives [I].
    let here = super::family::adult_hukou_here(person, person.current_place.as_deref());
    let (outcome, message, questions) = match here.map(|h| !h) {
        Some(true) => (Outcome::Met, Msg::HukouElsewhere, vec![]),
        Some(false) => (Outcome::NotMet, Msg::HukouHere, vec![]),
        None => (Outcome::Unknown, Msg::HukouUnknown, vec![q(super::family::hukou_question(person))]),
    };
    Criterion { questions, ..criterion("left_hukou_city", &data::criteria::LEFT_HUKOU_CITY, outcome, message) }
}

fn resided_half_year(
    person: &Adult,
    as_of: YearMonth,
    rule: Option<(i64, &Dated)>,
    q: impl Fn(&'static str) -> Question,
) -> Criterion {
    let months = |value: i64| Quantity { value, unit: Unit::Months };
    let mut met_from = None;
    let (outcome, message, questions) = match (rule, person.months_in_place) {
        (None, _) => {
            let message = Msg::NoRuleInForce { parameter: data::MIN_MONTHS_RESIDENT.key, at: as_of };
            (Outcome::Unknown, message, vec![])
        }
        (Some((required, _)), None) => {
            (Outcome::Unknown, Msg::ResidedUnknown { required }, vec![q(fields::MONTHS_IN_PLACE)])
        }
        (Some((required, _)), Some(m)) if i64::from(m) >= required => {
            (Outcome::Met, Msg::ResidedEnough { months: m, required }, vec![])
        }
        (Some((required, _)), Some(m)) => {
            let remaining = required - i64::from(m);
            let from = as_of + remaining.clamp(0, i64::from(i32::MAX)) as i32;
            met_from = Some(from);
            (Outcome::NotMet, Msg::ResidedShort { months: m, required, remaining, met_from: from }, vec![])
        }
    };
    Criterion {
        is_duration: true,
        met_from,
        observed: person.months_in_place.map(|m| months(m.into())),
        required: rule.map(|(r, _)| months(r)),
        questions,
        ..criterion("resided_half_year", &data::criteria::RESIDED_HALF_YEAR, outcome, message)
    }
}

fn stable_basis(person: &Adult, q: impl Fn(&'static str) -> Question) -> Criterion {
    let answers = [person.stable_job, person.stable_home, person.continuous_study];
    let (outcome, message, questions) = if answers.contains(&Some(true)) {
        let has = |a: Option<bool>| a == Some(true);
        let message = Msg::StableBasisMet {
            job: has(person.stable_job),
            home: has(person.stable_home),
            study: has(person.continuous_study),
        };
        (Outcome::Met, message, vec![])
    } else if answers.iter().all(|a| *a == Some(false)) {
        (Outcome::NotMet, Msg::StableBasisNone, vec![])
    } else {
        // None is true and at least one is unknown: any unknown one could still settle it.
        let open = [fields::STABLE_JOB, fields::STABLE_HOME, fields::CONTINUOUS_STUDY]
            .into_iter()
            .zip(answers)
            .filter(|(_, a)| a.is_none())
            .map(|(f, _)| q(f))
            .collect();
        (Outcome::Unknown, Msg::StableBasisUnknown, open)
    };
    Criterion { questions, ..criterion("stable_basis", &data::criteria::STABLE_BASIS, outcome, message) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Status;

    const NOV_2026: YearMonth = YearMonth::ym(2026, 11);

    fn person(hukou: Option<bool>, months: Option<u32>, job: Option<bool>) -> Adult {
        Adult { hukou_elsewhere: hukou, months_in_place: months, stable_job: job, ..Adult::default() }
    }

    fn evaluate(person: &Adult, as_of: YearMonth) -> ProgramResult {
        super::evaluate(person, 0, as_of)
    }

    fn q(field: &'static str) -> Question {
        Question::adult(0, field)
    }

    fn outcomes(r: &ProgramResult) -> Vec<Outcome> {
        r.criteria.iter().map(|c| c.outcome).collect()
    }

    #[test]
    fn a_migrant_with_a_job_after_eight_months_may_apply() {
        let r = evaluate(&person(Some(true), Some(8), Some(true)), NOV_2026);
        assert_eq!(r.status, Status::Eligible);
        assert_eq!(outcomes(&r), [Outcome::Met; 3]);
        assert_eq!(r.policy_from, Some(YearMonth::ym(2016, 1)));
    }

    #[test]
    fn exactly_six_months_is_half_a_year() {
        let r = evaluate(&person(Some(true), Some(6), Some(true)), NOV_2026);
        assert_eq!(r.status, Status::Eligible);
    }

    #[test]
    fn four_months_is_not_yet_with_the_month_it_becomes_possible() {
        let r = evaluate(&person(Some(true), Some(4), Some(true)), NOV_2026);
        assert_eq!(r.status, Status::NotYet);
        assert_eq!(r.earliest, Some(YearMonth::ym(2027, 1)));
        assert_eq!(r.criteria[1].observed, Some(Quantity { value: 4, unit: Unit::Months }));
        assert_eq!(r.criteria[1].required, Some(Quantity { value: 6, unit: Unit::Months }));
    }

    #[test]
    fn a_local_hukou_makes_the_permit_not_applicable() {
        let r = evaluate(&person(Some(false), Some(30), Some(true)), NOV_2026);
        assert_eq!(r.status, Status::NotApplicable);
        assert_eq!(r.criteria[0].outcome, Outcome::NotMet);
    }

    #[test]
    fn no_job_home_or_study_is_not_eligible() {
        let p = Adult {
            stable_home: Some(false),
            continuous_study: Some(false),
            ..person(Some(true), Some(12), Some(false))
        };
        let r = evaluate(&p, NOV_2026);
        assert_eq!(r.status, Status::NotEligible);
        assert_eq!(r.criteria[2].outcome, Outcome::NotMet);
    }

    #[test]
    fn unknown_answers_are_unknown_and_name_their_questions() {
        let r = evaluate(&Adult::default(), NOV_2026);
        assert_eq!(r.status, Status::Unknown);
        assert_eq!(outcomes(&r), [Outcome::Unknown; 3]);
        assert_eq!(
            r.open_questions(),
            [
                q(fields::HUKOU_ELSEWHERE),
                q(fields::MONTHS_IN_PLACE),
                q(fields::STABLE_JOB),
                q(fields::STABLE_HOME),
                q(fields::CONTINUOUS_STUDY)
            ]
        );
    }

    #[test]
    fn a_job_alone_settles_the_basis_even_if_home_and_study_are_unknown() {
        let r = evaluate(&person(None, None, Some(true)), NOV_2026);
        assert_eq!(r.criteria[2].outcome, Outcome::Met);
    }

    #[test]
    fn no_job_but_unknown_home_stays_unknown_not_no() {
        let r = evaluate(&person(Some(true), Some(12), Some(false)), NOV_2026);
        assert_eq!(r.criteria[2].outcome, Outcome::Unknown);
        assert_eq!(r.criteria[2].questions, [q(fields::STABLE_HOME), q(fields::CONTINUOUS_STUDY)]);
        assert_eq!(r.status, Status::Unknown);
    }

    #[test]
    fn before_the_regulation_there_is_no_rule_and_the_answer_is_unknown() {
        let r = evaluate(&person(Some(true), Some(12), Some(true)), YearMonth::ym(2015, 6));
        assert_eq!(r.criteria[1].outcome, Outcome::Unknown);
        assert_eq!(r.status, Status::Unknown);
        assert!(matches!(r.criteria[1].message, Msg::NoRuleInForce { .. }));
    }

    #[test]
    fn a_late_endorsement_restarts_the_continuous_years() {
        let permit = |late| Permit { held: Some(true), issued: Some(YearMonth::ym(2022, 3)), late_endorsement: late };
        assert_eq!(continuous_permit_months(&permit(None), NOV_2026), Some((56, YearMonth::ym(2022, 3))));
        let restarted = permit(Some(YearMonth::ym(2025, 9)));
        assert_eq!(continuous_permit_months(&restarted, NOV_2026), Some((14, YearMonth::ym(2025, 9))));
        assert_eq!(
            continuous_permit_months(&Permit { held: Some(false), ..Permit::default() }, NOV_2026).map(|m| m.0),
            Some(0)
        );
        assert_eq!(continuous_permit_months(&Permit { held: Some(true), ..Permit::default() }, NOV_2026), None);
        assert_eq!(continuous_permit_months(&Permit::default(), NOV_2026), None);
        let r = evaluate(&Adult { permit: restarted, ..person(Some(true), Some(60), Some(true)) }, NOV_2026);
        assert_eq!(r.notes, [Msg::PermitContinuous { months: 14, since: YearMonth::ym(2025, 9) }]);
    }

    #[test]
    fn a_later_month_never_unmeets_the_duration_test() {
        // Living k months at m means k + n months at m + n; the outcome can only improve.
        for k in 0..12u32 {
            let mut was_met = false;
            for n in 0..12u32 {
                let r = evaluate(&person(Some(true), Some(k + n), Some(true)), NOV_2026 + n as i32);
                let met = r.criteria[1].outcome == Outcome::Met;
                assert!(met || !was_met, "k={k} n={n}");
                was_met = met;
            }
        }
    }

    /// Nobody is asked for a permit in their own city, however the places are given: a hukou in a district of
    /// the city lived in is local; a hukou in another province is not.
    #[test]
    fn a_hukou_inside_the_city_lived_in_needs_no_permit() {
        let mut a = person(None, Some(8), Some(true));
        a.current_place = Some("guangdong/shenzhen".into());
        a.hukou_place = Some("guangdong/shenzhen/futian".into());
        assert_eq!(evaluate(&a, NOV_2026).status, Status::NotApplicable);
        a.hukou_place = Some("henan/kaifeng/lankao".into());
        assert_eq!(evaluate(&a, NOV_2026).status, Status::Eligible);
    }
}
