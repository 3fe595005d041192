//! What an assessment returns: per program a status and its criteria, each tri-state, explained and cited.
//!
//! This is the JSON result schema (camelCase) that the CLI prints and the web app renders.
//! Evaluation never fails: missing facts give [`Outcome::Unknown`] with the questions that would settle them.

use serde::Serialize;

use crate::household::Question;
use crate::message::Msg;
use std::collections::BTreeMap;

use crate::policy::{Citation, Dated, Source, Unit};
use crate::time::YearMonth;

/// Version of the request/result schema; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// The result of one criterion. Unknown is its own answer: it is never read as "no".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Outcome {
    Met,
    NotMet,
    Unknown,
}

/// A program's overall answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Status {
    /// Every criterion is met.
    Eligible,
    /// Only waiting is missing: a duration criterion will be met at `earliest` if nothing changes.
    NotYet,
    /// A criterion that waiting cannot change is not met.
    NotEligible,
    /// No criterion is failed, but at least one cannot be decided from what we know.
    Unknown,
    /// The program does not concern this person (e.g. a residence permit for someone whose hukou is here).
    NotApplicable,
}

/// A number with its unit, for "observed vs required".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quantity {
    pub value: i64,
    pub unit: Unit,
}

/// One test of a program, e.g. "lived here at least 6 months".
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Criterion {
    /// Stable id within the program, e.g. `resided_half_year`.
    pub id: &'static str,
    pub outcome: Outcome,
    /// Whether waiting alone can turn this from not met into met.
    #[serde(skip)]
    pub is_duration: bool,
    /// For a duration criterion not met yet: the month it will be met if nothing changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub met_from: Option<YearMonth>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observed: Option<Quantity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<Quantity>,
    /// For a test either parent may meet: the adult who meets it (`household.adults[1]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub met_by: Option<&'static str>,
    /// The plain-language reason, as a message key with parameters.
    pub message: Msg,
    pub citation: &'static Citation,
    /// For an unknown outcome: the questions whose answers would settle it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
}

/// Identifies a program in results and in the message catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ProgramId {
    ResidencePermit,
    EmployeePension,
    ResidentPension,
    HukouTransfer,
    PublicRental,
    AffordableRental,
    ProvidentFundRent,
    RentalSubsidy,
    SchoolEntry,
    ExamEligibility,
    ZhongkaoEligibility,
}

impl ProgramId {
    /// The id as it appears in the JSON result, e.g. `residence_permit`.
    pub fn id(self) -> &'static str {
        match self {
            ProgramId::ResidencePermit => "residence_permit",
            ProgramId::EmployeePension => "employee_pension",
            ProgramId::ResidentPension => "resident_pension",
            ProgramId::HukouTransfer => "hukou_transfer",
            ProgramId::PublicRental => "public_rental",
            ProgramId::AffordableRental => "affordable_rental",
            ProgramId::ProvidentFundRent => "provident_fund_rent",
            ProgramId::RentalSubsidy => "rental_subsidy",
            ProgramId::SchoolEntry => "school_entry",
            ProgramId::ExamEligibility => "exam_eligibility",
            ProgramId::ZhongkaoEligibility => "zhongkao_eligibility",
        }
    }
}

/// Identifies an amount within a program's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum AmountId {
    /// Basic pension per month (基础养老金).
    BasicMonthly,
    /// Personal-account pension per month (个人账户养老金).
    AccountMonthly,
    /// Local add-on per month (e.g. 年限养老金).
    AddonMonthly,
    /// Everything per month.
    TotalMonthly,
    /// The personal-account balance projected to retirement.
    AccountAtRetirement,
    /// A county's rental subsidy per month (租赁补贴).
    SubsidyMonthly,
}

/// An estimated amount in fen, or unknown with what would settle it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Amount {
    pub id: AmountId,
    /// `None` when it cannot be estimated from what we know; never a guessed zero.
    pub fen: Option<i64>,
    /// The month the amount is for (e.g. the retirement month).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<YearMonth>,
    /// Questions whose answers would let us estimate it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// Policy numbers missing for this place, by parameter key (e.g. `employee_pension.benefit_base`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing_data: Vec<&'static str>,
    /// How it was computed, in words.
    pub basis: Msg,
    /// The dated policy values it used, each with its citation and confidence.
    #[serde(rename = "policyValues", serialize_with = "serialize_dated", skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<UsedValue>"))]
    pub used: Vec<&'static Dated>,
    /// Local numbers it used that the family or a counselor supplied (`localNumbers`), by parameter key; the
    /// program's notes say which and where they came from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub supplied: Vec<&'static str>,
}

