//! Golden households: each `tests/cases/*.json` (at the workspace root) holds a request in the public JSON shape,
//! the source it comes from, and the expected part of the result, transcribed from the source by hand.
//! One `check` runs them all. Beside each case, `<case>.explain.txt` snapshots the zh-CN explanation of the
//! programs the case is about (those its `expect` names), so a wrong reason fails as loudly as a wrong number; `UPDATE_EXPECT=1 cargo test` rewrites the snapshots (read the diff
//! before committing). Expected values are never copied from the engine's output.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use anju_rules::household::Request;
use anju_rules::message::Lang;
use anju_rules::time::YearMonth;
use serde_json::Value;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

/// `expected` is contained in `actual`: objects by key, arrays element-wise in any order (each expected element
/// matches some actual element), scalars equal. Returns the path of the first difference.
fn contains(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let av = a.get(k).ok_or_else(|| format!("{path}.{k}: missing in the result"))?;
                contains(ev, av, &format!("{path}.{k}"))?;
            }
            Ok(())
        }
        (Value::Array(e), Value::Array(a)) => {
            for (i, ev) in e.iter().enumerate() {
                let at = format!("{path}[{i}]");
                if a.iter().any(|av| contains(ev, av, &at).is_ok()) {
                    continue;
                }
                // Explain against the element with the same identity (program and subject, or id), if any.
                let same = |av: &Value| {
                    ["program", "subject", "id"].iter().all(|k| ev.get(k).is_none_or(|x| av.get(k) == Some(x)))
                };
                let why = match a.iter().find(|av| same(av)) {
                    Some(av) => contains(ev, av, &at).err().unwrap_or_default(),
                    None => "nothing with the same program, subject or id".into(),
                };
                return Err(format!("{at}: no element matches {ev}; {why}"));
            }
            Ok(())
        }
        _ if expected == actual => Ok(()),
        _ => Err(format!("{path}: expected {expected}, got {actual}")),
    }
}

/// Every string at one of `keys` (at any depth) rewritten to its place's canonical spelling, the GB/T 2260 code
/// where it has one: a pinyin alias and its code are the same place.
fn spell_as_codes(v: &mut Value, keys: &[&str]) -> usize {
    let mut rewritten = 0;
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                match x {
                    Value::String(s) if keys.contains(&k.as_str()) => {
                        if let Some(c) = anju_rules::place::canonical(s).filter(|c| c != s) {
                            *s = c.into_owned();
                            rewritten += 1;
                        }
                    }
                    _ => rewritten += spell_as_codes(x, keys),
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| rewritten += spell_as_codes(x, keys)),
        _ => {}
    }
    rewritten
}

const PLACE_FIELDS: [&str; 4] = ["hukouPlace", "currentPlace", "xuejiPlace", "place"];

/// Runs a case as written, and again with every place in the request given by its code; the result is the same,
/// down to the explanation. Returns how many places the second run respelled.
fn check(file: &Path) -> usize {
    let case: Value = serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
    let explain = check_as(file, &case);
    let mut coded = case.clone();
    let respelled = spell_as_codes(&mut coded["request"], &PLACE_FIELDS);
    if respelled > 0 {
        let again = check_as(file, &coded);
        assert!(again == explain, "{}: spelling places by code changed the explanation", file.display());
    }
    respelled
}

fn check_as(file: &Path, case: &Value) -> String {
    let name = file.file_stem().unwrap().to_string_lossy().into_owned();
    for key in ["name", "source", "tag"] {
        assert!(case[key].is_string(), "{name}: every case states its {key}");
    }
    // Results name places canonically: the expectation's places are read the same way.
    let mut expect = case["expect"].clone();
    spell_as_codes(&mut expect, &["place"]);
    let request: Request = serde_json::from_value(case["request"].clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let as_of = request.as_of.expect("a golden case fixes its asOf");
    assert!(request.validate(as_of).is_empty(), "{name}: the request is out of range");
    let result = anju_rules::assess(&request, YearMonth::ym(2000, 1));
    let json = serde_json::to_value(&result).unwrap();
    if let Err(e) = contains(&expect, &json, "result") {
        panic!("{name} ({}):\n  {e}", case["name"].as_str().unwrap_or_default());
    }

    // The snapshot is about the programs the case is about (those its expectation names), so that a case about
    // pensions does not lock in the wording of housing.
    let about: Vec<(&str, Option<&str>)> = case["expect"]["programs"]
        .as_array()
        .map(|ps| ps.iter().map(|p| (p["program"].as_str().unwrap_or_default(), p["subject"].as_str())).collect())
        .unwrap_or_default();
    assert!(!about.is_empty(), "{name}: the expectation names the programs the case is about");
    let Value::Array(programs) = &json["programs"] else { panic!("{name}: no programs") };
    let keep: Vec<bool> = programs
        .iter()
        .map(|p| about.iter().any(|(id, subject)| p["program"] == *id && subject.is_none_or(|s| p["subject"] == s)))
        .collect();
    let mut kept = keep.iter();
    let mut result = result;
    result.programs.retain(|_| *kept.next().unwrap_or(&false));
    let explain = anju_rules::explain::render(&result, Lang::ZhCn);
    let snapshot = file.with_extension("explain.txt");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        fs::write(&snapshot, &explain).unwrap();
    } else {
        let want = fs::read_to_string(&snapshot)
            .unwrap_or_else(|_| panic!("{name}: no snapshot; run UPDATE_EXPECT=1 cargo test and read it"));
        assert!(
            want == explain,
            "{name}: the explanation changed. Run UPDATE_EXPECT=1 cargo test and read the diff.\n--- expected\n{want}\n--- got\n{explain}"
        );
    }
    explain
}

#[test]
fn every_golden_household_holds() {
    let mut files: Vec<PathBuf> = fs::read_dir(cases_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 7, "found {} cases", files.len());
    let respelled: usize = files.iter().map(|f| check(f)).sum();
    // Most cases give their places by pinyin alias: the second run respells them (counted, so it is not vacuous).
    assert!(respelled >= 30, "only {respelled} places were respelled by code");
}

#[test]
fn the_matcher_reports_the_first_difference() {
    let actual = serde_json::json!({"a": [{"id": 1, "v": 2}, {"id": 3, "v": 4}]});
    assert!(contains(&serde_json::json!({"a": [{"id": 3}]}), &actual, "r").is_ok());
    let e = contains(&serde_json::json!({"a": [{"id": 3, "v": 5}]}), &actual, "r").unwrap_err();
    assert!(e.contains("r.a[0]: no element matches"), "{e}");
    assert!(contains(&serde_json::json!({"b": 1}), &actual, "r").unwrap_err().contains("r.b: missing"));
}
