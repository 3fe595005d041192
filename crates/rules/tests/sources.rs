//! `policy/sources.json`: every cited document's title (both languages) and number, by source id, as the browser
//! fetches them after the page has started (the browser build leaves them out of its first load; see
//! `policy::not_in_browser!`). Written from the compiled tables: `UPDATE_EXPECT=1 cargo test -p anju-rules --test
//! sources` rewrites it after a change to the policy files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use anju_rules::policy::{data, Source};

fn cited() -> BTreeMap<&'static str, &'static Source> {
    let mut out = BTreeMap::new();
    for (_, c) in data::ALL_CRITERIA {
        out.insert(c.source.id, c.source);
    }
    for p in data::ALL_PARAMETERS {
        for v in p.values {
            out.insert(v.cite.source.id, v.cite.source);
        }
    }
    out
}

#[test]
fn the_documents_file_is_the_compiled_tables() {
    let sources = cited();
    assert!(sources.len() >= 40, "{} sources", sources.len());
    // One line per source: "id": [title, English title, number].
    let mut text = String::from("{\n");
    for (i, (id, s)) in sources.iter().enumerate() {
        let row = serde_json::json!([s.title, s.title_en, s.number]);
        text.push_str(&format!("  {}: {row}{}\n", serde_json::json!(id), if i + 1 < sources.len() { "," } else { "" }));
    }
    text.push_str("}\n");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../policy/sources.json");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == text,
        "policy/sources.json is out of date: run UPDATE_EXPECT=1 cargo test -p anju-rules --test sources"
    );
    let parsed: serde_json::Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(parsed["jzz_regulation"][0], "居住证暂行条例");
    assert_eq!(parsed["jzz_regulation"][2], "国务院令第663号");
}
