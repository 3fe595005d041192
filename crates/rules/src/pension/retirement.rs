//! Statutory retirement age under the 2025 reform (国务院关于渐进式延迟法定退休年龄的办法 Art. 1), the elastic
//! window (Art. 3) and the minimum contribution months by year (Art. 2).
//!
//! For a cohort index `i` = months from the category's first delayed birth month to the person's birth month:
//! `delay = 0` if `i < 0`, else `min(cap, i / step + 1)`; statutory age = base age + delay;
//! retirement month = birth month + statutory age. Parameters: `policy/national/employee_pension.toml`.

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

/// The statutory retirement of a person born in `birth`, under the rules in force at `as_of`.
pub fn statutory(birth: YearMonth, category: Category, as_of: YearMonth) -> Option<Statutory> {
    let p = params(category);
    let base_age = p.base_age.int_at(as_of)?.0;
    let first = YearMonth::from_index(p.first_cohort.int_at(as_of)?.0)?;
    let step = p.step.int_at(as_of)?.0;
    let (cap, rule) = p.cap.int_at(as_of)?;
    if step <= 0 {
        return None;
    }
    let i = i64::from(first.months_until(birth));
    let delay = if i < 0 { 0 } else { cap.min(i / step + 1) };
    let age_months = i32::try_from(base_age * 12 + delay).ok()?;
    Some(Statutory { delay: i32::try_from(delay).ok()?, age_months, month: birth + age_months, rule })
}

/// The longest elastic early or late retirement, in months (Art. 3).
pub fn elastic_window(as_of: YearMonth) -> Option<i32> {
    i32::try_from(data::ELASTIC_WINDOW.int_at(as_of)?.0).ok()
}

/// Minimum contribution months for someone reaching the statutory age in `year`: the row of the greatest year
/// not after it. Years before the table's first row have no value.
pub fn min_contribution_months(year: i32, as_of: YearMonth) -> Option<(i64, &'static Dated)> {
    let dated = data::MIN_CONTRIBUTION_MONTHS.at(as_of)?;
    let table = dated.value.table()?;
    let months = table.iter().take_while(|(y, _)| *y <= i64::from(year)).last()?.1;
    Some((months, dated))
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

    #[test]
    fn before_the_reform_data_there_is_no_answer() {
        assert_eq!(statutory(YearMonth::ym(1970, 1), Category::Male, YearMonth::ym(2024, 12)), None);
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
        assert_eq!(min(2010), None);
    }
}
