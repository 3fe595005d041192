//! `cargo xtask setup`: installs whatever is missing, and nothing that is already there at the right version.
//!
//! Everything comes from a package registry: the wasm32 standard library through rustup, Chromium and ChromeDriver
//! from Debian, trunk and wasm-bindgen-cli from crates.io (built here), wasm-opt, playwright-core and axe-core from
//! npm.
//! No tool downloads anything by itself: trunk runs offline and finds these on PATH.

use std::env;
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::{cmd, root, run, Result};

/// The trunk release that builds with the stable Rust this project declares (0.22 needs rustc ≥ 1.96.1).
const TRUNK_VERSION: &str = "0.21.14";

const CJK_FONT: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

pub fn cargo_bin() -> PathBuf {
    let home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin")
}

pub fn chromium() -> String {
    env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

pub fn chromedriver() -> String {
    env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into())
}

/// The first line a tool prints for `--version`, or None when it is missing.
fn version_of(program: &str) -> Option<String> {
    let out = cmd(program, &["--version"]).stderr(Stdio::null()).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    out.status.success().then(|| text.lines().next().unwrap_or_default().trim().to_string())
}

/// The version of a package as resolved in Cargo.lock.
fn locked_version(package: &str) -> Result<String> {
    let lock = fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{package}\"") {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

pub fn all() -> Result {
    wasm_target()?;
    browser()?;
    trunk()?;
    wasm_bindgen()?;
    npm("tools")?;
    npm("tests/e2e")?;
    run(cmd("cargo", &["fetch", "--locked"]))
}

fn wasm_target() -> Result {
    let out = cmd("rustup", &["target", "list", "--installed"]).output().map_err(|e| format!("rustup: {e}"))?;
    if String::from_utf8_lossy(&out.stdout).lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    run(cmd("rustup", &["target", "add", "wasm32-unknown-unknown"]))
}

fn browser() -> Result {
    let have = |p: &str| PathBuf::from(p).exists();
    let mut missing = Vec::new();
    if !have(&chromium()) {
        missing.push("chromium");
    }
    if !have(&chromedriver()) {
        missing.push("chromium-driver");
    }
    // Chinese glyphs, so that end-to-end screenshots show the page as a person sees it, not empty boxes.
    if !have(CJK_FONT) {
        missing.push("fonts-noto-cjk");
    }
    if missing.is_empty() {
        return Ok(());
    }
    let sudo = !is_root();
    let apt = |args: &[&str]| {
        let mut c = if sudo { cmd("sudo", &[&["apt-get"], args].concat()) } else { cmd("apt-get", args) };
        c.env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(apt(&["update", "-qq"]))?;
    run(apt(&[&["install", "-y", "-qq", "--no-install-recommends"], &missing[..]].concat()))
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}

fn trunk() -> Result {
    if version_of("trunk").as_deref() == Some(&format!("trunk {TRUNK_VERSION}")) {
        return Ok(());
    }
    run(cmd("cargo", &["install", "--locked", "--force", "trunk", "--version", &format!("={TRUNK_VERSION}")]))
}

fn wasm_bindgen() -> Result {
    let v = locked_version("wasm-bindgen")?;
    let want = |tool: &str| version_of(tool).as_deref() == Some(&format!("{tool} {v}"));
    if want("wasm-bindgen") && want("wasm-bindgen-test-runner") {
        return Ok(());
    }
    // Not --locked: the CLI's own lockfile pins a webpki-roots release the registry no longer serves.
    run(cmd("cargo", &["install", "--force", "wasm-bindgen-cli", "--version", &format!("={v}")]))
}

/// `npm ci` in `dir` unless its node_modules was installed after the last change to the lockfile
/// (npm writes `node_modules/.package-lock.json` at the end of every install).
fn npm(dir: &str) -> Result {
    let dir = root().join(dir);
    let modified = |p: PathBuf| fs::metadata(p).and_then(|m| m.modified()).ok();
    let lock = modified(dir.join("package-lock.json"));
    let installed = modified(dir.join("node_modules/.package-lock.json"));
    if installed.is_some() && installed >= lock {
        return Ok(());
    }
    let mut c = cmd("npm", &["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
    c.current_dir(&dir);
    run(c)
}
