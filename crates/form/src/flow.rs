//! What the flow asks at each step: the step's base questions, and the others only while an open program needs
//! them (the engine's unknown criteria name them) or while they hold an answer (so nothing typed disappears).

use anju_rules::household::{Question, Subject};
use anju_rules::report::{Assessment, Status};

use crate::draft::Draft;
use crate::registry::{Scope, Spec, Step};

pub fn scope(subject: Subject) -> Scope {
    match subject {
        Subject::Adult(_) => Scope::Adult,
        Subject::Household => Scope::Household,
        Subject::Child(_) => Scope::Child,
    }
}

/// The subject a result names by its path: `household.adults[1]` is `Adult(1)`, `household.children[0]` is
/// `Child(0)`; anything else is the household.
pub fn subject_of(path: &str) -> Subject {
    let index = |prefix: &str| path.strip_prefix(prefix)?.strip_suffix(']')?.parse::<u8>().ok();
    match (index("household.adults["), index("household.children[")) {
        (Some(i), _) => Subject::Adult(i),
        (_, Some(i)) => Subject::Child(i),
        _ => Subject::Household,
    }
}

/// The question a path names (`Question::path`: `household.adults[1].monthsInPlace`), if the form asks it: how a
/// result card drawn by another module says where its question is.
pub fn question_at(path: &str) -> Option<Question> {
    let (subject, field) = match path.split_once("].") {
        Some((subject, field)) => (subject_of(&format!("{subject}]")), field),
        None => (Subject::Household, path.strip_prefix("household.")?),
    };
    let spec = crate::registry::spec(scope(subject), field)?;
    Some(Question { subject, field: spec.field })
}

/// The questions the engine still needs: those of every program that concerns someone.
pub fn open_questions(a: &Assessment) -> Vec<Question> {
    let mut out: Vec<Question> = Vec::new();
    for p in a.programs.iter().filter(|p| p.status != Status::NotApplicable) {
        for q in p.open_questions() {
            if !out.contains(&q) {
                out.push(q);
            }
        }
    }
    out
}

/// The questions to show at `step`, in registry order per person.
pub fn asked(step: Step, draft: &Draft, open: &[Question]) -> Vec<(Question, &'static Spec)> {
    let mut shown: Vec<(Question, &'static Spec)> = draft
        .questions()
        .filter(|(q, s)| s.step == step && (s.base || !draft.text(*q).is_empty() || open.contains(q)))
        .collect();
    // Where a local number the family may know is asked, so is where it came from, right after the last one.
    let source = crate::registry::spec(crate::registry::Scope::Adult, SOURCE);
    if let Some(source) = source {
        for i in (0..shown.len()).rev() {
            let (q, s) = shown[i];
            let is_number = s.field.starts_with("localNumbers.") && s.field != SOURCE;
            let wanted = Question { subject: q.subject, field: SOURCE };
            if is_number && !shown.iter().any(|(o, _)| *o == wanted) {
                shown.insert(i + 1, (wanted, source));
            }
        }
    }
    shown
}

/// The question asking where the family's own local numbers came from.
const SOURCE: &str = "localNumbers.source";

#[cfg(test)]
mod tests {
    use super::*;
    use anju_rules::time::YearMonth;

    const TODAY: YearMonth = YearMonth::ym(2026, 12);

    #[test]
    fn every_question_is_found_again_at_its_path() {
        let mut checked = 0;
        for spec in crate::registry::SPECS {
            for index in [0, 1] {
                let q = spec.question(index);
                assert_eq!(question_at(&q.path()), Some(q), "{}", q.path());
                checked += 1;
            }
        }
        assert!(checked > 60, "{checked}");
        for wrong in
            ["", "household", "household.", "household.adults[0]", "household.adults[x].birth", "nothing.birth"]
        {
            assert_eq!(question_at(wrong), None, "{wrong}");
        }
        assert_eq!(question_at("household.adults[0].noSuchField"), None);
    }

    fn fields(step: Step, d: &Draft) -> Vec<String> {
        let a = anju_rules::assess(&d.build(TODAY).request, TODAY);
        asked(step, d, &open_questions(&a)).iter().map(|(q, _)| q.path()).collect()
    }

    #[test]
    fn a_number_the_family_knows_is_asked_with_where_it_came_from() {
        // Paid in 阳新县 (Hubei), whose benefit base our data lacks: the pension asks for it, and where it came from.
        let mut d = Draft::default();
        for (field, text) in
            [("birth", "1965-01"), ("sex", "male"), ("currentPlace", "420222"), ("hukouPlace", "420222")]
        {
            d.set(Question::adult(0, field), text);
        }
        d.set(Question::adult(0, "employeePension.months"), "240");
        let asked = fields(Step::Work, &d);
        let last = asked.iter().rposition(|f| f.contains("localNumbers.") && !f.ends_with("source"));
        let source = asked.iter().position(|f| f.ends_with("localNumbers.source"));
        assert!(asked.iter().any(|f| f.ends_with("localNumbers.benefitBaseFen")), "{asked:?}");
        assert!(last.is_some() && source == last.map(|b| b + 1), "after the last number: {asked:?}");
        assert_eq!(asked.iter().filter(|f| f.ends_with("localNumbers.source")).count(), 1);
    }

    #[test]
    fn a_question_no_open_program_needs_is_not_asked() {
        // Someone whose hukou is where they live is never asked for a residence permit (条例 Art. 2).
        let mut d = Draft::default();
        d.set(Question::adult(0, "currentPlace"), "henan/kaifeng/lankao");
        d.set(Question::adult(0, "hukouPlace"), "henan/kaifeng/lankao");
        let asked = fields(Step::Places, &d);
        assert!(asked.contains(&"household.adults[0].hukouPlace".to_string()));
        assert!(!asked.iter().any(|f| f.contains("permit.")), "{asked:?}");
        assert!(!asked.iter().any(|f| f.ends_with("stableHome")), "{asked:?}");

        let mut d = Draft::default();
        d.set(Question::adult(0, "currentPlace"), "guangxi/liuzhou/rongan");
        d.set(Question::adult(0, "hukouPlace"), "henan/kaifeng/lankao");
        let asked = fields(Step::Places, &d);
        assert!(asked.iter().any(|f| f.ends_with("stableHome")), "the permit's conditions: {asked:?}");
    }

    #[test]
    fn a_result_path_names_its_subject_and_round_trips() {
        for subject in [Subject::Adult(0), Subject::Adult(1), Subject::Household, Subject::Child(3)] {
            assert_eq!(subject_of(&subject.path()), subject);
        }
        assert_eq!(subject_of("household.adults[x]"), Subject::Household);
    }

    #[test]
    fn an_answered_question_stays_on_screen() {
        let mut d = Draft::default();
        d.set(Question::adult(0, "currentPlace"), "henan/kaifeng/lankao");
        d.set(Question::adult(0, "hukouPlace"), "henan/kaifeng/lankao");
        d.set(Question::adult(0, "permit.held"), "no");
        assert!(fields(Step::Places, &d).iter().any(|f| f.ends_with("permit.held")));
    }

    #[test]
    fn children_are_asked_about_only_when_there_are_children() {
        let d = Draft::default();
        assert!(fields(Step::School, &d).is_empty());
        let mut d = Draft::default();
        d.add_child();
        d.set(Question { subject: Subject::Child(0), field: "birth" }, "2015-03");
        assert!(fields(Step::Family, &d).contains(&"household.children[0].birth".to_string()));
    }
}
