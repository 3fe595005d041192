//! The question registry: every request field a front may ask, described once.
//!
//! A [`Spec`] names the field by its camelCase path below its subject (an adult, the household or a child: the
//! same path the engine's [`Question`]s use), its [`Kind`] (which says how its text parses and which keypad it
//! wants), the [`Step`] of the flow it belongs to, whether the flow always asks it ([`Spec::base`]) or only when an
//! open program needs it, and how its value is written into a [`Request`](anju_rules::household::Request).
//! Labels come from the engine's catalogue (`anju_rules::names::question_name`), help and "where to find this"
//! text from [`crate::catalogue::help`]. The web app renders from this table; the share link, the JS API and the
//! embed read and write the same draft through it. A new question is one line in [`SPECS`] plus its help text.

use anju_rules::household::{
    Adult, Child, Employment, FemaleCategory, Household, HukouType, Question, SchoolStage, Sex, Subject, MAX_FEN,
    MAX_INDEX_BP, MAX_MONTHS,
};
use anju_rules::time::YearMonth;

use crate::parse::Value;

/// Who a question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    Adult,
    Household,
    Child,
}

/// The flow's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Step {
    /// Who is in the family: adults' birth and sex, children's birth and stage.
    Family,
    /// Where each adult lives and where the hukou is; residence permit.
    Places,
    /// Work, insurance and pension records.
    Work,
    /// Housing and income.
    Housing,
    /// The children's school.
    School,
    /// The answer.
    Results,
}

impl Step {
    pub const ALL: [Step; 6] = [Step::Family, Step::Places, Step::Work, Step::Housing, Step::School, Step::Results];

    pub fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The step after this one (the last stays).
    pub fn next(self) -> Step {
        Step::ALL.get(self.index() + 1).copied().unwrap_or(Step::Results)
    }

    /// The step before this one (the first stays).
    pub fn prev(self) -> Step {
        Step::ALL.get(self.index().saturating_sub(1)).copied().unwrap_or(Step::Family)
    }

    /// Its name in ids and links: `family`, `places`, …
    pub fn id(self) -> &'static str {
        match self {
            Step::Family => "family",
            Step::Places => "places",
            Step::Work => "work",
            Step::Housing => "housing",
            Step::School => "school",
            Step::Results => "results",
        }
    }
}

/// How a field's text reads, and the keypad it wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 是 / 不是 / 不知道.
    YesNo,
    /// One of the listed keys (the JSON value of the engine's enum); blank is "don't know".
    Choice(&'static [&'static str]),
    /// A year and month: `2027-03` (what `<input type="month">` gives), `2027年3月`, `2027.3`, `2027/03`.
    YearMonth,
    /// Whole months, 0 to `max`.
    Months { max: u32 },
    /// Whole years, 0 to `max`, stored as months when `as_months`.
    Years { max: u32, as_months: bool },
    /// A whole number from `min` to `max` (people, square metres).
    Count { min: u32, max: u32 },
    /// Yuan with up to two decimals (commas and 元 accepted), stored as fen, 0 to `MAX_FEN`.
    Money,
    /// A decimal index such as 0.6 or 1.25, stored in basis points, from `min_bp` to `max_bp`.
    Index { min_bp: u32, max_bp: u32 },
    /// A whole percentage such as 60 or 300, stored in basis points, from `min` to `max` percent.
    Percent { min: u32, max: u32 },
    /// A place id, chosen in the place picker.
    Place,
}

impl Kind {
    /// The `inputmode` a phone keypad should open with, for text kinds.
    pub fn input_mode(self) -> Option<&'static str> {
        match self {
            Kind::Months { .. } | Kind::Years { .. } | Kind::Count { .. } | Kind::Percent { .. } => Some("numeric"),
            Kind::Money | Kind::Index { .. } => Some("decimal"),
            _ => None,
        }
    }
}

