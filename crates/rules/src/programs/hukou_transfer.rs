//! Moving hukou to the place where one lives (落户), by the size of the place.
//!
//! Authority: 居住证暂行条例 Art. 15–16 [C1]: designated towns, county seats and small cities (< 0.5 million in the
//! urban district) need a legal stable residence; medium and large cities may add stable employment and years of
//! urban social insurance (at most 3 or 5 years); cities over 5 million use points. The 2022 urbanization scheme
//! lifts restrictions in every city under 3 million [C2]; read together, a legal stable residence (rental
//! included) is enough there [I].
//!
//! Criteria by size of the current place:
//! - a county, or a city under `relaxed_below_10k`: `hukou_elsewhere`, `stable_residence`;
//! - up to `megacity_from_10k`: also `stable_employment` and `insurance_months` (the local requirement);
//! - a megacity: `points_system`, which is not modelled (unknown);
//! - a place of unknown size: the residence test, and the others unknown, naming the missing number.
//!
//! Parameters: `policy/national/hukou_transfer.toml`; city sizes and local requirements in the places' layers.

use super::common::{criterion, tri};
use super::fields;
use crate::household::{Adult, Question, Subject};
use crate::message::Msg;
use crate::place::PlaceId;
use crate::policy::data::national::hukou_transfer as data;
use crate::policy::{self, Unit};
use crate::report::{Criterion, Outcome, ProgramId, ProgramResult, Quantity};
use crate::time::YearMonth;

/// How hukou rules treat the current place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Size {
    /// A county (its seat is a designated town) or a city under the relaxed threshold.
    Small,
    /// Between the relaxed threshold and a megacity.
    Large,
    Megacity,
    Unknown,
}

/// A county or county-level city (its code says it is not a city's district, or its layer says county and it has
/// no code to say otherwise) is judged as a county town; a district and a city by the city's urban population.
/// With it, whether the city's size is the family's own number (`localNumbers.cityPopulation10k`), used where the
/// data has none.
fn size(place: Option<&str>, given: Option<u32>, as_of: YearMonth) -> (Size, bool) {
    let Some(id) = place else { return (Size::Unknown, false) };
    let parsed = PlaceId::parse(id);
    let county_town = match parsed.as_ref().map(|p| (p.is_district(), p.layer())) {
        Some((Some(district), _)) => !district,
        Some((None, Some(layer))) => layer.level == "county",
        _ => false,
    };
    if county_town {
        return (Size::Small, false);
    }
    let known = policy::resolve(Some(id), &data::URBAN_POPULATION_10K).0.int_at(as_of).map(|p| p.0);
    let supplied = known.is_none() && given.is_some();
    let population = known.or(given.map(i64::from));
    let relaxed = data::RELAXED_BELOW_10K.int_at(as_of).map(|p| p.0);
    let megacity = data::MEGACITY_FROM_10K.int_at(as_of).map(|p| p.0);
    let size = match (population, relaxed, megacity) {
        (Some(p), _, Some(m)) if p >= m => Size::Megacity,
        (Some(p), Some(r), _) if p < r => Size::Small,
        (Some(_), Some(_), Some(_)) => Size::Large,
        _ => Size::Unknown,
    };
    (size, supplied)
}

/// Evaluates adult number `index` of the household, for the place they live in now.
pub fn evaluate(adult: &Adult, index: u8, as_of: YearMonth) -> ProgramResult {
    let q = |field| Question::adult(index, field);
    let place = adult.current_place.as_deref();
    let (size, supplied) = size(place, adult.local_numbers.city_population_10k, as_of);

    // Whether the hukou is already here: from the hukou place where it settles it, else the adult's own answer.
    let away = super::family::adult_hukou_here(adult, place).map(|here| !here);
    let mut elsewhere = criterion(
        "hukou_elsewhere",
        &data::criteria::HUKOU_ELSEWHERE,
        tri(away),
        match away {
            Some(true) => Msg::HukouCouldMove,
            Some(false) => Msg::HukouAlreadyHere,
            None => Msg::HukouUnknown,
        },
    );
    if away.is_none() {
        elsewhere.questions.push(q(super::family::hukou_question(adult)));
    }
    let mut criteria = vec![elsewhere];
    let mut notes = Vec::new();
    let given = adult.local_numbers.city_population_10k.map(i64::from);
    let numbers = &adult.local_numbers;
    notes.extend(super::common::supplied_note(numbers, &data::URBAN_POPULATION_10K, given, supplied, place, as_of));

    if size == Size::Megacity {
        criteria.push(criterion("points_system", &data::criteria::POINTS_SYSTEM, Outcome::Unknown, Msg::PointsSystem));
        notes.push(Msg::PointsSystem);
    } else {
        let mut home = criterion(
            "stable_residence",
            &data::criteria::STABLE_RESIDENCE,
            tri(adult.stable_home),
            Msg::ResidenceForHukou { has: adult.stable_home },
        );
        if adult.stable_home.is_none() {
            home.questions.push(q(fields::STABLE_HOME));
        }
        criteria.push(home);
        match size {
            Size::Small => notes.push(Msg::SmallCityRule),
            Size::Large => {
                notes.push(Msg::LargeCityRule);
                criteria.push(employment(adult, q));
                criteria.push(insurance(adult, place, as_of, q));
            }
            Size::Unknown | Size::Megacity => {
                // Whether a job and insurance years are needed depends on the size we do not know.
                let (message, questions) = match place {
                    None => (Msg::CitySizeUnknown, vec![q(fields::CURRENT_PLACE)]),
                    // Megacities use points; a city of unknown size: the family may know its population.
                    Some(p) => {
                        let parameter = data::URBAN_POPULATION_10K.key;
                        let ask = if size == Size::Unknown { vec![q(fields::LOCAL_CITY_POPULATION)] } else { vec![] };
                        (Msg::NoLocalData { place: Some(p.to_string()), parameter }, ask)
                    }
                };
                let unknowns = [
                    ("stable_employment", &data::criteria::STABLE_EMPLOYMENT),
                    ("insurance_months", &data::criteria::INSURANCE_MONTHS),
                ];
                for (id, citation) in unknowns {
                    let mut c = criterion(id, citation, Outcome::Unknown, message.clone());
                    c.questions = questions.clone();
                    criteria.push(c);
                }
            }
        }
    }

    let result = ProgramResult {
        policy_from: data::RELAXED_BELOW_10K.at(as_of).map(|d| d.from),
        notes,
        not_modelled: vec![Msg::NotModelledLocalProofs],
        ..ProgramResult::new(ProgramId::HukouTransfer, Subject::adult_path(index), criteria)
    };
    if away == Some(false) {
        result.not_applicable()
    } else {
        result
    }
}

