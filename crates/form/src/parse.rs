//! Reading what a person typed. Text stays text until it parses; blank is "don't know", never zero.
//!
//! Parsing is lenient about how a phone types (full-width digits, spaces, thousands separators, 元, 年 / 月) and
//! strict about meaning: a value that does not parse, or lies outside its kind's bounds, is an [`InputProblem`]
//! and the fact stays unknown.

use anju_rules::household::MAX_FEN;
use anju_rules::time::YearMonth;

use crate::registry::Kind;

/// A parsed answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Bool(bool),
    Month(YearMonth),
    /// Months, years, a count, or basis points, as the kind says.
    Number(u32),
    Fen(i64),
    /// A choice key or a place id.
    Text(String),
}

/// Why a field's text cannot be used. Shown at the field in the user's language (`catalogue::problem_text`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputProblem {
    /// Letters or signs where a whole number goes (negative numbers included).
    NotAWholeNumber,
    /// Not an amount of money.
    NotMoney,
    /// Not a decimal such as 0.6.
    NotADecimal,
    /// Not a year and month.
    NotAMonth,
    /// Below the smallest value allowed.
    TooSmall { min: u32 },
    /// Above the largest value allowed.
    TooLarge { max: u32 },
    /// An amount above the largest the calculator takes, in yuan.
    TooMuchMoney,
    /// A choice the question does not offer.
    NotAChoice,
    /// A month after this month (a birth in the future).
    InTheFuture,
    /// A month too long ago to be true.
    TooLongAgo,
    /// A child born before, or less than 14 years after, the parent.
    ChildOlderThanParent,
    /// A place the calculator does not know.
    UnknownPlace,
}

/// Full-width digits and punctuation as ASCII, surrounding spaces dropped.
fn normalise(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '，' => ',',
            '－' => '-',
            '／' => '/',
            c => c,
        })
        .collect()
}

fn whole(text: &str) -> Result<u64, InputProblem> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()) {
        return Err(InputProblem::NotAWholeNumber);
    }
    // Long strings of digits saturate: they are too large, not unparseable.
    Ok(text.parse::<u64>().unwrap_or(u64::MAX))
}

fn bounded(n: u64, min: u32, max: u32) -> Result<u32, InputProblem> {
    if n < u64::from(min) {
        Err(InputProblem::TooSmall { min })
    } else if n > u64::from(max) {
        Err(InputProblem::TooLarge { max })
    } else {
        Ok(n as u32)
    }
}

/// A decimal with at most `places` decimals, as an integer scaled by 10^places; `None` when it is not one.
fn decimal(text: &str, places: u32) -> Option<u128> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !digits(int) || !digits(frac) || frac.len() > places as usize {
        return None;
    }
    if int.len() > 20 {
        return Some(u128::MAX); // a long run of digits is too large, not unreadable
    }
    let int: u128 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let mut frac_value: u128 = if frac.is_empty() { 0 } else { frac.parse().ok()? };
    for _ in frac.len()..places as usize {
        frac_value *= 10;
    }
    Some(int * 10u128.pow(places) + frac_value)
}

/// A year and month: `2027-03`, `2027-3`, `2027/3`, `2027.3`, `2027年3月`, `202703`.
pub fn year_month(text: &str) -> Result<YearMonth, InputProblem> {
    let t = normalise(text);
    let t = t.strip_suffix('月').unwrap_or(&t);
    // Split at the first separator, or after four digits; `split_once` and `get` never slice inside a character.
    let (y, m) = match t.split_once(['-', '/', '.', '年']) {
        Some(parts) => parts,
        None if t.len() == 6 => match (t.get(..4), t.get(4..)) {
            (Some(y), Some(m)) => (y, m),
            _ => return Err(InputProblem::NotAMonth),
        },
        None => return Err(InputProblem::NotAMonth),
    };
    let all_digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    if !all_digits(y) || !all_digits(m) || y.len() != 4 {
        return Err(InputProblem::NotAMonth);
    }
    let (y, m): (i32, u32) =
        (y.parse().map_err(|_| InputProblem::NotAMonth)?, m.parse().map_err(|_| InputProblem::NotAMonth)?);
    if !(1..=12).contains(&m) || !(1900..=2200).contains(&y) {
        return Err(InputProblem::NotAMonth);
    }
    Ok(YearMonth::ym(y, m))
}

