//! `anju`: the calculator on the command line, for counselors' organisations and analysts.
//!
//! ```text
//! anju assess [FILE | -] [--as-of YYYY-MM] [--lang zh-CN|en] [--explain]
//! anju batch [FILE | -] [--as-of YYYY-MM] [--summary]
//! anju check-pack [DIR]
//! anju pack PLACE [--policy DIR]
//! anju schema request|result|plan|comparison|timelines|pathways|pack
//! anju compare PLAN | anju timeline PLAN | anju plan PLAN
//! ```
//! `assess` reads one JSON request (the same schema as the web app's JS API; see docs/request-result.md) from FILE
//! or standard input and prints the JSON result, or with `--explain` the plain-text explanation. Bad input exits
//! with status 2 and a message naming the JSON path of the offending field; the program never panics on input.
//! `batch` streams JSON Lines (one request a line) to JSON Lines (one result a line, in order) on all cores.
//! `check-pack` validates a folder of policy files and names the file, line and key of every problem.
//! `pack` prints one place's rules as a pack, the JSON a host page hands the calculator (`--rules` here, and
//! docs/embedding.md): the same content as the place's folder, after the whole folder has been checked.
//! `--rules PACK` answers `assess`, `compare`, `timeline` and `plan` with a pack's rules over the built-in ones.
//! `schema` prints the JSON Schema (draft 2020-12) of the request, the result or a plan.
//! `compare` reads a plan (a request plus up to four scenarios) and prints the programs side by side; `timeline`
//! prints, for the baseline and each scenario, the month each criterion and status changes; `plan` prints, for each
//! program not yet eligible, the smallest sets of actions that make it eligible and the earliest month.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use anju_rules::household::Request;
use anju_rules::message::Lang;
use anju_rules::time::YearMonth;

mod batch;
mod clock;

const USAGE: &str = "\
usage: anju assess [FILE | -] [--as-of YYYY-MM] [--lang zh-CN|en] [--explain] [--rules PACK]
       anju batch [FILE | -] [--as-of YYYY-MM] [--summary]
       anju check-pack [DIR] [--stale]
       anju pack PLACE [--policy DIR]
       anju schema request|result|plan|comparison|timelines|pathways|pack
       anju compare [PLAN | -] [--as-of YYYY-MM] [--lang zh-CN|en] [--explain] [--rules PACK]
       anju timeline [PLAN | -] [--as-of YYYY-MM] [--lang zh-CN|en] [--explain] [--rules PACK]
       anju plan [PLAN | -] [--as-of YYYY-MM] [--lang zh-CN|en] [--explain] [--rules PACK]

assess      reads a JSON request from FILE (or standard input when FILE is absent or -), prints the JSON result
batch       reads JSON Lines (one request a line), prints JSON Lines (one result a line, in order; a bad line gives
            {\"line\": N, \"error\": \"...\"} and exit status 2 at the end); --summary prints one short
            entry per program (status, earliest month, monthly total) instead of the full result
check-pack  validates the policy files under DIR (default: policy) and lists every problem with file and line;
            --stale also lists the places whose rules have all ended, with the last month one was in force
pack        prints the rules of policy/places/PLACE (e.g. shandong/linyi/linshu) as a pack: JSON that a host page
            or --rules gives the calculator; the whole policy folder (--policy, default: policy) is checked first
schema      prints the JSON Schema of the request, of the result, of a plan, of what compare, timeline and
            plan print, or of a rules pack
compare     reads a plan (a request with up to 4 scenarios, see docs/scenarios.md) and prints them side by side
timeline    reads a plan and prints the month each criterion and status changes, for the baseline and each scenario
plan        reads a plan (its scenarios are ignored) and prints the pathways to each program not yet eligible
  --as-of YYYY-MM   evaluate at this month when a request has no asOf (default: the current month)
  --lang TAG        language of --explain text (zh-CN by default, or en)
  --explain         print the plain-language explanation (or comparison, timeline, pathways) instead of JSON
  --rules PACK      answer with a place's own rules (a pack, from `anju pack`) over the built-in ones";

/// What `anju schema` describes: the request, its result, a plan, and the results of `compare`, `timeline` and
/// `plan`.
const SCHEMAS: &str = "`request`, `result`, `plan`, `comparison`, `timelines`, `pathways` or `pack`";

/// A failure the user can fix, reported as `anju: <message>` with exit status 2.
pub(crate) struct UsageError(pub(crate) String);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            let mut stdout = io::stdout().lock();
            // A closed pipe (e.g. `| head`) is not an error worth reporting.
            let _ = stdout.write_all(out.as_bytes());
            ExitCode::SUCCESS
        }
        Err(UsageError(message)) => {
            eprintln!("anju: {message}");
            ExitCode::from(2)
        }
    }
}

