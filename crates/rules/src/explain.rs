//! The explanation as plain text: what the CLI's `--explain` prints and what golden tests snapshot.
//!
//! One block per program: the verdict, then each criterion with its shape (✓ ✗ ?), reason and citation, then the
//! questions still open and what is not modelled. Uncertain citations (anything but C1/C2) are marked as such.
//! Everything is in words: whom a block is about, criterion titles, questions, places, parameters and document
//! titles come from the catalogues in `message` and `names`, never as ids or JSON paths. An amount under a
//! program that is not eligible yet reads as what would be paid once eligible.

use std::fmt::Write;

use crate::household::Question;
use crate::message::{month_text, subject_text, yuan_text, Lang};
use crate::names::{citation_text, confidence_text, parameter_text, question_text};
use crate::report::{Amount, AmountId, Assessment, Criterion, ProgramResult, Status};

/// Open questions in words, grouped by whom they are about, in order: "申请人：哪年哪月出生？男还是女？".
pub fn questions_text(questions: &[Question], lang: Lang) -> String {
    let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
    for q in questions {
        let who = subject_text(&q.subject.path(), lang);
        let text = question_text(*q, lang);
        match groups.iter_mut().find(|(w, _)| *w == who) {
            Some((_, texts)) => {
                if !texts.contains(&text) {
                    texts.push(text);
                }
            }
            None => groups.push((who, vec![text])),
        }
    }
    let zh = lang == Lang::ZhCn;
    let parts: Vec<String> = groups
        .into_iter()
        .map(|(who, texts)| match zh {
            true => format!("{who}：{}", texts.concat()),
            false => format!("{}: {}", capitalized(&who), texts.join(" ")),
        })
        .collect();
    parts.join(if zh { "　" } else { " " })
}

fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Renders the whole assessment in `lang`.
pub fn render(a: &Assessment, lang: Lang) -> String {
    let mut out = String::new();
    let zh = lang == Lang::ZhCn;
    let _ = writeln!(out, "{} {}", if zh { "测算月份：" } else { "As of:" }, month_text(lang, a.as_of));
    for p in &a.programs {
        out.push('\n');
        program(&mut out, p, lang);
    }
    if !a.data.is_empty() {
        out.push('\n');
        out.push_str(if zh { "所用地方数据：\n" } else { "Local data used:\n" });
        for d in &a.data {
            let _ = writeln!(out, "  {}", data_line(d, lang));
        }
    }
    let _ = writeln!(out, "\n{}", a.disclaimer.text(lang));
    if !zh {
        let _ = writeln!(out, "Document titles are our translations of the Chinese titles.");
    }
    out
}

/// Whose local data answered a place, and how current it is.
pub fn data_line(d: &crate::report::PlaceData, lang: Lang) -> String {
    let zh = lang == Lang::ZhCn;
    let place = crate::message::place_text(lang, &d.place);
    let (Some(layer), Some(month)) = (d.layer, d.data_month) else {
        return match zh {
            true => format!("{place}：没有地方数据，只按国家规定"),
            false => format!("{place}: no local data; national rules only"),
        };
    };
    let whose = if layer == d.place { String::new() } else { crate::message::place_text(lang, layer) };
    let mut line = match (zh, whose.is_empty()) {
        (true, true) => format!("{place}："),
        (true, false) => format!("{place}：用{whose}的数据，"),
        (false, true) => format!("{place}: "),
        (false, false) => format!("{place}: {whose}'s data, "),
    };
    line.push_str(&match (zh, d.ended) {
        (true, None) => format!("数据截至{}", month_text(lang, month)),
        (false, None) => format!("as of {}", month_text(lang, month)),
        (true, Some(ended)) => format!("这些规定到{}已结束，之后的月份答不了", month_text(lang, ended)),
        (false, Some(ended)) => {
            format!("these rules ended in {}, so later months cannot be answered", month_text(lang, ended))
        }
    });
    line
}

/// A program for a person: "公租房（全家）" / "Public rental housing (household)".
pub fn program_for(program: crate::report::ProgramId, subject: &str, lang: Lang) -> String {
    let who = subject_text(subject, lang);
    match lang {
        Lang::ZhCn => format!("{}（{who}）", program.name(lang)),
        Lang::En => format!("{} ({who})", program.name(lang)),
    }
}

/// What a family would do, in words: the actions in turn, or "nothing to do but wait" when there are none.
pub fn actions_text(actions: &[crate::scenario::Action], lang: Lang) -> String {
    let zh = lang == Lang::ZhCn;
    if actions.is_empty() {
        return if zh { "什么都不用做，等到时候".into() } else { "Nothing to do but wait".into() };
    }
    let words: Vec<String> = actions.iter().map(|a| a.text(lang)).collect();
    words.join(if zh { "；" } else { "; " })
}

