//! The what-if screen: add a choice (what, who, from when), see each choice beside "nothing changes" with what it
//! changes marked, the ways to each program not yet in reach (one tap adds one as a choice), and a timeline per
//! column. The family comes as the page's draft; the screen never changes the family itself.

use std::rc::Rc;

use anju_form::catalogue;
use anju_form::summary::status_class;
use anju_rules::explain;
use anju_rules::household::Request;
use anju_rules::message::{month_text, place_text, Lang};
use anju_rules::report::Status;
use anju_rules::scenario::{Action, Comparison, Event};
use anju_rules::time::YearMonth;
use yew::prelude::*;

use crate::handover::{HandOver, Out};
use crate::model::{self, Choice, Kind, Msg, Planned, Timeline, WhatIf};
use crate::words::{self, w, W};

/// Which screen the page asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    WhatIf,
    HandOver,
}

/// What the page gives the screen.
#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The family as typed on the page.
    pub draft: Rc<anju_form::draft::Draft>,
    pub lang: Lang,
    pub today: YearMonth,
    pub view: View,
    /// Counts the page's taps on its buttons: each one shows the screen it asks for, whichever was shown since.
    pub opened: u32,
    /// Whether this phone keeps the family now.
    pub remembered: bool,
    /// The page's address without its fragment.
    pub page: Rc<str>,
    /// Inside WeChat.
    pub wechat: bool,
    /// Back to the page's results, and the hand-over screen's other requests.
    pub on_out: Callback<Out>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct State(WhatIf);

impl Reducible for State {
    type Action = Msg;
    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        Rc::new(State(self.0.update(msg)))
    }
}

fn kind_text(kind: Kind) -> W {
    match kind {
        Kind::MoveHukouHere => W::KindHukou,
        Kind::GetPermit => W::KindPermit,
        Kind::SignContract => W::KindContract,
        Kind::ContributeFlexible => W::KindFlexible,
        Kind::KeepContributing => W::KindKeep,
        Kind::StopContributing => W::KindStop,
        Kind::RegisterRental => W::KindRental,
        Kind::MoveTo => W::KindMove,
        Kind::StartBusiness => W::KindBusiness,
        Kind::LeaveJob => W::KindLeave,
        Kind::PayResident => W::KindResident,
        Kind::FarmAtHome => W::KindFarm,
    }
}

/// What a choice does, in words: its actions, then any later change with its month.
fn planned_text(p: &Planned, lang: Lang, today: YearMonth) -> String {
    let sep = if lang == Lang::ZhCn { "；" } else { "; " };
    let mut parts = vec![explain::actions_text(&p.actions, lang)];
    for (months, actions) in &p.later {
        let when = month_text(lang, today + i32::try_from(*months).unwrap_or(0));
        for a in actions {
            parts.push(format!("{when} {}", a.text(lang)));
        }
    }
    parts.join(sep)
}

/// Who makes the choice and from when: "大人2 · 6个月以后" (the person only when there are two adults).
fn planned_meta(p: &Planned, adults: usize, lang: Lang) -> String {
    let from = words::from_text(lang, p.from);
    match adults > 1 && !p.actions.iter().all(|a| matches!(a, Action::MoveTo { .. })) {
        true => format!("{} · {from}", catalogue::person(lang, false, usize::from(p.adult) + 1)),
        false => from,
    }
}

/// A select with its label; `on` gets the chosen value.
fn select(id: &'static str, label: &str, options: Vec<(String, String)>, value: &str, on: Callback<String>) -> Html {
    let onchange = Callback::from(move |e: yew::Event| {
        if let Some(el) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
            on.emit(el.value());
        }
    });
    html! {
        <div class="field">
            <label for={id}>{ label.to_string() }</label>
            <select {id} {onchange}>
                { for options.into_iter().map(|(v, text)| {
                    let selected = v == value;
                    html! { <option value={v} {selected}>{ text }</option> }
                }) }
            </select>
        </div>
    }
}

/// The places a family may move to: each adult's hukou place, then every place with its own rules.
fn move_places(request: &Request, lang: Lang) -> Vec<(String, String)> {
    let mut ids: Vec<String> = request.household.adults.iter().filter_map(|a| a.hukou_place.clone()).collect();
    ids.extend(anju_rules::policy::data::PLACES.iter().map(|p| p.id.to_string()));
    let mut seen = Vec::new();
    ids.retain(|id| {
        let new = !seen.contains(id);
        seen.push(id.clone());
        new
    });
    ids.into_iter().map(|id| (id.clone(), place_text(lang, &id))).collect()
}

