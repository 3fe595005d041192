//! The explanation as plain text: what the CLI's `--explain` prints and what golden tests snapshot.
//!
//! One block per program: the verdict, then each criterion with its shape (✓ ✗ ?), reason and citation, then the
//! questions still open and what is not modelled. Uncertain citations (anything but C1/C2) are marked as such.

use std::fmt::Write;

use crate::message::{yuan_text, Lang};
use crate::report::{Amount, Assessment, Criterion, ProgramResult};

/// Renders the whole assessment in `lang`.
pub fn render(a: &Assessment, lang: Lang) -> String {
    let mut out = String::new();
    let zh = lang == Lang::ZhCn;
    let _ = writeln!(out, "{} {}", if zh { "测算月份：" } else { "As of:" }, a.as_of);
    for p in &a.programs {
        out.push('\n');
        program(&mut out, p, lang);
    }
    let _ = writeln!(out, "\n{}", a.disclaimer.text(lang));
    out
}

fn program(out: &mut String, p: &ProgramResult, lang: Lang) {
    let zh = lang == Lang::ZhCn;
    let _ = write!(out, "{} [{}]: {}", p.program.name(lang), p.subject, p.status.label(lang));
    if let Some(e) = p.earliest {
        let _ = write!(out, " ({} {e})", if zh { "最早" } else { "earliest" });
    }
    out.push('\n');
    for c in &p.criteria {
        criterion(out, c, lang);
    }
    let questions = p.open_questions();
    if !questions.is_empty() {
        let paths: Vec<String> = questions.iter().map(|q| q.path()).collect();
        let _ = writeln!(out, "  {} {}", if zh { "还要回答：" } else { "Still to answer:" }, paths.join(", "));
    }
    for a in &p.amounts {
        amount(out, a, lang);
    }
    for n in &p.notes {
        let _ = writeln!(out, "  {} {}", if zh { "说明：" } else { "Note:" }, n.text(lang));
    }
    for o in &p.options {
        let _ = writeln!(out, "  {} {}", if zh { "可以这样办：" } else { "Option:" }, o.text(lang));
    }
    if !p.materials.is_empty() {
        let papers: Vec<&str> = p.materials.iter().map(|m| m.label(lang)).collect();
        let sep = if zh { "、" } else { ", " };
        let _ = writeln!(out, "  {} {}", if zh { "要准备：" } else { "Papers:" }, papers.join(sep));
    }
    if let Some(from) = p.policy_from {
        let _ = writeln!(out, "  {} {from}", if zh { "所用规定自此生效：" } else { "Rules in force since:" });
    }
    for m in &p.not_modelled {
        let _ = writeln!(out, "  {} {}", if zh { "未计入：" } else { "Not modelled:" }, m.text(lang));
    }
}

fn amount(out: &mut String, a: &Amount, lang: Lang) {
    let zh = lang == Lang::ZhCn;
    let _ = write!(out, "  {} ", a.id.label(lang));
    match a.fen {
        Some(fen) if zh => {
            let _ = write!(out, "{} 元", yuan_text(fen));
        }
        Some(fen) => {
            let _ = write!(out, "{} yuan", yuan_text(fen));
        }
        None => out.push_str(if zh { "还不能估算" } else { "cannot be estimated yet" }),
    }
    if let Some(at) = a.at {
        let _ = write!(out, " ({at})");
    }
    if !a.missing_data.is_empty() {
        let _ =
            write!(out, "; {} {}", if zh { "缺当地数值：" } else { "missing local data:" }, a.missing_data.join(", "));
    }
    if a.fen.is_none() && !a.questions.is_empty() {
        let paths: Vec<String> = a.questions.iter().map(|q| q.path()).collect();
        let _ = write!(out, "; {} {}", if zh { "要回答：" } else { "answer:" }, paths.join(", "));
    }
    let _ = write!(out, " — {}", a.basis.text(lang));
    let uncertain: Vec<String> = a
        .used
        .iter()
        .filter(|d| !d.cite.confidence.is_confirmed())
        .map(|d| format!("《{}》{} [{:?}]", d.cite.source.title, d.cite.article, d.cite.confidence))
        .collect();
    if !uncertain.is_empty() {
        let label = if zh { "未完全核实的数值：" } else { "not fully verified:" };
        let _ = write!(out, " {label} {}", uncertain.join("；"));
    }
    out.push('\n');
}

fn criterion(out: &mut String, c: &Criterion, lang: Lang) {
    let cite = c.citation;
    let uncertain = if cite.confidence.is_confirmed() {
        String::new()
    } else {
        format!(" [{:?}, {}]", cite.confidence, if lang == Lang::ZhCn { "未完全核实" } else { "not fully verified" })
    };
    let _ = writeln!(
        out,
        "  {} {} — {}\n      {}《{}》{}{uncertain}",
        c.outcome.symbol(),
        c.id,
        c.outcome.label(lang),
        c.message.text(lang),
        cite.source.title,
        cite.article,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::{Adult, Household, Request};
    use crate::time::YearMonth;

    #[test]
    fn an_explanation_shows_verdict_reasons_and_citations() {
        let request = Request {
            as_of: Some(YearMonth::ym(2026, 11)),
            household: Household {
                adults: vec![Adult { hukou_elsewhere: Some(true), months_in_place: Some(4), ..Adult::default() }],
                ..Household::default()
            },
        };
        let text = render(&crate::assess(&request, YearMonth::ym(2000, 1)), Lang::ZhCn);
        assert!(text.contains("居住证 [household.adults[0]]: 还不确定"), "{text}");
        assert!(text.contains("✗ resided_half_year — 不符合"), "{text}");
        assert!(text.contains("《居住证暂行条例》第二条"), "{text}");
        assert!(text.contains("household.adults[0].stableJob"), "{text}");
        assert!(text.contains("测算结果仅供参考"), "{text}");
    }
}
