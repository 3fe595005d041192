//! Taking the college entrance exam (高考, or 北京's higher-vocational entrance) where the family lives, for children
//! in senior high school and, to plan three years ahead, in junior high (中考 is `zhongkao_eligibility`).
//!
//! Authority: 国办发〔2012〕46号 [C2]: provinces set conditions on the parents' stable job and residence, years of
//! social insurance, and the child's years of continuous schooling there. Province rules
//! (`policy/places/<province>/exam_eligibility.toml`: 广东 gaokao, 海南 "3个6", 北京 higher-vocational) are counted
//! up to the local cut-off month of the coming exam year.
//!
//! Criteria: `parent_permit`, `parent_si`, `family_residence`, `child_xueji`, `zhongkao_here` (those the place does
//! not require are met as "not required"). The parent is the first adult; the place is where they live.

use super::child_fields;
use super::common::{cite_local, criterion, local, local_dated, no_local_rules, tri};
use super::school_entry::months_test;
use crate::household::{Child, Household, Question, Subject};
use crate::message::{Measure, Msg};
use crate::policy::data::national::exam_eligibility as data;
use crate::policy::{Citation, Unit};
use crate::report::{Criterion, Outcome, ProgramId, ProgramResult, Quantity};
use crate::time::YearMonth;

pub fn evaluate(household: &Household, child: &Child, index: u8, as_of: YearMonth) -> ProgramResult {
    let parent = household.adults.first().cloned().unwrap_or_default();
    let place = parent.current_place.as_deref();
    let cq = |field| Question { subject: Subject::Child(index), field };
    let junior = child.stage != Some(crate::household::SchoolStage::Senior);
    let mut criteria = Vec::new();
    match local(place, &data::CUTOFF_MONTH, as_of) {
        None => criteria.extend(no_local_rules(
            &[
                ("parent_permit", &data::criteria::PARENT_PERMIT),
                ("parent_si", &data::criteria::PARENT_SI),
                ("family_residence", &data::criteria::FAMILY_RESIDENCE),
                ("child_xueji", &data::criteria::CHILD_XUEJI),
                ("zhongkao_here", &data::criteria::ZHONGKAO_HERE),
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
            criteria.push(test(
                "family_residence",
                &data::criteria::FAMILY_RESIDENCE,
                Measure::Residence,
                &data::RESIDENCE_MONTHS,
            ));
            let xueji = local_dated(place, &data::XUEJI_YEARS, as_of);
            criteria.push(xueji_test(&data::criteria::CHILD_XUEJI, child, index, xueji));
            criteria.push(if local(place, &data::REQUIRES_ZHONGKAO_HERE, as_of).unwrap_or(0) == 0 {
                criterion("zhongkao_here", &data::criteria::ZHONGKAO_HERE, Outcome::Met, Msg::NotRequiredHere)
            } else {
                let took = child.zhongkao_here;
                let mut c =
                    criterion("zhongkao_here", &data::criteria::ZHONGKAO_HERE, tri(took), Msg::ZhongkaoHere { took });
                if took.is_none() {
                    c.questions.push(cq(child_fields::ZHONGKAO_HERE));
                }
                c
            });
        }
    }
    ProgramResult {
        policy_from: data::CUTOFF_MONTH.at(as_of).map(|d| d.from),
        notes: if junior { vec![Msg::GaokaoAhead] } else { vec![] },
        not_modelled: vec![Msg::NotModelledLocalProcedure],
        ..ProgramResult::new(ProgramId::ExamEligibility, Subject::child_path(index), criteria)
    }
}

/// The coming exam year's cut-off for a local cut-off month `m`: this year's if it is still ahead, else next year's.
pub(crate) fn exam_cutoff(m: i64, as_of: YearMonth) -> YearMonth {
    let m = u32::try_from(m).unwrap_or(8);
    let year = if as_of.month() <= m { as_of.year() } else { as_of.year() + 1 };
    YearMonth::ym(year, m)
}

/// A months-at-the-cut-off test of the parent against the number of the place they live in (0 or none: not
/// required), cited to the document that sets it. Shared with the 中考 program.
pub(crate) fn local_months_test(
    id: &'static str,
    citation: &'static Citation,
    measure: Measure,
    parent: &crate::household::Adult,
    param: &'static crate::policy::Parameter,
    cutoff: YearMonth,
    as_of: YearMonth,
) -> Criterion {
    let rule = local_dated(parent.current_place.as_deref(), param, as_of);
    cite_local(months_test(id, citation, measure, parent, rule.map_or(0, |r| r.0), cutoff, as_of), rule)
}

/// The child's years of school registration against the local number (`None` or 0: not required), cited to the
/// document that sets it. Shared with the 中考 program.
pub(crate) fn xueji_test(
    citation: &'static Citation,
    child: &Child,
    index: u8,
    rule: Option<(i64, &'static crate::policy::Dated)>,
) -> Criterion {
    let required = rule.map_or(0, |r| r.0);
    if required == 0 {
        return criterion("child_xueji", citation, Outcome::Met, Msg::NotRequiredHere);
    }
    let years = child.xueji_years;
    let mut c = criterion(
        "child_xueji",
        citation,
        tri(years.map(|y| i64::from(y) >= required)),
        Msg::XuejiYears { years, required },
    );
    c.observed = years.map(|y| Quantity { value: i64::from(y), unit: Unit::Years });
    c.required = Some(Quantity { value: required, unit: Unit::Years });
    if years.is_none() {
        c.questions.push(Question { subject: Subject::Child(index), field: child_fields::XUEJI_YEARS });
    }
    cite_local(c, rule)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::{Adult, SchoolStage};

    /// For a child in junior high the college-entrance answer says it is the one to plan for three years ahead
    /// (中考 is its own program); for a child in senior high it does not need to.
    #[test]
    fn a_junior_child_is_told_this_is_the_exam_to_plan_for() {
        let household = Household {
            adults: vec![Adult { current_place: Some("guangdong/qingyuan".into()), ..Adult::default() }],
            ..Household::default()
        };
        let child = |stage| Child { stage: Some(stage), ..Child::default() };
        let at = YearMonth::ym(2026, 11);
        let junior = evaluate(&household, &child(SchoolStage::Junior), 0, at);
        assert!(junior.notes.contains(&Msg::GaokaoAhead));
        let senior = evaluate(&household, &child(SchoolStage::Senior), 0, at);
        assert!(!senior.notes.contains(&Msg::GaokaoAhead));
    }
}
