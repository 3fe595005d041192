//! A column's timeline as a chart: one row per program and person, from now to the horizon, each row a bar whose
//! parts are coloured (and titled) by the status in those months; the months a status changes are where the parts
//! meet. The rows' names and the years are HTML, so they read at 360 px and in print at the page's text size; the
//! bars are SVG stretched to the width. The same changes are listed in words below the chart by the view, so
//! nothing depends on colour.

use anju_rules::message::Lang;
use anju_rules::report::{ProgramId, Status};
use anju_rules::scenario::Event;
use anju_rules::time::YearMonth;
use yew::prelude::*;

use crate::model::Timeline;

/// The width of a bar in SVG units.
const WIDTH: i64 = 1000;

/// One row: a program for a person, and its status from each month on (the first at month 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub program: ProgramId,
    pub subject: &'static str,
    /// (months from now, status from then on), in order.
    pub parts: Vec<(i32, Status)>,
}

/// The rows of a timeline: every program that applies at some month, in the order the engine lists them.
pub fn rows(timeline: &Timeline, today: YearMonth) -> Vec<Row> {
    let mut rows: Vec<Row> = timeline
        .start
        .iter()
        .map(|&(program, subject, status)| Row { program, subject, parts: vec![(0, status)] })
        .collect();
    for e in &timeline.events {
        if let Event::Status { month, program, subject, from, to } = e {
            let at = today.months_until(*month).max(0);
            match rows.iter_mut().find(|r| r.program == *program && r.subject == *subject) {
                Some(row) => row.parts.push((at, *to)),
                None => rows.push(Row { program: *program, subject, parts: vec![(0, *from), (at, *to)] }),
            }
        }
    }
    rows.retain(|r| r.parts.iter().any(|(_, s)| *s != Status::NotApplicable));
    rows
}

/// The x of `month` months from now, of `horizon`.
fn x(month: i32, horizon: i32) -> i64 {
    i64::from(month.clamp(0, horizon)) * WIDTH / i64::from(horizon.max(1))
}

/// The years marked under the chart: now, every five years, and the end (as percent of the width).
fn ticks(today: YearMonth, horizon: i32) -> Vec<(i64, i32)> {
    let horizon = horizon.max(1);
    let end = today + horizon;
    let mut out = vec![(0, today.year())];
    let step = if horizon > 20 * 12 { 10 } else { 5 };
    let mut year = (today.year() / step + 1) * step;
    // Bounded: at most 45 years / 5.
    for _ in 0..10 {
        let month = today.months_until(YearMonth::ym(year, 1));
        if month >= horizon - horizon / 8 {
            break;
        }
        // A year too close to the start would overlap its label.
        if month > horizon / 8 {
            out.push((x(month, horizon) / 10, year));
        }
        year += step;
    }
    out.push((100, end.year()));
    out
}

/// The chart for one column. It runs a year past the timeline's horizon, so that a change in its last month (a
/// retirement) shows as a part of its own.
pub fn chart(timeline: &Timeline, today: YearMonth, horizon: i32, lang: Lang, label: &str) -> Html {
    let rows = rows(timeline, today);
    let horizon = horizon.saturating_add(12);
    let bar = |row: &Row| {
        let parts = row.parts.iter().enumerate().map(|(i, (from, status))| {
            let to = row.parts.get(i + 1).map_or(horizon, |p| p.0);
            let (x0, x1) = (x(*from, horizon), x(to, horizon));
            let title = format!("{} {}", anju_rules::message::month_text(lang, today + *from), status.label(lang));
            html! {
                <rect class={classes!("part", anju_form::summary::status_class(*status))} x={x0.to_string()} y="2"
                    width={(x1 - x0).max(0).to_string()} height="28"><title>{ title }</title></rect>
            }
        });
        let marks = row.parts.iter().skip(1).map(|(from, _)| {
            let at = x(*from, horizon).to_string();
            html! { <line class="mark" x1={at.clone()} x2={at} y1="0" y2="32" /> }
        });
        html! {
            <svg class="tl-bar" viewBox={format!("0 0 {WIDTH} 32")} preserveAspectRatio="none" aria-hidden="true"
                focusable="false">
                { for parts }{ for marks }
            </svg>
        }
    };
    html! {
        <figure class="timeline-chart" role="group" aria-label={label.to_string()}>
            { for rows.iter().map(|row| html! {
                <div class="row">
                    <span class="name">
                        { anju_rules::explain::program_for(row.program, row.subject, lang) }
                    </span>
                    { bar(row) }
                </div>
            }) }
            // The years as SVG text placed by percentage (attributes, not inline style: a strict
            // `style-src 'self'` allows them), in the page's font size.
            <svg class="years" aria-hidden="true" focusable="false" width="100%">
                { for ticks(today, horizon).into_iter().map(|(percent, year)| {
                    let anchor = match percent {
                        0 => "start",
                        100 => "end",
                        _ => "middle",
                    };
                    html! { <text x={format!("{percent}%")} y="1.1em" text-anchor={anchor}>{ year }</text> }
                }) }
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_changes_where_its_events_say() {
        let today = YearMonth::ym(2026, 12);
        let timeline = Timeline {
            start: vec![
                (ProgramId::PublicRental, "household", Status::NotYet),
                (ProgramId::SchoolEntry, "household.children[0]", Status::NotApplicable),
            ],
            events: vec![Event::Status {
                month: YearMonth::ym(2027, 12),
                program: ProgramId::PublicRental,
                subject: "household",
                from: Status::NotYet,
                to: Status::Eligible,
            }],
        };
        let rows = rows(&timeline, today);
        assert_eq!(rows.len(), 1, "a program that never applies has no row");
        assert_eq!(rows[0].parts, [(0, Status::NotYet), (12, Status::Eligible)]);
        assert_eq!(x(12, 120), 100);
        assert_eq!(x(500, 120), WIDTH, "past the horizon is the end");
    }

    #[test]
    fn years_are_marked_from_now_to_the_end() {
        let t = ticks(YearMonth::ym(2026, 12), 25 * 12);
        assert_eq!(t.first(), Some(&(0, 2026)));
        assert_eq!(t.last(), Some(&(100, 2051)));
        assert!(t.iter().any(|(_, y)| *y == 2030 || *y == 2040));
        assert!(t.windows(2).all(|w| w[0].0 < w[1].0), "in order: {t:?}");
    }
}