/// Writes a parsed value (or `None`, don't know) into the request.
#[derive(Clone, Copy)]
pub enum Setter {
    Adult(fn(&mut Adult, Option<&Value>)),
    Household(fn(&mut Household, Option<&Value>)),
    Child(fn(&mut Child, Option<&Value>)),
}

impl std::fmt::Debug for Setter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Setter")
    }
}

/// One question.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// The field's camelCase path below its subject, as in the engine's questions: `permit.issued`.
    pub field: &'static str,
    pub kind: Kind,
    pub step: Step,
    /// Asked whenever its step is shown; otherwise only while an open program needs it or it holds an answer.
    pub base: bool,
    pub set: Setter,
}

/// Two specs are the same question when they ask the same field of the same scope (the registry lists each once).
impl PartialEq for Spec {
    fn eq(&self, other: &Self) -> bool {
        self.scope() == other.scope() && self.field == other.field
    }
}

impl Spec {
    pub fn scope(&self) -> Scope {
        match self.set {
            Setter::Adult(_) => Scope::Adult,
            Setter::Household(_) => Scope::Household,
            Setter::Child(_) => Scope::Child,
        }
    }

    /// The engine's question for this field about `subject` (for the household, `subject` is ignored).
    pub fn question(&self, index: u8) -> Question {
        let subject = match self.scope() {
            Scope::Adult => Subject::Adult(index),
            Scope::Household => Subject::Household,
            Scope::Child => Subject::Child(index),
        };
        Question { subject, field: self.field }
    }
}

/// A place in its canonical spelling (the engine reads requests so: see `anju_rules::place`).
fn place(v: Option<&Value>) -> Option<String> {
    text(v).map(|t| anju_rules::place::canonical(&t).map_or(t.clone(), std::borrow::Cow::into_owned))
}
fn yes(v: Option<&Value>) -> Option<bool> {
    match v {
        Some(Value::Bool(b)) => Some(*b),
        _ => None,
    }
}
fn month(v: Option<&Value>) -> Option<YearMonth> {
    match v {
        Some(Value::Month(m)) => Some(*m),
        _ => None,
    }
}
fn number(v: Option<&Value>) -> Option<u32> {
    match v {
        Some(Value::Number(n)) => Some(*n),
        _ => None,
    }
}
fn fen(v: Option<&Value>) -> Option<i64> {
    match v {
        Some(Value::Fen(f)) => Some(*f),
        _ => None,
    }
}
fn text(v: Option<&Value>) -> Option<String> {
    match v {
        Some(Value::Text(t)) => Some(t.clone()),
        _ => None,
    }
}
fn key(v: Option<&Value>) -> Option<&str> {
    match v {
        Some(Value::Text(t)) => Some(t.as_str()),
        _ => None,
    }
}

pub const SEXES: &[&str] = &["male", "female"];
pub const FEMALE_CATEGORIES: &[&str] = &["worker50", "cadre55", "flexible"];
pub const HUKOU_TYPES: &[&str] = &["rural", "urban"];
pub const EMPLOYMENTS: &[&str] = &["contract", "flexible", "selfEmployed", "agriculture", "unemployed"];
pub const STAGES: &[&str] = &["preschool", "primary", "junior", "senior", "other"];
pub const NUMBER_SOURCES: &[&str] = &["officialNotice", "office", "other"];

fn number_source(k: &str) -> Option<anju_rules::household::NumberSource> {
    use anju_rules::household::NumberSource;
    match k {
        "officialNotice" => Some(NumberSource::OfficialNotice),
        "office" => Some(NumberSource::Office),
        "other" => Some(NumberSource::Other),
        _ => None,
    }
}

