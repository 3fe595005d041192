//! Turns a validated [`Pack`] into Rust statics for the rules crate.
//!
//! The output is included into `anju_rules::policy::data`; it names the types of `anju_rules::policy` by absolute
//! path. Each program becomes a module `<layer>::<program>` holding one `Parameter` static per parameter and, in
//! `criteria`, one `Citation` static per criterion, so a program that reads data the files lack fails to compile.

use std::fmt::Write;

use crate::{Cite, Pack, Value};

/// A layer's canonical id: its code, or its folder path when it is not a division.
fn canonical_id(pack: &Pack, layer: &str) -> String {
    pack.places.iter().find(|p| p.id == layer).and_then(|p| p.code.clone()).unwrap_or_else(|| layer.to_string())
}

/// Rust source for the whole pack. Deterministic: the same pack gives the same bytes.
pub fn to_rust(pack: &Pack) -> String {
    let mut out = String::from("// @generated from policy/ by anju-policy. Do not edit: edit the TOML files.\n\n");
    out.push_str("pub mod sources {\n    use crate::policy::Source;\n");
    for s in pack.sources.values() {
        let _ = writeln!(
            out,
            "    pub static {}: Source = Source {{ id: {:?}, title: not_in_browser!({:?}), title_en: not_in_browser!(opt {}), number: not_in_browser!(opt {}), issued: not_in_browser!(opt {}), url: not_in_browser!(opt {}) }};",
            upper(&s.id),
            s.id,
            s.title,
            opt(&s.title_en),
            opt(&s.number),
            opt(&s.issued),
            opt(&s.url),
        );
    }
    out.push_str("}\n\n");

    out.push_str(
        "/// Every place with a policy layer, sorted by folder path.\npub static PLACES: &[crate::policy::Place] = &[\n",
    );
    let mut places: Vec<_> = pack.places.iter().collect();
    places.sort_by(|a, b| a.id.cmp(&b.id));
    let ym = |m: Option<(i32, u32)>| match m {
        Some((y, m)) => format!("Some(crate::time::YearMonth::ym({y}, {m}))"),
        None => "None".into(),
    };
    for p in places {
        let (newest, ended) = crate::layer_dates(pack, &p.id);
        let _ = writeln!(
            out,
            "    crate::policy::Place {{ id: {:?}, path: {:?}, code: {}, name: {:?}, name_en: {}, level: {:?}, data_month: {}, ended: {} }},",
            canonical_id(pack, &p.id),
            p.id,
            p.code.as_deref().map_or("None".into(), |c| format!("Some({})", c.trim_start_matches('0'))),
            p.name,
            opt(&p.name_en),
            p.level,
            ym(newest),
            ym(ended),
        );
    }
    out.push_str("];\n\n");

    let mut layers: Vec<&str> = pack.programs.iter().map(|p| p.layer.as_str()).collect();
    layers.sort_by_key(|l| (*l != "national", *l));
    layers.dedup();
    // Each national parameter lists the places that override it, so a lookup scans a few entries (usually none)
    // instead of searching every override by string.
    let mut by_key: std::collections::BTreeMap<&str, Vec<(String, String)>> = std::collections::BTreeMap::new();
    for p in pack.programs.iter().filter(|p| p.layer != "national") {
        let path = format!("places::{}", p.layer.replace('/', "__"));
        for (pid, param) in &p.parameters {
            let target = format!("crate::policy::data::{path}::{}::{}", p.id, upper(pid));
            by_key.entry(param.key.as_str()).or_default().push((canonical_id(pack, &p.layer), target));
        }
    }
    let mut all_params = Vec::new();
    let mut national_params = Vec::new();
    let mut overrides = Vec::new();
    let mut all_cites = Vec::new();
    let mut in_places = false;
    for layer in layers {
        let module = layer.replace('/', "__");
        let path = if layer == "national" { module.clone() } else { format!("places::{module}") };
        if layer != "national" && !in_places {
            out.push_str("/// Place layers: module names are place ids with `/` written `__`.\npub mod places {\n");
            in_places = true;
        }
        let _ = writeln!(out, "pub mod {module} {{");
        for p in pack.programs.iter().filter(|p| p.layer == layer) {
            let _ = writeln!(out, "    /// From `policy/{}`.", p.file.replace('\\', "/"));
            let _ = writeln!(out, "    pub mod {} {{", p.id);
            out.push_str("        #[allow(unused_imports)]\n");
            out.push_str("        use crate::policy::{Citation, Confidence, Dated, Parameter, Unit, Value};\n");
            out.push_str("        #[allow(unused_imports)]\n");
            out.push_str("        use crate::time::YearMonth;\n");
            out.push_str("        /// The citation of each criterion the program reports.\n");
            out.push_str("        pub mod criteria {\n            #[allow(unused_imports)]\n");
            out.push_str("            use crate::policy::{Citation, Confidence};\n");
            for (cid, cite) in &p.criteria {
                let _ = writeln!(out, "            pub static {}: Citation = {};", upper(cid), citation(cite));
                all_cites.push(format!("{path}::{}::criteria::{}", p.id, upper(cid)));
            }
            out.push_str("        }\n");
            for (pid, param) in &p.parameters {
                let key_unit = match &param.key_unit {
                    Some(u) => format!("Some(Unit::{})", unit_variant(u)),
                    None => "None".into(),
                };
                let _ = writeln!(
                    out,
                    "        pub static {}: Parameter = Parameter {{ key: {:?}, description: not_in_browser!({:?}), unit: Unit::{}, key_unit: {key_unit}, local_only: {}, overrides: &[{}], values: &[",
                    upper(pid),
                    param.key,
                    param.description,
                    unit_variant(&param.unit),
                    param.local_only,
                    if layer == "national" {
                        by_key
                            .get(param.key.as_str())
                            .map(|v| v.iter().map(|(l, t)| format!("({l:?}, &{t})")).collect::<Vec<_>>().join(", "))
                            .unwrap_or_default()
                    } else {
                        String::new()
                    },
                );
                for v in &param.values {
                    let until = match v.until {
                        Some((y, m)) => format!("Some(YearMonth::ym({y}, {m}))"),
                        None => "None".into(),
                    };
                    let value = match &v.value {
                        Value::Int(i) => format!("Value::Int({i})"),
                        Value::Table(rows) => {
                            let rows: Vec<String> = rows.iter().map(|(k, v)| format!("({k}, {v})")).collect();
                            format!("Value::Table(&[{}])", rows.join(", "))
                        }
                        Value::Unstated => "Value::Unstated".into(),
                    };
                    let _ = writeln!(
                        out,
                        "            Dated {{ from: YearMonth::ym({}, {}), until: {until}, value: {value}, cite: {} }},",
                        v.from.0,
                        v.from.1,
                        citation(&v.cite),
                    );
                }
                out.push_str("        ] };\n");
                all_params.push(format!("{path}::{}::{}", p.id, upper(pid)));
                if layer == "national" {
                    national_params.push(format!("{path}::{}::{}", p.id, upper(pid)));
                } else {
                    overrides.push((layer.to_string(), param.key.clone(), format!("{path}::{}::{}", p.id, upper(pid))));
                }
            }
            out.push_str("    }\n");
        }
        out.push_str("}\n\n");
    }

    if in_places {
        out.push_str("}\n\n");
    }
    overrides.sort();
    out.push_str(
        "/// Place values that override a national parameter: (place id, parameter key, value), sorted by place and\n",
    );
    out.push_str("/// key so that lookups can binary-search.\n");
    out.push_str("pub static OVERRIDES: &[(&str, &str, &crate::policy::Parameter)] = &[\n");
    for (place, key, path) in &overrides {
        let _ = writeln!(out, "    ({place:?}, {key:?}, &{path}),");
    }
    out.push_str("];\n");
    out.push_str("/// Every parameter in the pack, for data tidy tests and listings.\n");
    out.push_str("pub static ALL_PARAMETERS: &[&crate::policy::Parameter] = &[");
    for p in &all_params {
        let _ = write!(out, "&{p}, ");
    }
    out.push_str("];\n");
    out.push_str("/// The national parameters (each lists the places that override it).\n");
    out.push_str("pub static NATIONAL_PARAMETERS: &[&crate::policy::Parameter] = &[");
    for p in &national_params {
        let _ = write!(out, "&{p}, ");
    }
    out.push_str("];\n");
    out.push_str("/// Every criterion citation in the pack, with its path.\n");
    out.push_str("pub static ALL_CRITERIA: &[(&str, &crate::policy::Citation)] = &[");
    for c in &all_cites {
        let _ = write!(out, "({c:?}, &{c}), ");
    }
    out.push_str("];\n");
    out
}

fn citation(c: &Cite) -> String {
    format!(
        "Citation {{ source: &crate::policy::data::sources::{}, article: {:?}, confidence: Confidence::{}, note: not_in_browser!(opt {}) }}",
        upper(&c.source),
        c.article,
        c.confidence,
        opt(&c.note)
    )
}

fn unit_variant(unit: &str) -> &'static str {
    match unit {
        "months" => "Months",
        "years" => "Years",
        "fen" => "Fen",
        "bp" => "Bp",
        "yearmonth" => "YearMonth",
        "m2" => "SquareMetres",
        "month_of_year" => "MonthOfYear",
        _ => "Count",
    }
}

fn upper(id: &str) -> String {
    id.to_ascii_uppercase()
}

fn opt(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("Some({s:?})"),
        None => "None".into(),
    }
}
