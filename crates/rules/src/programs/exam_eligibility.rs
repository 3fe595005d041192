//! Taking the college entrance exam (高考, or 北京's higher-vocational entrance) where the family lives, for children
//! in senior high school and, to plan three years ahead, in junior high (中考 is `zhongkao_eligibility`).
//!
//! Authority: 国办发〔2012〕46号 [C2]: provinces set conditions on the parents' stable job and residence, years of
//! social insurance, and the child's years of continuous schooling there. Province rules
//! (`policy/places/<province>/exam_eligibility.toml`: 广东 gaokao, 海南 "3个6", 北京 higher-vocational) are counted
//! up to the local cut-off month of the coming exam year.
//!
//! Criteria: `parent_permit`, `parent_si`, `family_residence`, `child_xueji`, `zhongkao_here` (those the place does
//! not require are met as "not required"). Either parent may meet a parent's test (父母一方), in the place they
//! live; a child whose hukou is in the province sits as a local candidate.

use super::common::{cite_local, criterion, local_dated, month_of_year, no_local_rule, no_local_rules, tri};
use super::family;
use super::parent_tests::{months_test, work_test, WorkRule};
use super::{child_fields, fields};
use crate::household::{calendar, Adult, Child, Household, Question, SchoolStage, Subject};
use crate::message::{Measure, Msg};
use crate::policy::data::national::exam_eligibility as data;
use crate::policy::{self, Citation, Dated, Parameter, Unit};
use crate::report::{Criterion, Outcome, ProgramId, ProgramResult, Quantity};
use crate::time::YearMonth;

pub fn evaluate(household: &Household, child: &Child, index: u8, as_of: YearMonth) -> ProgramResult {
    let exam = Exam {
        program: ProgramId::ExamEligibility,
        junior: false,
        cutoff_month: &data::CUTOFF_MONTH,
        permit: Some((&data::PERMIT_MONTHS, &data::criteria::PARENT_PERMIT)),
        si: (&data::SI_MONTHS, &data::criteria::PARENT_SI),
        si_continuous: &data::SI_CONTINUOUS,
        residence: Some((&data::RESIDENCE_MONTHS, &data::criteria::FAMILY_RESIDENCE)),
        xueji: (&data::XUEJI_YEARS, &data::XUEJI_FROM_STAGE, &data::criteria::CHILD_XUEJI),
        zhongkao_here: Some((&data::REQUIRES_ZHONGKAO_HERE, &data::criteria::ZHONGKAO_HERE)),
        local_hukou: &data::criteria::LOCAL_HUKOU,
        both_parents: &data::BOTH_PARENTS,
        // The 高考 is a province's: a child is local with a hukou anywhere in the province [I].
        area_level: crate::place::Level::Province,
    };
    let mut r = exam.evaluate(household, child, index, as_of);
    if calendar::stage_at(child.stage, child.birth, as_of, as_of) != Some(SchoolStage::Senior)
        && child.stage != Some(SchoolStage::Other)
    {
        r.notes.push(Msg::GaokaoAhead);
    }
    r
}

/// An entrance exam as its local rules test it: the parents' permit, insurance and residence months and the
/// child's 学籍 years, all counted to the cut-off month of the year the child sits it, with the rules in force then.
/// Shared with the 中考 program.
pub(crate) struct Exam {
    pub program: ProgramId,
    /// 中考 (the end of junior high) rather than 高考.
    pub junior: bool,
    pub cutoff_month: &'static Parameter,
    pub permit: Option<(&'static Parameter, &'static Citation)>,
    pub si: (&'static Parameter, &'static Citation),
    pub si_continuous: &'static Parameter,
    pub residence: Option<(&'static Parameter, &'static Citation)>,
    pub xueji: (&'static Parameter, &'static Parameter, &'static Citation),
    pub zhongkao_here: Option<(&'static Parameter, &'static Citation)>,
    pub local_hukou: &'static Citation,
    /// Either parent (0) or both (1), as the place's text says.
    pub both_parents: &'static Parameter,
    /// The level of the place that makes "here" for a child's hukou when no layer sets the rules.
    pub area_level: crate::place::Level,
}

impl Exam {
    pub fn evaluate(&self, household: &Household, child: &Child, index: u8, as_of: YearMonth) -> ProgramResult {
        let results = family::by_place(household, Some(self.cutoff_month))
            .into_iter()
            .map(|(place, parents)| self.in_place(child, index, place, &parents, as_of));
        match family::best(results) {
            Some(r) => r,
            None => self.in_place(child, index, None, &family::adults(household), as_of),
        }
    }

