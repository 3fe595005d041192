//! The family as typed: one text per question per person, turned into a [`Request`] with per-field problems.
//!
//! A [`Draft`] holds exactly what was typed or chosen (blank = don't know) and never a computed value, so nothing a
//! person entered is lost when a field does not parse or when the language changes. Each field is addressed by the
//! engine's [`Question`] (subject + path below it), whose `path()` is the request's JSON path. [`Draft::build`]
//! parses every field through the registry, runs the engine's range checks and the checks across fields (a child
//! older than a parent), and leaves every field with a problem unknown in the request.

use anju_rules::household::{Adult, Child, Household, Question, Request, Subject};
use anju_rules::time::YearMonth;
use serde::{Deserialize, Serialize};

use crate::parse::{parse, InputProblem, Value};
use crate::registry::{Scope, Setter, Spec, SPECS};

/// At most this many adults and children on the page (the engine takes up to 2 and 10).
pub const MAX_ADULTS: usize = anju_rules::household::MAX_ADULTS;
pub const MAX_CHILDREN: usize = 6;

/// A child is at least this many years younger than each parent whose birth month is known [I].
pub const MIN_PARENT_AGE_YEARS: i32 = 14;

/// One person's (or the household's) answers: field path → text as typed, in the order first answered; a JSON
/// object. (A list, not a map: a person has a few dozen fields at most, and the browser download stays small.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers(Vec<(String, String)>);

impl Answers {
    pub fn get(&self, field: &str) -> &str {
        self.0.iter().find(|(f, _)| f == field).map_or("", |(_, t)| t.as_str())
    }

    /// Sets a field's text; blank removes it (don't know).
    pub fn set(&mut self, field: &str, text: &str) {
        let at = self.0.iter().position(|(f, _)| f == field);
        match (at, text.trim().is_empty()) {
            (Some(i), true) => {
                self.0.remove(i);
            }
            (Some(i), false) => self.0[i].1 = text.to_string(),
            (None, true) => {}
            (None, false) => self.0.push((field.to_string(), text.to_string())),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The answered fields and their texts.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(f, t)| (f.as_str(), t.as_str()))
    }
}

impl Serialize for Answers {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = std::collections::BTreeMap::<String, String>::deserialize(d)?;
        let mut answers = Answers::default();
        for (field, text) in &map {
            answers.set(field, text);
        }
        Ok(answers)
    }
}

/// The family as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Draft {
    /// One or two adults.
    pub adults: Vec<Answers>,
    #[serde(default)]
    pub household: Answers,
    #[serde(default)]
    pub children: Vec<Answers>,
}

impl Default for Draft {
    fn default() -> Self {
        Draft { adults: vec![Answers::default()], household: Answers::default(), children: Vec::new() }
    }
}

/// A field the draft could not use, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldProblem {
    pub question: Question,
    pub problem: InputProblem,
}

/// A draft turned into a request.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    pub request: Request,
    /// Fields whose text could not be used; each is unknown in `request`.
    pub problems: Vec<FieldProblem>,
}

impl Built {
    pub fn problem(&self, q: Question) -> Option<InputProblem> {
        self.problems.iter().find(|p| p.question == q).map(|p| p.problem)
    }
}

fn apply(spec: &Spec, index: usize, h: &mut Household, value: Option<&Value>) {
    match spec.set {
        Setter::Adult(f) => {
            if let Some(a) = h.adults.get_mut(index) {
                f(a, value);
            }
        }
        Setter::Household(f) => f(h, value),
        Setter::Child(f) => {
            if let Some(c) = h.children.get_mut(index) {
                f(c, value);
            }
        }
    }
}

impl Draft {
    /// The draft as a flat list of texts, for handing it from one wasm module to another without a format of its
    /// own: the numbers of adults and children, then subject path, field and text for every answer.
    /// [`Draft::from_flat`] reads it back.
    pub fn flat(&self) -> Vec<String> {
        let mut out = vec![self.adults.len().to_string(), self.children.len().to_string()];
        let people = self.adults.iter().enumerate().map(|(i, a)| (Subject::Adult(i as u8), a));
        let household = std::iter::once((Subject::Household, &self.household));
        let children = self.children.iter().enumerate().map(|(i, c)| (Subject::Child(i as u8), c));
        for (subject, answers) in people.chain(household).chain(children) {
            for (field, text) in answers.iter() {
                out.extend([subject.path(), field.to_string(), text.to_string()]);
            }
        }
        out
    }

