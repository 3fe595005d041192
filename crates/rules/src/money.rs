//! Money and exact arithmetic: amounts are integer fen (分); rates and indices are integer basis points.
//!
//! Rounding is specified once: a rule's result is computed at full precision (i128, no floating point) and rounded
//! half-up to the fen at the end, as benefit notices do ("each monthly component is rounded half-up to the fen
//! after the full-precision product").

/// `n / d` rounded half-up (halves away from zero), for `d > 0`. `d <= 0` gives 0 rather than a panic.
pub fn div_round_half_up(n: i128, d: i128) -> i128 {
    if d <= 0 {
        return 0;
    }
    if n >= 0 {
        (2 * n + d) / (2 * d)
    } else {
        -((2 * -n + d) / (2 * d))
    }
}

/// Saturating conversion back to i64 fen.
pub fn to_fen(v: i128) -> i64 {
    saturating_i64(v)
}

/// Saturating conversion of a wide intermediate back to i64 (fen, or another integer unit).
pub fn saturating_i64(v: i128) -> i64 {
    i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_round_away_from_zero() {
        assert_eq!(div_round_half_up(5, 2), 3);
        assert_eq!(div_round_half_up(4, 2), 2);
        assert_eq!(div_round_half_up(7, 3), 2);
        assert_eq!(div_round_half_up(8, 3), 3);
        assert_eq!(div_round_half_up(-5, 2), -3);
        assert_eq!(div_round_half_up(1, 0), 0);
    }
}
