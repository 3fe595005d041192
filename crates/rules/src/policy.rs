//! Policy data as the engine sees it: sources, citations and dated parameters.
//!
//! The values themselves live in `policy/*.toml` at the workspace root and are compiled into [`data`] by the build
//! script (see the `anju-policy` crate). Program code names a parameter by its generated static, e.g.
//! `data::national::residence_permit::MIN_MONTHS_RESIDENT`, and asks for the value in force at the evaluation month.

use serde::Serialize;

use crate::time::YearMonth;

/// Text the page never shows from the compiled tables, left out of the page's wasm builds (the `lean` feature, which
/// the page and its on-demand module turn on: there a text is empty and an optional one `None`); every other build
/// (the CLI, native tests, the JS API's wasm module, whose results are the CLI's) carries it:
/// - a parameter's description and a citation's note (the article's words, or our reading of them): for whoever
///   reviews the data and reads the JSON;
/// - a document's title, number, date and address: read on the results screen only, which fetches them by source id
///   from `policy/sources.json` (written from these tables by `crates/rules/tests/sources.rs`) once it has started.
#[cfg(not(all(feature = "lean", target_family = "wasm")))]
macro_rules! not_in_browser {
    ($text:literal) => {
        $text
    };
    (opt $value:expr) => {
        $value
    };
}
#[cfg(all(feature = "lean", target_family = "wasm"))]
macro_rules! not_in_browser {
    ($text:literal) => {
        ""
    };
    (opt $value:expr) => {
        None
    };
}

/// The compiled policy tables. Generated; see `policy/README.md` for the file format.
#[allow(clippy::all, non_snake_case)] // place modules are named `<province>__<city>`
pub mod data {
    include!(concat!(env!("OUT_DIR"), "/policy.rs"));
}

/// How sure we are of a fact, as tagged in the domain brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Confidence {
    /// Read in the full official text.
    C1,
    /// A verbatim quotation of the official text in a secondary source.
    C2,
    /// Corroborated by several independent calculators or notices; no official text found.
    C3,
    /// Unconfirmed: a placeholder that needs checking.
    U,
    /// Our own inference or interpretation.
    I,
}

impl Confidence {
    /// Confirmed facts (C1, C2) are shown plainly; everything else is shown as uncertain.
    pub fn is_confirmed(self) -> bool {
        matches!(self, Confidence::C1 | Confidence::C2)
    }
}

/// What a number is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Unit {
    Months,
    Years,
    /// Money, in fen (分, 1/100 yuan).
    Fen,
    Count,
    /// Rates and indices in basis points (1/10000): 2.62 % = 262, an index of 0.6 = 6000.
    Bp,
    /// A calendar month, stored as months since year 0 (see `YearMonth::from_index`).
    YearMonth,
    /// Floor area in whole square metres.
    SquareMetres,
    /// A month of the year (1–12), e.g. the month of a local cut-off date.
    MonthOfYear,
}

/// A parameter's value: one number, or a table of (key, value) rows with increasing keys; or, in a place's layer,
/// a requirement the local rule names without its number (answers that need it are unknown).
#[derive(Debug, PartialEq, Eq)]
pub enum Value {
    Int(i64),
    Table(&'static [(i64, i64)]),
    Unstated,
}

impl Value {
    /// The number, for scalar parameters. A table where a number was expected gives `None` (an unknown result).
    pub fn int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Table(_) | Value::Unstated => None,
        }
    }

    /// The rows, for table parameters.
    pub fn table(&self) -> Option<&'static [(i64, i64)]> {
        match self {
            Value::Table(t) => Some(t),
            Value::Int(_) | Value::Unstated => None,
        }
    }
}

/// A document that the rules cite.
#[derive(Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Source {
    #[serde(skip)]
    pub id: &'static str,
    pub title: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_en: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'static str>,
}

/// A document and article, with the confidence of our reading of it.
#[derive(Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Citation {
    /// The document, by id; the result's `sources` map describes each document once.
    #[serde(serialize_with = "source_id")]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub source: &'static Source,
    pub article: &'static str,
    pub confidence: Confidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
}

fn source_id<S: serde::Serializer>(source: &&'static Source, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(source.id)
}

/// One value of a parameter and the months it is in force (both ends included; `until: None` = still in force).
#[derive(Debug, PartialEq, Eq)]
pub struct Dated {
    pub from: YearMonth,
    pub until: Option<YearMonth>,
    pub value: Value,
    pub cite: Citation,
}

