//! Places are compared at the level each rule is written for (proptest):
//! - the place of pension receipt (66号 Art. 5) compares provinces, so replacing any place of a record (the hukou,
//!   any contribution segment, the current place) by a place inside it or by its province never changes the place
//!   of receipt, the clause that decided it, or the month the current province would reach ten years.
//!
//! The place tree below is the test's own (full ids, province first), so that "inside" is decided here by the
//! spelling of the ids and not by the code under test. It mixes places with policy layers and without, and two
//! municipalities, whose children are districts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicUsize, Ordering};

use anju_rules::household::{Adult, EmployeePension, Segment, Sex};
use anju_rules::message::{Msg, ReceiptRule};
use anju_rules::programs::employee_pension;
use anju_rules::report::ProgramResult;
use anju_rules::time::YearMonth;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

const TREE: &[&str] = &[
    "henan",
    "henan/kaifeng",
    "henan/kaifeng/lankao",
    "henan/zhumadian",
    "henan/zhumadian/xiping",
    "henan/zhengzhou",
    "guangdong",
    "guangdong/shenzhen",
    "guangdong/shenzhen/futian",
    "guangdong/dongguan",
    "guangdong/qingyuan/liannan",
    "sichuan",
    "sichuan/chengdu",
    "sichuan/chengdu/jintang",
    "zhejiang",
    "zhejiang/hangzhou/chunan",
    "beijing",
    "beijing/chaoyang",
    "shanghai",
    "shanghai/pudong",
];

const NOV_2026: YearMonth = YearMonth::ym(2026, 11);

/// The places strictly inside `id`, and its province when that is another place.
fn replacements(id: &str) -> Vec<&'static str> {
    let inside = format!("{id}/");
    let province = id.split('/').next().unwrap();
    TREE.iter().copied().filter(|p| p.starts_with(&inside) || (*p == province && *p != id)).collect()
}

/// A record: hukou, segments (place, months), current place, paying now; which place to replace, and with which
/// of its replacements.
type Case = (usize, Vec<(usize, u32)>, Option<usize>, bool, usize, usize);

fn case() -> impl Strategy<Value = Case> {
    let place = 0..TREE.len();
    (
        place.clone(),
        // Months around the ten-year line, so that every clause of Art. 5 is reached.
        proptest::collection::vec((place.clone(), 0u32..160), 1..5),
        proptest::option::of(place),
        any::<bool>(),
        any::<usize>(),
        any::<usize>(),
    )
}

fn adult(hukou: &str, segments: &[(&str, u32)], current: Option<&str>, paying: bool) -> Adult {
    Adult {
        birth: Some(YearMonth::ym(1975, 6)),
        sex: Some(Sex::Male),
        hukou_place: Some(hukou.into()),
        current_place: current.map(String::from),
        employee_pension: EmployeePension {
            segments: segments.iter().map(|(p, m)| Segment { place: (*p).into(), months: *m }).collect(),
            contributing_now: Some(paying),
            ..EmployeePension::default()
        },
        ..Adult::default()
    }
}

fn receipt(r: &ProgramResult) -> Option<(String, ReceiptRule)> {
    r.notes.iter().find_map(|n| match n {
        Msg::ReceiptPlace { place, rule } => Some((place.clone(), *rule)),
        _ => None,
    })
}

#[test]
fn a_place_replaced_by_one_inside_it_or_by_its_province_keeps_the_place_of_receipt() {
    let (cases, reached) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let rules: [AtomicUsize; 4] = Default::default();
    let mut runner = TestRunner::new(Config::default());
    let outcome = runner.run(&case(), |(hukou, segments, current, paying, target, pick)| {
        cases.fetch_add(1, Ordering::Relaxed);
        let mut places: Vec<&str> = vec![TREE[hukou]];
        places.extend(segments.iter().map(|(p, _)| TREE[*p]));
        places.extend(current.map(|c| TREE[c]));
        let target = target % places.len();
        let options = replacements(places[target]);
        prop_assume!(!options.is_empty());
        let mut changed = places.clone();
        changed[target] = options[pick % options.len()];

        let build = |p: &[&str]| {
            let segs: Vec<(&str, u32)> =
                p[1..=segments.len()].iter().zip(&segments).map(|(s, (_, m))| (*s, *m)).collect();
            adult(p[0], &segs, current.map(|_| p[p.len() - 1]), paying)
        };
        let before = employee_pension::evaluate(&build(&places), 0, NOV_2026);
        let after = employee_pension::evaluate(&build(&changed), 0, NOV_2026);
        let (Some(was), Some(now)) = (receipt(&before), receipt(&after)) else {
            return Err(TestCaseError::fail(format!("no place of receipt for {places:?} or {changed:?}")));
        };
        reached.fetch_add(1, Ordering::Relaxed);
        rules[was.1 as usize].fetch_add(1, Ordering::Relaxed);
        prop_assert!(!was.0.contains('/'), "the place of receipt is a province: {}", was.0);
        prop_assert_eq!(&was, &now, "{:?} → {:?}", places, changed);
        prop_assert_eq!(before.changes_at, after.changes_at, "{:?} → {:?}", places, changed);
        Ok(())
    });
    let (cases, reached) = (cases.into_inner(), reached.into_inner());
    let rules = rules.map(AtomicUsize::into_inner);
    eprintln!(
        "places: {reached} of {cases} cases reached the assertion (by clause: hukou is current {}, ten years here {}, \
         ten years earlier {}, back to hukou {})",
        rules[0], rules[1], rules[2], rules[3]
    );
    if let Err(e) = outcome {
        panic!("{e}");
    }
    assert!(reached * 2 >= cases, "only {reached} of {cases} cases reached the assertion");
    // With enough cases every clause of Art. 5 decides some of them (each does in well over 5 % of cases).
    assert!(cases < 200 || rules.iter().all(|n| *n > 0), "a clause of Art. 5 is never reached: {rules:?}");
}
