//! The engine's JSON boundary, in one place for every front that speaks JSON: the CLI's `assess`, `compare`,
//! `timeline` and `plan` (their JSON; `--explain` renders the same typed values as text) and the browser's JS
//! API. A request is the CLI's (docs/request-result.md, docs/scenarios.md, `anju schema`), camelCase; a result is
//! the CLI's, pretty-printed with two spaces (the CLI adds the final newline). A request that cannot be used is an
//! [`Error`] naming the JSON path of the bad field (`household.adults[0].monthsInPlace`), or none when the text is
//! not JSON at all; nothing here panics on input.
//!
//! Pure like the engine: no clock (the caller gives the month a request without `asOf` is evaluated at), no I/O.

use anju_rules::household::{FieldError, Problem, Request};
use anju_rules::scenario::{self, Plan, MAX_TIMELINE_MONTHS};
use anju_rules::time::YearMonth;

/// Why a request cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The JSON path of the bad field (`household.adults[0].birth`), `None` for text that is not JSON or not an
    /// object.
    pub path: Option<String>,
    /// What is wrong, in English, without the path.
    pub message: String,
}

impl std::fmt::Display for Error {
    /// `path: message`, as the CLI prints it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{path}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

fn at(path: &str, message: String) -> Error {
    Error { path: Some(path.to_string()), message }
}

/// A range check's failure in words.
fn field_error(e: &FieldError) -> Error {
    let message = match e.problem {
        Problem::TooLarge { max } => format!("must be at most {max}"),
        Problem::Negative => "must not be negative".into(),
        Problem::TooMany { max } => format!("at most {max} entries"),
        Problem::AfterAsOf => "must not be after the evaluation month".into(),
        Problem::OutOfRange { min, max } => format!("must be from {min} to {max}"),
        Problem::UnknownPlace => "no such place in the policy data (see `policy/places`)".into(),
        Problem::NotAPlace => "not a place id (province/city/county in pinyin, e.g. `guangxi/liuzhou/rongan`)".into(),
        Problem::TooLate { latest } => format!("must not be after {latest} (45 years ahead)"),
        Problem::MonthOutOfRange { earliest, latest } => format!("must be from {earliest} to {latest}"),
        Problem::HukouPlaceNeeded => "going home needs this adult's hukouPlace (where home is)".into(),
    };
    at(&e.path, message)
}

/// JSON text as `T`, or where and why not.
fn parse_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, Error> {
    if let Ok(value) = serde_json::from_str::<T>(text) {
        return Ok(value);
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(value) => Ok(value),
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            Err(if inner.is_syntax() || inner.is_eof() {
                Error { path: None, message: format!("malformed JSON: {inner}") }
            } else if path == "." {
                Error { path: None, message: format!("invalid {what}: {inner}") }
            } else {
                at(&path, inner.to_string())
            })
        }
    }
}

/// A place's own rules (a pack as `anju pack` makes it), checked against the built-in rules: the layer to answer
/// within (`anju_rules::layer::with`), or every problem, each at its JSON path (`parameters[2].values[0].from`).
pub fn rules(text: &str) -> Result<&'static anju_rules::layer::Layer, Vec<Error>> {
    layer(text).map_err(|errors| {
        errors.into_iter().map(|e| Error { path: (!e.path.is_empty()).then_some(e.path), message: e.message }).collect()
    })
}

/// As [`rules`], with each problem also in Chinese (for a page that shows it); a problem of the whole file (not
/// JSON, not a pack) has the empty path.
pub fn layer(text: &str) -> Result<&'static anju_rules::layer::Layer, Vec<anju_rules::layer::LayerError>> {
    let doc = parse_json::<anju_rules::layer::PackDoc>(text, "rules pack").map_err(|e| {
        let zh = match e.path {
            None => "不是可以读取的规则文件（JSON 格式有误，或不是 anju pack 生成的文件）",
            Some(_) => "这一项的写法不对（类型有误，或是规则文件里没有的项）",
        };
        vec![anju_rules::layer::LayerError { path: e.path.unwrap_or_default(), message: e.message, zh: zh.into() }]
    })?;
    anju_rules::layer::check(doc)
}

/// A request, range-checked at its `asOf` (or `today`).
pub fn request(text: &str, today: YearMonth) -> Result<Request, Error> {
    let request: Request = parse_json(text, "request")?;
    match request.validate(request.as_of.unwrap_or(today)).first() {
        Some(e) => Err(field_error(e)),
        None => Ok(request),
    }
}

/// A plan and the month it is evaluated at (its `asOf`, or `today`), range-checked.
pub fn plan_of(text: &str, today: YearMonth) -> Result<(Plan, YearMonth), Error> {
    let plan: Plan = parse_json(text, "plan")?;
    let as_of = plan.as_of.unwrap_or(today);
    match plan.validate(as_of).first() {
        Some(e) => Err(field_error(e)),
        None => Ok((plan, as_of)),
    }
}

