//! Time and change: a household moved forward in time, scenarios of changes from a month on, side-by-side
//! comparison, and the timeline of when each criterion and status changes.
//!
//! **Moving forward** (`advance`) keeps "nothing changes" literal: the family stays where it is, so months lived here
//! grow; whoever is contributing keeps contributing, so employee-scheme months and insurance months here grow and the
//! account balance grows as the pension estimate assumes; residents'-scheme months grow for whoever pays into that
//! scheme (`residentPension.contributingNow`); a held permit keeps counting; a child in school here gains a
//! year of 学籍 each September. Facts that are unknown stay unknown.
//!
//! **Timeline** (`timeline`): statuses and criteria can only change at a few kinds of months: when a duration test is
//! met (`metFrom`), when a policy value starts or ends, at a school year's start (September), and at a local cut-off
//! month. The timeline assesses those candidate months only (a test checks it against assessing every month).

use serde::{Deserialize, Serialize};

use crate::household::{Adult, Employment, HukouType, Permit, Request};
use crate::place::PlaceId;
use crate::policy::data::national::exam_eligibility as exam;
use crate::policy::data::national::school_entry as school;
use crate::policy::data::national::zhongkao_eligibility as zhongkao;
use crate::policy::data::NATIONAL_PARAMETERS;
use crate::report::{Assessment, Outcome, ProgramId, ProgramResult, Status};
use crate::time::YearMonth;

/// The longest timeline: 45 years.
pub const MAX_TIMELINE_MONTHS: i32 = 45 * 12;

// A plan, its scenarios, steps and actions are JSON objects, never arrays.
crate::household::object_only!(Plan, Scenario, Step, Action);

/// One change a family can make. Actions are made by the scenario's adult (the first adult, the applicant, unless
/// the scenario names the other); moving applies to the whole family.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "action", rename_all = "camelCase", deny_unknown_fields)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", schemars(rename = "Action"))]
pub enum Action {
    /// Move hukou to the place where the family lives (an urban hukou there).
    MoveHukouHere,
    /// Apply for a residence permit and keep endorsing it every year.
    GetPermit,
    /// Sign a labour contract of this many months, with social insurance and the housing provident fund paid by the
    /// employer.
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
    /// The whole family moves to another place (a place id); every adult's months lived, insurance and permit
    /// start again there, and the children's school registration.
    MoveTo {
        #[serde(deserialize_with = "crate::household::places::one")]
        place: String,
    },
    /// Start working for oneself with a business licence (个体工商户) from this month: a labour contract, if any,
    /// ends and with it the employer's contributions (paying on as a flexible worker is a separate action).
    StartBusiness,
    /// Lose or leave the job: no contract, no stable job, and the employee-scheme contributions stop.
    LeaveJob,
    /// Pay into the residents' scheme every year from now (instead of the employee scheme, which stops: one is
    /// insured in one of the two).
    PayResidentScheme,
    /// The whole family moves back to this adult's hukou place (as `moveTo` there); where that is not known, where
    /// they live is not known either.
    MoveHome,
    /// Go home to farm: move back to the hukou place, leave the job, and pay into the residents' scheme there.
    FarmAtHome,
}

/// A named set of changes made from one month on, and any further changes at later months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", schemars(rename = "Scenario"))]
pub struct Scenario {
    pub name: String,
    /// The month the changes are made; the evaluation month when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<YearMonth>,
    /// Who makes the changes: 0 the first adult (the applicant, when absent), 1 the second.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adult: Option<u8>,
    pub actions: Vec<Action>,
    /// Later changes, in month order (e.g. "keep contributing 36 months": contribute now, stop 36 months on).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub later: Vec<Step>,
}

/// Changes made at a later month of a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", schemars(rename = "Step"))]
pub struct Step {
    pub from: YearMonth,
    pub actions: Vec<Action>,
}

impl Scenario {
    /// Unnamed changes made at the evaluation month.
    pub fn now(actions: Vec<Action>) -> Self {
        Scenario { name: String::new(), from: None, adult: None, actions, later: vec![] }
    }

    /// The months changes are made (none before `as_of`), in order, with their actions.
    fn steps(&self, as_of: YearMonth) -> Vec<(YearMonth, &[Action])> {
        let mut steps = vec![(self.from.unwrap_or(as_of).max(as_of), &self.actions[..])];
        steps.extend(self.later.iter().map(|s| (s.from.max(as_of), &s.actions[..])));
        steps.sort_by_key(|s| s.0);
        steps
    }

    /// The household just after each change, with the month it was made.
    fn checkpoints(&self, request: &Request, as_of: YearMonth) -> Vec<(YearMonth, Request)> {
        let mut out: Vec<(YearMonth, Request)> = Vec::new();
        for (month, actions) in self.steps(as_of) {
            let before = match out.last() {
                Some((t, r)) => advance(r, *t, t.months_until(month)),
                None => advance(request, as_of, as_of.months_until(month)),
            };
            out.push((month, apply_by(&before, month, usize::from(self.adult.unwrap_or(0)), actions)));
        }
        out
    }
}

/// The request `months` later, with nothing changed but time.
/// Months beyond the last representable month are not counted: `to` is where time stops.
pub fn advance(request: &Request, as_of: YearMonth, months: i32) -> Request {
    let to = as_of + months.max(0);
    let months = as_of.months_until(to).max(0);
    let mut next = request.clone();
    next.as_of = Some(to);
    let grow = |v: Option<u32>| v.map(|m| m.saturating_add(months.unsigned_abs()).min(crate::household::MAX_MONTHS));
    for adult in &mut next.household.adults {
        let paying = adult.employee_pension.contributing_now == Some(true);
        adult.months_in_place = grow(adult.months_in_place);
        if adult.resident_pension.contributing_now == Some(true) {
            adult.resident_pension.months = grow(adult.resident_pension.months);
        }
        // The account earns interest whether or not one pays in; a balance that cannot be projected is unknown.
        adult.employee_pension.account_balance_fen =
            crate::programs::employee_pension::balance_after(adult, as_of, months);
        if paying {
            if adult.employee_pension.current_base_bp.is_some() {
                adult.employee_pension.average_index_bp =
                    crate::programs::employee_pension::index_after(&adult.employee_pension, months);
            }
            adult.employee_pension.months = grow(adult.employee_pension.months);
            adult.si_months_here = grow(adult.si_months_here);
            if let Some(last) = adult.employee_pension.segments.last_mut() {
                last.months = last.months.saturating_add(months.unsigned_abs());
            }
        }
    }
    // Each September crossed is another year of school registration here.
    let septembers = crate::time::septembers_between(as_of, to);
    for child in &mut next.household.children {
        child.xueji_years = child.xueji_years.map(|y| y.saturating_add(septembers).min(30));
        // A child who sits the 中考 in these months, living here, has sat it here.
        let zhongkao = crate::household::calendar::zhongkao_month(child.stage, child.birth, as_of);
        if child.zhongkao_here.is_none() && zhongkao.is_some_and(|m| m > as_of && m <= to) {
            child.zhongkao_here = Some(true);
        }
        // A child moves on a stage when the school calendar says so (primary → junior → senior, each September).
        if child.stage.is_some() {
            child.stage = crate::household::calendar::stage_at(child.stage, child.birth, as_of, to);
        }
    }
    next
}

/// Applies the actions, made by the first adult, at the request's evaluation month.
pub fn apply(request: &Request, as_of: YearMonth, actions: &[Action]) -> Request {
    apply_by(request, as_of, 0, actions)
}