impl Amount {
    /// An amount not computed yet: unknown, with nothing used.
    pub fn new(id: AmountId, basis: Msg) -> Self {
        Amount {
            id,
            fen: None,
            at: None,
            questions: vec![],
            missing_data: vec![],
            basis,
            used: vec![],
            supplied: vec![],
        }
    }
}

/// A dated policy value as results show it: when it is in force, and its citation.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct UsedValue {
    from: YearMonth,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<YearMonth>,
    citation: &'static Citation,
}

fn serialize_dated<S: serde::Serializer>(values: &[&'static Dated], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(values.iter().map(|d| UsedValue { from: d.from, until: d.until, citation: &d.cite }))
}

/// One program's answer.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProgramResult {
    pub program: ProgramId,
    /// Whom the result is about, as a JSON path into the request: `household.adults[0]`.
    pub subject: &'static str,
    pub status: Status,
    /// For [`Status::NotYet`]: the first month every criterion is met if nothing else changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest: Option<YearMonth>,
    pub criteria: Vec<Criterion>,
    /// The newest effective month among the policy values used: "rules as in force from".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_from: Option<YearMonth>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub amounts: Vec<Amount>,
    /// Facts worth knowing about the answer: where a pension is paid, which rule applied, caveats.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Msg>,
    /// What the person can do when a criterion is not met.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Msg>,
    /// What this program's answer leaves out.
    pub not_modelled: Vec<Msg>,
    /// The papers its criteria call for (filled in by [`Assessment::new`]: walks through months do not need them).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub materials: Vec<crate::materials::Material>,
    /// A month at which something besides a criterion will change if nothing else does (the place of receipt
    /// once ten years are reached); timelines look at it.
    #[serde(skip)]
    pub changes_at: Option<YearMonth>,
}

impl ProgramResult {
    /// A result whose status and earliest month follow from its criteria (its materials do too, filled in by
    /// [`Assessment::new`]); the program adds the rest
    /// (amounts, notes, options, what it leaves out, the policy date) with struct-update syntax.
    pub fn new(program: ProgramId, subject: &'static str, criteria: Vec<Criterion>) -> Self {
        let status = Self::status_of(&criteria);
        ProgramResult {
            program,
            subject,
            status,
            earliest: Self::earliest_of(&criteria, status),
            materials: vec![],
            criteria,
            policy_from: None,
            amounts: vec![],
            notes: vec![],
            options: vec![],
            not_modelled: vec![],
            changes_at: None,
        }
    }

    /// Marks the program as not concerning this person (e.g. a permit for someone whose hukou is here).
    pub fn not_applicable(mut self) -> Self {
        self.status = Status::NotApplicable;
        self.earliest = None;
        self
    }

    /// Derives the status from the criteria, the way every program does:
    /// a failed non-duration test → not eligible; otherwise any unknown → unknown;
    /// otherwise a failed duration test → not yet; otherwise eligible.
    pub fn status_of(criteria: &[Criterion]) -> Status {
        let failed =
            |duration: bool| criteria.iter().any(|c| c.outcome == Outcome::NotMet && c.is_duration == duration);
        if failed(false) {
            Status::NotEligible
        } else if criteria.iter().any(|c| c.outcome == Outcome::Unknown) {
            Status::Unknown
        } else if failed(true) {
            Status::NotYet
        } else {
            Status::Eligible
        }
    }

    /// For [`Status::NotYet`], the month the last duration test is met; otherwise `None`.
    pub fn earliest_of(criteria: &[Criterion], status: Status) -> Option<YearMonth> {
        if status != Status::NotYet {
            return None;
        }
        criteria.iter().filter(|c| c.outcome == Outcome::NotMet).filter_map(|c| c.met_from).max()
    }

    /// Every question that would settle an unknown criterion, in criterion order, without repeats.
    pub fn open_questions(&self) -> Vec<Question> {
        let mut out: Vec<Question> = Vec::new();
        let from_amounts = self.amounts.iter().flat_map(|a| &a.questions);
        for q in self.criteria.iter().flat_map(|c| &c.questions).chain(from_amounts) {
            if !out.contains(q) {
                out.push(*q);
            }
        }
        out
    }
}

/// The whole answer for a household at one evaluation month.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assessment {
    pub schema_version: u32,
    pub as_of: YearMonth,
    pub programs: Vec<ProgramResult>,
    /// Every document cited above, once, by id.
    pub sources: Sources,
    /// For each place the request names, whose local data answered it and how current that data is.
    pub data: Vec<PlaceData>,
    /// Always shown: this is an estimate, not an official determination.
    pub disclaimer: Msg,
}

