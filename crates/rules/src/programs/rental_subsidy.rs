//! Rental subsidies (公共租赁住房租赁补贴): 公租房 given as money toward a rent on the market.
//!
//! Authority: 关于进一步规范发展公租房的意见 (建保〔2019〕55号) [U]: 公租房 is given in kind and as rental subsidies
//! (实物保障与租赁补贴并举). The amount is the county's: a rate per m² per month on the area it pays for, per
//! person and within a cap (`policy/places/…/rental_subsidy.toml`: 怀宁, 永新, 黎川; rules-counties §2.2).
//!
//! Criteria: `public_rental_eligible` (the county's 公租房 conditions, as `public_rental` answers them for the same
//! applicant: the subsidy's targets are its targets [I]), `renting_no_home` (renting on the market, no home of
//! one's own), `local_subsidy` (the county pays one: its rate is in the data). Amount: the monthly subsidy, or, where
//! the county does not say the area per person, unknown with the most it can be. Either adult may apply.

use super::common::{criterion, local_dated, no_local_rule, renting_no_home};
use super::{fields, household_fields};
use crate::household::{Adult, Household, Question};
use crate::message::Msg;
use crate::policy::data::national::rental_subsidy as data;
use crate::report::{Amount, AmountId, Outcome, ProgramId, ProgramResult, Status};
use crate::time::YearMonth;

pub fn evaluate(household: &Household, as_of: YearMonth) -> ProgramResult {
    super::family::best_applicant(household, |i, a| as_applicant(household, i, a, as_of))
}

fn as_applicant(household: &Household, index: u8, applicant: &Adult, as_of: YearMonth) -> ProgramResult {
    let place = applicant.current_place.as_deref();
    let place_q = Question::adult(index, fields::CURRENT_PLACE);

    // The county's 公租房 conditions for this applicant, as that program answers them.
    let rental = super::public_rental::as_applicant(household, index, applicant, as_of);
    let outcome = match rental.status {
        Status::Eligible => Outcome::Met,
        Status::NotEligible | Status::NotYet => Outcome::NotMet,
        Status::Unknown | Status::NotApplicable => Outcome::Unknown,
    };
    let mut eligible = criterion(
        "public_rental_eligible",
        &data::criteria::PUBLIC_RENTAL_ELIGIBLE,
        outcome,
        Msg::SubsidyFollowsPublicRental { status: rental.status },
    );
    eligible.questions = rental.open_questions();
    // Not yet for 公租房 (insurance still growing): not yet for its subsidy either, from the same month.
    eligible.met_from = rental.earliest.filter(|_| rental.status == Status::NotYet);
    eligible.is_duration = rental.status == Status::NotYet;

    let rent = renting_no_home(household, &data::criteria::RENTING_NO_HOME);

    let rate = local_dated(place, &data::RATE_FEN_PER_M2, as_of);
    let subsidy = match rate {
        Some((fen, d)) => criterion("local_subsidy", &d.cite, Outcome::Met, Msg::LocalSubsidy { rate_fen: fen }),
        None => no_local_rule(
            "local_subsidy",
            &data::criteria::LOCAL_SUBSIDY,
            place,
            &data::RATE_FEN_PER_M2,
            place_q,
            as_of,
        ),
    };

    // No rate in the data: no amount at all (the criterion says the number is missing), never a zero.
    let amounts: Vec<Amount> = rate.into_iter().map(|r| monthly(household, place, r, as_of)).collect();
    ProgramResult {
        amounts,
        changes_at: rental.changes_at,
        policy_from: rate.map(|r| r.1.from),
        not_modelled: vec![Msg::NotModelledSubsidyTerms],
        ..ProgramResult::new(ProgramId::RentalSubsidy, "household", vec![eligible, rent, subsidy])
    }
}

