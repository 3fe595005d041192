//! The form's state as a reducer: every user action is an [`Action`], every transition is pure and tested natively.
//!
//! The state holds what the user typed (text stays text until it parses), never a computed result: results are
//! derived from [`FormState::request`] by the rules engine on each render.

use std::rc::Rc;

use anju_rules::household::{Adult, Household, Question, Request, MAX_MONTHS};
use anju_rules::message::Lang;
use anju_rules::programs::fields;
use yew::Reducible;

/// A yes / no / don't-know question of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YesNo {
    HukouElsewhere,
    StableJob,
    StableHome,
    ContinuousStudy,
}

impl YesNo {
    pub const ALL: [YesNo; 4] = [YesNo::HukouElsewhere, YesNo::StableJob, YesNo::StableHome, YesNo::ContinuousStudy];

    /// The element id of the question: the request field it answers, e.g. `stableJob`.
    pub fn id(self) -> &'static str {
        match self {
            YesNo::HukouElsewhere => fields::HUKOU_ELSEWHERE,
            YesNo::StableJob => fields::STABLE_JOB,
            YesNo::StableHome => fields::STABLE_HOME,
            YesNo::ContinuousStudy => fields::CONTINUOUS_STUDY,
        }
    }

    /// The engine's question this form question answers (the form asks about the first adult).
    pub fn question(self) -> Question {
        Question::adult(0, self.id())
    }
}

/// Why the months field cannot be read. Shown next to the field in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthsError {
    NotAWholeNumber,
    TooLarge,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormState {
    pub lang: Lang,
    pub hukou_elsewhere: Option<bool>,
    /// Exactly what the user typed; blank means "don't know".
    pub months_text: String,
    pub stable_job: Option<bool>,
    pub stable_home: Option<bool>,
    pub continuous_study: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    SetLang(Lang),
    Answer(YesNo, Option<bool>),
    SetMonths(String),
}

impl FormState {
    pub fn answer(&self, q: YesNo) -> Option<bool> {
        match q {
            YesNo::HukouElsewhere => self.hukou_elsewhere,
            YesNo::StableJob => self.stable_job,
            YesNo::StableHome => self.stable_home,
            YesNo::ContinuousStudy => self.continuous_study,
        }
    }

    /// The months typed, read leniently (spaces and full-width digits accepted); blank is `Ok(None)`.
    pub fn months(&self) -> Result<Option<u32>, MonthsError> {
        let text: String = self
            .months_text
            .trim()
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                c => c,
            })
            .collect();
        if text.is_empty() {
            return Ok(None);
        }
        if !text.chars().all(|c| c.is_ascii_digit()) {
            return Err(MonthsError::NotAWholeNumber);
        }
        match text.parse::<u32>() {
            Ok(m) if m <= MAX_MONTHS => Ok(Some(m)),
            _ => Err(MonthsError::TooLarge),
        }
    }

    /// The engine request for the current answers. A field that cannot be read is unknown (and flagged in the form).
    pub fn request(&self) -> Request {
        let adult = Adult {
            hukou_elsewhere: self.hukou_elsewhere,
            months_in_place: self.months().ok().flatten(),
            stable_job: self.stable_job,
            stable_home: self.stable_home,
            continuous_study: self.continuous_study,
            ..Adult::default()
        };
        Request { as_of: None, household: Household { adults: vec![adult], ..Household::default() } }
    }

    fn apply(mut self, action: Action) -> Self {
        match action {
            Action::SetLang(lang) => self.lang = lang,
            Action::SetMonths(text) => self.months_text = text,
            Action::Answer(q, value) => {
                let slot = match q {
                    YesNo::HukouElsewhere => &mut self.hukou_elsewhere,
                    YesNo::StableJob => &mut self.stable_job,
                    YesNo::StableHome => &mut self.stable_home,
                    YesNo::ContinuousStudy => &mut self.continuous_study,
                };
                *slot = value;
            }
        }
        self
    }
}

impl Reducible for FormState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // A new Rc on every action: Yew re-renders only when the pointer changes.
        Rc::new((*self).clone().apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(actions: impl IntoIterator<Item = Action>) -> FormState {
        actions.into_iter().fold(FormState::default(), FormState::apply)
    }

    #[test]
    fn a_new_form_knows_nothing_and_speaks_chinese() {
        let s = FormState::default();
        assert_eq!(s.lang, Lang::ZhCn);
        assert_eq!(s.request().household.adults, [Adult::default()]);
    }

    #[test]
    fn answers_reach_the_request_and_can_be_taken_back() {
        let s = after([Action::Answer(YesNo::StableJob, Some(true)), Action::SetMonths("8".into())]);
        assert_eq!(s.request().household.adults[0].stable_job, Some(true));
        assert_eq!(s.request().household.adults[0].months_in_place, Some(8));
        let s = s.apply(Action::Answer(YesNo::StableJob, None));
        assert_eq!(s.request().household.adults[0].stable_job, None);
    }

    #[test]
    fn months_are_read_leniently_but_never_guessed() {
        let months = |t: &str| after([Action::SetMonths(t.into())]).months();
        assert_eq!(months(""), Ok(None));
        assert_eq!(months("  "), Ok(None));
        assert_eq!(months(" 12 "), Ok(Some(12)));
        assert_eq!(months("１２"), Ok(Some(12)));
        assert_eq!(months("-3"), Err(MonthsError::NotAWholeNumber));
        assert_eq!(months("6.5"), Err(MonthsError::NotAWholeNumber));
        assert_eq!(months("半年"), Err(MonthsError::NotAWholeNumber));
        assert_eq!(months("1201"), Err(MonthsError::TooLarge));
        assert_eq!(months("99999999999999999999"), Err(MonthsError::TooLarge));
    }

    #[test]
    fn an_unreadable_months_field_is_unknown_in_the_request() {
        let s = after([Action::SetMonths("abc".into())]);
        assert_eq!(s.request().household.adults[0].months_in_place, None);
    }

    #[test]
    fn question_ids_are_the_request_field_names() {
        let ids: Vec<&str> = YesNo::ALL.iter().map(|q| q.id()).collect();
        assert_eq!(ids, ["hukouElsewhere", "stableJob", "stableHome", "continuousStudy"]);
    }
}
