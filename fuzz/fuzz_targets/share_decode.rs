//! Any text as a hand-over link: `decode` returns a draft or an error and never panics or hangs; a draft it
//! returns is written back to a link that reads as the same draft.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(draft) = anju_form::share::decode(&text) {
        assert_eq!(anju_form::share::decode(&anju_form::share::encode(&draft)), Ok(draft));
    }
    // The same bytes as a version-1 payload, so the fuzzer also reaches past the checksum.
    let link = format!("s=1.{}", anju_form::share::encode_bytes(data));
    if let Ok(draft) = anju_form::share::decode(&link) {
        assert_eq!(anju_form::share::decode(&anju_form::share::encode(&draft)), Ok(draft));
    }
});
