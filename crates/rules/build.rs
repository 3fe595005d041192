//! Compiles the policy data under `policy/` (at the workspace root) into Rust tables.
//! A bad policy file stops the build with the file, line and key of every problem.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("../../policy");
    println!("cargo:rerun-if-changed={}", root.display());
    match anju_policy::compile_dir(&root) {
        Ok((rust, files)) => {
            for f in files {
                println!("cargo:rerun-if-changed={}", root.join(f).display());
            }
            let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("policy.rs");
            if let Err(e) = std::fs::write(&out, rust) {
                eprintln!("cannot write {}: {e}", out.display());
                std::process::exit(1);
            }
        }
        Err(errors) => {
            for e in errors {
                eprintln!("policy/{e}");
            }
            eprintln!("the policy data has errors; see above");
            std::process::exit(1);
        }
    }
}
