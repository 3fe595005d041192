//! Taking the senior-high entrance exam (中考) where the family lives, for children in junior high school.
//!
//! Authority: 国办发〔2012〕46号 [C2]: receiving places let migrant children who finished compulsory education there
//! take the local 中考, on conditions they set about the parents' residence and social insurance and the child's
//! years of schooling. City rules (`policy/places/<province>/<city>/zhongkao_eligibility.toml`: 清远) are counted up
//! to the local cut-off month of the coming exam year. Where a place has none, the answer is unknown.
//!
//! Criteria: `parent_permit`, `parent_si`, `child_xueji` (those the place does not require are met as "not
//! required"). The parent is the first adult; the place is where they live.

use super::common::{local, local_dated, no_local_rules};
use super::exam_eligibility::{exam_cutoff, local_months_test, xueji_test};
use crate::household::{Child, Household, Subject};
use crate::message::{Measure, Msg};
use crate::policy::data::national::zhongkao_eligibility as data;
use crate::report::{ProgramId, ProgramResult};
use crate::time::YearMonth;

pub fn evaluate(household: &Household, child: &Child, index: u8, as_of: YearMonth) -> ProgramResult {
    let parent = household.adults.first().cloned().unwrap_or_default();
    let place = parent.current_place.as_deref();
    let mut criteria = Vec::new();
    match local(place, &data::CUTOFF_MONTH, as_of) {
        None => criteria.extend(no_local_rules(
            &[
                ("parent_permit", &data::criteria::PARENT_PERMIT),
                ("parent_si", &data::criteria::PARENT_SI),
                ("child_xueji", &data::criteria::CHILD_XUEJI),
            ],
            place,
            &data::CUTOFF_MONTH,
        )),
        Some(m) => {
            let cutoff = exam_cutoff(m, as_of);
            let test =
                |id, citation, measure, param| local_months_test(id, citation, measure, &parent, param, cutoff, as_of);
            criteria.push(test("parent_permit", &data::criteria::PARENT_PERMIT, Measure::Permit, &data::PERMIT_MONTHS));
            criteria.push(test("parent_si", &data::criteria::PARENT_SI, Measure::Insurance, &data::SI_MONTHS));
            let xueji = local_dated(place, &data::XUEJI_YEARS, as_of);
            criteria.push(xueji_test(&data::criteria::CHILD_XUEJI, child, index, xueji));
        }
    }
    ProgramResult {
        policy_from: data::CUTOFF_MONTH.at(as_of).map(|d| d.from),
        not_modelled: vec![Msg::NotModelledLocalProcedure, Msg::NotModelledZhongkaoDetail],
        ..ProgramResult::new(ProgramId::ZhongkaoEligibility, Subject::child_path(index), criteria)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::{Adult, Permit, SchoolStage};
    use crate::report::{Outcome, Status};

    fn family(place: &str, si: u32, xueji: u32) -> (Household, Child) {
        let adult = Adult {
            current_place: Some(place.into()),
            hukou_elsewhere: Some(true),
            permit: Permit { held: Some(true), issued: Some(YearMonth::ym(2025, 3)), late_endorsement: None },
            si_months_here: Some(si),
            ..Adult::default()
        };
        let child = Child { stage: Some(SchoolStage::Junior), xueji_years: Some(xueji), ..Child::default() };
        (Household { adults: vec![adult], ..Household::default() }, child)
    }

    #[test]
    fn without_local_rules_the_answer_is_unknown_and_names_the_missing_rule() {
        let (h, c) = family("guangdong/shenzhen", 40, 3);
        let r = evaluate(&h, &c, 0, YearMonth::ym(2026, 11));
        assert_eq!(r.status, Status::Unknown);
        assert!(r.criteria.iter().all(|c| matches!(c.message, Msg::NoLocalData { .. })));
    }

    #[test]
    fn qingyuan_wants_a_year_of_insurance_by_the_end_of_august() {
        // 11 months in 2026-05, not paying: 11 at 2026-08-31, one short.
        let (h, c) = family("guangdong/qingyuan", 11, 2);
        let r = evaluate(&h, &c, 0, YearMonth::ym(2026, 5));
        assert_eq!(r.status, Status::NotEligible);
        assert_eq!(r.criteria[1].outcome, Outcome::NotMet);
    }
}
