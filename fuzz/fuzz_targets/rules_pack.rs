//! Any bytes as a county's rules pack (the JS API's `rules`, `anju --rules`): checking it never panics; a pack that
//! is accepted names a place, and answers a household living there without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(layer) = anju_api::rules(text) else { return };
    assert!(anju_rules::place::is_place_id(layer.place.id));
    let request = format!(
        r#"{{"household": {{"adults": [{{"currentPlace": "{}", "hukouPlace": "henan", "monthsInPlace": 14}}],
            "children": [{{"birth": "2020-03", "hukouPlace": "henan"}}]}}}}"#,
        layer.place.id
    );
    let month = anju_rules::time::YearMonth::ym(2026, 6);
    let Ok(request) = anju_api::request(&request, month) else { return };
    let _ = anju_rules::layer::with(Some(layer), || anju_rules::assess(&request, month));
});
