//! A family from a file back into the form: the household of a CLI plan or request (the hand-over screen's
//! "open a family file") written as the texts a person would type, question by question through the registry.
//!
//! Nothing is guessed. Each question's value is read at its JSON path and written in the form's own notation
//! (`2027-03`, yuan with up to two decimals, `yes`/`no`, a place id …); the draft is then built again and
//! compared with the file, value by value, so that whatever the form cannot hold — a question the form does not
//! ask (the employee pension's segments), a number it cannot write (13 months where it asks whole years), a third
//! adult, a seventh child — is listed by its path rather than silently lost or changed.

use anju_rules::household::{Household, Subject};
use anju_rules::message::Lang;
use anju_rules::time::YearMonth;
use serde_json::Value as Json;

use crate::draft::{Draft, MAX_ADULTS, MAX_CHILDREN};
use crate::registry::Kind;

/// A household read into the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub draft: Draft,
    /// The JSON paths (`household.adults[0].employeePension.segments`) of the file's values the form cannot hold.
    pub dropped: Vec<String>,
}

/// The form's text for a value of the file, or `None` when the form cannot write it.
fn text(kind: Kind, value: &Json) -> Option<String> {
    let whole = value.as_u64();
    match kind {
        Kind::YesNo => value.as_bool().map(|b| if b { "yes" } else { "no" }.to_string()),
        Kind::Choice(keys) => value.as_str().filter(|s| keys.contains(s)).map(str::to_string),
        Kind::YearMonth | Kind::Place => value.as_str().map(str::to_string),
        Kind::Years { as_months: true, .. } => whole.filter(|m| m % 12 == 0).map(|m| (m / 12).to_string()),
        Kind::Months { .. } | Kind::Years { .. } | Kind::Count { .. } => whole.map(|n| n.to_string()),
        Kind::Money => value.as_i64().filter(|f| *f >= 0).map(|fen| match fen % 100 {
            0 => (fen / 100).to_string(),
            cents => format!("{}.{cents:02}", fen / 100),
        }),
        Kind::Index { .. } => whole.map(|bp| {
            let decimals = format!("{:04}", bp % 10_000);
            match decimals.trim_end_matches('0') {
                "" => (bp / 10_000).to_string(),
                d => format!("{}.{d}", bp / 10_000),
            }
        }),
        Kind::Percent { .. } => whole.filter(|bp| bp % 100 == 0).map(|bp| (bp / 100).to_string()),
    }
}

/// The value at a dotted path below `object` (`employeePension.months`).
fn at<'a>(object: &'a Json, dotted: &str) -> Option<&'a Json> {
    dotted.split('.').try_fold(object, |v, key| v.get(key)).filter(|v| !v.is_null())
}

/// Whether a value holds anything but `null`, `[]` and `{}`.
fn holds(value: &Json) -> bool {
    match value {
        Json::Null => false,
        Json::Object(map) => map.values().any(holds),
        Json::Array(items) => items.iter().any(holds),
        _ => true,
    }
}

/// Every path where `file` holds a value that `rebuilt` does not hold the same: a leaf, a whole list the rebuilt
/// draft lacks, or a whole item of a list (a person) it lacks (`null`, `[]` and `{}` count as absent).
fn differences(path: &str, file: &Json, rebuilt: Option<&Json>, out: &mut Vec<String>) {
    let rebuilt = rebuilt.filter(|v| holds(v));
    match (file, rebuilt) {
        (file, _) if !holds(file) => {}
        (Json::Object(map), r) => {
            for (key, value) in map {
                differences(&format!("{path}.{key}"), value, r.and_then(|r| r.get(key)), out);
            }
        }
        // A person (or segment) the draft lacks is listed whole.
        (Json::Array(items), Some(r)) => {
            for (i, value) in items.iter().enumerate() {
                match r.get(i).filter(|v| holds(v)) {
                    Some(v) => differences(&format!("{path}[{i}]"), value, Some(v), out),
                    None if holds(value) => out.push(format!("{path}[{i}]")),
                    None => {}
                }
            }
        }
        (file, rebuilt) if Some(file) != rebuilt => out.push(path.to_string()),
        _ => {}
    }
}

/// The household as the form's draft, and what of it the form cannot hold. `as_of` is the month the draft is
/// built at to check it (the file's own month, or today).
pub fn from_household(household: &Household, as_of: YearMonth) -> Imported {
    // A household is plain data: it always serializes.
    let file = serde_json::to_value(household).unwrap_or(Json::Null);
    let mut draft = Draft::default();
    for _ in 1..household.adults.len().min(MAX_ADULTS) {
        draft.add_adult();
    }
    for _ in 0..household.children.len().min(MAX_CHILDREN) {
        draft.add_child();
    }
    let questions: Vec<_> = draft.questions().collect();
    for (q, spec) in questions {
        let person = match q.subject {
            Subject::Adult(i) => file.get("adults").and_then(|a| a.get(usize::from(i))),
            Subject::Household => Some(&file),
            Subject::Child(i) => file.get("children").and_then(|c| c.get(usize::from(i))),
        };
        // Only a text the form reads back as a value and a link can carry whole (a place id of 300 letters, say,
        // stays out, and is listed as dropped below, rather than being cut short in the next link).
        let text = person.and_then(|p| at(p, spec.field)).and_then(|v| text(spec.kind, v));
        let usable =
            |t: &String| t.len() <= crate::share::MAX_TEXT && matches!(crate::parse::parse(spec.kind, t), Ok(Some(_)));
        if let Some(t) = text.filter(usable) {
            draft.set(q, &t);
        }
    }
    let rebuilt = serde_json::to_value(&draft.build(as_of).request.household).unwrap_or(Json::Null);
    let mut dropped = Vec::new();
    differences("household", &file, Some(&rebuilt), &mut dropped);
    Imported { draft, dropped }
}

