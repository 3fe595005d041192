//! Any bytes as a family file (the hand-over screen's "open a family file"): reading a plan, checking it and
//! writing its household into the form never panics; the family read is written to a link that reads as the same
//! family, and it builds into a request.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(plan) = serde_json::from_str::<anju_rules::scenario::Plan>(text) else { return };
    let as_of = plan.as_of.unwrap_or(anju_rules::time::YearMonth::ym(2026, 12));
    if !plan.validate(as_of).is_empty() {
        return;
    }
    let imported = anju_form::import::from_household(&plan.household, as_of);
    let link = anju_form::share::encode(&imported.draft);
    assert_eq!(anju_form::share::decode(&link), Ok(imported.draft.clone()));
    let _ = imported.draft.build(as_of);
});
