//! Paying rent from the housing provident fund (住房公积金).
//!
//! Authority: 住房公积金管理条例 Art. 24 [C1]: withdrawal is allowed when the rent exceeds a share of household wage
//! income set locally; residence-permit holders may deposit and use the fund where they live (居住证暂行条例 Art. 12).
//!
//! Criteria: `depositing`, `renting_no_home`, `rent_share` (the local share; household wage income is taken as
//! income per person × household size [I]).

use super::common::{criterion, local, no_local_rule, renting_no_home, tri};
use super::{fields, household_fields};
use crate::household::{Household, Question};
use crate::message::Msg;
use crate::policy::data::national::provident_fund_rent as data;
use crate::report::{Outcome, ProgramId, ProgramResult};
use crate::time::YearMonth;

pub fn evaluate(household: &Household, as_of: YearMonth) -> ProgramResult {
    // Either adult may withdraw for rent, where they live: the family's answer is the better one.
    let results = super::family::by_place(household, Some(&data::RENT_SHARE_BP))
        .into_iter()
        .map(|(p, _)| in_place(household, p, as_of));
    match super::family::best(results) {
        Some(r) => r,
        None => in_place(household, None, as_of),
    }
}

fn in_place(household: &Household, place: Option<&str>, as_of: YearMonth) -> ProgramResult {
    let depositing = household.provident_fund_depositing;
    let mut dep =
        criterion("depositing", &data::criteria::DEPOSITING, tri(depositing), Msg::FundDepositing { depositing });
    if depositing.is_none() {
        dep.questions.push(Question::household(household_fields::PROVIDENT_FUND));
    }

    let rent = renting_no_home(household, &data::criteria::RENTING_NO_HOME);

    let share = match local(place, &data::RENT_SHARE_BP, as_of) {
        None => no_local_rule(
            "rent_share",
            &data::criteria::RENT_SHARE,
            place,
            &data::RENT_SHARE_BP,
            Question::adult(0, fields::CURRENT_PLACE),
            as_of,
        ),
        Some(0) => criterion(
            "rent_share",
            &data::criteria::RENT_SHARE,
            Outcome::Met,
            Msg::RentShare { rent_fen: household.monthly_rent_fen, income_fen: None, share_bp: 0 },
        ),
        Some(share_bp) => {
            let income = household.income_per_capita_fen.zip(household.size).map(|(i, n)| i * i64::from(n));
            let rent = household.monthly_rent_fen;
            let outcome =
                tri(rent.zip(income).map(|(r, i)| i128::from(r) * 10_000 > i128::from(i) * i128::from(share_bp)));
            let mut c = criterion(
                "rent_share",
                &data::criteria::RENT_SHARE,
                outcome,
                Msg::RentShare { rent_fen: rent, income_fen: income, share_bp },
            );
            if rent.is_none() {
                c.questions.push(Question::household(household_fields::MONTHLY_RENT));
            }
            if income.is_none() {
                c.questions.push(Question::household(household_fields::INCOME_PER_CAPITA));
            }
            c
        }
    };

    let criteria = vec![dep, rent, share];
    ProgramResult {
        not_modelled: vec![Msg::NotModelledLocalRules],
        ..ProgramResult::new(ProgramId::ProvidentFundRent, "household", criteria)
    }
}
