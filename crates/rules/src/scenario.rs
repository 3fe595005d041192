//! Time and change: a household moved forward in time, scenarios of changes from a month on, side-by-side
//! comparison, and the timeline of when each criterion and status changes.
//!
//! **Moving forward** (`advance`) keeps "nothing changes" literal: the family stays where it is, so months lived here
//! grow; whoever is contributing keeps contributing, so employee-scheme months and insurance months here grow and the
//! account balance grows as the pension estimate assumes; a held permit keeps counting; a child in school here gains a
//! year of 学籍 each September. Facts that are unknown stay unknown.
//!
//! **Timeline** (`timeline`): statuses and criteria can only change at a few kinds of months: when a duration test is
//! met (`metFrom`), when a policy value starts or ends, at a school year's start (September), and at a local cut-off
//! month. The timeline assesses those candidate months only (a test checks it against assessing every month).

use serde::{Deserialize, Serialize};

use crate::household::{Adult, Employment, HukouType, Permit, Request};
use crate::policy::data::ALL_PARAMETERS;
use crate::report::{Assessment, Outcome, ProgramId, Status};
use crate::time::YearMonth;

/// The longest timeline: 45 years.
pub const MAX_TIMELINE_MONTHS: i32 = 45 * 12;

/// One change a family can make. Actions apply to the first adult (the applicant) unless they say otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "action", rename_all = "camelCase", deny_unknown_fields)]
pub enum Action {
    /// Move hukou to the place where the family lives (an urban hukou there).
    MoveHukouHere,
    /// Apply for a residence permit and keep endorsing it every year.
    GetPermit,
    /// Sign a labour contract of this many months, with social insurance paid by the employer.
    SignContract { months: u32 },
    /// Pay employee-scheme contributions as a flexible worker at this base (6000–30000 bp of the average wage).
    ContributeFlexible {
        #[serde(rename = "baseBp")]
        base_bp: u32,
    },
    /// Stop paying contributions.
    StopContributing,
    /// Register a rental contract here.
    RegisterRental,
    /// Move to another place (a place id); months lived, insurance and the permit start again there.
    MoveTo { place: String },
}

/// A named set of changes made from one month on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    /// The month the changes are made; the evaluation month when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<YearMonth>,
    pub actions: Vec<Action>,
}

/// The request `months` later, with nothing changed but time.
pub fn advance(request: &Request, as_of: YearMonth, months: i32) -> Request {
    let months = months.max(0);
    let to = as_of + months;
    let mut next = request.clone();
    next.as_of = Some(to);
    let grow = |v: Option<u32>| v.map(|m| m.saturating_add(months.unsigned_abs()).min(crate::household::MAX_MONTHS));
    for adult in &mut next.household.adults {
        let paying = adult.employee_pension.contributing_now == Some(true);
        adult.months_in_place = grow(adult.months_in_place);
        if paying {
            adult.employee_pension.account_balance_fen =
                crate::programs::employee_pension::balance_after(adult, as_of, months);
            adult.employee_pension.months = grow(adult.employee_pension.months);
            adult.si_months_here = grow(adult.si_months_here);
            if let Some(last) = adult.employee_pension.segments.last_mut() {
                last.months = last.months.saturating_add(months.unsigned_abs());
            }
        }
    }
    // Each September crossed is another year of school registration here.
    let septembers = (1..=months).filter(|k| (as_of + *k).month() == 9).count();
    for child in &mut next.household.children {
        child.xueji_years = child.xueji_years.map(|y| y.saturating_add(u32::try_from(septembers).unwrap_or(0)).min(30));
    }
    next
}