struct AssessArgs {
    input: Option<String>,
    as_of: Option<YearMonth>,
    lang: Lang,
    explain: bool,
    /// A pack's rules, checked (`--rules`).
    rules: Option<&'static anju_rules::layer::Layer>,
}

fn run(args: &[String]) -> Result<String, UsageError> {
    match args.first().map(String::as_str) {
        Some("assess") => {
            let a = parse_assess_args(&args[1..])?;
            anju_rules::layer::with(a.rules, || assess(&a))
        }
        Some("batch") => {
            let summary = args.iter().any(|a| a == "--summary");
            let rest: Vec<String> = args[1..].iter().filter(|a| *a != "--summary").cloned().collect();
            let a = parse_assess_args(&rest)?;
            if a.explain {
                return Err(UsageError("batch prints JSON Lines; --explain is for assess".into()));
            }
            if a.rules.is_some() {
                return Err(UsageError("batch answers with the built-in rules; --rules is for assess".into()));
            }
            let form = if summary { batch::Form::Summary } else { batch::Form::Full };
            batch::run(a.input.as_deref(), a.as_of.unwrap_or_else(clock::current_month), form)
        }
        Some("check-pack") => {
            let stale = args.iter().skip(1).any(|a| a == "--stale");
            let dir = args.iter().skip(1).find(|a| !a.starts_with("--")).map_or("policy", String::as_str);
            if let Some(flag) = args.iter().skip(1).find(|a| a.starts_with("--") && *a != "--stale") {
                return Err(UsageError(format!("unknown option `{flag}`\n{USAGE}")));
            }
            check_pack(dir, stale)
        }
        Some("pack") => {
            let mut place = None;
            let mut dir = "policy".to_string();
            let mut it = args[1..].iter();
            while let Some(arg) = it.next() {
                match arg.as_str() {
                    "--policy" => {
                        dir =
                            it.next().cloned().ok_or_else(|| UsageError(format!("--policy needs a value\n{USAGE}")))?
                    }
                    flag if flag.starts_with("--") => {
                        return Err(UsageError(format!("unknown option `{flag}`\n{USAGE}")))
                    }
                    p if place.is_none() => place = Some(p.to_string()),
                    extra => return Err(UsageError(format!("unexpected argument `{extra}`\n{USAGE}"))),
                }
            }
            let place = place.ok_or_else(|| UsageError(format!("pack needs a place folder\n{USAGE}")))?;
            pack(&dir, &place)
        }
        Some("schema") => schema(args.get(1).map(String::as_str)),
        Some(command @ ("compare" | "timeline" | "plan")) => {
            let a = parse_assess_args(&args[1..])?;
            anju_rules::layer::with(a.rules, || plan(command, &a))
        }
        Some("-h" | "--help" | "help") => Ok(format!("{USAGE}\n")),
        Some(other) => Err(UsageError(format!("unknown command `{other}`\n{USAGE}"))),
        None => Err(UsageError(USAGE.to_string())),
    }
}

fn parse_assess_args(args: &[String]) -> Result<AssessArgs, UsageError> {
    let mut parsed = AssessArgs { input: None, as_of: None, lang: Lang::default(), explain: false, rules: None };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value =
            |name: &str| it.next().cloned().ok_or_else(|| UsageError(format!("{name} needs a value\n{USAGE}")));
        match arg.as_str() {
            "--explain" => parsed.explain = true,
            "--lang" => {
                let tag = value("--lang")?;
                parsed.lang = Lang::parse(&tag)
                    .ok_or_else(|| UsageError(format!("--lang: unknown language `{tag}`; use zh-CN or en")))?;
            }
            "--as-of" => {
                let text = value("--as-of")?;
                parsed.as_of = Some(
                    YearMonth::parse(&text)
                        .ok_or_else(|| UsageError(format!("--as-of: `{text}` is not a year-month YYYY-MM")))?,
                );
            }
            "--rules" => {
                let (name, text) = read_input(Some(&value("--rules")?))?;
                parsed.rules = Some(anju_api::rules(&text).map_err(|errors| {
                    let lines: Vec<String> = errors.iter().map(|e| format!("{name}: {e}")).collect();
                    UsageError(format!("{} problem(s) in the rules pack:\n{}", errors.len(), lines.join("\n")))
                })?);
            }
            flag if flag.starts_with("--") => return Err(UsageError(format!("unknown option `{flag}`\n{USAGE}"))),
            path if parsed.input.is_none() => parsed.input = Some(path.to_string()),
            extra => return Err(UsageError(format!("unexpected argument `{extra}`\n{USAGE}"))),
        }
    }
    Ok(parsed)
}

