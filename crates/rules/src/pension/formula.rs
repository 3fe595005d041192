//! Benefit formulas of the employee scheme (国发〔2005〕38号) and the resident scheme (国发〔2014〕8号),
//! in integer fen and basis points, rounded half-up to the fen once at the end of each component.
//!
//! - basic (基础养老金) = C × (1 + Z) / 2 × N × 1 % per year, C = benefit base (计发基数), Z = average contribution
//!   index, N = contribution years, months / 12 rounded half-up to 0.01 year as benefit notices print it;
//! - account (个人账户养老金) = balance ÷ divisor(age), the divisor interpolated by month between integer ages and
//!   rounded half-up to 0.1 (60y1m → 138.4);
//! - resident = local basic pension + resident account balance ÷ 139.

use crate::money::{div_round_half_up, saturating_i64, to_fen};
use crate::policy::data::national::employee_pension as data;
use crate::policy::Dated;
use crate::time::YearMonth;

/// The account divisor for a retirement age in months, in tenths of a month (60y1m → 1384), with the dated
/// table used. Ages outside the table have no divisor.
pub fn divisor_tenths(age_months: i32, as_of: YearMonth) -> Option<(i64, &'static Dated)> {
    let dated = data::ACCOUNT_DIVISOR.at(as_of)?;
    let table = dated.value.table()?;
    let (years, months) = (i64::from(age_months.div_euclid(12)), i64::from(age_months.rem_euclid(12)));
    let at = |age: i64| table.iter().find(|(a, _)| *a == age).map(|(_, d)| *d);
    let here = at(years)?;
    if months == 0 {
        return Some((here * 10, dated));
    }
    let next = at(years + 1)?;
    let twelfths = i128::from(120 * here - 10 * (here - next) * months);
    Some((i64::try_from(div_round_half_up(twelfths, 12)).ok()?, dated))
}

/// Contribution years N in hundredths of a year, as benefit notices print them: months ÷ 12 rounded half-up to
/// 0.01 year (185 months → 15.42). The notices compute with the printed N; the half-up rounding is ours [I] (no
/// source states it), and it never decides a case: no count of months falls on an exact half.
pub fn years_hundredths(contribution_months: i64) -> i64 {
    saturating_i64(div_round_half_up(i128::from(contribution_months) * 100, 12))
}

/// Basic pension per month in fen: C × (1 + Z) / 2 × N × rate, with N rounded to 0.01 year first
/// ([`years_hundredths`]).
pub fn basic_monthly_fen(benefit_base_fen: i64, index_bp: i64, contribution_months: i64, rate_bp: i64) -> i64 {
    let numerator = i128::from(benefit_base_fen)
        * i128::from(10_000 + index_bp)
        * i128::from(years_hundredths(contribution_months))
        * i128::from(rate_bp);
    to_fen(div_round_half_up(numerator, 2 * 10_000 * 100 * 10_000))
}

/// Account pension per month in fen: balance ÷ divisor (given in tenths of a month).
pub fn account_monthly_fen(balance_fen: i64, divisor_tenths: i64) -> i64 {
    to_fen(div_round_half_up(i128::from(balance_fen) * 10, i128::from(divisor_tenths)))
}

/// A flexible worker's monthly contribution and the part credited to the personal account, in fen, for a base of
/// `base_bp` (6000 = 60 %) of the average wage: base × rate (20 %) and base × account share (8 %).
pub fn flexible_contribution_fen(average_wage_fen: i64, base_bp: i64, rate_bp: i64, account_bp: i64) -> (i64, i64) {
    let base = i128::from(average_wage_fen) * i128::from(base_bp);
    let monthly = to_fen(div_round_half_up(base * i128::from(rate_bp), 100_000_000));
    let account = to_fen(div_round_half_up(base * i128::from(account_bp), 100_000_000));
    (monthly, account)
}

/// The most months a balance is projected over: every month from 1900-01 to 2200-12, the whole calendar the
/// engine knows (a projection is never longer than the months between two of them).
pub const MAX_PROJECTION_MONTHS: i32 = (crate::time::MAX_YEAR - crate::time::MIN_YEAR + 1) * 12;