/// A dropped path in words, for the person opening the file: whose, and what (the engine's name for a question,
/// or a plain stand-in for a part the form does not ask).
pub fn dropped_text(path: &str, lang: Lang) -> String {
    let zh = lang == Lang::ZhCn;
    // `household.adults[0]`, then the rest below that person.
    let (person, rest) = match path.find(']') {
        Some(end) if path.starts_with("household.adults[") || path.starts_with("household.children[") => {
            (&path[..=end], path[end + 1..].strip_prefix('.').unwrap_or(""))
        }
        _ => ("household", path.strip_prefix("household.").unwrap_or("")),
    };
    let subject = crate::flow::subject_of(person);
    let who = crate::catalogue::subject(lang, person);
    if rest.is_empty() {
        let max = if matches!(subject, Subject::Child(_)) { MAX_CHILDREN } else { MAX_ADULTS };
        return match zh {
            true => format!("{who}（这里最多填{max}个）"),
            false => format!("{who} (this form takes at most {max})"),
        };
    }
    let field: String = rest.split('[').next().unwrap_or(rest).to_string();
    let what = anju_rules::names::question_name(subject, &field, lang);
    let what = what.unwrap_or(if zh { "一项这里不问的内容" } else { "a part this form does not ask" });
    format!("{who}{}{what}", crate::catalogue::colon(lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use anju_rules::household::{Adult, Child, EmployeePension, Segment};

    const DEC_2026: YearMonth = YearMonth::ym(2026, 12);

    /// Every preset family, built into a request and read back, is the same family: the same request again and
    /// nothing dropped.
    #[test]
    fn every_preset_reads_back_as_the_same_household() {
        for p in crate::presets::PRESETS {
            let request = p.draft().build(DEC_2026).request;
            let back = from_household(&request.household, DEC_2026);
            assert_eq!(back.dropped, Vec::<String>::new(), "{}", p.id);
            assert_eq!(back.draft.build(DEC_2026).request.household, request.household, "{}", p.id);
        }
    }

    /// Worked by hand: money in fen is written in yuan with its cents, an index in basis points as a decimal, a
    /// percentage base as whole percent, years kept as months as whole years.
    #[test]
    fn values_are_written_as_a_person_types_them() {
        let k = |kind, v: Json| text(kind, &v);
        assert_eq!(k(Kind::Money, 120_050.into()), Some("1200.50".into()));
        assert_eq!(k(Kind::Money, 150_000.into()), Some("1500".into()));
        assert_eq!(k(Kind::Money, (-1).into()), None);
        assert_eq!(k(Kind::Index { min_bp: 0, max_bp: 30_000 }, 6_000.into()), Some("0.6".into()));
        assert_eq!(k(Kind::Index { min_bp: 0, max_bp: 30_000 }, 12_500.into()), Some("1.25".into()));
        assert_eq!(k(Kind::Index { min_bp: 0, max_bp: 30_000 }, 10_000.into()), Some("1".into()));
        assert_eq!(k(Kind::Percent { min: 60, max: 300 }, 6_000.into()), Some("60".into()));
        assert_eq!(k(Kind::Percent { min: 60, max: 300 }, 6_050.into()), None);
        assert_eq!(k(Kind::Years { max: 20, as_months: true }, 36.into()), Some("3".into()));
        assert_eq!(k(Kind::Years { max: 20, as_months: true }, 13.into()), None);
        assert_eq!(k(Kind::YesNo, true.into()), Some("yes".into()));
        assert_eq!(k(Kind::Choice(&["female", "male"]), "male".into()), Some("male".into()));
        assert_eq!(k(Kind::Choice(&["female", "male"]), "other".into()), None);
    }

    /// What the form cannot hold is named by its path, and the rest still comes in.
    #[test]
    fn what_the_form_cannot_hold_is_listed_and_the_rest_comes_in() {
        let segment = Segment { place: "410225".into(), months: 24 };
        let adult = Adult {
            birth: Some(YearMonth::ym(1985, 3)),
            employee_pension: EmployeePension { segments: vec![segment], ..EmployeePension::default() },
            ..Adult::default()
        };
        let household = Household {
            adults: vec![adult.clone(), Adult::default(), adult],
            children: vec![Child::default(); 7],
            ..Household::default()
        };
        let back = from_household(&household, DEC_2026);
        assert_eq!(back.draft.adults.len(), 2);
        assert_eq!(back.draft.children.len(), MAX_CHILDREN);
        assert_eq!(back.draft.adults[0].get("birth"), "1985-03");
        assert_eq!(
            back.dropped,
            ["household.adults[0].employeePension.segments", "household.adults[2]",],
            "the segments and the third adult; the seven children are blank, so nothing of them is lost"
        );
        assert_eq!(dropped_text("household.adults[2]", Lang::ZhCn), "大人3（这里最多填2个）");
        assert_eq!(dropped_text("household.adults[2]", Lang::En), "Adult 3 (this form takes at most 2)");
        let segments = dropped_text("household.adults[0].employeePension.segments", Lang::ZhCn);
        assert!(segments.starts_with("大人1："), "{segments}");
    }
}
