//! Who in the family a test reads, and on which track.
//!
//! - **Every adult counts.** A child's test is met when either parent or guardian meets it, as 义务教育法 Art. 12 ¶2
//!   ("父母或者其他法定监护人") and the local texts ("父母一方") word it; the answer names the parent who met it
//!   ([`any_parent`]). A household program may be applied for by either adult: it is judged with each adult as the
//!   applicant, in the place that adult lives, and the best answer is kept ([`best`]). Listing the adults the other
//!   way round never changes a status.
//! - **Local people are local.** A person or child whose hukou is in the place being assessed is judged on the local
//!   track ([`hukou_here`]): places are compared at the level the rule is written for (the layer that sets it).

use crate::household::{Adult, EmployeePension, Household, Permit, ResidentPension, Subject};
use crate::place::Relation;
use crate::report::{Criterion, Outcome, ProgramResult, Status};

/// An adult about whom nothing is known, for a household given without adults.
pub const UNKNOWN_ADULT: Adult = Adult {
    birth: None,
    sex: None,
    female_category: None,
    hukou_type: None,
    hukou_place: None,
    current_place: None,
    hukou_elsewhere: None,
    months_in_place: None,
    stable_job: None,
    stable_home: None,
    continuous_study: None,
    permit: Permit { held: None, issued: None, late_endorsement: None },
    si_months_here: None,
    contract_months: None,
    business_licence_since: None,
    parents_home_here: None,
    college: None,
    graduated: None,
    employment: None,
    employee_pension: EmployeePension {
        months: None,
        segments: Vec::new(),
        contributing_now: None,
        account_balance_fen: None,
        average_index_bp: None,
        current_base_bp: None,
        planned_retirement: None,
        special_early: None,
        first_insured: None,
    },
    resident_pension: ResidentPension {
        months: None,
        balance_fen: None,
        overlap_months: None,
        other_pension: None,
        contributing_now: None,
    },
    local_numbers: crate::household::LocalNumbers {
        benefit_base_fen: None,
        resident_basic_pension_fen: None,
        city_population_10k: None,
        source: None,
        note: None,
    },
};

static UNKNOWN: Adult = UNKNOWN_ADULT;

/// The adults a household or child program reads, with their index: everyone given (at most two), or one adult
/// about whom nothing is known.
pub fn adults(household: &Household) -> Vec<(u8, &Adult)> {
    if household.adults.is_empty() {
        return vec![(0, &UNKNOWN)];
    }
    household.adults.iter().take(crate::household::MAX_ADULTS).enumerate().map(|(i, a)| (i as u8, a)).collect()
}

/// A household program's answer with either adult as the applicant (`answer`): the better one, carrying the first
/// month either applicant's answer changes by itself (`changes_at`), which timelines look at.
pub fn best_applicant(
    household: &Household,
    answer: impl Fn(u8, &Adult) -> crate::report::ProgramResult,
) -> crate::report::ProgramResult {
    let results: Vec<_> = adults(household).into_iter().map(|(i, a)| answer(i, a)).collect();
    let changes_at = results.iter().filter_map(|r| r.changes_at).min();
    match best(results) {
        Some(r) => crate::report::ProgramResult { changes_at, ..r },
        // `adults` always gives one, the unknown adult if none is given.
        None => answer(0, &UNKNOWN),
    }
}

