//! Statutory retirement age under the 2025 reform (国务院关于渐进式延迟法定退休年龄的办法 Art. 1), the elastic
//! window (Art. 3) and the minimum contribution months by year (Art. 2).
//!
//! For a cohort index `i` = months from the category's first delayed birth month to the person's birth month:
//! `delay = 0` if `i < 0`, else `min(cap, i / step + 1)`; statutory age = base age + delay;
//! retirement month = birth month + statutory age. Before the reform (assessed before 2025-01) the cap is 0: the
//! original ages (Measures Art. 3: 男六十、女五十五、女五十) with no delay and no elastic window.
//! Parameters: `policy/national/employee_pension.toml`.

use serde::{Deserialize, Serialize};

use crate::policy::data::national::employee_pension as data;
use crate::policy::{Dated, Parameter};
use crate::time::YearMonth;

/// The retirement-age category: men, and women by their original statutory age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Category {
    Male,
    /// Women whose original age was 55: cadres, management and technical posts; most calculators also put
    /// flexible and individually insured women here (local, unconfirmed).
    Female55,
    /// Women whose original age was 50: female workers (女工人).
    Female50,
}

/// A person's statutory retirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Statutory {
    /// Months of delay under the reform (0 for cohorts before it).
    pub delay: i32,
    /// Statutory age in months (e.g. 60y1m = 721).
    pub age_months: i32,
    /// The month the statutory age is reached.
    pub month: YearMonth,
    /// The dated cap value used, for "rules in force since".
    pub rule: &'static Dated,
}

struct Params {
    base_age: &'static Parameter,
    first_cohort: &'static Parameter,
    step: &'static Parameter,
    cap: &'static Parameter,
}

fn params(category: Category) -> Params {
    match category {
        Category::Male => Params {
            base_age: &data::MALE_BASE_AGE,
            first_cohort: &data::MALE_FIRST_COHORT,
            step: &data::MALE_STEP,
            cap: &data::MALE_CAP,
        },
        Category::Female55 => Params {
            base_age: &data::FEMALE55_BASE_AGE,
            first_cohort: &data::FEMALE55_FIRST_COHORT,
            step: &data::FEMALE55_STEP,
            cap: &data::FEMALE55_CAP,
        },
        Category::Female50 => Params {
            base_age: &data::FEMALE50_BASE_AGE,
            first_cohort: &data::FEMALE50_FIRST_COHORT,
            step: &data::FEMALE50_STEP,
            cap: &data::FEMALE50_CAP,
        },
    }
}

/// The statutory retirement of a person born in `birth`, assessed at `as_of`: by the rules in force when the age
/// is reached. A retirement still ahead is taken by the rules in force at that month (assessed in 2024, a man born
/// 1970 retires by the Measures, not at the original 60); one already reached, by the rules at `as_of` (the
/// Measures give earlier cohorts their original ages, so both agree). Bounded by the number of dated rules.
pub fn statutory(birth: YearMonth, category: Category, as_of: YearMonth) -> Option<Statutory> {
    let p = params(category);
    let mut at = as_of;
    for _ in 0..=p.cap.values.len() {
        let s = statutory_under(birth, &p, at)?;
        if s.month <= at || std::ptr::eq(p.cap.at(s.month)?, s.rule) {
            return Some(s);
        }
        at = s.month;
    }
    None
}

/// The statutory retirement by the rules in force at `at`.
fn statutory_under(birth: YearMonth, p: &Params, at: YearMonth) -> Option<Statutory> {
    let base_age = p.base_age.int_at(at)?.0;
    let (cap, rule) = p.cap.int_at(at)?;
    // No delay in force (before the reform): the cohort and step have no value then and are not needed.
    let delay = if cap <= 0 {
        0
    } else {
        let first = YearMonth::from_index(p.first_cohort.int_at(at)?.0)?;
        let step = p.step.int_at(at)?.0;
        if step <= 0 {
            return None;
        }
        let i = i64::from(first.months_until(birth));
        if i < 0 {
            0
        } else {
            cap.min(i / step + 1)
        }
    };
    let age_months = i32::try_from(base_age * 12 + delay).ok()?;
    Some(Statutory { delay: i32::try_from(delay).ok()?, age_months, month: birth + age_months, rule })
}

