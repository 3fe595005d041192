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
pub mod message;
pub mod money;
pub mod pension;
pub mod policy;
pub mod programs;
pub mod report;
pub mod time;

use household::{Adult, Request};
use message::Msg;
use report::Assessment;
use time::YearMonth;

/// Assesses every program for every adult, at the request's `asOf` month or else at `today`.
/// A household with no adults is assessed as one adult about whom nothing is known.
pub fn assess(request: &Request, today: YearMonth) -> Assessment {
    let as_of = request.as_of.unwrap_or(today);
    let unknown = [Adult::default()];
    let adults = if request.household.adults.is_empty() { &unknown[..] } else { &request.household.adults[..] };
    let mut results = Vec::new();
    for (i, adult) in adults.iter().enumerate().take(household::MAX_ADULTS) {
        let i = i as u8;
        results.push(programs::residence_permit::evaluate(adult, i, as_of));
        results.push(programs::hukou_transfer::evaluate(adult, i, as_of));
        results.push(programs::employee_pension::evaluate(adult, i, as_of));
        results.push(programs::resident_pension::evaluate(adult, i, as_of));
    }
    Assessment::new(as_of, results, Msg::Disclaimer)
}
