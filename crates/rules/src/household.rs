//! The facts a family gives us: the request schema (camelCase JSON).
//!
//! Every fact is optional: `None` means "not known", which the programs turn into an unknown criterion and a
//! question, never into "no" or zero. Unknown fields are rejected, so a typo is an error and not a silent unknown.

use serde::{Deserialize, Serialize};

use crate::time::YearMonth;

/// Largest month count accepted anywhere (100 years).
pub const MAX_MONTHS: u32 = 1200;

/// An assessment request: the household and, optionally, the month to assess at.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Request {
    /// The evaluation month. When absent, the caller's current month is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<YearMonth>,
    #[serde(default)]
    pub person: Person,
}

/// The person the assessment is about.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Person {
    /// The person's hukou (户口) is registered outside the city they now live in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hukou_elsewhere: Option<bool>,
    /// Whole months the person has lived in the current city, counted up to the evaluation month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months_in_place: Option<u32>,
    /// Has legal stable employment here (labour contract, business licence, employer's certificate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stable_job: Option<bool>,
    /// Has a legal stable residence here (rental contract, property certificate, accommodation certificate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stable_home: Option<bool>,
    /// Is studying here continuously (连续就读).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continuous_study: Option<bool>,
}

/// A question the calculator can ask; serialized as the JSON path of the request field that answers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Question {
    #[serde(rename = "person.hukouElsewhere")]
    HukouElsewhere,
    #[serde(rename = "person.monthsInPlace")]
    MonthsInPlace,
    #[serde(rename = "person.stableJob")]
    StableJob,
    #[serde(rename = "person.stableHome")]
    StableHome,
    #[serde(rename = "person.continuousStudy")]
    ContinuousStudy,
}

impl Question {
    /// The JSON path of the field that answers this question.
    pub fn path(self) -> &'static str {
        match self {
            Question::HukouElsewhere => "person.hukouElsewhere",
            Question::MonthsInPlace => "person.monthsInPlace",
            Question::StableJob => "person.stableJob",
            Question::StableHome => "person.stableHome",
            Question::ContinuousStudy => "person.continuousStudy",
        }
    }
}

/// A request value that parses but is out of range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// JSON path of the field, e.g. `person.monthsInPlace`.
    pub path: &'static str,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    TooLarge { max: u32 },
}

impl Request {
    /// Range checks beyond what the types enforce. Empty when the request is acceptable.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.person.months_in_place.is_some_and(|m| m > MAX_MONTHS) {
            errors.push(FieldError {
                path: Question::MonthsInPlace.path(),
                problem: Problem::TooLarge { max: MAX_MONTHS },
            });
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_fields_are_unknown_not_false() {
        let r: Request = serde_json::from_str(r#"{"person": {"stableJob": true}}"#).unwrap();
        assert_eq!(r.person.stable_job, Some(true));
        assert_eq!(r.person.stable_home, None);
        assert_eq!(r.person.months_in_place, None);
        assert_eq!(r.as_of, None);
    }

    #[test]
    fn null_is_unknown_too() {
        let r: Request = serde_json::from_str(r#"{"person": {"hukouElsewhere": null}}"#).unwrap();
        assert_eq!(r.person.hukou_elsewhere, None);
    }

    #[test]
    fn unknown_fields_and_negative_months_are_rejected() {
        assert!(serde_json::from_str::<Request>(r#"{"person": {"stableJb": true}}"#).is_err());
        assert!(serde_json::from_str::<Request>(r#"{"person": {"monthsInPlace": -3}}"#).is_err());
    }

    #[test]
    fn out_of_range_months_are_named_by_path() {
        let mut r = Request::default();
        r.person.months_in_place = Some(MAX_MONTHS + 1);
        assert_eq!(
            r.validate(),
            vec![FieldError { path: "person.monthsInPlace", problem: Problem::TooLarge { max: 1200 } }]
        );
        r.person.months_in_place = Some(MAX_MONTHS);
        assert!(r.validate().is_empty());
    }

    #[test]
    fn question_paths_match_their_serialized_names() {
        for q in [
            Question::HukouElsewhere,
            Question::MonthsInPlace,
            Question::StableJob,
            Question::StableHome,
            Question::ContinuousStudy,
        ] {
            assert_eq!(serde_json::to_value(q).unwrap(), serde_json::Value::String(q.path().into()));
        }
    }
}