fn assess(args: &AssessArgs) -> Result<String, UsageError> {
    let (name, text) = read_input(args.input.as_deref())?;
    let today = args.as_of.unwrap_or_else(clock::current_month);
    let fail = |e: anju_api::Error| UsageError(format!("{name}: {e}"));
    if args.explain {
        let request = anju_api::request(&text, today).map_err(fail)?;
        Ok(anju_rules::explain::render(&anju_rules::assess(&request, today), args.lang))
    } else {
        Ok(anju_api::assess(&text, today).map_err(fail)? + "\n")
    }
}

fn schema(which: Option<&str>) -> Result<String, UsageError> {
    let schema = match which {
        Some("request") => schemars::schema_for!(anju_rules::household::Request),
        Some("result") => schemars::schema_for!(anju_rules::report::Assessment),
        Some("plan") => schemars::schema_for!(anju_rules::scenario::Plan),
        Some("comparison") => schemars::schema_for!(anju_rules::scenario::Comparison),
        Some("timelines") => schemars::schema_for!(anju_api::Timelines),
        Some("pathways") => schemars::schema_for!(anju_rules::pathway::Plan),
        Some("pack") => schemars::schema_for!(anju_rules::layer::PackDoc),
        _ => return Err(UsageError(format!("schema needs one of {SCHEMAS}\n{USAGE}"))),
    };
    let mut json =
        serde_json::to_string_pretty(&schema).map_err(|e| UsageError(format!("cannot serialize the schema: {e}")))?;
    json.push('\n');
    Ok(json)
}

fn plan(command: &str, args: &AssessArgs) -> Result<String, UsageError> {
    use anju_rules::scenario::timeline;
    let (name, text) = read_input(args.input.as_deref())?;
    let today = args.as_of.unwrap_or_else(clock::current_month);
    let fail = |e: anju_api::Error| UsageError(format!("{name}: {e}"));
    if !args.explain {
        let run = match command {
            "compare" => anju_api::compare,
            "plan" => anju_api::plan,
            _ => anju_api::timeline,
        };
        return Ok(run(&text, today).map_err(fail)? + "\n");
    }
    let (plan, as_of) = anju_api::plan_of(&text, today).map_err(fail)?;
    let request = plan.request();
    let scenarios = plan.all_scenarios();
    Ok(match command {
        "compare" => {
            let c = anju_rules::scenario::compare(&request, as_of, &scenarios, plan.at.unwrap_or(as_of));
            anju_rules::explain::comparison(&c, args.lang)
        }
        "plan" => anju_rules::explain::plan(&anju_rules::pathway::plan(&request, as_of), args.lang),
        _ => {
            let horizon = anju_api::horizon(&plan, as_of);
            let zh = args.lang == anju_rules::message::Lang::ZhCn;
            let mut out = String::new();
            let baseline = if zh { "什么都不变" } else { "Nothing changes" };
            let runs = std::iter::once((baseline.to_string(), None))
                .chain(scenarios.iter().map(|s| (anju_rules::explain::scenario_name(&s.name, args.lang), Some(s))));
            for (name, scenario) in runs {
                out.push_str(&format!("{name}\n"));
                let events = timeline(&request, as_of, scenario, horizon);
                if events.is_empty() {
                    out.push_str(if zh { "  没有变化\n" } else { "  no changes\n" });
                }
                for e in &events {
                    out.push_str(&format!("  {}\n", anju_rules::explain::event(e, args.lang)));
                }
                out.push('\n');
            }
            out
        }
    })
}

fn check_pack(dir: &str, stale: bool) -> Result<String, UsageError> {
    match anju_policy::load_dir(std::path::Path::new(dir)) {
        Ok(pack) => {
            let values: usize = pack.programs.iter().flat_map(|p| p.parameters.values()).map(|p| p.values.len()).sum();
            let mut out = format!(
                "{dir}: ok: {} files, {} places, {} programs, {} dated values, {} sources\n",
                pack.files.len(),
                pack.places.len(),
                pack.programs.len(),
                values,
                pack.sources.len()
            );
            if stale {
                let ended: Vec<String> = pack
                    .places
                    .iter()
                    .filter_map(|p| {
                        let (_, ended) = anju_policy::layer_dates(&pack, &p.id);
                        let (y, m) = ended?;
                        let programs: Vec<&str> =
                            pack.programs.iter().filter(|q| q.layer == p.id).map(|q| q.id.as_str()).collect();
                        Some(format!(
                            "  places/{} ({}): every rule ended by {y}-{m:02} ({})",
                            p.id,
                            p.name,
                            programs.join(", ")
                        ))
                    })
                    .collect();
                out.push_str(&format!("{} place(s) whose rules have all ended:\n", ended.len()));
                for line in ended {
                    out.push_str(&line);
                    out.push('\n');
                }
            }
            Ok(out)
        }
        Err(errors) => Err(policy_problems(dir, &errors)),
    }
}