    fn ids(&self) -> Vec<(&'static str, &'static Citation)> {
        let mut ids = Vec::new();
        ids.extend(self.permit.map(|p| ("parent_permit", p.1)));
        ids.push(("parent_si", self.si.1));
        ids.extend(self.residence.map(|p| ("family_residence", p.1)));
        ids.push(("child_xueji", self.xueji.2));
        ids.extend(self.zhongkao_here.map(|p| ("zhongkao_here", p.1)));
        ids
    }

    fn in_place(
        &self,
        child: &Child,
        index: u8,
        place: Option<&str>,
        parents: &[(u8, &Adult)],
        as_of: YearMonth,
    ) -> ProgramResult {
        let (rules, layer) = policy::resolve(place, self.cutoff_month);
        let around = place.and_then(crate::place::PlaceId::parse).map(|p| p.at_level(self.area_level).to_string());
        let area = layer.or(around.as_deref());
        let hukou_here = family::hukou_here(child.hukou_place.as_deref(), parents, area);
        let cutoff =
            rules.int_at(as_of).and_then(|(m, _)| month_of_year(m)).map(|m| self.sitting_cutoff(child, m, as_of));
        let newest = std::cell::Cell::new(rules.int_at(as_of).map(|r| r.1.from));
        let outside = || -> Vec<Criterion> {
            match cutoff {
                None => no_local_rules(&self.ids(), place, self.cutoff_month, as_of),
                Some(None) => self
                    .ids()
                    .into_iter()
                    .map(|(id, cite)| {
                        let mut c = criterion(id, cite, Outcome::Unknown, Msg::ExamYearUnknown);
                        c.questions.push(Question { subject: Subject::Child(index), field: child_fields::BIRTH });
                        c
                    })
                    .collect(),
                Some(Some(cutoff)) => self.tests(child, index, place, parents, cutoff, as_of, &newest),
            }
        };
        let local = || vec![criterion("local_hukou", self.local_hukou, Outcome::Met, Msg::LocalHukouExam)];
        let result = |criteria| ProgramResult {
            policy_from: newest.get(),
            not_modelled: if self.junior {
                vec![Msg::NotModelledLocalProcedure, Msg::NotModelledZhongkaoDetail]
            } else {
                vec![Msg::NotModelledLocalProcedure]
            },
            ..ProgramResult::new(self.program, Subject::child_path(index), criteria)
        };
        family::on_track(hukou_here, || result(local()), || result(outside()), self.local_hukou, index, 0)
    }

