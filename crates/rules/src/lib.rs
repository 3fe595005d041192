//! Anju's rules engine: from a household's facts and the policy data, per-program answers whose every criterion is
//! tri-state (met / not met / unknown), explained in plain language and cited to a document and article.
//!
//! The crate is pure: no browser, no clock, no randomness, no I/O. "Today" is an argument. Evaluation is total:
//! it never fails or panics on any request that deserializes; missing facts give unknown criteria and questions.
//!
//! ```
//! use anju_rules::{assess, household::Request, report::Status, time::YearMonth};
//! let request: Request = serde_json::from_str(
//!     r#"{"household": {"adults": [{"hukouElsewhere": true, "monthsInPlace": 8, "stableJob": true}]}}"#,
//! ).unwrap();
//! let result = assess(&request, YearMonth::ym(2026, 11));
//! assert_eq!(result.programs[0].status, Status::Eligible);
//! ```

pub mod explain;
pub mod household;
/// A place's own rules at run time; the `layers` feature (the CLI, the JS API), not yet in the page's first load.
#[cfg(feature = "layers")]
pub mod layer;
pub mod materials;
pub mod message;
pub mod money;
pub mod names;
pub mod pathway;
pub mod pension;
pub mod place;
pub mod policy;
pub mod programs;
pub mod report;
pub mod scenario;
pub mod time;

use household::{Adult, Request};
use message::Msg;
use report::{Assessment, ProgramId, ProgramResult};
use time::YearMonth;

/// Assesses every program for every adult, at the request's `asOf` month or else at `today`.
/// A household with no adults is assessed as one adult about whom nothing is known.
pub fn assess(request: &Request, today: YearMonth) -> Assessment {
    let as_of = request.as_of.unwrap_or(today);
    let mut a = Assessment::new(as_of, evaluate(request, as_of, &|_, _| true), Msg::Disclaimer);
    a.data = report::PlaceData::of(request);
    a
}

/// The programs `wanted` picks (by program and subject path), in the order `assess` lists them. Timelines and
/// pathways use it to look only at what can change; `assess` wants everything.
pub(crate) fn evaluate(
    request: &Request,
    as_of: YearMonth,
    wanted: &dyn Fn(ProgramId, &'static str) -> bool,
) -> Vec<ProgramResult> {
    use household::Subject;
    let unknown = [Adult::default()];
    let adults = if request.household.adults.is_empty() { &unknown[..] } else { &request.household.adults[..] };
    let mut results = Vec::with_capacity(16);
    for (i, adult) in adults.iter().enumerate().take(household::MAX_ADULTS) {
        let i = i as u8;
        let subject = Subject::adult_path(i);
        if wanted(ProgramId::ResidencePermit, subject) {
            results.push(programs::residence_permit::evaluate(adult, i, as_of));
        }
        if wanted(ProgramId::HukouTransfer, subject) {
            results.push(programs::hukou_transfer::evaluate(adult, i, as_of));
        }
        if wanted(ProgramId::EmployeePension, subject) {
            results.push(programs::employee_pension::evaluate(adult, i, as_of));
        }
        if wanted(ProgramId::ResidentPension, subject) {
            results.push(programs::resident_pension::evaluate(adult, i, as_of));
        }
    }
    let h = &request.household;
    if wanted(ProgramId::PublicRental, "household") {
        results.push(programs::public_rental::evaluate(h, as_of));
    }
    if wanted(ProgramId::AffordableRental, "household") {
        results.push(programs::affordable_rental::evaluate(h, as_of));
    }
    if wanted(ProgramId::ProvidentFundRent, "household") {
        results.push(programs::provident_fund_rent::evaluate(h, as_of));
    }
    if wanted(ProgramId::RentalSubsidy, "household") {
        results.push(programs::rental_subsidy::evaluate(h, as_of));
    }
    for (i, child) in h.children.iter().enumerate().take(household::MAX_CHILDREN) {
        let i = i as u8;
        // School entry and the entrance exams concern children under 20 [I]; older children get no school program.
        if child.birth.is_some_and(|b| b.months_until(as_of) >= household::SCHOOL_AGE_LIMIT_MONTHS) {
            continue;
        }
        let subject = Subject::child_path(i);
        use household::SchoolStage::{Junior, Other, Senior};
        match household::calendar::stage_at(child.stage, child.birth, as_of, as_of) {
            // Junior high: the coming 中考 here, and the 高考 to plan for; senior high (or past it by age): the 高考.
            Some(Junior) => {
                if wanted(ProgramId::ZhongkaoEligibility, subject) {
                    results.push(programs::zhongkao_eligibility::evaluate(h, child, i, as_of));
                }
                if wanted(ProgramId::ExamEligibility, subject) {
                    results.push(programs::exam_eligibility::evaluate(h, child, i, as_of));
                }
            }
            Some(Senior) => {
                if wanted(ProgramId::ExamEligibility, subject) {
                    results.push(programs::exam_eligibility::evaluate(h, child, i, as_of));
                }
            }
            Some(Other) if child.stage.is_none() => {
                if wanted(ProgramId::ExamEligibility, subject) {
                    results.push(programs::exam_eligibility::evaluate(h, child, i, as_of));
                }
            }
            _ => {
                if wanted(ProgramId::SchoolEntry, subject) {
                    results.push(programs::school_entry::evaluate(h, child, i, as_of));
                }
            }
        }
    }
    results
}
