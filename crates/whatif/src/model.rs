//! The what-if screen as data, pure and tested natively: the choices a family adds ([`Planned`], at most four,
//! each made by one adult from one month), the editor that builds the next one ([`Choice`]), the month to compare
//! at, and what the engine answers for them ([`answers`]): the comparison, the ways to each program and one
//! timeline per column. The view only renders this.

use anju_rules::household::Request;
use anju_rules::pathway;
use anju_rules::scenario::{self, Action, Comparison, Event, Scenario, Step, MAX_SCENARIOS};
use anju_rules::time::YearMonth;

/// What the family might do, as the screen offers it (each becomes one or two engine actions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    MoveHukouHere,
    GetPermit,
    SignContract,
    ContributeFlexible,
    /// Contribute as a flexible worker for some months, then stop.
    KeepContributing,
    StopContributing,
    RegisterRental,
    MoveTo,
    StartBusiness,
    LeaveJob,
    PayResident,
    /// Go home to farm and pay the residents' scheme there (needs the adult's hukou place).
    FarmAtHome,
}

impl Kind {
    pub const ALL: [Kind; 12] = [
        Kind::MoveHukouHere,
        Kind::GetPermit,
        Kind::SignContract,
        Kind::ContributeFlexible,
        Kind::KeepContributing,
        Kind::StopContributing,
        Kind::RegisterRental,
        Kind::MoveTo,
        Kind::StartBusiness,
        Kind::LeaveJob,
        Kind::PayResident,
        Kind::FarmAtHome,
    ];

    /// The option value in the list.
    pub fn id(self) -> &'static str {
        match self {
            Kind::MoveHukouHere => "hukou",
            Kind::GetPermit => "permit",
            Kind::SignContract => "contract",
            Kind::ContributeFlexible => "flexible",
            Kind::KeepContributing => "keep",
            Kind::StopContributing => "stop",
            Kind::RegisterRental => "rental",
            Kind::MoveTo => "move",
            Kind::StartBusiness => "business",
            Kind::LeaveJob => "leave",
            Kind::PayResident => "resident",
            Kind::FarmAtHome => "farm",
        }
    }

    /// Whether the choice goes home, and so needs the hukou place of the adult who makes it.
    pub fn goes_home(self) -> bool {
        self == Kind::FarmAtHome
    }

    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// Whether the choice takes a number of months (the contract's length, or how long to pay).
    pub fn takes_months(self) -> bool {
        matches!(self, Kind::SignContract | Kind::KeepContributing)
    }

    /// Whether the choice takes a contribution base.
    pub fn takes_base(self) -> bool {
        matches!(self, Kind::ContributeFlexible | Kind::KeepContributing)
    }
}

/// The months from now a change may start at.
pub const FROM_MONTHS: [u32; 6] = [0, 3, 6, 12, 24, 36];
/// The lengths offered for a contract or for paying.
pub const MONTHS: [u32; 6] = [12, 24, 36, 60, 120, 180];
/// The contribution bases offered (basis points of the average wage: 60 % … 300 %, the range 6000–30000).
pub const BASES_BP: [u32; 6] = [6000, 8000, 10_000, 15_000, 20_000, 30_000];
/// The months from now a comparison may look at.
pub const AT_MONTHS: [u32; 6] = [0, 12, 24, 36, 60, 120];

/// The editor's current choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub kind: Kind,
    pub adult: u8,
    pub from: u32,
    pub months: u32,
    pub base_bp: u32,
    /// The place to move to (a place id), for [`Kind::MoveTo`].
    pub place: Option<String>,
}

impl Default for Choice {
    fn default() -> Self {
        Choice { kind: Kind::MoveHukouHere, adult: 0, from: 0, months: 24, base_bp: 6000, place: None }
    }
}

