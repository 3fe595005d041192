//! The first screen of results: one line per area with the verdict in a word and a shape, the earliest month and
//! the monthly pension estimate, and which program (for whom) gives it.

use anju_form::catalogue::{self, Text};
use anju_form::summary::{Area, AreaLine, Verdict};
use anju_rules::message::Lang;
use anju_rules::report::Assessment;
use yew::prelude::*;

fn area_text(area: Area) -> Text {
    match area {
        Area::Housing => Text::AreaHousing,
        Area::Pension => Text::AreaPension,
        Area::School => Text::AreaSchool,
        Area::Papers => Text::AreaPapers,
    }
}

fn verdict_text(v: Verdict) -> Text {
    match v {
        Verdict::Can => Text::VerdictCan,
        Verdict::NotYet => Text::VerdictNotYet,
        Verdict::Cannot => Text::VerdictCannot,
        Verdict::Unsure => Text::VerdictUnsure,
        Verdict::None => Text::VerdictNone,
    }
}

pub fn summary(a: &Assessment, lines: &[AreaLine], lang: Lang) -> Html {
    html! {
        <ul class="summary">
            { for lines.iter().map(|l| {
                let best = l.best.and_then(|i| a.programs.get(i));
                let what = best.map(|p| {
                    let who = catalogue::subject(lang, p.subject);
                    match lang {
                        Lang::ZhCn => format!("{}（{who}）", p.program.name(lang)),
                        Lang::En => format!("{} ({who})", p.program.name(lang)),
                    }
                });
                let mut facts: Vec<String> = Vec::new();
                if let Some(e) = l.earliest {
                    facts.push(catalogue::earliest(lang, &catalogue::month(lang, e)));
                }
                if let Some(fen) = l.monthly_fen {
                    facts.push(catalogue::per_month(lang, &catalogue::money(lang, fen)));
                }
                html! {
                    <li class={classes!("area", l.verdict.id())} data-area={l.area.id()} data-verdict={l.verdict.id()}>
                        <span class="area-name">{ catalogue::t(lang, area_text(l.area)) }</span>
                        <span class="area-verdict">
                            <span class="shape" aria-hidden="true">{ l.verdict.symbol() }</span>
                            { catalogue::t(lang, verdict_text(l.verdict)) }
                        </span>
                        if let Some(what) = what {
                            <span class="area-what">{ what }</span>
                        }
                        if !facts.is_empty() {
                            <span class="area-facts">{ facts.join(if lang == Lang::ZhCn { "，" } else { ", " }) }</span>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}