/// Every problem of a policy folder, one line each with file, line and key.
fn policy_problems(dir: &str, errors: &[anju_policy::PolicyError]) -> UsageError {
    let lines: Vec<String> = errors.iter().map(|e| format!("{dir}/{e}")).collect();
    UsageError(format!("{} problem(s) in the policy pack:\n{}", errors.len(), lines.join("\n")))
}

/// The rules of `policy/places/PLACE` under `dir` as a pack (`anju_rules::layer::PackDoc`), after the whole folder
/// has been checked: the place, each rule with its dated, cited values, and the documents they cite.
fn pack(dir: &str, place: &str) -> Result<String, UsageError> {
    let pack = anju_policy::load_dir(std::path::Path::new(dir)).map_err(|errors| policy_problems(dir, &errors))?;
    pack_of(&pack, dir, place)
}

/// [`pack`] from a policy folder already read and checked.
fn pack_of(pack: &anju_policy::Pack, dir: &str, place: &str) -> Result<String, UsageError> {
    let place = place.trim_matches('/').trim_start_matches("places/");
    let Some(p) = pack.places.iter().find(|p| p.id == place) else {
        return Err(UsageError(format!("{dir}/places/{place}: no such place folder (with a place.toml)")));
    };
    let ym = |(y, m): (i32, u32)| format!("{y:04}-{m:02}");
    let mut cited = std::collections::BTreeSet::new();
    let mut parameters = Vec::new();
    for program in pack.programs.iter().filter(|q| q.layer == p.id) {
        for param in program.parameters.values() {
            let values: Vec<serde_json::Value> = param
                .values
                .iter()
                .map(|v| {
                    cited.insert(v.cite.source.clone());
                    let mut out = serde_json::json!({
                        "from": ym(v.from),
                        "until": v.until.map(ym),
                        "source": v.cite.source,
                        "article": v.cite.article,
                        "confidence": v.cite.confidence,
                    });
                    match &v.value {
                        anju_policy::Value::Int(n) => out["value"] = (*n).into(),
                        anju_policy::Value::Table(rows) => out["table"] = serde_json::json!(rows),
                        anju_policy::Value::Unstated => out["unstated"] = true.into(),
                    }
                    if let Some(note) = &v.cite.note {
                        out["note"] = note.clone().into();
                    }
                    out
                })
                .collect();
            parameters.push(serde_json::json!({ "key": param.key, "file": program.file, "values": values }));
        }
    }
    let sources: serde_json::Map<String, serde_json::Value> = cited
        .iter()
        .filter_map(|id| pack.sources.get(id))
        .map(|s| {
            let mut out = serde_json::json!({ "title": s.title });
            for (k, v) in [("titleEn", &s.title_en), ("number", &s.number), ("issued", &s.issued), ("url", &s.url)] {
                if let Some(v) = v {
                    out[k] = v.clone().into();
                }
            }
            (s.id.clone(), out)
        })
        .collect();
    let mut place = serde_json::json!({ "id": p.id, "name": p.name, "level": p.level });
    if let Some(en) = &p.name_en {
        place["nameEn"] = en.clone().into();
    }
    let doc = serde_json::json!({
        "anjuPack": anju_rules::layer::FORMAT,
        "place": place,
        "sources": sources,
        "parameters": parameters,
    });
    let mut out = serde_json::to_string_pretty(&doc).map_err(|e| UsageError(format!("cannot write the pack: {e}")))?;
    out.push('\n');
    Ok(out)
}

pub(crate) fn read_input(path: Option<&str>) -> Result<(String, String), UsageError> {
    match path {
        None | Some("-") => {
            let mut text = String::new();
            io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| UsageError(format!("cannot read standard input: {e}")))?;
            Ok(("<stdin>".into(), text))
        }
        Some(path) => std::fs::read_to_string(path)
            .map(|text| (path.to_string(), text))
            .map_err(|e| UsageError(format!("cannot read {path}: {e}"))),
    }
}