impl Choice {
    /// The choice as the engine's changes, or `None` while it lacks something (a move with no place).
    pub fn planned(&self) -> Option<Planned> {
        let now = |action| Some(vec![action]);
        let (actions, later) = match self.kind {
            Kind::MoveHukouHere => (now(Action::MoveHukouHere), vec![]),
            Kind::GetPermit => (now(Action::GetPermit), vec![]),
            Kind::SignContract => (now(Action::SignContract { months: self.months }), vec![]),
            Kind::ContributeFlexible => (now(Action::ContributeFlexible { base_bp: self.base_bp }), vec![]),
            Kind::KeepContributing => (
                now(Action::ContributeFlexible { base_bp: self.base_bp }),
                vec![(self.from + self.months, vec![Action::StopContributing])],
            ),
            Kind::StopContributing => (now(Action::StopContributing), vec![]),
            Kind::RegisterRental => (now(Action::RegisterRental), vec![]),
            Kind::MoveTo => (self.place.clone().map(|place| vec![Action::MoveTo { place }]), vec![]),
            Kind::StartBusiness => (now(Action::StartBusiness), vec![]),
            Kind::LeaveJob => (now(Action::LeaveJob), vec![]),
            Kind::PayResident => (now(Action::PayResidentScheme), vec![]),
            Kind::FarmAtHome => (now(Action::FarmAtHome), vec![]),
        };
        Some(Planned { adult: self.adult, from: self.from, actions: actions?, later })
    }
}

/// One choice on the screen: the changes an adult makes from `from` months on, and any later changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub adult: u8,
    pub from: u32,
    pub actions: Vec<Action>,
    /// Later changes, each at months from now.
    pub later: Vec<(u32, Vec<Action>)>,
}

impl Planned {
    /// Changes made now by the first adult: a pathway the engine found (pathways are the applicant's), a single
    /// action that unlocks several programs, or going home.
    pub fn now(actions: Vec<Action>) -> Planned {
        Planned { adult: 0, from: 0, actions, later: vec![] }
    }

    /// The engine's scenario, named `name`, for an evaluation at `today`.
    pub fn scenario(&self, name: String, today: YearMonth) -> Scenario {
        let month = |m: u32| today + i32::try_from(m).unwrap_or(i32::MAX);
        Scenario {
            name,
            from: Some(month(self.from)),
            adult: (self.adult > 0).then_some(self.adult),
            actions: self.actions.clone(),
            later: self.later.iter().map(|(m, actions)| Step { from: month(*m), actions: actions.clone() }).collect(),
        }
    }
}

/// The screen's state: the choices added, the editor, and the month to compare at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIf {
    pub planned: Vec<Planned>,
    pub editor: Choice,
    /// Months from now the comparison looks at.
    pub at: u32,
}

impl Default for WhatIf {
    fn default() -> Self {
        WhatIf { planned: Vec::new(), editor: Choice::default(), at: 24 }
    }
}

/// What the user does on the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Edit(Choice),
    /// Add the editor's choice.
    Add,
    /// Add a ready-made choice (a pathway, or going home).
    AddPlanned(Planned),
    Remove(usize),
    SetAt(u32),
}

impl WhatIf {
    /// Whether another choice may be added.
    pub fn full(&self) -> bool {
        self.planned.len() >= MAX_SCENARIOS
    }

    /// The state after `msg`. Adding beyond four, or the same choice twice, changes nothing.
    pub fn update(&self, msg: Msg) -> WhatIf {
        let mut next = self.clone();
        let mut add = |p: Planned| {
            if !next.full() && !next.planned.contains(&p) {
                next.planned.push(p);
            }
        };
        match msg {
            Msg::Edit(choice) => next.editor = choice,
            Msg::Add => {
                if let Some(p) = self.editor.planned() {
                    add(p);
                }
            }
            Msg::AddPlanned(p) => add(p),
            Msg::Remove(i) => {
                if i < next.planned.len() {
                    next.planned.remove(i);
                }
            }
            Msg::SetAt(months) => next.at = months,
        }
        next
    }

    /// The month the screen compares at: `at` months after `today`.
    pub fn at_month(&self, today: YearMonth) -> YearMonth {
        today + i32::try_from(self.at).unwrap_or(0)
    }