/// A place the family lives in (unknown: `None`) and the adults living there, with their index.
pub type Residence<'a> = (Option<&'a str>, Vec<(u8, &'a Adult)>);

/// The places the family lives in, as the rules see them: adults whose places take `rule` from the same layer (a
/// mother in 清远 and a father in 连南, for 清远's 中考) are judged together, in the first of their places; an adult
/// whose place is not known is counted everywhere. Sorted, so the order the adults are listed in does not matter.
pub fn by_place<'a>(household: &'a Household, rule: Option<&'static crate::policy::Parameter>) -> Vec<Residence<'a>> {
    let all = adults(household);
    let key = |p: &'a str| rule.and_then(|r| crate::policy::resolve(Some(p), r).1).unwrap_or(p);
    let mut places: Vec<&str> = all.iter().filter_map(|(_, a)| a.current_place.as_deref()).collect();
    places.sort_unstable();
    places.dedup_by(|later, earlier| key(later) == key(earlier));
    if places.is_empty() {
        return vec![(None, all)];
    }
    let mut groups: Vec<Residence<'_>> = Vec::with_capacity(places.len());
    for p in places {
        if groups.iter().any(|(q, _)| q.is_some_and(|q| key(q) == key(p))) {
            continue;
        }
        let here = all.iter().filter(|(_, a)| a.current_place.as_deref().is_none_or(|c| key(c) == key(p)));
        groups.push((Some(p), here.copied().collect()));
    }
    groups
}

/// Whether a hukou registered at `hukou` is in `area` (the place the rule is written for): yes when it lies inside
/// it, no when it is somewhere else, unknown when the hukou is given more coarsely than the area (a province for a
/// county rule) or either is not a place id.
pub fn hukou_in(hukou: &str, area: &str) -> Option<bool> {
    match crate::place::relation(hukou, area)? {
        Relation::Within => Some(true),
        Relation::Contains => None,
        Relation::Apart => Some(false),
    }
}

/// Whether an adult's hukou is in `area`: from the hukou place when it settles it, else from the adult's own answer
/// to "is your hukou registered outside the place you live?", read at the level of `area`: outside a place is
/// outside any area inside it, and inside a place is inside any area containing it; otherwise it does not tell.
pub fn adult_hukou_here(adult: &Adult, area: Option<&str>) -> Option<bool> {
    let by_place = adult.hukou_place.as_deref().zip(area).and_then(|(h, a)| hukou_in(h, a));
    by_place.or_else(|| {
        let elsewhere = adult.hukou_elsewhere?;
        let (Some(area), Some(lived)) = (area, adult.current_place.as_deref()) else { return Some(!elsewhere) };
        match (crate::place::relation(area, lived)?, elsewhere) {
            (Relation::Within, false) if !crate::place::same(area, lived) => None,
            (Relation::Within, _) => Some(!elsewhere),
            (Relation::Contains, false) => Some(true),
            (Relation::Contains, true) | (Relation::Apart, _) => None,
        }
    })
}

/// The question that settles whether an adult's hukou is here: the adult's own answer when not given, else (the
/// answer did not settle it at this rule's level) the hukou place itself.
pub fn hukou_question(adult: &Adult) -> &'static str {
    if adult.hukou_elsewhere.is_some() {
        crate::programs::fields::HUKOU_PLACE
    } else {
        crate::programs::fields::HUKOU_ELSEWHERE
    }
}

/// Whether a child's hukou is in `area`: from the child's hukou place; when that is not given and every parent's
/// hukou is known to be elsewhere, the child's is taken to be elsewhere too (a child is registered with a parent
/// [I]); otherwise unknown.
pub fn hukou_here(child_hukou: Option<&str>, parents: &[(u8, &Adult)], area: Option<&str>) -> Option<bool> {
    match (child_hukou, area) {
        (Some(h), Some(a)) => hukou_in(h, a),
        (Some(_), None) => None,
        (None, _) => parents.iter().all(|(_, p)| adult_hukou_here(p, area) == Some(false)).then_some(false),
    }
}

/// A parent's test, met when either parent meets it (父母一方): the first parent who meets it is named; with
/// none meeting it, an unknown answer stands (with every parent's open questions); with all failing, the one
/// that waiting turns into met soonest.
pub fn any_parent(parents: &[(u8, &Adult)], test: impl Fn(u8, &Adult) -> Criterion) -> Criterion {
    if parents.is_empty() {
        return test(0, &UNKNOWN);
    }
    let mut results: Vec<(u8, Criterion)> = parents.iter().map(|(i, a)| (*i, test(*i, a))).collect();
    if let Some(k) = results.iter().position(|(_, c)| c.outcome == Outcome::Met) {
        let (i, mut c) = results.swap_remove(k);
        // Named only where a parent's own fact met it (not where the place asks for nothing).
        if c.message != crate::message::Msg::NotRequiredHere {
            c.met_by = Some(Subject::adult_path(i));
        }
        return c;
    }
    if let Some(k) = results.iter().position(|(_, c)| c.outcome == Outcome::Unknown) {
        let questions = open_questions(results.iter().map(|(_, c)| c));
        let (_, mut c) = results.swap_remove(k);
        c.questions = questions;
        return c;
    }
    // All fail: a parent who meets it by waiting comes first, the soonest month first.
    let soonest = results
        .iter()
        .enumerate()
        .min_by_key(|(_, (_, c))| (!c.is_duration, c.met_from.is_none(), c.met_from))
        .map(|(k, _)| k);
    match soonest {
        Some(k) => results.swap_remove(k).1,
        None => test(0, &UNKNOWN),
    }
}

