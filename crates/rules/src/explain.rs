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

/// One timeline event as a line: "2028年11月 公租房（全家）：不能申领 → 能申领".
pub fn event(e: &crate::scenario::Event, lang: Lang) -> String {
    use crate::message::{month_text, subject_text, Msg};
    use crate::scenario::Event;
    let zh = lang == Lang::ZhCn;
    let (colon, open, close) = if zh { ("：", "（", "）") } else { (": ", " (", ")") };
    match e {
        Event::Status { month, program, subject, from, to } => format!(
            "{} {}{open}{}{close}{colon}{} → {}",
            month_text(lang, *month),
            program.name(lang),
            subject_text(subject, lang),
            from.label(lang),
            to.label(lang),
        ),
        Event::Criterion { month, program, subject, criterion, to, .. } => format!(
            "{} {}{open}{}{close}{colon}{} {} {}",
            month_text(lang, *month),
            program.name(lang),
            subject_text(subject, lang),
            crate::message::criterion_title(*program, criterion, lang),
            to.symbol(),
            to.label(lang),
        ),
        Event::PlaceOfReceipt { month, subject, place, rule } => format!(
            "{} {}{open}{}{close}{colon}{}",
            month_text(lang, *month),
            crate::report::ProgramId::EmployeePension.name(lang),
            subject_text(subject, lang),
            Msg::ReceiptPlace { place: place.clone(), rule: *rule }.text(lang),
        ),
    }
}

/// A plan's pathways as text: for each program not eligible now, the ways to it best first, then the single
/// actions that unlock the most, then the place of receipt.
pub fn plan(p: &crate::pathway::Plan, lang: Lang) -> String {
    use crate::message::{month_text, subject_text};
    let zh = lang == Lang::ZhCn;
    let place = |id: &str| crate::message::place_text(lang, id);
    let mut out = String::new();
    let _ = writeln!(out, "{} {}", if zh { "测算月份：" } else { "As of:" }, p.as_of);
    let steps = |actions: &[crate::scenario::Action]| -> String {
        if actions.is_empty() {
            return if zh { "什么都不用做，等到时候".into() } else { "nothing to do but wait".into() };
        }
        let words: Vec<String> = actions.iter().map(|a| a.text(lang)).collect();
        words.join(if zh { "；" } else { "; " })
    };
    if !p.unlocks_most.is_empty() {
        let _ = writeln!(out, "\n{}", if zh { "一步办成几件事：" } else { "One step, several answers:" });
        for u in &p.unlocks_most {
            let names: Vec<String> = u
                .programs
                .iter()
                .map(|x| match zh {
                    true => format!("{}（{}）", x.program.name(lang), month_text(lang, x.earliest)),
                    false => format!("{} ({})", x.program.name(lang), month_text(lang, x.earliest)),
                })
                .collect();
            let _ = writeln!(out, "  {} → {}", u.action.text(lang), names.join(if zh { "、" } else { ", " }));
        }
    }
    for program in &p.programs {
        let _ = writeln!(
            out,
            "\n{} [{}]: {}",
            program.program.name(lang),
            subject_text(program.subject, lang),
            program.status_now.label(lang)
        );
        if program.pathways.is_empty() {
            let none = if zh {
                "  10年内没有找到办法（或还缺信息、缺当地规定）"
            } else {
                "  No way found within 10 years (or facts or local rules are missing)"
            };
            let _ = writeln!(out, "{none}");
        }
        for w in &program.pathways {
            let from = if zh { "最早" } else { "from" };
            let _ = write!(out, "  {} — {from} {}", steps(&w.actions), month_text(lang, w.earliest));
            if let Some(cost) = w.cost_fen.filter(|c| *c > 0) {
                let _ = write!(
                    out,
                    "{}",
                    if zh {
                        format!("，自己交约{}元", yuan_text(cost))
                    } else {
                        format!(", about {} yuan paid yourself", yuan_text(cost))
                    }
                );
            }
            out.push('\n');
        }
    }
    if let Some(r) = &p.receipt_here {
        let _ = writeln!(
            out,
            "\n{}",
            if zh {
                format!("养老金会在{}领，不在现在参保的{}。要在那里领：", place(&r.paid_in), place(&r.insured_in))
            } else {
                format!(
                    "The pension would be paid in {}, not in {} where you pay now. To be paid there:",
                    place(&r.paid_in),
                    place(&r.insured_in)
                )
            }
        );
        for w in &r.pathways {
            let _ = writeln!(
                out,
                "  {} — {} {}",
                steps(&w.actions),
                if zh { "最早" } else { "from" },
                month_text(lang, w.earliest)
            );
        }
    }
    out
}

/// A comparison as text: one line per program, the verdict in each column.
pub fn comparison(c: &crate::scenario::Comparison, lang: Lang) -> String {
    use crate::message::{month_text, subject_text};
    let zh = lang == Lang::ZhCn;
    let mut out = String::new();
    let _ = writeln!(out, "{} {}", if zh { "比较月份：" } else { "Compared at:" }, month_text(lang, c.at));
    let column = |name: &str| -> String {
        match (name, zh) {
            ("baseline", true) => "什么都不变".into(),
            ("baseline", false) => "nothing changes".into(),
            (other, _) => crate::policy::place(other)
                .map_or_else(|| other.to_string(), |_| crate::message::place_text(lang, other)),
        }
    };
    for row in &c.programs {
        let _ = writeln!(out, "\n{} [{}]", row.program.name(lang), subject_text(row.subject, lang));
        for (i, name) in c.columns.iter().enumerate() {
            let status = row.statuses.get(i).map_or("", |s| s.label(lang));
            let _ = write!(out, "  {}: {status}", column(name));
            if let Some(Some(e)) = row.earliest.get(i) {
                let _ = match zh {
                    true => write!(out, "（最早 {}）", month_text(lang, *e)),
                    false => write!(out, " (earliest {})", month_text(lang, *e)),
                };
            }
            if let Some(Some(fen)) = row.total_monthly_fen.get(i) {
                let _ = write!(out, "{}{}", if zh { "，每月约" } else { ", about " }, yuan_text(*fen));
                out.push_str(if zh { "元" } else { " yuan a month" });
            }
            out.push('\n');
        }
        if !row.differing.is_empty() {
            let titles: Vec<&str> =
                row.differing.iter().map(|id| crate::message::criterion_title(row.program, id, lang)).collect();
            let _ = writeln!(
                out,
                "  {} {}",
                if zh { "不同之处：" } else { "Differs in:" },
                titles.join(if zh { "、" } else { ", " })
            );
        }
    }
    out
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
