//! The page's state as a reducer: every user action is an [`Action`]; every transition is pure and tested natively.
//!
//! The state holds what was typed (the [`Draft`]), where the person is in the flow, the language and the text size,
//! never a computed result: results are derived from the draft by the engine on each render. It serializes, so a
//! share link or a stored copy can carry it.

use anju_rules::household::Question;
use anju_rules::message::Lang;
use serde::{Deserialize, Serialize};

use crate::draft::Draft;
use crate::registry::Step;

/// The text size switch (大字): 100 / 125 / 150 % of the phone's own size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Scale {
    #[default]
    Normal,
    Large,
    Largest,
}

impl Scale {
    pub const ALL: [Scale; 3] = [Scale::Normal, Scale::Large, Scale::Largest];

    pub fn percent(self) -> u32 {
        match self {
            Scale::Normal => 100,
            Scale::Large => 125,
            Scale::Largest => 150,
        }
    }
}

fn zh() -> Lang {
    Lang::ZhCn
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ui {
    #[serde(skip, default = "zh")]
    pub lang: Lang,
    pub scale: Scale,
    pub step: Step,
    pub draft: Draft,
    /// The question to bring into view after a jump from a result ("answer this"); cleared by the next action.
    #[serde(skip)]
    pub focus: Option<Question>,
}

impl Default for Ui {
    fn default() -> Self {
        Ui { lang: Lang::ZhCn, scale: Scale::Normal, step: Step::Family, draft: Draft::default(), focus: None }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    SetLang(Lang),
    SetScale(Scale),
    Go(Step),
    Next,
    Back,
    /// The text of a question (blank: don't know).
    Set(Question, String),
    AddAdult,
    RemoveAdult(usize),
    AddChild,
    RemoveChild(usize),
    /// Fill the form with a preset family (by id) and show its results.
    Preset(&'static str),
    /// Open a family that came from outside the page (a hand-over link, this phone's copy) and show its results.
    Open(Draft),
    /// Forget every answer (language and text size stay).
    Reset,
    /// Go to the step that asks a question and bring it into view (a question no step asks is ignored).
    Ask(Question),
}

impl Ui {
    pub fn apply(mut self, action: Action) -> Self {
        self.focus = None;
        match action {
            Action::SetLang(lang) => self.lang = lang,
            Action::SetScale(scale) => self.scale = scale,
            Action::Go(step) => self.step = step,
            Action::Next => self.step = self.next_step(),
            Action::Back => self.step = self.prev_step(),
            Action::Set(q, text) => self.draft.set(q, &text),
            Action::AddAdult => self.draft.add_adult(),
            Action::RemoveAdult(i) => self.draft.remove_adult(i),
            Action::AddChild => self.draft.add_child(),
            Action::RemoveChild(i) => self.draft.remove_child(i),
            Action::Preset(id) => {
                if let Some(p) = crate::presets::preset(id) {
                    self.draft = p.draft();
                    self.step = Step::Results;
                }
            }
            Action::Open(draft) => {
                self.draft = draft;
                self.step = Step::Results;
            }
            Action::Reset => {
                self.draft = Draft::default();
                self.step = Step::Family;
            }
            Action::Ask(q) => {
                if let Some(spec) = crate::registry::spec(crate::flow::scope(q.subject), q.field) {
                    self.step = spec.step;
                    self.focus = Some(q);
                }
            }
        }
        self
    }

    /// The page as a host page's element configures it (`loader/embed.js`: `data-lang`, `data-place`,
    /// `data-preset`): English or not; the place the first adult lives in (as typed: a text that is not a place id
    /// is that question's problem, shown where it is asked); a preset family, by id, which opens at its results (a
    /// preset is a whole family, its place included). Empty or unknown: as a visitor would find the page.
    pub fn hosted(mut self, english: bool, place: &str, preset: &str) -> Self {
        if english {
            self.lang = Lang::En;
        }
        if !place.is_empty() {
            let q = Question { subject: anju_rules::household::Subject::Adult(0), field: "currentPlace" };
            self.draft.set(q, place);
        }
        if let Some(p) = crate::presets::preset(preset) {
            self = self.apply(Action::Preset(p.id));
        }
        self
    }

    /// The step after this one; the school step is skipped for a family without children.
    pub fn next_step(&self) -> Step {
        let next = self.step.next();
        if next == Step::School && self.draft.children.is_empty() {
            Step::Results
        } else {
            next
        }
    }

    pub fn prev_step(&self) -> Step {
        let prev = self.step.prev();
        if prev == Step::School && self.draft.children.is_empty() {
            Step::Housing
        } else {
            prev
        }
    }

    /// The steps this family goes through (without the school step when there are no children).
    pub fn steps(&self) -> Vec<Step> {
        Step::ALL.into_iter().filter(|s| *s != Step::School || !self.draft.children.is_empty()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(actions: impl IntoIterator<Item = Action>) -> Ui {
        actions.into_iter().fold(Ui::default(), Ui::apply)
    }

    #[test]
    fn a_new_page_knows_nothing_speaks_chinese_and_starts_with_the_family() {
        let ui = Ui::default();
        assert_eq!(ui.lang, Lang::ZhCn);
        assert_eq!(ui.step, Step::Family);
        assert_eq!(ui.draft, Draft::default());
    }

    #[test]
    fn back_keeps_every_answer() {
        let q = Question::adult(0, "monthsInPlace");
        let ui = after([Action::Set(q, "12".into()), Action::Next, Action::Next, Action::Back]);
        assert_eq!(ui.step, Step::Places);
        assert_eq!(ui.draft.text(q), "12");
        let ui = ui.apply(Action::Back).apply(Action::Back);
        assert_eq!(ui.step, Step::Family, "the first step stays");
        assert_eq!(ui.draft.text(q), "12");
    }

    #[test]
    fn the_school_step_is_only_for_families_with_children() {
        let ui = after([Action::Go(Step::Housing), Action::Next]);
        assert_eq!(ui.step, Step::Results);
        assert_eq!(ui.clone().apply(Action::Back).step, Step::Housing);
        assert_eq!(ui.steps().len(), 5);
        let ui = after([Action::AddChild, Action::Go(Step::Housing), Action::Next]);
        assert_eq!(ui.step, Step::School);
        assert_eq!(ui.steps().len(), 6);
    }

    #[test]
    fn a_question_from_a_result_opens_its_step_once() {
        let q = Question::adult(0, "siMonthsHere");
        let ui = after([Action::Go(Step::Results), Action::Ask(q)]);
        assert_eq!((ui.step, ui.focus), (Step::Work, Some(q)));
        let ui = ui.apply(Action::Set(q, "12".into()));
        assert_eq!(ui.focus, None, "the next action clears it");
        let segments = Question::adult(0, "employeePension.segments");
        assert_eq!(after([Action::Go(Step::Results), Action::Ask(segments)]).step, Step::Results, "not asked here");
    }

    #[test]
    fn a_language_change_keeps_the_answers_and_the_step() {
        let q = Question::adult(0, "monthsInPlace");
        let ui = after([Action::Set(q, "abc".into()), Action::Next, Action::SetLang(Lang::En)]);
        assert_eq!((ui.lang, ui.step, ui.draft.text(q)), (Lang::En, Step::Places, "abc"));
        let ui = ui.apply(Action::SetLang(Lang::ZhCn));
        assert_eq!(ui.draft.text(q), "abc");
    }

    #[test]
    fn a_preset_fills_the_form_and_stays_editable_and_reset_forgets_it() {
        let ui = after([Action::SetScale(Scale::Large), Action::Preset("young-couple-city")]);
        assert_eq!(ui.step, Step::Results);
        assert_eq!(ui.draft.adults.len(), 2);
        let q = Question::adult(1, "monthsInPlace");
        let ui = ui.apply(Action::Set(q, "30".into()));
        assert_eq!(ui.draft.text(q), "30");
        let ui = ui.apply(Action::Reset);
        assert_eq!((ui.draft.clone(), ui.step, ui.scale), (Draft::default(), Step::Family, Scale::Large));
        assert_eq!(after([Action::Preset("no-such")]), Ui::default());
    }

    /// A family from a link (or this phone) opens at its results, in Chinese at the usual size, and stays
    /// editable; going back shows its answers.
    #[test]
    fn an_opened_family_starts_at_its_results() {
        let mut family = Draft::default();
        family.add_child();
        family.set(Question::adult(0, "birth"), "1985-03");
        let ui = Ui::default().apply(Action::Open(family.clone()));
        assert_eq!((ui.step, ui.lang, ui.scale), (Step::Results, Lang::ZhCn, Scale::Normal));
        assert_eq!(ui.draft, family);
        let ui = ui.apply(Action::Back);
        assert_eq!((ui.step, ui.draft.text(Question::adult(0, "birth"))), (Step::School, "1985-03"));
    }

    #[test]
    fn a_host_page_sets_the_language_the_place_or_a_preset_and_nothing_it_does_not_know() {
        let here = Question { subject: anju_rules::household::Subject::Adult(0), field: "currentPlace" };
        let ui = Ui::default().hosted(true, "shandong/linyi/linshu", "");
        assert_eq!((ui.lang, ui.step), (Lang::En, Step::Family));
        assert_eq!(ui.draft.text(here), "shandong/linyi/linshu");
        // As the engine reads it: 临沭县, by its division code (GB/T 2260).
        let built = ui.draft.build(anju_rules::time::YearMonth::ym(2026, 12));
        assert_eq!(built.request.household.adults[0].current_place.as_deref(), Some("371329"));
        // A text that is not a place is that question's problem, not silently dropped.
        let ui = Ui::default().hosted(false, "atlantis", "no-such-family");
        assert_eq!((ui.lang, ui.step), (Lang::ZhCn, Step::Family));
        assert!(ui.draft.build(anju_rules::time::YearMonth::ym(2026, 12)).problem(here).is_some());
        assert_eq!(Ui::default().hosted(false, "", ""), Ui::default());
        let id = crate::presets::PRESETS[0].id;
        let ui = Ui::default().hosted(false, "guangdong/shenzhen", id);
        assert_eq!(ui.step, Step::Results);
        assert_eq!(ui.draft, crate::presets::PRESETS[0].draft());
    }
}