/// Every question of the unknown criteria among `results`, in order, once each.
fn open_questions<'a>(results: impl Iterator<Item = &'a Criterion>) -> Vec<crate::household::Question> {
    let mut questions = Vec::new();
    for c in results.filter(|c| c.outcome == Outcome::Unknown) {
        for q in &c.questions {
            if !questions.contains(q) {
                questions.push(*q);
            }
        }
    }
    questions
}

/// A child's program on the track the child's hukou puts them on: the local one, the one for children from
/// elsewhere, or — not knowing — both: an answer the two agree on stands; otherwise the answer for children from
/// elsewhere is shown, unknown, with a `local_hukou` criterion asking for the child's hukou place (inserted at
/// `at`, after the tests both tracks share).
pub fn on_track(
    hukou_here: Option<bool>,
    local: impl FnOnce() -> ProgramResult,
    outside: impl FnOnce() -> ProgramResult,
    local_hukou: &'static crate::policy::Citation,
    child: u8,
    at: usize,
) -> ProgramResult {
    match hukou_here {
        Some(true) => local(),
        Some(false) => outside(),
        None => {
            let here = local();
            let mut away = outside();
            if here.status != away.status {
                let mut c = crate::programs::common::criterion(
                    "local_hukou",
                    local_hukou,
                    Outcome::Unknown,
                    crate::message::Msg::ChildHukouUnknown,
                );
                c.questions.push(crate::household::Question {
                    subject: Subject::Child(child),
                    field: crate::programs::child_fields::HUKOU_PLACE,
                });
                away.criteria.insert(at.min(away.criteria.len()), c);
                away.status = Status::Unknown;
                away.earliest = None;
            }
            away
        }
    }
}

/// Whose tests count for a child: either parent (父母一方, the usual wording) or both, as the place's text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parents {
    Either,
    Both,
}

impl Parents {
    /// From a place's `both_parents` value (0 either, 1 both); unknown for anything else.
    pub fn from_value(value: i64) -> Option<Parents> {
        match value {
            0 => Some(Parents::Either),
            1 => Some(Parents::Both),
            _ => None,
        }
    }

    /// The parents' test combined as the rule says.
    pub fn test(self, parents: &[(u8, &Adult)], test: impl Fn(u8, &Adult) -> Criterion) -> Criterion {
        match self {
            Parents::Either => any_parent(parents, test),
            Parents::Both => every_parent(parents, test),
        }
    }
}

/// A parent's test that every parent given must meet: failed when one fails for good; else unknown while one is
/// unknown (with every open question); else, when one will meet it only by waiting, met from the latest month.
pub fn every_parent(parents: &[(u8, &Adult)], test: impl Fn(u8, &Adult) -> Criterion) -> Criterion {
    if parents.is_empty() {
        return test(0, &UNKNOWN);
    }
    let mut results: Vec<Criterion> = parents.iter().map(|(i, a)| test(*i, a)).collect();
    if let Some(k) = results.iter().position(|c| c.outcome == Outcome::NotMet && !c.is_duration) {
        return results.swap_remove(k);
    }
    if let Some(k) = results.iter().position(|c| c.outcome == Outcome::Unknown) {
        let questions = open_questions(results.iter());
        let mut c = results.swap_remove(k);
        c.questions = questions;
        return c;
    }
    let latest = results
        .iter()
        .enumerate()
        .filter(|(_, c)| c.outcome == Outcome::NotMet)
        .max_by_key(|(_, c)| c.met_from)
        .map(|(k, _)| k);
    match latest {
        Some(k) => results.swap_remove(k),
        None => results.swap_remove(0),
    }
}

/// How good an answer is for the family: eligible, then eligible soonest, then undecided (the fewer tests left
/// open the better: a known place before an unknown one), then no.
fn rank(r: &ProgramResult) -> (u8, Option<crate::time::YearMonth>, usize) {
    let open = r.criteria.iter().filter(|c| c.outcome == Outcome::Unknown).count();
    match r.status {
        Status::Eligible => (0, None, 0),
        Status::NotYet => (1, r.earliest, 0),
        Status::Unknown => (2, None, open),
        Status::NotEligible => (3, None, 0),
        Status::NotApplicable => (4, None, 0),
    }
}