/// Applies the actions at the request's evaluation month.
pub fn apply(request: &Request, as_of: YearMonth, actions: &[Action]) -> Request {
    let mut next = request.clone();
    next.as_of = Some(as_of);
    if next.household.adults.is_empty() {
        next.household.adults.push(Adult::default());
    }
    for action in actions {
        let household = &mut next.household;
        let adult = &mut household.adults[0];
        match action {
            Action::MoveHukouHere => {
                adult.hukou_elsewhere = Some(false);
                adult.hukou_place = adult.current_place.clone();
                adult.hukou_type = Some(HukouType::Urban);
            }
            Action::GetPermit => {
                if adult.permit.held != Some(true) {
                    adult.permit = Permit { held: Some(true), issued: Some(as_of), late_endorsement: None };
                }
            }
            Action::SignContract { months } => {
                adult.contract_months = Some(*months);
                adult.stable_job = Some(true);
                adult.employment = Some(Employment::Contract);
                adult.employee_pension.contributing_now = Some(true);
                adult.si_months_here = adult.si_months_here.or(Some(0));
            }
            Action::ContributeFlexible { base_bp } => {
                adult.employment = adult.employment.or(Some(Employment::Flexible));
                adult.employee_pension.contributing_now = Some(true);
                adult.employee_pension.average_index_bp = adult.employee_pension.average_index_bp.or(Some(*base_bp));
                adult.si_months_here = adult.si_months_here.or(Some(0));
                adult.employee_pension.months = adult.employee_pension.months.or(Some(0));
            }
            Action::StopContributing => adult.employee_pension.contributing_now = Some(false),
            Action::RegisterRental => {
                adult.stable_home = Some(true);
                household.rents_home = Some(true);
            }
            Action::MoveTo { place } => {
                adult.hukou_elsewhere = adult.hukou_place.as_ref().map(|h| h != place);
                adult.current_place = Some(place.clone());
                adult.months_in_place = Some(0);
                adult.si_months_here = Some(0);
                adult.permit = Permit { held: Some(false), ..Permit::default() };
                adult.stable_home = None;
                household.owns_home_here = None;
                for child in &mut household.children {
                    child.xueji_years = Some(0);
                    child.zhongkao_here = None;
                }
            }
        }
    }
    next
}

/// The request under a scenario at month `at` (≥ the evaluation month): time up to `from`, the changes, then time.
pub fn under(request: &Request, as_of: YearMonth, scenario: &Scenario, at: YearMonth) -> Request {
    let from = scenario.from.unwrap_or(as_of).max(as_of);
    if at < from {
        return advance(request, as_of, as_of.months_until(at));
    }
    let before = advance(request, as_of, as_of.months_until(from));
    let changed = apply(&before, from, &scenario.actions);
    advance(&changed, from, from.months_until(at))
}

/// What happened in one month of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Event {
    #[serde(rename_all = "camelCase")]
    Status { month: YearMonth, program: ProgramId, subject: &'static str, from: Status, to: Status },
    #[serde(rename_all = "camelCase")]
    Criterion {
        month: YearMonth,
        program: ProgramId,
        subject: &'static str,
        criterion: &'static str,
        from: Outcome,
        to: Outcome,
    },
}

fn diff(month: YearMonth, before: &Assessment, after: &Assessment, out: &mut Vec<Event>) {
    for (a, b) in before.programs.iter().zip(&after.programs) {
        if a.program != b.program || a.subject != b.subject {
            continue;
        }
        for (ca, cb) in a.criteria.iter().zip(&b.criteria) {
            if ca.id == cb.id && ca.outcome != cb.outcome {
                out.push(Event::Criterion {
                    month,
                    program: b.program,
                    subject: b.subject,
                    criterion: cb.id,
                    from: ca.outcome,
                    to: cb.outcome,
                });
            }
        }
        if a.status != b.status {
            out.push(Event::Status { month, program: b.program, subject: b.subject, from: a.status, to: b.status });
        }
    }
}

