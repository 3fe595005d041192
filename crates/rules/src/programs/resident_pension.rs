//! Urban and rural residents' basic pension (城乡居民基本养老保险), paid at the hukou place.
//!
//! Authority: 国务院关于建立统一的城乡居民基本养老保险制度的意见 (国发〔2014〕8号), as restated verbatim by local
//! agencies [C2]: paid from age 60 to people with 15 contribution years who receive no other statutory basic
//! pension; benefit = the basic pension (central minimum, raised locally) + account balance ÷ 139, plus local
//! add-ons such as 西咸新区's +5 yuan a month per year beyond 15.
//!
//! Criteria: `resident_age` (a duration test), `resident_min_years`, `no_other_pension`.
//! Parameters: `policy/national/resident_pension.toml` and the places' layers (by the hukou place).

use super::{common, fields};
use crate::household::{Adult, Question, Subject};
use crate::message::Msg;
use crate::pension::formula::account_monthly_fen;
use crate::policy::data::national::resident_pension as data;
use crate::policy::{self, Unit};
use crate::report::{Amount, AmountId, Criterion, Outcome, ProgramId, ProgramResult, Quantity};
use crate::time::YearMonth;

/// Evaluates adult number `index` of the household.
pub fn evaluate(adult: &Adult, index: u8, as_of: YearMonth) -> ProgramResult {
    let q = |field| Question::adult(index, field);
    let r = &adult.resident_pension;
    let benefit_age = data::BENEFIT_AGE.int_at(as_of);
    let required = data::MIN_MONTHS.int_at(as_of);
    let months = r.months.map(i64::from);

    let age_month =
        adult.birth.zip(benefit_age).map(|(b, (age, _))| b + i32::try_from(age.saturating_mul(12)).unwrap_or(i32::MAX));
    let age = match age_month {
        None => criterion("resident_age", Outcome::Unknown, Msg::ResidentAgeUnknown, vec![q(fields::BIRTH)]),
        Some(m) if as_of >= m => criterion("resident_age", Outcome::Met, Msg::ResidentAgeReached { month: m }, vec![]),
        Some(m) => Criterion {
            is_duration: true,
            met_from: Some(m),
            ..criterion("resident_age", Outcome::NotMet, Msg::ResidentAgeAhead { month: m }, vec![])
        },
    };
    let years = match (months, required) {
        (Some(m), Some((req, _))) if m >= req => {
            criterion("resident_min_years", Outcome::Met, Msg::ResidentYearsEnough { months: m, required: req }, vec![])
        }
        // Short: met in time by paying on (counted a month at a time [I]: the scheme is paid once a year), when the
        // family says it keeps paying (a scenario's fact, left out of the page's own module).
        (Some(m), Some((req, _))) => {
            let paying = super::SCENARIO_FACTS && r.contributing_now == Some(true);
            let met_from = paying.then(|| as_of + i32::try_from(req - m).unwrap_or(i32::MAX));
            Criterion {
                is_duration: met_from.is_some(),
                met_from,
                ..criterion(
                    "resident_min_years",
                    Outcome::NotMet,
                    Msg::ResidentYearsShort { months: m, required: req, remaining: req - m, met_from },
                    vec![],
                )
            }
        }
        _ => criterion(
            "resident_min_years",
            Outcome::Unknown,
            Msg::ResidentYearsUnknown,
            vec![q(fields::RESIDENT_MONTHS)],
        ),
    };
    let years = Criterion {
        observed: months.map(|v| Quantity { value: v, unit: Unit::Months }),
        required: required.map(|(v, _)| Quantity { value: v, unit: Unit::Months }),
        ..years
    };
    let other = match r.other_pension {
        Some(false) => criterion("no_other_pension", Outcome::Met, Msg::NoOtherPension, vec![]),
        Some(true) => criterion("no_other_pension", Outcome::NotMet, Msg::HasOtherPension, vec![]),
        None => {
            criterion("no_other_pension", Outcome::Unknown, Msg::OtherPensionUnknown, vec![q(fields::OTHER_PENSION)])
        }
    };
    let criteria = vec![age, years, other];
    let options = match (months, required) {
        (Some(m), Some((req, _))) if m < req => vec![Msg::KeepPayingResident { remaining: req - m }],
        _ => vec![],
    };
    let amounts = estimate(adult, months, as_of, q);
    let given = adult.local_numbers.resident_basic_pension_fen;
    let used = amounts.iter().any(|a| a.supplied.contains(&data::BASIC_PENSION.key));
    let (place, numbers) = (adult.hukou_place.as_deref(), &adult.local_numbers);
    let notes = common::supplied_note(numbers, &data::BASIC_PENSION, given, used, place, as_of).into_iter().collect();
    ProgramResult {
        notes,
        policy_from: common::newest_from([benefit_age.map(|v| v.1), required.map(|v| v.1)], &amounts),
        amounts,
        options,
        not_modelled: vec![Msg::NotModelledResidentTiers],
        ..ProgramResult::new(ProgramId::ResidentPension, Subject::adult_path(index), criteria)
    }
}