    /// The draft from [`Draft::flat`]'s list: at least one adult, at most the page's numbers of adults and
    /// children; answers for a person beyond them are dropped.
    pub fn from_flat(items: &[String]) -> Draft {
        let count = |i: usize| items.get(i).and_then(|n| n.parse::<usize>().ok()).unwrap_or(0);
        let mut draft = Draft::default();
        // Each loop is bounded by the page's numbers (`add_*` stop there too).
        for _ in 1..count(0).min(MAX_ADULTS) {
            draft.add_adult();
        }
        for _ in 0..count(1).min(MAX_CHILDREN) {
            draft.add_child();
        }
        for answer in items.get(2..).unwrap_or_default().chunks_exact(3) {
            let subject = crate::flow::subject_of(&answer[0]);
            if let Some(answers) = draft.answers_mut(subject) {
                answers.set(&answer[1], &answer[2]);
            }
        }
        draft
    }

    /// The answers of a subject (a missing adult or child reads as empty).
    pub fn answers(&self, subject: Subject) -> Option<&Answers> {
        match subject {
            Subject::Adult(i) => self.adults.get(usize::from(i)),
            Subject::Household => Some(&self.household),
            Subject::Child(i) => self.children.get(usize::from(i)),
        }
    }

    fn answers_mut(&mut self, subject: Subject) -> Option<&mut Answers> {
        match subject {
            Subject::Adult(i) => self.adults.get_mut(usize::from(i)),
            Subject::Household => Some(&mut self.household),
            Subject::Child(i) => self.children.get_mut(usize::from(i)),
        }
    }

    /// The text typed for a question ("" when none).
    pub fn text(&self, q: Question) -> &str {
        self.answers(q.subject).map_or("", |a| a.get(q.field))
    }

    /// Sets the text of a question; a question about someone not in the draft is ignored.
    pub fn set(&mut self, q: Question, text: &str) {
        if let Some(a) = self.answers_mut(q.subject) {
            a.set(q.field, text);
        }
    }

    pub fn add_adult(&mut self) {
        if self.adults.len() < MAX_ADULTS {
            self.adults.push(Answers::default());
        }
    }

    /// Removes an adult; the last one stays (its answers cleared).
    pub fn remove_adult(&mut self, index: usize) {
        if self.adults.len() > 1 && index < self.adults.len() {
            self.adults.remove(index);
        } else if let Some(a) = self.adults.get_mut(index) {
            *a = Answers::default();
        }
    }

    pub fn add_child(&mut self) {
        if self.children.len() < MAX_CHILDREN {
            self.children.push(Answers::default());
        }
    }

    pub fn remove_child(&mut self, index: usize) {
        if index < self.children.len() {
            self.children.remove(index);
        }
    }

