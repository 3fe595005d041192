//! The `anju` binary as a user runs it: JSON in on stdin or from a file, JSON or text out, status codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn anju(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_anju"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start anju");
    // anju may exit before reading its input (bad arguments): a broken pipe here is not a failure.
    let _ = child.stdin.take().expect("stdin").write_all(stdin.as_bytes());
    child.wait_with_output().expect("wait for anju")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const MIGRANT: &str = r#"{"asOf": "2026-11", "household": {"adults": [{"hukouElsewhere": true, "monthsInPlace": 8, "stableJob": true}]}}"#;

#[test]
fn a_request_on_stdin_gives_a_json_result() {
    let o = anju(&["assess"], MIGRANT);
    assert!(o.status.success(), "{}", stderr(&o));
    let result: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    assert_eq!(result["asOf"], "2026-11");
    assert_eq!(result["programs"][0]["program"], "residence_permit");
    assert_eq!(result["programs"][0]["status"], "eligible");
    assert_eq!(result["programs"][0]["criteria"][1]["citation"]["article"], "第二条");
}

#[test]
fn a_request_file_works_like_stdin() {
    let path = std::env::temp_dir().join(format!("anju-request-{}.json", std::process::id()));
    std::fs::write(&path, MIGRANT).expect("write request");
    let o = anju(&["assess", path.to_str().expect("utf-8 path")], "");
    let _ = std::fs::remove_file(&path);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"eligible\""));
}

#[test]
fn explain_prints_chinese_by_default_and_english_on_request() {
    let zh = String::from_utf8_lossy(&anju(&["assess", "--explain"], MIGRANT).stdout).into_owned();
    assert!(zh.contains("居住证（申请人）：能申领") && zh.contains("《居住证暂行条例》第二条"), "{zh}");
    let en = String::from_utf8_lossy(&anju(&["assess", "--explain", "--lang", "en"], MIGRANT).stdout).into_owned();
    assert!(en.contains("Residence permit (applicant): Eligible"), "{en}");
    assert!(en.contains("Interim Regulation on Residence Permits, Art. 2") && !en.contains('《'), "{en}");
}

