//! Invariants the law implies, checked on random households (proptest):
//! - more contribution months, a higher index or base or a larger balance never lowers a pension estimate;
//! - a later evaluation month never un-meets a pure duration test (age, months lived here);
//! - an unknown fact never yields "eligible" where a criterion needs it;
//! - assessment is total (no panic) and deterministic for any request that passes validation.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use anju_rules::household::{
    Adult, EmployeePension, FemaleCategory, Household, Request, ResidentPension, Segment, Sex,
};
use anju_rules::report::{AmountId, Outcome, ProgramId, ProgramResult, Status};
use anju_rules::time::YearMonth;
use anju_rules::{assess, programs};
use proptest::prelude::*;

const PLACES: &[&str] = &["beijing", "sichuan", "guangdong/shenzhen", "shaanxi/xixian", "henan", "zhejiang"];

fn ym(range: std::ops::Range<i32>) -> impl Strategy<Value = YearMonth> {
    range.prop_map(|i| YearMonth::ym(1950, 1) + i)
}

fn place() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(proptest::sample::select(PLACES).prop_map(String::from))
}

fn adult() -> impl Strategy<Value = Adult> {
    let who = (
        proptest::option::of(ym(0..61 * 12)),
        proptest::option::of(prop_oneof![Just(Sex::Male), Just(Sex::Female)]),
        proptest::option::of(prop_oneof![
            Just(FemaleCategory::Worker50),
            Just(FemaleCategory::Cadre55),
            Just(FemaleCategory::Flexible)
        ]),
        place(),
        place(),
    );
    let here = (
        proptest::option::of(any::<bool>()),
        proptest::option::of(0u32..600),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
    );
    let pension = (
        proptest::option::of(0u32..540),
        proptest::option::of(any::<bool>()),
        proptest::option::of(0i64..100_000_000),
        proptest::option::of(0u32..30_000),
        proptest::option::of(0u32..540),
        proptest::option::of(0i64..10_000_000),
        proptest::option::of(any::<bool>()),
        proptest::collection::vec((proptest::sample::select(PLACES), 0u32..240), 0..3),
        proptest::option::of(6000u32..30_000),
    );
    (who, here, pension).prop_map(|(who, here, p)| Adult {
        birth: who.0,
        sex: who.1,
        female_category: who.2,
        hukou_place: who.3,
        current_place: who.4,
        hukou_elsewhere: here.0,
        months_in_place: here.1,
        stable_job: here.2,
        stable_home: here.3,
        continuous_study: here.4,
        employee_pension: EmployeePension {
            months: p.0,
            contributing_now: p.1,
            account_balance_fen: p.2,
            average_index_bp: p.3,
            segments: p.7.into_iter().map(|(place, months)| Segment { place: place.into(), months }).collect(),
            current_base_bp: p.8,
        },
        resident_pension: ResidentPension { months: p.4, balance_fen: p.5, other_pension: p.6, overlap_months: None },
        ..Adult::default()
    })
}

fn as_of() -> impl Strategy<Value = YearMonth> {
    ym(75 * 12..90 * 12) // 2025-01 … 2039-12
}

fn one(adult: Adult, as_of: YearMonth) -> Request {
    Request { as_of: Some(as_of), household: Household { adults: vec![adult], ..Household::default() } }
}

fn program(r: &anju_rules::report::Assessment, id: ProgramId) -> &ProgramResult {
    r.programs.iter().find(|p| p.program == id).unwrap()
}

fn total(p: &ProgramResult) -> Option<i64> {
    p.amounts.iter().find(|a| a.id == AmountId::TotalMonthly).and_then(|a| a.fen)
}

