//! Invariants the law implies, checked on random households (proptest):
//! - more contribution months, a higher index or base or a larger balance never lowers a pension estimate;
//! - a later evaluation month never un-meets a pure duration test (age, months lived here);
//! - an unknown fact never yields "eligible" where a criterion needs it;
//! - evaluation is total (no panic, and every timeline, comparison and plan returns) and deterministic for any
//!   request and plan that pass validation.
//!
//! A property tests only the cases that reach its assertion: each counts them (`Reach`) and fails when fewer than
//! half did; `--nocapture` shows the counts. Generators weight in the ends of every range (the first and last
//! evaluation months accepted, zero and the largest count, month and amount).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicUsize, Ordering};

use anju_rules::household::{
    Adult, EmployeePension, FemaleCategory, Household, Request, ResidentPension, Segment, Sex, MAX_FEN, MAX_INDEX_BP,
    MAX_MONTHS,
};
use anju_rules::report::{AmountId, Outcome, ProgramId, ProgramResult, Status};
use anju_rules::time::YearMonth;
use anju_rules::{assess, programs};
use proptest::prelude::*;

const PLACES: &[&str] = &["beijing", "sichuan", "guangdong/shenzhen", "shaanxi/xixian", "henan", "zhejiang"];

/// How many cases of one property ran and how many reached its assertion.
struct Reach {
    cases: AtomicUsize,
    reached: AtomicUsize,
}

impl Reach {
    const fn new() -> Self {
        Reach { cases: AtomicUsize::new(0), reached: AtomicUsize::new(0) }
    }

    /// A case starts.
    fn case(&self) {
        self.cases.fetch_add(1, Ordering::Relaxed);
    }

    /// The case reached the property's assertion (count once per case).
    fn reached(&self) {
        self.reached.fetch_add(1, Ordering::Relaxed);
    }

    /// After the run: at least half the cases reached the assertion.
    fn check(&self, name: &str) {
        let (cases, reached) = (self.cases.load(Ordering::Relaxed), self.reached.load(Ordering::Relaxed));
        eprintln!("{name}: {reached} of {cases} cases reached the assertion");
        assert!(cases > 0 && reached * 2 >= cases, "{name}: only {reached} of {cases} cases reached the assertion");
    }
}

/// A number in `lo..=hi`, with both ends weighted in.
fn edge_u32(lo: u32, hi: u32) -> impl Strategy<Value = u32> + Clone {
    prop_oneof![1 => Just(lo), 1 => Just(hi), 6 => lo..=hi]
}

/// An amount in `lo..=hi` fen, with both ends weighted in.
fn edge_fen(lo: i64, hi: i64) -> impl Strategy<Value = i64> + Clone {
    prop_oneof![1 => Just(lo), 1 => Just(hi), 6 => lo..=hi]
}

/// A month from `lo` to `hi`, with both ends weighted in.
fn month_between(lo: YearMonth, hi: YearMonth) -> impl Strategy<Value = YearMonth> + Clone {
    prop_oneof![1 => Just(lo), 1 => Just(hi), 6 => (0..=lo.months_until(hi).max(0)).prop_map(move |k| lo + k)]
}

fn ym(range: std::ops::Range<i32>) -> impl Strategy<Value = YearMonth> {
    range.prop_map(|i| YearMonth::ym(1950, 1) + i)
}

fn place() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(proptest::sample::select(PLACES).prop_map(String::from))
}

fn adult() -> impl Strategy<Value = Adult> {
    let who = (
        proptest::option::of(month_between(YearMonth::ym(1950, 1), YearMonth::ym(2010, 12))),
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
        proptest::option::of(edge_u32(0, MAX_MONTHS)),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
    );
    let pension = (
        proptest::option::of(edge_u32(0, MAX_MONTHS)),
        proptest::option::of(any::<bool>()),
        proptest::option::of(edge_fen(0, MAX_FEN)),
        proptest::option::of(edge_u32(0, MAX_INDEX_BP)),
        proptest::option::of(edge_u32(0, MAX_MONTHS)),
        proptest::option::of(edge_fen(0, MAX_FEN)),
        proptest::option::of(any::<bool>()),
        proptest::collection::vec((proptest::sample::select(PLACES), edge_u32(0, MAX_MONTHS)), 0..3),
        proptest::option::of(edge_u32(6000, MAX_INDEX_BP)),
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
        parents_home_here: here.5,
        continuous_study: here.4,
        employee_pension: EmployeePension {
            months: p.0,
            contributing_now: p.1,
            account_balance_fen: p.2,
            average_index_bp: p.3,
            segments: p.7.into_iter().map(|(place, months)| Segment { place: place.into(), months }).collect(),
            current_base_bp: p.8,
            ..EmployeePension::default()
        },
        resident_pension: ResidentPension {
            months: p.4,
            balance_fen: p.5,
            other_pension: p.6,
            overlap_months: None,
            contributing_now: None,
        },
        ..Adult::default()
    })
}

