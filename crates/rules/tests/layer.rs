//! A place's own rules given at run time (`anju_rules::layer`): the packs in `tests/layers/`.
//!
//! `linshu-2026.json` is 临沭县's enrolment conditions as rules-counties §6.2 gives them for 2023 (one parent's valid
//! 临沭 居住证; one parent's labour contract of at least a year or a business licence; rental in the zone; no cut-off
//! named, 31 August assumed [I]), dated 2026 as a county would publish them again. The built-in 临沭 rules end with
//! 2023, so in 2026 the built-in answer is unknown; with the layer it is G-SC1's answer.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use anju_rules::household::Request;
use anju_rules::layer::{self, LayerError, PackDoc};
use anju_rules::report::{Outcome, Status};
use anju_rules::time::YearMonth;

fn pack(text: &str) -> PackDoc {
    serde_json::from_str(text).expect("the pack parses")
}

/// G-SC1's family (rules-counties §6.2) in June 2026, the child six by 31 August 2026.
fn family() -> Request {
    serde_json::from_str(
        r#"{"household": {"adults": [
            { "currentPlace": "shandong/linyi/linshu", "hukouPlace": "henan", "hukouType": "rural",
              "permit": { "held": false }, "contractMonths": 14, "employment": "contract", "stableHome": true },
            { "currentPlace": "shandong/linyi/linshu", "hukouPlace": "henan", "hukouType": "rural",
              "permit": { "held": true, "issued": "2025-09" }, "employment": "flexible", "stableHome": true }],
          "rentsHome": true,
          "children": [ { "birth": "2020-03", "stage": "preschool", "hukouPlace": "henan" } ] }}"#,
    )
    .unwrap()
}

fn school_entry(a: &anju_rules::report::Assessment) -> &anju_rules::report::ProgramResult {
    a.programs.iter().find(|p| p.program.id() == "school_entry").expect("school entry is answered")
}

const JUNE_2026: YearMonth = YearMonth::ym(2026, 6);

#[test]
fn a_valid_layer_answers_as_its_data_says_and_only_within_it() {
    let built_in = anju_rules::assess(&family(), JUNE_2026);
    assert_eq!(school_entry(&built_in).status, Status::Unknown, "临沭's built-in rules end with 2023");

    let linshu = layer::check(pack(include_str!("layers/linshu-2026.json"))).expect("the pack is valid");
    assert_eq!(linshu.len(), 9);
    assert_eq!((linshu.place.id, linshu.place.name), ("371329", "临沭县"));
    assert_eq!(linshu.place.data_month, Some(YearMonth::ym(2026, 12)));
    let with = layer::with(Some(linshu), || anju_rules::assess(&family(), JUNE_2026));
    let p = school_entry(&with);
    assert_eq!(p.status, Status::Eligible, "G-SC1: each parent meets one test");
    let outcome = |id: &str| p.criteria.iter().find(|c| c.id == id).map(|c| (c.outcome, c.met_by));
    // The mother's 临沭 permit, the father's contract of over a year.
    assert_eq!(outcome("parent_permit"), Some((Outcome::Met, Some("household.adults[1]"))));
    assert_eq!(outcome("parent_work"), Some((Outcome::Met, Some("household.adults[0]"))));
    // Cited to the layer's document, and named as the data the place was answered with.
    let cited: Vec<&str> = p.criteria.iter().map(|c| c.citation.source.id).collect();
    assert!(cited.contains(&"linshu_2026"), "{cited:?}");
    let data = with.data.iter().find(|d| d.place == "371329").expect("the place's data is named");
    assert_eq!((data.layer, data.data_month), (Some("371329"), Some(YearMonth::ym(2026, 12))));

    // Outside `with`, and for a place the layer does not cover, the built-in rules answer.
    assert_eq!(school_entry(&anju_rules::assess(&family(), JUNE_2026)).status, Status::Unknown);
    let mut elsewhere = family();
    for a in &mut elsewhere.household.adults {
        a.current_place = Some("shandong/linyi/lanshan".into());
    }
    let there = |l| layer::with(l, || school_entry(&anju_rules::assess(&elsewhere, JUNE_2026)).status);
    assert_eq!(there(Some(linshu)), there(None), "a neighbouring county is answered as before");
    // After the layer's last month its rules are over: unknown again, never the last value.
    let later = layer::with(Some(linshu), || anju_rules::assess(&family(), YearMonth::ym(2027, 6)));
    assert_eq!(school_entry(&later).status, Status::Unknown);
}