/// The value of `text` for a question of `kind`: `Ok(None)` when blank (don't know).
pub fn parse(kind: Kind, text: &str) -> Result<Option<Value>, InputProblem> {
    let t = normalise(text);
    if t.is_empty() {
        return Ok(None);
    }
    let value = match kind {
        Kind::YesNo => match t.as_str() {
            "yes" => Value::Bool(true),
            "no" => Value::Bool(false),
            _ => return Err(InputProblem::NotAChoice),
        },
        Kind::Choice(keys) => match keys.iter().find(|k| **k == t) {
            Some(k) => Value::Text((*k).to_string()),
            None => return Err(InputProblem::NotAChoice),
        },
        Kind::YearMonth => Value::Month(year_month(&t)?),
        Kind::Months { max } => {
            let t = t.strip_suffix("个月").unwrap_or(&t);
            Value::Number(bounded(whole(t)?, 0, max)?)
        }
        Kind::Years { max, as_months } => {
            let t = t.strip_suffix('年').unwrap_or(&t);
            let years = bounded(whole(t)?, 0, max)?;
            Value::Number(if as_months { years * 12 } else { years })
        }
        Kind::Count { min, max } => {
            let t = t.trim_end_matches(['人', '口', '个']);
            let t = t.strip_suffix("平方米").or_else(|| t.strip_suffix('㎡')).unwrap_or(t);
            Value::Number(bounded(whole(t)?, min, max)?)
        }
        Kind::Percent { min, max } => {
            let t = t.strip_suffix('%').unwrap_or(&t);
            Value::Number(bounded(whole(t)?, min, max)? * 100)
        }
        Kind::Money => {
            let t = t.trim_start_matches('¥').trim_start_matches('￥');
            let t: String = t.strip_suffix('元').unwrap_or(t).chars().filter(|c| *c != ',').collect();
            let fen = decimal(&t, 2).ok_or(InputProblem::NotMoney)?;
            if fen > MAX_FEN as u128 {
                return Err(InputProblem::TooMuchMoney);
            }
            Value::Fen(fen as i64)
        }
        Kind::Index { min_bp, max_bp } => {
            let bp = decimal(&t, 4).ok_or(InputProblem::NotADecimal)?;
            let bp = u64::try_from(bp).unwrap_or(u64::MAX);
            // The message speaks in the index's own terms (3.0), not in basis points.
            if bp > u64::from(max_bp) {
                return Err(InputProblem::TooLarge { max: max_bp / 10_000 });
            }
            Value::Number(bounded(bp, min_bp, max_bp)?)
        }
        Kind::Place => {
            if !anju_rules::place::is_place_id(&t) {
                return Err(InputProblem::UnknownPlace);
            }
            Value::Text(t)
        }
    };
    Ok(Some(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{EMPLOYMENTS, SEXES};

    const MONTHS: Kind = Kind::Months { max: 1200 };

    #[test]
    fn blank_is_dont_know_never_zero() {
        for kind in [MONTHS, Kind::Money, Kind::YesNo, Kind::YearMonth, Kind::Place, Kind::Choice(SEXES)] {
            assert_eq!(parse(kind, ""), Ok(None));
            assert_eq!(parse(kind, "   "), Ok(None));
        }
    }

    #[test]
    fn whole_numbers_read_as_phones_type_them() {
        assert_eq!(parse(MONTHS, " 12 "), Ok(Some(Value::Number(12))));
        assert_eq!(parse(MONTHS, "１２"), Ok(Some(Value::Number(12))));
        assert_eq!(parse(MONTHS, "12个月"), Ok(Some(Value::Number(12))));
        assert_eq!(parse(MONTHS, "-3"), Err(InputProblem::NotAWholeNumber));
        assert_eq!(parse(MONTHS, "6.5"), Err(InputProblem::NotAWholeNumber));
        assert_eq!(parse(MONTHS, "半年"), Err(InputProblem::NotAWholeNumber));
        assert_eq!(parse(MONTHS, "1201"), Err(InputProblem::TooLarge { max: 1200 }));
        assert_eq!(parse(MONTHS, "99999999999999999999999"), Err(InputProblem::TooLarge { max: 1200 }));
        let people = Kind::Count { min: 1, max: 20 };
        assert_eq!(parse(people, "0"), Err(InputProblem::TooSmall { min: 1 }));
        assert_eq!(parse(people, "4人"), Ok(Some(Value::Number(4))));
    }

    #[test]
    fn years_are_stored_as_the_engine_counts_them() {
        assert_eq!(parse(Kind::Years { max: 100, as_months: true }, "15"), Ok(Some(Value::Number(180))));
        assert_eq!(parse(Kind::Years { max: 12, as_months: false }, "3年"), Ok(Some(Value::Number(3))));
    }

    #[test]
    fn money_is_yuan_typed_and_fen_stored() {
        assert_eq!(parse(Kind::Money, "2350"), Ok(Some(Value::Fen(235_000))));
        assert_eq!(parse(Kind::Money, "2,350.5元"), Ok(Some(Value::Fen(235_050))));
        assert_eq!(parse(Kind::Money, "¥0.07"), Ok(Some(Value::Fen(7))));
        assert_eq!(parse(Kind::Money, "１２００。５"), Ok(Some(Value::Fen(120_050))));
        assert_eq!(parse(Kind::Money, "12.345"), Err(InputProblem::NotMoney));
        assert_eq!(parse(Kind::Money, "-5"), Err(InputProblem::NotMoney));
        assert_eq!(parse(Kind::Money, "两千"), Err(InputProblem::NotMoney));
        assert_eq!(parse(Kind::Money, "."), Err(InputProblem::NotMoney));
        assert_eq!(parse(Kind::Money, "99999999999999999999999999"), Err(InputProblem::TooMuchMoney));
    }

    #[test]
    fn an_index_is_a_decimal_in_basis_points() {
        let k = Kind::Index { min_bp: 0, max_bp: 30_000 };
        assert_eq!(parse(k, "0.6"), Ok(Some(Value::Number(6000))));
        assert_eq!(parse(k, "1.2345"), Ok(Some(Value::Number(12_345))));
        assert_eq!(parse(k, "3.1"), Err(InputProblem::TooLarge { max: 3 }));
        assert_eq!(parse(k, "0.6a"), Err(InputProblem::NotADecimal));
        assert_eq!(parse(Kind::Percent { min: 60, max: 300 }, "60%"), Ok(Some(Value::Number(6000))));
        assert_eq!(parse(Kind::Percent { min: 60, max: 300 }, "40"), Err(InputProblem::TooSmall { min: 60 }));
    }

    #[test]
    fn months_read_in_the_forms_people_write_them() {
        let m = YearMonth::ym(2027, 3);
        for t in ["2027-03", "2027-3", "2027/3", "2027.3", "2027年3月", "２０２７年３月", "202703"] {
            assert_eq!(year_month(t), Ok(m), "{t}");
        }
        for t in ["2027", "2027-13", "2027-0", "27-3", "march", "2027-03-01", "0000-01"] {
            assert_eq!(year_month(t), Err(InputProblem::NotAMonth), "{t}");
        }
    }

    #[test]
    fn choices_and_places_are_checked() {
        assert_eq!(parse(Kind::Choice(EMPLOYMENTS), "flexible"), Ok(Some(Value::Text("flexible".into()))));
        assert_eq!(parse(Kind::Choice(EMPLOYMENTS), "boss"), Err(InputProblem::NotAChoice));
        assert_eq!(parse(Kind::YesNo, "maybe"), Err(InputProblem::NotAChoice));
        assert_eq!(
            parse(Kind::Place, "guangxi/liuzhou/rongan"),
            Ok(Some(Value::Text("guangxi/liuzhou/rongan".into())))
        );
        assert_eq!(parse(Kind::Place, "Guangxi"), Err(InputProblem::UnknownPlace));
    }
}