/// An adult whose pension records are fully known, with places whose benefit base and resident pension the data
/// has, so that both estimates exist and the pension properties compare numbers (with `adult()`, where each fact
/// is known half the time, about 1 % of cases had both).
fn known_pension() -> impl Strategy<Value = Adult> {
    const PAID: &[&str] = &["beijing", "sichuan"];
    let who = (
        month_between(YearMonth::ym(1950, 1), YearMonth::ym(2005, 12)),
        prop_oneof![Just(Sex::Male), Just(Sex::Female)],
        prop_oneof![Just(FemaleCategory::Worker50), Just(FemaleCategory::Cadre55), Just(FemaleCategory::Flexible)],
        proptest::sample::select(PAID),
        proptest::sample::select(&["beijing", "sichuan", "guangdong/shenzhen"][..]),
    );
    let employee = (
        edge_u32(0, MAX_MONTHS),
        any::<bool>(),
        edge_fen(0, MAX_FEN),
        edge_u32(0, MAX_INDEX_BP),
        proptest::collection::vec((proptest::sample::select(PAID), edge_u32(0, MAX_MONTHS)), 0..3),
        edge_u32(6000, MAX_INDEX_BP),
    );
    let resident = (edge_u32(0, MAX_MONTHS), edge_fen(0, MAX_FEN));
    (who, employee, resident).prop_map(|(who, e, r)| Adult {
        birth: Some(who.0),
        sex: Some(who.1),
        female_category: Some(who.2),
        hukou_place: Some(who.3.into()),
        current_place: Some(who.4.into()),
        employee_pension: EmployeePension {
            months: Some(e.0),
            contributing_now: Some(e.1),
            account_balance_fen: Some(e.2),
            average_index_bp: Some(e.3),
            segments: e.4.into_iter().map(|(place, months)| Segment { place: place.into(), months }).collect(),
            current_base_bp: Some(e.5),
            ..EmployeePension::default()
        },
        resident_pension: ResidentPension {
            months: Some(r.0),
            balance_fen: Some(r.1),
            overlap_months: Some(0),
            other_pension: Some(false),
            contributing_now: Some(false),
        },
        ..Adult::default()
    })
}