#[test]
fn a_bad_layer_gives_every_problem_at_its_field() {
    let errors = layer::check(pack(include_str!("layers/linshu-bad.json"))).expect_err("the pack is not valid");
    let at = |path: &str| errors.iter().find(|e: &&LayerError| e.path == path).map(|e| e.message.as_str());
    assert_eq!(at("parameters[0].key"), Some("no rule is called \"school_entry.permit_month\""));
    assert_eq!(at("parameters[1].values[0].from"), Some("\"2026-13\" is not a month (YYYY-MM)"));
    assert_eq!(at("parameters[2].values[0].source"), Some("no document \"linshu_2025\" in `sources`"));
    assert_eq!(at("parameters[3].values[0].value"), Some("a month of the year is 1 to 12"));
    assert_eq!(at("parameters[4].values[0].confidence"), Some("\"high\" is not C1, C2, C3, U or I"));
    assert!(at("parameters[5].values[1].from").is_some_and(|m| m.contains("no overlap")));
    assert_eq!(errors.len(), 6, "{errors:?}");
    // Each problem is also said in Chinese, for the page that shows it.
    let zh = |path: &str| errors.iter().find(|e: &&LayerError| e.path == path).map(|e| e.zh.as_str());
    assert_eq!(zh("parameters[0].key"), Some("没有名为“school_entry.permit_month”的规则"));
    assert_eq!(zh("parameters[3].values[0].value"), Some("月份应在 1 到 12 之间"));
    assert!(errors.iter().all(|e| e.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))), "{errors:?}");
    // The built-in rules are untouched.
    assert_eq!(school_entry(&anju_rules::assess(&family(), JUNE_2026)).status, Status::Unknown);
}

#[test]
fn a_pack_of_another_format_or_place_is_refused() {
    let mut doc = pack(include_str!("layers/linshu-2026.json"));
    doc.anju_pack = 2;
    doc.place.id = "atlantis".into();
    doc.place.level = "village".into();
    let errors = layer::check(doc).expect_err("refused");
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["anjuPack", "place.id", "place.level"]);
}

/// A county's pack may say its rule names a requirement without the number (`"unstated": true`): the answer is
/// unknown, says the rule is silent, and cites the pack's document; an unstated value with a number is refused.
#[test]
fn a_layer_may_state_a_requirement_without_its_number() {
    let text = r#"{ "anjuPack": 1,
        "place": { "id": "anhui/chizhou/dongzhi", "name": "东至县", "level": "county" },
        "sources": { "dongzhi_2026": { "title": "东至县公共租赁住房管理实施细则（示例）" } },
        "parameters": [ { "key": "public_rental.si_months_outside", "values": [
            { "from": "2026-01", "unstated": true, "source": "dongzhi_2026", "article": "第五条", "confidence": "C1" } ] } ] }"#;
    let dongzhi = layer::check(pack(text)).expect("the pack is valid");
    let request: Request = serde_json::from_str(
        r#"{"household": {"adults": [ { "currentPlace": "anhui/chizhou/dongzhi", "hukouElsewhere": true,
            "siMonthsHere": 30, "contractMonths": 24 } ], "ownsHomeHere": false, "incomeBelowLocalLine": true }}"#,
    )
    .unwrap();
    let with = layer::with(Some(dongzhi), || anju_rules::assess(&request, JUNE_2026));
    let rental = with.programs.iter().find(|p| p.program.id() == "public_rental").unwrap();
    let work = rental.criteria.iter().find(|c| c.id == "outside_worker_employment").unwrap();
    assert_eq!(work.outcome, Outcome::Unknown);
    assert!(matches!(work.message, anju_rules::message::Msg::LocalNumberUnstated { .. }), "{:?}", work.message);
    assert_eq!(work.citation.source.id, "dongzhi_2026");

    let errors = layer::check(pack(&text.replace(r#""unstated": true"#, r#""unstated": true, "value": 6"#)))
        .expect_err("a number and no number at once");
    assert_eq!(errors[0].path, "parameters[0].values[0].unstated", "{errors:?}");
}