fn program(out: &mut String, p: &ProgramResult, lang: Lang) {
    let zh = lang == Lang::ZhCn;
    let colon = if zh { "：" } else { ": " };
    let _ = write!(out, "{}{colon}{}", program_for(p.program, p.subject, lang), p.status.label(lang));
    if let Some(e) = p.earliest {
        let _ = match zh {
            true => write!(out, "（最早 {}）", month_text(lang, e)),
            false => write!(out, " (earliest {})", month_text(lang, e)),
        };
    }
    out.push('\n');
    for c in &p.criteria {
        criterion(out, p, c, lang);
    }
    let questions = p.open_questions();
    if !questions.is_empty() {
        let _ = writeln!(
            out,
            "  {} {}",
            if zh { "还要回答：" } else { "Still to answer:" },
            questions_text(&questions, lang)
        );
    }
    for a in &p.amounts {
        amount(out, a, p.status, lang);
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
        let from = crate::message::month_text(lang, from);
        let _ = writeln!(out, "  {} {from}", if zh { "所用规定自此生效：" } else { "Rules in force since:" });
    }
    for m in &p.not_modelled {
        let _ = writeln!(out, "  {} {}", if zh { "未计入：" } else { "Not modelled:" }, m.text(lang));
    }
}

/// An amount in words. A monthly amount under a program that is not eligible (yet) is what would be paid once
/// eligible, never an amount payable now.
pub fn amount_text(a: &Amount, status: Status, lang: Lang) -> String {
    let zh = lang == Lang::ZhCn;
    let monthly = a.id != AmountId::AccountAtRetirement;
    match (a.fen, monthly, status == Status::Eligible, zh) {
        (None, ..) if zh => "还不能估算".into(),
        (None, ..) => "cannot be estimated yet".into(),
        (Some(fen), true, true, true) => format!("每月 {} 元", yuan_text(fen)),
        (Some(fen), true, true, false) => format!("¥{} a month", yuan_text(fen)),
        // Not eligible: what is paid so far is worth this much; making up what is missing (more years) adds to it.
        (Some(fen), true, false, true) if status == Status::NotEligible => {
            format!("符合条件后每月约 {} 元（按现在已交的年限算）", yuan_text(fen))
        }
        (Some(fen), true, false, false) if status == Status::NotEligible => {
            format!("about ¥{} a month once eligible (on the years paid so far)", yuan_text(fen))
        }
        (Some(fen), true, false, true) => format!("符合条件后每月约 {} 元", yuan_text(fen)),
        (Some(fen), true, false, false) => format!("about ¥{} a month once eligible", yuan_text(fen)),
        (Some(fen), false, _, true) => format!("约 {} 元", yuan_text(fen)),
        (Some(fen), false, _, false) => format!("about ¥{}", yuan_text(fen)),
    }
}

fn amount(out: &mut String, a: &Amount, status: Status, lang: Lang) {
    let zh = lang == Lang::ZhCn;
    let _ = write!(out, "  {}{}{}", a.id.label(lang), if zh { "：" } else { ": " }, amount_text(a, status, lang));
    if let Some(at) = a.at {
        let _ = match zh {
            true => write!(out, "（{}）", month_text(lang, at)),
            false => write!(out, " ({})", month_text(lang, at)),
        };
    }
    if !a.missing_data.is_empty() {
        let names: Vec<&str> = a.missing_data.iter().map(|k| parameter_text(k, lang)).collect();
        let _ = match zh {
            true => write!(out, "；缺当地数值：{}", names.join("、")),
            false => write!(out, "; missing local data: {}", names.join(", ")),
        };
    }
    if a.fen.is_none() && !a.questions.is_empty() {
        let _ = match zh {
            true => write!(out, "；要回答：{}", questions_text(&a.questions, lang)),
            false => write!(out, "; to answer: {}", questions_text(&a.questions, lang)),
        };
    }
    let _ = write!(out, " — {}", a.basis.text(lang));
    let uncertain: Vec<String> = a
        .used
        .iter()
        .filter(|d| !d.cite.confidence.is_confirmed())
        .map(|d| match zh {
            true => format!("{}（{}）", citation_text(&d.cite, lang), confidence_text(d.cite.confidence, lang)),
            false => format!("{} ({})", citation_text(&d.cite, lang), confidence_text(d.cite.confidence, lang)),
        })
        .collect();
    if !uncertain.is_empty() {
        let _ = match zh {
            true => write!(out, " 未完全核实的数值：{}", uncertain.join("；")),
            false => write!(out, " Not fully verified: {}", uncertain.join("; ")),
        };
    }
    out.push('\n');
}