/// An adult from elsewhere who has lived here at least six months, half the time, so that the duration tests are
/// met often enough for "a met test stays met" to bind.
fn adult_or_settled() -> impl Strategy<Value = Adult> {
    let settled = adult().prop_map(|a| Adult {
        hukou_elsewhere: Some(true),
        months_in_place: Some(a.months_in_place.unwrap_or(6).max(6)),
        ..a
    });
    prop_oneof![adult(), settled]
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

    fn assessment_is_total_and_deterministic(a in adult(), b in adult(), when in as_of()) {
        ASSESS_TOTAL.case();
        let request = Request { as_of: Some(when), household: Household { adults: vec![a, b], ..Household::default() } };
        prop_assume!(request.validate(when).is_empty());
        let first = format!("{:?}", assess(&request, when));
        ASSESS_TOTAL.reached();
        prop_assert_eq!(first, format!("{:?}", assess(&request, when)));
    }

    fn more_months_a_higher_index_or_base_or_a_larger_balance_never_lower_the_employee_pension(
        a in known_pension(), when in as_of(), more in 1u32..120, more_index in 1u32..5_000, more_balance in 1i64..5_000_000,
    ) {
        EMPLOYEE_MORE.case();
        let before = total(program(&assess(&one(a.clone(), when), when), ProgramId::EmployeePension));
        let mut b = a.clone();
        b.employee_pension.months = a.employee_pension.months.map(|m| m + more);
        b.employee_pension.average_index_bp = a.employee_pension.average_index_bp.map(|z| (z + more_index).min(30_000));
        b.employee_pension.current_base_bp = a.employee_pension.current_base_bp.map(|z| (z + more_index).min(30_000));
        b.employee_pension.account_balance_fen = a.employee_pension.account_balance_fen.map(|x| x + more_balance);
        let after = total(program(&assess(&one(b, when), when), ProgramId::EmployeePension));
        if let (Some(x), Some(y)) = (before, after) {
            EMPLOYEE_MORE.reached();
            prop_assert!(y >= x, "{} then {}", x, y);
        }
    }

    /// Within what the rules allow (no refusal noted), a later chosen retirement month never lowers the monthly
    /// estimate: more months paid (when paying on), a larger balance and a smaller divisor. The statutory month is
    /// one of the months compared. Births from 1966, so that the retirement falls under the Measures' window.
    fn a_later_retirement_month_never_lowers_the_monthly_estimate(
        a in known_pension(), birth in month_between(YearMonth::ym(1966, 1), YearMonth::ym(2000, 12)),
        when in as_of(), first in -36i32..=36, step in 0i32..=36,
    ) {
        use anju_rules::message::Msg;
        LATER_RETIREMENT.case();
        let a = Adult { birth: Some(birth), ..a };
        let statutory = program(&assess(&one(a.clone(), when), when), ProgramId::EmployeePension)
            .criteria.iter().find(|c| c.id == "reached_retirement_age").and_then(|c| c.required).unwrap().value;
        let statutory = birth + i32::try_from(statutory).unwrap();
        let at = |offset: i32| {
            let mut b = a.clone();
            // Offset 0 is the statutory month, as if nothing were chosen.
            b.employee_pension.planned_retirement = (offset != 0).then_some(statutory + offset);
            let r = assess(&one(b, when), when);
            let p = program(&r, ProgramId::EmployeePension);
            let refused = p.notes.iter().any(|n| matches!(n, Msg::PlanRefused { .. }));
            (!refused).then(|| total(p)).flatten()
        };
        if let (Some(x), Some(y)) = (at(first), at((first + step).min(36))) {
            LATER_RETIREMENT.reached();
            prop_assert!(y >= x, "{} at {:+} then {} at {:+}", x, first, y, (first + step).min(36));
        }
    }

    /// No scenario removes months already paid, whatever its actions (starting a business, leaving the job, going
    /// home to farm included): at any month under it, each adult's known employee-scheme months (a record given only
    /// as segments included) and residents'-scheme months are at least those known now.
    fn no_scenario_removes_months_already_paid(
        a in adult(), b in adult(), when in as_of(), scenario in any_scenario(YearMonth::ym(2030, 1)), later in 0i32..240,
    ) {
        let paid = |a: &Adult| {
            let e = &a.employee_pension;
            e.months.or_else(|| (!e.segments.is_empty()).then(|| e.segments.iter().map(|s| s.months).sum()))
        };
        KEEPS_MONTHS.case();
        let request = Request { as_of: Some(when), household: Household { adults: vec![a, b], ..Household::default() } };
        let then = anju_rules::scenario::under(&request, when, &scenario, when + later);
        let mut reached = false;
        for (before, after) in request.household.adults.iter().zip(&then.household.adults) {
            if let Some(x) = paid(before) {
                reached = true;
                let y = paid(after);
                prop_assert!(y.is_some_and(|y| y >= x), "{:?} months became {:?} under {:?}", x, y, scenario);
            }
            if let Some(x) = before.resident_pension.months {
                reached = true;
                let y = after.resident_pension.months;
                prop_assert!(y.is_some_and(|y| y >= x), "{:?} resident months became {:?} under {:?}", x, y, scenario);
            }
        }
        if reached {
            KEEPS_MONTHS.reached();
        }
    }

    fn more_months_or_a_larger_balance_never_lower_the_resident_pension(
        a in known_pension(), when in as_of(), more in 1u32..120, more_balance in 1i64..5_000_000,
    ) {
        RESIDENT_MORE.case();
        let before = total(program(&assess(&one(a.clone(), when), when), ProgramId::ResidentPension));
        let mut c = a.clone();
        c.resident_pension.months = a.resident_pension.months.map(|m| m + more);
        c.resident_pension.balance_fen = a.resident_pension.balance_fen.map(|x| x + more_balance);
        let after = total(program(&assess(&one(c, when), when), ProgramId::ResidentPension));
        if let (Some(x), Some(y)) = (before, after) {
            RESIDENT_MORE.reached();
            prop_assert!(y >= x, "{} then {}", x, y);
        }
    }

    fn a_later_month_never_unmeets_a_duration_test(a in adult_or_settled(), when in as_of(), later in 0i32..240) {
        let mut moved = a.clone();
        // Living here k months at m means k + n months at m + n.
        moved.months_in_place = a.months_in_place.map(|k| k + later as u32);
        LATER_MONTH.case();
        let now = assess(&one(a, when), when);
        let then = assess(&one(moved, when + later), when + later);
        let mut reached = false;
        for (id, criterion) in [
            (ProgramId::ResidencePermit, "resided_half_year"),
            (ProgramId::EmployeePension, "reached_retirement_age"),
            (ProgramId::ResidentPension, "resident_age"),
        ] {
            if outcome(program(&now, id), criterion) == Outcome::Met {
                reached = true;
                prop_assert_eq!(outcome(program(&then, id), criterion), Outcome::Met, "{}", criterion);
            }
        }
        if reached {
            LATER_MONTH.reached();
        }
    }

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
        UNKNOWN_FACT.case();
        if needs.iter().any(|(_, facts)| facts.iter().any(Option::is_none)) {
            UNKNOWN_FACT.reached();
        }
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
                    let data_gap = matches!(c.message, Msg::NoRuleInForce { .. } | Msg::NoLocalData { .. } | Msg::LocalRulesEnded { .. } | Msg::LocalTrackNotModelled | Msg::PointsSystem | Msg::OwnCountyRuralUnclear);
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
    fn permit_years_grow_with_time_until_a_late_endorsement_restarts_them(
        issued in ym(60 * 12..76 * 12), gap in 0i32..60, later in 0i32..120, late in proptest::option::of(0i32..60),
    ) {
        use anju_rules::household::Permit;
        use anju_rules::programs::residence_permit::continuous_permit_months;
        let as_of = issued + gap;
        let late = late.map(|l| issued + l.min(gap));
        let permit = Permit { held: Some(true), issued: Some(issued), late_endorsement: late };
        PERMIT_YEARS.case();
        let now = continuous_permit_months(&permit, as_of).unwrap().0;
        let then = continuous_permit_months(&permit, as_of + later).unwrap().0;
        PERMIT_YEARS.reached();
        prop_assert_eq!(then, now + i64::from(later));
        prop_assert!(now <= i64::from(gap), "a late endorsement never adds years");
    }
}