fn sex(k: &str) -> Option<Sex> {
    match k {
        "male" => Some(Sex::Male),
        "female" => Some(Sex::Female),
        _ => None,
    }
}
fn female_category(k: &str) -> Option<FemaleCategory> {
    match k {
        "worker50" => Some(FemaleCategory::Worker50),
        "cadre55" => Some(FemaleCategory::Cadre55),
        "flexible" => Some(FemaleCategory::Flexible),
        _ => None,
    }
}
fn hukou_type(k: &str) -> Option<HukouType> {
    match k {
        "rural" => Some(HukouType::Rural),
        "urban" => Some(HukouType::Urban),
        _ => None,
    }
}
fn employment(k: &str) -> Option<Employment> {
    match k {
        "contract" => Some(Employment::Contract),
        "flexible" => Some(Employment::Flexible),
        "selfEmployed" => Some(Employment::SelfEmployed),
        "agriculture" => Some(Employment::Agriculture),
        "unemployed" => Some(Employment::Unemployed),
        _ => None,
    }
}
fn stage(k: &str) -> Option<SchoolStage> {
    match k {
        "preschool" => Some(SchoolStage::Preschool),
        "primary" => Some(SchoolStage::Primary),
        "junior" => Some(SchoolStage::Junior),
        "senior" => Some(SchoolStage::Senior),
        "other" => Some(SchoolStage::Other),
        _ => None,
    }
}

const MONTHS: Kind = Kind::Months { max: MAX_MONTHS };
const MONEY: Kind = Kind::Money;
const _: () = assert!(MAX_FEN > 0);

macro_rules! adult {
    ($field:expr, $kind:expr, $step:ident, $base:expr, |$a:ident, $v:ident| $body:expr) => {
        Spec {
            field: $field,
            kind: $kind,
            step: Step::$step,
            base: $base,
            set: Setter::Adult(|$a: &mut Adult, $v: Option<&Value>| $body),
        }
    };
}
macro_rules! household {
    ($field:expr, $kind:expr, $step:ident, $base:expr, |$h:ident, $v:ident| $body:expr) => {
        Spec {
            field: $field,
            kind: $kind,
            step: Step::$step,
            base: $base,
            set: Setter::Household(|$h: &mut Household, $v: Option<&Value>| $body),
        }
    };
}
macro_rules! child {
    ($field:expr, $kind:expr, $step:ident, $base:expr, |$c:ident, $v:ident| $body:expr) => {
        Spec {
            field: $field,
            kind: $kind,
            step: Step::$step,
            base: $base,
            set: Setter::Child(|$c: &mut Child, $v: Option<&Value>| $body),
        }
    };
}

