//! Golden pension cases from the domain brief (tests/cases/pension.json), run through one `check` function.
//! The expected values are the documents' numbers, transcribed by hand; to change one, change the data and say why.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use anju_rules::pension::formula::{
    account_monthly_fen, basic_monthly_fen, divisor_tenths, flexible_contribution_fen, project_balance_fen,
};
use anju_rules::pension::retirement::{min_contribution_months, statutory, Category};
use anju_rules::policy::data::national::employee_pension as data;
use anju_rules::time::YearMonth;
use serde_json::Value;

/// "12049" or "3253.23" yuan → fen.
fn fen(yuan: &str) -> i64 {
    let (whole, frac) = yuan.split_once('.').unwrap_or((yuan, ""));
    let frac = format!("{frac:0<2}");
    assert_eq!(frac.len(), 2, "at most two decimals: {yuan}");
    whole.parse::<i64>().unwrap() * 100 + frac.parse::<i64>().unwrap()
}

/// "0.8" → 8000 bp; "2.62" (percent) is read by `percent_bp`.
fn index_bp(index: &str) -> i64 {
    let (whole, frac) = index.split_once('.').unwrap_or((index, ""));
    whole.parse::<i64>().unwrap() * 10_000 + format!("{frac:0<4}").parse::<i64>().unwrap()
}

fn percent_bp(percent: &str) -> i64 {
    index_bp(percent) / 100
}

/// "60y1m" → 721 months.
fn age_months(age: &str) -> i32 {
    let (y, m) = age.trim_end_matches('m').split_once('y').unwrap();
    y.parse::<i32>().unwrap() * 12 + if m.is_empty() { 0 } else { m.parse::<i32>().unwrap() }
}

/// "138.4" → 1384 tenths.
fn tenths(d: &str) -> i64 {
    let (whole, frac) = d.split_once('.').unwrap_or((d, "0"));
    whole.parse::<i64>().unwrap() * 10 + frac.parse::<i64>().unwrap()
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("{key} missing in {v}"))
}

fn check(case: &Value, as_of: YearMonth) {
    let id = s(case, "id");
    let expect = &case["expect"];
    match s(case, "kind") {
        "retirement" => {
            let category: Category = serde_json::from_value(case["category"].clone()).unwrap();
            let birth = YearMonth::parse(s(case, "birth")).unwrap();
            let got = statutory(birth, category, as_of).unwrap_or_else(|| panic!("{id}: no rule"));
            assert_eq!(i64::from(got.delay), expect["delay"].as_i64().unwrap(), "{id}: delay");
            assert_eq!(got.age_months, age_months(s(expect, "age")), "{id}: statutory age");
            assert_eq!(got.month.to_string(), s(expect, "month"), "{id}: retirement month");
            if let Some(min) = expect["minYears"].as_str() {
                let months = min_contribution_months(got.month.year(), as_of).unwrap().0;
                assert_eq!(months, i64::from(age_months(min)), "{id}: minimum years");
            }
            if let Some(d) = expect["divisor"].as_str() {
                assert_eq!(divisor_tenths(got.age_months, as_of).unwrap().0, tenths(d), "{id}: divisor");
            }
        }
        "divisors" => {
            for (age, d) in expect.as_object().unwrap() {
                let got = divisor_tenths(age_months(age), as_of).unwrap().0;
                assert_eq!(got, tenths(d.as_str().unwrap()), "{id}: divisor at {age}");
            }
        }
        "basic" => {
            let months = case["months"].as_i64().unwrap();
            let got = basic_monthly_fen(fen(s(case, "benefitBase")), index_bp(s(case, "index")), months, 100);
            assert_eq!(got, fen(s(case, "expect")), "{id}");
        }
        "account" => {
            let months = i32::try_from(case["months"].as_i64().unwrap()).unwrap();
            let balance = project_balance_fen(fen(s(case, "balance")), months, percent_bp(s(case, "rate")), 0);
            assert_eq!(balance, fen(s(case, "expectBalance")), "{id}: balance at retirement");
            let divisor = divisor_tenths(age_months(s(case, "age")), as_of).unwrap().0;
            assert_eq!(account_monthly_fen(balance, divisor), fen(s(case, "expect")), "{id}");
        }
        "flexible" => {
            let rate = data::FLEXIBLE_RATE.int_at(as_of).unwrap().0;
            let share = data::ACCOUNT_SHARE.int_at(as_of).unwrap().0;
            let (monthly, account) =
                flexible_contribution_fen(fen(s(case, "averageWage")), percent_bp(s(case, "basePercent")), rate, share);
            assert_eq!(monthly, fen(s(expect, "monthly")), "{id}: monthly contribution");
            if let Some(a) = expect["account"].as_str() {
                assert_eq!(account, fen(a), "{id}: credited to the account");
            }
            if let Some(y) = expect["annual"].as_str() {
                assert_eq!(monthly * 12, fen(y), "{id}: a year");
            }
        }
        "resident" => {
            let account = account_monthly_fen(fen(s(case, "balance")), 1390);
            assert_eq!(fen(s(case, "basic")) + account, fen(s(case, "expect")), "{id}");
        }
        other => panic!("{id}: unknown kind {other}"),
    }
}

#[test]
fn every_golden_pension_case_holds() {
    let data: Value = serde_json::from_str(include_str!("cases/pension.json")).unwrap();
    let as_of = YearMonth::parse(s(&data, "asOf")).unwrap();
    let cases = data["cases"].as_array().unwrap();
    assert!(cases.len() >= 20);
    for case in cases {
        check(case, as_of);
    }
}

#[test]
fn the_readers_read_the_documents_notation() {
    assert_eq!(fen("3253.23"), 325_323);
    assert_eq!(fen("12049"), 1_204_900);
    assert_eq!(fen("0.5"), 50);
    assert_eq!(index_bp("0.8"), 8_000);
    assert_eq!(percent_bp("2.62"), 262);
    assert_eq!(age_months("62y11m"), 755);
    assert_eq!(tenths("138.4"), 1384);
    assert_eq!(tenths("117"), 1170);
}