/// Any place a request may name: places with local rules at every level, a province without them, a county the
/// data does not know, or none.
fn any_place() -> impl Strategy<Value = Option<String>> + Clone {
    const ALL: &[&str] = &[
        "beijing",
        "sichuan",
        "henan",
        "guangdong",
        "guangdong/shenzhen",
        "guangdong/yangjiang",
        "guangxi/liuzhou/rongan",
        "anhui/anqing/huaining",
        "chongqing/liangping",
        "shanxi/taiyuan/xinghualing",
        "hainan/haikou",
        "shaanxi/xixian",
        "henan/somewhere/else",
    ];
    proptest::option::of(proptest::sample::select(ALL).prop_map(String::from))
}

/// A date of the past at evaluation month `as_of`, anywhere in the 100 years validation accepts, ends included.
fn past(as_of: YearMonth) -> impl Strategy<Value = Option<YearMonth>> + Clone {
    let (earliest, latest) = anju_rules::household::past_months(as_of);
    proptest::option::of(month_between(earliest, latest))
}

/// Any of `values`, or unknown.
fn maybe<T: Clone + std::fmt::Debug + 'static>(values: &'static [T]) -> impl Strategy<Value = Option<T>> + Clone {
    proptest::option::of(proptest::sample::select(values))
}

/// A list of a few (`few`), or of exactly `most`, the largest number allowed, one time in seven.
fn few_or_most<S: Strategy + Clone>(
    s: S,
    few: std::ops::RangeInclusive<usize>,
    most: usize,
) -> impl Strategy<Value = Vec<S::Value>> + Clone
where
    S::Value: std::fmt::Debug,
{
    prop_oneof![6 => proptest::collection::vec(s.clone(), few), 1 => proptest::collection::vec(s, most..=most)]
}

/// Any adult validation accepts at evaluation month `as_of`.
fn any_adult(as_of: YearMonth) -> impl Strategy<Value = Adult> {
    use anju_rules::household::{Employment, HukouType, Permit, MAX_SEGMENTS};
    use Employment::{Agriculture, Contract, Flexible, SelfEmployed, Unemployed};
    let opt_bool = || proptest::option::of(any::<bool>());
    let months = || proptest::option::of(edge_u32(0, MAX_MONTHS));
    let fen = || proptest::option::of(edge_fen(0, MAX_FEN));
    let index = || proptest::option::of(edge_u32(0, MAX_INDEX_BP));
    let categories = &[FemaleCategory::Worker50, FemaleCategory::Cadre55, FemaleCategory::Flexible];
    let who = (
        past(as_of),
        maybe(&[Sex::Male, Sex::Female]),
        maybe(categories),
        maybe(&[HukouType::Rural, HukouType::Urban]),
        any_place(),
        any_place(),
    );
    let permit = (opt_bool(), past(as_of), past(as_of));
    let here = (opt_bool(), months(), opt_bool(), opt_bool(), opt_bool(), permit, opt_bool());
    let work = (
        months(),
        months(),
        past(as_of),
        past(as_of),
        maybe(&[Contract, Flexible, SelfEmployed, Agriculture, Unemployed]),
        opt_bool(),
    );
    let segment = (proptest::sample::select(PLACES), edge_u32(0, MAX_MONTHS));
    // A chosen retirement month anywhere the request allows: 100 years either side of the evaluation month.
    let planned = proptest::option::of(month_between(as_of + -(MAX_MONTHS as i32), as_of + MAX_MONTHS as i32));
    let employee = (
        months(),
        few_or_most(segment, 0..=3, MAX_SEGMENTS),
        opt_bool(),
        fen(),
        index(),
        index(),
        planned,
        opt_bool(),
        past(as_of),
    );
    let resident = (months(), fen(), months(), opt_bool(), opt_bool());
    (who, here, work, employee, resident).prop_map(|(who, here, work, e, r)| Adult {
        birth: who.0,
        sex: who.1,
        female_category: who.2,
        hukou_type: who.3,
        hukou_place: who.4,
        current_place: who.5,
        hukou_elsewhere: here.0,
        months_in_place: here.1,
        stable_job: here.2,
        stable_home: here.3,
        parents_home_here: here.6,
        continuous_study: here.4,
        permit: Permit { held: here.5 .0, issued: here.5 .1, late_endorsement: here.5 .2 },
        si_months_here: work.0,
        contract_months: work.1,
        business_licence_since: work.2,
        graduated: work.3,
        college: work.5,
        employment: work.4,
        employee_pension: EmployeePension {
            months: e.0,
            segments: e.1.into_iter().map(|(place, months)| Segment { place: place.into(), months }).collect(),
            contributing_now: e.2,
            account_balance_fen: e.3,
            average_index_bp: e.4,
            current_base_bp: e.5,
            planned_retirement: e.6,
            special_early: e.7,
            first_insured: e.8,
        },
        resident_pension: ResidentPension {
            months: r.0,
            balance_fen: r.1,
            overlap_months: r.2,
            other_pension: r.3,
            contributing_now: r.4,
        },
        local_numbers: Default::default(),
    })
}

/// Any child validation accepts at evaluation month `as_of`.
fn any_child(as_of: YearMonth) -> impl Strategy<Value = anju_rules::household::Child> + Clone {
    use anju_rules::household::{Child, SchoolStage::*};
    let stage = maybe(&[Preschool, Primary, Junior, Senior, Other]);
    let xueji_years = proptest::option::of(edge_u32(0, 30));
    (past(as_of), stage, any_place(), xueji_years, any_place(), proptest::option::of(any::<bool>())).prop_map(
        |(birth, stage, xueji_place, xueji_years, hukou_place, zhongkao_here)| Child {
            birth,
            stage,
            xueji_place,
            xueji_years,
            hukou_place,
            zhongkao_here,
        },
    )
}

