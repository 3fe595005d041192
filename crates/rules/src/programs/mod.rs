//! The programs, one file each. Each file names its legal authority in its `//!` header, has one `evaluate`
//! that reads like the rule it implements, and keeps its unit tests at the bottom.

pub mod affordable_rental;
pub mod common;
pub mod employee_pension;
pub mod exam_eligibility;
pub mod family;
pub mod hukou_transfer;
pub mod parent_tests;
pub mod provident_fund_rent;
pub mod public_rental;
pub mod rental_subsidy;
pub mod residence_permit;
pub mod resident_pension;
pub mod school_entry;
pub mod zhongkao_eligibility;

/// Whether facts only a scenario sets are read: paying on into the residents' scheme
/// (`residentPension.contributingNow`, set by `payResidentScheme` and `farmAtHome`). The page's own module (feature
/// `page`, on wasm32) runs no scenarios and no question of its form sets them, so there they are left out with their
/// words; the what-if module, the CLI, the JS API and native tests read them.
pub const SCENARIO_FACTS: bool = !cfg!(all(feature = "page", target_family = "wasm"));

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
    pub const PARENTS_HOME: &str = "parentsHomeHere";
    pub const CONTINUOUS_STUDY: &str = "continuousStudy";
    pub const PERMIT_HELD: &str = "permit.held";
    pub const PERMIT_ISSUED: &str = "permit.issued";
    pub const SI_MONTHS_HERE: &str = "siMonthsHere";
    pub const CONTRACT_MONTHS: &str = "contractMonths";
    pub const BUSINESS_LICENCE: &str = "businessLicenceSince";
    pub const COLLEGE: &str = "college";
    pub const GRADUATED: &str = "graduated";
    pub const EMPLOYEE_MONTHS: &str = "employeePension.months";
    pub const CONTRIBUTING_NOW: &str = "employeePension.contributingNow";
    pub const SEGMENTS: &str = "employeePension.segments";
    pub const ACCOUNT_BALANCE: &str = "employeePension.accountBalanceFen";
    pub const AVERAGE_INDEX: &str = "employeePension.averageIndexBp";
    pub const CURRENT_BASE: &str = "employeePension.currentBaseBp";
    pub const PLANNED_RETIREMENT: &str = "employeePension.plannedRetirement";
    pub const RESIDENT_MONTHS: &str = "residentPension.months";
    pub const RESIDENT_BALANCE: &str = "residentPension.balanceFen";
    pub const OTHER_PENSION: &str = "residentPension.otherPension";
    pub const LOCAL_BENEFIT_BASE: &str = "localNumbers.benefitBaseFen";
    pub const LOCAL_RESIDENT_BASIC: &str = "localNumbers.residentBasicPensionFen";
    pub const LOCAL_CITY_POPULATION: &str = "localNumbers.cityPopulation10k";
}

/// Household fields programs ask about (below `household`).
pub mod household_fields {
    pub const OWNS_HOME_HERE: &str = "ownsHomeHere";
    pub const FLOOR_AREA: &str = "floorAreaPerCapitaM2";
    pub const INCOME_PER_CAPITA: &str = "incomePerCapitaFen";
    pub const INCOME_BELOW_LINE: &str = "incomeBelowLocalLine";
    pub const PROVIDENT_FUND: &str = "providentFundDepositing";
    pub const RENTS_HOME: &str = "rentsHome";
    pub const MONTHLY_RENT: &str = "monthlyRentFen";
    pub const SIZE: &str = "size";
}

/// Child fields programs ask about (below `household.children[i]`).
pub mod child_fields {
    pub const BIRTH: &str = "birth";
    pub const XUEJI_YEARS: &str = "xuejiYears";
    pub const HUKOU_PLACE: &str = "hukouPlace";
    pub const ZHONGKAO_HERE: &str = "zhongkaoHere";
}

pub const HOUSEHOLD_QUESTION_FIELDS: &[&str] = &[
    household_fields::OWNS_HOME_HERE,
    household_fields::FLOOR_AREA,
    household_fields::INCOME_PER_CAPITA,
    household_fields::INCOME_BELOW_LINE,
    household_fields::PROVIDENT_FUND,
    household_fields::RENTS_HOME,
    household_fields::MONTHLY_RENT,
    household_fields::SIZE,
];

pub const CHILD_QUESTION_FIELDS: &[&str] =
    &[child_fields::BIRTH, child_fields::XUEJI_YEARS, child_fields::ZHONGKAO_HERE, child_fields::HUKOU_PLACE];

/// The fields a question about `subject` may name.
pub fn question_fields(subject: crate::household::Subject) -> &'static [&'static str] {
    match subject {
        crate::household::Subject::Household => HOUSEHOLD_QUESTION_FIELDS,
        crate::household::Subject::Adult(_) => ADULT_QUESTION_FIELDS,
        crate::household::Subject::Child(_) => CHILD_QUESTION_FIELDS,
    }
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
    fields::PARENTS_HOME,
    fields::CONTINUOUS_STUDY,
    fields::PERMIT_HELD,
    fields::PERMIT_ISSUED,
    fields::SI_MONTHS_HERE,
    fields::CONTRACT_MONTHS,
    fields::BUSINESS_LICENCE,
    fields::COLLEGE,
    fields::GRADUATED,
    fields::EMPLOYEE_MONTHS,
    fields::CONTRIBUTING_NOW,
    fields::SEGMENTS,
    fields::ACCOUNT_BALANCE,
    fields::AVERAGE_INDEX,
    fields::CURRENT_BASE,
    fields::PLANNED_RETIREMENT,
    fields::RESIDENT_MONTHS,
    fields::RESIDENT_BALANCE,
    fields::OTHER_PENSION,
    fields::LOCAL_BENEFIT_BASE,
    fields::LOCAL_RESIDENT_BASIC,
    fields::LOCAL_CITY_POPULATION,
];