fn criterion(out: &mut String, p: &ProgramResult, c: &Criterion, lang: Lang) {
    let zh = lang == Lang::ZhCn;
    let cite = c.citation;
    let uncertain = match (cite.confidence.is_confirmed(), zh) {
        (true, _) => String::new(),
        (false, true) => format!("（未完全核实：{}）", confidence_text(cite.confidence, lang)),
        (false, false) => format!(" (not fully verified: {})", confidence_text(cite.confidence, lang)),
    };
    // Who met it, where either parent (or either adult) may.
    // Said where it tells something: in a program where the second adult meets a test.
    let second = "household.adults[1]";
    let shown = c.met_by.filter(|_| p.criteria.iter().any(|x| x.met_by == Some(second)));
    let by = match (shown.map(|who| if who == second { 2 } else { 1 }), zh) {
        (Some(n), true) => format!("（第{n}位大人符合）"),
        (Some(n), false) => format!(" (met by adult {n})"),
        (None, _) => String::new(),
    };
    let _ = writeln!(
        out,
        "  {} {} — {}{by}\n      {}{}{}{uncertain}",
        c.outcome.symbol(),
        crate::message::criterion_title(p.program, c.id, lang),
        c.outcome.label(lang),
        c.message.text(lang),
        if zh { "" } else { " — " },
        citation_text(cite, lang),
    );
}

/// One timeline event as a line: "2028年11月 公租房（全家）：不能申领 → 能申领".
pub fn event(e: &crate::scenario::Event, lang: Lang) -> String {
    use crate::message::Msg;
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
    let zh = lang == Lang::ZhCn;
    let place = |id: &str| crate::message::place_text(lang, id);
    let mut out = String::new();
    let _ = writeln!(out, "{} {}", if zh { "测算月份：" } else { "As of:" }, month_text(lang, p.as_of));
    let steps = |actions: &[crate::scenario::Action]| actions_text(actions, lang);
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
        let colon = if zh { "：" } else { ": " };
        let (name, status) = (program_for(program.program, program.subject, lang), program.status_now.label(lang));
        let _ = writeln!(out, "\n{name}{colon}{status}");
        if program.pathways.is_empty() {
            let none = if zh {
                "  10年内、到退休前都没有找到办法（或还缺信息、缺当地规定）"
            } else {
                "  No way found within 10 years or before retirement (or facts or local rules are missing)"
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
                        format!(", about ¥{} paid yourself", yuan_text(cost))
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

/// A scenario's name as shown: a place scenario is named by its place id, which reads as the place's name (an
/// id-shaped name such as `guangdong/dongguan` too, though plans only accept places with a layer); any other
/// name is the family's own words.
pub fn scenario_name(name: &str, lang: Lang) -> String {
    let id_shaped = name.contains('/') && name.chars().all(|c| c.is_ascii_lowercase() || c == '/' || c == '_');
    if crate::policy::place(name).is_some() || id_shaped {
        crate::message::place_text(lang, name)
    } else {
        name.to_string()
    }
}

/// A comparison as text: one line per program, the verdict in each column.
pub fn comparison(c: &crate::scenario::Comparison, lang: Lang) -> String {
    let zh = lang == Lang::ZhCn;
    let mut out = String::new();
    let _ = writeln!(out, "{} {}", if zh { "比较月份：" } else { "Compared at:" }, month_text(lang, c.at));
    let column = |name: &str| -> String {
        match (name, zh) {
            ("baseline", true) => "什么都不变".into(),
            ("baseline", false) => "nothing changes".into(),
            (other, _) => scenario_name(other, lang),
        }
    };
    for row in &c.programs {
        let _ = writeln!(out, "\n{}", program_for(row.program, row.subject, lang));
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
                let eligible = row.statuses.get(i) == Some(&Status::Eligible);
                let _ = match (zh, eligible) {
                    (true, true) => write!(out, "，每月约{}元", yuan_text(*fen)),
                    (true, false) => write!(out, "，符合条件后每月约{}元", yuan_text(*fen)),
                    (false, true) => write!(out, ", about ¥{} a month", yuan_text(*fen)),
                    (false, false) => write!(out, ", about ¥{} a month once eligible", yuan_text(*fen)),
                };
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
        assert!(text.contains("居住证（申请人）：还不确定"), "{text}");
        assert!(text.contains("✗ 在这里住满半年 — 不符合"), "{text}");
        assert!(text.contains("《居住证暂行条例》第二条"), "{text}");
        assert!(text.contains("还要回答： 申请人：在这里有没有稳定工作？"), "{text}");
        assert!(text.contains("测算结果仅供参考"), "{text}");
        let en = render(&crate::assess(&request, YearMonth::ym(2000, 1)), Lang::En);
        assert!(en.contains("Residence permit (applicant): Not sure yet"), "{en}");
        assert!(en.contains("— Interim Regulation on Residence Permits, Art. 2"), "{en}");
        assert!(en.contains("Still to answer: Applicant: A stable job here?"), "{en}");
        assert!(!en.contains('《') && !en.contains("household."), "{en}");
    }
}