/// A policy number with its history.
#[derive(Debug, PartialEq, Eq)]
pub struct Parameter {
    /// `program.parameter`, e.g. `residence_permit.min_months_resident`.
    pub key: &'static str,
    pub description: &'static str,
    pub unit: Unit,
    /// For tables: the unit of the keys.
    pub key_unit: Option<Unit>,
    /// Set by places only: the national layer has no value, so without a place value the answer is unknown.
    pub local_only: bool,
    /// National parameters only: the places whose layer overrides this one, with their values (most are empty).
    pub overrides: &'static [(&'static str, &'static Parameter)],
    /// Oldest first, periods not overlapping (checked when the data is compiled).
    pub values: &'static [Dated],
}

impl Parameter {
    /// The value in force in month `at`, or `None` when the data has no value for that month
    /// (before the rule existed, or after it ended). Callers turn `None` into an unknown criterion, never a default.
    pub fn at(&self, at: YearMonth) -> Option<&'static Dated> {
        self.values.iter().find(|d| d.from <= at && d.until.is_none_or(|u| at <= u))
    }

    /// The scalar value in force in month `at`, with its dated entry.
    pub fn int_at(&self, at: YearMonth) -> Option<(i64, &'static Dated)> {
        let d = self.at(at)?;
        Some((d.value.int()?, d))
    }
}

/// A place with its own policy layer. Places in general, with their levels and ancestors, are
/// [`crate::place::PlaceId`]s.
#[derive(Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Place {
    /// The canonical id: the GB/T 2260 code as six digits, or the path for a place that is not a division.
    pub id: &'static str,
    /// The folder under `policy/places/`, e.g. `guangxi/liuzhou/rongan`: the id's pinyin alias.
    pub path: &'static str,
    #[serde(skip)]
    pub code: Option<u32>,
    pub name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<&'static str>,
    pub level: &'static str,
    /// The newest month any value of the layer starts or ends: how current its data is.
    pub data_month: Option<crate::time::YearMonth>,
    /// The last month any value of the layer is in force when every one of them has ended; `None` while one runs.
    pub ended: Option<crate::time::YearMonth>,
}

/// Looks a place's layer up by id, a code or an alias.
pub fn place(id: &str) -> Option<&'static Place> {
    crate::place::PlaceId::parse(id)?.layer()
}

/// Looks a layer up by its folder path (`PLACES` is sorted by path).
pub(crate) fn layer_by_path(path: &str) -> Option<&'static Place> {
    data::PLACES.binary_search_by(|p| p.path.cmp(path)).ok().map(|i| &data::PLACES[i])
}