    /// The cut-off of the year the child sits the exam (from the birth month; without it, the coming cut-off for a
    /// child in the exam's own stage), or `None` when that year cannot be told.
    fn sitting_cutoff(&self, child: &Child, m: u32, as_of: YearMonth) -> Option<YearMonth> {
        let coming = exam_cutoff(m, as_of);
        // The calendar the child follows: a child a year ahead sits the exam a year earlier.
        match calendar::effective_birth(child.stage, child.birth, as_of) {
            Some(b) => Some(YearMonth::ym(calendar::sitting_year(b, self.junior), m).max(coming)),
            None => {
                let stage = child.stage;
                let own = if self.junior { SchoolStage::Junior } else { SchoolStage::Senior };
                (stage == Some(own) || (!self.junior && stage == Some(SchoolStage::Other))).then_some(coming)
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn tests(
        &self,
        child: &Child,
        index: u8,
        place: Option<&str>,
        parents: &[(u8, &Adult)],
        cutoff: YearMonth,
        as_of: YearMonth,
        newest: &std::cell::Cell<Option<YearMonth>>,
    ) -> Vec<Criterion> {
        // The rules in force in the month of the cut-off; the newest of them dates the answer.
        let number = |p: &'static Parameter| {
            let v = local_dated(place, p, cutoff);
            newest.set(newest.get().max(v.map(|d| d.1.from)));
            v
        };
        let missing = |id, cite, p: &'static Parameter| {
            no_local_rule(id, cite, place, p, Question::adult(0, fields::CURRENT_PLACE), cutoff)
        };
        let Some(who) = number(self.both_parents).and_then(|v| family::Parents::from_value(v.0)) else {
            return self.ids().into_iter().map(|(id, cite)| missing(id, cite, self.both_parents)).collect();
        };
        let mut criteria = Vec::new();
        let months = |id: &'static str, cite, measure, p: &'static Parameter| match number(p) {
            None => missing(id, cite, p),
            Some(rule) => cite_local(
                who.test(parents, |i, a| months_test(id, cite, measure, a, i, rule.0, cutoff, as_of)),
                Some(rule),
            ),
        };
        if let Some((p, cite)) = self.permit {
            criteria.push(months("parent_permit", cite, Measure::Permit, p));
        }
        let (si_param, si_cite) = self.si;
        criteria.push(match (number(si_param), number(self.si_continuous)) {
            (Some(si), Some((continuous, _))) => {
                let rule = WorkRule {
                    si_months: si.0,
                    continuous: continuous != 0,
                    contract_months: 0,
                    licence_months: 0,
                    licence_waives_si: false,
                    area: policy::resolve(place, si_param).1,
                };
                cite_local(
                    who.test(parents, |i, a| work_test("parent_si", si_cite, a, i, &rule, cutoff, as_of)),
                    Some(si),
                )
            }
            (None, _) => missing("parent_si", si_cite, si_param),
            (_, None) => missing("parent_si", si_cite, self.si_continuous),
        });
        if let Some((p, cite)) = self.residence {
            criteria.push(months("family_residence", cite, Measure::Residence, p));
        }
        let (xueji, from_stage, xueji_cite) = self.xueji;
        criteria.push(match (number(xueji), number(from_stage)) {
            (Some(years), Some((stage, _))) => {
                xueji_test(xueji_cite, child, index, years, stage, self.junior, cutoff, as_of)
            }
            (None, _) => missing("child_xueji", xueji_cite, xueji),
            (_, None) => missing("child_xueji", xueji_cite, from_stage),
        });
        if let Some((p, cite)) = self.zhongkao_here {
            criteria.push(match number(p) {
                None => missing("zhongkao_here", cite, p),
                Some((0, d)) => {
                    cite_local(criterion("zhongkao_here", cite, Outcome::Met, Msg::NotRequiredHere), Some((0, d)))
                }
                Some(rule) => {
                    let took = child.zhongkao_here;
                    let mut c = criterion("zhongkao_here", cite, tri(took), Msg::ZhongkaoHere { took });
                    // Not said, and the 中考 still to come: staying here, the child sits it here (a duration test).
                    let coming = calendar::zhongkao_month(child.stage, child.birth, as_of).filter(|m| *m > as_of);
                    match (took, coming) {
                        (None, Some(month)) => {
                            c.outcome = Outcome::NotMet;
                            c.is_duration = true;
                            c.met_from = Some(month);
                            c.message = Msg::ZhongkaoByStaying { month };
                        }
                        (None, None) => c
                            .questions
                            .push(Question { subject: Subject::Child(index), field: child_fields::ZHONGKAO_HERE }),
                        _ => {}
                    }
                    cite_local(c, Some(rule))
                }
            });
        }
        criteria
    }
}

/// The coming exam year's cut-off for a local cut-off month `m`: this year's if it is still ahead, else next year's.
pub(crate) fn exam_cutoff(m: u32, as_of: YearMonth) -> YearMonth {
    let year = if as_of.month() <= m { as_of.year() } else { as_of.year() + 1 };
    YearMonth::ym(year, m)
}

/// The child's years of school registration here that the rule counts (`from_stage`: 0 any, 2 from junior high, 3
/// senior high only) against `required` (0: not required). Counted at the exam: years begun by then if the child
/// stays, so a child who will have them by staying is not yet there (a duration test), and one who cannot have
/// them by then is not eligible for that year's exam.
#[allow(clippy::too_many_arguments)]
fn xueji_test(
    citation: &'static Citation,
    child: &Child,
    index: u8,
    rule: (i64, &'static Dated),
    from_stage: i64,
    junior_exam: bool,
    cutoff: YearMonth,
    as_of: YearMonth,
) -> Criterion {
    let required = rule.0;
    if required == 0 {
        return cite_local(criterion("child_xueji", citation, Outcome::Met, Msg::NotRequiredHere), Some(rule));
    }
    // The school years the rule counts: their first year (as an age on 31 August) and how many there are up to
    // the exam.
    let (start_age, span) = match (from_stage, junior_exam) {
        (3, _) => (15, 3),
        (2, true) => (12, 3),
        (2, false) => (12, 6),
        (_, true) => (6, 9),
        (_, false) => (6, 12),
    };
    // The years of those begun by a month: from the birth month when known, else from the stage now, one more
    // each September.
    let birth = calendar::effective_birth(child.stage, child.birth, as_of);
    let begun_now: i64 = match birth {
        Some(b) => i64::from(calendar::years_begun_from(start_age, b, as_of, span)),
        None => match (from_stage, calendar::stage_at(child.stage, None, as_of, as_of)) {
            (3, Some(SchoolStage::Senior | SchoolStage::Other)) => 3,
            (3, _) => 0,
            _ => i64::from(span),
        },
    };
    let begun = |at: YearMonth| match birth {
        Some(b) => i64::from(calendar::years_begun_from(start_age, b, at, span)),
        None => (begun_now + i64::from(crate::time::septembers_between(as_of, at))).min(i64::from(span)),
    };
    // Staying in school here, each September adds a year of registration.
    let counted = |k: u32, at: YearMonth| child.xueji_years.map(|y| (i64::from(y) + i64::from(k)).min(begun(at)));
    let counted_now = counted(0, as_of);
    let septembers = crate::time::septembers_between(as_of, cutoff);
    let at_exam = counted(septembers, cutoff);
    let mut c = criterion(
        "child_xueji",
        citation,
        tri(counted_now.map(|n| n >= required)),
        Msg::XuejiYears { years: child.xueji_years, required },
    );
    c.observed = counted_now.map(|y| Quantity { value: y, unit: Unit::Years });
    c.required = Some(Quantity { value: required, unit: Unit::Years });
    if let (Some(now), Some(then)) = (counted_now, at_exam) {
        if now < required && then >= required {
            // Met by staying: the first September from which the years counted are enough (at most one a year
            // up to the exam).
            let met_from = (1..=septembers).find_map(|k| {
                let m = crate::time::nth_september_after(as_of, k)?;
                counted(k, m).is_some_and(|n| n >= required).then_some(m)
            });
            if let Some(m) = met_from {
                c.is_duration = true;
                c.met_from = Some(m);
                c.message = Msg::XuejiByStaying { years: now, required, met_from: m };
            }
        }
    }
    if let (Some(now), Some(then)) = (counted_now, at_exam) {
        if then < required {
            c.message = Msg::XuejiShortByExam { years: now, at_exam: then, required, exam_year: cutoff.year() };
        }
    }
    if counted_now.is_none() {
        c.questions.push(Question { subject: Subject::Child(index), field: child_fields::XUEJI_YEARS });
    }
    cite_local(c, Some(rule))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::{Adult, SchoolStage};
    use crate::report::Status;

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

    fn parent(place: &str) -> Adult {
        Adult {
            current_place: Some(place.into()),
            hukou_place: Some("henan".into()),
            permit: crate::household::Permit {
                held: Some(true),
                issued: Some(YearMonth::ym(2020, 1)),
                late_endorsement: None,
            },
            si_months_here: Some(80),
            months_in_place: Some(80),
            employment: Some(crate::household::Employment::Contract),
            employee_pension: crate::household::EmployeePension { contributing_now: Some(true), ..Default::default() },
            ..Adult::default()
        }
    }

    /// 广东 counts a 3-year senior-high 学籍 (粤教考〔2013〕7号). A child born 2012-03 is in junior 3 in 2026-27 and
    /// sits the 高考 in June 2030. With three years here so far (all junior high) the child has no senior-high year
    /// yet, but staying gives the third one in 2029-09: not yet until then — not "not eligible".
    #[test]
    fn a_junior_child_who_will_have_the_senior_years_by_staying_is_not_yet() {
        let household = Household { adults: vec![parent("guangdong/yangjiang")], ..Household::default() };
        let child = Child {
            birth: Some(YearMonth::ym(2012, 3)),
            stage: Some(SchoolStage::Junior),
            xueji_years: Some(3),
            zhongkao_here: Some(true),
            hukou_place: Some("henan".into()),
            ..Child::default()
        };
        let r = evaluate(&household, &child, 0, YearMonth::ym(2026, 11));
        assert_eq!((r.status, r.earliest), (Status::NotYet, Some(YearMonth::ym(2029, 9))));
        let xueji = r.criteria.iter().find(|c| c.id == "child_xueji").unwrap();
        assert_eq!(xueji.observed.map(|q| q.value), Some(0), "junior-high years are not senior-high years");
        // Whether the child will take the 中考 here not said: staying, the child sits it here in June 2027.
        let unsaid = Child { zhongkao_here: None, ..child };
        let r = evaluate(&household, &unsaid, 0, YearMonth::ym(2026, 11));
        assert_eq!((r.status, r.earliest), (Status::NotYet, Some(YearMonth::ym(2029, 9))));
        let zhongkao = r.criteria.iter().find(|c| c.id == "zhongkao_here").unwrap();
        assert_eq!((zhongkao.outcome, zhongkao.met_from), (Outcome::NotMet, Some(YearMonth::ym(2027, 6))));
    }

    /// 海南 counts 6 years of 学籍 from junior 1 to senior 3 ("3个6"). A child in junior 3 (born 2012-03) who came in
    /// this school year has 1 year; staying to the 2030 高考 gives 4, short of 6: not eligible for that exam here.
    #[test]
    fn a_child_who_cannot_have_the_years_by_the_exam_is_not_eligible_for_it() {
        let household = Household { adults: vec![parent("hainan/haikou")], ..Household::default() };
        let child = Child {
            birth: Some(YearMonth::ym(2012, 3)),
            stage: Some(SchoolStage::Junior),
            xueji_years: Some(1),
            hukou_place: Some("henan".into()),
            ..Child::default()
        };
        let r = evaluate(&household, &child, 0, YearMonth::ym(2026, 11));
        assert_eq!(r.status, Status::NotEligible);
        let xueji = r.criteria.iter().find(|c| c.id == "child_xueji").unwrap();
        assert_eq!((xueji.outcome, xueji.is_duration), (Outcome::NotMet, false));
        // A child with a local hukou sits it as a local candidate.
        let local = Child { hukou_place: Some("hainan/sanya".into()), ..child };
        assert_eq!(evaluate(&household, &local, 0, YearMonth::ym(2026, 11)).status, Status::Eligible);
    }
}
