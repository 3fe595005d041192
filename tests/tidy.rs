//! Repository tidiness, checked as an ordinary test: every Rust file says why it exists, and the repo speaks of
//! the product alone.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if name != "target" && name != "node_modules" && name != "dist" && !name.to_string_lossy().starts_with('.')
            {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_rust_file_starts_with_a_module_doc() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(root, &mut files);
    assert!(files.len() > 10, "found only {} files", files.len());
    let missing: Vec<String> = files
        .iter()
        .filter(|f| {
            let text = fs::read_to_string(f).unwrap_or_default();
            !text.trim_start().starts_with("//!")
        })
        .map(|f| f.strip_prefix(root).unwrap_or(f).display().to_string())
        .collect();
    assert!(missing.is_empty(), "files without a //! doc comment: {missing:?}");
}

/// Unknown is never zero: program and pension code never defaults a missing legal number or fact to 0 or to a
/// type's default. The exceptions are listed with their reason; a new one must be added here, on purpose.
#[test]
fn programs_never_default_a_missing_number_to_zero() {
    const PATTERNS: [&str; 3] = ["unwrap_or(0)", "map_or(0,", "unwrap_or_default()"];
    const EXCEPTIONS: [(&str, &str, &str); 1] = [(
        "crates/rules/src/programs/family.rs",
        ".map_or(0, |(k, _)| k)",
        "a position in a list of parents, not a number of law: the first parent when none is sooner",
    )];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["crates/rules/src/programs", "crates/rules/src/pension"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 10, "found only {} files", files.len());
    let mut found = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(root).unwrap_or(f).display().to_string();
        let text = fs::read_to_string(f).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let excepted = EXCEPTIONS.iter().any(|(file, snippet, _)| rel == *file && line.contains(snippet));
            if PATTERNS.iter().any(|p| line.contains(p)) && !excepted {
                found.push(format!("{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "a missing value read as zero or a default (say why, or make it unknown): {found:#?}");
}
