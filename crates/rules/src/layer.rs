//! A place's own rules at run time: a policy layer that a county publishes as a file (the JSON `anju pack` makes
//! from its checked `policy/places/…` folder) and that the engine takes without being rebuilt.
//!
//! [`check`] reads a [`PackDoc`] against the built-in rules and gives either a [`Layer`] or every problem, each
//! located by the JSON path of the bad field: an unknown rule, a unit or kind of value the rule does not have, a
//! month that is not `YYYY-MM`, periods out of order or overlapping, a citation without its document, article or
//! confidence tag. [`with`] answers within a layer: for the layer's place and the places inside it, each rule the
//! layer sets replaces the built-in value of the same place or any place around it (a built-in layer nearer the
//! place still wins); every rule the layer does not set is answered as before. Outside [`with`] the engine is the
//! built-in one, so [`crate::assess`] stays a function of its request and month.
//!
//! A valid layer's values live for the rest of the program (the engine's rules are `'static`): a page checks one
//! layer once (the JS API keeps the last one checked); a pack with a problem keeps nothing.

use std::cell::Cell;
use std::collections::BTreeMap;

use serde::Deserialize;

use crate::place::PlaceId;
use crate::policy::{self, Citation, Confidence, Dated, Parameter, Place, Source, Value};
use crate::time::YearMonth;

/// The format version a pack says it is written in.
pub const FORMAT: u32 = 1;

/// A pack as written: the place, the documents its values cite, and its rules (the built-in rules' keys).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PackDoc {
    pub anju_pack: u32,
    pub place: PlaceDoc,
    #[serde(default)]
    pub sources: BTreeMap<String, SourceDoc>,
    pub parameters: Vec<ParameterDoc>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlaceDoc {
    /// The folder path under `policy/places/` (`shandong/linyi/linshu`) or the place's GB/T 2260 code.
    pub id: String,
    pub name: String,
    pub name_en: Option<String>,
    pub level: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SourceDoc {
    pub title: String,
    pub title_en: Option<String>,
    pub number: Option<String>,
    pub issued: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ParameterDoc {
    /// `program.parameter`, as the built-in rules name it.
    pub key: String,
    /// The file it was packed from, for the analyst who reads a problem.
    pub file: Option<String>,
    pub values: Vec<ValueDoc>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ValueDoc {
    pub from: String,
    pub until: Option<String>,
    pub value: Option<i64>,
    pub table: Option<Vec<(i64, i64)>>,
    /// The local rule names this requirement without its number: answers that need it are unknown, and say so.
    #[serde(default)]
    pub unstated: bool,
    pub source: String,
    pub article: String,
    pub confidence: String,
    pub note: Option<String>,
}

/// A problem in a pack: the JSON path of the field (`parameters[2].values[0].from`) and what is wrong, in words
/// for the analyst who wrote the layer, in English and in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerError {
    pub path: String,
    pub message: String,
    pub zh: String,
}

/// A checked layer: its place and the rules it sets.
#[derive(Debug)]
pub struct Layer {
    /// The place, as a built-in layer describes one (its data month: the newest month a value starts or ends).
    pub place: &'static Place,
    /// The documents the layer cites, by id.
    pub sources: Vec<&'static Source>,
    /// The built-in rule's key and the layer's values for it.
    rules: Vec<(&'static str, &'static Parameter)>,
}

impl Layer {
    /// The layer's value of the rule `national` (a national parameter), if it sets one.
    fn rule(&self, national: &Parameter) -> Option<&'static Parameter> {
        self.rules.iter().find(|(key, _)| *key == national.key).map(|(_, p)| *p)
    }

    /// How many rules the layer sets.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

// The layer answers are given within.
thread_local! {
    static CURRENT: Cell<Option<&'static Layer>> = const { Cell::new(None) };
}

/// Runs `f` with `layer` over the built-in rules (none: the built-in rules alone), then restores what was before.
pub fn with<R>(layer: Option<&'static Layer>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<&'static Layer>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.replace(layer)));
    f()
}

