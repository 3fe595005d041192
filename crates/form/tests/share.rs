//! Every input the fuzzer kept (`fuzz/corpus/share_decode`, the minimized corpus) and every crash it ever found
//! (`tests/share_inputs/`), replayed on the stable toolchain with the fuzz target's own checks: reading never
//! panics, and a family read back from a link is written to a link that reads as the same family.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use anju_form::share::{decode, encode, encode_bytes};

fn check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(draft) = decode(&text) {
        assert_eq!(decode(&encode(&draft)), Ok(draft));
    }
    if let Ok(draft) = decode(&format!("s=1.{}", encode_bytes(data))) {
        assert_eq!(decode(&encode(&draft)), Ok(draft));
    }
}

#[test]
fn the_fuzzers_corpus_and_crashes_still_hold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut replayed = 0;
    for dir in [root.join("../../fuzz/corpus/share_decode"), root.join("tests/share_inputs")] {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_file() {
                check(&std::fs::read(&path).unwrap());
                replayed += 1;
            }
        }
    }
    assert!(replayed >= 3, "the corpus has its seeds at least ({replayed} inputs)");
}