/// Any request validation accepts, at any evaluation month it accepts (2000-01 and 2100-12 weighted in): every
/// fact unknown half the time, every number and date anywhere in its range, up to two adults and ten children.
fn any_request() -> impl Strategy<Value = Request> {
    use anju_rules::household::{EARLIEST_AS_OF, LATEST_AS_OF, MAX_CHILDREN};
    month_between(EARLIEST_AS_OF, LATEST_AS_OF).prop_flat_map(|as_of| {
        let opt_bool = || proptest::option::of(any::<bool>());
        let fen = || proptest::option::of(edge_fen(0, MAX_FEN));
        let size = proptest::option::of(edge_u32(0, 100));
        let area = proptest::option::of(edge_u32(0, 10_000));
        (
            proptest::collection::vec(any_adult(as_of), 0..=2),
            (size, fen(), fen(), opt_bool(), area),
            (opt_bool(), opt_bool(), fen(), opt_bool()),
            few_or_most(any_child(as_of), 0..=2, MAX_CHILDREN),
        )
            .prop_map(move |(adults, money, rent, children)| Request {
                as_of: Some(as_of),
                household: Household {
                    adults,
                    size: money.0,
                    income_per_capita_fen: money.1,
                    assets_fen: money.2,
                    owns_home_here: money.3,
                    floor_area_per_capita_m2: money.4,
                    provident_fund_depositing: rent.0,
                    rents_home: rent.1,
                    monthly_rent_fen: rent.2,
                    income_below_local_line: rent.3,
                    children,
                },
            })
    })
}

/// Any scenario a plan may hold at evaluation month `as_of`: any actions with their numbers anywhere in range,
/// from any month validation accepts (a month before `as_of` means `as_of`), with up to the most later steps.
fn any_scenario(as_of: YearMonth) -> impl Strategy<Value = anju_rules::scenario::Scenario> {
    use anju_rules::scenario::{Action, Scenario, Step, MAX_STEPS, MAX_TIMELINE_MONTHS};
    let action = prop_oneof![
        Just(Action::MoveHukouHere),
        Just(Action::GetPermit),
        edge_u32(1, MAX_MONTHS).prop_map(|months| Action::SignContract { months }),
        edge_u32(6000, MAX_INDEX_BP).prop_map(|base_bp| Action::ContributeFlexible { base_bp }),
        Just(Action::StopContributing),
        Just(Action::RegisterRental),
        proptest::sample::select(&["sichuan", "guangdong/yangjiang", "hainan/haikou", "guangxi/liuzhou/rongan"][..])
            .prop_map(|p| Action::MoveTo { place: p.into() }),
        Just(Action::StartBusiness),
        Just(Action::LeaveJob),
        Just(Action::PayResidentScheme),
        Just(Action::MoveHome),
        Just(Action::FarmAtHome),
    ];
    let earliest = anju_rules::household::past_months(as_of).0;
    let month = month_between(earliest, as_of + MAX_TIMELINE_MONTHS);
    let actions = proptest::collection::vec(action, 0..4);
    let step = (month.clone(), actions.clone()).prop_map(|(from, actions)| Step { from, actions });
    let adult = proptest::option::of(0u8..2);
    (proptest::option::of(month), adult, actions, few_or_most(step, 0..=2, MAX_STEPS))
        .prop_map(|(from, adult, actions, later)| Scenario { name: "s".into(), from, adult, actions, later })
}