/// The local data a place in the request is answered with: the nearest layer (the place's own, else an
/// ancestor's) that sets any value, and that layer's data month; `layer` is `None` when no layer sets anything,
/// so national rules alone answer and every local number is unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlaceData {
    /// The place as the request names it, canonically (a GB/T 2260 code where it has one).
    pub place: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<&'static str>,
    /// The newest month any value of that layer starts or ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_month: Option<YearMonth>,
    /// When every rule of that layer has ended: the last month one was in force. Later answers there are unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended: Option<YearMonth>,
}

impl PlaceData {
    /// Every place the request names (adults' hukou, current and insured places, children's hukou and school
    /// places), once each, in order of first mention.
    pub fn of(request: &crate::household::Request) -> Vec<PlaceData> {
        let mut out = Vec::new();
        for a in &request.household.adults {
            PlaceData::add(&mut out, a.current_place.as_deref());
            PlaceData::add(&mut out, a.hukou_place.as_deref());
            for s in &a.employee_pension.segments {
                PlaceData::add(&mut out, Some(&s.place));
            }
        }
        for c in &request.household.children {
            PlaceData::add(&mut out, c.hukou_place.as_deref());
            PlaceData::add(&mut out, c.xueji_place.as_deref());
        }
        out
    }

    /// Adds a place once (at most 64: a request holds far fewer).
    fn add(out: &mut Vec<PlaceData>, id: Option<&str>) {
        let Some(place) = id.and_then(crate::place::PlaceId::parse) else { return };
        if out.len() >= 64 || out.iter().any(|d| d.place == place.as_str()) {
            return;
        }
        #[cfg(feature = "layers")]
        let layer = crate::layer::data_layer(&place).or_else(|| place.data_layer());
        #[cfg(not(feature = "layers"))]
        let layer = place.data_layer();
        out.push(PlaceData {
            layer: layer.map(|l| l.id),
            data_month: layer.and_then(|l| l.data_month),
            ended: layer.and_then(|l| l.ended),
            place: place.to_string(),
        });
    }
}

/// The short form of a program's answer, for batch runs and tables: no criteria, reasons or citations.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ProgramSummary {
    pub program: ProgramId,
    pub subject: &'static str,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest: Option<YearMonth>,
    /// The monthly total in fen, where the program pays one and it can be estimated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_monthly_fen: Option<i64>,
    /// How many questions are still open.
    pub open_questions: usize,
}

impl Assessment {
    /// One line per program: status, earliest month, monthly total.
    pub fn summary(&self) -> Vec<ProgramSummary> {
        self.programs
            .iter()
            .map(|p| ProgramSummary {
                program: p.program,
                subject: p.subject,
                status: p.status,
                earliest: p.earliest,
                total_monthly_fen: p.amounts.iter().find(|a| a.id == AmountId::TotalMonthly).and_then(|a| a.fen),
                open_questions: p.open_questions().len(),
            })
            .collect()
    }

    /// Builds the result and its `sources` map from the programs' citations.
    pub fn new(as_of: YearMonth, mut programs: Vec<ProgramResult>, disclaimer: Msg) -> Self {
        for p in &mut programs {
            p.materials = crate::materials::materials(p.program, &p.criteria);
        }
        // Sources are statics: dedupe by address (cheap); `Sources` orders them by id when written.
        let mut unique: Vec<&'static Source> = Vec::new();
        for p in &programs {
            let from_criteria = p.criteria.iter().map(|c| c.citation);
            let from_amounts = p.amounts.iter().flat_map(|a| a.used.iter().map(|d| &d.cite));
            for cite in from_criteria.chain(from_amounts) {
                if !unique.iter().any(|s| std::ptr::eq(*s, cite.source)) {
                    unique.push(cite.source);
                }
            }
        }
        Assessment {
            schema_version: SCHEMA_VERSION,
            as_of,
            programs,
            sources: Sources(unique),
            data: vec![],
            disclaimer,
        }
    }
}

/// The documents a result cites, each once, in the order first cited. In JSON an object by id, in id order: the
/// map is made when the result is written, so a front that never writes JSON (the web app) never builds it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sources(pub Vec<&'static Source>);

impl Sources {
    /// The sources in id order.
    pub fn by_id(&self) -> BTreeMap<&'static str, &'static Source> {
        self.0.iter().map(|s| (s.id, *s)).collect()
    }
}

impl Serialize for Sources {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.by_id().serialize(s)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Sources {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <BTreeMap<String, Source> as schemars::JsonSchema>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <BTreeMap<String, Source> as schemars::JsonSchema>::json_schema(generator)
    }
}