fn employment(adult: &Adult, q: impl Fn(&'static str) -> Question) -> Criterion {
    let mut c = criterion(
        "stable_employment",
        &data::criteria::STABLE_EMPLOYMENT,
        tri(adult.stable_job),
        Msg::EmploymentForHukou { has: adult.stable_job },
    );
    if adult.stable_job.is_none() {
        c.questions.push(q(fields::STABLE_JOB));
    }
    c
}

/// Social-insurance months in the current place: the last contribution segment, when it is in this place (or in a
/// place inside it). A segment given less precisely than the place (a province for a city in it) does not say
/// whether its months were paid here: unknown.
fn insurance(adult: &Adult, place: Option<&str>, as_of: YearMonth, q: impl Fn(&'static str) -> Question) -> Criterion {
    let last = adult.employee_pension.segments.last();
    let months = match (last.map(|s| (PlaceId::parse(&s.place), s.months)), place.and_then(PlaceId::parse)) {
        (Some((Some(paid), months)), Some(here)) if paid.within(&here) => Some(i64::from(months)),
        (Some((Some(paid), _)), Some(here)) if !here.within(&paid) => Some(0),
        _ => None,
    };
    let required = policy::resolve(place, &data::MIN_INSURANCE_MONTHS).0.int_at(as_of).map(|r| r.0);
    let cap = data::MAX_INSURANCE_MONTHS_LARGE.int_at(as_of).map(|c| c.0);
    let required = match (required, cap) {
        (Some(r), Some(c)) => Some(r.min(c)),
        (r, _) => r,
    };
    let months_q = |v| Quantity { value: v, unit: Unit::Months };
    let Some(required) = required else {
        let message = Msg::NoLocalData { place: place.map(String::from), parameter: data::MIN_INSURANCE_MONTHS.key };
        let mut c = criterion("insurance_months", &data::criteria::INSURANCE_MONTHS, Outcome::Unknown, message);
        c.observed = months.map(months_q);
        return c;
    };
    let outcome = match months {
        Some(m) if m >= required => Outcome::Met,
        Some(_) => Outcome::NotMet,
        None => Outcome::Unknown,
    };
    let mut c = criterion(
        "insurance_months",
        &data::criteria::INSURANCE_MONTHS,
        outcome,
        Msg::InsuranceForHukou { months, required },
    );
    c.observed = months.map(months_q);
    c.required = Some(months_q(required));
    // Paying in here every month turns this into a matter of time.
    match (outcome, adult.employee_pension.contributing_now) {
        (Outcome::NotMet, Some(true)) => {
            c.is_duration = true;
            c.met_from = months.map(|m| as_of + i32::try_from(required - m).unwrap_or(i32::MAX));
        }
        // Short now, and not known whether still paying: waiting may be enough, so it is not a "no".
        (Outcome::NotMet, None) => {
            c.outcome = Outcome::Unknown;
            c.questions.push(q(fields::CONTRIBUTING_NOW));
        }
        _ => {}
    }
    if months.is_none() {
        c.questions.push(q(fields::SEGMENTS));
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Status;

    const NOV_2026: YearMonth = YearMonth::ym(2026, 11);

    fn migrant(place: Option<&str>, home: Option<bool>) -> Adult {
        Adult {
            hukou_elsewhere: Some(true),
            current_place: place.map(String::from),
            stable_home: home,
            ..Adult::default()
        }
    }

    #[test]
    fn in_a_county_town_a_rented_home_is_enough() {
        let r = evaluate(&migrant(Some("guangxi/liuzhou/rongan"), Some(true)), 0, NOV_2026);
        assert_eq!(r.status, Status::Eligible);
        assert_eq!(r.criteria.len(), 2, "no job or insurance test in a county town");
        assert!(r.notes.contains(&Msg::SmallCityRule));
    }

    #[test]
    fn a_megacity_uses_points_which_are_not_modelled() {
        let r = evaluate(&migrant(Some("beijing"), Some(true)), 0, NOV_2026);
        assert_eq!(r.status, Status::Unknown);
        assert!(r.criteria.iter().any(|c| c.id == "points_system" && c.outcome == Outcome::Unknown));
    }

    #[test]
    fn a_place_of_unknown_size_names_the_missing_number() {
        let r = evaluate(&migrant(Some("zhejiang/somewhere"), Some(true)), 0, NOV_2026);
        assert_eq!(r.status, Status::Unknown);
        assert!(r.criteria.iter().any(|c| matches!(
            &c.message,
            Msg::NoLocalData { parameter, .. } if *parameter == "hukou_transfer.urban_population_10k"
        )));
        let r = evaluate(&migrant(None, Some(true)), 0, NOV_2026);
        assert!(r.open_questions().contains(&Question::adult(0, fields::CURRENT_PLACE)));
    }

    /// 郑州's 中原区 (410102), a district of a city our data has no size for: unknown, asking for the population;
    /// with the family's 250 (万人, under the 300 of the 2022 scheme) a rented home is enough, said to be their number.
    #[test]
    fn a_city_population_the_family_knows_settles_the_size_and_is_said_to_be_theirs() {
        let r = evaluate(&migrant(Some("410102"), Some(true)), 0, NOV_2026);
        assert_eq!(r.status, Status::Unknown);
        assert!(r.open_questions().contains(&Question::adult(0, fields::LOCAL_CITY_POPULATION)));
        let mut a = migrant(Some("410102"), Some(true));
        a.local_numbers.city_population_10k = Some(250);
        let r = evaluate(&a, 0, NOV_2026);
        assert_eq!(r.status, Status::Eligible);
        assert!(r.notes.iter().any(|n| matches!(n, Msg::SuppliedNumber { value: 250, .. })));
        assert!(r.notes.iter().any(|n| n.text(crate::message::Lang::ZhCn).contains("250万人")));
        // 400: a large city, whose job and insurance tests then apply.
        a.local_numbers.city_population_10k = Some(400);
        assert!(evaluate(&a, 0, NOV_2026).criteria.iter().any(|c| c.id == "stable_employment"));
        // A county town needs no population at all.
        let r = evaluate(&migrant(Some("410221"), Some(true)), 0, NOV_2026);
        assert_eq!(r.status, Status::Eligible, "杞县, a county");
    }

    #[test]
    fn a_local_hukou_is_not_applicable_and_no_home_is_not_eligible() {
        let mut a = migrant(Some("guangxi/liuzhou/rongan"), Some(true));
        a.hukou_elsewhere = Some(false);
        assert_eq!(evaluate(&a, 0, NOV_2026).status, Status::NotApplicable);
        let r = evaluate(&migrant(Some("guangxi/liuzhou/rongan"), Some(false)), 0, NOV_2026);
        assert_eq!(r.status, Status::NotEligible);
    }

    #[test]
    fn insurance_months_count_where_the_last_segment_is_in_this_place() {
        let months = |segment: &str, place: &str| {
            let mut a = migrant(Some(place), Some(true));
            a.employee_pension.segments = vec![crate::household::Segment { place: segment.into(), months: 30 }];
            insurance(&a, Some(place), NOV_2026, |f| Question::adult(0, f)).observed.map(|o| o.value)
        };
        assert_eq!(months("guangdong/shenzhen", "guangdong/shenzhen"), Some(30));
        assert_eq!(months("guangdong/shenzhen/futian", "guangdong/shenzhen"), Some(30), "a district is in the city");
        assert_eq!(months("henan", "guangdong/shenzhen"), Some(0), "insured elsewhere now");
        assert_eq!(months("guangdong/dongguan", "guangdong/shenzhen"), Some(0));
        assert_eq!(months("guangdong", "guangdong/shenzhen"), None, "Guangdong may or may not be Shenzhen");
    }

    /// A hukou in the county one lives in is already here, whether or not the adult answered the question.
    #[test]
    fn a_hukou_place_inside_the_place_lived_in_is_already_here() {
        let mut a = migrant(Some("guangxi/liuzhou/rongan"), Some(true));
        a.hukou_elsewhere = None;
        a.hukou_place = Some("guangxi/liuzhou/rongan".into());
        assert_eq!(evaluate(&a, 0, NOV_2026).status, Status::NotApplicable);
        a.hukou_place = Some("guangxi".into());
        assert_eq!(evaluate(&a, 0, NOV_2026).status, Status::Unknown, "a province alone does not say which county");
    }
}