/// The best of the answers for the family (by [`rank`]; the first of equals), looking no further once one is
/// eligible (nothing ranks higher). `None` only when there is none.
pub fn best(results: impl IntoIterator<Item = ProgramResult>) -> Option<ProgramResult> {
    let mut best: Option<ProgramResult> = None;
    for r in results {
        if best.as_ref().is_none_or(|b| rank(&r) < rank(b)) {
            let eligible = r.status == Status::Eligible;
            best = Some(r);
            if eligible {
                break;
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_compared_at_the_level_of_the_area() {
        assert_eq!(hukou_in("shanxi/taiyuan/xinghualing/", "shanxi/taiyuan/xinghualing"), None, "not a place id");
        assert_eq!(hukou_in("guangdongx", "guangdong"), None, "not a province");
        assert_eq!(hukou_in("guangxi", "guangdong"), Some(false));
        assert_eq!(hukou_in("henan/kaifeng/lankao", "henan/kaifeng/lankao"), Some(true));
        assert_eq!(hukou_in("henan/kaifeng/lankao", "henan"), Some(true));
        assert_eq!(hukou_in("henan", "henan/kaifeng/lankao"), None, "a province alone does not say which county");
        assert_eq!(hukou_in("hunan", "guangdong/qingyuan"), Some(false));
    }

    #[test]
    fn a_child_of_parents_from_elsewhere_is_from_elsewhere_unless_told_otherwise() {
        let away = Adult { hukou_elsewhere: Some(true), ..Adult::default() };
        let home = Adult { hukou_elsewhere: Some(false), ..Adult::default() };
        let place = Some("shanxi/taiyuan/xinghualing");
        assert_eq!(hukou_here(None, &[(0, &away), (1, &away)], place), Some(false));
        assert_eq!(hukou_here(None, &[(0, &away), (1, &home)], place), None, "registered with either parent");
        assert_eq!(hukou_here(Some("shanxi/taiyuan/xinghualing"), &[(0, &away)], place), Some(true));
    }

    fn months(outcome: Outcome, met_from: Option<crate::time::YearMonth>) -> Criterion {
        let mut c = crate::programs::common::criterion(
            "parent_work",
            &crate::policy::data::national::school_entry::criteria::PARENT_WORK,
            outcome,
            crate::message::Msg::HousingProof { has: None },
        );
        c.is_duration = met_from.is_some();
        c.met_from = met_from;
        c
    }

    /// Either parent: the one who meets it is named. Both: one failing is enough to fail, one waiting makes the
    /// test met only from the later month.
    #[test]
    fn either_or_both_parents_as_the_rule_says() {
        let (father, mother) = (Adult::default(), Adult::default());
        let parents = [(0, &father), (1, &mother)];
        let later = Some(crate::time::YearMonth::ym(2027, 9));
        let one_meets =
            |i: u8, _: &Adult| if i == 1 { months(Outcome::Met, None) } else { months(Outcome::NotMet, None) };
        let c = Parents::Either.test(&parents, one_meets);
        assert_eq!((c.outcome, c.met_by), (Outcome::Met, Some("household.adults[1]")));
        assert_eq!(Parents::Both.test(&parents, one_meets).outcome, Outcome::NotMet);
        let one_waits =
            |i: u8, _: &Adult| if i == 0 { months(Outcome::NotMet, later) } else { months(Outcome::Met, None) };
        let c = Parents::Both.test(&parents, one_waits);
        assert_eq!((c.outcome, c.met_from), (Outcome::NotMet, later));
        assert_eq!(Parents::Either.test(&parents, one_waits).outcome, Outcome::Met);
        let one_unknown =
            |i: u8, _: &Adult| if i == 0 { months(Outcome::Unknown, None) } else { months(Outcome::Met, None) };
        assert_eq!(Parents::Both.test(&parents, one_unknown).outcome, Outcome::Unknown);
        assert_eq!(Parents::from_value(2), None);
    }

    /// "Hukou outside the place I live" is read at the rule's level: outside 融安 is outside its county rules;
    /// inside 阳江 is inside Guangdong; outside 阳江 does not say whether it is outside Guangdong, and inside Liuzhou
    /// city does not say whether it is inside 融安.
    #[test]
    fn the_adults_own_answer_is_read_at_the_level_of_the_rule() {
        let adult = |place: &str, elsewhere: bool| Adult {
            current_place: Some(place.into()),
            hukou_elsewhere: Some(elsewhere),
            ..Adult::default()
        };
        let rongan = "guangxi/liuzhou/rongan";
        assert_eq!(adult_hukou_here(&adult(rongan, true), Some(rongan)), Some(false));
        assert_eq!(adult_hukou_here(&adult("guangdong/yangjiang", false), Some("guangdong")), Some(true));
        assert_eq!(adult_hukou_here(&adult("guangdong/yangjiang", true), Some("guangdong")), None);
        assert_eq!(adult_hukou_here(&adult("guangxi/liuzhou", false), Some(rongan)), None);
        assert_eq!(adult_hukou_here(&adult("guangxi/liuzhou", true), Some(rongan)), Some(false));
    }
}
