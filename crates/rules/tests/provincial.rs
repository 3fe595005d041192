//! Provincial pension numbers, typed by hand from the research log of the sources (each row: the place, a month
//! the value is in force, the number in yuan as the source writes it, the confidence tag the log gives it).
//!
//! The table is checked twice: the policy layer the engine resolves for the place gives that number in fen with
//! that tag, and an estimate for a person there reports it as the number it used. Rows marked `None` are months
//! the sources leave without a value (a year they bound, a province whose cities set their own): the answer
//! there is unknown, never the neighbouring year's number or the national minimum.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Amounts are written yuan_fen (7_322_08 is 7,322.08 yuan), so each reads as its source writes it.
#![allow(clippy::inconsistent_digit_grouping)]

use anju_rules::household::{Adult, EmployeePension, ResidentPension, Segment, Sex};
use anju_rules::policy::data::national::{employee_pension, resident_pension};
use anju_rules::policy::{resolve, Confidence, Parameter};
use anju_rules::programs;
use anju_rules::report::{AmountId, ProgramResult};
use anju_rules::time::YearMonth;
use Confidence::{C2, C3, U};

/// (place, year, month, yuan as written ×100 = fen, tag); `None` = no value that month.
type Row = (&'static str, i32, u32, Option<i64>, Option<Confidence>);

/// 计发基数, yuan/month (log §(a)).
const BENEFIT_BASES: &[Row] = &[
    ("beijing", 2024, 6, Some(11_883_00), Some(C3)),
    ("beijing", 2025, 6, Some(12_049_00), Some(C3)),
    ("tianjin", 2025, 6, Some(9_417_00), Some(C3)),
    ("hebei", 2025, 6, Some(7_410_00), Some(C3)),
    ("shanxi", 2025, 6, Some(7_253_00), Some(U)),
    ("neimenggu", 2025, 6, Some(8_179_00), Some(C3)),
    ("neimenggu", 2026, 1, Some(8_430_00), Some(C3)),
    ("liaoning", 2025, 6, Some(7_346_00), Some(C3)),
    ("liaoning/shenyang", 2025, 6, Some(8_390_00), Some(C3)),
    ("liaoning/dalian", 2025, 6, Some(8_956_00), Some(C3)),
    ("liaoning/anshan", 2025, 6, Some(7_346_00), Some(C3)),
    ("jilin", 2025, 6, Some(7_322_08), Some(C3)),
    ("jilin/changchun", 2025, 6, Some(7_978_25), Some(C3)),
    ("heilongjiang", 2025, 12, Some(7_570_00), Some(C3)),
    ("heilongjiang", 2026, 1, Some(7_705_00), Some(C3)),
    ("shanghai", 2025, 6, Some(12_434_00), Some(C3)),
    ("shanghai", 2026, 6, Some(12_577_00), Some(C3)),
    ("jiangsu", 2025, 6, Some(8_917_00), Some(C3)),
    ("zhejiang", 2025, 6, Some(8_433_00), Some(C3)),
    ("anhui", 2025, 6, Some(7_999_00), Some(C3)),
    ("fujian", 2025, 6, Some(7_932_00), Some(C2)),
    ("jiangxi", 2025, 6, Some(7_054_00), Some(C3)),
    ("shandong", 2025, 6, Some(7_831_00), Some(C3)),
    ("shandong/heze", 2025, 6, Some(7_506_00), Some(C3)),
    ("henan", 2025, 6, Some(6_738_00), Some(C3)),
    ("hubei/wuhan", 2025, 6, Some(9_112_00), Some(C3)),
    ("hubei", 2025, 6, None, None),
    ("hubei/yichang", 2025, 6, None, None),
    ("hunan", 2025, 6, Some(7_694_00), Some(C3)),
    ("guangdong", 2024, 6, Some(9_307_00), Some(C3)),
    ("guangdong", 2025, 6, Some(9_493_00), Some(C3)),
    ("guangdong/guangzhou", 2025, 12, Some(9_493_00), Some(C3)),
    ("guangdong", 2026, 1, None, None),
    ("guangdong/shenzhen", 2025, 6, Some(11_293_00), Some(C3)),
    ("guangxi", 2025, 6, Some(6_983_00), Some(C3)),
    ("hainan", 2025, 6, Some(8_188_00), Some(C3)),
    ("chongqing", 2025, 6, Some(8_240_00), Some(C3)),
    ("sichuan", 2025, 6, Some(8_462_00), Some(C3)),
    ("guizhou", 2025, 6, Some(7_324_50), Some(C3)),
    ("guizhou", 2026, 6, Some(7_376_75), Some(C3)),
    ("yunnan", 2025, 6, Some(8_265_00), Some(C3)),
    ("xizang", 2025, 6, Some(11_777_00), Some(C3)),
    ("xizang", 2026, 6, Some(11_954_00), Some(U)),
    ("shaanxi", 2025, 6, Some(7_881_00), Some(C3)),
    ("gansu", 2025, 6, Some(7_746_00), Some(C3)),
    ("qinghai", 2025, 6, Some(9_056_00), Some(C3)),
    ("ningxia", 2025, 6, Some(8_366_00), Some(C3)),
    ("xinjiang", 2025, 6, Some(8_448_00), Some(C3)),
    ("xinjiang", 2026, 6, Some(8_744_00), Some(U)),
];

/// 城乡居民基础养老金, yuan/month (log §(b)): 2025 only; 143 (the central minimum) where no province layer exists.
const BASIC_PENSIONS: &[Row] = &[
    ("beijing", 2025, 6, Some(998_00), Some(U)),
    ("tianjin", 2025, 6, Some(347_00), Some(U)),
    ("hebei", 2025, 6, Some(143_00), Some(C2)),
    ("shanxi", 2025, 6, Some(148_00), Some(U)),
    ("neimenggu", 2025, 6, Some(197_00), Some(U)),
    ("liaoning", 2025, 6, Some(174_00), Some(U)),
    ("jilin", 2025, 6, Some(145_00), Some(U)),
    ("heilongjiang", 2025, 6, Some(163_00), Some(U)),
    ("shanghai", 2025, 6, Some(1_555_00), Some(U)),
    ("jiangsu", 2025, 6, Some(246_00), Some(U)),
    ("zhejiang", 2025, 6, Some(220_00), Some(U)),
    ("anhui", 2025, 6, Some(195_00), Some(U)),
    ("fujian", 2025, 6, Some(180_00), Some(U)),
    ("jiangxi", 2025, 6, Some(143_00), Some(C2)),
    ("shandong", 2025, 6, Some(188_00), Some(U)),
    ("henan", 2025, 6, Some(148_00), Some(U)),
    ("hubei", 2025, 6, Some(143_00), Some(C2)),
    ("hunan", 2025, 6, Some(176_00), Some(U)),
    ("guangdong", 2025, 6, Some(220_00), Some(C3)),
    ("guangxi", 2025, 6, Some(143_00), Some(C2)),
    ("hainan", 2025, 6, Some(271_00), Some(U)),
    ("chongqing", 2025, 6, Some(165_00), Some(U)),
    ("sichuan", 2025, 6, Some(193_00), Some(U)),
    ("guizhou", 2025, 6, Some(148_00), Some(U)),
    ("yunnan", 2025, 6, Some(143_00), Some(C2)),
    ("xizang", 2025, 6, Some(295_00), Some(U)),
    ("shaanxi", 2025, 6, Some(143_00), Some(C2)),
    ("gansu", 2025, 6, Some(173_00), Some(U)),
    ("qinghai", 2025, 6, Some(205_00), Some(U)),
    ("ningxia", 2025, 6, Some(215_00), Some(U)),
    ("xinjiang", 2025, 6, Some(180_00), Some(U)),
    // Bounded to 2025: no 2026 provincial value was found, and the 2026 minimum (163) is above 148.
    ("shanxi", 2026, 1, None, None),
    ("shanghai", 2026, 6, None, None),
    // No layer: the 2026 central minimum.
    ("hebei", 2026, 6, Some(163_00), Some(C2)),
];

fn check_layers(rows: &[Row], national: &'static Parameter) -> usize {
    let mut checked = 0;
    for &(place, year, month, fen, tag) in rows {
        let value = resolve(Some(place), national).0.int_at(YearMonth::ym(year, month));
        let got = (value.map(|v| v.0), value.map(|v| v.1.cite.confidence));
        assert_eq!(got, (fen, tag), "{} in {place}, {year}-{month:02}", national.key);
        checked += 1;
    }
    checked
}

#[test]
fn every_province_layer_gives_the_number_typed_from_its_source() {
    assert_eq!(check_layers(BENEFIT_BASES, &employee_pension::BENEFIT_BASE), BENEFIT_BASES.len());
    assert_eq!(check_layers(BASIC_PENSIONS, &resident_pension::BASIC_PENSION), BASIC_PENSIONS.len());
    // Every province appears in each table at least once.
    for table in [BENEFIT_BASES, BASIC_PENSIONS] {
        let mut provinces: Vec<&str> = table.iter().map(|r| r.0.split('/').next().unwrap()).collect();
        provinces.sort_unstable();
        provinces.dedup();
        assert_eq!(provinces.len(), 31, "{provinces:?}");
    }
}

fn amount(r: &ProgramResult, id: AmountId) -> (Option<i64>, Vec<&'static str>) {
    let a = r.amounts.iter().find(|a| a.id == id).unwrap();
    (a.fen, a.used.iter().map(|d| d.cite.source.id).collect())
}

/// A man at 60 in `at` with 15 resident years and nothing in the account: the basic pension is the whole.
fn resident_at(place: &str) -> Adult {
    Adult {
        birth: Some(YearMonth::ym(1965, 1)),
        hukou_place: Some(place.into()),
        resident_pension: ResidentPension {
            months: Some(180),
            balance_fen: Some(0),
            other_pension: Some(false),
            ..ResidentPension::default()
        },
        ..Adult::default()
    }
}

#[test]
fn a_resident_estimate_uses_the_province_basic_pension_of_its_month() {
    let mut reached = 0;
    for &(place, year, month, fen, _) in BASIC_PENSIONS {
        let r = programs::resident_pension::evaluate(&resident_at(place), 0, YearMonth::ym(year, month));
        let (got, used) = amount(&r, AmountId::BasicMonthly);
        // A month the province's own level is not in force (its 2025 values have ended) shows the central minimum
        // as the floor it is: 163 yuan in 2026 (rules brief §2.1.6, [U]).
        let floor = if year == 2026 { Some(163_00) } else { None };
        assert_eq!(got, fen.or(floor), "resident basic pension in {place}, {year}-{month:02}");
        assert_eq!(used.is_empty(), got.is_none(), "{place}: a value is cited exactly when one is used");
        reached += 1;
    }
    assert_eq!(reached, BASIC_PENSIONS.len());
}

/// A man retired (born 1960-01) with 30 years paid in `place`, index 1.0: the basic pension is base × 30 %.
fn employee_at(place: &str) -> Adult {
    Adult {
        sex: Some(Sex::Male),
        birth: Some(YearMonth::ym(1960, 1)),
        hukou_place: Some(place.into()),
        current_place: Some(place.into()),
        employee_pension: EmployeePension {
            segments: vec![Segment { place: place.into(), months: 360 }],
            contributing_now: Some(false),
            average_index_bp: Some(10_000),
            account_balance_fen: Some(0),
            ..EmployeePension::default()
        },
        ..Adult::default()
    }
}

/// The retirement-age rules the estimate needs are in force from 2025-01, so rows of 2024 are checked on the
/// layer only.
#[test]
fn an_employee_estimate_uses_the_province_base_of_its_month() {
    let mut reached = 0;
    for &(place, year, month, fen, _) in BENEFIT_BASES.iter().filter(|r| r.1 >= 2025) {
        let r = programs::employee_pension::evaluate(&employee_at(place), 0, YearMonth::ym(year, month));
        let (got, used) = amount(&r, AmountId::BasicMonthly);
        // C × (1 + 1.0) / 2 × 30 years × 1 % = 0.3 C, rounded half-up to the fen.
        assert_eq!(got, fen.map(|c| (c * 3 + 5) / 10), "employee basic pension in {place}, {year}-{month:02}");
        assert_eq!(used.len(), if fen.is_some() { 2 } else { 1 }, "{place}: the base and the rate, or the rate alone");
        reached += 1;
    }
    assert_eq!(reached, BENEFIT_BASES.len() - 2, "all but the two rows of 2024");
}