    /// Every question of the draft's people, with its spec, in registry order per person.
    pub fn questions(&self) -> impl Iterator<Item = (Question, &'static Spec)> + '_ {
        let people = |scope: Scope, n: usize| {
            SPECS.iter().filter(move |s| s.scope() == scope).flat_map(move |s| (0..n).map(move |i| (s, i)))
        };
        people(Scope::Adult, self.adults.len().min(MAX_ADULTS))
            .chain(people(Scope::Household, 1))
            .chain(people(Scope::Child, self.children.len().min(MAX_CHILDREN)))
            .map(|(s, i)| (s.question(i as u8), s))
    }

    /// The request for the draft at evaluation month `today`, and every field that could not be used.
    ///
    /// Dates are of the past: not after this month, nor more than 100 years before it (the engine's own range).
    /// Every other bound is the registry's, inside the engine's (`request_is_always_valid` keeps it so); the
    /// engine's `validate` is not called here so that the browser does not carry it.
    pub fn build(&self, today: YearMonth) -> Built {
        let mut h = Household {
            adults: vec![Adult::default(); self.adults.len().clamp(1, MAX_ADULTS)],
            children: vec![Child::default(); self.children.len().min(MAX_CHILDREN)],
            ..Household::default()
        };
        let (earliest, latest) = anju_rules::household::past_months(today);
        let mut problems = Vec::new();
        for (q, spec) in self.questions() {
            let value = parse(spec.kind, self.text(q)).and_then(|value| match value {
                Some(Value::Month(m)) if m > latest => Err(InputProblem::InTheFuture),
                Some(Value::Month(m)) if m < earliest => Err(InputProblem::TooLongAgo),
                value => Ok(value),
            });
            match value {
                Ok(value) => apply(spec, index(q.subject), &mut h, value.as_ref()),
                Err(problem) => problems.push(FieldProblem { question: q, problem }),
            }
        }
        let mut request = Request { as_of: Some(today), household: h };

        // A child born before a parent was 14 is a typing slip: the child's birth month is flagged.
        let parents: Vec<YearMonth> = request.household.adults.iter().filter_map(|a| a.birth).collect();
        for (i, c) in request.household.children.iter_mut().enumerate() {
            let Some(birth) = c.birth else { continue };
            if parents.iter().any(|p| birth < *p + MIN_PARENT_AGE_YEARS * 12) {
                c.birth = None;
                let question = Question { subject: Subject::Child(i as u8), field: "birth" };
                problems.push(FieldProblem { question, problem: InputProblem::ChildOlderThanParent });
            }
        }
        Built { request, problems }
    }
}

fn index(subject: Subject) -> usize {
    match subject {
        Subject::Adult(i) | Subject::Child(i) => usize::from(i),
        Subject::Household => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use anju_rules::household::{Employment, SchoolStage, Sex};

    const TODAY: YearMonth = YearMonth::ym(2026, 12);

    fn adult(i: u8, field: &'static str) -> Question {
        Question::adult(i, field)
    }
    fn child(i: u8, field: &'static str) -> Question {
        Question { subject: Subject::Child(i), field }
    }

    #[test]
    fn an_empty_draft_is_one_adult_about_whom_nothing_is_known() {
        let built = Draft::default().build(TODAY);
        assert!(built.problems.is_empty());
        assert_eq!(built.request.household.adults, [Adult::default()]);
        assert_eq!(built.request.as_of, Some(TODAY));
    }

    /// Handing a draft from the page to the what-if module keeps every answer, and the number of people even when
    /// someone has no answers yet; a list that says too many people is cut to the page's numbers.
    #[test]
    fn a_flat_draft_reads_back_as_the_same_draft() {
        let mut draft = Draft::default();
        draft.add_adult();
        draft.add_child();
        draft.add_child();
        draft.set(adult(0, "birth"), "1988-04");
        draft.set(Question { subject: Subject::Household, field: "size" }, "4");
        draft.set(child(1, "stage"), "primary");
        draft.set(adult(0, "localNumbers.note"), "村委会说的\t数字");
        let flat = draft.flat();
        assert_eq!(&flat[..2], ["2", "2"]);
        assert_eq!(Draft::from_flat(&flat), draft);
        let many: Vec<String> = ["9", "99"].iter().map(|s| s.to_string()).collect();
        let cut = Draft::from_flat(&many);
        assert_eq!((cut.adults.len(), cut.children.len()), (MAX_ADULTS, MAX_CHILDREN));
        assert_eq!(Draft::from_flat(&[]), Draft::default());
    }
    #[test]
    fn every_answer_reaches_its_request_field() {
        let mut d = Draft::default();
        d.add_adult();
        d.add_child();
        d.set(adult(0, "birth"), "1990-05");
        d.set(adult(0, "sex"), "female");
        d.set(adult(1, "employment"), "flexible");
        d.set(adult(1, "employeePension.months"), "180");
        d.set(adult(1, "residentPension.months"), "15");
        d.set(adult(0, "employeePension.currentBaseBp"), "60");
        d.set(Question::household("monthlyRentFen"), "1,200");
        d.set(child(0, "stage"), "primary");
        d.set(child(0, "hukouPlace"), "henan/kaifeng/lankao");
        let built = d.build(TODAY);
        assert!(built.problems.is_empty(), "{:?}", built.problems);
        let h = &built.request.household;
        assert_eq!(h.adults[0].birth, Some(YearMonth::ym(1990, 5)));
        assert_eq!(h.adults[0].sex, Some(Sex::Female));
        assert_eq!(h.adults[0].employee_pension.current_base_bp, Some(6000));
        assert_eq!(h.adults[1].employment, Some(Employment::Flexible));
        assert_eq!(h.adults[1].employee_pension.months, Some(180));
        assert_eq!(h.adults[1].resident_pension.months, Some(180), "15 years are 180 months");
        assert_eq!(h.monthly_rent_fen, Some(120_000));
        assert_eq!(h.children[0].stage, Some(SchoolStage::Primary));
        assert_eq!(h.children[0].hukou_place.as_deref(), Some("410225"), "兰考县 by its code");
    }

    #[test]
    fn a_bad_field_is_flagged_at_its_path_keeps_its_text_and_stays_unknown() {
        let mut d = Draft::default();
        d.set(adult(0, "monthsInPlace"), "abc");
        d.set(adult(0, "siMonthsHere"), "24");
        let built = d.build(TODAY);
        assert_eq!(built.problem(adult(0, "monthsInPlace")), Some(InputProblem::NotAWholeNumber));
        assert_eq!(built.problems[0].question.path(), "household.adults[0].monthsInPlace");
        assert_eq!(built.request.household.adults[0].months_in_place, None);
        assert_eq!(built.request.household.adults[0].si_months_here, Some(24), "nothing else is lost");
        assert_eq!(d.text(adult(0, "monthsInPlace")), "abc");
    }

    #[test]
    fn impossible_dates_are_flagged() {
        let mut d = Draft::default();
        d.add_child();
        d.set(adult(0, "birth"), "1990-01");
        d.set(adult(0, "permit.issued"), "2030-01");
        d.set(child(0, "birth"), "1995-06");
        let built = d.build(TODAY);
        assert_eq!(built.problem(adult(0, "permit.issued")), Some(InputProblem::InTheFuture));
        assert_eq!(built.problem(child(0, "birth")), Some(InputProblem::ChildOlderThanParent));
        assert_eq!(built.request.household.adults[0].permit.issued, None);
        assert_eq!(built.request.household.children[0].birth, None);
        assert_eq!(built.request.household.adults[0].birth, Some(YearMonth::ym(1990, 1)));

        let mut d = Draft::default();
        d.set(adult(0, "birth"), "1900-01");
        assert_eq!(d.build(TODAY).problem(adult(0, "birth")), Some(InputProblem::TooLongAgo));
    }

    #[test]
    fn blanking_a_field_makes_it_dont_know_again() {
        let mut d = Draft::default();
        d.set(adult(0, "stableJob"), "yes");
        assert_eq!(d.build(TODAY).request.household.adults[0].stable_job, Some(true));
        d.set(adult(0, "stableJob"), "");
        assert_eq!(d.build(TODAY).request.household.adults[0].stable_job, None);
        assert!(d.adults[0].is_empty());
    }

    #[test]
    fn the_family_grows_and_shrinks_within_bounds() {
        let mut d = Draft::default();
        for _ in 0..5 {
            d.add_adult();
        }
        assert_eq!(d.adults.len(), 2);
        d.remove_adult(0);
        d.remove_adult(0);
        assert_eq!(d.adults.len(), 1, "the last adult stays");
        for _ in 0..20 {
            d.add_child();
        }
        assert_eq!(d.children.len(), MAX_CHILDREN);
        d.remove_child(99);
        assert_eq!(d.children.len(), MAX_CHILDREN);
        d.set(child(9, "birth"), "2015-01"); // nobody there: ignored
        assert!(d.build(TODAY).problems.is_empty());
    }

    /// The draft's bounds lie inside the engine's: whatever is typed, the request passes `validate`.
    #[test]
    fn request_is_always_valid() {
        let texts = [
            "",
            "0",
            "1",
            "12",
            "20",
            "30",
            "60",
            "100",
            "101",
            "300",
            "1000",
            "1200",
            "1201",
            "99999999999",
            "0.6",
            "3",
            "3.0001",
            "1,000,000,000",
            "10000000000.01",
            "2026-12",
            "2027-01",
            "1926-12",
            "1926-11",
            "1900-01",
            "yes",
            "no",
            "female",
            "primary",
            "guangdong/shenzhen",
            "henan//x",
            "abc",
            "-1",
        ];
        let mut checked = 0;
        for (q, _) in {
            let mut d = Draft::default();
            d.add_adult();
            d.add_child();
            d
        }
        .questions()
        .collect::<Vec<_>>()
        {
            for text in texts {
                let mut d = Draft::default();
                d.add_adult();
                d.add_child();
                d.set(q, text);
                let built = d.build(TODAY);
                let errors = built.request.validate(TODAY);
                assert!(errors.is_empty(), "{} = {text:?}: {errors:?}", q.path());
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn a_draft_round_trips_through_json() {
        let mut d = Draft::default();
        d.set(adult(0, "monthsInPlace"), "１２ months?");
        d.add_child();
        d.set(child(0, "stage"), "junior");
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<Draft>(&json).unwrap(), d);
        assert!(serde_json::from_str::<Draft>(r#"{"adults":[],"bogus":1}"#).is_err());
    }
}