/// Answers within `layer` from now on, for a program that answers within one layer for its whole life (a page a
/// host gave its county's rules); [`with`] inside it still sets another for its call.
pub fn install(layer: &'static Layer) {
    CURRENT.with(|c| c.set(Some(layer)));
}

/// The layer answers are given within, if any.
pub fn current() -> Option<&'static Layer> {
    CURRENT.with(Cell::get)
}

/// The layer's rule for `national` and the layer's id, when the current layer sets it for a place at or around
/// `place` and no built-in layer nearer `place` sets it.
pub(crate) fn resolve(place: &str, national: &'static Parameter) -> Option<(&'static Parameter, &'static str)> {
    let layer = current()?;
    let ours = layer.rule(national)?;
    // The layer first: at the same place it replaces the built-in one.
    let candidates: Vec<(&'static str, &'static Parameter)> =
        std::iter::once((layer.place.id, ours)).chain(national.overrides.iter().copied()).collect();
    let &(id, p) = crate::place::nearest(place, &candidates)?;
    (std::ptr::eq(p, ours) && id == layer.place.id).then_some((p, id))
}

/// The current layer's place, when it sets a rule, is `place` or around it, and no built-in layer with data is
/// nearer.
pub(crate) fn data_layer(place: &PlaceId) -> Option<&'static Place> {
    // A layer that sets nothing answers nothing (as a built-in folder with only a place.toml).
    let layer = current().filter(|l| l.place.data_month.is_some())?;
    let mut candidates: Vec<(&'static str, Option<&'static Place>)> = vec![(layer.place.id, None)];
    candidates.extend(place.layers().filter(|l| l.data_month.is_some()).map(|l| (l.id, Some(l))));
    match crate::place::nearest(place.as_str(), &candidates)? {
        (_, None) => Some(layer.place),
        (_, Some(_)) => None,
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn confidence(tag: &str) -> Option<Confidence> {
    Some(match tag {
        "C1" => Confidence::C1,
        "C2" => Confidence::C2,
        "C3" => Confidence::C3,
        "U" => Confidence::U,
        "I" => Confidence::I,
        _ => return None,
    })
}

/// A value that passed every check: the month it starts and ends, its number (`None`: its table) and the value as
/// written.
type Checked<'a> = (YearMonth, Option<YearMonth>, Option<i64>, &'a ValueDoc);

/// At most this many rules and values in one pack: a county sets a few dozen.
const MAX_RULES: usize = 500;
const MAX_VALUES: usize = 100;