/// The monthly subsidy: the rate on the area per person times the household's size, within the county's cap (a
/// single person's cap for a household of one). Where the county does not say the area per person, or the size is
/// not known, it is unknown, and its basis gives the most it can be.
fn monthly(
    household: &Household,
    place: Option<&str>,
    (rate_fen, rate): (i64, &'static crate::policy::Dated),
    as_of: YearMonth,
) -> Amount {
    let per_person = local_dated(place, &data::AREA_PER_PERSON_M2, as_of);
    let size = household.size.map(i64::from);
    let cap_param = if size == Some(1) { &data::AREA_CAP_SINGLE_M2 } else { &data::AREA_CAP_HOUSEHOLD_M2 };
    let cap = local_dated(place, cap_param, as_of);
    let area = per_person.map(|p| p.0).zip(size).map(|(p, n)| {
        let area = p.saturating_mul(n);
        cap.map_or(area, |c| area.min(c.0))
    });
    let basis = Msg::SubsidyAmount {
        rate_fen,
        per_person_m2: per_person.map(|p| p.0),
        size,
        cap_m2: cap.map(|c| c.0),
        area_m2: area,
    };
    let mut a = Amount::new(AmountId::SubsidyMonthly, basis);
    a.fen = area.map(|m2| rate_fen.saturating_mul(m2));
    a.used = std::iter::once(rate).chain(per_person.map(|p| p.1)).chain(cap.map(|c| c.1)).collect();
    if size.is_none() {
        a.questions.push(Question::household(household_fields::SIZE));
    }
    if per_person.is_none() {
        a.missing_data.push(data::AREA_PER_PERSON_M2.key);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::EmployeePension;

    const NOV_2026: YearMonth = YearMonth::ym(2026, 11);

    /// A family of `size` renting in `place`, with no home of its own and income below the line; the one adult is
    /// from elsewhere, with a year's contract and 14 months of county insurance, and the parents' home is not in
    /// the town (怀宁's 公租房 conditions met: rules-counties §2.1).
    fn renting(place: &str, size: u32) -> Household {
        Household {
            adults: vec![Adult {
                current_place: Some(place.into()),
                hukou_elsewhere: Some(true),
                contract_months: Some(12),
                si_months_here: Some(14),
                parents_home_here: Some(false),
                employee_pension: EmployeePension { contributing_now: Some(false), ..Default::default() },
                ..Adult::default()
            }],
            owns_home_here: Some(false),
            rents_home: Some(true),
            income_below_local_line: Some(true),
            size: Some(size),
            ..Household::default()
        }
    }

    fn amount(r: &ProgramResult) -> Option<i64> {
        r.amounts.iter().find(|a| a.id == AmountId::SubsidyMonthly).and_then(|a| a.fen)
    }

    /// 永新: 15 m² a person × 2 yuan a m² a month (rules-counties §2.2): 90 yuan a month for three. Its 公租房
    /// conditions are not in the data, so who qualifies stays open.
    #[test]
    fn yongxin_pays_two_yuan_on_fifteen_square_metres_a_person() {
        let r = evaluate(&renting("jiangxi/jian/yongxin", 3), NOV_2026);
        assert_eq!(amount(&r), Some(9_000));
        assert_eq!(r.status, Status::Unknown);
        assert_eq!(amount(&evaluate(&renting("jiangxi/jian/yongxin", 1), NOV_2026)), Some(3_000));
    }

    /// 黎川: "4元/人/月 × 15平方米", read as 60 yuan a person a month [I]: 180 yuan for three.
    #[test]
    fn lichuan_pays_sixty_yuan_a_person() {
        assert_eq!(amount(&evaluate(&renting("jiangxi/fuzhou/lichuan", 3), NOV_2026)), Some(18_000));
    }

    /// 怀宁: 3 yuan a m² a month on at most 60 m² (20 m² alone); the area per person is not in the text, so the
    /// amount is unknown with its cap, and the family that meets 怀宁's 公租房 conditions and rents is eligible.
    #[test]
    fn huaining_gives_the_subsidy_to_its_public_rental_families_and_says_only_its_cap() {
        let r = evaluate(&renting("anhui/anqing/huaining", 3), NOV_2026);
        assert_eq!(r.status, Status::Eligible);
        let a = r.amounts.iter().find(|a| a.id == AmountId::SubsidyMonthly).unwrap();
        assert_eq!(a.fen, None);
        assert_eq!(
            a.basis,
            Msg::SubsidyAmount { rate_fen: 300, per_person_m2: None, size: Some(3), cap_m2: Some(60), area_m2: None }
        );
        let single = evaluate(&renting("anhui/anqing/huaining", 1), NOV_2026);
        let a = single.amounts.iter().find(|a| a.id == AmountId::SubsidyMonthly).unwrap();
        assert!(matches!(a.basis, Msg::SubsidyAmount { cap_m2: Some(20), .. }));
        // Owning a home in the town: neither 公租房 nor its subsidy.
        let mut owner = renting("anhui/anqing/huaining", 3);
        owner.owns_home_here = Some(true);
        assert_eq!(evaluate(&owner, NOV_2026).status, Status::NotEligible);
    }

    /// Either adult may apply, and the order they are listed in changes nothing: with the first adult in a county
    /// whose subsidy is not in the data and the second meeting 怀宁's conditions, the family is eligible through
    /// the second, either way round.
    #[test]
    fn the_second_adult_may_be_the_applicant_in_either_order() {
        let mut h = renting("anhui/anqing/huaining", 3);
        let elsewhere = Adult { current_place: Some("henan/kaifeng/lankao".into()), ..Adult::default() };
        h.adults.insert(0, elsewhere);
        let first = evaluate(&h, NOV_2026);
        assert_eq!(first.status, Status::Eligible);
        h.adults.reverse();
        let second = evaluate(&h, NOV_2026);
        assert_eq!(second.status, Status::Eligible);
        assert_eq!(first.criteria.iter().map(|c| c.outcome).collect::<Vec<_>>(), [Outcome::Met; 3]);
        assert_eq!(amount(&first), amount(&second));
    }

    /// A place whose subsidy is not in the data: unknown, naming the missing rate, never a "no".
    #[test]
    fn without_a_local_rate_the_answer_is_unknown_and_no_amount_is_made_up() {
        let r = evaluate(&renting("henan/kaifeng/lankao", 3), NOV_2026);
        let c = r.criteria.iter().find(|c| c.id == "local_subsidy").unwrap();
        assert_eq!(c.outcome, Outcome::Unknown);
        assert!(r.amounts.is_empty());
        assert_ne!(r.status, Status::NotEligible);
    }
}