fn editor(state: &WhatIf, request: &Request, lang: Lang, dispatch: &Callback<Msg>) -> Html {
    let choice = state.editor.clone();
    let edit = |f: fn(&mut Choice, &str)| {
        let dispatch = dispatch.clone();
        let choice = choice.clone();
        Callback::from(move |v: String| {
            let mut next = choice.clone();
            f(&mut next, &v);
            dispatch.emit(Msg::Edit(next));
        })
    };
    let kinds = Kind::ALL.iter().map(|k| (k.id().to_string(), w(lang, kind_text(*k)).to_string())).collect();
    let adults = request.household.adults.len();
    let months = |list: &[u32], text: fn(Lang, u32) -> String| -> Vec<(String, String)> {
        list.iter().map(|m| (m.to_string(), text(lang, *m))).collect()
    };
    let bases = model::BASES_BP.iter().map(|b| (b.to_string(), format!("{} %", b / 100))).collect();
    // Only a move asks where to (the list names every place with its own rules).
    let places = || {
        let none = match lang {
            Lang::ZhCn => "请选择",
            Lang::En => "Choose",
        };
        let mut places = move_places(request, lang);
        places.insert(0, (String::new(), none.to_string()));
        places
    };
    let add = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Msg::Add))
    };
    let home = model::going_home(request);
    let add_home = {
        let dispatch = dispatch.clone();
        let home = home.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(p) = home.clone() {
                dispatch.emit(Msg::AddPlanned(p));
            }
        })
    };
    // Going home needs the hukou place of the adult who goes (the engine refuses it otherwise).
    let no_home = choice.kind.goes_home()
        && request.household.adults.get(usize::from(choice.adult)).is_none_or(|a| a.hukou_place.is_none());
    let disabled = state.full() || choice.planned().is_none() || no_home;
    html! {
        <section class="editor" aria-labelledby="wi-add-heading">
            <h3 id="wi-add-heading">{ w(lang, W::AddHeading) }</h3>
            { select("wi-kind", w(lang, W::ActionLabel), kinds, choice.kind.id(),
                edit(|c, v| c.kind = Kind::from_id(v).unwrap_or(c.kind))) }
            if adults > 1 && choice.kind != Kind::MoveTo {
                { select("wi-adult", w(lang, W::WhoLabel),
                    (0..adults).map(|i| (i.to_string(), catalogue::person(lang, false, i + 1))).collect(),
                    &choice.adult.to_string(), edit(|c, v| c.adult = v.parse().unwrap_or(0))) }
            }
            { select("wi-from", w(lang, W::FromLabel), months(&model::FROM_MONTHS, words::from_text),
                &choice.from.to_string(), edit(|c, v| c.from = v.parse().unwrap_or(0))) }
            if choice.kind.takes_months() {
                { select("wi-months", w(lang, W::MonthsLabel), months(&model::MONTHS, |lang, m| anju_rules::message::months_text(lang, i64::from(m))),
                    &choice.months.to_string(), edit(|c, v| c.months = v.parse().unwrap_or(24))) }
            }
            if choice.kind.takes_base() {
                { select("wi-base", w(lang, W::BaseLabel), bases, &choice.base_bp.to_string(),
                    edit(|c, v| c.base_bp = v.parse().unwrap_or(6000))) }
            }
            if choice.kind == Kind::MoveTo {
                { select("wi-place", w(lang, W::PlaceLabel), places(), choice.place.as_deref().unwrap_or(""),
                    edit(|c, v| c.place = (!v.is_empty()).then(|| v.to_string()))) }
            }
            if no_home { <p class="hint" role="status">{ w(lang, W::NeedsHome) }</p> }
            <button type="button" class="primary" id="wi-add" {disabled} onclick={add}>{ w(lang, W::Add) }</button>
            if state.full() { <p class="hint" role="status">{ w(lang, W::Full) }</p> }
            <div class="home">
                if home.is_some() {
                    <button type="button" class="secondary" id="wi-home" disabled={state.full()} onclick={add_home}>
                        { w(lang, W::ComparePlaces) }
                    </button>
                    <p class="hint">{ w(lang, W::ComparePlacesHint) }</p>
                }
            </div>
        </section>
    }
}