/// Months at which something may change between `start` (exclusive) and `end` (inclusive).
fn candidates(request: &Request, start: YearMonth, end: YearMonth, first: &Assessment) -> Vec<YearMonth> {
    let mut months: Vec<YearMonth> = Vec::new();
    let mut add = |m: YearMonth| {
        if m > start && m <= end {
            months.push(m);
        }
    };
    for p in &first.programs {
        for c in &p.criteria {
            if let Some(m) = c.met_from {
                add(m);
            }
        }
        if let Some(m) = p.earliest {
            add(m);
        }
    }
    for param in ALL_PARAMETERS {
        for d in param.values {
            add(d.from);
            if let Some(u) = d.until {
                add(u + 1);
            }
        }
    }
    // A child without a stated stage moves from the school-entry rules to the exam rules at 12.
    for child in &request.household.children {
        if let (None, Some(birth)) = (child.stage, child.birth) {
            add(birth + 12 * 12);
        }
    }
    // School years and local cut-offs move with the calendar.
    let mut m = start + 1;
    while m <= end {
        if m.month() == 9 || m.month() == 1 || (!request.household.children.is_empty() && (4..=8).contains(&m.month()))
        {
            months.push(m);
        }
        m = m + 1;
    }
    months.sort();
    months.dedup();
    months
}

/// The events of the next `horizon` months (at most 45 years) under `scenario` (or nothing changed).
pub fn timeline(request: &Request, as_of: YearMonth, scenario: Option<&Scenario>, horizon: i32) -> Vec<Event> {
    let horizon = horizon.clamp(0, MAX_TIMELINE_MONTHS);
    let end = as_of + horizon;
    let at = |m: YearMonth| match scenario {
        Some(s) => under(request, as_of, s, m),
        None => advance(request, as_of, as_of.months_until(m)),
    };
    let start = at(as_of);
    let mut previous = crate::assess(&start, as_of);
    let mut events = Vec::new();
    let mut months = candidates(&start, as_of, end, &previous);
    if let Some(from) = scenario.and_then(|s| s.from) {
        if from > as_of && from <= end {
            months.push(from);
        }
    }
    // Each assessed month may reveal new months at which a duration test will be met (a scenario's change, a rule
    // coming into force): add them as they appear.
    months.sort();
    months.dedup();
    let mut i = 0;
    while i < months.len() {
        let m = months[i];
        let now = crate::assess(&at(m), m);
        diff(m, &previous, &now, &mut events);
        for p in &now.programs {
            let met = p.criteria.iter().filter_map(|c| c.met_from).chain(p.earliest);
            for extra in met.filter(|x| *x > m && *x <= end) {
                if let Err(pos) = months.binary_search(&extra) {
                    months.insert(pos, extra);
                }
            }
        }
        previous = now;
        i += 1;
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::{EmployeePension, Household};

    const NOV_2026: YearMonth = YearMonth::ym(2026, 11);

    fn migrant(months_here: u32) -> Request {
        Request {
            as_of: Some(NOV_2026),
            household: Household {
                adults: vec![Adult {
                    hukou_elsewhere: Some(true),
                    months_in_place: Some(months_here),
                    stable_job: Some(true),
                    birth: Some(YearMonth::ym(1985, 3)),
                    sex: Some(crate::household::Sex::Male),
                    employee_pension: EmployeePension {
                        months: Some(100),
                        contributing_now: Some(true),
                        ..EmployeePension::default()
                    },
                    ..Adult::default()
                }],
                ..Household::default()
            },
        }
    }

    #[test]
    fn advancing_keeps_living_and_contributing() {
        let later = advance(&migrant(4), NOV_2026, 10);
        let a = &later.household.adults[0];
        assert_eq!(later.as_of, Some(NOV_2026 + 10));
        assert_eq!(a.months_in_place, Some(14));
        assert_eq!(a.employee_pension.months, Some(110));
        assert_eq!(a.si_months_here, None, "unknown stays unknown");
    }

    #[test]
    fn the_residence_permit_becomes_possible_two_months_on() {
        let events = timeline(&migrant(4), NOV_2026, None, 24);
        assert!(events.contains(&Event::Status {
            month: YearMonth::ym(2027, 1),
            program: ProgramId::ResidencePermit,
            subject: "household.adults[0]",
            from: Status::NotYet,
            to: Status::Eligible,
        }));
    }

    #[test]
    fn moving_hukou_here_makes_the_permit_unnecessary() {
        let s = Scenario { name: "hukou".into(), from: None, actions: vec![Action::MoveHukouHere] };
        let r = crate::assess(&under(&migrant(4), NOV_2026, &s, NOV_2026), NOV_2026);
        assert_eq!(r.programs[0].status, Status::NotApplicable);
    }
}