/// A household in a place with housing and school rules, with a child.
fn local_household() -> impl Strategy<Value = (Household, YearMonth)> {
    let places = proptest::sample::select(
        &[
            "guangxi/liuzhou/rongan",
            "anhui/anqing/huaining",
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
        // Mostly a family the housing tests can say yes to, so that "eligible" is common enough to test.
        prop_oneof![3 => Just(Some(false)), 1 => Just(Some(true)), 1 => Just(None)],
        prop_oneof![3 => Just(Some(true)), 1 => Just(Some(false)), 1 => Just(None)],
        proptest::option::of(ym(55 * 12..70 * 12)),
        proptest::option::of(0u32..7),
        ym(73 * 12..77 * 12),
        edge_u32(0, 12),
        // Months in the residents' scheme.
        proptest::option::of(0u32..200),
    )
        .prop_map(
            |(place, elsewhere, si, contract, issued, owns, below, child_birth, xueji, when, lived, resident)| {
                use anju_rules::household::{Child, Permit};
                let adult = Adult {
                    current_place: Some(place.to_string()),
                    hukou_elsewhere: Some(elsewhere),
                    months_in_place: Some(lived),
                    si_months_here: si,
                    contract_months: contract,
                    // A worker with a contract, paying in: the work tests can be decided.
                    employment: contract.map(|_| anju_rules::household::Employment::Contract),
                    permit: Permit { held: issued.map(|_| true), issued, late_endorsement: None },
                    stable_home: Some(true),
                    // The parents' home is in the village (怀宁 asks): the housing test can say yes.
                    parents_home_here: Some(false),
                    resident_pension: anju_rules::household::ResidentPension { months: resident, ..Default::default() },
                    ..Adult::default()
                };
                let child =
                    Child { birth: child_birth, xueji_years: xueji, zhongkao_here: Some(true), ..Child::default() };
                let household = Household {
                    adults: vec![adult],
                    owns_home_here: owns,
                    income_below_local_line: below,
                    children: vec![child],
                    ..Household::default()
                };
                (household, when)
            },
        )
}

/// A local household that has just arrived from elsewhere: fewer than six months lived here, so that its residence
/// permit (and what hangs on it) is still to come and waiting or acting makes something eligible.
fn newcomer_household() -> impl Strategy<Value = (Household, YearMonth)> {
    local_household().prop_map(|(mut h, when)| {
        let a = &mut h.adults[0];
        a.hukou_elsewhere = Some(true);
        a.months_in_place = a.months_in_place.map(|m| m % 6);
        (h, when)
    })
}

/// Settled or newly arrived, half and half.
fn some_local_household() -> impl Strategy<Value = (Household, YearMonth)> {
    prop_oneof![local_household(), newcomer_household()]
}

const LOCAL_PROGRAMS: [ProgramId; 3] = [ProgramId::PublicRental, ProgramId::SchoolEntry, ProgramId::ExamEligibility];

fn statuses(h: &Household, when: YearMonth) -> Vec<(ProgramId, Status)> {
    let r = assess(&Request { as_of: Some(when), household: h.clone() }, when);
    r.programs.iter().filter(|p| LOCAL_PROGRAMS.contains(&p.program)).map(|p| (p.program, p.status)).collect()
}

/// The local programs' criteria and their outcomes.
fn local_criteria(h: &Household, when: YearMonth) -> Vec<(ProgramId, &'static str, Outcome)> {
    let r = assess(&Request { as_of: Some(when), household: h.clone() }, when);
    r.programs
        .iter()
        .filter(|p| LOCAL_PROGRAMS.contains(&p.program))
        .flat_map(|p| p.criteria.iter().map(move |c| (p.program, c.id, c.outcome)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    fn more_insurance_months_or_permit_years_never_turn_eligible_into_ineligible(
        (h, when) in local_household(), more_si in 0u32..36, earlier in 0i32..36,
    ) {
        let mut better = h.clone();
        let a = &mut better.adults[0];
        a.si_months_here = h.adults[0].si_months_here.map(|m| m + more_si);
        a.permit.issued = h.adults[0].permit.issued.map(|i| i + -earlier);
        MORE_INSURANCE.case();
        let pairs: Vec<_> = statuses(&h, when).into_iter().zip(statuses(&better, when)).collect();
        // Per criterion too: a test met stays met (most households are eligible for nothing, but meet some tests).
        let met_before: Vec<_> = local_criteria(&h, when).into_iter().filter(|c| c.2 == Outcome::Met).collect();
        let after = local_criteria(&better, when);
        if pairs.iter().any(|((_, before), _)| *before == Status::Eligible) || !met_before.is_empty() {
            MORE_INSURANCE.reached();
        }
        for ((id, before), (_, after)) in pairs {
            if before == Status::Eligible {
                prop_assert_eq!(after, Status::Eligible, "{:?}", id);
            }
        }
        for (program, id, _) in met_before {
            let then = after.iter().find(|c| c.0 == program && c.1 == id).map(|c| c.2);
            prop_assert_eq!(then, Some(Outcome::Met), "{:?} {}", program, id);
        }
    }

    fn moving_hukou_here_never_adds_an_outside_worker_test((h, when) in local_household()) {
        let mut local = h.clone();
        local.adults[0].hukou_elsewhere = Some(false);
        let r = assess(&Request { as_of: Some(when), household: local }, when);
        let rental = r.programs.iter().find(|p| p.program == ProgramId::PublicRental).unwrap();
        let work = rental.criteria.iter().find(|c| c.id == "outside_worker_employment").unwrap();
        HUKOU_HERE.case();
        HUKOU_HERE.reached();
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
    // (A random seed found the walk missing the cut-off month of a parent whose insurance record is only segments and
    // whose paying is unknown; the cases are kept in properties.proptest-regressions and replayed first.)
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    fn the_timeline_matches_assessing_every_month(a in adult(), (h, when) in local_household(), horizon in 1i32..72) {
        let mut household = h;
        household.adults.push(a);
        let request = Request { as_of: Some(when), household };
        TIMELINE.case();
        let fast = anju_rules::scenario::timeline(&request, when, None, horizon);
        let slow = brute_force_events(|m| anju_rules::scenario::advance(&request, when, when.months_until(m)), when, horizon);
        TIMELINE.reached();
        prop_assert_eq!(fast, slow);
    }

    fn a_scenario_timeline_matches_assessing_every_month_under_it(
        (h, when) in local_household(), horizon in 1i32..72, from in 0i32..24, pick in 0usize..13, then in 1i32..36,
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
            vec![Action::StartBusiness, Action::ContributeFlexible { base_bp: 6000 }],
            vec![Action::LeaveJob],
            vec![Action::PayResidentScheme],
            vec![Action::FarmAtHome],
            vec![Action::MoveHome, Action::GetPermit],
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
        let scenario = Scenario {
            name: "s".into(),
            from: Some(when + from),
            adult: None,
            actions: actions[pick].clone(),
            later,
        };
        let request = Request { as_of: Some(when), household: h };
        SCENARIO_TIMELINE.case();
        let fast = anju_rules::scenario::timeline(&request, when, Some(&scenario), horizon);
        let slow = brute_force_events(|m| under(&request, when, &scenario, m), when, horizon);
        SCENARIO_TIMELINE.reached();
        prop_assert_eq!(fast, slow);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// A program "not yet" eligible is eligible at its earliest month if nothing changes, and not the month before
    /// (unless the local rules it was judged by have ended by then: then it is unknown, never a guess).
    fn a_not_yet_program_is_eligible_from_its_earliest_month_and_not_before(
        a in adult(), (h, when) in some_local_household(),
    ) {
        let mut household = h;
        household.adults.push(a);
        let request = Request { as_of: Some(when), household };
        let now = assess(&request, when);
        NOT_YET.case();
        if now.programs.iter().any(|p| p.status == Status::NotYet) {
            NOT_YET.reached();
        }
        for p in now.programs.iter().filter(|p| p.status == Status::NotYet) {
            let earliest = p.earliest.expect("not yet has an earliest month");
            prop_assert!(earliest > when);
            let at = |m: YearMonth| assess(&anju_rules::scenario::advance(&request, when, when.months_until(m)), m);
            let status_at = |m: YearMonth| {
                at(m).programs.iter().find(|q| q.program == p.program && q.subject == p.subject).map(|q| q.status)
            };
            let then = at(earliest);
            let later = then.programs.iter().find(|q| q.program == p.program && q.subject == p.subject).unwrap();
            // The place's rules ended before that month (杏花岭's ran to 2023-12), or the data has no number for it.
            let rules_ended = later.criteria.iter().any(|c| {
                matches!(c.message, anju_rules::message::Msg::LocalRulesEnded { .. } | anju_rules::message::Msg::NoLocalData { .. })
            });
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
    fn a_pathway_makes_the_program_eligible_from_its_month_and_not_before((h, when) in some_local_household()) {
        use anju_rules::scenario::{under, Scenario};
        let request = Request { as_of: Some(when), household: h };
        let plan = anju_rules::pathway::plan(&request, when);
        PATHWAY.case();
        if plan.programs.iter().any(|p| !p.pathways.is_empty()) {
            PATHWAY.reached();
        }
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

/// The case that showed the property above must allow for rules that end: a family in 杏花岭区 assessed in
/// 2023-01, its child born 2018-09. The child is 6 only after the 31 August 2024 cut (义务教育法 Art. 11), so the
/// coming entry is September 2025, whose round opens 2024-09: not yet, earliest 2024-09. By then the district's
/// rules (in force 2023-01 to 2023-12) have ended, so the answer is unknown and says why, never judged by them.
#[test]
fn a_not_yet_school_entry_past_the_end_of_the_local_rules_is_unknown_and_says_so() {
    let request: Request = serde_json::from_value(serde_json::json!({
        "asOf": "2023-01",
        "household": {
            "adults": [{
                "currentPlace": "shanxi/taiyuan/xinghualing", "hukouElsewhere": true, "monthsInPlace": 0,
                "stableHome": true, "permit": {"held": true, "issued": "2010-01"}, "siMonthsHere": 12,
                "contractMonths": 1, "employment": "contract"
            }, {}],
            "ownsHomeHere": false, "incomeBelowLocalLine": true,
            "children": [{"birth": "2018-09", "zhongkaoHere": true}]
        }
    }))
    .unwrap();
    let when = YearMonth::ym(2023, 1);
    let school = |r: anju_rules::report::Assessment| {
        r.programs.into_iter().find(|p| p.program == ProgramId::SchoolEntry).unwrap()
    };
    let now = school(assess(&request, when));
    assert_eq!((now.status, now.earliest), (Status::NotYet, Some(YearMonth::ym(2024, 9))));
    let at = YearMonth::ym(2024, 9);
    let then = school(assess(&anju_rules::scenario::advance(&request, when, when.months_until(at)), at));
    assert_eq!(then.status, Status::Unknown);
    let ended: Vec<YearMonth> = then
        .criteria
        .iter()
        .filter_map(|c| match c.message {
            anju_rules::message::Msg::LocalRulesEnded { until, .. } => Some(until),
            _ => None,
        })
        .collect();
    assert_eq!(ended, [YearMonth::ym(2023, 12); 3]);
}

/// Any plan validation accepts: any request, up to four scenarios, a month to compare at and a horizon anywhere
/// in their ranges.
fn any_plan() -> impl Strategy<Value = anju_rules::scenario::Plan> {
    use anju_rules::scenario::{Plan, MAX_SCENARIOS, MAX_TIMELINE_MONTHS};
    any_request().prop_flat_map(|r| {
        let as_of = r.as_of.unwrap();
        let scenarios = proptest::collection::vec(any_scenario(as_of), 0..=MAX_SCENARIOS);
        let at = month_between(anju_rules::household::past_months(as_of).0, as_of + MAX_TIMELINE_MONTHS);
        let horizon = edge_u32(0, MAX_TIMELINE_MONTHS.unsigned_abs());
        (scenarios, proptest::option::of(at), proptest::option::of(horizon)).prop_map(
            move |(mut scenarios, at, horizon_months)| Plan {
                as_of: r.as_of,
                household: r.household.clone(),
                scenarios: {
                    // A scenario names an adult the household has, and goes home only where that adult's hukou
                    // place is given.
                    let adults = r.household.adults.len().max(1) as u8;
                    for s in &mut scenarios {
                        s.adult = s.adult.map(|a| a % adults);
                        let by = usize::from(s.adult.unwrap_or(0));
                        if r.household.adults.get(by).is_none_or(|a| a.hukou_place.is_none()) {
                            use anju_rules::scenario::Action;
                            let home = |a: &Action| matches!(a, Action::MoveHome | Action::FarmAtHome);
                            s.actions.retain(|a| !home(a));
                            s.later.iter_mut().for_each(|step| step.actions.retain(|a| !home(a)));
                        }
                    }
                    scenarios
                },
                places: vec![],
                at,
                horizon_months,
            },
        )
    })
}

/// Every answer a plan gives, as text: the assessment, the timeline of the baseline and of each scenario, the
/// comparison and the pathways.
fn everything(plan: &anju_rules::scenario::Plan, as_of: YearMonth) -> Vec<String> {
    use anju_rules::scenario::{compare, default_horizon, timeline};
    let request = plan.request();
    let horizon = plan.horizon_months.map_or_else(|| default_horizon(&request, as_of), |h| h as i32);
    let mut out = vec![format!("{:?}", assess(&request, as_of))];
    out.push(format!("{:?}", timeline(&request, as_of, None, horizon)));
    for s in &plan.scenarios {
        out.push(format!("{:?}", timeline(&request, as_of, Some(s), horizon)));
    }
    out.push(format!("{:?}", compare(&request, as_of, &plan.scenarios, plan.at.unwrap_or(as_of))));
    out.push(format!("{:?}", anju_rules::pathway::plan(&request, as_of)));
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any request and plan that pass validation give a timeline for the baseline and each scenario, a comparison
    /// and pathways, each returning, and the same each time.
    fn evaluation_is_total_and_deterministic_under_any_scenario(plan in any_plan()) {
        EVALUATION_TOTAL.case();
        let as_of = plan.as_of.unwrap();
        let errors = plan.validate(as_of);
        prop_assert!(errors.is_empty(), "the generator makes valid plans only: {:?}", errors);
        let first = everything(&plan, as_of);
        EVALUATION_TOTAL.reached();
        prop_assert_eq!(first, everything(&plan, as_of));
    }
}

static EVALUATION_TOTAL: Reach = Reach::new();
static ASSESS_TOTAL: Reach = Reach::new();
static EMPLOYEE_MORE: Reach = Reach::new();
static RESIDENT_MORE: Reach = Reach::new();
static LATER_RETIREMENT: Reach = Reach::new();
static KEEPS_MONTHS: Reach = Reach::new();
static LATER_MONTH: Reach = Reach::new();
static UNKNOWN_FACT: Reach = Reach::new();
static PERMIT_YEARS: Reach = Reach::new();
static MORE_INSURANCE: Reach = Reach::new();
static HUKOU_HERE: Reach = Reach::new();
static TIMELINE: Reach = Reach::new();
static SCENARIO_TIMELINE: Reach = Reach::new();
static NOT_YET: Reach = Reach::new();
static PATHWAY: Reach = Reach::new();

/// Each property, run, then held to reaching its assertion in at least half its cases.
mod bound {
    use super::*;

    macro_rules! bound {
        ($($property:ident: $reach:ident),* $(,)?) => {$(
            #[test]
            fn $property() {
                super::$property();
                $reach.check(stringify!($property));
            }
        )*};
    }

    bound! {
        assessment_is_total_and_deterministic: ASSESS_TOTAL,
        evaluation_is_total_and_deterministic_under_any_scenario: EVALUATION_TOTAL,
        more_months_a_higher_index_or_base_or_a_larger_balance_never_lower_the_employee_pension: EMPLOYEE_MORE,
        more_months_or_a_larger_balance_never_lower_the_resident_pension: RESIDENT_MORE,
        a_later_retirement_month_never_lowers_the_monthly_estimate: LATER_RETIREMENT,
        no_scenario_removes_months_already_paid: KEEPS_MONTHS,
        a_later_month_never_unmeets_a_duration_test: LATER_MONTH,
        an_unknown_fact_never_makes_a_program_eligible_where_it_is_needed: UNKNOWN_FACT,
        permit_years_grow_with_time_until_a_late_endorsement_restarts_them: PERMIT_YEARS,
        more_insurance_months_or_permit_years_never_turn_eligible_into_ineligible: MORE_INSURANCE,
        moving_hukou_here_never_adds_an_outside_worker_test: HUKOU_HERE,
        the_timeline_matches_assessing_every_month: TIMELINE,
        a_scenario_timeline_matches_assessing_every_month_under_it: SCENARIO_TIMELINE,
        a_not_yet_program_is_eligible_from_its_earliest_month_and_not_before: NOT_YET,
        a_pathway_makes_the_program_eligible_from_its_month_and_not_before: PATHWAY,
    }
}