/// A criterion of this program with its citation and the questions that would settle it.
fn criterion(id: &'static str, outcome: Outcome, message: Msg, questions: Vec<Question>) -> Criterion {
    let citation = match id {
        "resident_age" => &data::criteria::RESIDENT_AGE,
        "resident_min_years" => &data::criteria::RESIDENT_MIN_YEARS,
        _ => &data::criteria::NO_OTHER_PENSION,
    };
    Criterion { questions, ..common::criterion(id, citation, outcome, message) }
}

/// Monthly pension with today's levels of the hukou place: basic + balance ÷ 139 + any local add-on.
fn estimate(adult: &Adult, months: Option<i64>, as_of: YearMonth, q: impl Fn(&'static str) -> Question) -> Vec<Amount> {
    let place = adult.hukou_place.as_deref();
    // The place's own amount where a layer gives one; else a number the family gave; else the national minimum.
    let (basic_rules, basic_layer) = policy::resolve(place, &data::BASIC_PENSION);
    let own_now = basic_layer.is_some() && basic_rules.int_at(as_of).is_some();
    let given = adult.local_numbers.resident_basic_pension_fen.filter(|_| place.is_some() && !own_now);
    let divisor = data::ACCOUNT_DIVISOR.int_at(as_of);
    let balance = adult.resident_pension.balance_fen;
    let (addon_param, addon_layer) = policy::resolve(place, &data::ADDON_PER_EXTRA_YEAR);
    let addon_rule = addon_param.int_at(as_of);
    let required = data::MIN_MONTHS.int_at(as_of);

    // A place whose own level is not in force this month (its values ended) falls back to the national minimum,
    // shown as the floor it is, as for a place with no level of its own.
    let own = basic_rules.int_at(as_of);
    let floor = own.is_none() && basic_layer.is_some();
    let basic = if given.is_some() { None } else { own.or_else(|| data::BASIC_PENSION.int_at(as_of)) };
    let mut basic_amount =
        Amount { fen: basic.map(|b| b.0).or(given), ..Amount::new(AmountId::BasicMonthly, Msg::ResidentBasicBasis) };
    basic_amount.used.extend(basic.map(|b| b.1));
    if given.is_some() {
        basic_amount.supplied.push(data::BASIC_PENSION.key);
    } else if basic.is_none() {
        basic_amount.missing_data.push(data::BASIC_PENSION.key);
    }
    if place.is_none() {
        // Without the hukou place the national minimum stands in, said to be a floor; the place's may be higher.
        basic_amount.basis = Msg::ResidentBasicNationalMinimum;
        basic_amount.questions.push(q(fields::HUKOU_PLACE));
    } else if (basic_layer.is_none() || floor) && given.is_none() && basic.is_some() {
        // A hukou place whose own level our data lacks: the national minimum is the floor, and the family may know
        // the place's number.
        basic_amount.basis = Msg::ResidentBasicNoLocal;
        basic_amount.questions.push(q(fields::LOCAL_RESIDENT_BASIC));
    }

    let mut account = Amount {
        fen: balance.zip(divisor).map(|(b, (d, _))| account_monthly_fen(b, d * 10)),
        ..Amount::new(AmountId::AccountMonthly, Msg::ResidentAccountBasis)
    };
    account.used.extend(divisor.map(|d| d.1));
    if balance.is_none() {
        account.questions.push(q(fields::RESIDENT_BALANCE));
    }

    // In a known hukou place with no local add-on rule (the usual case) the add-on is nothing, not unknown: only
    // places that pay one have a layer for it. Without the hukou place it is unknown: the place may pay one.
    let mut addon = Amount::new(AmountId::AddonMonthly, Msg::ResidentAddonBasis);
    match (place, addon_layer) {
        (None, _) => addon.questions.push(q(fields::HUKOU_PLACE)),
        // A place given more coarsely than a layer that sets an add-on (a province, where one of its counties
        // pays one) does not say whether it is paid: ask for the hukou place in full.
        (Some(p), None)
            if data::ADDON_PER_EXTRA_YEAR
                .overrides
                .iter()
                .any(|(layer, _)| crate::place::relation(p, layer) == Some(crate::place::Relation::Contains)) =>
        {
            addon.questions.push(q(fields::HUKOU_PLACE));
        }
        (Some(_), None) => {
            addon.fen = Some(0);
            addon.basis = Msg::ResidentAddonNotFound;
        }
        (Some(_), Some(_)) => {
            if let (Some((per_year, d)), Some(m), Some((req, _))) = (addon_rule, months, required) {
                addon.fen = per_year.checked_mul((m - req).max(0) / 12);
                addon.used.push(d);
            }
            if addon_rule.is_none() {
                addon.missing_data.push(data::ADDON_PER_EXTRA_YEAR.key);
            }
            if required.is_none() {
                addon.missing_data.push(data::MIN_MONTHS.key);
            }
            if months.is_none() {
                addon.questions.push(q(fields::RESIDENT_MONTHS));
            }
        }
    }

    let mut total = Amount {
        fen: basic_amount.fen.zip(account.fen).zip(addon.fen).map(|((a, b), c)| a + b + c),
        ..Amount::new(AmountId::TotalMonthly, Msg::TotalBasis)
    };
    for part in [&basic_amount, &account, &addon] {
        for x in &part.questions {
            if !total.questions.contains(x) {
                total.questions.push(*x);
            }
        }
        for x in &part.missing_data {
            if !total.missing_data.contains(x) {
                total.missing_data.push(*x);
            }
        }
        total.used.extend(part.used.iter().copied());
    }
    vec![total, basic_amount, account, addon]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::ResidentPension;
    use crate::report::Status;

    const NOV_2026: YearMonth = YearMonth::ym(2026, 11);

    fn resident(birth: YearMonth, months: u32, balance: i64, place: &str) -> Adult {
        Adult {
            birth: Some(birth),
            hukou_place: Some(place.into()),
            resident_pension: ResidentPension {
                months: Some(months),
                balance_fen: Some(balance),
                other_pension: Some(false),
                ..ResidentPension::default()
            },
            ..Adult::default()
        }
    }

    fn total(r: &ProgramResult) -> Option<i64> {
        r.amounts.iter().find(|a| a.id == AmountId::TotalMonthly).and_then(|a| a.fen)
    }

    #[test]
    fn g_rs1_sixty_with_fifteen_years_gets_the_basic_plus_the_account() {
        // 2025: central minimum 143 + 30,000 / 139 = 358.83 (in a place paying only the minimum: Hebei's
        // provincial level is the minimum, so it has no layer of its own).
        let r = evaluate(&resident(YearMonth::ym(1965, 6), 180, 3_000_000, "hebei"), 0, YearMonth::ym(2025, 6));
        assert_eq!(r.status, Status::Eligible);
        assert_eq!(total(&r), Some(35_883));
    }

    #[test]
    fn xixian_adds_five_yuan_a_month_for_each_year_beyond_fifteen() {
        let r = evaluate(&resident(YearMonth::ym(1960, 1), 20 * 12, 0, "shaanxi/xixian"), 0, NOV_2026);
        let addon = r.amounts.iter().find(|a| a.id == AmountId::AddonMonthly).and_then(|a| a.fen);
        assert_eq!(addon, Some(2_500));
    }

    #[test]
    fn under_sixty_is_not_yet_and_short_years_are_not_eligible_with_a_way_forward() {
        let r = evaluate(&resident(YearMonth::ym(1970, 3), 200, 0, "henan"), 0, NOV_2026);
        assert_eq!((r.status, r.earliest), (Status::NotYet, Some(YearMonth::ym(2030, 3))));
        let r = evaluate(&resident(YearMonth::ym(1960, 3), 120, 0, "henan"), 0, NOV_2026);
        assert_eq!(r.status, Status::NotEligible);
        assert_eq!(r.options, [Msg::KeepPayingResident { remaining: 60 }]);
    }

    #[test]
    fn nothing_known_is_unknown_everywhere() {
        let r = evaluate(&Adult::default(), 0, NOV_2026);
        assert_eq!(r.status, Status::Unknown);
        assert_eq!(total(&r), None);
    }

    fn addon(r: &ProgramResult) -> &Amount {
        r.amounts.iter().find(|a| a.id == AmountId::AddonMonthly).unwrap()
    }

    #[test]
    fn without_the_hukou_place_the_local_add_on_is_unknown_and_asks_for_the_place() {
        // 20 years in 西咸新区 would add 5 yuan × 5 years; elsewhere nothing. Without the place it is not 0.
        let mut a = resident(YearMonth::ym(1960, 1), 20 * 12, 3_000_000, "henan");
        a.hukou_place = None;
        let r = evaluate(&a, 0, NOV_2026);
        assert_eq!(addon(&r).fen, None);
        assert_eq!(addon(&r).questions, [Question::adult(0, fields::HUKOU_PLACE)]);
        assert_eq!(total(&r), None, "the total is unknown with it");
        assert!(r.amounts[0].questions.contains(&Question::adult(0, fields::HUKOU_PLACE)));
        // A known place without an add-on rule pays none.
        let r = evaluate(&resident(YearMonth::ym(1960, 1), 20 * 12, 0, "henan"), 0, NOV_2026);
        assert_eq!(addon(&r).fen, Some(0));
    }

    #[test]
    fn in_a_place_that_pays_an_add_on_unknown_years_ask_for_the_years() {
        let mut a = resident(YearMonth::ym(1960, 1), 0, 0, "shaanxi/xixian");
        a.resident_pension.months = None;
        let r = evaluate(&a, 0, NOV_2026);
        assert_eq!(addon(&r).fen, None);
        assert_eq!(addon(&r).questions, [Question::adult(0, fields::RESIDENT_MONTHS)]);
        assert!(addon(&r).missing_data.is_empty());
    }

    /// 西咸新区 pays an add-on for each year beyond the minimum; a hukou given only as 陕西 does not say whether it
    /// is there, so the add-on is unknown and asks for the hukou place — not 0.
    #[test]
    fn a_hukou_given_only_as_the_province_of_an_add_on_place_is_unknown() {
        let a = resident(YearMonth::ym(1960, 1), 20 * 12, 0, "shaanxi");
        let r = evaluate(&a, 0, YearMonth::ym(2026, 11));
        assert_eq!(addon(&r).fen, None);
        assert_eq!(addon(&r).questions, [Question::adult(0, fields::HUKOU_PLACE)]);
    }
}
