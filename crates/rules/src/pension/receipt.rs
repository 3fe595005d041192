//! Where an employee pension is paid: 国办发〔2009〕66号 (城镇企业职工基本养老保险关系转移接续暂行办法) Art. 5 [C2].
//!
//! With contribution segments in order and the hukou place:
//! 1. the current insured place is the hukou place → the hukou place;
//! 2. ten years or more (`threshold` months, summed over its segments) in the current place → the current place;
//! 3. else the most recent earlier place with ten years or more;
//! 4. else the hukou place, where the record and funds are collected; years everywhere add up (Art. 3).
//!
//! **Places are compared as provinces.** Art. 5 governs moves between provinces; within a province transfers and
//! the place of receipt are the province's own affair (rules brief §2.1.7). So the hukou place, the segments and
//! the current place are compared by their province ([`PlaceId::province`]): a hukou given as a county
//! (`henan/kaifeng/lankao`) is the same place as a segment given by province (`henan`), and months in places of
//! one province (`guangdong/shenzhen` 60, `guangdong/dongguan` 70) add up to that province's months (130). The
//! place of receipt is reported as the province. A segment or hukou that is not a place id leaves the place of
//! receipt unknown (`None`), never some other place.
//!
//! **Whose benefit base applies** once the province is decided (the texts are silent; our reading [I]): the most
//! specific place the person gave inside that province, starting from the place that decided it and refining it
//! only by places that lie within it, in this order:
//! - rules 1 and 2 (paid where insured now): the current segment's place, refined by the current place (where
//!   the person lives and works) and then, for rule 1, by the hukou place: a segment `guangdong` and a current
//!   place `guangdong/shenzhen` give Shenzhen's own base; a segment `henan` with the hukou in
//!   `henan/kaifeng/lankao` gives Lankao's (which, without a layer of its own, is Henan's);
//! - rule 3: the place of the most recent segment in that province;
//! - rule 4: the hukou place, where the funds are collected.
//!
//! A place without a base of its own inherits its nearest ancestor's (`policy::resolve`), so this falls back to
//! the province's base.

use crate::household::Segment;
use crate::message::ReceiptRule;
use crate::place::{is_place_id, same_province, within, PlaceId};

/// The place of receipt: the province, the clause that decided it, and the place whose benefit base applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub province: PlaceId,
    pub rule: ReceiptRule,
    /// The most specific place given inside `province` (see the module doc); `province` or a place within it.
    pub base_place: PlaceId,
}

/// The segments' places with their months, or `None` when one of them is not a place id. Borrowed, so that
/// the walk through months allocates no place strings.
fn parsed(segments: &[Segment]) -> Option<Vec<(&str, u64)>> {
    segments.iter().map(|s| is_place_id(&s.place).then_some((s.place.as_str(), u64::from(s.months)))).collect()
}

/// Months paid in `place`'s province, summed over its segments (stays add up, Art. 5); `None` when a segment's
/// place is not a place id (its months could be anywhere).
pub fn months_in(segments: &[Segment], place: &str) -> Option<u64> {
    Some(province_months(&parsed(segments)?, place))
}

fn province_months(segments: &[(&str, u64)], place: &str) -> u64 {
    segments.iter().filter(|(p, _)| same_province(p, place)).map(|(_, m)| *m).sum()
}

/// The province whose ten-year rule the current insured place is under, if the record has segments.
pub fn current_province(segments: &[Segment]) -> Option<PlaceId> {
    PlaceId::parse(&segments.last()?.place).map(|p| p.province())
}