fn outcome(p: &ProgramResult, id: &str) -> Outcome {
    p.criteria.iter().find(|c| c.id == id).unwrap().outcome
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn assessment_is_total_and_deterministic(a in adult(), b in adult(), when in as_of()) {
        let request = Request { as_of: Some(when), household: Household { adults: vec![a, b], ..Household::default() } };
        prop_assume!(request.validate(when).is_empty());
        let first = format!("{:?}", assess(&request, when));
        prop_assert_eq!(first, format!("{:?}", assess(&request, when)));
    }

    #[test]
    fn more_months_a_higher_index_or_base_or_a_larger_balance_never_lower_the_pension(
        a in adult(), when in as_of(), more in 1u32..120, more_index in 1u32..5_000, more_balance in 1i64..5_000_000,
    ) {
        let before = total(program(&assess(&one(a.clone(), when), when), ProgramId::EmployeePension));
        let mut b = a.clone();
        b.employee_pension.months = a.employee_pension.months.map(|m| m + more);
        b.employee_pension.average_index_bp = a.employee_pension.average_index_bp.map(|z| (z + more_index).min(30_000));
        b.employee_pension.current_base_bp = a.employee_pension.current_base_bp.map(|z| (z + more_index).min(30_000));
        b.employee_pension.account_balance_fen = a.employee_pension.account_balance_fen.map(|x| x + more_balance);
        let after = total(program(&assess(&one(b, when), when), ProgramId::EmployeePension));
        if let (Some(x), Some(y)) = (before, after) {
            prop_assert!(y >= x, "{} then {}", x, y);
        }
        let r_before = total(program(&assess(&one(a.clone(), when), when), ProgramId::ResidentPension));
        let mut c = a.clone();
        c.resident_pension.months = a.resident_pension.months.map(|m| m + more);
        c.resident_pension.balance_fen = a.resident_pension.balance_fen.map(|x| x + more_balance);
        let r_after = total(program(&assess(&one(c, when), when), ProgramId::ResidentPension));
        if let (Some(x), Some(y)) = (r_before, r_after) {
            prop_assert!(y >= x, "{} then {}", x, y);
        }
    }

    #[test]
    fn a_later_month_never_unmeets_a_duration_test(a in adult(), when in as_of(), later in 0i32..240) {
        let mut moved = a.clone();
        // Living here k months at m means k + n months at m + n.
        moved.months_in_place = a.months_in_place.map(|k| k + later as u32);
        let now = assess(&one(a, when), when);
        let then = assess(&one(moved, when + later), when + later);
        for (id, criterion) in [
            (ProgramId::ResidencePermit, "resided_half_year"),
            (ProgramId::EmployeePension, "reached_retirement_age"),
            (ProgramId::ResidentPension, "resident_age"),
        ] {
            if outcome(program(&now, id), criterion) == Outcome::Met {
                prop_assert_eq!(outcome(program(&then, id), criterion), Outcome::Met, "{}", criterion);
            }
        }
    }

    #[test]
    fn an_unknown_fact_never_makes_a_program_eligible_where_it_is_needed(a in adult(), when in as_of()) {
        let r = assess(&one(a.clone(), when), when);
        // Whether the hukou is here is known from the adult's answer, or from the two places when the hukou is given
        // at least as finely as the place lived in.
        let inside = |p: &str, area: &str| p == area || p.starts_with(&format!("{area}/"));
        let placed = match (&a.hukou_place, &a.current_place) {
            (Some(h), Some(c)) => !(inside(c, h) && h != c),
            _ => false,
        };
        let hukou_known = (a.hukou_elsewhere.is_some() || placed).then_some(());
        let needs: [(ProgramId, &[Option<()>]); 3] = [
            (ProgramId::ResidencePermit, &[hukou_known, a.months_in_place.map(drop)]),
            (ProgramId::EmployeePension, &[a.birth.map(drop), a.sex.map(drop)]),
            (ProgramId::ResidentPension, &[a.birth.map(drop), a.resident_pension.months.map(drop), a.resident_pension.other_pension.map(drop)]),
        ];
        for (id, facts) in needs {
            if facts.iter().any(Option::is_none) {
                prop_assert_ne!(program(&r, id).status, Status::Eligible, "{:?}", id);
            }
        }
        for p in &r.programs {
            for c in &p.criteria {
                if c.outcome == Outcome::Unknown {
                    // Unknown either asks a question or says which rule or number the data lacks.
                    use anju_rules::message::Msg;
                    let data_gap = matches!(c.message, Msg::NoRuleInForce { .. } | Msg::NoLocalData { .. } | Msg::PointsSystem | Msg::OwnCountyRuralUnclear);
                    prop_assert!(!c.questions.is_empty() || data_gap, "{} is unknown but asks nothing", c.id);
                }
                for q in &c.questions {
                    prop_assert!(programs::question_fields(q.subject).contains(&q.field), "{}", q.field);
                }
            }
        }
    }
}

proptest! {
    #[test]
    fn permit_years_grow_with_time_until_a_late_endorsement_restarts_them(
        issued in ym(60 * 12..76 * 12), gap in 0i32..60, later in 0i32..120, late in proptest::option::of(0i32..60),
    ) {
        use anju_rules::household::Permit;
        use anju_rules::programs::residence_permit::continuous_permit_months;
        let as_of = issued + gap;
        let late = late.map(|l| issued + l.min(gap));
        let permit = Permit { held: Some(true), issued: Some(issued), late_endorsement: late };
        let now = continuous_permit_months(&permit, as_of).unwrap().0;
        let then = continuous_permit_months(&permit, as_of + later).unwrap().0;
        prop_assert_eq!(then, now + i64::from(later));
        prop_assert!(now <= i64::from(gap), "a late endorsement never adds years");
    }
}

