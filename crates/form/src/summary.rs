//! The first screen of results: one line per area (住房 / 养老 / 上学 / 居住证和户口) with a plain verdict, the
//! earliest month and the monthly pension estimate, read from the engine's assessment.
//!
//! An area's verdict is the best any of its programs gives anyone in the family: 能 when one is eligible, 暂时不能
//! when the best only needs time (with the earliest month), 还不确定 when the best is unknown, 不能 only when every
//! program that concerns someone is not eligible, and 不涉及 when none concerns anyone (no child at school age).

use anju_rules::report::{AmountId, Assessment, ProgramId, ProgramResult, Status};
use anju_rules::time::YearMonth;

/// A status as the fronts' class and data value (`not-yet`): the page's cards, the what-if screen and their styles
/// and tests read this one spelling.
pub fn status_class(s: Status) -> &'static str {
    match s {
        Status::Eligible => "eligible",
        Status::NotYet => "not-yet",
        Status::NotEligible => "not-eligible",
        Status::Unknown => "unknown",
        Status::NotApplicable => "not-applicable",
    }
}

/// An area of the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Housing,
    Pension,
    School,
    Papers,
}

impl Area {
    pub const ALL: [Area; 4] = [Area::Housing, Area::Pension, Area::School, Area::Papers];

    pub fn of(program: ProgramId) -> Area {
        match program {
            ProgramId::PublicRental
            | ProgramId::AffordableRental
            | ProgramId::ProvidentFundRent
            | ProgramId::RentalSubsidy => Area::Housing,
            ProgramId::EmployeePension | ProgramId::ResidentPension => Area::Pension,
            ProgramId::SchoolEntry | ProgramId::ZhongkaoEligibility | ProgramId::ExamEligibility => Area::School,
            ProgramId::ResidencePermit | ProgramId::HukouTransfer => Area::Papers,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Area::Housing => "housing",
            Area::Pension => "pension",
            Area::School => "school",
            Area::Papers => "papers",
        }
    }
}

/// A plain verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Can,
    NotYet,
    Unsure,
    Cannot,
    /// No program of the area concerns anyone in the family.
    None,
}

impl Verdict {
    fn of(status: Status) -> Verdict {
        match status {
            Status::Eligible => Verdict::Can,
            Status::NotYet => Verdict::NotYet,
            Status::Unknown => Verdict::Unsure,
            Status::NotEligible => Verdict::Cannot,
            Status::NotApplicable => Verdict::None,
        }
    }

    /// Its shape, so that it never rests on colour alone.
    pub fn symbol(self) -> &'static str {
        match self {
            Verdict::Can => "✓",
            Verdict::NotYet => "◷",
            Verdict::Unsure => "?",
            Verdict::Cannot => "✗",
            Verdict::None => "–",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Verdict::Can => "can",
            Verdict::NotYet => "not-yet",
            Verdict::Unsure => "unsure",
            Verdict::Cannot => "cannot",
            Verdict::None => "none",
        }
    }
}

/// One line of the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaLine {
    pub area: Area,
    pub verdict: Verdict,
    /// The program (and person) that gives the verdict: an index into `Assessment::programs`.
    pub best: Option<usize>,
    /// The earliest month the best program can be had, when known.
    pub earliest: Option<YearMonth>,
    /// The monthly pension estimate of the best pension, in fen, where it can be estimated.
    pub monthly_fen: Option<i64>,
}

fn monthly(p: &ProgramResult) -> Option<i64> {
    p.amounts.iter().find(|a| a.id == AmountId::TotalMonthly).and_then(|a| a.fen)
}

/// The summary lines, one per area, in [`Area::ALL`] order.
pub fn summary(a: &Assessment) -> Vec<AreaLine> {
    Area::ALL
        .iter()
        .map(|&area| {
            let programs = a.programs.iter().enumerate().filter(|(_, p)| Area::of(p.program) == area);
            // Best verdict first; among equals the earliest month, then the larger pension.
            let best = programs.min_by_key(|(_, p)| {
                (Verdict::of(p.status), p.earliest.is_none(), p.earliest, std::cmp::Reverse(monthly(p)))
            });
            match best {
                Some((i, p)) => {
                    let verdict = Verdict::of(p.status);
                    let shown = matches!(verdict, Verdict::Can | Verdict::NotYet);
                    AreaLine {
                        area,
                        verdict,
                        best: (verdict != Verdict::None).then_some(i),
                        earliest: p.earliest.filter(|_| shown),
                        monthly_fen: monthly(p).filter(|_| shown),
                    }
                }
                None => AreaLine { area, verdict: Verdict::None, best: None, earliest: None, monthly_fen: None },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use anju_rules::household::{Adult, Household, Request, Sex};

    const TODAY: YearMonth = YearMonth::ym(2026, 12);

    fn line(a: &Assessment, area: Area) -> AreaLine {
        summary(a).into_iter().find(|l| l.area == area).unwrap()
    }

    #[test]
    fn a_family_about_whom_nothing_is_known_is_not_sure_anywhere_and_no_school_applies() {
        let a = anju_rules::assess(&Request::default(), TODAY);
        assert_eq!(line(&a, Area::Pension).verdict, Verdict::Unsure);
        assert_eq!(line(&a, Area::Housing).verdict, Verdict::Unsure);
        assert_eq!(line(&a, Area::School).verdict, Verdict::None, "no children");
        assert_eq!(summary(&a).len(), 4);
    }

    #[test]
    fn a_retired_man_with_enough_years_can_have_a_pension_and_the_line_names_it() {
        // rules.md §2.1: a man born 1960-01 with 20 years of employee contributions has passed the statutory age
        // (60 years 4 months under the 2025 reform for that birth month: retired 2020-01 under the old rule).
        let adult = Adult {
            birth: Some(YearMonth::ym(1960, 1)),
            sex: Some(Sex::Male),
            current_place: Some("guangdong".into()),
            hukou_place: Some("guangdong".into()),
            ..Adult::default()
        };
        let mut adult = adult;
        adult.employee_pension.months = Some(240);
        let req = Request { as_of: None, household: Household { adults: vec![adult], ..Household::default() } };
        let a = anju_rules::assess(&req, TODAY);
        let l = line(&a, Area::Pension);
        assert_eq!(l.verdict, Verdict::Can);
        assert_eq!(a.programs[l.best.unwrap()].program, ProgramId::EmployeePension);
    }
}