/// The months a person may choose to retire in (Art. 3), around a statutory retirement still governed by the
/// Measures: from `window` months early, but never before the original statutory age, to `window` months late.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Elastic {
    /// The longest early or late retirement, in months.
    pub months: i32,
    pub earliest: YearMonth,
    pub latest: YearMonth,
    /// The dated window used (its citation is Art. 3).
    pub rule: &'static Dated,
}

/// The elastic window of a person born in `birth` whose statutory retirement is `s`: by the rules in force at the
/// statutory month, when the choice is made. `None` where no elastic retirement is in force then (before the
/// reform).
pub fn elastic(birth: YearMonth, category: Category, s: &Statutory) -> Option<Elastic> {
    let at = s.month;
    let (window, rule) = data::ELASTIC_WINDOW.int_at(at)?;
    let window = i32::try_from(window).ok().filter(|w| *w > 0)?;
    let original = i32::try_from(params(category).base_age.int_at(at)?.0).ok()?.checked_mul(12)?;
    let earliest = (s.month + -window).max(birth + original);
    Some(Elastic { months: window, earliest, latest: s.month + window, rule })
}

/// The longest elastic early or late retirement, in months (Art. 3).
pub fn elastic_window(as_of: YearMonth) -> Option<i32> {
    i32::try_from(data::ELASTIC_WINDOW.int_at(as_of)?.0).ok()
}

/// Minimum contribution months for someone reaching the statutory age in `year`: the row of the greatest year
/// not after it, from the table in force at `as_of` or, for a year still ahead, in force that year; for a year
/// before that table starts, from the rule for retirements before 2011 (国发〔2005〕38号 Art. 6). Years before
/// both have no value.
pub fn min_contribution_months(year: i32, as_of: YearMonth) -> Option<(i64, &'static Dated)> {
    let at = as_of.max(YearMonth::ym(year, 1));
    let row = |parameter: &'static Parameter| {
        let dated = parameter.at(at)?;
        let months = dated.value.table()?.iter().take_while(|(y, _)| *y <= i64::from(year)).last()?.1;
        Some((months, dated))
    };
    row(&data::MIN_CONTRIBUTION_MONTHS).or_else(|| row(&data::MIN_CONTRIBUTION_MONTHS_BEFORE_2011))
}

#[cfg(test)]
mod tests {
    use super::*;

    const AS_OF: YearMonth = YearMonth::ym(2026, 11);

    #[test]
    fn retirement_month_is_birth_plus_statutory_age_for_every_birth_month_1950_to_2010() {
        for category in [Category::Male, Category::Female55, Category::Female50] {
            let mut previous_age = 0;
            for index in 0..(61 * 12) {
                let birth = YearMonth::ym(1950, 1) + index;
                let s = statutory(birth, category, AS_OF).expect("rules in force");
                assert_eq!(s.month, birth + s.age_months, "{category:?} {birth}");
                assert!(s.age_months >= previous_age, "a later birth never retires younger: {category:?} {birth}");
                previous_age = s.age_months;
            }
        }
    }

    #[test]
    fn the_delay_never_exceeds_the_cap_and_reaches_it() {
        let last = |c| statutory(YearMonth::ym(2010, 12), c, AS_OF).map(|s| s.age_months);
        assert_eq!(last(Category::Male), Some(63 * 12));
        assert_eq!(last(Category::Female55), Some(58 * 12));
        assert_eq!(last(Category::Female50), Some(55 * 12));
    }