/// Applies the actions, made by adult `by` (the first adult when there is no such adult), at the evaluation month.
pub fn apply_by(request: &Request, as_of: YearMonth, by: usize, actions: &[Action]) -> Request {
    let mut next = request.clone();
    next.as_of = Some(as_of);
    if next.household.adults.is_empty() {
        next.household.adults.push(Adult::default());
    }
    let by = if by < next.household.adults.len() { by } else { 0 };
    for action in actions {
        apply_one(&mut next.household, by, action, as_of);
    }
    next
}

/// One action by adult `by` (an index the household has) at month `as_of`.
fn apply_one(household: &mut crate::household::Household, by: usize, action: &Action, as_of: YearMonth) {
    let adult = &mut household.adults[by];
    match action {
        Action::MoveHukouHere => {
            // Children registered with the adult (or whose registration is not given) move with them [I].
            let old = adult.hukou_place.clone();
            for child in &mut household.children {
                let same = |c: &str| {
                    old.as_deref().is_some_and(|o| {
                        crate::place::relation(c, o).is_some_and(|r| r != crate::place::Relation::Apart)
                    })
                };
                if child.hukou_place.as_deref().is_none_or(same) {
                    child.hukou_place = adult.current_place.clone();
                }
            }
            let adult = &mut household.adults[by];
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
            stop_resident(adult);
            adult.contract_months = Some(*months);
            adult.stable_job = Some(true);
            adult.employment = Some(Employment::Contract);
            adult.employee_pension.contributing_now = Some(true);
            adult.si_months_here = adult.si_months_here.or(Some(0));
            // Employers must pay into the housing provident fund for their workers (住房公积金管理条例 Art. 15, 20).
            household.provident_fund_depositing = Some(true);
        }
        Action::ContributeFlexible { base_bp } => {
            stop_resident(adult);
            adult.employment = adult.employment.or(Some(Employment::Flexible));
            adult.employee_pension.contributing_now = Some(true);
            adult.employee_pension.current_base_bp = Some(*base_bp);
            adult.si_months_here = adult.si_months_here.or(Some(0));
            // Nothing paid yet is 0 months; a record given only as segments keeps them (their sum is the total).
            if adult.employee_pension.segments.is_empty() {
                adult.employee_pension.months = adult.employee_pension.months.or(Some(0));
            }
        }
        Action::StopContributing => adult.employee_pension.contributing_now = Some(false),
        Action::RegisterRental => {
            adult.stable_home = Some(true);
            household.rents_home = Some(true);
        }
        Action::MoveTo { place } => move_family(household, Some(place)),
        Action::StartBusiness => {
            if adult.business_licence_since.is_none() {
                adult.business_licence_since = Some(as_of);
            }
            if adult.employment == Some(Employment::Contract) {
                adult.employee_pension.contributing_now = Some(false);
            }
            adult.employment = Some(Employment::SelfEmployed);
            adult.contract_months = Some(0);
            adult.stable_job = Some(true);
        }
        Action::LeaveJob => leave_job(household, by),
        Action::PayResidentScheme => {
            adult.employee_pension.contributing_now = Some(false);
            adult.resident_pension.contributing_now = Some(true);
        }
        Action::MoveHome => {
            let home = adult.hukou_place.clone();
            move_family(household, home.as_deref());
        }
        Action::FarmAtHome => {
            let home = adult.hukou_place.clone();
            move_family(household, home.as_deref());
            leave_job(household, by);
            let adult = &mut household.adults[by];
            adult.employment = Some(Employment::Agriculture);
            adult.resident_pension.contributing_now = Some(true);
        }
    }
}

/// The residents' scheme stops when the employee scheme starts (one is insured in one of the two).
fn stop_resident(adult: &mut Adult) {
    if adult.resident_pension.contributing_now == Some(true) {
        adult.resident_pension.contributing_now = Some(false);
    }
}

/// Adult `by` has no job: no contract, no stable job, no employee-scheme contributions. The housing provident fund
/// stops for a household of one; with two adults, whether the other's employer still pays it is not known.
fn leave_job(household: &mut crate::household::Household, by: usize) {
    let one = household.adults.len() == 1;
    let adult = &mut household.adults[by];
    adult.contract_months = Some(0);
    adult.stable_job = Some(false);
    adult.employment = Some(Employment::Unemployed);
    adult.employee_pension.contributing_now = Some(false);
    household.provident_fund_depositing =
        if one { Some(false) } else { household.provident_fund_depositing.filter(|d| !d) };
}

/// The whole family moves to `place` (`None`: a place not known, so where they live is not known). Every adult's
/// months lived, insurance here and permit start again, and the children's school registration.
fn move_family(household: &mut crate::household::Household, place: Option<&str>) {
    for adult in &mut household.adults {
        move_adult(adult, place);
    }
    household.owns_home_here = None;
    for child in &mut household.children {
        child.xueji_years = Some(0);
        child.zhongkao_here = None;
    }
}

/// One adult moving to `place`: employee-scheme months carry across (66号 Art. 3); paying on opens a segment in
/// the new province, unless the last segment is already a place the new one lies within (months in one province
/// add up for the place of receipt either way). A hukou in the new place (or inside it) is local there; one given
/// less precisely than the new place (a province for a city in it) does not say which, so it is unknown. To a
/// place not known (`None`), whether and where one pays on is not known either.
fn move_adult(adult: &mut Adult, place: Option<&str>) {
    match place {
        Some(place) => {
            let to = PlaceId::parse(place);
            let segments = &mut adult.employee_pension.segments;
            let stays = |s: &crate::household::Segment| {
                to.as_ref().zip(PlaceId::parse(&s.place)).is_some_and(|(to, last)| to.within(&last))
            };
            if segments.last().is_some_and(|s| !stays(s)) {
                let province = to.as_ref().map_or_else(|| place.to_string(), |to| to.province().to_string());
                segments.push(crate::household::Segment { place: province, months: 0 });
            }
            adult.hukou_elsewhere = match (adult.hukou_place.as_deref().and_then(PlaceId::parse), &to) {
                (Some(hukou), Some(to)) if hukou.within(to) => Some(false),
                (Some(hukou), Some(to)) if to.within(&hukou) => None,
                (Some(_), Some(_)) => Some(true),
                _ => None,
            };
            adult.current_place = Some(to.map_or_else(|| place.to_string(), |to| to.to_string()));
        }
        None => {
            if !adult.employee_pension.segments.is_empty() && adult.employee_pension.contributing_now == Some(true) {
                adult.employee_pension.contributing_now = None;
            }
            adult.hukou_elsewhere = None;
            adult.current_place = None;
        }
    }
    // Wherever it is, a new place: months lived, insurance there and the permit start again.
    adult.months_in_place = Some(0);
    adult.si_months_here = Some(0);
    adult.permit = Permit { held: Some(false), ..Permit::default() };
    adult.stable_home = None;
}

/// The request under a scenario at month `at` (≥ the evaluation month): time, each change in turn, then time.
pub fn under(request: &Request, as_of: YearMonth, scenario: &Scenario, at: YearMonth) -> Request {
    household_at(request, as_of, &scenario.checkpoints(request, as_of), at)
}

/// The household at month `at`: the one just after the last change made by then, moved forward (or the request
/// moved forward when no change has been made yet).
fn household_at(request: &Request, as_of: YearMonth, checkpoints: &[(YearMonth, Request)], at: YearMonth) -> Request {
    match checkpoints.iter().rev().find(|(t, _)| *t <= at) {
        Some((t, changed)) => advance(changed, *t, t.months_until(at)),
        None => advance(request, as_of, as_of.months_until(at)),
    }
}