/// The changes one column makes against "nothing changes", one line per program that differs: its status (and
/// amount), and the criteria that differ (also where the answer stays the same).
fn changes(c: &Comparison, col: usize, lang: Lang) -> Vec<Html> {
    let arrow = " → ";
    c.programs
        .iter()
        .filter(|row| {
            row.changes.get(col).is_some_and(|c| !c.is_empty())
                || row.statuses.get(col) != row.statuses.first()
                || row.total_monthly_fen.get(col) != row.total_monthly_fen.first()
        })
        .map(|row| {
            let (before, after) = (row.statuses[0], row.statuses.get(col).copied().unwrap_or(row.statuses[0]));
            let earliest = row.earliest.get(col).copied().flatten().filter(|_| after != Status::Eligible);
            let money = row.total_monthly_fen.get(col).copied().flatten();
            let mut text = format!(
                "{}{}{}",
                explain::program_for(row.program, row.subject, lang),
                catalogue::colon(lang),
                before.label(lang)
            );
            match before == after {
                true => text.push_str(w(lang, W::Unchanged)),
                false => text.push_str(&format!("{arrow}{}", after.label(lang))),
            }
            if let Some(e) = earliest {
                text.push_str(&match lang {
                    Lang::ZhCn => format!("（最早{}）", month_text(lang, e)),
                    Lang::En => format!(" (from {})", month_text(lang, e)),
                });
            }
            if let Some(fen) = money {
                text.push_str(&match lang {
                    Lang::ZhCn => format!("，每月约{}元", anju_rules::message::yuan_text(fen)),
                    Lang::En => format!(", about ¥{} a month", anju_rules::message::yuan_text(fen)),
                });
            }
            if let Some(ids) = row.changes.get(col).filter(|c| !c.is_empty()) {
                let titles: Vec<&str> =
                    ids.iter().map(|id| anju_rules::message::criterion_title(row.program, id, lang)).collect();
                text.push_str(if lang == Lang::ZhCn { "。" } else { ". " });
                text.push_str(w(lang, W::DiffersIn));
                text.push_str(&titles.join(if lang == Lang::ZhCn { "、" } else { ", " }));
            }
            html! { <li class={classes!("change", status_class(after))} data-program={row.program.id()}
            data-subject={row.subject}>{ text }</li> }
        })
        .collect()
}

fn cards(
    state: &WhatIf,
    c: &Comparison,
    adults: usize,
    lang: Lang,
    today: YearMonth,
    dispatch: &Callback<Msg>,
) -> Html {
    html! {
        <div class="scenario-cards">
            { for state.planned.iter().enumerate().map(|(i, p)| {
                let col = i + 1;
                let list = changes(c, col, lang);
                let remove = {
                    let dispatch = dispatch.clone();
                    Callback::from(move |_: MouseEvent| dispatch.emit(Msg::Remove(i)))
                };
                html! {
                    <article class="scenario-card" data-scenario={col.to_string()}>
                        <h3>{ words::scenario_title(lang, col) }{ catalogue::colon(lang) }{ planned_text(p, lang, today) }</h3>
                        <p class="meta">{ planned_meta(p, adults, lang) }</p>
                        if list.is_empty() {
                            <p class="no-change">{ w(lang, W::NoChanges) }</p>
                        } else {
                            <p>{ w(lang, W::Changes) }</p>
                            <ul class="changes">{ for list }</ul>
                        }
                        <button type="button" class="secondary remove" onclick={remove}>{ w(lang, W::Remove) }</button>
                    </article>
                }
            }) }
        </div>
    }
}

