//! Taking the senior-high entrance exam (中考) where the family lives, for children in junior high school.
//!
//! Authority: 国办发〔2012〕46号 [C2]: receiving places let migrant children who finished compulsory education there
//! take the local 中考, on conditions they set about the parents' residence and social insurance and the child's
//! years of schooling. City rules (`policy/places/<province>/<city>/zhongkao_eligibility.toml`: 清远) are counted up
//! to the local cut-off month of the coming exam year. Where a place has none, the answer is unknown.
//!
//! Criteria: `parent_permit`, `parent_si`, `child_xueji` (those the place does not require are met as "not
//! required"). Either parent may meet a parent's test, in the place they live; a child whose hukou is in the city
//! sits as a local candidate.

use super::exam_eligibility::Exam;
use crate::household::{Child, Household};
use crate::policy::data::national::zhongkao_eligibility as data;
use crate::report::{ProgramId, ProgramResult};
use crate::time::YearMonth;

pub fn evaluate(household: &Household, child: &Child, index: u8, as_of: YearMonth) -> ProgramResult {
    let exam = Exam {
        program: ProgramId::ZhongkaoEligibility,
        junior: true,
        cutoff_month: &data::CUTOFF_MONTH,
        permit: Some((&data::PERMIT_MONTHS, &data::criteria::PARENT_PERMIT)),
        si: (&data::SI_MONTHS, &data::criteria::PARENT_SI),
        si_continuous: &data::SI_CONTINUOUS,
        residence: None,
        xueji: (&data::XUEJI_YEARS, &data::XUEJI_FROM_STAGE, &data::criteria::CHILD_XUEJI),
        zhongkao_here: None,
        local_hukou: &data::criteria::LOCAL_HUKOU,
        both_parents: &data::BOTH_PARENTS,
        // 中考 rules are a city's: a child is local with a hukou anywhere in the city [I].
        area_level: crate::place::Level::City,
    };
    exam.evaluate(household, child, index, as_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::{Adult, Permit, SchoolStage};
    use crate::message::Msg;
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
        // 11 months in 2026-05, not paying, and no other insurance anywhere: 11 at 2026-08-31 in all, one short of
        // the cumulative year.
        let (mut h, c) = family("guangdong/qingyuan", 11, 2);
        h.adults[0].employee_pension.months = Some(11);
        h.adults[0].employee_pension.contributing_now = Some(false);
        let r = evaluate(&h, &c, 0, YearMonth::ym(2026, 5));
        assert_eq!(r.status, Status::NotEligible);
        assert_eq!(r.criteria[1].outcome, Outcome::NotMet);
    }

    /// 清远's rules cover 连南 too: a mother in 清远 with the permit and a father in 连南 with the insurance are
    /// judged together under 清远's 中考 rules (G-ZK1's numbers: a valid permit, 14 months of insurance in all).
    #[test]
    fn parents_in_two_places_under_the_same_rules_are_judged_together() {
        let mother = Adult {
            current_place: Some("guangdong/qingyuan".into()),
            hukou_place: Some("hunan".into()),
            permit: Permit { held: Some(true), issued: Some(YearMonth::ym(2025, 9)), late_endorsement: None },
            si_months_here: Some(0),
            employee_pension: crate::household::EmployeePension { months: Some(0), ..Default::default() },
            ..Adult::default()
        };
        let father = Adult {
            current_place: Some("guangdong/qingyuan/liannan".into()),
            hukou_place: Some("hunan".into()),
            permit: Permit { held: Some(false), issued: None, late_endorsement: None },
            si_months_here: Some(14),
            ..Adult::default()
        };
        let child = Child {
            birth: Some(YearMonth::ym(2011, 5)),
            stage: Some(SchoolStage::Junior),
            xueji_years: Some(2),
            hukou_place: Some("hunan".into()),
            ..Child::default()
        };
        for adults in [vec![mother.clone(), father.clone()], vec![father, mother]] {
            let h = Household { adults, ..Household::default() };
            let r = evaluate(&h, &child, 0, YearMonth::ym(2026, 8));
            assert_eq!(r.status, Status::Eligible);
        }
    }
}
