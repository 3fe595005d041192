//! The current month, for requests that give no `asOf`. The only place the CLI reads the clock.
//!
//! Months are China Standard Time (UTC+8), the time zone of every policy the engine models.

use std::time::{SystemTime, UNIX_EPOCH};

use anju_rules::time::YearMonth;

const CST_OFFSET_SECS: i64 = 8 * 3600;

#[allow(clippy::disallowed_methods)] // The one place the CLI reads the clock.
pub fn current_month() -> YearMonth {
    let secs = match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_secs()).unwrap_or(i64::MAX),
    };
    month_of_unix_seconds(secs)
}

/// The calendar month (UTC+8) of a Unix time, by the days-to-civil algorithm (proleptic Gregorian).
fn month_of_unix_seconds(secs: i64) -> YearMonth {
    let days = secs.saturating_add(CST_OFFSET_SECS).div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    YearMonth::ym(i32::try_from(year).unwrap_or(i32::MAX), month as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants_fall_in_their_beijing_month() {
        assert_eq!(month_of_unix_seconds(0), YearMonth::ym(1970, 1));
        // 2026-11-29T02:45:00Z
        assert_eq!(month_of_unix_seconds(1_795_920_300), YearMonth::ym(2026, 11));
        // 2026-11-30T16:00:00Z is 2026-12-01 00:00 in Beijing.
        assert_eq!(month_of_unix_seconds(1_796_054_400), YearMonth::ym(2026, 12));
        assert_eq!(month_of_unix_seconds(1_796_054_399), YearMonth::ym(2026, 11));
        // 2024-02-29T12:00:00Z, a leap day.
        assert_eq!(month_of_unix_seconds(1_709_208_000), YearMonth::ym(2024, 2));
    }
}
