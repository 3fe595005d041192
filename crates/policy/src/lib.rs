//! Policy data: the TOML files under `policy/`, read, validated and compiled into Rust tables.
//!
//! Analysts edit the files; nobody edits the generated Rust.
//! The rules crate calls [`compile_dir`] from its build script, so a bad file stops the build with an error
//! naming the file, the line and the key; the command-line tool calls [`load_dir`] for `anju check-pack`.
//! The format is documented in `policy/README.md`.
//!
//! This crate runs at build time and in the CLI only: no TOML parser ships in the web app.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

mod codegen;

pub use codegen::to_rust;

/// What a value is measured in. Money is always integer fen; rates and indices are integer basis points
/// (1/10000: 2.62 % = 262 bp, an index of 0.6 = 6000 bp); there are no fractional units.
/// A `yearmonth` value is written "YYYY-MM" and compiled to a month count since year 0.
pub const UNITS: &[&str] = &["months", "years", "fen", "count", "bp", "yearmonth", "m2", "month_of_year"];

/// Confidence tags, as defined in the domain brief: confirmed (C1, C2), corroborated (C3), unconfirmed (U),
/// our own inference (I).
pub const CONFIDENCE: &[&str] = &["C1", "C2", "C3", "U", "I"];

/// A located problem in a policy file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyError {
    /// Path of the file, relative to the policy root.
    pub file: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// Dotted key of the offending entry, where known.
    pub key: String,
    pub message: String,
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if !self.key.is_empty() {
            write!(f, ": `{}`", self.key)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A document that policy values cite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub title_en: Option<String>,
    pub number: Option<String>,
    pub issued: Option<String>,
    pub url: Option<String>,
}

/// Where a criterion or a value comes from: a document, an article, and how sure we are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cite {
    pub source: String,
    pub article: String,
    pub confidence: String,
    pub note: Option<String>,
}

/// A parameter's value: one number, or a table from keys to numbers (e.g. age → divisor), keys increasing; or, in
/// a place's layer, `Unstated`: the local rule is in force and has this requirement, but does not say the number
/// (衡东's "stable employment in the county town"). Answers that need it are unknown, and say the rule is silent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Int(i64),
    Table(Vec<(i64, i64)>),
    Unstated,
}

/// One dated value of a parameter, in force from `from` up to and including `until` (year-months).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedValue {
    pub from: (i32, u32),
    pub until: Option<(i32, u32)>,
    pub value: Value,
    pub cite: Cite,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parameter {
    pub key: String,
    pub description: String,
    pub unit: String,
    /// For tables: the unit of the keys.
    pub key_unit: Option<String>,
    /// Set by places only (the national layer has no value).
    pub local_only: bool,
    pub values: Vec<DatedValue>,
}

/// A place with a policy layer: a province, a city or a county. Its id is its folder under `places/`
/// (`guangxi/liuzhou/rongan`); a place inherits every value it does not set from its ancestors, then national.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The folder path under `places/`.
    pub id: String,
    /// The GB/T 2260 code (six digits); `None` for a place that is not an administrative division.
    pub code: Option<String>,
    pub name: String,
    pub name_en: Option<String>,
    pub level: String,
    pub file: String,
}

/// Place levels, outermost first.
pub const LEVELS: &[&str] = &["province", "city", "county"];

/// The data one program file holds: its criteria's citations and its parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Program {
    pub id: String,
    pub layer: String,
    pub file: String,
    pub criteria: BTreeMap<String, Cite>,
    pub parameters: BTreeMap<String, Parameter>,
}

/// Everything under a policy root, validated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pack {
    pub sources: BTreeMap<String, Source>,
    pub places: Vec<Place>,
    pub programs: Vec<Program>,
    /// Every file read, relative to the root, for build scripts' `rerun-if-changed`.
    pub files: Vec<PathBuf>,
}

