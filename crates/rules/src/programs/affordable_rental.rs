//! Affordable rental housing (保障性租赁住房, 保租房) in the place the family lives.
//!
//! Authority: 国办发〔2021〕22号 [C2]: for new citizens and young people, small units below market rent; cities set
//! the entry rules. The usual test is "no home in this city", with no income test [I]; no county-level rule was found
//! and county towns often have no units, which the result says [U].
//!
//! Criterion: `no_home_here`.

use super::common::{criterion, tri};
use super::household_fields;
use crate::household::{Household, Question};
use crate::message::Msg;
use crate::policy;
use crate::policy::data::national::affordable_rental as data;
use crate::report::{ProgramId, ProgramResult};
use crate::time::YearMonth;

pub fn evaluate(household: &Household, as_of: YearMonth) -> ProgramResult {
    // Either adult may apply, where they live: the family's answer is the better one.
    let results = super::family::by_place(household, None).into_iter().map(|(p, _)| in_place(household, p, as_of));
    match super::family::best(results) {
        Some(r) => r,
        None => in_place(household, None, as_of),
    }
}

fn in_place(household: &Household, place: Option<&str>, _as_of: YearMonth) -> ProgramResult {
    let owns = household.owns_home_here;
    let mut c = criterion("no_home_here", &data::criteria::NO_HOME_HERE, tri(owns.map(|o| !o)), Msg::OwnsHome { owns });
    if owns.is_none() {
        c.questions.push(Question::household(household_fields::OWNS_HOME_HERE));
    }
    let county_or_unknown = place.and_then(policy::place).is_none_or(|p| p.level == "county");
    let criteria = vec![c];
    ProgramResult {
        notes: if county_or_unknown { vec![Msg::SupplyMayNotExist] } else { vec![] },
        not_modelled: vec![Msg::NotModelledLocalRules],
        ..ProgramResult::new(ProgramId::AffordableRental, "household", criteria)
    }
}