/// The same comparison as a table, for wide screens and print: a row per program, a column per choice, the cells
/// that differ from "nothing changes" marked.
fn table(c: &Comparison, lang: Lang) -> Html {
    let heads = (0..c.columns.len()).map(|i| match i {
        0 => w(lang, W::Baseline).to_string(),
        n => words::scenario_title(lang, n),
    });
    html! {
        <table class="compare-table">
            <caption>{ w(lang, W::Table) }{ catalogue::colon(lang) }{ month_text(lang, c.at) }</caption>
            <thead><tr><th scope="col">{ w(lang, W::Program) }</th>{ for heads.map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
            <tbody>
                { for c.programs.iter().filter(|r| r.statuses.iter().any(|s| *s != Status::NotApplicable)).map(|row| html! {
                    <tr data-program={row.program.id()} data-subject={row.subject}>
                        <th scope="row">{ explain::program_for(row.program, row.subject, lang) }</th>
                        { for row.statuses.iter().enumerate().map(|(i, s)| {
                            let changed = i > 0 && Some(s) != row.statuses.first();
                            html! { <td class={classes!(status_class(*s), changed.then_some("changed"))} data-status={status_class(*s)}>
                                { if changed { "● " } else { "" } }{ s.label(lang) }</td> }
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn ways(plan: &anju_rules::pathway::Plan, lang: Lang, full: bool, dispatch: &Callback<Msg>) -> Html {
    let try_button = |p: Planned| {
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(Msg::AddPlanned(p.clone())));
        html! { <button type="button" class="secondary try" disabled={full} {onclick}>{ w(lang, W::Try) }</button> }
    };
    let open: Vec<_> = plan.programs.iter().collect();
    html! {
        <section class="ways" aria-labelledby="wi-ways-heading">
            <h2 id="wi-ways-heading">{ w(lang, W::WaysHeading) }</h2>
            if open.is_empty() {
                <p>{ w(lang, W::AllInReach) }</p>
            } else {
                <p class="hint">{ w(lang, W::WaysIntro) }</p>
            }
            if !plan.unlocks_most.is_empty() {
                <h3>{ w(lang, W::UnlocksMost) }</h3>
                <ul class="unlocks">
                    { for plan.unlocks_most.iter().map(|u| {
                        let names: Vec<String> = u.programs.iter().map(|x| format!("{} {}",
                            explain::program_for(x.program, x.subject, lang), month_text(lang, x.earliest))).collect();
                        let planned = Planned::now(vec![u.action.clone()]);
                        html! { <li>
                            <p>{ u.action.text(lang) }{ " → " }{ names.join(if lang == Lang::ZhCn { "、" } else { ", " }) }</p>
                            { try_button(planned) }
                        </li> }
                    }) }
                </ul>
            }
            { for open.iter().map(|p| html! {
                <article class="way" data-program={p.program.id()} data-subject={p.subject}>
                    <h3>{ explain::program_for(p.program, p.subject, lang) }{ catalogue::colon(lang) }{ p.status_now.label(lang) }</h3>
                    if p.pathways.is_empty() {
                        <p>{ w(lang, W::NoWay) }</p>
                    } else {
                        <ol>
                            { for p.pathways.iter().map(|way| {
                                let mut text = format!("{} — {} {}", explain::actions_text(&way.actions, lang), w(lang, W::Earliest),
                                    month_text(lang, way.earliest));
                                if let Some(cost) = way.cost_fen.filter(|c| *c > 0) {
                                    text.push_str(if lang == Lang::ZhCn { "，" } else { ", " });
                                    text.push_str(&words::cost_text(lang, cost));
                                }
                                html! { <li><p>{ text }</p>
                                    if !way.actions.is_empty() { { try_button(Planned::now(way.actions.clone())) } }
                                </li> }
                            }) }
                        </ol>
                    }
                </article>
            }) }
        </section>
    }
}

fn timelines(planned: &[Planned], horizon: i32, lines: &[Timeline], lang: Lang, today: YearMonth) -> Html {
    let title = |i: usize| match i {
        0 => w(lang, W::Baseline).to_string(),
        n => format!(
            "{}{}{}",
            words::scenario_title(lang, n),
            catalogue::colon(lang),
            planned.get(n - 1).map(|p| planned_text(p, lang, today)).unwrap_or_default()
        ),
    };
    html! {
        <section class="timelines" aria-labelledby="wi-timeline-heading">
            <h2 id="wi-timeline-heading">{ w(lang, W::TimelineHeading) }</h2>
            <p class="legend">
                { w(lang, W::Legend) }{ catalogue::colon(lang) }
                { for [Status::Eligible, Status::NotYet, Status::NotEligible, Status::Unknown].into_iter().map(|s| html! {
                    <span class={classes!("key", status_class(s))}>{ s.label(lang) }</span>
                }) }
            </p>
            { for lines.iter().enumerate().map(|(i, t)| {
                let name = title(i);
                let events: Vec<&Event> = t.events.iter().filter(|e| !matches!(e, Event::Criterion { .. })).collect();
                html! {
                    <article class="timeline" data-column={i.to_string()}>
                        <h3>{ name.clone() }</h3>
                        { crate::chart::chart(t, today, horizon, lang, &name) }
                        if events.is_empty() {
                            <p>{ w(lang, W::TimelineNone) }</p>
                        } else {
                            <ul class="events">{ for events.iter().map(|e| html! { <li>{ explain::event(e, lang) }</li> }) }</ul>
                        }
                    </article>
                }
            }) }
        </section>
    }
}

/// Moves to the screen's heading once it has drawn itself, as on a new screen.
fn focus_heading() {
    let focus = wasm_bindgen::closure::Closure::once_into_js(|| {
        if let Some(heading) = crate::find("#whatif-heading") {
            heading.scroll_into_view();
            if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading) {
                let _ = heading.focus();
            }
        }
    });
    let _ = gloo::utils::window().set_timeout_with_callback(wasm_bindgen::JsCast::unchecked_ref(&focus));
}

#[function_component]
pub fn Screen(props: &Props) -> Html {
    let state = use_reducer(State::default);
    let lang = props.lang;
    let today = props.today;
    let request = use_memo((props.draft.clone(), today), |(draft, today)| draft.build(*today).request);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |msg: Msg| state.dispatch(msg))
    };
    // Each part is recomputed, and redrawn, only when what it depends on changes: the editor's own changes
    // recompute nothing, the month compared at only the comparison. (A memo's callbacks dispatch to the same
    // reducer whichever draw made them.)
    let s = &state.0;
    let comparison = use_memo((request.clone(), s.planned.clone(), s.at, today), |(request, planned, at, today)| {
        model::comparison(request, *today, &WhatIf { planned: planned.clone(), at: *at, ..WhatIf::default() })
    });
    let compared = use_memo((comparison.clone(), s.planned.clone(), lang, today), {
        let dispatch = dispatch.clone();
        let adults = request.household.adults.len();
        move |(comparison, planned, lang, today)| {
            let state = WhatIf { planned: planned.clone(), ..WhatIf::default() };
            html! { <>{ cards(&state, comparison, adults, *lang, *today, &dispatch) }{ table(comparison, *lang) }</> }
        }
    });
    let ways = use_memo((request.clone(), today, lang, s.full()), {
        let dispatch = dispatch.clone();
        move |(request, today, lang, full)| ways(&anju_rules::pathway::plan(request, *today), *lang, *full, &dispatch)
    });
    let timelines = use_memo((request.clone(), s.planned.clone(), today, lang), |(request, planned, today, lang)| {
        let (horizon, lines) =
            model::timelines(request, *today, &WhatIf { planned: planned.clone(), ..WhatIf::default() });
        timelines(planned, horizon, &lines, *lang, *today)
    });
    let at_options = model::AT_MONTHS.iter().map(|m| (m.to_string(), words::from_text(lang, *m))).collect();
    let set_at = {
        let dispatch = dispatch.clone();
        Callback::from(move |v: String| dispatch.emit(Msg::SetAt(v.parse().unwrap_or(0))))
    };
    // The screen the page asked for on its last tap; "save, share or print" on the what-if screen switches here.
    let view = use_state(|| props.view);
    {
        let (view, asked) = (view.clone(), props.view);
        use_effect_with(props.opened, move |_| view.set(asked));
    }
    let to_hand_over = {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            view.set(View::HandOver);
            focus_heading();
        })
    };
    let back = {
        let on_out = props.on_out.clone();
        Callback::from(move |_: MouseEvent| on_out.emit(Out::Close))
    };
    if *view == View::HandOver {
        return html! {
            <HandOver draft={props.draft.clone()} request={request.clone()} whatif={state.0.clone()} {lang} {today}
                page={props.page.clone()} remembered={props.remembered} wechat={props.wechat}
                on_out={props.on_out.clone()} />
        };
    }
    html! {
        <section class="anju whatif" lang={lang.tag()} aria-labelledby="whatif-heading">
            <h2 id="whatif-heading" tabindex="-1">{ w(lang, W::Heading) }</h2>
            <p class="intro">{ w(lang, W::Intro) }</p>
            { editor(&state.0, &request, lang, &dispatch) }
            if !state.0.planned.is_empty() {
                { select("wi-at", w(lang, W::CompareAt), at_options, &state.0.at.to_string(), set_at) }
                { (*compared).clone() }
            }
            { (*ways).clone() }
            { (*timelines).clone() }
            <p class="disclaimer">{ w(lang, W::Disclaimer) }</p>
            <div class="nav-buttons">
                <button type="button" class="secondary" id="wi-hand-over" onclick={to_hand_over}>{ w(lang, W::ToHandOver) }</button>
                <button type="button" class="secondary" id="wi-back" onclick={back}>{ w(lang, W::Back) }</button>
            </div>
        </section>
    }
}