fn pretty<T: serde::Serialize>(value: &T) -> Result<String, Error> {
    // Results are plain data (no map with non-text keys): this does not fail; if it ever did, it says so.
    serde_json::to_string_pretty(value).map_err(|e| Error { path: None, message: format!("cannot serialize: {e}") })
}

/// `anju assess`: the assessment of a request.
pub fn assess(text: &str, today: YearMonth) -> Result<String, Error> {
    let request = request(text, today)?;
    pretty(&anju_rules::assess(&request, today))
}

/// `anju compare`: the baseline and the plan's scenarios (and places) side by side at its `at` month.
pub fn compare(text: &str, today: YearMonth) -> Result<String, Error> {
    let (plan, as_of) = plan_of(text, today)?;
    let c = scenario::compare(&plan.request(), as_of, &plan.all_scenarios(), plan.at.unwrap_or(as_of));
    pretty(&c)
}

/// The months a plan's timelines run over: its `horizonMonths`, or [`scenario::default_horizon`].
pub fn horizon(plan: &Plan, as_of: YearMonth) -> i32 {
    plan.horizon_months.map_or_else(
        || scenario::default_horizon(&plan.request(), as_of),
        |h| i32::try_from(h).unwrap_or(MAX_TIMELINE_MONTHS),
    )
}

/// `anju timeline`'s result.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct Timelines {
    pub as_of: YearMonth,
    /// The months looked at after `asOf`.
    pub horizon_months: i32,
    /// "baseline" first, then each scenario.
    pub timelines: Vec<ScenarioTimeline>,
}

/// One column's timeline.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScenarioTimeline {
    /// What changes in which month, in month order.
    pub events: Vec<scenario::Event>,
    /// `baseline`, or the scenario's name.
    pub scenario: String,
}

/// `anju timeline`: for the baseline and each scenario, the month each criterion and status changes.
pub fn timeline(text: &str, today: YearMonth) -> Result<String, Error> {
    let (plan, as_of) = plan_of(text, today)?;
    let request = plan.request();
    let horizon = horizon(&plan, as_of);
    let baseline =
        ScenarioTimeline { events: scenario::timeline(&request, as_of, None, horizon), scenario: "baseline".into() };
    let mut timelines = vec![baseline];
    for s in &plan.all_scenarios() {
        let events = scenario::timeline(&request, as_of, Some(s), horizon);
        timelines.push(ScenarioTimeline { events, scenario: s.name.clone() });
    }
    pretty(&Timelines { as_of, horizon_months: horizon, timelines })
}

/// `anju plan`: the pathways to each program not yet eligible (the plan's scenarios are not read).
pub fn plan(text: &str, today: YearMonth) -> Result<String, Error> {
    let (plan, as_of) = plan_of(text, today)?;
    pretty(&anju_rules::pathway::plan(&plan.request(), as_of))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOV_2026: YearMonth = YearMonth::ym(2026, 11);

    fn error(json: &str) -> Error {
        request(json, NOV_2026).err().unwrap_or(Error { path: None, message: String::new() })
    }

    #[test]
    fn errors_name_the_json_path_of_the_bad_field() {
        let e = error(r#"{"household": {"adults": [{"monthsInPlace": 5000}]}}"#);
        assert_eq!(e.path.as_deref(), Some("household.adults[0].monthsInPlace"));
        assert_eq!(e.to_string(), "household.adults[0].monthsInPlace: must be at most 1200");
        assert_eq!(error(r#"{"asOf": "2026-13"}"#).path.as_deref(), Some("asOf"));
        let e = error(r#"{"household": {"adults": [{}, {"stableJob": "yes"}]}}"#);
        assert_eq!(e.path.as_deref(), Some("household.adults[1].stableJob"));
        let e = error(r#"{"household": {"adults": [{"birth": "2030-01"}]}}"#);
        assert_eq!(e.to_string(), "household.adults[0].birth: must not be after the evaluation month");
        let e = error("{\"household\": ");
        assert_eq!(e.path, None);
        assert!(e.message.starts_with("malformed JSON"), "{}", e.message);
        assert_eq!(error("[1]").path, None, "not an object");
    }

    #[test]
    fn a_plan_s_errors_name_their_path_too() {
        let e = compare(r#"{"household": {}, "scenarios": [{"name": "a", "actions": [{"action": "fly"}]}]}"#, NOV_2026)
            .unwrap_err();
        assert!(e.path.as_deref().is_some_and(|p| p.starts_with("scenarios[0]")), "{e}");
    }

    /// Each command gives JSON that reads back, with its month.
    #[test]
    fn every_command_answers_in_json() {
        let req = r#"{"household": {"adults": [{"currentPlace": "guangxi/liuzhou/rongan", "monthsInPlace": 8}]}}"#;
        let assessed: serde_json::Value = serde_json::from_str(&assess(req, NOV_2026).unwrap()).unwrap();
        assert_eq!(assessed["asOf"], "2026-11");
        for run in [compare, timeline, plan] {
            let out: serde_json::Value = serde_json::from_str(&run(req, NOV_2026).unwrap()).unwrap();
            assert_eq!(out["asOf"], "2026-11");
        }
    }
}