/// Parses and range-checks a request (dates against its `asOf`, else `today`). Errors name the JSON path of
/// the field: `household.adults[0].monthsInPlace: …`.
/// A request (`anju_api::request`), or the message naming the bad field's JSON path.
pub(crate) fn parse_request(text: &str, today: YearMonth) -> Result<Request, String> {
    anju_api::request(text, today).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOV_2026: YearMonth = YearMonth::ym(2026, 11);

    fn error(json: &str) -> String {
        parse_request(json, NOV_2026).err().unwrap_or_default()
    }

    #[test]
    fn errors_name_the_json_path() {
        let e = error(r#"{"household": {"adults": [{"monthsInPlace": -3}]}}"#);
        assert!(e.starts_with("household.adults[0].monthsInPlace: "), "{e}");
        assert_eq!(
            error(r#"{"household": {"adults": [{"monthsInPlace": 5000}]}}"#),
            "household.adults[0].monthsInPlace: must be at most 1200"
        );
        assert!(error(r#"{"asOf": "2026-13"}"#).starts_with("asOf: "));
        assert!(error(r#"{"household": {"adults": [{}, {"stableJob": "yes"}]}}"#)
            .starts_with("household.adults[1].stableJob: "));
        assert_eq!(
            error(r#"{"household": {"adults": [{"birth": "2030-01"}]}}"#),
            "household.adults[0].birth: must not be after the evaluation month"
        );
        assert_eq!(
            error(r#"{"household": {"incomePerCapitaFen": -5}}"#),
            "household.incomePerCapitaFen: must not be negative"
        );
    }

    #[test]
    fn malformed_json_says_so_with_its_position() {
        let e = error(r#"{"household": {"#);
        assert!(e.starts_with("malformed JSON: ") && e.contains("line 1"), "{e}");
    }

    /// Each place's own folder, packed and given at run time over the built-in rules (which already hold it),
    /// answers every golden case exactly as the built-in rules do: the pack carries the folder's rules whole.
    #[test]
    fn every_places_pack_answers_every_golden_case_as_the_built_in_rules_do() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let policy = anju_policy::load_dir(&root.join("policy")).expect("the shipped policy is valid");
        let mut cases = Vec::new();
        for entry in std::fs::read_dir(root.join("tests/cases")).expect("tests/cases") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "json") {
                let case: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                cases.push((path, case["request"].to_string()));
            }
        }
        assert!(cases.len() >= 30, "{} golden cases", cases.len());
        let mut compared = 0;
        for place in &policy.places {
            let text = pack_of(&policy, "policy", &place.id).unwrap_or_else(|e| panic!("{}: {}", place.id, e.0));
            let layer = anju_api::rules(&text).unwrap_or_else(|e| panic!("{}: {e:?}", place.id));
            for (path, request) in &cases {
                let plain = anju_api::assess(request, NOV_2026);
                let layered = anju_rules::layer::with(Some(layer), || anju_api::assess(request, NOV_2026));
                assert!(plain == layered, "{} answers otherwise with the pack of {}", path.display(), place.id);
                compared += 1;
            }
        }
        assert!(compared >= 30 * policy.places.len() && policy.places.len() >= 30, "{compared} compared");
    }

    #[test]
    fn a_pack_names_its_place_rules_and_documents() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../policy");
        let text = pack(&root.to_string_lossy(), "shandong/linyi/linshu").map_err(|e| e.0).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(doc["anjuPack"], 1);
        assert_eq!(doc["place"]["name"], "临沭县");
        // 临沭县's 2023 enrolment conditions (rules-counties §6.2): a valid 临沭 居住证, a contract of a year.
        let value = |key: &str| {
            let p = doc["parameters"].as_array().unwrap().iter().find(|p| p["key"] == key).unwrap().clone();
            (p["values"][0]["value"].clone(), p["values"][0]["from"].clone(), p["values"][0]["until"].clone())
        };
        assert_eq!(value("school_entry.permit_months"), (1.into(), "2023-01".into(), "2023-12".into()));
        assert_eq!(value("school_entry.contract_months"), (12.into(), "2023-01".into(), "2023-12".into()));
        assert!(doc["sources"]["linshu_2023"]["title"].as_str().unwrap().contains("临沭县"));
        let e = pack(&root.to_string_lossy(), "shandong/linyi/nowhere").map_err(|e| e.0).unwrap_err();
        assert!(e.ends_with("places/shandong/linyi/nowhere: no such place folder (with a place.toml)"), "{e}");
    }

    #[test]
    fn unknown_fields_are_named() {
        let e = error(r#"{"household": {"adults": [{"stableJb": true}]}}"#);
        assert!(e.starts_with("household.adults[0].stableJb: unknown field"), "{e}");
    }
}
