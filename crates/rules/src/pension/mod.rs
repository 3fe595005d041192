//! Pension arithmetic shared by the pension programs: statutory retirement age, minimum contribution months,
//! and the benefit formulas. Pure functions of their inputs and the policy data in force at the evaluation month;
//! a `None` means the data has no value for that month (the caller reports it as unknown).

pub mod formula;
pub mod linkage;
pub mod receipt;
pub mod retirement;