/// What happened in one month of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Event {
    #[serde(rename_all = "camelCase")]
    Status { month: YearMonth, program: ProgramId, subject: &'static str, from: Status, to: Status },
    /// Where the employee pension would be paid changes (66号 Art. 5), e.g. ten years reached in the current place.
    #[serde(rename_all = "camelCase")]
    PlaceOfReceipt { month: YearMonth, subject: &'static str, place: String, rule: crate::message::ReceiptRule },
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

/// The events between two assessments one after the other (`after` is at `month`).
pub fn diff(month: YearMonth, before: &Assessment, after: &Assessment, out: &mut Vec<Event>) {
    diff_programs(month, &before.programs, &after.programs, out);
}

fn diff_programs(month: YearMonth, before: &[ProgramResult], after: &[ProgramResult], out: &mut Vec<Event>) {
    // Programs are matched by program and subject: a child who turns 12 (or 20) changes the list.
    for b in after {
        let Some(a) = before.iter().find(|a| a.program == b.program && a.subject == b.subject) else {
            continue;
        };
        // A program that does not concern the person (a permit with a local hukou) has no news in its criteria.
        let concerns = !(a.status == Status::NotApplicable && b.status == Status::NotApplicable);
        for (ca, cb) in a.criteria.iter().zip(&b.criteria).filter(|_| concerns) {
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
        if let (Some(before), Some(after)) = (receipt(a), receipt(b)) {
            if before != after {
                out.push(Event::PlaceOfReceipt {
                    month,
                    subject: b.subject,
                    place: after.0.to_string(),
                    rule: after.1,
                });
            }
        }
    }
}

/// The place of receipt an employee-pension result reports.
pub(crate) fn receipt(p: &ProgramResult) -> Option<(&str, crate::message::ReceiptRule)> {
    p.notes.iter().find_map(|n| match n {
        crate::message::Msg::ReceiptPlace { place, rule } => Some((place.as_str(), *rule)),
        _ => None,
    })
}

/// Months at which something may change between `start` (exclusive) and `end` (inclusive), apart from the
/// duration tests' own `metFrom` months (added as they appear): policy values starting or ending (national, or of a
/// place the family's rules come from), a child reaching 12 (school entry gives way to the exam rules), and — while
/// a child is of school age — each September and the month after each local exam cut-off of the places the family
/// lives in or moves to.
fn candidates(
    request: &Request,
    start: YearMonth,
    end: YearMonth,
    places: &[Option<String>],
    wanted: &dyn Fn(ProgramId, &'static str) -> bool,
) -> Vec<YearMonth> {
    let mut months: Vec<YearMonth> = Vec::new();
    let mut add = |m: YearMonth| {
        if m > start && m <= end {
            months.push(m);
        }
    };
    // Rules come from where the family lives, its hukou places and the places it has paid into (place of receipt).
    let mut rule_places: Vec<Option<&str>> = vec![None];
    rule_places.extend(places.iter().map(Option::as_deref));
    for adult in &request.household.adults {
        rule_places.push(adult.hukou_place.as_deref());
        rule_places.extend(adult.employee_pension.segments.iter().map(|s| Some(s.place.as_str())));
    }
    rule_places.sort();
    rule_places.dedup();
    for national in NATIONAL_PARAMETERS {
        let mut layers: Vec<&'static crate::policy::Parameter> =
            rule_places.iter().map(|place| crate::policy::resolve(*place, national).0).collect();
        layers.dedup_by(|a, b| std::ptr::eq(*a, *b));
        for param in layers {
            for d in param.values {
                add(d.from);
                if let Some(u) = d.until {
                    add(u + 1);
                }
            }
        }
    }
    // School entry counts at its cut-off whatever the month, so its answer changes only when the entry year turns
    // (September, as 学籍 grows); the exam year turns the month after the exam cut-off. Where it is not known
    // whether a parent with an insurance record (months here, a total, or segments) still pays, insurance months are
    // settled at the cut-off month itself and not after it, so every cut-off month and the month after it are
    // looked at.
    let mut calendar: Vec<u32> = vec![9];
    let paying_unknown = request.household.adults.iter().any(|a| {
        let e = &a.employee_pension;
        (a.si_months_here.is_some() || e.months.is_some() || !e.segments.is_empty()) && e.contributing_now.is_none()
    });
    for place in places {
        for national in [&exam::CUTOFF_MONTH, &zhongkao::CUTOFF_MONTH, &school::CUTOFF_MONTH] {
            for d in crate::policy::resolve(place.as_deref(), national).0.values {
                if let Some(m) = d.value.int().and_then(|m| u32::try_from(m).ok()) {
                    if paying_unknown || !std::ptr::eq(national, &school::CUTOFF_MONTH) {
                        calendar.push(m % 12 + 1);
                    }
                    if paying_unknown {
                        calendar.push((m + 11) % 12 + 1);
                    }
                }
            }
        }
    }
    calendar.sort();
    calendar.dedup();
    for (i, child) in request.household.children.iter().enumerate() {
        let subject = crate::household::Subject::child_path(u8::try_from(i).unwrap_or(u8::MAX));
        let programs = [ProgramId::SchoolEntry, ProgramId::ExamEligibility, ProgramId::ZhongkaoEligibility];
        if !programs.iter().any(|p| wanted(*p, subject)) {
            continue;
        }
        if let (None, Some(birth)) = (child.stage, child.birth) {
            add(birth + 12 * 12);
            add(birth + 15 * 12);
        }
        // School entry and exams concern children under 20 (unknown birth: the whole horizon).
        let last = child.birth.map_or(end, |b| (b + crate::household::SCHOOL_AGE_LIMIT_MONTHS).min(end));
        // Counted in months from `start`, never by comparing months: `YearMonth + n` stops at the last
        // representable month, where a comparison would never be passed.
        for k in 1..=start.months_until(last).clamp(0, MAX_TIMELINE_MONTHS) {
            let m = start + k;
            if calendar.contains(&m.month()) {
                add(m);
            }
        }
    }
    months.sort();
    months.dedup();
    months
}

/// How far a timeline looks by default: to the last retirement month of the adults (statutory or chosen), or to the month the
/// youngest child turns 20 (the end of school and exams) if that is later; 45 years when either is unknown; at
/// least one month, at most 45 years.
pub fn default_horizon(request: &Request, as_of: YearMonth) -> i32 {
    let adults = &request.household.adults;
    let mut ends: Vec<Option<YearMonth>> =
        adults.iter().map(|a| crate::programs::employee_pension::retirement_month(a, as_of)).collect();
    ends.extend(
        request.household.children.iter().map(|c| c.birth.map(|b| b + crate::household::SCHOOL_AGE_LIMIT_MONTHS)),
    );
    if adults.is_empty() || ends.contains(&None) {
        return MAX_TIMELINE_MONTHS;
    }
    let last = ends.into_iter().flatten().max().unwrap_or(as_of);
    as_of.months_until(last).clamp(1, MAX_TIMELINE_MONTHS)
}

/// The events of the next `horizon` months (at most 45 years) under `scenario` (or nothing changed).
pub fn timeline(request: &Request, as_of: YearMonth, scenario: Option<&Scenario>, horizon: i32) -> Vec<Event> {
    let mut events = Vec::new();
    let mut previous: Option<Vec<ProgramResult>> = None;
    walk(request, as_of, scenario, horizon, &|_, _| true, |month, now| {
        if let Some(before) = &previous {
            diff_programs(month, before, &now, &mut events);
        }
        previous = Some(now);
        true
    });
    events
}

/// Assesses the `wanted` programs at the evaluation month and then at each month of the next `horizon` (at most
/// 45 years) where one of them may change under `scenario`, handing each month's results to `visit` in month
/// order until it returns `false`.
pub(crate) fn walk(
    request: &Request,
    as_of: YearMonth,
    scenario: Option<&Scenario>,
    horizon: i32,
    wanted: &dyn Fn(ProgramId, &'static str) -> bool,
    mut visit: impl FnMut(YearMonth, Vec<ProgramResult>) -> bool,
) {
    let horizon = horizon.clamp(0, MAX_TIMELINE_MONTHS);
    let end = as_of + horizon;
    // The account balance changes only the pension amounts, never a criterion: walks leave it out, which spares
    // projecting it month by month (a property test compares walks with full assessments of every month).
    let mut request = request.clone();
    for adult in &mut request.household.adults {
        adult.employee_pension.account_balance_fen = None;
    }
    // The scenario's changes are made once; each month is then the household after the last change moved forward.
    let checkpoints = scenario.map(|s| s.checkpoints(&request, as_of)).unwrap_or_default();
    let at = |m: YearMonth| household_at(&request, as_of, &checkpoints, m);
    let start = at(as_of);
    let first = crate::evaluate(&start, as_of, wanted);
    let mut places: Vec<Option<String>> = start.household.adults.iter().map(|a| a.current_place.clone()).collect();
    let steps = scenario.map(|s| s.steps(as_of)).unwrap_or_default();
    for action in steps.iter().flat_map(|s| s.1) {
        if let Action::MoveTo { place } = action {
            places.push(Some(place.clone()));
        }
    }
    let mut months = candidates(&start, as_of, end, &places, wanted);
    months.extend(steps.iter().map(|s| s.0).filter(|m| *m > as_of && *m <= end));
    // Each assessed month may reveal months at which a duration test will be met (a scenario's change, a rule
    // coming into force): add them as they appear.
    let met = |programs: &[ProgramResult], after: YearMonth, months: &mut Vec<YearMonth>| {
        for p in programs {
            for m in p.criteria.iter().filter_map(|c| c.met_from).chain(p.earliest).chain(p.changes_at) {
                if m > after && m <= end {
                    if let Err(pos) = months.binary_search(&m) {
                        months.insert(pos, m);
                    }
                }
            }
        }
    };
    months.sort();
    months.dedup();
    met(&first, as_of, &mut months);
    if !visit(as_of, first) {
        return;
    }
    // The months are distinct and within the horizon, so there are at most `horizon` of them; the count bounds the
    // walk even so.
    for i in 0..=MAX_TIMELINE_MONTHS.unsigned_abs() as usize {
        let Some(&m) = months.get(i) else { break };
        let now = crate::evaluate(&at(m), m, wanted);
        met(&now, m, &mut months);
        if !visit(m, now) {
            return;
        }
    }
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
    fn moving_forward_grows_the_account_by_interest_or_makes_it_unknown() {
        let mut r = migrant(4);
        let a = &mut r.household.adults[0];
        a.employee_pension.contributing_now = Some(false);
        a.employee_pension.account_balance_fen = Some(10_000_000);
        // Not paying in, at 2.62 % a year compounded monthly: 100,000.00 × (1 + 0.0262 / 12)^12 = 102,651.69.
        let later = advance(&r, NOV_2026, 12);
        assert_eq!(later.household.adults[0].employee_pension.account_balance_fen, Some(10_265_169));
        // Before the first credited rate in the data (2022) the balance a year on is unknown, not kept.
        let later = advance(&r, YearMonth::ym(2021, 1), 12);
        assert_eq!(later.household.adults[0].employee_pension.account_balance_fen, None);
        // Not knowing whether anything is paid in: unknown; no time passing: the balance as it is.
        r.household.adults[0].employee_pension.contributing_now = None;
        let later = advance(&r, NOV_2026, 12);
        assert_eq!(later.household.adults[0].employee_pension.account_balance_fen, None);
        let now = advance(&r, NOV_2026, 0);
        assert_eq!(now.household.adults[0].employee_pension.account_balance_fen, Some(10_000_000));
        // Paying in where the benefit base (and so the monthly credit) is unknown: unknown too.
        let a = &mut r.household.adults[0];
        a.employee_pension.contributing_now = Some(true);
        a.employee_pension.average_index_bp = Some(6000);
        a.current_place = Some("henan".into());
        let later = advance(&r, NOV_2026, 12);
        assert_eq!(later.household.adults[0].employee_pension.account_balance_fen, None);
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
    fn a_comparison_shows_each_scenario_beside_the_baseline() {
        let scenarios = [
            Scenario { name: "hukou".into(), ..Scenario::now(vec![Action::MoveHukouHere]) },
            Scenario { name: "stop".into(), ..Scenario::now(vec![Action::StopContributing]) },
        ];
        let c = compare(&migrant(4), NOV_2026, &scenarios, NOV_2026 + 3);
        assert_eq!(c.columns, ["baseline", "hukou", "stop"]);
        let permit = &c.programs[0];
        assert_eq!(permit.program, ProgramId::ResidencePermit);
        assert_eq!(permit.statuses, [Status::Eligible, Status::NotApplicable, Status::Eligible]);
        assert_eq!(permit.differing, ["left_hukou_city"]);
        // Moving the hukou is what changes it; stopping contributions leaves the permit's tests as they are.
        assert_eq!(permit.changes, [vec![], vec!["left_hukou_city"], vec![]]);
    }

    /// 300 months given only as segments (Guangdong 120, Sichuan 180): paying as a flexible worker keeps them and
    /// adds to the last, 12 months on 312 in all — not a fresh count from nothing.
    #[test]
    fn paying_as_a_flexible_worker_keeps_a_record_given_as_segments() {
        let nov = YearMonth::ym(2026, 11);
        let adult = Adult {
            employee_pension: EmployeePension {
                segments: vec![
                    crate::household::Segment { place: "guangdong".into(), months: 120 },
                    crate::household::Segment { place: "sichuan".into(), months: 180 },
                ],
                ..EmployeePension::default()
            },
            ..Adult::default()
        };
        let request =
            Request { as_of: Some(nov), household: Household { adults: vec![adult], ..Household::default() } };
        let paying = apply(&request, nov, &[Action::ContributeFlexible { base_bp: 6000 }]);
        let later = advance(&paying, nov, 12);
        let e = &later.household.adults[0].employee_pension;
        assert_eq!(e.months, None);
        assert_eq!(e.segments.iter().map(|s| s.months).sum::<u32>(), 312);
    }

    /// A man born 1985-03 retires at 63 (the reform's cap for his cohort) in 2048-03: 256 months after 2026-11;
    /// a child born 2020-03 turns 20 in 2040-03, earlier. Without his sex the horizon is the 45-year cap.
    #[test]
    fn timelines_run_to_retirement_by_default() {
        let mut r = migrant(4);
        r.household
            .children
            .push(crate::household::Child { birth: Some(YearMonth::ym(2020, 3)), ..Default::default() });
        assert_eq!(default_horizon(&r, NOV_2026), NOV_2026.months_until(YearMonth::ym(2048, 3)));
        r.household.adults[0].sex = None;
        assert_eq!(default_horizon(&r, NOV_2026), MAX_TIMELINE_MONTHS);
    }

    /// 80 more months in 广东 (40 paid there, 96 in 浙江, hukou in 四川) make 10 years there: from 2033-07 the pension
    /// would be paid in 广东 instead of going back to 四川.
    #[test]
    fn the_timeline_shows_when_the_pension_becomes_payable_here() {
        let mut r = migrant(4);
        let a = &mut r.household.adults[0];
        a.hukou_place = Some("sichuan".into());
        a.employee_pension.segments = vec![
            crate::household::Segment { place: "zhejiang".into(), months: 96 },
            crate::household::Segment { place: "guangdong".into(), months: 40 },
        ];
        let events = timeline(&r, NOV_2026, None, 120);
        let receipts: Vec<&Event> = events.iter().filter(|e| matches!(e, Event::PlaceOfReceipt { .. })).collect();
        assert_eq!(
            receipts,
            [&Event::PlaceOfReceipt {
                month: YearMonth::ym(2033, 7),
                subject: "household.adults[0]",
                place: "440000".into(),
                rule: crate::message::ReceiptRule::TenYearsHere,
            }]
        );
    }

    /// Pathway 5 (G-P6 logic): a man born 1990-01 with a Beijing hukou, living there, starting as a flexible worker now pays until his
    /// statutory month 2053-01 (63), 314 months. The basic pension is C × (1 + Z) / 2 × N / 12 × 1 %, with Beijing's
    /// C = 12,049 yuan: at a 60 % base 12,049 × 0.8 × 314 / 1200 = 2,522.26 yuan; at 100 %, × 1.0 = 3,152.82 yuan,
    /// a quarter more for the same years.
    #[test]
    fn a_higher_base_raises_the_basic_pension_by_a_quarter() {
        let r = Request {
            as_of: Some(NOV_2026),
            household: Household {
                adults: vec![Adult {
                    birth: Some(YearMonth::ym(1990, 1)),
                    sex: Some(crate::household::Sex::Male),
                    current_place: Some("beijing".into()),
                    hukou_place: Some("beijing".into()),
                    employee_pension: EmployeePension {
                        months: Some(0),
                        contributing_now: Some(false),
                        ..EmployeePension::default()
                    },
                    ..Adult::default()
                }],
                ..Household::default()
            },
        };
        let basic = |base_bp: u32| {
            let s = Scenario::now(vec![Action::ContributeFlexible { base_bp }]);
            let a = crate::assess(&under(&r, NOV_2026, &s, NOV_2026), NOV_2026);
            let p = a.programs.iter().find(|p| p.program == ProgramId::EmployeePension).expect("listed");
            p.amounts.iter().find(|x| x.id == crate::report::AmountId::BasicMonthly).and_then(|x| x.fen)
        };
        // From 2026-11 to the statutory month (63, 2053-01): 314 months, N = 26.17 years (as notices print it);
        // Beijing's base 12,049: 12,049 × (1 + 0.6) / 2 × 26.17 % = 2,522.58, and × (1 + 1) / 2 = 3,153.22.
        assert_eq!(basic(6000), Some(252_258));
        assert_eq!(basic(10_000), Some(315_322));
        // Two years on at 100 %, the same estimate (the average index so far has moved to 100 %).
        let s = Scenario::now(vec![Action::ContributeFlexible { base_bp: 10_000 }]);
        let later = under(&r, NOV_2026, &s, NOV_2026 + 24);
        assert_eq!(later.household.adults[0].employee_pension.average_index_bp, Some(10_000));
        let a = crate::assess(&later, NOV_2026 + 24);
        let p = a.programs.iter().find(|p| p.program == ProgramId::EmployeePension).expect("listed");
        let fen = p.amounts.iter().find(|x| x.id == crate::report::AmountId::BasicMonthly).and_then(|x| x.fen);
        assert_eq!(fen, Some(315_322));
    }

    /// Someone with 10 years at an index of 0.6 who pays at 100 % for the 20 years to come retires at an average of
    /// (120 × 6000 + 240 × 10000) / 360 = 8667 bp.
    #[test]
    fn the_index_at_retirement_weights_past_and_coming_months() {
        let e = EmployeePension {
            months: Some(120),
            average_index_bp: Some(6000),
            current_base_bp: Some(10_000),
            contributing_now: Some(true),
            ..EmployeePension::default()
        };
        assert_eq!(crate::programs::employee_pension::index_after(&e, 240), Some(8667));
        assert_eq!(crate::programs::employee_pension::index_after(&e, 0), Some(6000));
        let unknown_past = EmployeePension { average_index_bp: None, ..e };
        assert_eq!(crate::programs::employee_pension::index_after(&unknown_past, 240), None, "never a guess");
    }

    /// "Keep contributing N months": in the 融安 example, 公租房 needs 24 months of insurance for an outside worker.
    /// Paying as a flexible worker from 2026-11 and stopping after 12 months never gets there; stopping after 24
    /// (from 2028-11 on) does, in 2028-11, and it stays met after the payments stop.
    #[test]
    fn keeping_on_for_n_months_then_stopping() {
        let plan: Plan =
            serde_json::from_str(include_str!("../../../docs/examples/plan-rongan.json")).expect("example parses");
        let r = plan.request();
        let keep = |months: i32| Scenario {
            later: vec![Step { from: NOV_2026 + months, actions: vec![Action::StopContributing] }],
            ..Scenario::now(vec![Action::ContributeFlexible { base_bp: 6000 }])
        };
        let rental_eligible = |s: &Scenario| {
            timeline(&r, NOV_2026, Some(s), 60).into_iter().find_map(|e| match e {
                Event::Status { month, program: ProgramId::PublicRental, to: Status::Eligible, .. } => Some(month),
                _ => None,
            })
        };
        assert_eq!(rental_eligible(&keep(12)), None);
        assert_eq!(rental_eligible(&keep(24)), Some(YearMonth::ym(2028, 11)));
        let after = crate::assess(&under(&r, NOV_2026, &keep(24), NOV_2026 + 40), NOV_2026 + 40);
        let rental = after.programs.iter().find(|p| p.program == ProgramId::PublicRental).expect("listed");
        assert_eq!(rental.status, Status::Eligible);
    }

    /// A plan's months lie between 100 years before the evaluation month and 45 years after it (at 2026-11:
    /// 1926-11 to 2071-11); the evaluation month itself between 2000-01 and 2100-12.
    #[test]
    fn plan_months_outside_the_supported_range_are_named_by_path() {
        use crate::household::{FieldError, Problem};
        let plan: Plan = serde_json::from_str(
            r#"{"scenarios": [{"name": "x", "from": "1926-10", "actions": [],
                "later": [{"from": "2071-12", "actions": []}, {"from": "2071-11", "actions": []}]}],
                "at": "1926-11"}"#,
        )
        .expect("parses");
        let latest = YearMonth::ym(2071, 11);
        let errors: Vec<(String, Problem)> = plan.validate(NOV_2026).into_iter().map(|e| (e.path, e.problem)).collect();
        assert_eq!(
            errors,
            [
                (
                    "scenarios[0].from".to_string(),
                    Problem::MonthOutOfRange { earliest: YearMonth::ym(1926, 11), latest }
                ),
                ("scenarios[0].later[0].from".to_string(), Problem::TooLate { latest }),
            ]
        );
        let far: Plan = serde_json::from_str(r#"{"asOf": "2180-01"}"#).expect("parses");
        assert_eq!(
            far.validate(YearMonth::ym(2180, 1)),
            [FieldError {
                path: "asOf".into(),
                problem: Problem::MonthOutOfRange { earliest: YearMonth::ym(2000, 1), latest: YearMonth::ym(2100, 12) }
            }]
        );
    }

    /// Counting Septembers without walking months: from 2026-08 to 2027-09 two (2026-09, 2027-09); from a September
    /// to the August after, none beyond it; at the last representable month, none however far one asks.
    #[test]
    fn septembers_are_counted_across_year_ends() {
        assert_eq!(crate::time::septembers_between(YearMonth::ym(2026, 8), YearMonth::ym(2027, 9)), 2);
        assert_eq!(crate::time::septembers_between(YearMonth::ym(2026, 9), YearMonth::ym(2027, 8)), 0);
        assert_eq!(crate::time::septembers_between(YearMonth::ym(2026, 9), YearMonth::ym(2026, 9)), 0);
        assert_eq!(crate::time::septembers_between(YearMonth::ym(2027, 9), YearMonth::ym(2026, 9)), 0);
        let last = YearMonth::ym(crate::time::MAX_YEAR, 12);
        let r = Request {
            household: Household {
                children: vec![crate::household::Child { xueji_years: Some(3), ..Default::default() }],
                ..Household::default()
            },
            ..Request::default()
        };
        assert_eq!(advance(&r, last, i32::MAX).household.children[0].xueji_years, Some(3));
        assert_eq!(advance(&r, YearMonth::ym(2026, 8), 13).household.children[0].xueji_years, Some(5));
    }

    #[test]
    fn a_move_opens_a_province_segment_only_when_leaving_the_insured_place_and_compares_the_hukou_by_place() {
        use crate::household::Segment;
        let moved = |hukou: &str, last: &str, to: &str| {
            let mut r = migrant(4);
            let a = &mut r.household.adults[0];
            a.hukou_place = Some(hukou.into());
            a.employee_pension.segments = vec![Segment { place: last.into(), months: 30 }];
            let s = Scenario::now(vec![Action::MoveTo { place: to.into() }]);
            let a = under(&r, NOV_2026, &s, NOV_2026).household.adults.remove(0);
            let places: Vec<String> = a.employee_pension.segments.iter().map(|s| s.place.clone()).collect();
            (places, a.hukou_elsewhere)
        };
        // Insured in Guangdong, moving to Shenzhen: the same province, no new segment; a Henan hukou is elsewhere.
        assert_eq!(moved("henan", "guangdong", "guangdong/shenzhen"), (vec!["guangdong".into()], Some(true)));
        // Insured in Shenzhen, moving to Qingyuan: a new Guangdong segment (Qingyuan is not inside Shenzhen).
        let two = vec!["guangdong/shenzhen".to_string(), "440000".to_string()];
        assert_eq!(moved("henan", "guangdong/shenzhen", "guangdong/qingyuan"), (two, Some(true)));
        // A hukou in 兰考县 moving to 开封市 is at home; a hukou given only as Henan may or may not be in Kaifeng.
        let henan = vec!["guangdong".to_string(), "410000".to_string()];
        assert_eq!(moved("henan/kaifeng/lankao", "guangdong", "henan/kaifeng"), (henan.clone(), Some(false)));
        assert_eq!(moved("henan", "guangdong", "henan/kaifeng"), (henan, None));
    }

    #[test]
    fn moving_hukou_here_makes_the_permit_unnecessary() {
        let s = Scenario { name: "hukou".into(), ..Scenario::now(vec![Action::MoveHukouHere]) };
        let r = crate::assess(&under(&migrant(4), NOV_2026, &s, NOV_2026), NOV_2026);
        assert_eq!(r.programs[0].status, Status::NotApplicable);
    }

    /// The family moves together: the second adult's permit and months start again in the new place too, so the
    /// new place's answers are never the old place's.
    #[test]
    fn moving_moves_both_adults() {
        let adult = Adult {
            current_place: Some("guangxi/liuzhou/rongan".into()),
            hukou_place: Some("henan".into()),
            months_in_place: Some(40),
            permit: Permit { held: Some(true), issued: Some(YearMonth::ym(2023, 1)), late_endorsement: None },
            ..Adult::default()
        };
        let request = Request {
            as_of: Some(NOV_2026),
            household: Household { adults: vec![adult.clone(), adult], ..Household::default() },
        };
        let moved = apply(&request, NOV_2026, &[Action::MoveTo { place: "hainan/haikou".into() }]);
        for a in &moved.household.adults {
            assert_eq!(
                (a.current_place.as_deref(), a.months_in_place, a.permit.held),
                (Some("460100"), Some(0), Some(false))
            );
        }
    }

    /// A child registered with the parent moves with them, however finely either hukou is given.
    #[test]
    fn a_child_registered_with_the_parent_moves_with_them() {
        use crate::household::Child;
        let parent = Adult {
            current_place: Some("shanxi/taiyuan/xinghualing".into()),
            hukou_place: Some("henan".into()),
            ..Adult::default()
        };
        let child = |h: &str| Child { hukou_place: Some(h.into()), ..Child::default() };
        let request = Request {
            as_of: Some(NOV_2026),
            household: Household {
                adults: vec![parent],
                children: vec![child("henan/kaifeng/lankao"), child("hunan")],
                ..Household::default()
            },
        };
        let moved = apply(&request, NOV_2026, &[Action::MoveHukouHere]);
        let places: Vec<_> = moved.household.children.iter().map(|c| c.hukou_place.as_deref()).collect();
        assert_eq!(places, [Some("shanxi/taiyuan/xinghualing"), Some("hunan")]);
    }

    /// A scenario's changes are made by the adult it names: the second adult's permit and contract are theirs, and
    /// the first adult is left as they were; an adult the household lacks means the first.
    #[test]
    fn a_scenario_is_made_by_the_adult_it_names() {
        let request = Request {
            as_of: Some(NOV_2026),
            household: Household { adults: vec![Adult::default(), Adult::default()], ..Household::default() },
        };
        let by =
            |adult| Scenario { adult, ..Scenario::now(vec![Action::GetPermit, Action::SignContract { months: 24 }]) };
        let second = under(&request, NOV_2026, &by(Some(1)), NOV_2026);
        let [a, b] = &second.household.adults[..] else { panic!("two adults") };
        assert_eq!((a.permit.held, b.permit.held), (None, Some(true)));
        assert_eq!((a.contract_months, b.contract_months), (None, Some(24)));
        let absent = under(&request, NOV_2026, &by(Some(7)), NOV_2026);
        assert_eq!(absent.household.adults[0].permit.held, Some(true));
        assert_eq!(under(&request, NOV_2026, &by(None), NOV_2026), absent);
    }

    /// In 杏花岭 (2023) a parent without a residence permit cannot enrol a child from elsewhere; moving the family's
    /// hukou to the district in 2023-02 puts the child on the local track (placed by zone) from that month on.
    #[test]
    fn a_hukou_move_switches_the_child_to_the_local_track_from_its_month() {
        use crate::household::{Child, Employment};
        let parent = Adult {
            current_place: Some("shanxi/taiyuan/xinghualing".into()),
            hukou_place: Some("henan".into()),
            permit: Permit { held: Some(false), ..Permit::default() },
            si_months_here: Some(13),
            contract_months: Some(24),
            employment: Some(Employment::Contract),
            stable_home: Some(true),
            ..Adult::default()
        };
        let child =
            Child { birth: Some(YearMonth::ym(2016, 5)), hukou_place: Some("henan".into()), ..Child::default() };
        let request = Request {
            as_of: Some(YearMonth::ym(2023, 1)),
            household: Household { adults: vec![parent], children: vec![child], ..Household::default() },
        };
        let school = |r: &Request, at: YearMonth| {
            let a = crate::assess(r, at);
            a.programs.iter().find(|p| p.program == ProgramId::SchoolEntry).map(|p| p.status)
        };
        let jan = YearMonth::ym(2023, 1);
        let move_in_february = Scenario {
            name: "hukou".into(),
            from: Some(YearMonth::ym(2023, 2)),
            ..Scenario::now(vec![Action::MoveHukouHere])
        };
        assert_eq!(school(&request, jan), Some(Status::NotEligible));
        assert_eq!(school(&under(&request, jan, &move_in_february, jan), jan), Some(Status::NotEligible));
        let april = YearMonth::ym(2023, 4);
        assert_eq!(school(&under(&request, jan, &move_in_february, april), april), Some(Status::Eligible));
    }

    /// A worker from 四川 on a contract in 深圳, 8 years (96 months) in the residents' scheme from before, 5 years in
    /// the employee scheme. Going home to farm in 2026-11: the family lives at the hukou place, the job and its
    /// insurance end, the residents' scheme is paid every year. 180 − 96 = 84 months to go: met in 2033-11
    /// (2026-11 + 84), and the 60 employee months stay as they were.
    #[test]
    fn going_home_to_farm_pays_the_residents_scheme_there_and_keeps_the_employee_months() {
        let mut r = migrant(30);
        let a = &mut r.household.adults[0];
        a.hukou_place = Some("sichuan".into());
        a.current_place = Some("guangdong/shenzhen".into());
        a.employment = Some(Employment::Contract);
        a.contract_months = Some(24);
        a.employee_pension.months = Some(60);
        a.resident_pension.months = Some(96);
        a.resident_pension.other_pension = Some(false);
        let farm = Scenario::now(vec![Action::FarmAtHome]);
        let now = under(&r, NOV_2026, &farm, NOV_2026);
        let a = &now.household.adults[0];
        // 四川 by its division code, as every move writes the place.
        assert_eq!((a.current_place.as_deref(), a.hukou_elsewhere), (Some("510000"), Some(false)));
        assert_eq!((a.contract_months, a.stable_job), (Some(0), Some(false)));
        assert_eq!(a.employment, Some(Employment::Agriculture));
        assert_eq!(a.employee_pension.contributing_now, Some(false));
        assert_eq!(a.resident_pension.contributing_now, Some(true));
        assert_eq!(now.household.provident_fund_depositing, Some(false), "a household of one");
        let years = |r: &Request, at: YearMonth| {
            let assessment = crate::assess(r, at);
            let p = assessment.programs.into_iter().find(|p| p.program == ProgramId::ResidentPension).unwrap();
            p.criteria.into_iter().find(|c| c.id == "resident_min_years").unwrap()
        };
        let c = years(&now, NOV_2026);
        assert_eq!((c.outcome, c.met_from), (Outcome::NotMet, Some(YearMonth::ym(2033, 11))));
        let before = under(&r, NOV_2026, &farm, YearMonth::ym(2033, 10));
        assert_eq!(years(&before, YearMonth::ym(2033, 10)).outcome, Outcome::NotMet);
        let then = under(&r, NOV_2026, &farm, YearMonth::ym(2033, 11));
        assert_eq!(then.household.adults[0].resident_pension.months, Some(180));
        assert_eq!(years(&then, YearMonth::ym(2033, 11)).outcome, Outcome::Met);
        assert_eq!(then.household.adults[0].employee_pension.months, Some(60));
        // Staying on the contract instead, the residents' months do not grow: only one scheme is paid.
        let stay = advance(&r, NOV_2026, 84);
        assert_eq!(stay.household.adults[0].resident_pension.months, Some(96));
    }

    /// Starting a business ends a contract and its employer's contributions; a flexible worker paying in pays on.
    /// Leaving the job stops them; with two adults, whether the housing fund is still paid by the other's employer
    /// is not known.
    #[test]
    fn a_business_licence_or_leaving_the_job_changes_the_work_of_the_adult_who_does_it() {
        let mut r = migrant(30);
        r.household.adults[0].employment = Some(Employment::Contract);
        r.household.adults[0].contract_months = Some(24);
        let business = apply(&r, NOV_2026, &[Action::StartBusiness]);
        let a = &business.household.adults[0];
        assert_eq!(a.business_licence_since, Some(NOV_2026));
        assert_eq!(
            (a.employment, a.contract_months, a.stable_job),
            (Some(Employment::SelfEmployed), Some(0), Some(true))
        );
        assert_eq!(a.employee_pension.contributing_now, Some(false));
        r.household.adults[0].employment = Some(Employment::Flexible);
        let flexible = apply(&r, NOV_2026, &[Action::StartBusiness]);
        assert_eq!(flexible.household.adults[0].employee_pension.contributing_now, Some(true));
        // The second adult leaves the job; the first, paying in, is unchanged.
        r.household.adults.push(Adult { employment: Some(Employment::Contract), ..r.household.adults[0].clone() });
        r.household.provident_fund_depositing = Some(true);
        let left = apply_by(&r, NOV_2026, 1, &[Action::LeaveJob]);
        let (first, second) = (&left.household.adults[0], &left.household.adults[1]);
        assert_eq!(first.employee_pension.contributing_now, Some(true));
        assert_eq!((second.employment, second.stable_job), (Some(Employment::Unemployed), Some(false)));
        assert_eq!(second.employee_pension.contributing_now, Some(false));
        assert_eq!(left.household.provident_fund_depositing, None);
    }

    /// Going home where the hukou place is not given cannot be followed: the plan is refused at that action.
    #[test]
    fn going_home_needs_the_hukou_place_of_the_adult_who_goes() {
        let r = migrant(30);
        let plan = Plan {
            as_of: Some(NOV_2026),
            household: r.household.clone(),
            scenarios: vec![Scenario::now(vec![Action::GetPermit, Action::MoveHome])],
            places: vec![],
            at: None,
            horizon_months: None,
        };
        let errors = plan.validate(NOV_2026);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "scenarios[0].actions[1]");
        assert_eq!(errors[0].problem, crate::household::Problem::HukouPlaceNeeded);
        let mut home = plan.clone();
        home.household.adults[0].hukou_place = Some("henan/kaifeng/lankao".into());
        assert!(home.validate(NOV_2026).is_empty());
    }
}

/// At most this many scenarios beside the baseline.
pub const MAX_SCENARIOS: usize = 4;
/// At most this many later steps in one scenario.
pub const MAX_STEPS: usize = 12;

/// A request with scenarios: what `anju compare` and `anju timeline` read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", schemars(rename = "Plan"))]
pub struct Plan {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<YearMonth>,
    #[serde(default)]
    pub household: crate::household::Household,
    /// Up to four scenarios beside the baseline ("nothing changes"), counting `places`.
    #[serde(default)]
    pub scenarios: Vec<Scenario>,
    /// Places to compare (any place id: every county answers): the family as if it moved to each now.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::household::places::list")]
    pub places: Vec<String>,
    /// The month to compare at; the evaluation month when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<YearMonth>,
    /// Months of timeline to list (at most 540); when absent, to the last statutory retirement month of the
    /// adults or the youngest child's 20th birthday, whichever is later (45 years when unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon_months: Option<u32>,
}

impl Plan {
    pub fn request(&self) -> Request {
        Request { as_of: self.as_of, household: self.household.clone() }
    }

    /// The scenarios to show: those given, then a move now to each place of `places`.
    pub fn all_scenarios(&self) -> Vec<Scenario> {
        let mut all = self.scenarios.clone();
        all.extend(place_scenarios(&self.places));
        all
    }

    /// Range checks on the household and the scenarios at evaluation month `as_of`, each with its JSON path.
    pub fn validate(&self, as_of: YearMonth) -> Vec<crate::household::FieldError> {
        use crate::household::{FieldError, Problem};
        let mut errors = self.request().validate(as_of);
        let mut push = |path: String, problem: Problem| errors.push(FieldError { path, problem });
        let latest = as_of + MAX_TIMELINE_MONTHS;
        // A month of the plan lies between 100 years before the evaluation month (such a change counts from the
        // evaluation month) and the end of the longest timeline.
        let earliest = crate::household::past_months(as_of).0;
        let mut month = |path: String, m: Option<YearMonth>| match m {
            Some(m) if m > latest => push(path, Problem::TooLate { latest }),
            Some(m) if m < earliest => push(path, Problem::MonthOutOfRange { earliest, latest }),
            _ => {}
        };
        for (i, s) in self.scenarios.iter().enumerate() {
            month(format!("scenarios[{i}].from"), s.from);
            for (k, step) in s.later.iter().enumerate() {
                month(format!("scenarios[{i}].later[{k}].from"), Some(step.from));
            }
        }
        month("at".into(), self.at);
        if self.scenarios.len() + self.places.len() > MAX_SCENARIOS {
            push("scenarios".into(), Problem::TooMany { max: MAX_SCENARIOS });
        }
        let adults = self.household.adults.len().max(1);
        // The hukou place of the adult a scenario is made by, where home is.
        let home = |s: &Scenario| {
            let by = usize::from(s.adult.unwrap_or(0));
            self.household.adults.get(by).or(self.household.adults.first()).and_then(|a| a.hukou_place.as_deref())
        };
        for (i, s) in self.scenarios.iter().enumerate() {
            if s.adult.is_some_and(|a| usize::from(a) >= adults) {
                push(format!("scenarios[{i}].adult"), Problem::OutOfRange { min: 0, max: adults as i64 - 1 });
            }
            if s.later.len() > MAX_STEPS {
                push(format!("scenarios[{i}].later"), Problem::TooMany { max: MAX_STEPS });
            }
            let all = s.actions.iter().map(|a| (String::new(), a)).chain(
                s.later
                    .iter()
                    .enumerate()
                    .flat_map(|(k, step)| step.actions.iter().map(move |a| (format!("later[{k}]."), a))),
            );
            let mut counts = std::collections::BTreeMap::<String, usize>::new();
            for (prefix, action) in all {
                let j = counts.entry(prefix.clone()).or_default();
                let at = format!("scenarios[{i}].{prefix}actions[{j}]");
                *j += 1;
                match action {
                    Action::SignContract { months } if !(1..=crate::household::MAX_MONTHS).contains(months) => {
                        push(format!("{at}.months"), Problem::OutOfRange { min: 1, max: MAX_MONTHS_I64 })
                    }
                    Action::ContributeFlexible { base_bp }
                        if !(6000..=crate::household::MAX_INDEX_BP).contains(base_bp) =>
                    {
                        push(format!("{at}.baseBp"), Problem::OutOfRange { min: 6000, max: 30_000 })
                    }
                    Action::MoveTo { place } if !crate::place::is_place_id(place) => {
                        push(format!("{at}.place"), Problem::UnknownPlace)
                    }
                    Action::MoveHome | Action::FarmAtHome if home(s).is_none() => push(at, Problem::HukouPlaceNeeded),
                    _ => {}
                }
            }
        }
        for (i, place) in self.places.iter().enumerate() {
            if !crate::place::is_place_id(place) {
                push(format!("places[{i}]"), Problem::UnknownPlace);
            }
        }
        if self.horizon_months.is_some_and(|h| h > MAX_TIMELINE_MONTHS.unsigned_abs()) {
            push("horizonMonths".into(), Problem::TooLarge { max: i64::from(MAX_TIMELINE_MONTHS) });
        }
        errors
    }
}

const MAX_MONTHS_I64: i64 = crate::household::MAX_MONTHS as i64;

/// Comparing places: the family as if it moved to each place now, named by the place id. What carries across
/// and what starts again is `Action::MoveTo`'s: employee-scheme months add up; months lived there, insurance there,
/// the permit and the children's 学籍 start from zero. Give the hukou place to see "going back", and the work city
/// is the baseline.
pub fn place_scenarios(places: &[String]) -> Vec<Scenario> {
    places
        .iter()
        .map(|place| Scenario { name: place.clone(), ..Scenario::now(vec![Action::MoveTo { place: place.clone() }]) })
        .collect()
}

/// One program across the baseline and the scenarios.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ProgramRow {
    pub program: ProgramId,
    pub subject: &'static str,
    /// Baseline first, then each scenario in order.
    pub statuses: Vec<Status>,
    pub earliest: Vec<Option<YearMonth>>,
    /// Monthly totals in fen, where the program pays one.
    pub total_monthly_fen: Vec<Option<i64>>,
    /// Criteria whose outcome is not the same in every column.
    pub differing: Vec<&'static str>,
    /// For each column, the criteria whose outcome is not the baseline's (none for the baseline itself).
    pub changes: Vec<Vec<&'static str>>,
}

/// The baseline and scenarios side by side at one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub as_of: YearMonth,
    pub at: YearMonth,
    /// "baseline", then the scenarios' names.
    pub columns: Vec<String>,
    pub programs: Vec<ProgramRow>,
}

/// Compares the baseline with up to four scenarios at month `at` (not before the evaluation month).
pub fn compare(request: &Request, as_of: YearMonth, scenarios: &[Scenario], at: YearMonth) -> Comparison {
    let at = at.max(as_of);
    let scenarios = &scenarios[..scenarios.len().min(MAX_SCENARIOS)];
    let mut results = vec![crate::assess(&advance(request, as_of, as_of.months_until(at)), at)];
    results.extend(scenarios.iter().map(|s| crate::assess(&under(request, as_of, s, at), at)));
    let baseline = &results[0];
    let programs = baseline
        .programs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let cells: Vec<Option<&crate::report::ProgramResult>> = results
                .iter()
                .map(|r| r.programs.get(i).filter(|q| q.program == p.program && q.subject == p.subject))
                .collect();
            let total = |q: &crate::report::ProgramResult| {
                q.amounts.iter().find(|a| a.id == crate::report::AmountId::TotalMonthly).and_then(|a| a.fen)
            };
            // Per column, the baseline's criteria whose outcome is not the same there (none for the baseline).
            let changes: Vec<Vec<&'static str>> = cells
                .iter()
                .map(|q| {
                    let Some(q) = q else { return vec![] };
                    let outcome = |id| q.criteria.iter().find(|d| d.id == id).map(|d| d.outcome);
                    p.criteria.iter().filter(|c| outcome(c.id) != Some(c.outcome)).map(|c| c.id).collect()
                })
                .collect();
            let differing =
                p.criteria.iter().map(|c| c.id).filter(|id| changes.iter().any(|col| col.contains(id))).collect();
            ProgramRow {
                program: p.program,
                subject: p.subject,
                statuses: cells.iter().map(|q| q.map_or(Status::Unknown, |q| q.status)).collect(),
                earliest: cells.iter().map(|q| q.and_then(|q| q.earliest)).collect(),
                total_monthly_fen: cells.iter().map(|q| q.and_then(total)).collect(),
                differing,
                changes,
            }
        })
        .collect();
    let mut columns = vec!["baseline".to_string()];
    columns.extend(scenarios.iter().map(|s| s.name.clone()));
    Comparison { as_of, at, columns, programs }
}