/// Every question, in the order the flow shows them within a step.
pub static SPECS: &[Spec] = &[
    // Who is in the family.
    adult!("birth", Kind::YearMonth, Family, true, |a, v| a.birth = month(v)),
    adult!("sex", Kind::Choice(SEXES), Family, true, |a, v| a.sex = key(v).and_then(sex)),
    adult!("femaleCategory", Kind::Choice(FEMALE_CATEGORIES), Family, false, |a, v| a.female_category =
        key(v).and_then(female_category)),
    child!("birth", Kind::YearMonth, Family, true, |c, v| c.birth = month(v)),
    child!("stage", Kind::Choice(STAGES), Family, true, |c, v| c.stage = key(v).and_then(stage)),
    // Where they live, where the hukou is, the residence permit.
    adult!("currentPlace", Kind::Place, Places, true, |a, v| a.current_place = place(v)),
    adult!("hukouPlace", Kind::Place, Places, true, |a, v| a.hukou_place = place(v)),
    adult!("hukouType", Kind::Choice(HUKOU_TYPES), Places, true, |a, v| a.hukou_type = key(v).and_then(hukou_type)),
    adult!("hukouElsewhere", Kind::YesNo, Places, false, |a, v| a.hukou_elsewhere = yes(v)),
    adult!("monthsInPlace", MONTHS, Places, true, |a, v| a.months_in_place = number(v)),
    adult!("stableHome", Kind::YesNo, Places, false, |a, v| a.stable_home = yes(v)),
    adult!("parentsHomeHere", Kind::YesNo, Places, false, |a, v| a.parents_home_here = yes(v)),
    adult!("continuousStudy", Kind::YesNo, Places, false, |a, v| a.continuous_study = yes(v)),
    adult!("permit.held", Kind::YesNo, Places, false, |a, v| a.permit.held = yes(v)),
    adult!("permit.issued", Kind::YearMonth, Places, false, |a, v| a.permit.issued = month(v)),
    adult!("permit.lateEndorsement", Kind::YearMonth, Places, false, |a, v| a.permit.late_endorsement = month(v)),
    // Work and insurance.
    adult!("employment", Kind::Choice(EMPLOYMENTS), Work, true, |a, v| a.employment = key(v).and_then(employment)),
    adult!("stableJob", Kind::YesNo, Work, false, |a, v| a.stable_job = yes(v)),
    adult!("contractMonths", MONTHS, Work, false, |a, v| a.contract_months = number(v)),
    adult!("businessLicenceSince", Kind::YearMonth, Work, false, |a, v| a.business_licence_since = month(v)),
    adult!("college", Kind::YesNo, Work, false, |a, v| a.college = yes(v)),
    adult!("graduated", Kind::YearMonth, Work, false, |a, v| a.graduated = month(v)),
    adult!("siMonthsHere", MONTHS, Work, false, |a, v| a.si_months_here = number(v)),
    adult!("employeePension.months", MONTHS, Work, false, |a, v| a.employee_pension.months = number(v)),
    adult!("employeePension.contributingNow", Kind::YesNo, Work, false, |a, v| a.employee_pension.contributing_now =
        yes(v)),
    adult!("employeePension.averageIndexBp", Kind::Index { min_bp: 0, max_bp: MAX_INDEX_BP }, Work, false, |a, v| a
        .employee_pension
        .average_index_bp =
        number(v)),
    adult!("employeePension.currentBaseBp", Kind::Percent { min: 60, max: 300 }, Work, false, |a, v| a
        .employee_pension
        .current_base_bp =
        number(v)),
    adult!("employeePension.accountBalanceFen", MONEY, Work, false, |a, v| a.employee_pension.account_balance_fen =
        fen(v)),
    adult!("residentPension.months", Kind::Years { max: 100, as_months: true }, Work, false, |a, v| a
        .resident_pension
        .months =
        number(v)),
    adult!("residentPension.balanceFen", MONEY, Work, false, |a, v| a.resident_pension.balance_fen = fen(v)),
    adult!("residentPension.overlapMonths", MONTHS, Work, false, |a, v| a.resident_pension.overlap_months = number(v)),
    adult!("residentPension.otherPension", Kind::YesNo, Work, false, |a, v| a.resident_pension.other_pension = yes(v)),
    // Local numbers the family or a counselor knows, where our data has none (asked only when an answer needs
    // them); where they came from is asked beside them (`flow::asked`).
    adult!("localNumbers.cityPopulation10k", Kind::Count { min: 1, max: 5000 }, Places, false, |a, v| a
        .local_numbers
        .city_population_10k =
        number(v)),
    // A base or pension of nothing (or past the engine's bounds) is no number: unknown, never a zero.
    adult!("localNumbers.benefitBaseFen", MONEY, Work, false, |a, v| a.local_numbers.benefit_base_fen =
        fen(v).filter(|f| (1..=10_000_000).contains(f))),
    adult!("localNumbers.residentBasicPensionFen", MONEY, Work, false, |a, v| a
        .local_numbers
        .resident_basic_pension_fen =
        fen(v).filter(|f| (1..=1_000_000).contains(f))),
    adult!("localNumbers.source", Kind::Choice(NUMBER_SOURCES), Work, false, |a, v| a.local_numbers.source =
        key(v).and_then(number_source)),
    // Housing and income.
    household!("ownsHomeHere", Kind::YesNo, Housing, true, |h, v| h.owns_home_here = yes(v)),
    household!("rentsHome", Kind::YesNo, Housing, true, |h, v| h.rents_home = yes(v)),
    household!("monthlyRentFen", MONEY, Housing, false, |h, v| h.monthly_rent_fen = fen(v)),
    household!("size", Kind::Count { min: 1, max: 20 }, Housing, false, |h, v| h.size = number(v)),
    household!("incomePerCapitaFen", MONEY, Housing, false, |h, v| h.income_per_capita_fen = fen(v)),
    household!("incomeBelowLocalLine", Kind::YesNo, Housing, false, |h, v| h.income_below_local_line = yes(v)),
    household!("floorAreaPerCapitaM2", Kind::Count { min: 0, max: 1000 }, Housing, false, |h, v| h
        .floor_area_per_capita_m2 =
        number(v)),
    household!("assetsFen", MONEY, Housing, false, |h, v| h.assets_fen = fen(v)),
    household!("providentFundDepositing", Kind::YesNo, Housing, false, |h, v| h.provident_fund_depositing = yes(v)),
    // The children's school.
    child!("hukouPlace", Kind::Place, School, false, |c, v| c.hukou_place = place(v)),
    child!("xuejiPlace", Kind::Place, School, false, |c, v| c.xueji_place = place(v)),
    child!("xuejiYears", Kind::Years { max: 12, as_months: false }, School, false, |c, v| c.xueji_years = number(v)),
    child!("zhongkaoHere", Kind::YesNo, School, false, |c, v| c.zhongkao_here = yes(v)),
];

