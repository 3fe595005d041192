//! Evaluation is total even for requests that never went through validation (the web app calls the engine
//! directly): the public entry points return, without a panic, for evaluation months at the very ends of
//! `YearMonth`'s range, for every date at those ends and for every count at its type's limit.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::mpsc;
use std::time::Duration;

use anju_rules::household::{
    Adult, Child, EmployeePension, FemaleCategory, Household, Permit, Request, ResidentPension, SchoolStage, Segment,
    Sex,
};
use anju_rules::scenario::{advance, compare, default_horizon, timeline, under, Action, Scenario, Step};
use anju_rules::time::{YearMonth, MAX_YEAR, MIN_YEAR};
use anju_rules::{assess, pathway};

const FIRST: YearMonth = YearMonth::ym(MIN_YEAR, 1);
const LAST: YearMonth = YearMonth::ym(MAX_YEAR, 12);

/// Runs `f` on its own thread and fails if it has not returned within `seconds` (a loop that cannot end would
/// otherwise hang the test run instead of failing it).
fn returns_within(seconds: u64, what: &str, f: impl FnOnce() + Send + 'static) {
    let (done, finished) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        f();
        let _ = done.send(());
    });
    match finished.recv_timeout(Duration::from_secs(seconds)) {
        Ok(()) => worker.join().expect("no panic"),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            let panic = worker.join().err().and_then(|e| e.downcast_ref::<String>().cloned()).unwrap_or_default();
            panic!("{what} panicked: {panic}");
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what} did not return within {seconds} s"),
    }
}

/// Every entry point on one request at one evaluation month, with a scenario that changes everything it can.
fn everything(request: Request, as_of: YearMonth) {
    let scenario = Scenario {
        name: "all".into(),
        from: Some(as_of),
        adult: Some(u8::MAX),
        actions: vec![
            Action::GetPermit,
            Action::SignContract { months: u32::MAX },
            Action::ContributeFlexible { base_bp: u32::MAX },
            Action::RegisterRental,
            Action::MoveHukouHere,
            Action::MoveTo { place: "guangdong/yangjiang".into() },
        ],
        later: vec![
            Step { from: FIRST, actions: vec![Action::StopContributing] },
            Step { from: LAST, actions: vec![Action::ContributeFlexible { base_bp: 0 }] },
        ],
    };
    let scenarios = [scenario.clone(), Scenario::now(vec![])];
    let a = assess(&request, as_of);
    assert_eq!(a.as_of, request.as_of.unwrap_or(as_of));
    for horizon in [i32::MIN, -1, 0, 1, default_horizon(&request, as_of), i32::MAX] {
        let _ = timeline(&request, as_of, None, horizon);
        let _ = timeline(&request, as_of, Some(&scenario), horizon);
    }
    for at in [FIRST, as_of, LAST] {
        let c = compare(&request, as_of, &scenarios, at);
        assert_eq!(c.columns.len(), 3);
        let _ = under(&request, as_of, &scenario, at);
    }
    for months in [i32::MIN, 0, i32::MAX] {
        let _ = advance(&request, as_of, months);
    }
    let _ = pathway::plan(&request, as_of);
}

/// The request of the report: a household with one adult and one child about whom nothing is known, in 2180.
#[test]
fn the_2180_timeline_returns() {
    let request: Request =
        serde_json::from_str(r#"{"asOf":"2180-01","household":{"adults":[{}],"children":[{}]}}"#).unwrap();
    let as_of = request.as_of.unwrap();
    returns_within(120, "the 2180 request", move || everything(request, as_of));
}

/// A household whose every date is `month` and whose every count is `count` (months) or `fen` (money).
fn extreme(month: YearMonth, count: u32, fen: i64) -> Request {
    let adult = |sex: Sex| Adult {
        birth: Some(month),
        sex: Some(sex),
        female_category: Some(FemaleCategory::Worker50),
        hukou_place: Some("sichuan".into()),
        current_place: Some("guangdong/shenzhen".into()),
        hukou_elsewhere: Some(true),
        months_in_place: Some(count),
        stable_job: Some(true),
        stable_home: Some(true),
        parents_home_here: Some(true),
        college: Some(true),
        continuous_study: Some(true),
        permit: Permit { held: Some(true), issued: Some(month), late_endorsement: Some(month) },
        si_months_here: Some(count),
        contract_months: Some(count),
        business_licence_since: Some(month),
        graduated: Some(month),
        employee_pension: EmployeePension {
            months: Some(count),
            segments: vec![
                Segment { place: "guangdong".into(), months: count },
                Segment { place: "sichuan".into(), months: count },
            ],
            contributing_now: Some(true),
            account_balance_fen: Some(fen),
            average_index_bp: Some(count),
            current_base_bp: Some(count),
            planned_retirement: Some(month),
            special_early: Some(sex == Sex::Male),
            first_insured: Some(month),
        },
        resident_pension: ResidentPension {
            months: Some(count),
            balance_fen: Some(fen),
            overlap_months: Some(count),
            other_pension: Some(false),
            contributing_now: Some(true),
        },
        ..Adult::default()
    };
    let child = |stage| Child {
        birth: Some(month),
        stage,
        xueji_place: Some("guangdong/shenzhen".into()),
        xueji_years: Some(count),
        hukou_place: Some("sichuan".into()),
        zhongkao_here: Some(true),
    };
    Request {
        as_of: Some(month),
        household: Household {
            adults: vec![adult(Sex::Male), adult(Sex::Female)],
            size: Some(count),
            income_per_capita_fen: Some(fen),
            assets_fen: Some(fen),
            owns_home_here: Some(false),
            floor_area_per_capita_m2: Some(count),
            provident_fund_depositing: Some(true),
            rents_home: Some(true),
            monthly_rent_fen: Some(fen),
            income_below_local_line: Some(true),
            children: vec![child(None), child(Some(SchoolStage::Junior)), child(Some(SchoolStage::Senior))],
        },
    }
}

/// The first and last representable months as the evaluation month and as every date, with counts and money at
/// zero and at their types' limits.
#[test]
fn the_ends_of_every_range_return() {
    for as_of in [FIRST, LAST] {
        for month in [FIRST, LAST] {
            for (count, fen) in [(0, 0), (u32::MAX, i64::MAX), (u32::MAX, i64::MIN)] {
                let mut request = extreme(month, count, fen);
                request.as_of = Some(as_of);
                let what = format!("as of {as_of}, dates {month}, counts {count}, money {fen}");
                returns_within(120, &what.clone(), move || everything(request, as_of));
            }
        }
    }
}