// ----- the file format (serde), kept apart from the validated model above -----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    #[serde(default)]
    sources: BTreeMap<String, Spanned<SourceDoc>>,
    place: Option<Spanned<PlaceDoc>>,
    program: Option<Spanned<String>>,
    #[serde(default)]
    criteria: BTreeMap<String, Spanned<CiteDoc>>,
    #[serde(default)]
    parameters: BTreeMap<String, Spanned<ParamDoc>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceDoc {
    title: String,
    title_en: Option<String>,
    number: Option<String>,
    issued: Option<String>,
    url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceDoc {
    name: String,
    name_en: Option<String>,
    level: String,
    /// The GB/T 2260 code; required unless `not_a_division` says why there is none.
    code: Option<String>,
    not_a_division: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CiteDoc {
    source: String,
    article: String,
    confidence: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParamDoc {
    description: String,
    unit: String,
    key_unit: Option<String>,
    /// National layer only: the number is set by places; with no place value the answer is unknown.
    #[serde(default)]
    local_only: bool,
    #[serde(default)]
    values: Vec<Spanned<ValueDoc>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawValue {
    Int(i64),
    Text(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ValueDoc {
    from: String,
    until: Option<String>,
    value: Option<RawValue>,
    table: Option<Vec<(i64, i64)>>,
    /// The rule has this requirement without a number (places only).
    #[serde(default)]
    unstated: bool,
    source: String,
    article: String,
    confidence: String,
    note: Option<String>,
}

/// Reads every `*.toml` below `root` (sorted, so the result is deterministic) and validates the whole pack.
pub fn load_dir(root: &Path) -> Result<Pack, Vec<PolicyError>> {
    let mut paths = Vec::new();
    collect_toml(root, &mut paths).map_err(|e| {
        vec![PolicyError {
            file: root.display().to_string(),
            line: None,
            key: String::new(),
            message: format!("cannot read the policy folder: {e}"),
        }]
    })?;
    paths.sort();
    let mut texts = Vec::new();
    let mut errors = Vec::new();
    for path in &paths {
        let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
        match fs::read_to_string(path) {
            Ok(text) => texts.push((rel, text)),
            Err(e) => errors.push(PolicyError {
                file: rel.display().to_string(),
                line: None,
                key: String::new(),
                message: format!("cannot read: {e}"),
            }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut pack = load_texts(&texts)?;
    pack.files = texts.into_iter().map(|(p, _)| p).collect();
    Ok(pack)
}

/// Reads [`load_dir`] and turns the pack into Rust source for the rules crate.
pub fn compile_dir(root: &Path) -> Result<(String, Vec<PathBuf>), Vec<PolicyError>> {
    let pack = load_dir(root)?;
    Ok((to_rust(&pack), pack.files))
}

fn collect_toml(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Validates a set of files given as (path relative to the policy root, text).
/// The first path component is the layer (`national`, later a province, city or county).
pub fn load_texts(files: &[(PathBuf, String)]) -> Result<Pack, Vec<PolicyError>> {
    let mut errors = Vec::new();
    let mut docs = Vec::new();
    for (path, text) in files {
        let file = path.display().to_string();
        match toml::from_str::<FileDoc>(text) {
            Ok(doc) => docs.push((path, file, text, doc)),
            Err(e) => errors.push(PolicyError {
                line: e.span().map(|s| line_of(text, s.start)),
                file,
                key: String::new(),
                message: e.message().to_string(),
            }),
        }
    }

    // Sources first, so that citations anywhere can be checked against them.
    let mut pack = Pack::default();
    for (_, file, text, doc) in &docs {
        for (id, src) in &doc.sources {
            let at = Loc { file, text, start: src.span().start, key: format!("sources.{id}") };
            if pack.sources.contains_key(id) {
                errors.push(at.error("this source id is defined twice"));
                continue;
            }
            let s = src.get_ref();
            if s.title.trim().is_empty() {
                errors.push(at.error("a source needs a title"));
            }
            pack.sources.insert(
                id.clone(),
                Source {
                    id: id.clone(),
                    title: s.title.clone(),
                    title_en: s.title_en.clone(),
                    number: s.number.clone(),
                    issued: s.issued.clone(),
                    url: s.url.clone(),
                },
            );
        }
    }

    let mut seen_programs = BTreeSet::new();
    for (path, file, text, doc) in &docs {
        let layer = match layer_of(path) {
            Ok(layer) => layer,
            Err(message) => {
                errors.push(Loc { file, text, start: 0, key: String::new() }.error(&message));
                continue;
            }
        };
        if let Some(place) = &doc.place {
            let at = Loc { file, text, start: place.span().start, key: "place".into() };
            let p = place.get_ref();
            if layer == "national" {
                errors.push(at.error("a [place] table belongs in a place's folder under places/"));
            } else if !LEVELS.contains(&p.level.as_str()) {
                errors.push(at.error(&format!("unknown level `{}`; use one of {}", p.level, LEVELS.join(", "))));
            } else if pack.places.iter().any(|q| q.id == layer) {
                errors.push(at.error("this place is described twice"));
            } else if let Err(message) = check_code(p) {
                errors.push(at.error(&message));
            } else {
                pack.places.push(Place {
                    id: layer.clone(),
                    code: p.code.clone(),
                    name: p.name.clone(),
                    name_en: p.name_en.clone(),
                    level: p.level.clone(),
                    file: file.clone(),
                });
            }
        }
        let has_content = !doc.criteria.is_empty() || !doc.parameters.is_empty();
        let Some(program) = &doc.program else {
            if has_content {
                errors.push(
                    Loc { file, text, start: 0, key: "program".into() }
                        .error("a file with criteria or parameters must name its `program`"),
                );
            }
            continue;
        };
        let id = program.get_ref().clone();
        let at = Loc { file, text, start: program.span().start, key: "program".into() };
        if !is_ident(&id) {
            errors.push(at.error("a program id is lower_snake_case ASCII"));
        }
        if !seen_programs.insert((layer.clone(), id.clone())) {
            errors.push(at.error("this program is defined twice in the same layer"));
        }
        let mut criteria = BTreeMap::new();
        for (cid, cite) in &doc.criteria {
            let at = Loc { file, text, start: cite.span().start, key: format!("criteria.{cid}") };
            if !is_ident(cid) {
                errors.push(at.error("a criterion id is lower_snake_case ASCII"));
            }
            let c = cite.get_ref();
            if let Some(c) = check_cite(&at, &c.source, &c.article, &c.confidence, &c.note, &pack, &mut errors) {
                criteria.insert(cid.clone(), c);
            }
        }
        let mut parameters = BTreeMap::new();
        for (pid, param) in &doc.parameters {
            let at = Loc { file, text, start: param.span().start, key: format!("parameters.{pid}") };
            if !is_ident(pid) {
                errors.push(at.error("a parameter id is lower_snake_case ASCII"));
            }
            let p = param.get_ref();
            for unit in std::iter::once(&p.unit).chain(&p.key_unit) {
                if !UNITS.contains(&unit.as_str()) {
                    errors.push(at.error(&format!("unknown unit `{unit}`; use one of {}", UNITS.join(", "))));
                }
            }
            if p.description.trim().is_empty() {
                errors.push(at.error("a parameter needs a description"));
            }
            if p.local_only && layer != "national" {
                errors.push(at.error("`local_only` is declared in the national layer only"));
            }
            if p.values.is_empty() && !p.local_only {
                errors
                    .push(at.error("a parameter needs at least one dated value (or, nationally, `local_only = true`)"));
            }
            let mut values: Vec<DatedValue> = Vec::new();
            for (i, v) in p.values.iter().enumerate() {
                let at = Loc { file, text, start: v.span().start, key: format!("parameters.{pid}.values[{i}]") };
                let d = v.get_ref();
                let from = parse_ym(&d.from);
                if from.is_none() {
                    errors.push(at.error(&format!("`from` = {:?} is not a year-month YYYY-MM", d.from)));
                }
                let until = match &d.until {
                    None => None,
                    Some(u) => {
                        let parsed = parse_ym(u);
                        if parsed.is_none() {
                            errors.push(at.error(&format!("`until` = {u:?} is not a year-month YYYY-MM")));
                        }
                        parsed
                    }
                };
                let cite = check_cite(&at, &d.source, &d.article, &d.confidence, &d.note, &pack, &mut errors);
                let value = check_value(&at, d, p, layer == "national", &mut errors);
                let (Some(from), Some(cite), Some(value)) = (from, cite, value) else { continue };
                if until.is_some_and(|u| u < from) {
                    errors.push(at.error("`until` is before `from`"));
                    continue;
                }
                if let Some(prev) = values.last() {
                    match prev.until {
                        None => errors.push(at.error(
                            "the previous value has no `until`, so it is still in force: give it an end before adding a later value",
                        )),
                        Some(pu) if pu >= from => errors.push(at.error(
                            "this value's period overlaps the previous one (values are listed oldest first)",
                        )),
                        Some(_) => {}
                    }
                }
                values.push(DatedValue { from, until, value, cite });
            }
            parameters.insert(
                pid.clone(),
                Parameter {
                    key: format!("{id}.{pid}"),
                    description: p.description.clone(),
                    unit: p.unit.clone(),
                    key_unit: p.key_unit.clone(),
                    local_only: p.local_only,
                    values,
                },
            );
        }
        pack.programs.push(Program { id, layer, file: file.clone(), criteria, parameters });
    }

    check_layers(&pack, &docs, &mut errors);
    if errors.is_empty() {
        Ok(pack)
    } else {
        Err(errors)
    }
}

/// `national/…` is the national layer; `places/<province>[/<city>[/<county>]]/…` a place's layer.
fn layer_of(path: &Path) -> Result<String, String> {
    let parts: Vec<String> = path.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    match parts.split_first() {
        Some((first, rest)) if first == "national" && rest.len() == 1 => Ok("national".into()),
        Some((first, rest)) if first == "places" && (2..=4).contains(&rest.len()) => {
            let dirs = &rest[..rest.len() - 1];
            if dirs.iter().all(|d| is_ident(d)) {
                Ok(dirs.join("/"))
            } else {
                Err("place folders are lower_snake_case ASCII (pinyin), e.g. places/guangxi/liuzhou/rongan/".into())
            }
        }
        _ => Err("policy files live in national/ or in a place folder places/<province>[/<city>[/<county>]]/".into()),
    }
}

/// A year and month, as the files spell dates.
pub type YearMonth = (i32, u32);

/// A place's code: six digits shaped for its level (`PP0000` a province, `PPCC00` a city, else a county), or no
/// code with the reason there is none.
fn check_code(p: &PlaceDoc) -> Result<(), String> {
    match (&p.code, &p.not_a_division) {
        (None, None) => Err("a place needs its GB/T 2260 `code` (or `not_a_division` saying why it has none)".into()),
        (Some(_), Some(_)) => Err("a place has a `code` or is `not_a_division`, not both".into()),
        (None, Some(_)) => Ok(()),
        (Some(code), None) => {
            let shaped = code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit());
            let level_ok = match p.level.as_str() {
                "province" => code.ends_with("0000"),
                "city" => code.ends_with("00") && !code.ends_with("0000"),
                _ => !code.ends_with("00"),
            };
            if !shaped {
                Err(format!("`code` must be six digits (GB/T 2260), not `{code}`"))
            } else if !level_ok {
                Err(format!("code `{code}` is not shaped as a {} code (province PP0000, city PPCC00)", p.level))
            } else {
                Ok(())
            }
        }
    }
}

/// Whether child code `child` lies in parent code `parent` by its digits (a province's first two, a city's four).
fn code_within(child: &str, parent: &str) -> bool {
    let significant = parent.trim_end_matches("00");
    let significant = if significant.len() % 2 == 1 { &parent[..significant.len() + 1] } else { significant };
    child.starts_with(significant) && child != parent
}

/// The newest month a layer's values start or end, and, when every value has ended, the last month one is in
/// force: how current a place's data is and whether its rules have all ended.
pub fn layer_dates(pack: &Pack, layer: &str) -> (Option<YearMonth>, Option<YearMonth>) {
    let values = || {
        pack.programs
            .iter()
            .filter(move |p| p.layer == layer)
            .flat_map(|p| p.parameters.values())
            .flat_map(|p| &p.values)
    };
    let newest = values().flat_map(|v| [Some(v.from), v.until]).flatten().max();
    let ended = if values().next().is_some() && values().all(|v| v.until.is_some()) {
        values().filter_map(|v| v.until).max()
    } else {
        None
    };
    (newest, ended)
}

/// A place layer may only set parameters the national layer declares, with the same unit; every place folder
/// has a `[place]` description, and so does each of its ancestors.
fn check_layers(pack: &Pack, docs: &[(&PathBuf, String, &String, FileDoc)], errors: &mut Vec<PolicyError>) {
    for (path, file, text, doc) in docs {
        let Ok(layer) = layer_of(path) else { continue };
        if layer == "national" {
            continue;
        }
        let mut ancestor = layer.as_str();
        if doc.place.is_some() {
            // A code lies in its folder's parent's code.
            let me = pack.places.iter().find(|p| p.id == layer);
            let parent = layer.rsplit_once('/').and_then(|(up, _)| pack.places.iter().find(|p| p.id == up));
            if let (Some(Some(code)), Some(Some(up))) = (me.map(|p| &p.code), parent.map(|p| &p.code)) {
                if !code_within(code, up) {
                    let at = Loc { file, text, start: 0, key: "place.code".into() };
                    errors.push(at.error(&format!("code `{code}` does not lie in its parent folder's code `{up}`")));
                }
            }
        }
        loop {
            if !pack.places.iter().any(|p| p.id == ancestor) {
                let at = Loc { file, text, start: 0, key: String::new() };
                errors.push(at.error(&format!("no place.toml with a [place] table describes places/{ancestor}/")));
            }
            match ancestor.rsplit_once('/') {
                Some((parent, _)) => ancestor = parent,
                None => break,
            }
        }
        let Some(program) = &doc.program else { continue };
        let national = pack.programs.iter().find(|p| p.layer == "national" && &p.id == program.get_ref());
        let Some(national) = national else {
            let at = Loc { file, text, start: program.span().start, key: "program".into() };
            errors.push(at.error(&format!("unknown program `{}`: no national file declares it", program.get_ref())));
            continue;
        };
        for (cid, cite) in &doc.criteria {
            let at = Loc { file, text, start: cite.span().start, key: format!("criteria.{cid}") };
            errors.push(at.error("criteria are declared nationally; a place sets parameter values only"));
        }
        for (pid, param) in &doc.parameters {
            let at = Loc { file, text, start: param.span().start, key: format!("parameters.{pid}") };
            match national.parameters.get(pid) {
                None => errors.push(at.error(&format!(
                    "unknown key: national/{} declares no parameter `{pid}`",
                    national.file.rsplit(['/', '\\']).next().unwrap_or_default()
                ))),
                Some(n) if n.unit != param.get_ref().unit || n.key_unit != param.get_ref().key_unit => errors.push(
                    at.error(&format!("the national parameter is in `{}`; a place must use the same unit", n.unit)),
                ),
                Some(_) => {}
            }
        }
    }
}

struct Loc<'a> {
    file: &'a str,
    text: &'a str,
    start: usize,
    key: String,
}

impl Loc<'_> {
    fn error(&self, message: &str) -> PolicyError {
        PolicyError {
            file: self.file.to_string(),
            line: Some(line_of(self.text, self.start)),
            key: self.key.clone(),
            message: message.to_string(),
        }
    }
}

fn check_cite(
    at: &Loc<'_>,
    source: &str,
    article: &str,
    confidence: &str,
    note: &Option<String>,
    pack: &Pack,
    errors: &mut Vec<PolicyError>,
) -> Option<Cite> {
    let before = errors.len();
    if !pack.sources.contains_key(source) {
        errors.push(at.error(&format!("cites source `{source}`, which no `[sources.*]` table defines")));
    }
    if article.trim().is_empty() {
        errors.push(at.error("a citation needs an article (条款)"));
    }
    if !CONFIDENCE.contains(&confidence) {
        errors.push(at.error(&format!("unknown confidence `{confidence}`; use one of {}", CONFIDENCE.join(", "))));
    }
    (errors.len() == before).then(|| Cite {
        source: source.to_string(),
        article: article.to_string(),
        confidence: confidence.to_string(),
        note: note.clone(),
    })
}

/// Exactly one of `value`, `table` and (in a place's layer) `unstated = true`; a table has a `key_unit` and
/// increasing keys; a `yearmonth` value is text.
fn check_value(
    at: &Loc<'_>,
    d: &ValueDoc,
    p: &ParamDoc,
    national: bool,
    errors: &mut Vec<PolicyError>,
) -> Option<Value> {
    if d.unstated {
        if national {
            errors.push(at.error("`unstated` is for a place whose rule names a requirement without its number"));
            return None;
        }
        if d.value.is_some() || d.table.is_some() {
            errors.push(at.error("an `unstated` value has no `value` or `table`"));
            return None;
        }
        return Some(Value::Unstated);
    }
    match (&d.value, &d.table) {
        (Some(_), Some(_)) | (None, None) => {
            errors.push(at.error("give exactly one of `value` (a number) and `table` (a list of [key, value] pairs)"));
            None
        }
        (None, Some(table)) => {
            if p.key_unit.is_none() {
                errors.push(at.error("a table parameter needs a `key_unit`"));
                return None;
            }
            if table.is_empty() || table.windows(2).any(|w| w[0].0 >= w[1].0) {
                errors.push(at.error("a table needs at least one row, with keys strictly increasing"));
                return None;
            }
            Some(Value::Table(table.clone()))
        }
        (Some(RawValue::Int(v)), None) if p.unit != "yearmonth" => Some(Value::Int(*v)),
        (Some(RawValue::Text(t)), None) if p.unit == "yearmonth" => match parse_ym(t) {
            Some((y, m)) => Some(Value::Int(i64::from(y) * 12 + i64::from(m) - 1)),
            None => {
                errors.push(at.error(&format!("`value` = {t:?} is not a year-month YYYY-MM")));
                None
            }
        },
        (Some(_), None) => {
            let want = if p.unit == "yearmonth" { "a \"YYYY-MM\" string" } else { "an integer" };
            errors.push(at.error(&format!("a value in `{}` must be {want}", p.unit)));
            None
        }
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

fn is_ident(s: &str) -> bool {
    !s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Parses `YYYY-MM` with a year in 1900..=2200.
pub fn parse_ym(s: &str) -> Option<(i32, u32)> {
    let (y, m) = s.split_once('-')?;
    if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, m) = (y.parse().ok()?, m.parse().ok()?);
    ((1900..=2200).contains(&y) && (1..=12).contains(&m)).then_some((y, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCES: &str = r#"
[sources.reg]
title = "居住证暂行条例"
"#;

    fn load(program: &str) -> Result<Pack, Vec<PolicyError>> {
        load_texts(&[
            (PathBuf::from("national/sources.toml"), SOURCES.to_string()),
            (PathBuf::from("national/p.toml"), program.to_string()),
        ])
    }

    fn first_error(program: &str) -> PolicyError {
        match load(program) {
            Ok(_) => panic!("expected an error"),
            Err(mut e) => e.remove(0),
        }
    }

    const GOOD: &str = r#"program = "p"

[criteria.c]
source = "reg"
article = "第二条"
confidence = "C1"

[parameters.months]
description = "months"
unit = "months"

[[parameters.months.values]]
from = "2016-01"
until = "2019-12"
value = 6
source = "reg"
article = "第二条"
confidence = "C1"

[[parameters.months.values]]
from = "2020-01"
value = 3
source = "reg"
article = "第二条"
confidence = "U"
"#;

    #[test]
    fn a_good_file_loads_with_its_dated_values() {
        let pack = load(GOOD).unwrap();
        let p = &pack.programs[0];
        assert_eq!(p.layer, "national");
        assert_eq!(p.criteria["c"].article, "第二条");
        let values = &p.parameters["months"].values;
        assert_eq!(values.len(), 2);
        assert_eq!(values[0].until, Some((2019, 12)));
        assert_eq!(values[1].value, Value::Int(3));
    }

    #[test]
    fn tables_and_year_months_load_and_are_checked() {
        let table = r#"program = "p"
[parameters.divisor]
description = "months by age"
unit = "months"
key_unit = "years"
[[parameters.divisor.values]]
from = "2006-01"
table = [[40, 233], [41, 230]]
source = "reg"
article = "附件"
confidence = "C3"

[parameters.cohort]
description = "first cohort"
unit = "yearmonth"
[[parameters.cohort.values]]
from = "2025-01"
value = "1965-01"
source = "reg"
article = "第一条"
confidence = "C2"
"#;
        let pack = load(table).unwrap();
        let p = &pack.programs[0];
        assert_eq!(p.parameters["divisor"].values[0].value, Value::Table(vec![(40, 233), (41, 230)]));
        assert_eq!(p.parameters["cohort"].values[0].value, Value::Int(1965 * 12));
        let e = first_error(&table.replace("[[40, 233], [41, 230]]", "[[41, 233], [40, 230]]"));
        assert!(e.message.contains("strictly increasing"), "{e}");
        let e = first_error(&table.replace("key_unit = \"years\"\n", ""));
        assert!(e.message.contains("key_unit"), "{e}");
        let e = first_error(&table.replace("value = \"1965-01\"", "value = 1965"));
        assert!(e.message.contains("YYYY-MM"), "{e}");
        let e = first_error(&table.replace("value = \"1965-01\"", "value = \"1965-01\"\ntable = [[1, 2]]"));
        assert!(e.message.contains("exactly one"), "{e}");
    }

    #[test]
    fn an_unknown_key_is_named_with_its_line() {
        let e = first_error(&GOOD.replace("unit = \"months\"", "unit = \"months\"\nunits = 3"));
        assert_eq!(e.file, "national/p.toml");
        assert_eq!(e.line, Some(11));
        assert!(e.message.contains("unknown field `units`"), "{e}");
    }

    #[test]
    fn a_missing_source_is_rejected() {
        let e = first_error(&GOOD.replacen("source = \"reg\"", "source = \"nope\"", 1));
        assert_eq!((e.key.as_str(), e.line), ("criteria.c", Some(3)), "the line of the table header");
        assert!(e.message.contains("`nope`"), "{e}");
    }

    #[test]
    fn a_missing_date_is_rejected() {
        let e = first_error(&GOOD.replacen("from = \"2016-01\"\n", "", 1));
        assert!(e.message.contains("missing field `from`"), "{e}");
    }

    #[test]
    fn overlapping_periods_are_rejected() {
        let e = first_error(&GOOD.replace("from = \"2020-01\"", "from = \"2019-06\""));
        assert_eq!(e.key, "parameters.months.values[1]");
        assert!(e.message.contains("overlaps"), "{e}");
    }

    #[test]
    fn an_open_ended_value_must_be_closed_before_a_later_one() {
        let e = first_error(&GOOD.replace("until = \"2019-12\"\n", ""));
        assert!(e.message.contains("still in force"), "{e}");
    }

    #[test]
    fn unknown_units_and_confidence_tags_are_rejected() {
        assert!(first_error(&GOOD.replace("unit = \"months\"", "unit = \"days\"")).message.contains("unknown unit"));
        assert!(first_error(&GOOD.replacen("\"C1\"", "\"sure\"", 1)).message.contains("unknown confidence"));
    }

    const NATIONAL_LOCAL: &str = r#"program = "p"
[parameters.base]
description = "benefit base"
unit = "fen"
local_only = true
"#;

    fn load_places(extra: &[(&str, &str)]) -> Result<Pack, Vec<PolicyError>> {
        let mut files = vec![
            (PathBuf::from("national/sources.toml"), SOURCES.to_string()),
            (PathBuf::from("national/p.toml"), NATIONAL_LOCAL.to_string()),
        ];
        files.extend(extra.iter().map(|(p, t)| (PathBuf::from(p), t.to_string())));
        load_texts(&files)
    }

    const BEIJING_PLACE: &str = "[place]\nname = \"北京市\"\nlevel = \"province\"\ncode = \"110000\"\n";
    const BEIJING_BASE: &str = r#"program = "p"
[parameters.base]
description = "benefit base"
unit = "fen"
[[parameters.base.values]]
from = "2025-01"
value = 1204900
source = "reg"
article = "x"
confidence = "C3"
"#;

    #[test]
    fn a_place_layer_sets_a_national_parameter() {
        let pack =
            load_places(&[("places/beijing/place.toml", BEIJING_PLACE), ("places/beijing/p.toml", BEIJING_BASE)])
                .unwrap();
        assert_eq!(pack.places[0].id, "beijing");
        let local = pack.programs.iter().find(|p| p.layer == "beijing").unwrap();
        assert_eq!(local.parameters["base"].values[0].value, Value::Int(1_204_900));
        assert!(pack.programs.iter().any(|p| p.layer == "national" && p.parameters["base"].local_only));
    }

    /// A place whose rule names a requirement without its number says so (`unstated`), dated and cited like a
    /// number; the national layer, which has no rules of its own to be silent, cannot, and an unstated value
    /// carries no number.
    #[test]
    fn a_place_may_state_a_requirement_without_its_number() {
        let unstated = BEIJING_BASE.replace("value = 1204900", "unstated = true");
        let pack =
            load_places(&[("places/beijing/place.toml", BEIJING_PLACE), ("places/beijing/p.toml", &unstated)]).unwrap();
        let local = pack.programs.iter().find(|p| p.layer == "beijing").unwrap();
        assert_eq!(local.parameters["base"].values[0].value, Value::Unstated);
        let both = BEIJING_BASE.replace("value = 1204900", "value = 1204900\nunstated = true");
        let e =
            load_places(&[("places/beijing/place.toml", BEIJING_PLACE), ("places/beijing/p.toml", &both)]).unwrap_err();
        assert!(e.iter().any(|e| e.message.contains("no `value` or `table`")), "{e:?}");
        let e = first_error(&GOOD.replacen("value = 6", "unstated = true", 1));
        assert!(e.message.contains("`unstated` is for a place"), "{e}");
    }

    #[test]
    fn a_place_cannot_invent_keys_change_units_or_skip_its_description() {
        let errs = |files: &[(&str, &str)]| load_places(files).unwrap_err();
        let e = errs(&[
            ("places/beijing/place.toml", BEIJING_PLACE),
            ("places/beijing/p.toml", &BEIJING_BASE.replace("parameters.base", "parameters.bases")),
        ]);
        assert!(e.iter().any(|e| e.message.starts_with("unknown key") && e.key == "parameters.bases"), "{e:?}");
        let e = errs(&[
            ("places/beijing/place.toml", BEIJING_PLACE),
            ("places/beijing/p.toml", &BEIJING_BASE.replace("unit = \"fen\"", "unit = \"count\"")),
        ]);
        assert!(e.iter().any(|e| e.message.contains("same unit")), "{e:?}");
        let e = errs(&[("places/beijing/p.toml", BEIJING_BASE)]);
        assert!(e.iter().any(|e| e.message.contains("no place.toml")), "{e:?}");
        let e = errs(&[("beijing/p.toml", BEIJING_BASE)]);
        assert!(e.iter().any(|e| e.message.contains("live in national/")), "{e:?}");
        let e = load_texts(&[
            (PathBuf::from("national/sources.toml"), SOURCES.to_string()),
            (PathBuf::from("national/p.toml"), NATIONAL_LOCAL.replace("local_only = true\n", "")),
        ])
        .unwrap_err();
        assert!(e[0].message.contains("at least one dated value"), "{e:?}");
    }

    #[test]
    fn year_months_are_strict() {
        assert_eq!(parse_ym("2016-01"), Some((2016, 1)));
        for bad in ["2016-1", "2016-13", "16-01", "2016/01", "1899-12", "２０１６-01", "2016-00"] {
            assert_eq!(parse_ym(bad), None, "{bad}");
        }
    }
}