    /// Assessed in mid-2024 (before the reform): a woman worker born 1970-01 reached the original 50 in 2020-01,
    /// and a man born 1964-06 reaches 60 in 2024-06, both without delay. A man born 1970-01 reaches his age after
    /// the reform, so its rules apply: cohort index 60 months from 1965-01, 60 / 4 + 1 = 16 months, 61y4m in
    /// 2031-05 (rules brief §2.1.3), as assessed today. A woman cadre born 1969-12 reaches the original 55 in
    /// 2024-12, the last month before the reform. Before 2006 there is no rule in our data.
    #[test]
    fn before_the_reform_the_original_ages_apply_without_delay() {
        let mid_2024 = YearMonth::ym(2024, 6);
        let at = |b, c| statutory(b, c, mid_2024).map(|s| (s.delay, s.age_months, s.month));
        assert_eq!(at(YearMonth::ym(1970, 1), Category::Female50), Some((0, 600, YearMonth::ym(2020, 1))));
        assert_eq!(at(YearMonth::ym(1964, 6), Category::Male), Some((0, 720, YearMonth::ym(2024, 6))));
        assert_eq!(at(YearMonth::ym(1969, 12), Category::Female55), Some((0, 660, YearMonth::ym(2024, 12))));
        assert_eq!(at(YearMonth::ym(1970, 1), Category::Male), Some((16, 736, YearMonth::ym(2031, 5))));
        let now = statutory(YearMonth::ym(1970, 1), Category::Male, AS_OF).unwrap();
        assert_eq!((now.delay, now.month), (16, YearMonth::ym(2031, 5)));
        assert_eq!(elastic_window(mid_2024), None, "no elastic retirement before the reform");
        assert_eq!(statutory(YearMonth::ym(1940, 1), Category::Male, YearMonth::ym(2005, 12)), None);
    }

    /// Art. 3: up to 36 months either side, never before the original age. A man born 1970-01 (statutory
    /// 61y4m, 2031-05) may retire from 2030-01 (60, the original age, later than 2031-05 − 36 = 2028-05) to
    /// 2034-05; one born 1980-01 (63, 2043-01) from 2040-01 to 2046-01. Before the reform: none.
    #[test]
    fn the_elastic_window_is_three_years_either_side_but_never_before_the_original_age() {
        let window = |birth, at| {
            let s = statutory(birth, Category::Male, at).unwrap();
            elastic(birth, Category::Male, &s).map(|e| (e.earliest, e.latest))
        };
        assert_eq!(window(YearMonth::ym(1970, 1), AS_OF), Some((YearMonth::ym(2030, 1), YearMonth::ym(2034, 5))));
        assert_eq!(window(YearMonth::ym(1980, 1), AS_OF), Some((YearMonth::ym(2040, 1), YearMonth::ym(2046, 1))));
        // A man who turned 60 in 2020 retired before the reform: no window, whenever assessed.
        assert_eq!(window(YearMonth::ym(1960, 1), YearMonth::ym(2024, 6)), None);
        assert_eq!(window(YearMonth::ym(1960, 1), AS_OF), None);
        // Assessed in 2024, a retirement in 2031 is under the Measures and has its window.
        assert_eq!(
            window(YearMonth::ym(1970, 1), YearMonth::ym(2024, 6)),
            Some((YearMonth::ym(2030, 1), YearMonth::ym(2034, 5)))
        );
    }

    /// 15 years before the Measures too: from 社会保险法 Art. 16 when assessed in 2024, and for retirements in
    /// 2006–2010 from 国发〔2005〕38号 Art. 6, whatever the month assessed. None for 2005.
    #[test]
    fn the_fifteen_years_before_2011_and_before_the_reform_come_from_their_own_documents() {
        let (months, dated) = min_contribution_months(2008, AS_OF).unwrap();
        assert_eq!((months, dated.cite.source.id), (180, "guofa_2005_38"));
        let (months, dated) = min_contribution_months(2024, YearMonth::ym(2024, 6)).unwrap();
        assert_eq!((months, dated.cite.source.id), (180, "social_insurance_law"));
        let (months, dated) = min_contribution_months(2009, YearMonth::ym(2024, 6)).unwrap();
        assert_eq!((months, dated.cite.source.id), (180, "guofa_2005_38"));
        assert_eq!(min_contribution_months(2005, AS_OF), None);
        // A retirement in 2035 assessed in 2024 is held to the rule in force in 2035: 18 years.
        assert_eq!(min_contribution_months(2035, YearMonth::ym(2024, 6)).map(|m| m.0), Some(216));
    }

    #[test]
    fn minimum_months_rise_six_a_year_from_2030_to_twenty_years() {
        let min = |y| min_contribution_months(y, AS_OF).map(|m| m.0);
        assert_eq!(min(2024), Some(180));
        assert_eq!(min(2029), Some(180));
        assert_eq!(min(2030), Some(186));
        assert_eq!(min(2035), Some(216));
        assert_eq!(min(2039), Some(240));
        assert_eq!(min(2060), Some(240));
        assert_eq!(min(2010), Some(180), "国发〔2005〕38号 Art. 6 before the table");
    }
}