    /// The engine's scenarios, named by their position ("1", "2", …: the view titles them).
    pub fn scenarios(&self, today: YearMonth) -> Vec<Scenario> {
        self.planned.iter().enumerate().map(|(i, p)| p.scenario((i + 1).to_string(), today)).collect()
    }
}

/// "Going home": the family moves back to the first adult's hukou place, when it is known and not where they live.
pub fn going_home(request: &Request) -> Option<Planned> {
    let adult = request.household.adults.first()?;
    let hukou = adult.hukou_place.clone()?;
    if adult.current_place.as_deref().is_some_and(|here| anju_rules::place::same(here, &hukou)) {
        return None;
    }
    Some(Planned::now(vec![Action::MoveTo { place: hukou }]))
}

/// Everything the engine answers for the screen.
#[derive(Debug, Clone)]
pub struct Answers {
    pub comparison: Comparison,
    pub ways: pathway::Plan,
    /// The months the timelines run over.
    pub horizon: i32,
    /// For the baseline and each scenario: the statuses at `today`, then the events up to the horizon.
    pub timelines: Vec<Timeline>,
}

/// One column's timeline: where each program starts, and what changes when.
#[derive(Debug, Clone)]
pub struct Timeline {
    pub start: Vec<(anju_rules::report::ProgramId, &'static str, anju_rules::report::Status)>,
    pub events: Vec<Event>,
}

/// The choices beside "nothing changes" at the month the screen compares at.
pub fn comparison(request: &Request, today: YearMonth, state: &WhatIf) -> Comparison {
    scenario::compare(request, today, &state.scenarios(today), state.at_month(today))
}

/// The months the timelines run over, and for the baseline and each choice its timeline from `today`.
pub fn timelines(request: &Request, today: YearMonth, state: &WhatIf) -> (i32, Vec<Timeline>) {
    let scenarios = state.scenarios(today);
    let horizon = scenario::default_horizon(request, today);
    let column = |s: Option<&Scenario>| {
        let now = match s {
            Some(s) => scenario::under(request, today, s, today),
            None => request.clone(),
        };
        let start = anju_rules::assess(&now, today).programs.iter().map(|p| (p.program, p.subject, p.status)).collect();
        Timeline { start, events: scenario::timeline(request, today, s, horizon) }
    };
    let mut lines = vec![column(None)];
    lines.extend(scenarios.iter().map(|s| column(Some(s))));
    (horizon, lines)
}

/// What the engine answers for the household under the screen's choices, evaluated at `today`. (The screen asks
/// for each part on its own, so that a change recomputes only what depends on it.)
pub fn answers(request: &Request, today: YearMonth, state: &WhatIf) -> Answers {
    let (horizon, timelines) = timelines(request, today, state);
    Answers { comparison: comparison(request, today, state), ways: pathway::plan(request, today), horizon, timelines }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anju_rules::household::{Adult, Household};
    use anju_rules::report::{ProgramId, Status};

    const DEC_2026: YearMonth = YearMonth::ym(2026, 12);

    #[test]
    fn a_choice_becomes_the_engines_changes() {
        let keep = Choice { kind: Kind::KeepContributing, from: 6, months: 36, base_bp: 8000, ..Choice::default() };
        let s = keep.planned().unwrap().scenario("1".into(), DEC_2026);
        assert_eq!(s.from, Some(YearMonth::ym(2027, 6)));
        assert_eq!(s.actions, [Action::ContributeFlexible { base_bp: 8000 }]);
        assert_eq!(s.later, [Step { from: YearMonth::ym(2030, 6), actions: vec![Action::StopContributing] }]);
        assert_eq!(s.adult, None);
        let second = Choice { kind: Kind::GetPermit, adult: 1, ..Choice::default() };
        assert_eq!(second.planned().unwrap().scenario("2".into(), DEC_2026).adult, Some(1));
        // A move needs a place before it can be added.
        assert_eq!(Choice { kind: Kind::MoveTo, ..Choice::default() }.planned(), None);
        // The moves a family makes about work and home, each one engine action by the adult who makes it.
        let one = |kind| Choice { kind, adult: 1, ..Choice::default() }.planned().unwrap();
        assert_eq!(one(Kind::StartBusiness).actions, [Action::StartBusiness]);
        assert_eq!(one(Kind::LeaveJob).actions, [Action::LeaveJob]);
        assert_eq!(one(Kind::PayResident).actions, [Action::PayResidentScheme]);
        let farm = one(Kind::FarmAtHome);
        assert_eq!((farm.actions.as_slice(), farm.adult), (&[Action::FarmAtHome][..], 1));
        assert!(Kind::FarmAtHome.goes_home() && !Kind::MoveTo.goes_home());
        // Every kind is offered under its own id.
        assert!(Kind::ALL.iter().all(|k| Kind::from_id(k.id()) == Some(*k)));
    }

    #[test]
    fn at_most_four_choices_each_once() {
        let mut state = WhatIf::default();
        for kind in Kind::ALL {
            state = state.update(Msg::Edit(Choice { kind, ..Choice::default() })).update(Msg::Add);
            state = state.update(Msg::Add);
        }
        assert_eq!(state.planned.len(), MAX_SCENARIOS);
        let kinds: Vec<_> = state.planned.iter().map(|p| p.actions[0].clone()).collect();
        assert_eq!(
            kinds,
            [
                Action::MoveHukouHere,
                Action::GetPermit,
                Action::SignContract { months: 24 },
                Action::ContributeFlexible { base_bp: 6000 }
            ]
        );
        assert!(state.full());
        let fewer = state.update(Msg::Remove(0)).update(Msg::Remove(9));
        assert_eq!(fewer.planned.len(), 3);
        assert_eq!(fewer.planned[0].actions, [Action::GetPermit]);
    }

    #[test]
    fn going_home_is_the_hukou_place_when_the_family_lives_elsewhere() {
        let adult = |here: &str| Adult {
            hukou_place: Some("410225".into()),
            current_place: Some(here.into()),
            ..Adult::default()
        };
        let request = |a| Request { as_of: None, household: Household { adults: vec![a], ..Household::default() } };
        let home = going_home(&request(adult("440300"))).unwrap();
        assert_eq!(home.actions, [Action::MoveTo { place: "410225".into() }]);
        assert_eq!(going_home(&request(adult("410225"))), None);
        assert_eq!(going_home(&request(Adult::default())), None);
    }

    /// The 兰考 father of rules-counties.md without a permit: getting one makes him eligible to apply for the
    /// permit's own program at once in that column, while the baseline stays as it is.
    #[test]
    fn answers_have_a_column_and_a_timeline_per_choice() {
        let adult = Adult {
            birth: Some(YearMonth::ym(1990, 3)),
            hukou_place: Some("410225".into()),
            current_place: Some("440300".into()),
            hukou_elsewhere: Some(true),
            months_in_place: Some(12),
            stable_job: Some(true),
            ..Adult::default()
        };
        let request = Request { as_of: None, household: Household { adults: vec![adult], ..Household::default() } };
        let state = WhatIf::default()
            .update(Msg::Edit(Choice { kind: Kind::GetPermit, ..Choice::default() }))
            .update(Msg::Add)
            .update(Msg::SetAt(0));
        let a = answers(&request, DEC_2026, &state);
        assert_eq!(a.comparison.columns.len(), 2);
        assert_eq!(a.timelines.len(), 2);
        assert!(a.horizon > 0);
        let permit = a.comparison.programs.iter().find(|r| r.program == ProgramId::ResidencePermit).unwrap();
        assert_eq!(permit.statuses[0], Status::Eligible, "six months lived and a stable job: may apply (Art. 2)");
        let start = |col: usize| a.timelines[col].start.iter().find(|s| s.0 == ProgramId::ResidencePermit).unwrap().2;
        assert_eq!(start(0), Status::Eligible);
    }
}
