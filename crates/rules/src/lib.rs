//! Anju's rules engine: from a household's facts and the policy data, per-program answers whose every criterion is
//! tri-state (met / not met / unknown), explained in plain language and cited to a document and article.
//!
//! The crate is pure: no browser, no clock, no randomness, no I/O. "Today" is an argument. Evaluation is total:
//! it never fails or panics on any request that deserializes; missing facts give unknown criteria and questions.
//!
//! ```
//! use anju_rules::{assess, household::Request, report::Status, time::YearMonth};
//! let request: Request = serde_json::from_str(
//!     r#"{"person": {"hukouElsewhere": true, "monthsInPlace": 8, "stableJob": true}}"#,
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

use household::Request;
use message::Msg;
use report::{Assessment, SCHEMA_VERSION};
use time::YearMonth;

/// Assesses every program for the request, at the request's `asOf` month or else at `today`.
pub fn assess(request: &Request, today: YearMonth) -> Assessment {
    let as_of = request.as_of.unwrap_or(today);
    Assessment {
        schema_version: SCHEMA_VERSION,
        as_of,
        programs: vec![programs::residence_permit::evaluate(&request.person, as_of)],
        disclaimer: Msg::Disclaimer,
    }
}