/// The place of receipt; `None` without segments or when a place is not a place id. `current` is where the person
/// lives and works now, used only to choose the benefit base within the province.
pub fn place_of_receipt(hukou: &str, segments: &[Segment], current: Option<&str>, threshold: u32) -> Option<Receipt> {
    if !is_place_id(hukou) {
        return None;
    }
    let current = current.filter(|c| is_place_id(c));
    let segments = parsed(segments)?;
    let (insured, _) = *segments.last()?;
    let enough = |place: &str| province_months(&segments, place) >= u64::from(threshold);
    let refine = |start: &'_ str, by: &[Option<&'_ str>]| -> String {
        let mut best = start;
        for p in by.iter().flatten() {
            if within(p, best) {
                best = p;
            }
        }
        best.to_string()
    };
    let (rule, base_place) = if same_province(insured, hukou) {
        (ReceiptRule::HukouIsCurrent, refine(insured, &[current, Some(hukou)]))
    } else if enough(insured) {
        (ReceiptRule::TenYearsHere, refine(insured, &[current]))
    } else {
        let earlier = segments.iter().rev().map(|(p, _)| *p).find(|p| !same_province(p, insured) && enough(p));
        match earlier {
            Some(place) => (ReceiptRule::TenYearsEarlier, place.to_string()),
            None => (ReceiptRule::BackToHukou, hukou.to_string()),
        }
    };
    let base_place = PlaceId::parse(&base_place)?;
    Some(Receipt { province: base_place.province(), rule, base_place })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(place: &str, months: u32) -> Segment {
        Segment { place: place.into(), months }
    }

    fn p(id: &str) -> PlaceId {
        PlaceId::parse(id).expect(id)
    }

    /// The province and rule, as the rules brief states results.
    fn receipt(hukou: &str, s: &[Segment]) -> Option<(String, ReceiptRule)> {
        place_of_receipt(p(hukou).as_str(), s, None, 120).map(|r| (r.province.to_string(), r.rule))
    }

    fn paid(place: &str, rule: ReceiptRule) -> Option<(String, ReceiptRule)> {
        Some((p(place).to_string(), rule))
    }

    #[test]
    fn g_t1_back_home_in_the_hukou_province_is_paid_there_however_the_hukou_is_spelled() {
        // G-T1: hukou in a Henan county; Guangdong 156 months, then back home 200 months (current) → Henan.
        let s = [seg("guangdong", 156), seg("henan", 200)];
        assert_eq!(receipt("henan", &s), paid("henan", ReceiptRule::HukouIsCurrent));
        assert_eq!(receipt("henan/kaifeng/lankao", &s), paid("henan", ReceiptRule::HukouIsCurrent));
        // Fewer than ten years back home changes nothing: the current insured place is the hukou province (rule 1
        // comes before the ten-year tests), so Guangdong's 156 months do not take the pension there.
        let s = [seg("guangdong", 156), seg("henan", 100)];
        assert_eq!(receipt("henan", &s), paid("henan", ReceiptRule::HukouIsCurrent));
        assert_eq!(receipt("henan/kaifeng/lankao", &s), paid("henan", ReceiptRule::HukouIsCurrent));
        let s = [seg("guangdong", 156), seg("henan/zhengzhou", 100)];
        assert_eq!(receipt("henan/kaifeng", &s), paid("henan", ReceiptRule::HukouIsCurrent));
    }

    #[test]
    fn g_t2_ten_years_in_the_current_province_is_paid_there() {
        // G-T2: hukou Sichuan; Zhejiang 96, then Jiangsu 144 (current, ≥ 120) → Jiangsu.
        let s = [seg("zhejiang", 96), seg("jiangsu", 144)];
        assert_eq!(receipt("sichuan", &s), paid("jiangsu", ReceiptRule::TenYearsHere));
        let s = [seg("zhejiang/hangzhou", 96), seg("jiangsu/suzhou/kunshan", 144)];
        assert_eq!(receipt("sichuan/chengdu", &s), paid("jiangsu", ReceiptRule::TenYearsHere));
    }

    #[test]
    fn cities_of_one_province_add_up_to_its_ten_years() {
        // Shenzhen 60 + Dongguan 70 = 130 months in Guangdong ≥ 120.
        let s = [seg("guangdong/shenzhen", 60), seg("guangdong/dongguan", 70)];
        assert_eq!(receipt("henan", &s), paid("guangdong", ReceiptRule::TenYearsHere));
        assert_eq!(months_in(&s, "guangdong"), Some(130));
        assert_eq!(months_in(&s, "guangdong/shenzhen"), Some(130), "counted by province");
        assert_eq!(months_in(&s, "henan"), Some(0));
        // Either city alone is short of ten years: back to the hukou province.
        assert_eq!(receipt("henan", &s[..1]), paid("henan", ReceiptRule::BackToHukou));
    }

    #[test]
    fn the_latest_earlier_ten_year_place_wins_over_the_hukou() {
        let s = [seg("beijing", 130), seg("guangdong", 121), seg("zhejiang", 30)];
        assert_eq!(receipt("henan", &s), paid("guangdong", ReceiptRule::TenYearsEarlier));
    }

    #[test]
    fn split_stays_in_one_place_add_up_and_short_stays_go_home() {
        let s = [seg("jiangsu", 60), seg("zhejiang", 10), seg("jiangsu", 60)];
        assert_eq!(receipt("anhui", &s), paid("jiangsu", ReceiptRule::TenYearsHere));
        let s = [seg("jiangsu", 60), seg("zhejiang", 100)];
        assert_eq!(receipt("anhui", &s), paid("anhui", ReceiptRule::BackToHukou));
        assert_eq!(receipt("anhui", &[]), None);
    }

    #[test]
    fn a_place_that_is_not_a_place_id_leaves_the_receipt_unknown() {
        let s = [seg("guangdong", 156), seg("", 10)];
        assert_eq!(receipt("henan", &s), None);
        assert_eq!(months_in(&s, "guangdong"), None);
        assert_eq!(current_province(&s), None);
        assert_eq!(current_province(&[seg("guangdong/shenzhen", 1)]), Some(p("guangdong")));
    }

    #[test]
    fn the_benefit_base_is_the_most_specific_place_given_inside_the_province() {
        let base = |hukou: &str, s: &[Segment], current: Option<&str>| {
            let current = current.map(p);
            place_of_receipt(p(hukou).as_str(), s, current.as_ref().map(PlaceId::as_str), 120).map(|r| r.base_place)
        };
        let guangdong = [seg("guangdong", 130)];
        // Rule 2: the segment says Guangdong, the person works in Shenzhen → Shenzhen's own base.
        assert_eq!(base("henan", &guangdong, Some("guangdong/shenzhen")), Some(p("guangdong/shenzhen")));
        assert_eq!(base("henan", &guangdong, None), Some(p("guangdong")));
        // A current place outside the insured place does not move the base.
        assert_eq!(base("henan", &guangdong, Some("hunan/changsha")), Some(p("guangdong")));
        let shenzhen = [seg("guangdong/shenzhen", 130)];
        assert_eq!(base("henan", &shenzhen, None), Some(p("guangdong/shenzhen")));
        assert_eq!(base("henan", &shenzhen, Some("guangdong/guangzhou")), Some(p("guangdong/shenzhen")));
        // Rule 1: insured in the hukou province; the current place first, then the hukou place, refine it.
        let home = [seg("guangdong", 156), seg("henan", 100)];
        assert_eq!(base("henan/kaifeng/lankao", &home, None), Some(p("henan/kaifeng/lankao")));
        assert_eq!(base("henan/kaifeng/lankao", &home, Some("henan/zhengzhou")), Some(p("henan/zhengzhou")));
        assert_eq!(base("henan/kaifeng/lankao", &home, Some("henan/kaifeng")), Some(p("henan/kaifeng/lankao")));
        // Rule 3: the most recent segment in the province that decided.
        let earlier = [seg("guangdong", 100), seg("guangdong/shenzhen", 30), seg("zhejiang", 10)];
        assert_eq!(base("henan", &earlier, Some("zhejiang/hangzhou")), Some(p("guangdong/shenzhen")));
        // Rule 4: the hukou place, where the funds are collected.
        let short = [seg("jiangsu", 60), seg("zhejiang", 100)];
        assert_eq!(base("henan/kaifeng/lankao", &short, Some("zhejiang")), Some(p("henan/kaifeng/lankao")));
    }
}
