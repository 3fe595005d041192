//! Every adult counts, and the order they are listed in never matters: swapping the two adults of any household
//! leaves every household and child status as it was, and swaps the adults' own answers (proptest).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use anju_rules::assess;
use anju_rules::household::{Adult, Child, EmployeePension, Employment, Household, Permit, Request, SchoolStage};
use anju_rules::report::Status;
use anju_rules::time::YearMonth;
use proptest::prelude::*;

/// Places with school, exam or housing rules, a place without a layer, and the places' provinces.
const PLACES: &[&str] = &[
    "shanxi/taiyuan/xinghualing",
    "guangdong/qingyuan/liannan",
    "guangdong/qingyuan",
    "guangdong/yangjiang",
    "guangxi/liuzhou/rongan",
    "henan/zhumadian/xiping",
    "hainan/haikou",
    "shandong/taian/ningyang",
    "beijing",
    "guangdong",
    "henan",
    "hunan",
];

fn place() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(proptest::sample::select(PLACES).prop_map(String::from))
}

fn month(range: std::ops::Range<i32>) -> impl Strategy<Value = Option<YearMonth>> {
    proptest::option::of(range.prop_map(|i| YearMonth::ym(2010, 1) + i))
}

fn adult() -> impl Strategy<Value = Adult> {
    (
        (place(), place(), proptest::option::of(any::<bool>()), proptest::option::of(0u32..80)),
        (
            proptest::option::of(any::<bool>()),
            month(0..160),
            proptest::option::of(0u32..80),
            proptest::option::of(0u32..40),
        ),
        (
            month(0..160),
            proptest::option::of(prop_oneof![
                Just(Employment::Contract),
                Just(Employment::Flexible),
                Just(Employment::SelfEmployed)
            ]),
            proptest::option::of(any::<bool>()),
            proptest::option::of(any::<bool>()),
        ),
    )
        .prop_map(
            |((hukou, here, elsewhere, lived), (held, issued, si, contract), (licence, employment, paying, home))| {
                Adult {
                    hukou_place: hukou,
                    current_place: here,
                    hukou_elsewhere: elsewhere,
                    months_in_place: lived,
                    permit: Permit { held, issued, late_endorsement: None },
                    si_months_here: si,
                    contract_months: contract,
                    business_licence_since: licence,
                    employment,
                    stable_home: home,
                    employee_pension: EmployeePension { contributing_now: paying, ..EmployeePension::default() },
                    ..Adult::default()
                }
            },
        )
}

fn child() -> impl Strategy<Value = Child> {
    (
        month(0..150),
        proptest::option::of(prop_oneof![
            Just(SchoolStage::Preschool),
            Just(SchoolStage::Junior),
            Just(SchoolStage::Senior)
        ]),
        proptest::option::of(0u32..7),
        place(),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(birth, stage, xueji_years, hukou_place, zhongkao_here)| Child {
            birth,
            stage,
            xueji_years,
            hukou_place,
            zhongkao_here,
            ..Child::default()
        })
}

/// Runs the property with proptest's runner, counting the cases that reach the assertion (a household out of
/// range does not) and those whose two adults differ; fails when fewer than half reach it.
#[test]
fn swapping_the_two_adults_never_changes_a_status() {
    let config = ProptestConfig::default();
    let cases = config.cases;
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let (reached, different) = (std::cell::Cell::new(0u32), std::cell::Cell::new(0u32));
    let strategy = (
        adult(),
        adult(),
        proptest::collection::vec(child(), 1..3),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        (0i32..200).prop_map(|i| YearMonth::ym(2016, 1) + i),
    );
    let result = runner.run(&strategy, |(a, b, children, owns, below, when)| {
        let household = |first: &Adult, second: &Adult| Household {
            adults: vec![first.clone(), second.clone()],
            owns_home_here: owns,
            income_below_local_line: below,
            children: children.clone(),
            ..Household::default()
        };
        let ab = Request { as_of: Some(when), household: household(&a, &b) };
        let ba = Request { as_of: Some(when), household: household(&b, &a) };
        if !ab.validate(when).is_empty() {
            return Ok(());
        }
        reached.set(reached.get() + 1);
        different.set(different.get() + u32::from(a != b));
        prop_assert_eq!(statuses(&assess(&ab, when), false), statuses(&assess(&ba, when), true));
        Ok(())
    });
    eprintln!(
        "swap property: {} of {cases} cases reached the assertion, {} with two different adults",
        reached.get(),
        different.get()
    );
    result.unwrap();
    assert!(reached.get() * 2 >= cases, "only {} of {cases} cases reached the assertion", reached.get());
    assert!(different.get() * 2 >= reached.get(), "the adults were mostly the same");
}

/// Every program's status by program and subject, with the two adults' subjects swapped when `swap`.
fn statuses(r: &anju_rules::report::Assessment, swap: bool) -> Vec<(String, String, Status)> {
    let swapped = |subject: &'static str| match subject {
        "household.adults[0]" if swap => "household.adults[1]",
        "household.adults[1]" if swap => "household.adults[0]",
        other => other,
    };
    let mut v: Vec<(String, String, Status)> =
        r.programs.iter().map(|p| (p.program.id().to_string(), swapped(p.subject).to_string(), p.status)).collect();
    v.sort_by(|l, r| (&l.0, &l.1).cmp(&(&r.0, &r.1)));
    v
}
