//! Where an employee pension is paid: 国办发〔2009〕66号 (城镇企业职工基本养老保险关系转移接续暂行办法) Art. 5 [C2].
//!
//! With contribution segments in order and the hukou place:
//! 1. the current insured place is the hukou place → the hukou place;
//! 2. ten years or more (`threshold` months, summed over its segments) in the current place → the current place;
//! 3. else the most recent earlier place with ten years or more;
//! 4. else the hukou place, where the record and funds are collected; years everywhere add up (Art. 3).
//!
//! Places are compared as given; give the hukou place and the segments at the same level (usually provinces).

use crate::household::Segment;
use crate::message::ReceiptRule;

/// Months paid in `place`, summed over its segments (stays add up, Art. 5).
pub fn months_in(segments: &[Segment], place: &str) -> u64 {
    segments.iter().filter(|s| s.place == place).map(|s| u64::from(s.months)).sum()
}

/// The place of receipt and the clause that decided it; `None` without segments.
pub fn place_of_receipt<'a>(hukou: &'a str, segments: &'a [Segment], threshold: u32) -> Option<(&'a str, ReceiptRule)> {
    let current = segments.last()?.place.as_str();
    let months_in = |place: &str| months_in(segments, place);
    if current == hukou {
        return Some((hukou, ReceiptRule::HukouIsCurrent));
    }
    if months_in(current) >= u64::from(threshold) {
        return Some((current, ReceiptRule::TenYearsHere));
    }
    let earlier =
        segments.iter().rev().map(|s| s.place.as_str()).find(|p| *p != current && months_in(p) >= u64::from(threshold));
    match earlier {
        Some(place) => Some((place, ReceiptRule::TenYearsEarlier)),
        None => Some((hukou, ReceiptRule::BackToHukou)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(place: &str, months: u32) -> Segment {
        Segment { place: place.into(), months }
    }

    #[test]
    fn g_t1_back_home_in_the_hukou_province_is_paid_there() {
        let s = [seg("guangdong", 156), seg("henan", 200)];
        assert_eq!(place_of_receipt("henan", &s, 120), Some(("henan", ReceiptRule::HukouIsCurrent)));
    }

    #[test]
    fn g_t2_ten_years_in_the_current_province_is_paid_there() {
        let s = [seg("zhejiang", 96), seg("jiangsu", 144)];
        assert_eq!(place_of_receipt("sichuan", &s, 120), Some(("jiangsu", ReceiptRule::TenYearsHere)));
    }

    #[test]
    fn the_latest_earlier_ten_year_place_wins_over_the_hukou() {
        let s = [seg("beijing", 130), seg("guangdong", 121), seg("zhejiang", 30)];
        assert_eq!(place_of_receipt("henan", &s, 120), Some(("guangdong", ReceiptRule::TenYearsEarlier)));
    }

    #[test]
    fn split_stays_in_one_place_add_up_and_short_stays_go_home() {
        let s = [seg("jiangsu", 60), seg("zhejiang", 10), seg("jiangsu", 60)];
        assert_eq!(place_of_receipt("anhui", &s, 120), Some(("jiangsu", ReceiptRule::TenYearsHere)));
        let s = [seg("jiangsu", 60), seg("zhejiang", 100)];
        assert_eq!(place_of_receipt("anhui", &s, 120), Some(("anhui", ReceiptRule::BackToHukou)));
        assert_eq!(place_of_receipt("anhui", &[], 120), None);
    }
}
