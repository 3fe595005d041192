//! Every input the family-file fuzzer kept (`fuzz/corpus/family_file`) and every crash it ever found
//! (`tests/family_inputs/`), replayed on the stable toolchain with the fuzz target's own checks: reading a plan and
//! writing its household into the form never panics, and the family read travels in a link unchanged.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use anju_rules::scenario::Plan;
use anju_rules::time::YearMonth;

/// Whether the input was a valid plan whose family was checked.
fn check(data: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(data) else { return false };
    let Ok(plan) = serde_json::from_str::<Plan>(text) else { return false };
    let as_of = plan.as_of.unwrap_or(YearMonth::ym(2026, 12));
    if !plan.validate(as_of).is_empty() {
        return false;
    }
    let imported = anju_form::import::from_household(&plan.household, as_of);
    let link = anju_form::share::encode(&imported.draft);
    assert_eq!(anju_form::share::decode(&link), Ok(imported.draft.clone()));
    let _ = imported.draft.build(as_of);
    true
}

#[test]
fn the_family_file_fuzzers_corpus_and_crashes_still_hold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut replayed, mut plans) = (0, 0);
    for dir in [root.join("../../fuzz/corpus/family_file"), root.join("tests/family_inputs")] {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_file() {
                plans += usize::from(check(&std::fs::read(&path).unwrap()));
                replayed += 1;
            }
        }
    }
    assert!(replayed >= 2 && plans >= 2, "the example plans at least ({replayed} inputs, {plans} plans)");
}