/// The spec for a field of `scope`, if the registry has it.
pub fn spec(scope: Scope, field: &str) -> Option<&'static Spec> {
    SPECS.iter().find(|s| s.scope() == scope && s.field == field)
}

#[cfg(test)]
mod tests {
    use super::*;
    use anju_rules::household::Subject;
    use anju_rules::message::Lang;

    #[test]
    fn every_question_the_engine_may_ask_is_in_the_registry_or_left_out_on_purpose() {
        // Asked by no front yet: contribution segments (a list of places and months, given through the CLI) and a
        // chosen retirement month (given
        // through the CLI and the JS API; asked only of a special early retirement, which the page does not set —
        // the page's lean builds leave these choices out, `anju_rules::programs::employee_pension::CHOICES`).
        const LEFT_OUT: &[&str] = &["employeePension.segments", "employeePension.plannedRetirement"];
        for field in anju_rules::programs::question_fields(Subject::Adult(0)) {
            assert!(spec(Scope::Adult, field).is_some() || LEFT_OUT.contains(field), "adult {field}");
        }
        for field in anju_rules::programs::question_fields(Subject::Household) {
            assert!(spec(Scope::Household, field).is_some(), "household {field}");
        }
        for field in anju_rules::programs::question_fields(Subject::Child(0)) {
            assert!(spec(Scope::Child, field).is_some(), "child {field}");
        }
    }

    #[test]
    fn every_question_has_a_label_in_both_languages_and_is_listed_once() {
        for (i, s) in SPECS.iter().enumerate() {
            let subject = s.question(0).subject;
            for lang in [Lang::ZhCn, Lang::En] {
                let label = anju_rules::names::question_name(subject, s.field, lang);
                assert!(label.is_some_and(|l| !l.is_empty()), "{:?} {} has no {lang:?} label", s.scope(), s.field);
            }
            let twice = SPECS[..i].iter().any(|o| o.scope() == s.scope() && o.field == s.field);
            assert!(!twice, "{} listed twice", s.field);
        }
    }

    #[test]
    fn steps_go_forward_and_back_within_the_flow() {
        assert_eq!(Step::Family.prev(), Step::Family);
        assert_eq!(Step::Family.next(), Step::Places);
        assert_eq!(Step::Results.next(), Step::Results);
        assert_eq!(Step::School.next(), Step::Results);
        for s in Step::ALL {
            assert_eq!(Step::ALL[s.index()], s);
        }
    }
}