/// The account balance after `months` (at most `MAX_PROJECTION_MONTHS`) of monthly compounding at `rate_bp` a year
/// (rate / 12 a month), with `monthly_add_fen` credited at the end of each month. Computed in units of 10⁻⁹ fen,
/// rounded half-up at the end; a balance beyond what i128 holds stays at its limit instead of overflowing.
pub fn project_balance_fen(balance_fen: i64, months: i32, rate_bp: i64, monthly_add_fen: i64) -> i64 {
    const SCALE: i128 = 1_000_000_000;
    let mut b = i128::from(balance_fen) * SCALE;
    let (rate, add) = (i128::from(rate_bp), i128::from(monthly_add_fen) * SCALE);
    for _ in 0..months.clamp(0, MAX_PROJECTION_MONTHS) {
        // The same arithmetic in i64 when it cannot overflow (it is several times faster than i128 division).
        let interest = match (i64::try_from(b), i64::try_from(rate)) {
            (Ok(b64), Ok(r64)) if b64.unsigned_abs() < (1 << 62) / (r64.unsigned_abs() + 1) => {
                i128::from(b64 * r64 / 120_000)
            }
            _ => b.saturating_mul(rate) / 120_000,
        };
        b = b.saturating_add(interest.saturating_add(add));
    }
    to_fen(div_round_half_up(b, SCALE))
}

#[cfg(test)]
mod tests {
    use super::*;

    const AS_OF: YearMonth = YearMonth::ym(2026, 11);

    #[test]
    fn years_are_counted_to_two_decimals_as_notices_print_them() {
        // 185 / 12 = 15.4166…, 187 / 12 = 15.5833…, 181 / 12 = 15.0833…, 360 / 12 = 30.
        assert_eq!(years_hundredths(185), 1542);
        assert_eq!(years_hundredths(187), 1558);
        assert_eq!(years_hundredths(181), 1508);
        assert_eq!(years_hundredths(360), 3000);
        assert_eq!(years_hundredths(0), 0);
        // A month is 0.08333… year: no count of months ends in an exact half of a hundredth, so half-up and
        // half-even rounding give the same N (the rule tagged [I] never decides a case).
        assert!((0..=12 * 60).all(|m| (m * 100) % 12 != 6));
    }

    fn divisor(years: i32, months: i32) -> Option<i64> {
        divisor_tenths(years * 12 + months, AS_OF).map(|d| d.0)
    }

    #[test]
    fn integer_ages_read_the_table() {
        assert_eq!(divisor(60, 0), Some(1390));
        assert_eq!(divisor(50, 0), Some(1950));
        assert_eq!(divisor(70, 0), Some(560));
        assert_eq!(divisor(39, 0), None);
        assert_eq!(divisor(70, 1), None);
    }

    #[test]
    fn more_balance_or_more_months_never_lowers_the_pension() {
        for n in [0, 12, 180, 360, 480] {
            assert!(basic_monthly_fen(700_000, 6_000, n + 1, 100) >= basic_monthly_fen(700_000, 6_000, n, 100));
            assert!(basic_monthly_fen(700_000, 6_001, n, 100) >= basic_monthly_fen(700_000, 6_000, n, 100));
        }
        assert!(account_monthly_fen(3_000_001, 1170) >= account_monthly_fen(3_000_000, 1170));
    }

    #[test]
    fn projection_is_the_same_on_the_fast_and_the_wide_path() {
        // 100,000 yuan fits the i64 path; 10 billion yuan takes the i128 path; both compound alike.
        let small = project_balance_fen(10_000_000, 148, 262, 0);
        let large = project_balance_fen(1_000_000_000_000, 148, 262, 0);
        assert_eq!(small, 13_809_630);
        assert!((large - small * 100_000).abs() <= 100_000, "{large} vs {}", small * 100_000);
    }

    /// However long or large, a projection returns: months are capped at the calendar's span, sums at i128's range.
    #[test]
    fn projection_is_bounded_in_months_and_in_size() {
        assert_eq!(
            project_balance_fen(1_000, i32::MAX, 262, 0),
            project_balance_fen(1_000, MAX_PROJECTION_MONTHS, 262, 0)
        );
        assert_eq!(project_balance_fen(i64::MAX, i32::MAX, 100_000, i64::MAX), i64::MAX);
        assert_eq!(project_balance_fen(i64::MIN, i32::MAX, 100_000, i64::MIN), i64::MIN);
        assert_eq!(project_balance_fen(5, i32::MIN, 262, 7), 5);
    }

    #[test]
    fn projection_without_interest_or_additions_keeps_the_balance() {
        assert_eq!(project_balance_fen(12_345, 100, 0, 0), 12_345);
        assert_eq!(project_balance_fen(0, 12, 0, 33_600), 403_200);
    }
}