/// A household in a place with housing and school rules, with a child.
fn local_household() -> impl Strategy<Value = (Household, YearMonth)> {
    let places = proptest::sample::select(
        &[
            "guangxi/liuzhou/rongan",
            "guangdong/yangjiang",
            "guangdong/qingyuan",
            "shanxi/taiyuan/xinghualing",
            "hainan/haikou",
            "beijing",
        ][..],
    );
    (
        places,
        any::<bool>(),
        proptest::option::of(0u32..60),
        proptest::option::of(0u32..60),
        proptest::option::of(ym(60 * 12..73 * 12)),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(ym(55 * 12..70 * 12)),
        proptest::option::of(0u32..7),
        ym(73 * 12..77 * 12),
    )
        .prop_map(|(place, elsewhere, si, contract, issued, owns, below, child_birth, xueji, when)| {
            use anju_rules::household::{Child, Permit};
            let adult = Adult {
                current_place: Some(place.to_string()),
                hukou_elsewhere: Some(elsewhere),
                si_months_here: si,
                contract_months: contract,
                permit: Permit { held: issued.map(|_| true), issued, late_endorsement: None },
                stable_home: Some(true),
                ..Adult::default()
            };
            let child = Child { birth: child_birth, xueji_years: xueji, zhongkao_here: Some(true), ..Child::default() };
            let household = Household {
                adults: vec![adult],
                owns_home_here: owns,
                income_below_local_line: below,
                children: vec![child],
                ..Household::default()
            };
            (household, when)
        })
}

const LOCAL_PROGRAMS: [ProgramId; 3] = [ProgramId::PublicRental, ProgramId::SchoolEntry, ProgramId::ExamEligibility];

