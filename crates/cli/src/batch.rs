//! `anju batch`: JSON Lines in, JSON Lines out, in input order, on every core.
//!
//! Input is read in blocks of lines; each block is split across worker threads (scoped, no pool to manage) and
//! written out before the next block is read, so memory stays bounded however long the input is. A line that
//! cannot be read gives `{"line": N, "error": "..."}` in its place; the exit status is 2 if any line failed.

use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::thread;

use anju_rules::time::YearMonth;

use crate::{parse_request, UsageError};

const BLOCK: usize = 8192;

/// A `--summary` line, serialized directly (no intermediate JSON tree).
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct SummaryLine {
    line: usize,
    as_of: YearMonth,
    programs: Vec<anju_rules::report::ProgramSummary>,
}

/// One output line, and whether it reports an error.
type Line = (String, bool);

/// Full results, or the one-line-per-program summary.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Full,
    Summary,
}

/// Assesses one line: the result as compact JSON, or an error object naming the line.
fn one(line_no: usize, line: &str, today: YearMonth, form: Form) -> Line {
    let result = parse_request(line, today).and_then(|request| {
        let result = anju_rules::assess(&request, today);
        let json = match form {
            Form::Full => serde_json::to_string(&result),
            Form::Summary => {
                serde_json::to_string(&SummaryLine { line: line_no, as_of: result.as_of, programs: result.summary() })
            }
        };
        json.map_err(|e| format!("cannot serialize: {e}"))
    });
    match result {
        Ok(json) => (json, false),
        Err(error) => (serde_json::json!({ "line": line_no, "error": error }).to_string(), true),
    }
}

fn process_block(lines: &[(usize, String)], today: YearMonth, workers: usize, form: Form) -> Vec<Line> {
    if lines.len() < 64 || workers < 2 {
        return lines.iter().map(|(n, l)| one(*n, l, today, form)).collect();
    }
    let chunk = lines.len().div_ceil(workers);
    thread::scope(|s| {
        let handles: Vec<_> = lines
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|(n, l)| one(*n, l, today, form)).collect::<Vec<_>>()))
            .collect();
        // A worker cannot panic on input (assessment is total); if one did, its lines report it.
        handles
            .into_iter()
            .zip(lines.chunks(chunk))
            .flat_map(|(h, part)| {
                h.join().unwrap_or_else(|_| {
                    let error =
                        |n: &usize| (serde_json::json!({"line": n, "error": "internal error"}).to_string(), true);
                    part.iter().map(|(n, _)| error(n)).collect()
                })
            })
            .collect()
    })
}

/// A reader that stopped reading (`anju batch … | head`) ends the run quietly; other write errors are reported.
fn write_error(e: io::Error) -> Result<String, UsageError> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(String::new())
    } else {
        Err(UsageError(format!("cannot write: {e}")))
    }
}

pub fn run(input: Option<&str>, today: YearMonth, form: Form) -> Result<String, UsageError> {
    let reader: Box<dyn Read> = match input {
        None | Some("-") => Box::new(io::stdin()),
        Some(path) => Box::new(std::fs::File::open(path).map_err(|e| UsageError(format!("cannot read {path}: {e}")))?),
    };
    let workers = thread::available_parallelism().map_or(1, |n| n.get());
    let mut out = BufWriter::new(io::stdout().lock());
    let mut lines = BufReader::new(reader).lines();
    let (mut line_no, mut failed) = (0usize, 0usize);
    loop {
        let mut block = Vec::with_capacity(BLOCK);
        for line in lines.by_ref().take(BLOCK) {
            line_no += 1;
            let line = line.map_err(|e| UsageError(format!("line {line_no}: cannot read: {e}")))?;
            if !line.trim().is_empty() {
                block.push((line_no, line));
            }
        }
        if block.is_empty() {
            break;
        }
        for (json, is_error) in process_block(&block, today, workers, form) {
            failed += usize::from(is_error);
            if let Err(e) = writeln!(out, "{json}") {
                return write_error(e);
            }
        }
    }
    if let Err(e) = out.flush() {
        return write_error(e);
    }
    if failed > 0 {
        return Err(UsageError(format!("{failed} of the input lines could not be assessed (see their error lines)")));
    }
    Ok(String::new())
}