/// Checks a pack against the built-in rules: the layer, or every problem found.
pub fn check(doc: PackDoc) -> Result<&'static Layer, Vec<LayerError>> {
    let mut errors = Vec::new();
    let mut err = |path: String, message: String, zh: String| errors.push(LayerError { path, message, zh });
    if doc.anju_pack != FORMAT {
        err(
            "anjuPack".into(),
            format!("this engine reads packs of format {FORMAT}, not {}", doc.anju_pack),
            format!("本计算器读取第 {FORMAT} 版的规则文件，不是第 {} 版", doc.anju_pack),
        );
    }
    let id = crate::place::canonical(&doc.place.id).map(std::borrow::Cow::into_owned);
    if id.is_none() {
        err(
            "place.id".into(),
            format!("\"{}\" is not a place id (a folder path or a GB/T 2260 code)", doc.place.id),
            format!("“{}”不是地方代码（文件夹路径或 GB/T 2260 行政区划代码）", doc.place.id),
        );
    }
    if doc.place.name.trim().is_empty() {
        err("place.name".into(), "the place needs a name".into(), "缺少地方名称".into());
    }
    if !["province", "city", "county"].contains(&doc.place.level.as_str()) {
        err(
            "place.level".into(),
            format!("\"{}\" is not province, city or county", doc.place.level),
            format!("“{}”不是省（province）、市（city）或县（county）", doc.place.level),
        );
    }
    // Nothing is kept (leaked) until the whole pack is known to be valid: a bad pack costs nothing.
    let mut known = std::collections::BTreeSet::new();
    for (sid, s) in &doc.sources {
        if s.title.trim().is_empty() {
            err(format!("sources.{sid}.title"), "a document needs its title".into(), "文件缺少标题".into());
        } else {
            known.insert(sid.as_str());
        }
    }
    if doc.parameters.len() > MAX_RULES {
        err("parameters".into(), format!("more than {MAX_RULES} rules"), format!("规则超过 {MAX_RULES} 条"));
    }
    // Each rule's national parameter and its checked values (the month it starts and ends, the number or table).
    let mut checked: Vec<(&'static Parameter, Vec<Checked<'_>>)> = Vec::new();
    for (i, p) in doc.parameters.iter().enumerate().take(MAX_RULES) {
        let at = format!("parameters[{i}]");
        let Some(national) = policy::data::NATIONAL_PARAMETERS.iter().copied().find(|n| n.key == p.key) else {
            err(format!("{at}.key"), format!("no rule is called \"{}\"", p.key), format!("没有名为“{}”的规则", p.key));
            continue;
        };
        if checked.iter().any(|(n, _)| n.key == national.key) {
            err(format!("{at}.key"), format!("\"{}\" is set twice", p.key), format!("规则“{}”写了两次", p.key));
            continue;
        }
        if p.values.is_empty() || p.values.len() > MAX_VALUES {
            err(
                format!("{at}.values"),
                format!("a rule needs between 1 and {MAX_VALUES} dated values"),
                format!("每条规则要有 1 到 {MAX_VALUES} 个注明日期的值"),
            );
            continue;
        }
        let table = national.key_unit.is_some();
        let mut values = Vec::new();
        let mut last: Option<YearMonth> = None;
        let mut open = false;
        for (j, v) in p.values.iter().enumerate() {
            let at = format!("{at}.values[{j}]");
            let from = YearMonth::parse(&v.from);
            if from.is_none() {
                err(
                    format!("{at}.from"),
                    format!("\"{}\" is not a month (YYYY-MM)", v.from),
                    format!("“{}”不是月份（应写成 2026-06 这样）", v.from),
                );
            }
            let until = match v.until.as_deref().map(YearMonth::parse) {
                Some(None) => {
                    err(
                        format!("{at}.until"),
                        "not a month (YYYY-MM)".into(),
                        "不是月份（应写成 2026-06 这样）".into(),
                    );
                    continue;
                }
                Some(Some(u)) => Some(u),
                None => None,
            };
            let Some(from) = from else { continue };
            if until.is_some_and(|u| u < from) {
                err(format!("{at}.until"), "ends before it starts".into(), "结束月份早于开始月份".into());
                continue;
            }
            if open || last.is_some_and(|l| from <= l) {
                err(
                    format!("{at}.from"),
                    "starts before the value above it ends (oldest first, no overlap)".into(),
                    "与上一个值的时间重叠（按时间从早到晚排列，不能重叠）".into(),
                );
                continue;
            }
            last = until;
            open = until.is_none();
            let value = match (v.value, &v.table, table) {
                (None, None, _) if v.unstated => None,
                (_, _, _) if v.unstated => {
                    err(
                        format!("{at}.unstated"),
                        "a rule that states no number has no `value` or `table`".into(),
                        "规定没有写明数字时，不写 value 或 table".into(),
                    );
                    continue;
                }
                (Some(n), None, false) if national.unit == policy::Unit::MonthOfYear && !(1..=12).contains(&n) => {
                    err(format!("{at}.value"), "a month of the year is 1 to 12".into(), "月份应在 1 到 12 之间".into());
                    continue;
                }
                (Some(n), None, false) if n < 0 => {
                    err(format!("{at}.value"), "cannot be negative".into(), "不能是负数".into());
                    continue;
                }
                (Some(n), None, false) => Some(n),
                (None, Some(rows), true) if rows.windows(2).all(|w| w[0].0 < w[1].0) && !rows.is_empty() => None,
                (None, Some(_), true) => {
                    err(
                        format!("{at}.table"),
                        "a table needs rows with increasing keys".into(),
                        "表格的各行要按从小到大排列".into(),
                    );
                    continue;
                }
                (_, _, true) => {
                    err(
                        format!("{at}.table"),
                        format!("\"{}\" is a table: give `table`, not `value`", p.key),
                        format!("规则“{}”是一张表：应写 table，不是 value", p.key),
                    );
                    continue;
                }
                (_, _, false) => {
                    err(
                        format!("{at}.value"),
                        format!("\"{}\" is one number: give `value`, not `table`", p.key),
                        format!("规则“{}”是一个数：应写 value，不是 table", p.key),
                    );
                    continue;
                }
            };
            if !known.contains(v.source.as_str()) {
                err(
                    format!("{at}.source"),
                    format!("no document \"{}\" in `sources`", v.source),
                    format!("sources 里没有文件“{}”", v.source),
                );
                continue;
            }
            if v.article.trim().is_empty() {
                err(format!("{at}.article"), "a value needs the article it comes from".into(), "缺少出处条款".into());
                continue;
            }
            if confidence(&v.confidence).is_none() {
                err(
                    format!("{at}.confidence"),
                    format!("\"{}\" is not C1, C2, C3, U or I", v.confidence),
                    format!("“{}”不是 C1、C2、C3、U 或 I", v.confidence),
                );
                continue;
            }
            values.push((from, until, value, v));
        }
        checked.push((national, values));
    }
    let (Some(id), true) = (id, errors.is_empty()) else { return Err(errors) };

    // Valid: the layer is built and kept for the rest of the program.
    let mut sources: BTreeMap<&str, &'static Source> = BTreeMap::new();
    for (sid, s) in &doc.sources {
        let source = Source {
            id: leak(sid.clone()),
            title: leak(s.title.clone()),
            title_en: s.title_en.clone().map(leak),
            number: s.number.clone().map(leak),
            issued: s.issued.clone().map(leak),
            url: s.url.clone().map(leak),
        };
        sources.insert(sid, Box::leak(Box::new(source)));
    }
    let mut months: Vec<YearMonth> = Vec::new();
    let mut rules: Vec<(&'static str, &'static Parameter)> = Vec::new();
    for (national, values) in checked {
        let values: Vec<Dated> = values
            .into_iter()
            .filter_map(|(from, until, value, v)| {
                months.push(from);
                months.extend(until);
                let value = match (value, &v.table) {
                    _ if v.unstated => Value::Unstated,
                    (Some(n), _) => Value::Int(n),
                    (None, rows) => Value::Table(Box::leak(rows.clone().unwrap_or_default().into_boxed_slice())),
                };
                let cite = Citation {
                    source: sources.get(v.source.as_str()).copied()?,
                    article: leak(v.article.clone()),
                    confidence: confidence(&v.confidence)?,
                    note: v.note.clone().map(leak),
                };
                Some(Dated { from, until, value, cite })
            })
            .collect();
        let rule = Parameter {
            key: national.key,
            description: national.description,
            unit: national.unit,
            key_unit: national.key_unit,
            local_only: false,
            overrides: &[],
            values: Box::leak(values.into_boxed_slice()),
        };
        rules.push((national.key, Box::leak(Box::new(rule))));
    }
    let data_month = months.iter().max().copied();
    let still = rules.iter().any(|(_, p)| p.values.last().is_some_and(|v| v.until.is_none()));
    let ended = if still { None } else { rules.iter().filter_map(|(_, p)| p.values.last()?.until).max() };
    let code = id.parse::<u32>().ok().filter(|_| id.len() == 6);
    let path = if doc.place.id.contains('/') { doc.place.id.clone() } else { id.clone() };
    let place = Place {
        id: leak(id),
        path: leak(path),
        code,
        name: leak(doc.place.name),
        name_en: doc.place.name_en.map(leak),
        level: leak(doc.place.level),
        data_month,
        ended,
    };
    let layer = Layer { place: Box::leak(Box::new(place)), sources: sources.into_values().collect(), rules };
    Ok(Box::leak(Box::new(layer)))
}