/// The place (or ancestor) whose layer sets `national`'s value for `place`, nearest first; `None` = national.
/// A place id that names no layer (or no place) falls back to national values, and the national `local_only`
/// parameters then have no value: the answer is unknown and names the missing number.
pub fn resolve(place: Option<&str>, national: &'static Parameter) -> (&'static Parameter, Option<&'static str>) {
    // A layer given at run time (`crate::layer::with`) first, where it is nearest.
    #[cfg(feature = "layers")]
    if let Some((p, layer)) = place.and_then(|place| crate::layer::resolve(place, national)) {
        return (p, Some(layer));
    }
    if national.overrides.is_empty() {
        return (national, None);
    }
    // The place's lineage, nearest first, against the parameter's overrides (a few dozen at most).
    match crate::place::nearest(place.unwrap_or_default(), national.overrides) {
        Some((layer, p)) => (p, Some(layer)),
        None => (national, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static SRC: Source = Source { id: "s", title: "t", title_en: None, number: None, issued: None, url: None };
    const fn cite() -> Citation {
        Citation { source: &SRC, article: "第一条", confidence: Confidence::C1, note: None }
    }
    static P: Parameter = Parameter {
        key: "p.x",
        description: "x",
        unit: Unit::Months,
        key_unit: None,
        local_only: false,
        overrides: &[],
        values: &[
            Dated {
                from: YearMonth::ym(2016, 1),
                until: Some(YearMonth::ym(2019, 12)),
                value: Value::Int(6),
                cite: cite(),
            },
            Dated { from: YearMonth::ym(2021, 1), until: None, value: Value::Int(3), cite: cite() },
        ],
    };

    #[test]
    fn the_value_in_force_is_chosen_by_month_with_both_ends_included() {
        assert_eq!(P.at(YearMonth::ym(2015, 12)), None);
        assert_eq!(P.int_at(YearMonth::ym(2016, 1)).map(|d| d.0), Some(6));
        assert_eq!(P.int_at(YearMonth::ym(2019, 12)).map(|d| d.0), Some(6));
        assert_eq!(P.at(YearMonth::ym(2020, 6)), None, "a gap in the data is a gap, not the last value");
        assert_eq!(P.int_at(YearMonth::ym(2030, 1)).map(|d| d.0), Some(3));
    }

    #[test]
    fn the_lookup_tables_are_sorted_for_binary_search() {
        assert!(data::PLACES.windows(2).all(|w| w[0].path < w[1].path));
        assert!(data::OVERRIDES.windows(2).all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)));
    }

    #[test]
    fn each_national_parameter_lists_exactly_the_overrides_of_its_key() {
        let mut listed: Vec<(&str, &str)> = data::NATIONAL_PARAMETERS
            .iter()
            .flat_map(|n| {
                n.overrides.iter().map(move |(place, p)| {
                    assert_eq!(p.key, n.key);
                    (*place, p.key)
                })
            })
            .collect();
        listed.sort();
        let mut all: Vec<(&str, &str)> = data::OVERRIDES
            .iter()
            .map(|(folder, key, _)| (layer_by_path(folder).map_or(*folder, |l| l.id), *key))
            .collect();
        all.sort();
        assert_eq!(listed, all);
    }

    #[test]
    fn a_place_inherits_from_its_ancestors_and_falls_back_to_national() {
        use data::national::employee_pension::BENEFIT_BASE;
        let nov_2026 = YearMonth::ym(2026, 11);
        let (p, layer) = resolve(Some("beijing"), &BENEFIT_BASE);
        assert_eq!((p.int_at(nov_2026).map(|v| v.0), layer), (Some(1_204_900), Some("110000")));
        let (p, layer) = resolve(Some("guangdong/shenzhen"), &BENEFIT_BASE);
        assert_eq!((p.int_at(nov_2026).map(|v| v.0), layer), (Some(1_129_300), Some("440300")));
        let (p, layer) = resolve(Some("guangdong/guangzhou"), &BENEFIT_BASE);
        assert_eq!(layer, Some("440000"), "a city without a layer inherits its province's");
        assert_eq!(p.int_at(YearMonth::ym(2025, 6)).map(|v| v.0), Some(949_300));
        assert_eq!(p.int_at(nov_2026), None, "Guangdong's 2025 base ends with 2025: unknown, not the old value");
        let (p, layer) = resolve(Some("hubei/yichang"), &BENEFIT_BASE);
        assert_eq!((p.int_at(nov_2026), layer), (None, None), "no Hubei value: unknown, not a guess");
        let (p, layer) = resolve(None, &data::national::resident_pension::BASIC_PENSION);
        assert_eq!((p.int_at(YearMonth::ym(2025, 6)).map(|v| v.0), layer), (Some(14_300), None));
        assert_eq!(place("shaanxi/xixian").map(|p| p.name), Some("西咸新区"));
    }

    #[test]
    fn a_place_with_rules_for_a_program_sets_all_of_them() {
        // Places say "not required" with 0, never by leaving a number out (an absent number means "unknown").
        let sets: [(&str, &[&str]); 4] = [
            (
                "zhongkao_eligibility",
                &["permit_months", "si_months", "xueji_years", "cutoff_month", "si_continuous", "xueji_from_stage"],
            ),
            ("public_rental", &["area_line_m2", "si_months_outside", "contract_months_outside"]),
            (
                "school_entry",
                &[
                    "permit_months",
                    "residence_months",
                    "si_months",
                    "cutoff_month",
                    "contract_months",
                    "licence_months",
                    "licence_waives_si",
                    "si_continuous",
                    "local_track",
                ],
            ),
            (
                "exam_eligibility",
                &[
                    "permit_months",
                    "si_months",
                    "residence_months",
                    "xueji_years",
                    "requires_zhongkao_here",
                    "cutoff_month",
                    "si_continuous",
                    "xueji_from_stage",
                ],
            ),
        ];
        for (program, keys) in sets {
            let places: std::collections::BTreeSet<&str> = data::OVERRIDES
                .iter()
                .filter(|(_, k, _)| k.split('.').next() == Some(program))
                .map(|(place, _, _)| *place)
                .collect();
            for place in places {
                for key in keys {
                    let full = format!("{program}.{key}");
                    assert!(
                        data::OVERRIDES.iter().any(|(p, k, _)| *p == place && *k == full),
                        "{place} sets some {program} rules but not {key}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_shipped_value_is_dated_cited_and_in_order() {
        assert!(!data::ALL_PARAMETERS.is_empty());
        for p in data::ALL_PARAMETERS {
            assert!(p.local_only || !p.values.is_empty(), "{} has no values", p.key);
            assert!(!p.description.trim().is_empty(), "{} has no description", p.key);
            for pair in p.values.windows(2) {
                assert!(pair[0].until.is_some_and(|u| u < pair[1].from), "{} periods overlap", p.key);
            }
            for v in p.values {
                assert!(!v.cite.source.title.is_empty() && !v.cite.article.is_empty(), "{} uncited", p.key);
            }
        }
        for (path, c) in data::ALL_CRITERIA {
            assert!(!c.source.title.is_empty() && !c.article.is_empty(), "{path} uncited");
        }
    }
}