fn statuses(h: &Household, when: YearMonth) -> Vec<(ProgramId, Status)> {
    let r = assess(&Request { as_of: Some(when), household: h.clone() }, when);
    r.programs.iter().filter(|p| LOCAL_PROGRAMS.contains(&p.program)).map(|p| (p.program, p.status)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn more_insurance_months_or_permit_years_never_turn_eligible_into_ineligible(
        (h, when) in local_household(), more_si in 0u32..36, earlier in 0i32..36,
    ) {
        let mut better = h.clone();
        let a = &mut better.adults[0];
        a.si_months_here = h.adults[0].si_months_here.map(|m| m + more_si);
        a.permit.issued = h.adults[0].permit.issued.map(|i| i + -earlier);
        for ((id, before), (_, after)) in statuses(&h, when).into_iter().zip(statuses(&better, when)) {
            if before == Status::Eligible {
                prop_assert_eq!(after, Status::Eligible, "{:?}", id);
            }
        }
    }

    #[test]
    fn moving_hukou_here_never_adds_an_outside_worker_test((h, when) in local_household()) {
        let mut local = h.clone();
        local.adults[0].hukou_elsewhere = Some(false);
        let r = assess(&Request { as_of: Some(when), household: local }, when);
        let rental = r.programs.iter().find(|p| p.program == ProgramId::PublicRental).unwrap();
        let work = rental.criteria.iter().find(|c| c.id == "outside_worker_employment").unwrap();
        prop_assert_eq!(work.outcome, Outcome::Met);
        let before = statuses(&h, when);
        let after = statuses(&Household { adults: vec![Adult { hukou_elsewhere: Some(false), ..h.adults[0].clone() }], ..h.clone() }, when);
        if before[0].1 == Status::Eligible {
            prop_assert_eq!(after[0].1, Status::Eligible);
        }
    }
}

/// Every month, assessed on its own: the events a timeline must report. (What is tested is which months the
/// timeline looks at; the comparison of two consecutive assessments is shared.)
fn brute_force_events(
    at: impl Fn(YearMonth) -> Request,
    when: YearMonth,
    horizon: i32,
) -> Vec<anju_rules::scenario::Event> {
    let mut events = Vec::new();
    let mut previous = assess(&at(when), when);
    for k in 1..=horizon {
        let m = when + k;
        let now = assess(&at(m), m);
        anju_rules::scenario::diff(m, &previous, &now, &mut events);
        previous = now;
    }
    events
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn the_timeline_matches_assessing_every_month(a in adult(), (h, when) in local_household(), horizon in 1i32..72) {
        let mut household = h;
        household.adults.push(a);
        let request = Request { as_of: Some(when), household };
        let fast = anju_rules::scenario::timeline(&request, when, None, horizon);
        let slow = brute_force_events(|m| anju_rules::scenario::advance(&request, when, when.months_until(m)), when, horizon);
        prop_assert_eq!(fast, slow);
    }

    #[test]
    fn a_scenario_timeline_matches_assessing_every_month_under_it(
        (h, when) in local_household(), horizon in 1i32..72, from in 0i32..24, pick in 0usize..8, then in 1i32..36,
    ) {
        use anju_rules::scenario::{under, Action, Scenario, Step};
        let actions = [
            vec![Action::MoveHukouHere],
            vec![Action::GetPermit],
            vec![Action::SignContract { months: 24 }],
            vec![Action::ContributeFlexible { base_bp: 6000 }, Action::RegisterRental],
            vec![Action::StopContributing],
            vec![Action::MoveTo { place: "guangdong/yangjiang".into() }, Action::GetPermit],
            vec![Action::ContributeFlexible { base_bp: 10_000 }],
            vec![Action::GetPermit, Action::SignContract { months: 12 }],
        ];
        // The last two change again later: stop contributing; move to 阳江 and get a permit there.
        let later = match pick {
            6 => vec![Step { from: when + from + then, actions: vec![Action::StopContributing] }],
            7 => vec![Step {
                from: when + from + then,
                actions: vec![Action::MoveTo { place: "guangdong/yangjiang".into() }, Action::GetPermit],
            }],
            _ => vec![],
        };
        let scenario = Scenario { name: "s".into(), from: Some(when + from), actions: actions[pick].clone(), later };
        let request = Request { as_of: Some(when), household: h };
        let fast = anju_rules::scenario::timeline(&request, when, Some(&scenario), horizon);
        let slow = brute_force_events(|m| under(&request, when, &scenario, m), when, horizon);
        prop_assert_eq!(fast, slow);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// A program "not yet" eligible is eligible at its earliest month if nothing changes, and not the month before
    /// (unless the local rules it was judged by have ended by then: then it is unknown, never a guess).
    #[test]
    fn a_not_yet_program_is_eligible_from_its_earliest_month_and_not_before(
        a in adult(), (h, when) in local_household(),
    ) {
        let mut household = h;
        household.adults.push(a);
        let request = Request { as_of: Some(when), household };
        let now = assess(&request, when);
        for p in now.programs.iter().filter(|p| p.status == Status::NotYet) {
            let earliest = p.earliest.expect("not yet has an earliest month");
            prop_assert!(earliest > when);
            let at = |m: YearMonth| assess(&anju_rules::scenario::advance(&request, when, when.months_until(m)), m);
            let status_at = |m: YearMonth| {
                at(m).programs.iter().find(|q| q.program == p.program && q.subject == p.subject).map(|q| q.status)
            };
            let then = at(earliest);
            let later = then.programs.iter().find(|q| q.program == p.program && q.subject == p.subject).unwrap();
            let rules_ended = later.criteria.iter().any(|c| matches!(c.message, anju_rules::message::Msg::NoLocalData { .. }));
            if rules_ended {
                prop_assert_eq!(later.status, Status::Unknown);
                continue;
            }
            prop_assert_eq!(later.status, Status::Eligible, "{:?} {:?}", p.program, p.subject);
            prop_assert_ne!(status_at(earliest + -1), Some(Status::Eligible), "{:?} {:?}", p.program, p.subject);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A pathway's earliest month is a month the program is eligible under its actions, and the month before is not.
    #[test]
    fn a_pathway_makes_the_program_eligible_from_its_month_and_not_before((h, when) in local_household()) {
        use anju_rules::scenario::{under, Scenario};
        let request = Request { as_of: Some(when), household: h };
        let plan = anju_rules::pathway::plan(&request, when);
        for p in &plan.programs {
            for w in &p.pathways {
                let s = Scenario::now(w.actions.clone());
                let status_at = |m: YearMonth| {
                    let r = assess(&under(&request, when, &s, m), m);
                    r.programs.iter().find(|q| q.program == p.program && q.subject == p.subject).map(|q| q.status)
                };
                prop_assert_eq!(status_at(w.earliest), Some(Status::Eligible), "{:?} {:?}", p.program, w.actions);
                if w.earliest > when {
                    prop_assert_ne!(status_at(w.earliest + -1), Some(Status::Eligible), "{:?} {:?}", p.program, w.actions);
                }
            }
        }
    }
}
