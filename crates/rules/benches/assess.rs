//! Benchmarks (criterion; reported, not asserted): one full household assessment, its JSON round trip as the CLI
//! and the JS API do it, a comparison of the baseline with four scenarios, and 45-year timelines for all five.
//! Budgets: ≤ 20 µs median for one household; ≤ 2 ms for baseline + 4 scenarios + pathways + timelines to
//! retirement (the `all:` line). `cargo xtask bench`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use anju_rules::household::Request;
use anju_rules::time::YearMonth;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

/// A two-adult migrant household with every pension fact known: the most work the engine does today.
pub const FULL: &str = r#"{"asOf": "2026-11", "household": {
  "adults": [
    {"birth": "1976-02", "sex": "male", "hukouPlace": "sichuan", "currentPlace": "guangdong/shenzhen",
     "hukouElsewhere": true, "monthsInPlace": 40, "stableJob": true, "stableHome": false, "continuousStudy": false,
     "employment": "contract",
     "employeePension": {"months": 200, "contributingNow": true, "accountBalanceFen": 6000000, "averageIndexBp": 7000,
        "segments": [{"place": "zhejiang", "months": 96}, {"place": "guangdong", "months": 104}]},
     "residentPension": {"months": 36, "balanceFen": 500000, "overlapMonths": 0, "otherPension": false}},
    {"birth": "1980-07", "sex": "female", "femaleCategory": "flexible", "hukouPlace": "shaanxi/xixian",
     "hukouElsewhere": true, "monthsInPlace": 40, "stableJob": false, "stableHome": true,
     "employeePension": {"months": 60, "contributingNow": false, "accountBalanceFen": 900000, "averageIndexBp": 6000},
     "residentPension": {"months": 120, "balanceFen": 1200000, "otherPension": false}}
  ],
  "size": 4, "incomePerCapitaFen": 250000, "ownsHomeHere": false,
  "children": [{"birth": "2018-09", "stage": "primary"}]
}}"#;

/// Four scenarios of the kinds families ask about.
const SCENARIOS: &str = r#"[
  {"name": "contract", "actions": [{"action": "signContract", "months": 24}]},
  {"name": "hukou here", "actions": [{"action": "moveHukouHere"}]},
  {"name": "flexible at 100 %", "from": "2027-03", "actions": [{"action": "contributeFlexible", "baseBp": 10000}]},
  {"name": "back home", "from": "2028-01", "actions": [{"action": "moveTo", "place": "sichuan"}]}
]"#;

fn bench(c: &mut Criterion) {
    let request: Request = serde_json::from_str(FULL).unwrap();
    let today = YearMonth::ym(2026, 11);
    c.bench_function("assess one full household", |b| b.iter(|| anju_rules::assess(black_box(&request), today)));
    let scenarios: Vec<anju_rules::scenario::Scenario> = serde_json::from_str(SCENARIOS).unwrap();
    c.bench_function("compare baseline + 4 scenarios", |b| {
        b.iter(|| anju_rules::scenario::compare(black_box(&request), today, &scenarios, today + 24))
    });
    c.bench_function("timelines of 45 years: baseline + 4 scenarios", |b| {
        b.iter(|| {
            let mut n = anju_rules::scenario::timeline(black_box(&request), today, None, 540).len();
            for s in &scenarios {
                n += anju_rules::scenario::timeline(&request, today, Some(s), 540).len();
            }
            n
        })
    });
    c.bench_function("pathways for every program not yet eligible", |b| {
        b.iter(|| anju_rules::pathway::plan(black_box(&request), today))
    });
    // The budget's whole job: what the app recomputes on every input change.
    let horizon = anju_rules::scenario::default_horizon(&request, today);
    c.bench_function("all: compare + pathways + timelines to retirement (baseline + 4 scenarios)", |b| {
        b.iter(|| {
            let compared = anju_rules::scenario::compare(black_box(&request), today, &scenarios, today);
            let plan = anju_rules::pathway::plan(&request, today);
            let mut n = anju_rules::scenario::timeline(&request, today, None, horizon).len();
            for s in &scenarios {
                n += anju_rules::scenario::timeline(&request, today, Some(s), horizon).len();
            }
            (compared, plan, n)
        })
    });
    // A family for whom pathways find something: the 融安 example of docs/scenarios.md.
    let rongan: anju_rules::scenario::Plan =
        serde_json::from_str(include_str!("../../../docs/examples/plan-rongan.json")).unwrap();
    let rongan_request = rongan.request();
    let rongan_horizon = anju_rules::scenario::default_horizon(&rongan_request, today);
    c.bench_function("all: 融安 family with pathways found", |b| {
        b.iter(|| {
            let compared = anju_rules::scenario::compare(black_box(&rongan_request), today, &rongan.scenarios, today);
            let plan = anju_rules::pathway::plan(&rongan_request, today);
            let mut n = anju_rules::scenario::timeline(&rongan_request, today, None, rongan_horizon).len();
            for s in &rongan.scenarios {
                n += anju_rules::scenario::timeline(&rongan_request, today, Some(s), rongan_horizon).len();
            }
            (compared, plan, n)
        })
    });
    // How the cost grows: with the number of scenarios (compare + timelines to retirement) and with months.
    let mut group = c.benchmark_group("growth");
    group.measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    for k in 0..=scenarios.len() {
        group.bench_function(format!("compare + timelines, {k} scenarios"), |b| {
            b.iter(|| {
                let compared = anju_rules::scenario::compare(black_box(&request), today, &scenarios[..k], today);
                let mut n = anju_rules::scenario::timeline(&request, today, None, horizon).len();
                for s in &scenarios[..k] {
                    n += anju_rules::scenario::timeline(&request, today, Some(s), horizon).len();
                }
                (compared, n)
            })
        });
    }
    for months in [60, 120, 240, 540] {
        group.bench_function(format!("baseline timeline, {months} months"), |b| {
            b.iter(|| anju_rules::scenario::timeline(black_box(&request), today, None, months))
        });
    }
    group.finish();
    c.bench_function("parse + assess + serialize one household (JSON in, JSON out)", |b| {
        b.iter(|| {
            let r: Request = serde_json::from_str(black_box(FULL)).unwrap();
            serde_json::to_string(&anju_rules::assess(&r, today)).unwrap()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
