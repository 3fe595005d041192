//! The programs, one file each. Each file names its legal authority in its `//!` header, has one `evaluate`
//! that reads like the rule it implements, and keeps its unit tests at the bottom.

pub mod employee_pension;
pub mod hukou_transfer;
pub mod residence_permit;
pub mod resident_pension;

/// The adult fields programs ask about (camelCase paths below `household.adults[i]`). A test checks that each
/// is a real request field, so a question always points at something the user can answer.
pub mod fields {
    pub const BIRTH: &str = "birth";
    pub const SEX: &str = "sex";
    pub const FEMALE_CATEGORY: &str = "femaleCategory";
    pub const HUKOU_PLACE: &str = "hukouPlace";
    pub const CURRENT_PLACE: &str = "currentPlace";
    pub const HUKOU_ELSEWHERE: &str = "hukouElsewhere";
    pub const MONTHS_IN_PLACE: &str = "monthsInPlace";
    pub const STABLE_JOB: &str = "stableJob";
    pub const STABLE_HOME: &str = "stableHome";
    pub const CONTINUOUS_STUDY: &str = "continuousStudy";
    pub const PERMIT_HELD: &str = "permit.held";
    pub const PERMIT_ISSUED: &str = "permit.issued";
    pub const EMPLOYEE_MONTHS: &str = "employeePension.months";
    pub const CONTRIBUTING_NOW: &str = "employeePension.contributingNow";
    pub const SEGMENTS: &str = "employeePension.segments";
    pub const ACCOUNT_BALANCE: &str = "employeePension.accountBalanceFen";
    pub const AVERAGE_INDEX: &str = "employeePension.averageIndexBp";
    pub const RESIDENT_MONTHS: &str = "residentPension.months";
    pub const RESIDENT_BALANCE: &str = "residentPension.balanceFen";
    pub const OTHER_PENSION: &str = "residentPension.otherPension";
}

pub const ADULT_QUESTION_FIELDS: &[&str] = &[
    fields::BIRTH,
    fields::SEX,
    fields::FEMALE_CATEGORY,
    fields::HUKOU_PLACE,
    fields::CURRENT_PLACE,
    fields::HUKOU_ELSEWHERE,
    fields::MONTHS_IN_PLACE,
    fields::STABLE_JOB,
    fields::STABLE_HOME,
    fields::CONTINUOUS_STUDY,
    fields::PERMIT_HELD,
    fields::PERMIT_ISSUED,
    fields::EMPLOYEE_MONTHS,
    fields::CONTRIBUTING_NOW,
    fields::SEGMENTS,
    fields::ACCOUNT_BALANCE,
    fields::AVERAGE_INDEX,
    fields::RESIDENT_MONTHS,
    fields::RESIDENT_BALANCE,
    fields::OTHER_PENSION,
];