#[test]
fn the_as_of_month_is_the_requests_or_the_flags() {
    let o = anju(&["assess", "--as-of", "2030-01"], r#"{"household": {}}"#);
    let result: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(result["asOf"], "2030-01");
    let o = anju(&["assess", "--as-of", "2030-01"], MIGRANT);
    let result: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(result["asOf"], "2026-11", "the request's own asOf wins");
}

#[test]
fn bad_input_exits_2_naming_the_field_never_panicking() {
    let cases = [
        (
            r#"{"household": {"adults": [{"monthsInPlace": -3}]}}"#,
            "household.adults[0].monthsInPlace: invalid value: integer `-3`",
        ),
        (
            r#"{"household": {"adults": [{"monthsInPlace": 99999}]}}"#,
            "household.adults[0].monthsInPlace: must be at most 1200",
        ),
        (r#"{"household": {"adults": [{"stableJob": "yes"}]}}"#, "household.adults[0].stableJob: invalid type"),
        (r#"{"asOf": "2026-13"}"#, "asOf: expected a year-month"),
        (r#"{"housework": {}}"#, "housework: unknown field"),
        (r#"{"household": {"#, "malformed JSON: EOF while parsing"),
        ("", "malformed JSON: EOF while parsing"),
        // A request is a JSON object: serde would otherwise read a struct from an array of its fields.
        ("[1, 2]", "invalid request: invalid type: sequence, expected a JSON object (Request)"),
        ("[]", "invalid request: invalid type: sequence, expected a JSON object (Request)"),
        (r#""household""#, "invalid request: invalid type: string \"household\", expected a JSON object (Request)"),
        ("42", "invalid request: invalid type: integer `42`, expected a JSON object (Request)"),
        (r#"{"household": []}"#, "household: invalid type: sequence, expected a JSON object (Household)"),
        (r#"{"household": {"adults": [[]]}}"#, "household.adults[0]: invalid type: sequence, expected a JSON object"),
        (
            r#"{"household": {"adults": [{"employeePension": {"segments": [["henan", 12]]}}]}}"#,
            "household.adults[0].employeePension.segments[0]: invalid type: sequence, expected a JSON object",
        ),
        (r#"{"asOf": "2180-01"}"#, "asOf: must be from 2000-01 to 2100-12"),
        (
            r#"{"asOf": "2026-11", "household": {"children": [{"birth": "1926-10"}]}}"#,
            "household.children[0].birth: must be from 1926-11 to 2026-11",
        ),
    ];
    for (input, expected) in cases {
        let o = anju(&["assess"], input);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{input}: {err}");
        assert!(err.contains(expected), "{input}: expected {expected:?} in {err:?}");
        assert!(!err.contains("panicked"), "{input}: {err}");
        assert!(o.stdout.is_empty(), "{input}: no result on error");
    }
}

#[test]
fn bad_arguments_exit_2_with_usage() {
    for args in [&["assess", "--lang", "fr"][..], &["assess", "--as-of", "2026-1"], &["frobnicate"], &[]] {
        let o = anju(args, "{}");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).starts_with("anju: "), "{args:?}: {}", stderr(&o));
    }
    let o = anju(&["assess", "/no/such/file.json"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read /no/such/file.json"));
}

#[test]
fn batch_turns_json_lines_into_json_lines_in_order_and_reports_bad_lines() {
    let ok = MIGRANT;
    let input = format!("{ok}\n\n{{\"household\": {{\"adults\": [{{\"monthsInPlace\": -1}}]}}}}\n{ok}\n");
    let o = anju(&["batch", "--as-of", "2026-11"], &input);
    assert_eq!(o.status.code(), Some(2), "a bad line makes the run fail at the end");
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&o.stdout).lines().map(|l| serde_json::from_str(l).expect("JSON line")).collect();
    assert_eq!(lines.len(), 3, "blank lines are skipped");
    assert_eq!(lines[0]["programs"][0]["status"], "eligible");
    assert_eq!(lines[1]["line"], 3);
    assert!(lines[1]["error"].as_str().unwrap().starts_with("household.adults[0].monthsInPlace"));
    assert_eq!(lines[2]["programs"][0]["status"], "eligible");
}

#[test]
fn batch_keeps_order_across_worker_threads() {
    let input: String = (0..3000)
        .map(|i| {
            format!("{{\"asOf\": \"2026-11\", \"household\": {{\"adults\": [{{\"monthsInPlace\": {}}}]}}}}\n", i % 12)
        })
        .collect();
    let o = anju(&["batch"], &input);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    for (i, line) in text.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let observed = &v["programs"][0]["criteria"][1]["observed"]["value"];
        assert_eq!(observed, &serde_json::json!(i % 12), "line {i}");
    }
    assert_eq!(text.lines().count(), 3000);
}

#[test]
fn check_pack_accepts_the_shipped_policy_and_names_file_and_line_of_problems() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../policy");
    let o = anju(&["check-pack", root], "");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains(": ok: "));

    let dir = std::env::temp_dir().join(format!("anju-pack-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("national")).unwrap();
    std::fs::write(
        dir.join("national/p.toml"),
        "program = \"p\"\n\n[parameters.x]\ndescription = \"x\"\nunit = \"months\"\nunits = 1\n",
    )
    .unwrap();
    let o = anju(&["check-pack", dir.to_str().unwrap()], "");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("national/p.toml:6") && err.contains("unknown field `units`"), "{err}");
}

#[test]
fn check_pack_stale_lists_the_places_whose_rules_have_all_ended() {
    // A layer whose one value ended in 2019-12 is stale; one still in force is not.
    let dir = std::env::temp_dir().join(format!("anju-stale-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for d in ["national", "places/hebei", "places/henan"] {
        std::fs::create_dir_all(dir.join(d)).unwrap();
    }
    let source = "[sources.s]\ntitle = \"某通知\"\ntitle_en = \"A notice\"\n\n";
    std::fs::write(
        dir.join("national/p.toml"),
        format!(
            "program = \"p\"\n\n{source}[parameters.x]\ndescription = \"x\"\nunit = \"months\"\nlocal_only = true\n"
        ),
    )
    .unwrap();
    let place =
        |name: &str, code: &str| format!("[place]\nname = \"{name}\"\nlevel = \"province\"\ncode = \"{code}\"\n");
    let value = |until: &str| {
        format!("program = \"p\"\n\n[parameters.x]\ndescription = \"x\"\nunit = \"months\"\n[[parameters.x.values]]\nfrom = \"2016-01\"\n{until}value = 6\nsource = \"s\"\narticle = \"第一条\"\nconfidence = \"C2\"\n")
    };
    std::fs::write(dir.join("places/hebei/place.toml"), place("河北省", "130000")).unwrap();
    std::fs::write(dir.join("places/hebei/p.toml"), value("until = \"2019-12\"\n")).unwrap();
    std::fs::write(dir.join("places/henan/place.toml"), place("河南省", "410000")).unwrap();
    std::fs::write(dir.join("places/henan/p.toml"), value("")).unwrap();
    let o = anju(&["check-pack", dir.to_str().unwrap(), "--stale"], "");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("1 place(s) whose rules have all ended"), "{out}");
    assert!(out.contains("places/hebei (河北省): every rule ended by 2019-12 (p)"), "{out}");
    assert!(!out.contains("places/henan"), "{out}");

    // The shipped pack: 临沭县's school-entry rules (2023) have ended.
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../policy");
    let out = String::from_utf8_lossy(&anju(&["check-pack", root, "--stale"], "").stdout).into_owned();
    assert!(out.contains("places/shandong/linyi/linshu (临沭县): every rule ended by 2023-12"), "{out}");
}

#[test]
fn the_published_schemas_are_the_ones_the_code_prints() {
    // docs/schema/*.json are what embedders read; UPDATE_EXPECT=1 rewrites them after a deliberate change.
    for which in ["request", "result", "plan", "pack"] {
        let o = anju(&["schema", which], "");
        assert!(o.status.success(), "{}", stderr(&o));
        let printed = String::from_utf8_lossy(&o.stdout).into_owned();
        let schema: serde_json::Value = serde_json::from_str(&printed).unwrap();
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
        let path = format!("{}/../../docs/schema/{which}.schema.json", env!("CARGO_MANIFEST_DIR"));
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(&path, &printed).unwrap();
        }
        let published = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(published == printed, "{path} is out of date: run UPDATE_EXPECT=1 cargo test -p anju-cli");
    }
    let request = String::from_utf8_lossy(&anju(&["schema", "request"], "").stdout).into_owned();
    assert!(request.contains("\"additionalProperties\": false"), "unknown fields are errors");
    assert!(request.contains("monthsInPlace") && request.contains("femaleCategory"));
    assert_eq!(anju(&["schema"], "").status.code(), Some(2));
}

#[test]
fn compare_and_timeline_read_a_plan() {
    let plan = include_str!("../../../docs/examples/plan-rongan.json");
    let o = anju(&["compare"], plan);
    assert!(o.status.success(), "{}", stderr(&o));
    let c: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(c["columns"][0], "baseline");
    let rental = c["programs"].as_array().unwrap().iter().find(|p| p["program"] == "public_rental").unwrap();
    assert_eq!(rental["statuses"][0], "notEligible", "no insurance: the outside-worker test fails");
    assert_eq!(rental["statuses"][2], "eligible", "a county-town hukou drops the outside-worker test");

    let o = anju(&["timeline"], plan);
    assert!(o.status.success(), "{}", stderr(&o));
    let t: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let contract = &t["timelines"][1];
    assert_eq!(contract["scenario"], "sign a contract with insurance");
    assert!(
        contract["events"].as_array().unwrap().iter().any(|e| e["kind"] == "status"
            && e["program"] == "public_rental"
            && e["to"] == "eligible"
            && e["month"] == "2028-11"),
        "24 months of insurance from 2026-11"
    );

    let too_many = plan.replace("\"horizonMonths\": 60", "\"horizonMonths\": 9999");
    let o = anju(&["timeline"], &too_many);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("horizonMonths: must be at most 540"), "{}", stderr(&o));
    let o = anju(&["compare"], r#"{"scenarios": [{"name": "x", "actions": [{"action": "fly"}]}]}"#);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("scenarios[0].actions[0]"), "{}", stderr(&o));
}

/// A request in 2180 once sent `timeline` into a loop that never ended (months stop at 2200-12, so a month walk
/// never passed its last month). Evaluation months are 2000-01 to 2100-12: every command refuses the request at
/// once, naming `asOf`, whether the month comes from the plan or from `--as-of`. Plans, scenarios and their steps
/// are JSON objects, never arrays.
#[test]
fn plans_outside_the_supported_months_or_not_objects_are_refused_at_once() {
    let far = r#"{"asOf":"2180-01","household":{"adults":[{}],"children":[{}]}}"#;
    for command in ["timeline", "compare", "plan"] {
        for (args, input) in [(&[command][..], far), (&[command, "--as-of", "2180-01"], r#"{"household": {}}"#)] {
            let o = anju(args, input);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
            assert!(stderr(&o).contains(": asOf: must be from 2000-01 to 2100-12"), "{args:?}: {}", stderr(&o));
        }
    }
    let o =
        anju(&["timeline"], r#"{"asOf": "2026-11", "scenarios": [{"name": "x", "from": "1900-01", "actions": []}]}"#);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("scenarios[0].from: must be from 1926-11 to 2071-11"), "{}", stderr(&o));
    for (input, expected) in [
        ("[]", "invalid plan: invalid type: sequence, expected a JSON object (Plan)"),
        (r#""plan""#, "invalid plan: invalid type: string \"plan\", expected a JSON object (Plan)"),
        (
            r#"{"scenarios": [["x", null, []]]}"#,
            "scenarios[0]: invalid type: sequence, expected a JSON object (Scenario)",
        ),
        (
            r#"{"scenarios": [{"name": "x", "actions": [["getPermit"]]}]}"#,
            "scenarios[0].actions[0]: invalid type: sequence, expected a JSON object (Action)",
        ),
        (
            r#"{"scenarios": [{"name": "x", "actions": [], "later": [["2027-01", []]]}]}"#,
            "scenarios[0].later[0]: invalid type: sequence, expected a JSON object (Step)",
        ),
    ] {
        let o = anju(&["timeline", "--as-of", "2026-11"], input);
        assert_eq!(o.status.code(), Some(2), "{input}");
        assert!(stderr(&o).contains(expected), "{input}: expected {expected:?} in {:?}", stderr(&o));
    }
}

/// Comparing places: the same family (working in 深圳, hukou in 四川) if it moved back home or to 海口 now. At home
/// no permit is needed; in 海口 the permit starts again and can be had after 6 months (2027-05). Pension months
/// carry across in both. Bad places and bases are refused with their path.
#[test]
fn compare_reads_places_and_refuses_bad_ones() {
    let plan = include_str!("../../../docs/examples/plan-places.json");
    let o = anju(&["compare"], plan);
    assert!(o.status.success(), "{}", stderr(&o));
    let c: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // Places are read by their codes (四川省 510000, 海口市 460100).
    assert_eq!(c["columns"], serde_json::json!(["baseline", "510000", "460100"]));
    let permit = &c["programs"][0];
    assert_eq!(permit["program"], "residence_permit");
    assert_eq!(permit["statuses"], serde_json::json!(["eligible", "notApplicable", "notYet"]));
    assert_eq!(permit["earliest"][2], "2027-05");

    let o = anju(&["compare"], &plan.replace("\"hainan/haikou\"", "\"atlantis\""));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("places[1]: no such place"), "{}", stderr(&o));
    let bad_base = r#"{"scenarios": [{"name": "x", "actions": [{"action": "contributeFlexible", "baseBp": 100}]}]}"#;
    let o = anju(&["compare"], bad_base);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("scenarios[0].actions[0].baseBp: must be from 6000 to 30000"), "{}", stderr(&o));
    let bad_step = r#"{"asOf": "2026-11", "scenarios": [{"name": "x", "actions": [],
        "later": [{"from": "2027-01", "actions": [{"action": "moveTo", "place": "atlantis"}]}]}]}"#;
    let o = anju(&["timeline"], bad_step);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("scenarios[0].later[0].actions[0].place: no such place"), "{}", stderr(&o));
}

/// The plain-language forms of compare, timeline and plan, snapshotted (UPDATE_EXPECT=1 rewrites them after a
/// deliberate change; read the diff). Their months are the hand-worked ones of the tests above.
#[test]
fn compare_timeline_and_plan_explain_themselves() {
    let examples = [
        ("plan-rongan", include_str!("../../../docs/examples/plan-rongan.json")),
        ("plan-places", include_str!("../../../docs/examples/plan-places.json")),
    ];
    for (name, plan) in examples {
        for (command, lang) in [("compare", "zh-CN"), ("timeline", "zh-CN"), ("plan", "zh-CN"), ("timeline", "en")] {
            let o = anju(&[command, "--explain", "--lang", lang], plan);
            assert!(o.status.success(), "{}", stderr(&o));
            let printed = String::from_utf8_lossy(&o.stdout).into_owned();
            let path = format!("{}/tests/expect/{name}.{command}.{lang}.txt", env!("CARGO_MANIFEST_DIR"));
            if std::env::var_os("UPDATE_EXPECT").is_some() {
                std::fs::create_dir_all(format!("{}/tests/expect", env!("CARGO_MANIFEST_DIR"))).unwrap();
                std::fs::write(&path, &printed).unwrap();
            }
            let expected = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(expected == printed, "{path} differs:\n{printed}");
        }
    }
}

#[test]
fn plan_lists_pathways_best_first() {
    let plan = include_str!("../../../docs/examples/plan-rongan.json");
    let o = anju(&["plan"], plan);
    assert!(o.status.success(), "{}", stderr(&o));
    let p: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rental = p["programs"].as_array().unwrap().iter().find(|x| x["program"] == "public_rental").unwrap();
    let first = &rental["pathways"][0];
    assert_eq!(first["actions"][0]["action"], "signContract");
    assert_eq!(first["earliest"], "2028-11");
}

/// `--rules`: a county's pack answers over the built-in rules; a bad one is refused with every problem located.
#[test]
fn rules_from_a_pack_answer_as_their_data_says_and_bad_ones_are_refused_at_their_fields() {
    let layers = concat!(env!("CARGO_MANIFEST_DIR"), "/../rules/tests/layers/");
    // G-SC1's family (rules-counties §6.2) in June 2026: 临沭's built-in rules end with 2023.
    let family = r#"{"asOf": "2026-06", "household": {"adults": [
        { "currentPlace": "shandong/linyi/linshu", "hukouPlace": "henan", "hukouType": "rural",
          "permit": { "held": false }, "contractMonths": 14, "employment": "contract", "stableHome": true },
        { "currentPlace": "shandong/linyi/linshu", "hukouPlace": "henan", "hukouType": "rural",
          "permit": { "held": true, "issued": "2025-09" }, "employment": "flexible", "stableHome": true }],
      "rentsHome": true, "children": [ { "birth": "2020-03", "stage": "preschool", "hukouPlace": "henan" } ] }}"#;
    let status = |o: &Output| {
        assert!(o.status.success(), "{}", stderr(o));
        let result: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
        let p = result["programs"].as_array().unwrap().iter().find(|p| p["program"] == "school_entry").unwrap().clone();
        p["status"].as_str().unwrap().to_string()
    };
    assert_eq!(status(&anju(&["assess"], family)), "unknown");
    let good = format!("{layers}linshu-2026.json");
    assert_eq!(status(&anju(&["assess", "--rules", &good], family)), "eligible");

    let bad = format!("{layers}linshu-bad.json");
    let o = anju(&["assess", "--rules", &bad], family);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.starts_with("anju: 6 problem(s) in the rules pack:\n"), "{e}");
    assert!(e.contains(&format!("{bad}: parameters[0].key: no rule is called \"school_entry.permit_month\"")), "{e}");
    let o = anju(&["batch", "--rules", &good], family);
    assert_eq!(o.status.code(), Some(2), "batch does not take --rules");

    // `anju pack` gives what --rules reads: 临沭's own folder, which answers 2023 as the built-in rules do.
    let o =
        anju(&["pack", "shandong/linyi/linshu", "--policy", concat!(env!("CARGO_MANIFEST_DIR"), "/../../policy")], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let packed = std::env::temp_dir().join(format!("anju-pack-{}.json", std::process::id()));
    std::fs::write(&packed, &o.stdout).unwrap();
    let in_2023 = family
        .replace("\"asOf\": \"2026-06\"", "\"asOf\": \"2023-06\"")
        .replace("2020-03", "2017-03")
        .replace("2025-09", "2022-09");
    let with = anju(&["assess", "--rules", &packed.to_string_lossy()], &in_2023);
    assert_eq!(with.stdout, anju(&["assess"], &in_2023).stdout);
    assert_eq!(status(&with), "eligible");
    std::fs::remove_file(&packed).ok();
}
