//! Calendar year-months, the engine's only unit of time.
//!
//! Policy counts in months ("居住半年以上", "连续缴纳社保满12个月"), so the engine never looks at days.
//! Arithmetic is specified here once:
//! - `ym + n` is the month `n` months later (n may be negative); `2026-11 + 3 = 2027-02`.
//! - `a.months_until(b)` is `b - a` in months; `2026-11.months_until(2027-02) = 3`.
//! - A person who has lived somewhere for `k` whole months at month `m` has lived there `k + n` months at `m + n`.
//! - `ym + n` stops at the first and last months held (1900-01, 2200-12): a loop over months counts them
//!   (`for k in 0..n`), since `m <= last` holds for ever once `m` has stopped at the last month.
//!
//! The engine has no clock: "today" is always passed in as the evaluation month (as of).

use std::fmt;
use std::ops::Add;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Earliest and latest years accepted anywhere (inputs and policy data).
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

/// A calendar month, e.g. 2026-11. Stored as months since year 0, so ordering and differences are plain integers.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth(i32);

impl YearMonth {
    /// Builds a year-month from parts the caller knows to be valid (policy tables, tests).
    /// Out-of-range parts are clamped, never a panic.
    pub const fn ym(year: i32, month: u32) -> Self {
        let year = if year < MIN_YEAR {
            MIN_YEAR
        } else if year > MAX_YEAR {
            MAX_YEAR
        } else {
            year
        };
        let month = if month < 1 {
            1
        } else if month > 12 {
            12
        } else {
            month
        };
        YearMonth(year * 12 + month as i32 - 1)
    }

    /// Builds a year-month from untrusted parts.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        ((MIN_YEAR..=MAX_YEAR).contains(&year) && (1..=12).contains(&month)).then(|| Self::ym(year, month))
    }

    /// From a month count since year 0 (how policy data stores `yearmonth` values); `None` out of range.
    pub fn from_index(index: i64) -> Option<Self> {
        let index = i32::try_from(index).ok()?;
        Self::new(index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
    }

    pub const fn year(self) -> i32 {
        self.0.div_euclid(12)
    }

    pub const fn month(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }

    /// Months from `self` to `later` (negative when `later` is earlier).
    pub const fn months_until(self, later: YearMonth) -> i32 {
        later.0 - self.0
    }

    /// Parses `YYYY-MM` (four-digit year, two-digit month).
    pub fn parse(s: &str) -> Option<Self> {
        let (y, m) = s.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        Self::new(y.parse().ok()?, m.parse().ok()?)
    }
}

impl Add<i32> for YearMonth {
    type Output = YearMonth;
    /// Saturates at the accepted range instead of overflowing.
    fn add(self, months: i32) -> YearMonth {
        let lo = MIN_YEAR * 12;
        let hi = MAX_YEAR * 12 + 11;
        YearMonth(self.0.saturating_add(months).clamp(lo, hi))
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl fmt::Debug for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        YearMonth::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format_args!(
                "expected a year-month \"YYYY-MM\" between {MIN_YEAR}-01 and {MAX_YEAR}-12, got {s:?}"
            ))
        })
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for YearMonth {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "YearMonth".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$",
            "description": "A calendar year-month, YYYY-MM, between 1900-01 and 2200-12"
        })
    }
}

/// How many Septembers fall in the months after `from` up to and including `to` (none when `to` is not later).
pub fn septembers_between(from: YearMonth, to: YearMonth) -> u32 {
    let span = from.months_until(to);
    if span <= 0 {
        return 0;
    }
    // Months from `from` to its next September (1–12), then one every 12 months.
    let first = i32::try_from((9 + 12 - from.month()) % 12).unwrap_or(0);
    let first = if first == 0 { 12 } else { first };
    if span < first {
        0
    } else {
        u32::try_from((span - first) / 12 + 1).unwrap_or(0)
    }
}

/// The `n`th September after `from` (n ≥ 1); `None` past the last month.
pub fn nth_september_after(from: YearMonth, n: u32) -> Option<YearMonth> {
    let first = (9 + 12 - from.month()) % 12;
    let first = if first == 0 { 12 } else { first };
    let months = i64::from(first) + 12 * i64::from(n.max(1) - 1);
    let months = i32::try_from(months).ok()?;
    let to = from + months;
    (from.months_until(to) == months).then_some(to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_crosses_year_ends() {
        assert_eq!(YearMonth::ym(2026, 11) + 3, YearMonth::ym(2027, 2));
        assert_eq!(YearMonth::ym(2027, 1) + -1, YearMonth::ym(2026, 12));
        assert_eq!(YearMonth::ym(2026, 11).months_until(YearMonth::ym(2027, 2)), 3);
        assert_eq!(YearMonth::ym(2027, 2).months_until(YearMonth::ym(2026, 11)), -3);
        assert_eq!(YearMonth::ym(2000, 1) + 12 * 25, YearMonth::ym(2025, 1));
    }

    #[test]
    fn month_indices_round_trip() {
        assert_eq!(YearMonth::from_index(1965 * 12), Some(YearMonth::ym(1965, 1)));
        assert_eq!(YearMonth::from_index(2026 * 12 + 10), Some(YearMonth::ym(2026, 11)));
        assert_eq!(YearMonth::from_index(0), None);
        assert_eq!(YearMonth::from_index(i64::MAX), None);
    }

    #[test]
    fn addition_saturates_at_the_accepted_range() {
        assert_eq!(YearMonth::ym(2200, 12) + 1, YearMonth::ym(2200, 12));
        assert_eq!(YearMonth::ym(1900, 1) + i32::MIN, YearMonth::ym(1900, 1));
    }

    #[test]
    fn parse_and_display_round_trip() {
        let ym = YearMonth::parse("2026-03").unwrap();
        assert_eq!((ym.year(), ym.month()), (2026, 3));
        assert_eq!(ym.to_string(), "2026-03");
        for bad in ["2026-3", "2026-13", "2026-00", "26-03", "2026/03", "", "2026-03-01", "1899-12", "2201-01"] {
            assert_eq!(YearMonth::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn serde_uses_the_text_form() {
        let ym: YearMonth = serde_json::from_str("\"2016-01\"").unwrap();
        assert_eq!(ym, YearMonth::ym(2016, 1));
        assert_eq!(serde_json::to_string(&ym).unwrap(), "\"2016-01\"");
        let err = serde_json::from_str::<YearMonth>("\"2016-1\"").unwrap_err().to_string();
        assert!(err.contains("YYYY-MM"), "{err}");
    }
}
