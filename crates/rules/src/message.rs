//! The engine's message catalogue: every reason, status and caveat the engine can give, in zh-CN and English.
//!
//! Results carry a [`Msg`] (a key with typed parameters, serialized as `{"key": …, "params": {…}}`), never text;
//! the text is made here, per language, so the web app, the CLI and the JS API say the same thing.
//! zh-CN sentences follow the plain-language rules: everyday words first, one idea per sentence, Arabic digits.

use serde::Serialize;

use crate::names::{parameter_text, Office};
use crate::report::{Outcome, ProgramId, Status};
use crate::time::YearMonth;

/// Display language. Chinese is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Accepts BCP 47 tags as browsers and users write them: `zh`, `zh-CN`, `zh-Hans`, `en`, `en-US`, …
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::ZhCn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// A reason or note, with its parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "key", content = "params", rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Msg {
    HukouElsewhere,
    HukouHere,
    HukouUnknown,
    #[serde(rename_all = "camelCase")]
    ResidedEnough {
        months: u32,
        required: i64,
    },
    #[serde(rename_all = "camelCase")]
    ResidedShort {
        months: u32,
        required: i64,
        remaining: i64,
        met_from: YearMonth,
    },
    #[serde(rename_all = "camelCase")]
    ResidedUnknown {
        required: i64,
    },
    #[serde(rename_all = "camelCase")]
    StableBasisMet {
        job: bool,
        home: bool,
        study: bool,
    },
    StableBasisNone,
    StableBasisUnknown,
    /// The policy data has no value in force at this month.
    #[serde(rename_all = "camelCase")]
    NoRuleInForce {
        parameter: &'static str,
        at: YearMonth,
    },
    NotModelledLocalProofs,
    NotModelledEndorsement,
    /// A permit is held: continuous months since issue or the last late endorsement.
    #[serde(rename_all = "camelCase")]
    PermitContinuous {
        months: i64,
        since: YearMonth,
    },
    Disclaimer,

    // ---- employee pension
    #[serde(rename_all = "camelCase")]
    RetirementAgeReached {
        age_months: i32,
        month: YearMonth,
    },
    #[serde(rename_all = "camelCase")]
    RetirementAgeAhead {
        age_months: i32,
        month: YearMonth,
    },
    RetirementAgeUnknown,
    #[serde(rename_all = "camelCase")]
    ContributionsEnough {
        months: i64,
        required: i64,
    },
    #[serde(rename_all = "camelCase")]
    ContributionsShort {
        months: i64,
        required: i64,
        remaining: i64,
    },
    #[serde(rename_all = "camelCase")]
    ContributionsShortContinuing {
        months: i64,
        required: i64,
        remaining: i64,
        met_from: YearMonth,
    },
    ContributionsUnknown,
    /// Flexibly employed women: most places use the original-55 category.
    FemaleFlexibleCaveat,
    /// The elastic window (Measures Art. 3), with its months where the statutory month is known.
    #[serde(rename_all = "camelCase")]
    ElasticWindow {
        months: i32,
        #[serde(skip_serializing_if = "Option::is_none")]
        earliest: Option<YearMonth>,
        #[serde(skip_serializing_if = "Option::is_none")]
        latest: Option<YearMonth>,
    },
    /// The retirement month the adult chose (elastic, or a special early kind), used in place of the statutory one.
    #[serde(rename_all = "camelCase")]
    RetirementPlanned {
        kind: PlanKind,
        age_months: i32,
        month: YearMonth,
        statutory_month: YearMonth,
    },
    /// A special early retirement without its month: the month, and so the pension, is not known.
    SpecialEarlyMonthUnknown,
    /// Whether a special early-retirement kind applies is for the social insurance agency to decide.
    SpecialEarlyAgencyDecides,
    /// The chosen retirement month cannot be used; the statutory month is used instead.
    #[serde(rename_all = "camelCase")]
    PlanRefused {
        month: YearMonth,
        reason: PlanRefusal,
    },
    #[serde(rename_all = "camelCase")]
    ReceiptPlace {
        place: String,
        rule: ReceiptRule,
    },
    #[serde(rename_all = "camelCase")]
    NoLocalData {
        place: Option<String>,
        parameter: &'static str,
    },
    /// A local number our data lacks was the family's own (`localNumbers`): used, and said to be theirs.
    #[serde(rename_all = "camelCase")]
    SuppliedNumber {
        parameter: &'static str,
        value: i64,
        unit: crate::policy::Unit,
        source: Option<crate::household::NumberSource>,
        note: Option<String>,
    },
    /// The family gave a local number our data has: the data's number was used.
    #[serde(rename_all = "camelCase")]
    SuppliedNotUsed {
        parameter: &'static str,
    },
    BasicBasis,
    #[serde(rename_all = "camelCase")]
    AccountBasis {
        rate_bp: Option<i64>,
        with_contributions: bool,
    },
    TotalBasis,
    #[serde(rename_all = "camelCase")]
    ExtendContributions {
        remaining: i64,
    },
    /// 人社部令第13号 Art. 2: first insured before `before` (2011-07) and still `months` short after `extension`
    /// months (five years) of extension, the rest may be paid at once.
    #[serde(rename_all = "camelCase")]
    LumpSumAfterExtension {
        months: i64,
        extension: i64,
    },
    /// The same, when the month first insured is not known: open only if it was before `before`.
    #[serde(rename_all = "camelCase")]
    LumpSumIfInsuredBefore2011 {
        months: i64,
        extension: i64,
        before: YearMonth,
    },
    /// First insured from `before` (2011-07) on: 13号 gives no lump sum; whether the 2025 Measures' 一次性缴费 does is
    /// unconfirmed.
    #[serde(rename_all = "camelCase")]
    LumpSumNotOpen {
        before: YearMonth,
    },
    /// 13号 Art. 3 ¶2: end the employee scheme in writing and take the personal-account balance at once.
    #[serde(rename_all = "camelCase")]
    TerminateForBalance {
        balance_fen: Option<i64>,
    },
    /// Move the employee record into the residents' scheme at the hukou place (13号 Art. 3 ¶1, 2014 linkage rules),
    /// the years adding up; measured against the residents' scheme's own minimum where it is known.
    #[serde(rename_all = "camelCase")]
    LinkIntoResident {
        combined_months: i64,
        resident_required: Option<i64>,
    },
    /// The same option when the months paid into both schemes are not known: the total lies between the two.
    #[serde(rename_all = "camelCase")]
    LinkIntoResidentOverlapUnknown {
        least_months: i64,
        most_months: i64,
        resident_required: Option<i64>,
    },
    /// Enough employee years: the resident account may move into the employee scheme; months paid into both
    /// count once, as employee months, and one's own resident contributions for them are refunded (Art. 7).
    #[serde(rename_all = "camelCase")]
    LinkIntoEmployee {
        overlap_months: Option<u32>,
    },
    NotModelledTransitional,
    NotModelledBaseGrowth,
    NotModelledTemporaryAccount,

    // ---- resident pension
    #[serde(rename_all = "camelCase")]
    ResidentAgeReached {
        month: YearMonth,
    },
    #[serde(rename_all = "camelCase")]
    ResidentAgeAhead {
        month: YearMonth,
    },
    ResidentAgeUnknown,
    #[serde(rename_all = "camelCase")]
    ResidentYearsEnough {
        months: i64,
        required: i64,
    },
    #[serde(rename_all = "camelCase")]
    ResidentYearsShort {
        months: i64,
        required: i64,
        remaining: i64,
        /// The month they are met by paying on every year, when the family says it keeps paying.
        #[serde(skip_serializing_if = "Option::is_none")]
        met_from: Option<YearMonth>,
    },
    ResidentYearsUnknown,
    NoOtherPension,
    HasOtherPension,
    OtherPensionUnknown,
    ResidentBasicBasis,
    /// Without the hukou place, the national minimum: the place's own level is often higher.
    ResidentBasicNationalMinimum,
    /// The hukou place is known but its own level is not in our data: the national minimum, a floor.
    ResidentBasicNoLocal,
    ResidentAccountBasis,
    ResidentAddonBasis,
    /// No add-on rule was found for the hukou place; none is counted.
    ResidentAddonNotFound,
    #[serde(rename_all = "camelCase")]
    KeepPayingResident {
        remaining: i64,
    },
    NotModelledResidentTiers,

    // ---- hukou transfer
    HukouAlreadyHere,
    HukouCouldMove,
    #[serde(rename_all = "camelCase")]
    ResidenceForHukou {
        has: Option<bool>,
    },
    #[serde(rename_all = "camelCase")]
    EmploymentForHukou {
        has: Option<bool>,
    },
    #[serde(rename_all = "camelCase")]
    InsuranceForHukou {
        months: Option<i64>,
        required: i64,
    },
    SmallCityRule,
    LargeCityRule,
    PointsSystem,
    CitySizeUnknown,

    // ---- housing and schooling
    NotRequiredHere,
    #[serde(rename_all = "camelCase")]
    OwnsHome {
        owns: Option<bool>,
    },
    /// The relatives' clause: the applicant's parents have a home here; `weighed`: the office judges whether a
    /// relative can help (梁平), rather than the clause ruling it out (怀宁).
    #[serde(rename_all = "camelCase")]
    ParentsHome {
        weighed: bool,
    },
    /// The rental subsidy follows the county's 公租房 conditions, whose answer this is.
    #[serde(rename_all = "camelCase")]
    SubsidyFollowsPublicRental {
        status: Status,
    },
    /// The county pays a rental subsidy at this rate per m² per month.
    #[serde(rename_all = "camelCase")]
    LocalSubsidy {
        rate_fen: i64,
    },
    /// The monthly subsidy: the rate on the area per person times the household's size, within the cap; unknown
    /// parts are `None`.
    #[serde(rename_all = "camelCase")]
    SubsidyAmount {
        rate_fen: i64,
        per_person_m2: Option<i64>,
        size: Option<i64>,
        cap_m2: Option<i64>,
        area_m2: Option<i64>,
    },
    /// The relatives' clause where the family has no home here and it is not known whether the parents do.
    #[serde(rename_all = "camelCase")]
    ParentsHomeUnknown {
        weighed: bool,
    },
    #[serde(rename_all = "camelCase")]
    AreaBelowLine {
        area_m2: Option<u32>,
        line_m2: i64,
    },
    #[serde(rename_all = "camelCase")]
    IncomeBelowLine {
        income_fen: i64,
        line_fen: i64,
    },
    #[serde(rename_all = "camelCase")]
    IncomeSelfAssessed {
        below: Option<bool>,
    },
    LocalHukouNoWorkTest,
    #[serde(rename_all = "camelCase")]
    OutsideWorkerTest {
        si_months: Option<i64>,
        si_required: i64,
        contract_months: Option<i64>,
        contract_required: i64,
    },
    /// The new-graduate path of a county's 公租房 rule: months since graduating (unknown: `None`) against the months
    /// allowed, and the path's insurance and contract; `outside_short`: the outside workers' test is not met.
    #[serde(rename_all = "camelCase")]
    GraduateTest {
        since: Option<i64>,
        allowed: i64,
        si_months: Option<i64>,
        si_required: i64,
        contract_months: Option<i64>,
        contract_required: i64,
        outside_short: bool,
    },
    SupplyMayNotExist,
    #[serde(rename_all = "camelCase")]
    FundDepositing {
        depositing: Option<bool>,
    },
    #[serde(rename_all = "camelCase")]
    RentingNoHome {
        renting: Option<bool>,
        owns: Option<bool>,
    },
    #[serde(rename_all = "camelCase")]
    RentShare {
        rent_fen: Option<i64>,
        income_fen: Option<i64>,
        share_bp: i64,
    },
    #[serde(rename_all = "camelCase")]
    SchoolAge {
        entry_year: i32,
        ok: Option<bool>,
    },
    #[serde(rename_all = "camelCase")]
    MonthsAtCutoff {
        measure: Measure,
        months: Option<i64>,
        required: i64,
        cutoff: YearMonth,
    },
    #[serde(rename_all = "camelCase")]
    HousingProof {
        has: Option<bool>,
    },
    #[serde(rename_all = "camelCase")]
    XuejiYears {
        years: Option<u32>,
        required: i64,
    },
    #[serde(rename_all = "camelCase")]
    ZhongkaoHere {
        took: Option<bool>,
    },
    /// A parent's work at the cut-off: insurance months (continuous or cumulative), a labour contract where asked
    /// for, or a business licence where the place names it as an alternative.
    WorkAtCutoff(WorkFacts),
    /// The place's rules for this ended (the last month they were known to be in force): the answer is unknown,
    /// not judged by expired rules.
    #[serde(rename_all = "camelCase")]
    LocalRulesEnded {
        place: Option<String>,
        parameter: &'static str,
        until: YearMonth,
    },
    /// The place's rule names this requirement but no number (衡东's "stable employment in the county town"): the
    /// answer is unknown, and the office that applies the rule decides.
    #[serde(rename_all = "camelCase")]
    LocalNumberUnstated {
        place: String,
        parameter: &'static str,
    },
    /// The year the child sits the exam cannot be told (no birth month, and a stage other than the exam's own).
    ExamYearUnknown,
    /// The child will have the 学籍 years the rule counts by staying in school here.
    #[serde(rename_all = "camelCase")]
    XuejiByStaying {
        years: i64,
        required: i64,
        met_from: YearMonth,
    },
    /// Even staying, the child cannot have the 学籍 years by that year's exam.
    #[serde(rename_all = "camelCase")]
    XuejiShortByExam {
        years: i64,
        at_exam: i64,
        required: i64,
        exam_year: i32,
    },
    /// The child will sit the 中考 here in `month` by staying in school here.
    #[serde(rename_all = "camelCase")]
    ZhongkaoByStaying {
        month: YearMonth,
    },
    /// The child's hukou is here: a school near home is guaranteed at the hukou place, by school zone.
    LocalHukouZoned,
    /// The child's hukou is here and the place has its own rules for local children that we do not have.
    LocalTrackNotModelled,
    /// Whether the child's hukou is here is not known; the answer depends on it.
    ChildHukouUnknown,
    /// The child's hukou is in the province (or city) whose rules these are: the conditions for children from
    /// elsewhere do not apply.
    LocalHukouExam,
    NotModelledAssets,
    NotModelledWaitingList,
    NotModelledGraduatePath,
    NotModelledLocalProcedure,
    /// For a child not yet in senior high: this is the college entrance exam after senior high, to plan for now.
    GaokaoAhead,
    /// 中考 rules' details not modelled (e.g. which grade's 学籍 must be in this city).
    NotModelledZhongkaoDetail,
    NotModelledLocalRules,
    NotModelledSubsidyTerms,
    /// A worker with a rural hukou of this county: the local rule does not say whether they are "outside workers".
    OwnCountyRuralUnclear,
}

/// What a months-at-the-cut-off test counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Measure {
    /// A parent's continuous residence-permit months.
    Permit,
    /// Months the family has lived here.
    Residence,
    /// A parent's continuous social-insurance months here (or months of a business licence).
    Insurance,
}

/// What a parent's work test asked for and found, counted to the cut-off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WorkFacts {
    pub si_months: Option<i64>,
    pub si_required: i64,
    pub continuous: bool,
    pub contract_months: Option<u32>,
    /// Whether the parent has a labour contract at all, where the kind of work says so.
    pub has_contract: Option<bool>,
    pub contract_required: i64,
    pub licence_months: Option<i64>,
    pub licence_required: i64,
    pub cutoff: YearMonth,
}

/// Whether `least..=most` combined months meet the residents' scheme's minimum, in words.
fn resident_enough(lang: Lang, least: i64, most: i64, required: Option<i64>) -> String {
    use Lang::{En, ZhCn};
    let Some(r) = required else {
        return match lang {
            ZhCn => "够不够居民养老保险的年限，请问社保。".into(),
            En => "Ask whether that meets the residents' scheme.".into(),
        };
    };
    let (need, short) = (duration_text(lang, r), duration_text(lang, r - most));
    match lang {
        ZhCn if least >= r => format!("够居民养老保险的{need}。"),
        ZhCn if most < r => format!("居民养老保险要{need}，还差{short}。"),
        ZhCn => format!("够不够居民的{need}看重叠月数。"),
        En if least >= r => format!("That meets the residents' {need}."),
        En if most < r => format!("The residents' scheme needs {need}: {short} short."),
        En => format!("The residents' {need}: depends on the overlap."),
    }
}

/// How a chosen retirement month departs from the statutory one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum PlanKind {
    /// Elastic early retirement (Measures Art. 3): with the minimum years, up to three years early.
    Early,
    /// Elastic late retirement (Measures Art. 3): with the employer's agreement, up to three years late.
    Late,
    /// A special early-retirement kind (特殊工种, illness and the like), at the month given.
    SpecialEarly,
}

/// Why a chosen retirement month cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "why")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum PlanRefusal {
    /// No elastic retirement is in force then (before the 2025 reform).
    NoElastic,
    /// Earlier than the earliest elastic month.
    #[serde(rename_all = "camelCase")]
    BeforeEarliest { earliest: YearMonth },
    /// Later than the latest elastic month.
    #[serde(rename_all = "camelCase")]
    AfterLatest { latest: YearMonth },
    /// Early retirement needs the minimum years by then, and they would not be there.
    #[serde(rename_all = "camelCase")]
    YearsShort { months: i64, required: i64 },
    /// Early retirement needs the minimum years by then, and whether they would be there is not known.
    YearsUnknown,
}

/// Which clause of 国办发〔2009〕66号 Art. 5 decided the place of receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ReceiptRule {
    /// The current insured place is the hukou place.
    HukouIsCurrent,
    /// Ten years or more in the current place.
    TenYearsHere,
    /// Ten years or more in an earlier place (the most recent such place).
    TenYearsEarlier,
    /// No place with ten years: back to the hukou place.
    BackToHukou,
}

/// The work test in words: what the place asks for and what the parent has, at the cut-off.
fn work_text(lang: Lang, work: &WorkFacts) -> String {
    let WorkFacts {
        si_months,
        si_required,
        continuous,
        contract_months,
        has_contract,
        contract_required,
        licence_months,
        licence_required,
        cutoff,
    } = *work;
    let zh = lang == Lang::ZhCn;
    let mut asks = Vec::new();
    if contract_required > 1 {
        asks.push(if zh {
            format!("劳动合同满{}", duration_text(lang, contract_required))
        } else {
            format!("a labour contract of {}", duration_text(lang, contract_required))
        });
    } else if contract_required == 1 {
        asks.push(if zh { "劳动合同".to_string() } else { "a labour contract".to_string() });
    }
    if si_required > 0 {
        let kind = match (continuous, zh) {
            (true, true) => "连续",
            (false, true) => "累计",
            (true, false) => "continuous",
            (false, false) => "cumulative",
        };
        asks.push(if zh {
            format!("社保{kind}满{}", duration_text(lang, si_required))
        } else {
            format!("{} of {kind} social insurance", duration_text(lang, si_required))
        });
    }
    let mut ask = asks.join(if zh { "、" } else { " and " });
    if licence_required > 0 {
        let held = if licence_required > 1 {
            duration_text(lang, licence_required)
        } else if zh {
            "有效".to_string()
        } else {
            "valid".to_string()
        };
        ask = if zh {
            format!("{ask}，或营业执照{}{held}", if licence_required > 1 { "满" } else { "" })
        } else if licence_required > 1 {
            format!("{ask}, or a business licence held {held}")
        } else {
            format!("{ask}, or a valid business licence")
        };
    }
    let mut have = Vec::new();
    if si_required > 0 {
        have.push(match (si_months, zh) {
            (Some(m), true) => format!("社保{}", duration_text(lang, m)),
            (None, true) => "社保多久还不知道".to_string(),
            (Some(m), false) => format!("{} of insurance", duration_text(lang, m)),
            (None, false) => "insurance months unknown".to_string(),
        });
    }
    if contract_required > 0 {
        have.push(match (contract_months, has_contract, zh) {
            (Some(m), _, true) => format!("合同{}", duration_text(lang, i64::from(m))),
            (None, Some(false), true) => "没有劳动合同".to_string(),
            (None, _, true) => "合同情况还不知道".to_string(),
            (Some(m), _, false) => format!("a contract of {}", duration_text(lang, i64::from(m))),
            (None, Some(false), false) => "no labour contract".to_string(),
            (None, _, false) => "contract unknown".to_string(),
        });
    }
    if licence_required > 0 {
        if let Some(m) = licence_months {
            have.push(if zh {
                format!("营业执照{}", duration_text(lang, m))
            } else {
                format!("a licence held {}", duration_text(lang, m))
            });
        }
    }
    // What the parent has, counted up to the cut-off (insurance grows to it while paying).
    match (zh, have.is_empty()) {
        (true, true) => format!("到{}，要求{ask}。", month_text(lang, cutoff)),
        (true, false) => format!("到{}，要求{ask}；算到那时：{}。", month_text(lang, cutoff), have.join("、")),
        (false, true) => format!("By {}, the place asks for {ask}.", month_text(lang, cutoff)),
        (false, false) => {
            format!("By {}, the place asks for {ask}; counted to then: {}.", month_text(lang, cutoff), have.join(", "))
        }
    }
}

/// How a rental subsidy is counted: the rate on the area (per person × people, within the cap), or, where the area
/// per person or the household's size is not known, the most it can be.
fn subsidy_text(
    lang: Lang,
    rate_fen: i64,
    (per_person, size): (Option<i64>, Option<i64>),
    cap: Option<i64>,
    area: Option<i64>,
) -> String {
    let zh = lang == Lang::ZhCn;
    let rate = yuan_text(rate_fen);
    let most = cap.map(|c| yuan_text(rate_fen.saturating_mul(c)));
    match (area, per_person, size, cap, most) {
        (Some(area), Some(p), Some(n), ..) if zh => format!("每平方米每月{rate}元，每人{p}平方米、{n}口人，补贴{area}平方米。"),
        (Some(area), Some(p), Some(n), ..) => {
            format!("¥{rate} per m² a month on {p} m² a person for {}: {area} m².", count_text(n, "person", "people"))
        }
        (_, None, _, Some(cap), Some(most)) if zh => format!(
            "每平方米每月{rate}元，最多补贴{cap}平方米（每月最多{most}元）；每人补多少平方米，当地规定没写，请问住房保障部门。"
        ),
        (_, None, _, Some(cap), Some(most)) => format!(
            "¥{rate} per m² a month on at most {cap} m² (at most ¥{most} a month); the rule does not say the area per person: ask the housing security office."
        ),
        (_, None, ..) if zh => format!("每平方米每月{rate}元；每人补多少平方米，当地规定没写，请问住房保障部门。"),
        (_, None, ..) => {
            format!("¥{rate} per m² a month; the rule does not say the area per person: ask the housing security office.")
        }
        _ if zh => format!("每平方米每月{rate}元，按家里几口人算，还要知道家里有几口人。"),
        _ => format!("¥{rate} per m² a month, counted on the household's size, which is not known yet."),
    }
}

/// A duration in months as people say it: 15年, 15年6个月, 8个月 / 15 years, 1 year 6 months, 1 month.
pub fn duration_text(lang: Lang, months: i64) -> String {
    let (y, m) = (months.div_euclid(12), months.rem_euclid(12));
    match (lang, y, m) {
        (Lang::ZhCn, 0, m) => format!("{m}个月"),
        (Lang::ZhCn, y, 0) => format!("{y}年"),
        (Lang::ZhCn, y, m) => format!("{y}年{m}个月"),
        (Lang::En, 0, m) => count_text(m, "month", "months"),
        (Lang::En, y, 0) => count_text(y, "year", "years"),
        (Lang::En, y, m) => format!("{} {}", count_text(y, "year", "years"), count_text(m, "month", "months")),
    }
}

/// A count with its noun, singular for exactly one: "1 month", "2 months", "0 months".
pub fn count_text(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A whole number of months or years as people say it: 6个月 / 6 months, 3年 / 3 years, 1 year.
pub fn months_text(lang: Lang, months: i64) -> String {
    match lang {
        Lang::ZhCn => format!("{months}个月"),
        Lang::En => count_text(months, "month", "months"),
    }
}

/// Whole years: 3年 / 3 years, 1 year.
pub fn years_text(lang: Lang, years: i64) -> String {
    match lang {
        Lang::ZhCn => format!("{years}年"),
        Lang::En => count_text(years, "year", "years"),
    }
}

/// An age in months: 60岁, 60岁1个月 / 60, 60 years 1 month.
pub fn age_text(lang: Lang, months: i32) -> String {
    let (y, m) = (months.div_euclid(12), months.rem_euclid(12));
    match (lang, m) {
        (Lang::ZhCn, 0) => format!("{y}岁"),
        (Lang::ZhCn, m) => format!("{y}岁{m}个月"),
        (Lang::En, 0) => format!("{y}"),
        (Lang::En, m) => {
            format!("{} {}", count_text(i64::from(y), "year", "years"), count_text(i64::from(m), "month", "months"))
        }
    }
}

/// Fen as yuan with two decimals and thousands separators: 3,253.23.
pub fn yuan_text(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    let whole = (fen / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{:02}", fen % 100)
}

/// A place's name in `lang`. A place id without a policy layer is never shown as the id: it reads as "this place
/// in" its nearest ancestor that has one (广东省的这个地方 / this place in Guangdong), or as "this place"
/// (这个地方) when no part of it is known.
pub fn place_text(lang: Lang, id: &str) -> String {
    let name = |p: &crate::policy::Place| match lang {
        Lang::ZhCn => p.name,
        Lang::En => p.name_en.unwrap_or(p.name),
    };
    let place = crate::place::PlaceId::parse(id);
    if let Some(p) = place.as_ref().and_then(|p| p.layer()) {
        return name(p).to_string();
    }
    if let Some(p) = place.as_ref().and_then(|p| p.ancestors().find_map(|a| a.layer())) {
        return match lang {
            Lang::ZhCn => format!("{}的这个地方", name(p)),
            Lang::En => format!("this place in {}", name(p)),
        };
    }
    match lang {
        Lang::ZhCn => "这个地方".into(),
        Lang::En => "this place".into(),
    }
}

/// The office to ask about a parameter: the one that decides its program.
fn office_for(parameter: &str, lang: Lang) -> &'static str {
    Office::of_parameter(parameter)
        .map_or(if lang == Lang::ZhCn { "当地主管部门" } else { "the local authorities" }, |o| o.text(lang))
}

/// A year-month as users read it: 2027年1月 in Chinese, Jan 2027 in English.
pub fn month_text(lang: Lang, ym: YearMonth) -> String {
    match lang {
        Lang::ZhCn => format!("{}年{}月", ym.year(), ym.month()),
        Lang::En => {
            const MONTHS: [&str; 12] =
                ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            let name = (ym.month() as usize).checked_sub(1).and_then(|i| MONTHS.get(i)).copied().unwrap_or("?");
            format!("{name} {}", ym.year())
        }
    }
}

/// What every result says: an estimate, not an official decision ([`Msg::Disclaimer`]; the page shows it with
/// its summary without the rest of the messages' texts).
pub fn disclaimer(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "测算结果仅供参考，不是官方认定。以当地主管部门审核为准。",
        Lang::En => "This is an estimate, not an official decision. The local authorities decide.",
    }
}

impl Msg {
    /// The sentence for this message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, ZhCn};
        match (self, lang) {
            (Msg::HukouElsewhere, ZhCn) => "户口不在现在住的城市，算离开了户口所在地。".into(),
            (Msg::HukouElsewhere, En) => "Your hukou is registered elsewhere, so you have left your hukou place.".into(),
            (Msg::HukouHere, ZhCn) => "户口就在现在住的城市，不用办居住证。".into(),
            (Msg::HukouHere, En) => {
                "Your hukou is in the city where you live, so you do not need a residence permit.".into()
            }
            (Msg::HukouUnknown, ZhCn) => "还不知道户口在不在现在住的城市。".into(),
            (Msg::HukouUnknown, En) => "We don't know yet whether your hukou is in this city.".into(),
            (Msg::ResidedEnough { months, required }, ZhCn) => {
                format!("在这里住了{months}个月，满了{required}个月。")
            }
            (Msg::ResidedEnough { months, required }, En) => {
                format!(
                    "You have lived here {}; the minimum is {}.",
                    months_text(En, i64::from(*months)),
                    months_text(En, *required)
                )
            }
            (Msg::ResidedShort { months, required, remaining, met_from }, ZhCn) => format!(
                "在这里住了{months}个月，要满{required}个月，还差{remaining}个月。一直住下去，{}就满了。",
                month_text(ZhCn, *met_from)
            ),
            (Msg::ResidedShort { months, required, remaining, met_from }, En) => format!(
                "You have lived here {}; the minimum is {}, {} to go. If you stay, you reach it in {}.",
                months_text(En, i64::from(*months)),
                months_text(En, *required),
                months_text(En, *remaining),
                month_text(En, *met_from)
            ),
            (Msg::ResidedUnknown { required }, ZhCn) => {
                format!("还不知道在这里住了几个月。要满{required}个月。")
            }
            (Msg::ResidedUnknown { required }, En) => {
                format!("We don't know yet how long you have lived here; the minimum is {}.", months_text(En, *required))
            }
            (Msg::StableBasisMet { job, home, study }, lang) => {
                let names: [(&bool, &str, &str); 3] = [
                    (job, "稳定工作（合法稳定就业）", "a stable job"),
                    (home, "稳定住处（合法稳定住所）", "a stable home"),
                    (study, "在这里连续上学（连续就读）", "continuous study here"),
                ];
                let have: Vec<&str> = names
                    .iter()
                    .filter(|(has, _, _)| **has)
                    .map(|(_, zh, en)| if lang == ZhCn { *zh } else { *en })
                    .collect();
                match lang {
                    ZhCn => format!("有{}，三项有一项就够了。", have.join("、")),
                    En => format!("You have {}; one of the three is enough.", have.join(", ")),
                }
            }
            (Msg::StableBasisNone, ZhCn) => "稳定工作、稳定住处、在这里连续上学，三项一项也没有。".into(),
            (Msg::StableBasisNone, En) => {
                "You have none of a stable job, a stable home or continuous study here.".into()
            }
            (Msg::StableBasisUnknown, ZhCn) => {
                "还不知道有没有稳定工作、稳定住处，或在这里连续上学。三项有一项就够了。".into()
            }
            (Msg::StableBasisUnknown, En) => {
                "We don't know yet whether you have a stable job, a stable home or continuous study here; one is enough."
                    .into()
            }
            (Msg::NoRuleInForce { parameter, at }, ZhCn) => format!(
                "{}没有施行中的规定：{}。没法判断，请问{}。",
                month_text(ZhCn, *at),
                parameter_text(parameter, ZhCn),
                office_for(parameter, ZhCn)
            ),
            (Msg::NoRuleInForce { parameter, at }, En) => format!(
                "No rule is in force in {} for {}, so this cannot be decided; ask {}.",
                month_text(En, *at),
                parameter_text(parameter, En),
                office_for(parameter, En)
            ),
            (Msg::NotModelledLocalProofs, ZhCn) => {
                "各地对“稳定工作”“稳定住处”要哪些证明，有自己的规定。这里没有细算，请问当地公安机关。".into()
            }
            (Msg::NotModelledLocalProofs, En) => {
                "Each city sets which papers prove a stable job or home; that is not checked here. Ask the local public security bureau (police)."
                    .into()
            }
            (Msg::PermitContinuous { months, since }, ZhCn) => format!(
                "已经有居住证，从{}起连续{}。办学、住房等常按连续年限算。",
                month_text(ZhCn, *since),
                duration_text(ZhCn, *months)
            ),
            (Msg::PermitContinuous { months, since }, En) => format!(
                "You hold a permit, continuous for {} since {}; schools and housing often count these years.",
                duration_text(En, *months),
                month_text(En, *since)
            ),
            (Msg::NotModelledEndorsement, ZhCn) => {
                "居住证每年要签注。晚签注的，连续居住年限从补签注那天重新算。这里只看能不能申领。".into()
            }
            (Msg::NotModelledEndorsement, En) => {
                "A permit must be endorsed every year; after a late endorsement, continuous years restart. Only applying is checked here."
                    .into()
            }
            (Msg::Disclaimer, lang) => disclaimer(lang).into(),
            (Msg::RetirementAgeReached { age_months, month }, ZhCn) => {
                format!("法定退休年龄是{}，{}已经到了。", age_text(ZhCn, *age_months), month_text(ZhCn, *month))
            }
            (Msg::RetirementAgeReached { age_months, month }, En) => format!(
                "Your statutory retirement age is {}, reached in {}.",
                age_text(En, *age_months),
                month_text(En, *month)
            ),
            (Msg::RetirementAgeAhead { age_months, month }, ZhCn) => {
                format!("法定退休年龄是{}，要到{}。", age_text(ZhCn, *age_months), month_text(ZhCn, *month))
            }
            (Msg::RetirementAgeAhead { age_months, month }, En) => format!(
                "Your statutory retirement age is {}, reached in {}.",
                age_text(En, *age_months),
                month_text(En, *month)
            ),
            (Msg::RetirementAgeUnknown, ZhCn) => "要知道出生年月和性别，才能算退休年龄。女性还要知道原来按50岁还是55岁退休。".into(),
            (Msg::RetirementAgeUnknown, En) => {
                "Birth month and sex (for women, the original retirement category) are needed for the retirement age."
                    .into()
            }
            (Msg::ContributionsEnough { months, required }, ZhCn) => format!(
                "职工养老保险交了{}，满了{}。",
                duration_text(ZhCn, *months),
                duration_text(ZhCn, *required)
            ),
            (Msg::ContributionsEnough { months, required }, En) => format!(
                "You have {} of employee-scheme contributions; {} needed.",
                duration_text(En, *months),
                duration_text(En, *required)
            ),
            (Msg::ContributionsShort { months, required, remaining }, ZhCn) => format!(
                "职工养老保险交了{}，要满{}，还差{}。",
                duration_text(ZhCn, *months),
                duration_text(ZhCn, *required),
                duration_text(ZhCn, *remaining)
            ),
            (Msg::ContributionsShort { months, required, remaining }, En) => format!(
                "You have {} of contributions; {} needed, {} short.",
                duration_text(En, *months),
                duration_text(En, *required),
                duration_text(En, *remaining)
            ),
            (Msg::ContributionsShortContinuing { months, required, remaining, met_from }, ZhCn) => format!(
                "职工养老保险交了{}，要满{}，还差{}。一直交下去，{}交满。",
                duration_text(ZhCn, *months),
                duration_text(ZhCn, *required),
                duration_text(ZhCn, *remaining),
                month_text(ZhCn, *met_from)
            ),
            (Msg::ContributionsShortContinuing { months, required, remaining, met_from }, En) => format!(
                "You have {} of contributions; {} needed, {} short. If you keep paying, you reach it in {}.",
                duration_text(En, *months),
                duration_text(En, *required),
                duration_text(En, *remaining),
                month_text(En, *met_from)
            ),
            (Msg::ContributionsUnknown, ZhCn) => "还不知道职工养老保险一共交了多久。".into(),
            (Msg::ContributionsUnknown, En) => "We don't know yet how long you have paid into the employee scheme.".into(),
            (Msg::FemaleFlexibleCaveat, ZhCn) => {
                "灵活就业的女性，多数地方按55岁算。各地不完全一样，请问当地社保经办机构。".into()
            }
            (Msg::FemaleFlexibleCaveat, En) => {
                "For flexibly employed women most places use the original-55 category; places differ, so ask the local social insurance agency."
                    .into()
            }
            // The page's lean builds say the window's length only (the months are in the CLI's and the JS API's words).
            #[cfg(not(all(feature = "lean", target_family = "wasm")))]
            (Msg::ElasticWindow { earliest: Some(e), latest: Some(l), .. }, lang) => {
                let (e, l) = (month_text(lang, *e), month_text(lang, *l));
                match lang {
                    ZhCn => format!("交够最低年限的，最早可以{e}提前退休；单位同意的，最晚可以延到{l}。"),
                    En => format!("With the minimum years you may retire from {e}, or, if your employer agrees, as late as {l}."),
                }
            }
            (Msg::ElasticWindow { months, .. }, ZhCn) => {
                format!("交够最低年限后，可以自愿提前退休，最多提前{}。单位同意的，也可以延后，最多{}。", duration_text(ZhCn, i64::from(*months)), duration_text(ZhCn, i64::from(*months)))
            }
            (Msg::ElasticWindow { months, .. }, En) => format!(
                "With the minimum years you may retire up to {} early, or up to {} late if your employer agrees.",
                duration_text(En, i64::from(*months)),
                duration_text(En, i64::from(*months))
            ),
            // The page's lean builds ask no chosen retirement month and no month first insured, so their engine never
            // gives these (`employee_pension::CHOICES`): their words stay out of the page's first load.
            #[cfg(all(feature = "lean", target_family = "wasm"))]
            (
                Msg::RetirementPlanned { .. }
                | Msg::SpecialEarlyMonthUnknown
                | Msg::SpecialEarlyAgencyDecides
                | Msg::PlanRefused { .. }
                | Msg::LumpSumAfterExtension { .. }
                | Msg::LumpSumNotOpen { .. },
                _,
            ) => String::new(),
            #[cfg(not(all(feature = "lean", target_family = "wasm")))]
            (Msg::RetirementPlanned { kind, age_months, month, statutory_month }, lang) => {
                let (age, m, st) = (age_text(lang, *age_months), month_text(lang, *month), month_text(lang, *statutory_month));
                let late = *kind == PlanKind::Late;
                match lang {
                    ZhCn => format!("按你选的{m}退休（{age}），法定退休是{st}。{}", if late { "延后要单位同意。" } else { "" }),
                    En => format!("Retiring in {m} at {age}, as chosen; the statutory month is {st}.{}", if late { " Late retirement needs your employer's agreement." } else { "" }),
                }
            }
            #[cfg(not(all(feature = "lean", target_family = "wasm")))]
            (Msg::SpecialEarlyMonthUnknown, ZhCn) => "特殊工种等提前退休的，要知道哪个月退。".into(),
            #[cfg(not(all(feature = "lean", target_family = "wasm")))]
            (Msg::SpecialEarlyMonthUnknown, En) => "For a special early retirement, give the month.".into(),
            #[cfg(not(all(feature = "lean", target_family = "wasm")))]
            (Msg::SpecialEarlyAgencyDecides, ZhCn) => "能不能按特殊工种等提前退休，由社保经办机构认定。".into(),
            #[cfg(not(all(feature = "lean", target_family = "wasm")))]
            (Msg::SpecialEarlyAgencyDecides, En) => "Whether a special early retirement applies is for the social insurance agency.".into(),
            #[cfg(not(all(feature = "lean", target_family = "wasm")))]
            (Msg::PlanRefused { month, reason }, lang) => {
                let m = month_text(lang, *month);
                let why = match (reason, lang) {
                    (PlanRefusal::NoElastic, ZhCn) => "2025年前没有弹性退休".to_string(),
                    (PlanRefusal::NoElastic, En) => "no elastic retirement before 2025".to_string(),
                    (PlanRefusal::BeforeEarliest { earliest }, ZhCn) => format!("最早{}", month_text(ZhCn, *earliest)),
                    (PlanRefusal::BeforeEarliest { earliest }, En) => format!("the earliest is {}", month_text(En, *earliest)),
                    (PlanRefusal::AfterLatest { latest }, ZhCn) => format!("最晚{}", month_text(ZhCn, *latest)),
                    (PlanRefusal::AfterLatest { latest }, En) => format!("the latest is {}", month_text(En, *latest)),
                    (PlanRefusal::YearsShort { months, required }, _) => {
                        let (r, h) = (duration_text(lang, *required), duration_text(lang, *months));
                        match lang {
                            ZhCn => format!("要先交够{r}，那时只有{h}"),
                            En => format!("it needs {r} paid, and there would be {h}"),
                        }
                    }
                    (PlanRefusal::YearsUnknown, ZhCn) => "不知道那时能不能交够最低年限".to_string(),
                    (PlanRefusal::YearsUnknown, En) => "whether the minimum years would be paid by then is not known".to_string(),
                };
                match lang {
                    ZhCn => format!("{m}退休不行：{why}，按法定退休时间算。"),
                    En => format!("Retiring in {m} is not possible: {why}; the statutory month is used."),
                }
            }
            (Msg::ReceiptPlace { place, rule }, lang) => {
                let p = place_text(lang, place);
                match (rule, lang) {
                    (ReceiptRule::HukouIsCurrent, ZhCn) => format!("养老金在户籍地{p}领：现在参保地就是户籍地。"),
                    (ReceiptRule::TenYearsHere, ZhCn) => format!("养老金在{p}领：在现在参保地交满了10年。"),
                    (ReceiptRule::TenYearsEarlier, ZhCn) => format!("养老金在{p}领：那里是最近一个交满10年的地方。"),
                    (ReceiptRule::BackToHukou, ZhCn) => format!("养老金在户籍地{p}领：没有哪里交满10年，各地年限合起来算。"),
                    (ReceiptRule::HukouIsCurrent, En) => format!("The pension is paid in {p}, your hukou place, where you are insured now."),
                    (ReceiptRule::TenYearsHere, En) => format!("The pension is paid in {p}: ten years or more there."),
                    (ReceiptRule::TenYearsEarlier, En) => format!("The pension is paid in {p}, the latest place with ten years or more."),
                    (ReceiptRule::BackToHukou, En) => format!("The pension is paid in {p}, your hukou place: no place has ten years; all years are added up."),
                }
            }
            (Msg::LocalRulesEnded { place, parameter, until }, ZhCn) => format!(
                "{}的这项规定（{}）我们只收录到{}年，之后的还没有收录，不能拿过期的规定来算。请问{}。",
                place.as_deref().map_or_else(|| "这里".to_string(), |p| place_text(ZhCn, p)),
                parameter_text(parameter, ZhCn),
                until.year(),
                office_for(parameter, ZhCn)
            ),
            (Msg::LocalRulesEnded { place, parameter, until }, En) => format!(
                "The rules we have for {} ({}) end in {}; later ones are not in this tool yet, and expired rules are not used. Ask {}.",
                place.as_deref().map_or_else(|| "this place".to_string(), |p| place_text(En, p)),
                parameter_text(parameter, En),
                until.year(),
                office_for(parameter, En)
            ),
            (Msg::LocalNumberUnstated { place, parameter }, ZhCn) => format!(
                "{}的规定有这一条，但没有写明具体的数：{}。请问{}。",
                place_text(ZhCn, place),
                parameter_text(parameter, ZhCn),
                office_for(parameter, ZhCn)
            ),
            (Msg::LocalNumberUnstated { place, parameter }, En) => format!(
                "The rules of {} have this condition but state no number: {}. Ask {}.",
                place_text(En, place),
                parameter_text(parameter, En),
                office_for(parameter, En)
            ),
            (Msg::SuppliedNumber { parameter, value, unit, source, note }, lang) => {
                let number = match unit {
                    crate::policy::Unit::Fen if lang == ZhCn => format!("{} 元", yuan_text(*value)),
                    crate::policy::Unit::Fen => format!("¥{}", yuan_text(*value)),
                    _ if *parameter == "hukou_transfer.urban_population_10k" && lang == ZhCn => format!("{value}万人"),
                    _ if *parameter == "hukou_transfer.urban_population_10k" => format!("{value}0,000 people"),
                    _ => value.to_string(),
                };
                let from = match (source, lang) {
                    (Some(crate::household::NumberSource::OfficialNotice), ZhCn) => "政府公布的通知",
                    (Some(crate::household::NumberSource::Office), ZhCn) => "经办部门告知",
                    (Some(crate::household::NumberSource::Other), ZhCn) => "其他来源",
                    (None, ZhCn) => "没有说来源",
                    (Some(crate::household::NumberSource::OfficialNotice), En) => "a published government notice",
                    (Some(crate::household::NumberSource::Office), En) => "the office that handles it",
                    (Some(crate::household::NumberSource::Other), En) => "another source",
                    (None, En) => "source not given",
                };
                let note = note.as_deref().map(|n| format!("{}{n}", if lang == ZhCn { "，" } else { ", " })).unwrap_or_default();
                match lang {
                    ZhCn => format!("{}用的是你们提供的数字：{number}（{from}{note}），没有核对过。", parameter_text(parameter, ZhCn)),
                    En => format!("We used your number for {}: {number} ({from}{note}), not checked.", parameter_text(parameter, En)),
                }
            }
            (Msg::SuppliedNotUsed { parameter }, ZhCn) => format!("{}用的是公开数据，不是你们提供的数字。", parameter_text(parameter, ZhCn)),
            (Msg::SuppliedNotUsed { parameter }, En) => format!("We used the published number for {}, not yours.", parameter_text(parameter, En)),
            (Msg::NoLocalData { place, parameter }, ZhCn) => match place {
                Some(p) => format!(
                    "还没有{}的这项当地数据：{}。请问{}。",
                    place_text(ZhCn, p),
                    parameter_text(parameter, ZhCn),
                    office_for(parameter, ZhCn)
                ),
                None => format!("还不知道是哪个地方，查不到这项当地数据：{}。", parameter_text(parameter, ZhCn)),
            },
            (Msg::NoLocalData { place, parameter }, En) => match place {
                Some(p) => format!(
                    "We do not have this local figure for {}: {}. Ask {}.",
                    place_text(En, p),
                    parameter_text(parameter, En),
                    office_for(parameter, En)
                ),
                None => format!("Without knowing the place, this local figure is unknown: {}.", parameter_text(parameter, En)),
            },
            (Msg::BasicBasis, ZhCn) => {
                "基础养老金 = 计发基数 ×（1 + 平均缴费指数）÷ 2 × 缴费年限 × 1%；年限按月数÷12 取两位小数（如 185 个月算 15.42 年）。"
                    .into()
            }
            (Msg::BasicBasis, En) => "Basic pension = benefit base × (1 + average index) ÷ 2 × years × 1 %, the years being months ÷ 12 to two decimals (185 months are 15.42 years).".into(),
            (Msg::AccountBasis { rate_bp, with_contributions }, ZhCn) => {
                let rate = rate_bp.map(|r| format!("按每年{}.{:02}%记息", r / 100, r % 100)).unwrap_or_else(|| "不计利息".into());
                let add = if *with_contributions { "，加上以后每月记入的8%" } else { "" };
                format!("个人账户养老金 = 退休时账户余额 ÷ 计发月数。余额{rate}{add}。")
            }
            (Msg::AccountBasis { rate_bp, with_contributions }, En) => {
                let rate = rate_bp.map(|r| format!("at {}.{:02} % a year", r / 100, r % 100)).unwrap_or_else(|| "without interest".into());
                let add = if *with_contributions { ", plus 8 % of future contributions" } else { "" };
                format!("Account pension = balance at retirement ÷ divisor months; the balance grows {rate}{add}.")
            }
            (Msg::TotalBasis, ZhCn) => "每月合计 = 基础养老金 + 个人账户养老金。".into(),
            (Msg::TotalBasis, En) => "Monthly total = basic pension + account pension.".into(),
            (Msg::ExtendContributions { remaining }, ZhCn) => {
                format!("到了退休年龄还差的，可以接着交（延长缴费），交满再领。还差{}。", duration_text(ZhCn, *remaining))
            }
            (Msg::ExtendContributions { remaining }, En) => format!(
                "After the retirement age you may keep paying until you reach the minimum ({} more).",
                duration_text(En, *remaining)
            ),
            #[cfg(not(all(feature = "lean", target_family = "wasm")))]
            (Msg::LumpSumAfterExtension { months, extension }, lang) => {
                let (m, x) = (duration_text(lang, *months), duration_text(lang, *extension));
                match lang {
                    ZhCn => format!("延长缴费{x}后还差{m}，可以一次性补缴（人社部令第13号；2025年后是否还适用，请问社保）。"),
                    En => format!("After {x} of extension {m} would still be missing, payable at once (Order No. 13; ask whether this holds since 2025)."),
                }
            }
            (Msg::LumpSumIfInsuredBefore2011 { months, extension, before }, lang) => {
                let (m, x, b) = (duration_text(lang, *months), duration_text(lang, *extension), month_text(lang, *before));
                match lang {
                    ZhCn => format!("如果{b}前参保，延长{x}后还差的{m}可以一次性补缴（人社部令第13号）。"),
                    En => format!("If insured before {b}, the {m} missing after {x} of extension may be paid at once (Order No. 13)."),
                }
            }
            #[cfg(not(all(feature = "lean", target_family = "wasm")))]
            (Msg::LumpSumNotOpen { before }, lang) => match lang {
                ZhCn => format!("{}起参保的，不能一次性补缴（人社部令第13号；2025年新办法怎么办，请问社保）。", month_text(lang, *before)),
                En => format!("Insured from {}: no payment at once under Order No. 13 (ask about the 2025 rules).", month_text(lang, *before)),
            },
            (Msg::TerminateForBalance { balance_fen }, ZhCn) => {
                let b = balance_fen.map(|b| format!("（约{} 元）", yuan_text(b))).unwrap_or_default();
                format!("也可以书面申请终止职工养老保险，个人账户的钱{b}一次退给你，不再按月领（人社部令第13号）。")
            }
            (Msg::TerminateForBalance { balance_fen }, En) => {
                let b = balance_fen.map(|b| format!(" (about ¥{})", yuan_text(b))).unwrap_or_default();
                format!("Or end the scheme in writing and take the account balance{b} at once, with no monthly pension (Order No. 13).")
            }
            (Msg::LinkIntoResident { combined_months, resident_required }, lang) => {
                let (c, enough) = (duration_text(lang, *combined_months), resident_enough(lang, *combined_months, *combined_months, *resident_required));
                match lang {
                    ZhCn => format!("也可以把职工养老保险转入户籍地的城乡居民养老保险，年限合起来是{c}。{enough}"),
                    En => format!("Or move the employee record into the residents' scheme at your hukou place; your years then add up to {c}. {enough}"),
                }
            }
            (Msg::LinkIntoResidentOverlapUnknown { least_months, most_months, resident_required }, lang) => {
                let (l, m) = (duration_text(lang, *least_months), duration_text(lang, *most_months));
                let enough = resident_enough(lang, *least_months, *most_months, *resident_required);
                match lang {
                    ZhCn => format!("也可以把职工养老保险转入户籍地的城乡居民养老保险，年限合起来在{l}到{m}之间（重叠月份只算一次，说出重叠几个月就能算准）。{enough}"),
                    En => format!("Or move the employee record into the residents' scheme at your hukou place; your years then add up to {l} to {m} (months in both count once; give the overlap for the exact total). {enough}"),
                }
            }
            (Msg::LinkIntoEmployee { overlap_months }, lang) => {
                let o = overlap_months.filter(|o| *o > 0).map(|o| duration_text(lang, i64::from(o))).unwrap_or_default();
                match lang {
                    ZhCn => format!("居民养老保险的账户可以并入职工养老保险，居民年限不折算；重叠的{o}只算职工的，居民那边自己交的退回。"),
                    En => {
                        let o = if o.is_empty() { o } else { format!(" ({o})") };
                        format!("Your residents' account can be merged into the employee scheme; its years do not count, and for overlapping months{o} your own resident payments are refunded.")
                    }
                }
            }
            (Msg::NotModelledTransitional, ZhCn) => "过渡性养老金和各省的增发部分没有算进去。".into(),
            (Msg::NotModelledTransitional, En) => "Transitional pensions and provincial extras are not included.".into(),
            (Msg::NotModelledBaseGrowth, ZhCn) => "用的是现在的计发基数，退休时的基数会变，金额只是大概。".into(),
            (Msg::NotModelledBaseGrowth, En) => "Today's benefit base is used; the base at retirement will differ.".into(),
            (Msg::NotModelledTemporaryAccount, ZhCn) => "男50岁、女40岁以后跨省参保的临时账户，这里没有单独算。".into(),
            (Msg::NotModelledTemporaryAccount, En) => {
                "Temporary accounts (a cross-province move after 50 for men, 40 for women) are not modelled.".into()
            }
            (Msg::ResidentAgeReached { month }, ZhCn) => format!("{}满了60岁。", month_text(ZhCn, *month)),
            (Msg::ResidentAgeReached { month }, En) => format!("You reached 60 in {}.", month_text(En, *month)),
            (Msg::ResidentAgeAhead { month }, ZhCn) => format!("要到{}才满60岁。", month_text(ZhCn, *month)),
            (Msg::ResidentAgeAhead { month }, En) => format!("You reach 60 in {}.", month_text(En, *month)),
            (Msg::ResidentAgeUnknown, ZhCn) => "还不知道出生年月。".into(),
            (Msg::ResidentAgeUnknown, En) => "We don't know your birth month yet.".into(),
            (Msg::ResidentYearsEnough { months, required }, ZhCn) => format!(
                "居民养老保险交了{}，满了{}。",
                duration_text(ZhCn, *months),
                duration_text(ZhCn, *required)
            ),
            (Msg::ResidentYearsEnough { months, required }, En) => format!(
                "You have {} in the residents' scheme; {} needed.",
                duration_text(En, *months),
                duration_text(En, *required)
            ),
            (Msg::ResidentYearsShort { months, required, remaining, met_from }, ZhCn) => format!(
                "居民养老保险交了{}，要满{}，还差{}。{}",
                duration_text(ZhCn, *months),
                duration_text(ZhCn, *required),
                duration_text(ZhCn, *remaining),
                met_from
                    .filter(|_| crate::programs::SCENARIO_FACTS)
                    .map_or(String::new(), |m| format!("每年接着交，{}交满。", month_text(ZhCn, m)))
            ),
            (Msg::ResidentYearsShort { months, required, remaining, met_from }, En) => format!(
                "You have {} in the residents' scheme; {} needed, {} short.{}",
                duration_text(En, *months),
                duration_text(En, *required),
                duration_text(En, *remaining),
                met_from
                    .filter(|_| crate::programs::SCENARIO_FACTS)
                    .map_or(String::new(), |m| format!(" If you keep paying every year, you reach it in {}.", month_text(En, m)))
            ),
            (Msg::ResidentYearsUnknown, ZhCn) => "还不知道居民养老保险交了几年。".into(),
            (Msg::ResidentYearsUnknown, En) => "We don't know yet how long you have paid into the residents' scheme.".into(),
            (Msg::NoOtherPension, ZhCn) => "没有领别的基本养老金。".into(),
            (Msg::NoOtherPension, En) => "You receive no other basic pension.".into(),
            (Msg::HasOtherPension, ZhCn) => "已经在领别的基本养老金，不能两份都领。".into(),
            (Msg::HasOtherPension, En) => "You already receive another basic pension; both cannot be paid.".into(),
            (Msg::OtherPensionUnknown, ZhCn) => "还不知道有没有在领别的基本养老金。".into(),
            (Msg::OtherPensionUnknown, En) => "We don't know whether you receive another basic pension.".into(),
            (Msg::ResidentBasicNoLocal, ZhCn) => {
                "我们还没有户籍地自己的标准，先按全国最低标准算；当地的标准常常更高，这是最少的数。".into()
            }
            (Msg::ResidentBasicNoLocal, En) => "We do not have the hukou place's own level, so this is the national minimum; the place's level is often higher, so this is the least it would be.".into(),
            (Msg::ResidentBasicNationalMinimum, ZhCn) => {
                "还不知道户口在哪里，先按全国最低标准算；户籍地的标准常常更高，这是最少的数。".into()
            }
            (Msg::ResidentBasicNationalMinimum, En) => "Without the hukou place this is the national minimum; the hukou place's own level is often higher, so this is the least it would be.".into(),
            (Msg::ResidentBasicBasis, ZhCn) => "基础养老金按户籍地现在的标准。".into(),
            (Msg::ResidentBasicBasis, En) => "The basic pension is the hukou place's current level.".into(),
            (Msg::ResidentAccountBasis, ZhCn) => "个人账户养老金 = 账户余额 ÷ 139。".into(),
            (Msg::ResidentAccountBasis, En) => "Account pension = account balance ÷ 139.".into(),
            (Msg::ResidentAddonNotFound, ZhCn) => {
                "没有查到户口所在地对交满15年以后每年加发的规定，这里按不加发算；当地如有加发，以当地为准。".into()
            }
            (Msg::ResidentAddonNotFound, En) => "No local add-on for years beyond 15 was found for the hukou place, so none is counted here; a local add-on, where there is one, comes on top.".into(),
            (Msg::ResidentAddonBasis, ZhCn) => "当地对交满15年以后的每一年，每月另加钱（年限养老金）。".into(),
            (Msg::ResidentAddonBasis, En) => "The place adds an amount per month for each year beyond 15.".into(),
            (Msg::KeepPayingResident { remaining }, ZhCn) => {
                format!("居民养老保险还差{}，可以接着交或按当地规定补交。", duration_text(ZhCn, *remaining))
            }
            (Msg::KeepPayingResident { remaining }, En) => format!(
                "The residents' scheme is {} short; keep paying or pay back years as the place allows.",
                duration_text(En, *remaining)
            ),
            (Msg::NotModelledResidentTiers, ZhCn) => "缴费档次和政府补贴以后记入账户的钱，这里没有算进去。".into(),
            (Msg::NotModelledResidentTiers, En) => "Future contributions by tier and their subsidies are not included.".into(),
            (Msg::HukouAlreadyHere, ZhCn) => "户口已经在这里，不用迁。".into(),
            (Msg::HukouAlreadyHere, En) => "Your hukou is already here.".into(),
            (Msg::HukouCouldMove, ZhCn) => "户口在外地，可以按自己意愿迁到这里。".into(),
            (Msg::HukouCouldMove, En) => "Your hukou is elsewhere; you may choose to move it here.".into(),
            (Msg::ResidenceForHukou { has: Some(true) }, ZhCn) => "有稳定住处（租房也算）。".into(),
            (Msg::ResidenceForHukou { has: Some(true) }, En) => "You have a stable home (renting counts).".into(),
            (Msg::ResidenceForHukou { has: Some(false) }, ZhCn) => "还没有稳定住处。租房合同也算。".into(),
            (Msg::ResidenceForHukou { has: Some(false) }, En) => "You have no stable home yet; a rental contract counts.".into(),
            (Msg::ResidenceForHukou { has: None }, ZhCn) => "还不知道有没有稳定住处（租房也算）。".into(),
            (Msg::ResidenceForHukou { has: None }, En) => "We don't know whether you have a stable home (renting counts).".into(),
            (Msg::EmploymentForHukou { has: Some(true) }, ZhCn) => "有稳定工作。".into(),
            (Msg::EmploymentForHukou { has: Some(true) }, En) => "You have a stable job.".into(),
            (Msg::EmploymentForHukou { has: Some(false) }, ZhCn) => "还没有稳定工作，这里落户要有。".into(),
            (Msg::EmploymentForHukou { has: Some(false) }, En) => "You have no stable job, which this city requires.".into(),
            (Msg::EmploymentForHukou { has: None }, ZhCn) => "还不知道有没有稳定工作。".into(),
            (Msg::EmploymentForHukou { has: None }, En) => "We don't know whether you have a stable job.".into(),
            (Msg::InsuranceForHukou { months: Some(m), required }, ZhCn) => format!(
                "在这里交社保{}，要满{}。",
                duration_text(ZhCn, *m),
                duration_text(ZhCn, *required)
            ),
            (Msg::InsuranceForHukou { months: Some(m), required }, En) => format!(
                "You have {} of social insurance here; {} needed.",
                duration_text(En, *m),
                duration_text(En, *required)
            ),
            (Msg::InsuranceForHukou { months: None, required }, ZhCn) => {
                format!("还不知道在这里交了多久社保。要满{}。", duration_text(ZhCn, *required))
            }
            (Msg::InsuranceForHukou { months: None, required }, En) => {
                format!("We don't know how long you have paid social insurance here; {} needed.", duration_text(En, *required))
            }
            (Msg::SmallCityRule, ZhCn) => "这里是县城或城区人口300万以下的城市：有稳定住处（含租房）就能落户。".into(),
            (Msg::SmallCityRule, En) => {
                "This is a county town or a city under 3 million: a stable home, rental included, is enough to move hukou here."
                    .into()
            }
            (Msg::LargeCityRule, ZhCn) => "这里是城区人口300万到500万的城市：要稳定住处、稳定工作和一定年限的社保。".into(),
            (Msg::LargeCityRule, En) => {
                "This is a city of 3–5 million: a stable home, a stable job and some years of social insurance are needed."
                    .into()
            }
            (Msg::PointsSystem, ZhCn) => "这里是特大城市，按积分落户。这里没有算积分，请问当地公安机关。".into(),
            (Msg::PointsSystem, En) => "This megacity uses a points system, which is not computed here; ask the local public security bureau (police).".into(),
            (Msg::CitySizeUnknown, ZhCn) => "不知道这个城市有多大，落户条件没法判断。".into(),
            (Msg::CitySizeUnknown, En) => "The size of this city is unknown, so its hukou conditions cannot be decided.".into(),
            (Msg::NotRequiredHere, ZhCn) => "当地没有这项要求。".into(),
            (Msg::NotRequiredHere, En) => "The place does not require this.".into(),
            (Msg::OwnsHome { owns: Some(false) }, ZhCn) => "在这里没有房。".into(),
            (Msg::OwnsHome { owns: Some(false) }, En) => "You own no home here.".into(),
            (Msg::OwnsHome { owns: Some(true) }, ZhCn) => "在这里有房，当地规定有房就不能申请。".into(),
            (Msg::OwnsHome { owns: Some(true) }, En) => "You own a home here, which rules this out here.".into(),
            (Msg::OwnsHome { owns: None }, ZhCn) => "还不知道在这里有没有房。".into(),
            (Msg::OwnsHome { owns: None }, En) => "We don't know whether you own a home here.".into(),
            (Msg::ParentsHome { weighed: false }, ZhCn) => "父母在县城有房：当地规定本人和父母都没有房才能申请。".into(),
            (Msg::ParentsHome { weighed: false }, En) => "Your parents own a home in the county town; here you and they must own none.".into(),
            (Msg::ParentsHome { weighed: true }, ZhCn) => "父母在这里有房：能帮助解决住房的不予受理，由住房保障部门判断。".into(),
            (Msg::ParentsHome { weighed: true }, En) => "Your parents own a home here; the office judges whether they can help you with housing, which rules it out.".into(),
            (Msg::SubsidyFollowsPublicRental { status }, ZhCn) => match status {
                Status::Eligible => "符合当地公租房的条件（见“公租房”）。".into(),
                Status::NotEligible | Status::NotYet => "还不符合当地公租房的条件（见“公租房”）。".into(),
                _ => "符合不符合当地公租房的条件还不确定（见“公租房”）。".into(),
            },
            (Msg::SubsidyFollowsPublicRental { status }, En) => match status {
                Status::Eligible => "You meet the county's public rental conditions (see Public rental housing).".into(),
                Status::NotEligible | Status::NotYet => {
                    "You do not meet the county's public rental conditions yet (see Public rental housing).".into()
                }
                _ => "Whether you meet the county's public rental conditions is not known yet (see Public rental housing).".into(),
            },
            (Msg::LocalSubsidy { rate_fen }, ZhCn) => format!("当地发租房补贴：每平方米每月{}元。", yuan_text(*rate_fen)),
            (Msg::LocalSubsidy { rate_fen }, En) => {
                format!("The county pays a rental subsidy of ¥{} per m² a month.", yuan_text(*rate_fen))
            }
            (Msg::SubsidyAmount { rate_fen, per_person_m2, size, cap_m2, area_m2 }, lang) => {
                subsidy_text(lang, *rate_fen, (*per_person_m2, *size), *cap_m2, *area_m2)
            }
            (Msg::ParentsHomeUnknown { weighed: false }, ZhCn) => "自己在这里没有房。当地规定父母在县城也不能有房，父母有没有房还不知道。".into(),
            (Msg::ParentsHomeUnknown { weighed: false }, En) => "You own no home here. The rule also asks that your parents own none in the county town, which we don't know yet.".into(),
            (Msg::ParentsHomeUnknown { weighed: true }, ZhCn) => "自己在这里没有房。直系亲属在这里能帮助解决住房的不予受理，父母在这里有没有房还不知道。".into(),
            (Msg::ParentsHomeUnknown { weighed: true }, En) => "You own no home here. A direct relative here who can help with housing rules it out, and we don't know whether your parents own a home here.".into(),
            (Msg::AreaBelowLine { area_m2: Some(a), line_m2 }, ZhCn) => {
                format!("有房，人均{a}平方米，当地标准是低于{line_m2}平方米。")
            }
            (Msg::AreaBelowLine { area_m2: Some(a), line_m2 }, En) => {
                format!("You own a home with {a} m² per person; the local line is below {line_m2} m².")
            }
            (Msg::AreaBelowLine { area_m2: None, line_m2 }, ZhCn) => {
                format!("有房，但不知道人均多少平方米。当地标准是低于{line_m2}平方米。")
            }
            (Msg::AreaBelowLine { area_m2: None, line_m2 }, En) => {
                format!("You own a home; the space per person is unknown. The local line is below {line_m2} m².")
            }
            (Msg::IncomeBelowLine { income_fen, line_fen }, ZhCn) => format!(
                "家里每人每月收入{}元，当地标准是低于{}元。",
                yuan_text(*income_fen),
                yuan_text(*line_fen)
            ),
            (Msg::IncomeBelowLine { income_fen, line_fen }, En) => format!(
                "Income is ¥{} per person a month; the local line is below ¥{}.",
                yuan_text(*income_fen),
                yuan_text(*line_fen)
            ),
            (Msg::IncomeSelfAssessed { below: Some(true) }, ZhCn) => "按你说的，家里人均收入低于当地标准。".into(),
            (Msg::IncomeSelfAssessed { below: Some(true) }, En) => "As you said, your income per person is below the local line.".into(),
            (Msg::IncomeSelfAssessed { below: Some(false) }, ZhCn) => "按你说的，家里人均收入不低于当地标准。".into(),
            (Msg::IncomeSelfAssessed { below: Some(false) }, En) => "As you said, your income per person is not below the local line.".into(),
            (Msg::IncomeSelfAssessed { below: None }, ZhCn) => {
                "当地收入标准这里没有具体数字。请问当地住房保障部门，或告诉我们是否低于标准。".into()
            }
            (Msg::IncomeSelfAssessed { below: None }, En) => {
                "We do not have the local income line as a number; ask the local housing security department, or tell us whether you are below it."
                    .into()
            }
            (Msg::LocalHukouNoWorkTest, ZhCn) => "户口在本地，不用看外来务工人员的工作年限。".into(),
            (Msg::LocalHukouNoWorkTest, En) => "With a local hukou the outside-worker employment test does not apply.".into(),
            (Msg::OutsideWorkerTest { si_months, si_required, contract_months, contract_required }, lang) => {
                let required = duration_text(lang, *si_required);
                let mut text = match (lang, si_months) {
                    (ZhCn, Some(m)) => format!("外来务工人员：在这里连续交社保{}，要满{required}。", duration_text(ZhCn, *m)),
                    (ZhCn, None) => format!("外来务工人员：在这里连续交社保多久还不知道，要满{required}。"),
                    (En, Some(m)) => {
                        format!("Outside workers: {} of continuous social insurance here; {required} needed.", duration_text(En, *m))
                    }
                    (En, None) => format!("Outside workers: continuous social insurance here unknown; {required} needed."),
                };
                if *contract_required > 0 {
                    let c = contract_months.map_or_else(
                        || if lang == ZhCn { "不知道多长".to_string() } else { "of unknown length".to_string() },
                        |m| duration_text(lang, m),
                    );
                    text.push_str(&match lang {
                        ZhCn => format!("劳动合同{c}，要满{}。", duration_text(ZhCn, *contract_required)),
                        En => format!(" Labour contract {c}; {} needed.", duration_text(En, *contract_required)),
                    });
                }
                text
            }
            (
                Msg::GraduateTest { since, allowed, si_months, si_required, contract_months, contract_required, outside_short },
                lang,
            ) => {
                let allowed = duration_text(lang, *allowed);
                let mut text = String::new();
                if *outside_short {
                    text.push_str(if lang == ZhCn { "外来务工人员的条件还不够。" } else { "The outside workers' test is not met. " });
                }
                text.push_str(&match (lang, since) {
                    (ZhCn, Some(m)) => format!("新毕业生：毕业{}，要在{allowed}以内。", duration_text(ZhCn, *m)),
                    (ZhCn, None) => format!("新毕业生：还不知道是不是大专以上毕业、毕业多久，要在{allowed}以内。"),
                    (En, Some(m)) => format!("New graduates: graduated {} ago; within {allowed} needed.", duration_text(En, *m)),
                    (En, None) => format!("New graduates: whether and when you graduated is unknown; within {allowed} needed."),
                });
                let part = |what: (&str, &str), months: &Option<i64>, required: i64| {
                    let had = months.map_or_else(
                        || if lang == ZhCn { "多久还不知道".to_string() } else { "unknown".to_string() },
                        |m| duration_text(lang, m),
                    );
                    match lang {
                        ZhCn => format!("{}{had}，要满{}。", what.0, duration_text(ZhCn, required)),
                        En => format!(" {} {had}; {} needed.", what.1, duration_text(En, required)),
                    }
                };
                if *si_required > 0 {
                    text.push_str(&part(("在这里交社保", "Social insurance here"), si_months, *si_required));
                }
                if *contract_required > 0 {
                    text.push_str(&part(("劳动合同", "Labour contract"), contract_months, *contract_required));
                }
                text
            }
            (Msg::SupplyMayNotExist, ZhCn) => "县城常常没有保租房房源，请问当地住房保障部门。".into(),
            (Msg::SupplyMayNotExist, En) => "County towns often have no affordable rental units; ask the local housing security department.".into(),
            (Msg::FundDepositing { depositing: Some(true) }, ZhCn) => "正在交住房公积金。".into(),
            (Msg::FundDepositing { depositing: Some(true) }, En) => "You pay into the housing provident fund.".into(),
            (Msg::FundDepositing { depositing: Some(false) }, ZhCn) => "没有交住房公积金，提不了。".into(),
            (Msg::FundDepositing { depositing: Some(false) }, En) => "You do not pay into the provident fund, so there is nothing to withdraw.".into(),
            (Msg::FundDepositing { depositing: None }, ZhCn) => "还不知道有没有交住房公积金。".into(),
            (Msg::FundDepositing { depositing: None }, En) => "We don't know whether you pay into the provident fund.".into(),
            (Msg::RentingNoHome { renting: Some(true), owns: Some(false) }, ZhCn) => "在这里租房住，自己没有房。".into(),
            (Msg::RentingNoHome { renting: Some(true), owns: Some(false) }, En) => "You rent here and own no home here.".into(),
            (Msg::RentingNoHome { renting: Some(false), .. } | Msg::RentingNoHome { owns: Some(true), .. }, ZhCn) => {
                "不是租房住（或在这里有房），不能按租房提取。".into()
            }
            (Msg::RentingNoHome { renting: Some(false), .. } | Msg::RentingNoHome { owns: Some(true), .. }, En) => {
                "You do not rent (or you own a home here), so the rent withdrawal does not apply.".into()
            }
            (Msg::RentingNoHome { .. }, ZhCn) => "还不知道是不是在这里租房住、有没有自己的房。".into(),
            (Msg::RentingNoHome { .. }, En) => "We don't know whether you rent here and own no home.".into(),
            (Msg::RentShare { share_bp, .. }, ZhCn) if *share_bp == 0 => "当地租房就可以提取，不看房租占收入的比例。".into(),
            (Msg::RentShare { share_bp, .. }, En) if *share_bp == 0 => "Here renting is enough; the share of income is not tested.".into(),
            (Msg::RentShare { rent_fen, income_fen, share_bp }, ZhCn) => format!(
                "房租{}，家庭工资收入{}，要超过{}.{:02}%。",
                rent_fen.map_or("不知道".into(), |r| format!("{}元", yuan_text(r))),
                income_fen.map_or("不知道".into(), |r| format!("{}元", yuan_text(r))),
                share_bp / 100,
                share_bp % 100
            ),
            (Msg::RentShare { rent_fen, income_fen, share_bp }, En) => format!(
                "Rent {}, household wage income {}; the rent must exceed {}.{:02} %.",
                rent_fen.map_or("unknown".into(), |r| format!("¥{}", yuan_text(r))),
                income_fen.map_or("unknown".into(), |r| format!("¥{}", yuan_text(r))),
                share_bp / 100,
                share_bp % 100
            ),
            (Msg::SchoolAge { entry_year, ok: Some(true) }, ZhCn) => format!("{entry_year}年9月入学时满6岁。"),
            (Msg::SchoolAge { entry_year, ok: Some(true) }, En) => format!("The child is 6 by September {entry_year}."),
            (Msg::SchoolAge { entry_year, ok: Some(false) }, ZhCn) => format!("{entry_year}年8月31日前还不满6岁。"),
            (Msg::SchoolAge { entry_year, ok: Some(false) }, En) => format!("The child is not yet 6 by 31 August {entry_year}."),
            (Msg::SchoolAge { .. }, ZhCn) => "还不知道孩子的出生年月。".into(),
            (Msg::SchoolAge { .. }, En) => "We don't know the child's birth month yet.".into(),
            (Msg::WorkAtCutoff(work), lang) => work_text(lang, work),
            (Msg::ExamYearUnknown, ZhCn) => "孩子哪一年考还不知道：请告诉我们孩子的出生年月。".into(),
            (Msg::ExamYearUnknown, En) => "The year the child sits this exam is not known: give the child's month of birth.".into(),
            (Msg::XuejiByStaying { years, required, met_from }, ZhCn) => format!(
                "孩子现在有{years}年算数的学籍，要{required}年：继续在这里上学，到{}就够了。",
                month_text(ZhCn, *met_from)
            ),
            (Msg::XuejiByStaying { years, required, met_from }, En) => format!(
                "The child has {} of school registration that count, and {} are needed: staying in school here is enough, from {}.",
                years_text(En, *years),
                years_text(En, *required),
                month_text(En, *met_from)
            ),
            (Msg::ZhongkaoByStaying { month }, ZhCn) => {
                format!("孩子还没中考：继续在这里上学，{}就在本省中考了。", month_text(ZhCn, *month))
            }
            (Msg::ZhongkaoByStaying { month }, En) => format!(
                "The child has not sat the senior-high entrance exam yet: staying in school here, they sit it in this province in {}.",
                month_text(En, *month)
            ),
            (Msg::LocalHukouZoned, ZhCn) => {
                "孩子户口就在这里：户籍所在地保障就近入学，按住房或租房所在学区安排，不用看随迁子女的条件。".into()
            }
            (Msg::LocalHukouZoned, En) => "The child's hukou is here: a school near home is guaranteed at the hukou place, by school zone; the conditions for children from elsewhere do not apply.".into(),
            (Msg::LocalTrackNotModelled, ZhCn) => {
                "孩子户口就在这里：当地对本地户籍另有条件，本工具还没有收录，请问当地教育部门。".into()
            }
            (Msg::LocalTrackNotModelled, En) => "The child's hukou is here: the place sets its own conditions for local children, which this tool does not have yet; ask the local education department.".into(),
            (Msg::ChildHukouUnknown, ZhCn) => {
                "孩子户口在不在这里还不知道：本地户籍和外地户籍的条件不一样。".into()
            }
            (Msg::ChildHukouUnknown, En) => "Whether the child's hukou is here is not known: the conditions differ for local children and children from elsewhere.".into(),
            (Msg::LocalHukouExam, ZhCn) => "孩子户口就在这里：按本地考生报名，不用看随迁子女的条件。".into(),
            (Msg::LocalHukouExam, En) => "The child's hukou is here: the child registers as a local candidate; the conditions for children from elsewhere do not apply.".into(),
            (Msg::MonthsAtCutoff { measure, months, required, cutoff }, lang) => {
                let what = match (measure, lang) {
                    (Measure::Permit, ZhCn) => "父母居住证连续",
                    (Measure::Residence, ZhCn) => "在这里居住",
                    (Measure::Insurance, ZhCn) => "父母在这里连续交社保",
                    (Measure::Permit, En) => "a parent's continuous residence permit",
                    (Measure::Residence, En) => "time living here",
                    (Measure::Insurance, En) => "a parent's social insurance here",
                };
                let have = months.map(|m| duration_text(lang, m));
                match (lang, measure, *required) {
                    // "A valid permit" (有即可): one month held at the cut-off.
                    (ZhCn, Measure::Permit, 1) => format!(
                        "到{}，要持有有效居住证：{}。",
                        month_text(ZhCn, *cutoff),
                        match months {
                            Some(m) if *m >= 1 => "有",
                            Some(_) => "没有",
                            None => "有没有还不知道",
                        }
                    ),
                    (En, Measure::Permit, 1) => format!(
                        "By {}, a valid residence permit is needed: {}.",
                        month_text(En, *cutoff),
                        match months {
                            Some(m) if *m >= 1 => "held",
                            Some(_) => "not held",
                            None => "not known",
                        }
                    ),
                    (ZhCn, ..) => format!(
                        "到{}，{what}{}，要满{}。",
                        month_text(ZhCn, *cutoff),
                        have.unwrap_or_else(|| "多久还不知道".into()),
                        duration_text(ZhCn, *required)
                    ),
                    (En, ..) => format!(
                        "By {}, {what}: {}; {} needed.",
                        month_text(En, *cutoff),
                        have.unwrap_or_else(|| "unknown".into()),
                        duration_text(En, *required)
                    ),
                }
            }
            (Msg::HousingProof { has: Some(true) }, ZhCn) => "有住房或租房证明。".into(),
            (Msg::HousingProof { has: Some(true) }, En) => "You have proof of a home or a rental here.".into(),
            (Msg::HousingProof { has: Some(false) }, ZhCn) => "还没有住房或租房证明。".into(),
            (Msg::HousingProof { has: Some(false) }, En) => "You have no proof of a home or rental here yet.".into(),
            (Msg::HousingProof { has: None }, ZhCn) => "还不知道有没有住房或租房证明。".into(),
            (Msg::HousingProof { has: None }, En) => "We don't know whether you have proof of a home or rental here.".into(),
            (Msg::XuejiYears { years, required }, ZhCn) => format!(
                "孩子在这里的学籍{}，要满{}年。",
                years.map_or("年数还不知道".into(), |y| format!("{y}年")),
                required
            ),
            (Msg::XuejiYears { years, required }, En) => format!(
                "The child's school registration here: {}; {} needed.",
                years.map_or("unknown".into(), |y| years_text(En, i64::from(y))),
                years_text(En, *required)
            ),
            (Msg::XuejiShortByExam { years, at_exam, required, exam_year }, ZhCn) => format!(
                "孩子现在有{years}年算数的学籍，就算一直在这里上学，到{exam_year}年考试时也只有{at_exam}年，要满{required}年：这一年在这里考不了。"
            ),
            (Msg::XuejiShortByExam { years, at_exam, required, exam_year }, En) => format!(
                "The child has {} of school registration that count; even staying here, that is {} by the {exam_year} exam, and {} are needed: not that year's exam here.",
                years_text(En, *years),
                years_text(En, *at_exam),
                years_text(En, *required)
            ),
            (Msg::ZhongkaoHere { took: Some(true) }, ZhCn) => "孩子在本省参加中考。".into(),
            (Msg::ZhongkaoHere { took: Some(true) }, En) => "The child takes the senior-high entrance exam in this province.".into(),
            (Msg::ZhongkaoHere { took: Some(false) }, ZhCn) => "孩子不在本省参加中考，这里要求在本省考。".into(),
            (Msg::ZhongkaoHere { took: Some(false) }, En) => "The child does not take the senior-high entrance exam here, which is required.".into(),
            (Msg::ZhongkaoHere { took: None }, ZhCn) => "还不知道孩子在哪里参加中考。".into(),
            (Msg::ZhongkaoHere { took: None }, En) => "We don't know where the child takes the senior-high entrance exam.".into(),
            (Msg::NotModelledAssets, ZhCn) => "家庭财产的限制没有算进去。".into(),
            (Msg::NotModelledAssets, En) => "Limits on household assets are not checked.".into(),
            (Msg::NotModelledWaitingList, ZhCn) => "符合条件后还要轮候，一般不超过5年。".into(),
            (Msg::NotModelledWaitingList, En) => "Eligible households join a waiting list, usually of at most 5 years.".into(),
            (Msg::NotModelledGraduatePath, ZhCn) => "新就业大学生的申请办法没有单独算。".into(),
            (Msg::NotModelledGraduatePath, En) => "The new-graduate path is not checked separately.".into(),
            (Msg::NotModelledLocalProcedure, ZhCn) => "报名时间、材料格式和学校分配按当地通知办，请问当地教育部门。".into(),
            (Msg::NotModelledLocalProcedure, En) => "Dates, forms and school places follow the local notice; ask the local education department.".into(),
            (Msg::GaokaoAhead, ZhCn) => "这是孩子读完高中时在这里高考的条件，要提前三年准备；中考条件另见“在这里中考”。".into(),
            (Msg::GaokaoAhead, En) => "These are the conditions for the college entrance exam after senior high, to \
                prepare three years ahead; the senior-high entrance exam is answered separately."
                .into(),
            (Msg::NotModelledZhongkaoDetail, ZhCn) => "哪一年级的学籍必须在本市（如清远要求初三在清远）没有计入。".into(),
            (Msg::NotModelledZhongkaoDetail, En) => {
                "Which grade's school registration must be in this city (Qingyuan: grade 9) is not modelled.".into()
            }
            (Msg::NotModelledLocalRules, ZhCn) => "当地的申请条件和办理流程，以当地通知为准。".into(),
            (Msg::NotModelledLocalRules, En) => "Local entry conditions and procedures follow the local notice.".into(),
            (Msg::NotModelledSubsidyTerms, ZhCn) => "补贴怎么发（按月还是按年）、和公租房实物能不能同时享受，以当地规定为准。".into(),
            (Msg::NotModelledSubsidyTerms, En) => "How the subsidy is paid (monthly or yearly) and whether it can go with a public rental unit follow the local rule.".into(),
            (Msg::OwnCountyRuralUnclear, ZhCn) => {
                "本县农村户口算不算外来务工人员，当地规定没说清。请问县住房保障部门。".into()
            }
            (Msg::OwnCountyRuralUnclear, En) => {
                "The local rule does not say whether a rural hukou of this county counts as an outside worker; ask the county housing security department."
                    .into()
            }
        }
    }
}

impl ProgramId {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ProgramId::ResidencePermit, Lang::ZhCn) => "居住证",
            (ProgramId::ResidencePermit, Lang::En) => "Residence permit",
            (ProgramId::EmployeePension, Lang::ZhCn) => "职工养老金",
            (ProgramId::EmployeePension, Lang::En) => "Employee pension",
            (ProgramId::ResidentPension, Lang::ZhCn) => "城乡居民养老金",
            (ProgramId::ResidentPension, Lang::En) => "Residents' pension",
            (ProgramId::HukouTransfer, Lang::ZhCn) => "户口迁到这里",
            (ProgramId::HukouTransfer, Lang::En) => "Moving hukou here",
            (ProgramId::PublicRental, Lang::ZhCn) => "公租房",
            (ProgramId::PublicRental, Lang::En) => "Public rental housing",
            (ProgramId::AffordableRental, Lang::ZhCn) => "保障性租赁住房",
            (ProgramId::AffordableRental, Lang::En) => "Affordable rental housing",
            (ProgramId::ProvidentFundRent, Lang::ZhCn) => "公积金付房租",
            (ProgramId::ProvidentFundRent, Lang::En) => "Provident fund for rent",
            (ProgramId::RentalSubsidy, Lang::ZhCn) => "租房补贴（公租房租赁补贴）",
            (ProgramId::RentalSubsidy, Lang::En) => "Rental subsidy",
            (ProgramId::SchoolEntry, Lang::ZhCn) => "孩子在这里上学",
            (ProgramId::SchoolEntry, Lang::En) => "School entry here",
            (ProgramId::ExamEligibility, Lang::ZhCn) => "在这里高考",
            (ProgramId::ExamEligibility, Lang::En) => "College entrance exam here",
            (ProgramId::ZhongkaoEligibility, Lang::ZhCn) => "在这里中考",
            (ProgramId::ZhongkaoEligibility, Lang::En) => "Senior-high entrance exam here",
        }
    }
}

/// Whom a result is about, from its subject path: the applicant, the other adult, the household, a child.
pub fn subject_text(subject: &str, lang: Lang) -> String {
    let child = subject.strip_prefix("household.children[").and_then(|r| r.strip_suffix(']'));
    match (subject, child, lang) {
        ("household.adults[0]", _, Lang::ZhCn) => "申请人".into(),
        ("household.adults[0]", _, Lang::En) => "applicant".into(),
        ("household.adults[1]", _, Lang::ZhCn) => "另一位大人".into(),
        ("household.adults[1]", _, Lang::En) => "second adult".into(),
        ("household", _, Lang::ZhCn) => "全家".into(),
        ("household", _, Lang::En) => "household".into(),
        (_, Some(i), lang) => {
            let n = i.parse::<usize>().map_or(1, |i| i + 1);
            match lang {
                Lang::ZhCn => format!("第{n}个孩子"),
                Lang::En => format!("child {n}"),
            }
        }
        (_, None, Lang::ZhCn) => "家里人".into(),
        (_, None, Lang::En) => "household member".into(),
    }
}

impl crate::scenario::Action {
    /// What the family would do, in words.
    pub fn text(&self, lang: Lang) -> String {
        use crate::scenario::Action::*;
        match (self, lang) {
            (MoveHukouHere, Lang::ZhCn) => "把户口迁到现在住的地方".into(),
            (MoveHukouHere, Lang::En) => "Move hukou to where you live".into(),
            (GetPermit, Lang::ZhCn) => "办居住证，每年按时签注".into(),
            (GetPermit, Lang::En) => "Get a residence permit and endorse it every year".into(),
            (SignContract { months }, Lang::ZhCn) => format!("签{months}个月的劳动合同，单位交社保和公积金"),
            (SignContract { months }, Lang::En) => {
                format!("Sign a {months}-month labour contract with insurance and the housing fund")
            }
            (ContributeFlexible { base_bp }, Lang::ZhCn) => {
                format!("按灵活就业人员交职工养老保险，缴费基数选{}%档", base_bp / 100)
            }
            (ContributeFlexible { base_bp }, Lang::En) => {
                format!("Pay the employee scheme as a flexible worker at a {} % base", base_bp / 100)
            }
            (StopContributing, Lang::ZhCn) => "停止缴费".into(),
            (StopContributing, Lang::En) => "Stop contributing".into(),
            (RegisterRental, Lang::ZhCn) => "把租房合同登记备案".into(),
            (RegisterRental, Lang::En) => "Register the rental contract".into(),
            (MoveTo { place }, Lang::ZhCn) => format!("搬到{}", place_text(lang, place)),
            (MoveTo { place }, Lang::En) => format!("Move to {}", place_text(lang, place)),
            (StartBusiness, Lang::ZhCn) => "办营业执照，自己做生意（个体工商户）".into(),
            (StartBusiness, Lang::En) => "Get a business licence and work for yourself".into(),
            (LeaveJob, Lang::ZhCn) => "没了工作（辞职或被辞退），社保停交".into(),
            (LeaveJob, Lang::En) => "Lose or leave the job; insurance stops".into(),
            (PayResidentScheme, Lang::ZhCn) => "每年交城乡居民养老保险（不再交职工养老保险）".into(),
            (PayResidentScheme, Lang::En) => {
                "Pay into the residents' scheme every year (not the employee scheme)".into()
            }
            (MoveHome, Lang::ZhCn) => "全家回户口所在地".into(),
            (MoveHome, Lang::En) => "Move the family back to the hukou place".into(),
            (FarmAtHome, Lang::ZhCn) => "回老家种地，每年在户口所在地交城乡居民养老保险".into(),
            (FarmAtHome, Lang::En) => "Go home to farm and pay into the residents' scheme there every year".into(),
        }
    }
}

/// Criteria's short titles: (program, criterion id, Chinese, English). A table, not a match: the page's engine
/// carries it as data, smaller than the code a match on strings compiles to.
const CRITERION_TITLES: &[(ProgramId, &str, &str, &str)] = &[
    (ProgramId::ExamEligibility, "local_hukou", "孩子户口在本地", "Child's local hukou"),
    (ProgramId::ZhongkaoEligibility, "local_hukou", "孩子户口在本地", "Child's local hukou"),
    (ProgramId::ResidencePermit, "left_hukou_city", "离开户口所在地", "Living away from the hukou place"),
    (ProgramId::ResidencePermit, "resided_half_year", "在这里住满半年", "Lived here half a year"),
    (ProgramId::ResidencePermit, "stable_basis", "稳定工作、住处或上学", "Stable job, home or study"),
    (ProgramId::EmployeePension, "reached_retirement_age", "到法定退休年龄", "Statutory retirement age"),
    (ProgramId::EmployeePension, "min_contribution_months", "交够最低年限", "Minimum contribution years"),
    (ProgramId::ResidentPension, "resident_age", "满60岁", "Age 60"),
    (ProgramId::ResidentPension, "resident_min_years", "交满15年", "15 years of contributions"),
    (ProgramId::ResidentPension, "no_other_pension", "没领别的养老金", "No other basic pension"),
    (ProgramId::HukouTransfer, "hukou_elsewhere", "户口在外地", "Hukou elsewhere"),
    (ProgramId::HukouTransfer, "stable_residence", "稳定住处", "Stable home"),
    (ProgramId::HukouTransfer, "stable_employment", "稳定工作", "Stable job"),
    (ProgramId::HukouTransfer, "insurance_months", "在这里交社保的年限", "Social insurance here"),
    (ProgramId::HukouTransfer, "points_system", "积分落户", "Points system"),
    (ProgramId::PublicRental, "housing_need", "住房困难", "Housing need"),
    (ProgramId::PublicRental, "income_below", "收入低于标准", "Income below the line"),
    (ProgramId::PublicRental, "outside_worker_employment", "外来务工人员的工作年限", "Outside workers: years of work"),
    (ProgramId::AffordableRental, "no_home_here", "在这里没有房", "No home here"),
    (ProgramId::ProvidentFundRent, "depositing", "在交公积金", "Paying into the fund"),
    (ProgramId::ProvidentFundRent, "renting_no_home", "租房、没有房", "Renting, no home"),
    (ProgramId::ProvidentFundRent, "rent_share", "房租占收入的比例", "Rent as a share of income"),
    (ProgramId::RentalSubsidy, "public_rental_eligible", "符合公租房条件", "Meets the public rental conditions"),
    (ProgramId::RentalSubsidy, "renting_no_home", "租房、没有房", "Renting, no home"),
    (ProgramId::RentalSubsidy, "local_subsidy", "当地发租房补贴", "The county pays a subsidy"),
    (ProgramId::SchoolEntry, "school_age", "满6岁", "Age 6"),
    (ProgramId::SchoolEntry, "parent_permit", "居住证或居住年限", "Permit or years here"),
    (ProgramId::SchoolEntry, "parent_work", "社保或营业执照", "Insurance or business licence"),
    (ProgramId::SchoolEntry, "housing_proof", "住房或租房证明", "Proof of home or rental"),
    (ProgramId::ExamEligibility, "parent_permit", "父母居住证年限", "Parent permit years"),
    (ProgramId::ExamEligibility, "parent_si", "父母社保年限", "Parent insurance years"),
    (ProgramId::ExamEligibility, "family_residence", "家庭居住年限", "Years the family lives here"),
    (ProgramId::SchoolEntry, "local_hukou", "孩子户口在这里", "Child's hukou here"),
    (ProgramId::ExamEligibility, "child_xueji", "孩子学籍年限", "Child school-registration years"),
    (ProgramId::ExamEligibility, "zhongkao_here", "在本省中考", "Senior-high exam in this province"),
    (ProgramId::ZhongkaoEligibility, "parent_permit", "父母居住证", "Parent residence permit"),
    (ProgramId::ZhongkaoEligibility, "parent_si", "父母社保月数", "Parent insurance months"),
    (ProgramId::ZhongkaoEligibility, "child_xueji", "孩子初中学籍年限", "Child junior-school registration years"),
];

/// The short title of a criterion, by program and criterion id; the id itself when the catalogue lacks one
/// (a test keeps the catalogue complete).
pub fn criterion_title(program: ProgramId, id: &str, lang: Lang) -> &str {
    match CRITERION_TITLES.iter().find(|(p, c, _, _)| *p == program && *c == id) {
        Some((_, _, zh, _)) if lang == Lang::ZhCn => zh,
        Some((_, _, _, en)) => en,
        None => id,
    }
}

impl crate::report::AmountId {
    pub fn label(self, lang: Lang) -> &'static str {
        use crate::report::AmountId::*;
        match (self, lang) {
            (TotalMonthly, Lang::ZhCn) => "每月合计",
            (TotalMonthly, Lang::En) => "Monthly total",
            (BasicMonthly, Lang::ZhCn) => "基础养老金",
            (BasicMonthly, Lang::En) => "Basic pension",
            (AccountMonthly, Lang::ZhCn) => "个人账户养老金",
            (AccountMonthly, Lang::En) => "Account pension",
            (AddonMonthly, Lang::ZhCn) => "当地加发",
            (AddonMonthly, Lang::En) => "Local add-on",
            (AccountAtRetirement, Lang::ZhCn) => "退休时账户余额",
            (AccountAtRetirement, Lang::En) => "Account at retirement",
            (SubsidyMonthly, Lang::ZhCn) => "每月租房补贴",
            (SubsidyMonthly, Lang::En) => "Rental subsidy a month",
        }
    }
}

impl Status {
    /// A short verdict: 能 / 暂时不能 / 还不确定 in the plain form users understand.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Eligible, Lang::ZhCn) => "能申领",
            (Status::Eligible, Lang::En) => "Eligible",
            (Status::NotYet, Lang::ZhCn) => "暂时还不能",
            (Status::NotYet, Lang::En) => "Not yet",
            (Status::NotEligible, Lang::ZhCn) => "不能申领",
            (Status::NotEligible, Lang::En) => "Not eligible",
            (Status::Unknown, Lang::ZhCn) => "还不确定",
            (Status::Unknown, Lang::En) => "Not sure yet",
            (Status::NotApplicable, Lang::ZhCn) => "不需要",
            (Status::NotApplicable, Lang::En) => "Not needed",
        }
    }
}

impl Outcome {
    /// The word and the shape, so that the outcome never depends on colour alone.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Outcome::Met, Lang::ZhCn) => "符合",
            (Outcome::Met, Lang::En) => "Met",
            (Outcome::NotMet, Lang::ZhCn) => "不符合",
            (Outcome::NotMet, Lang::En) => "Not met",
            (Outcome::Unknown, Lang::ZhCn) => "还不确定",
            (Outcome::Unknown, Lang::En) => "Unknown",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Outcome::Met => "✓",
            Outcome::NotMet => "✗",
            Outcome::Unknown => "?",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_criterion_has_a_title_in_both_languages() {
        let all = crate::assess(&crate::household::Request::default(), YearMonth::ym(2026, 11));
        for p in &all.programs {
            for c in &p.criteria {
                for lang in [Lang::ZhCn, Lang::En] {
                    assert_ne!(criterion_title(p.program, c.id, lang), c.id, "{} has no {lang:?} title", c.id);
                }
            }
        }
    }

    #[test]
    fn english_counts_agree_in_number() {
        assert_eq!(duration_text(Lang::En, 1), "1 month");
        assert_eq!(duration_text(Lang::En, 2), "2 months");
        assert_eq!(duration_text(Lang::En, 12), "1 year");
        assert_eq!(duration_text(Lang::En, 13), "1 year 1 month");
        assert_eq!(duration_text(Lang::En, 26), "2 years 2 months");
        assert_eq!(age_text(Lang::En, 60 * 12 + 1), "60 years 1 month");
        assert_eq!(age_text(Lang::En, 63 * 12), "63");
        assert_eq!(duration_text(Lang::ZhCn, 13), "1年1个月");
        let m = Msg::ResidedShort { months: 1, required: 6, remaining: 5, met_from: YearMonth::ym(2027, 4) };
        assert!(m.text(Lang::En).starts_with("You have lived here 1 month; the minimum is 6 months, 5 months to go."));
        let x = Msg::XuejiYears { years: Some(1), required: 1 };
        assert_eq!(x.text(Lang::En), "The child's school registration here: 1 year; 1 year needed.");
    }

    #[test]
    fn a_place_is_named_never_shown_as_its_id() {
        assert_eq!(place_text(Lang::ZhCn, "guangxi/liuzhou/rongan"), "融安县");
        assert_eq!(place_text(Lang::En, "guangxi/liuzhou/rongan"), "Rong'an County");
        // No layer for 东莞: the nearest place with one names it; nothing known: "this place".
        assert_eq!(place_text(Lang::ZhCn, "guangdong/dongguan"), "广东省的这个地方");
        assert_eq!(place_text(Lang::En, "guangdong/dongguan/humen"), "this place in Guangdong");
        assert_eq!(place_text(Lang::En, "zhejiang/hangzhou"), "this place in Zhejiang");
        assert_eq!(place_text(Lang::ZhCn, "441900"), "广东省的这个地方", "东莞 by its code");
        assert_eq!(place_text(Lang::ZhCn, "410225"), "兰考县");
        assert_eq!(place_text(Lang::En, "zhejiangx"), "this place");
        assert_eq!(place_text(Lang::En, "taiwan/taipei"), "this place");
        assert_eq!(place_text(Lang::ZhCn, ""), "这个地方");
    }

    #[test]
    fn a_missing_local_number_names_it_and_the_office_that_decides() {
        let m = |parameter| Msg::NoLocalData { place: Some("beijing".into()), parameter };
        let rent = m("provident_fund_rent.rent_share_bp");
        assert_eq!(
            rent.text(Lang::ZhCn),
            "还没有北京市的这项当地数据：房租占收入多少才能提取公积金。请问当地住房公积金管理中心。"
        );
        assert!(rent.text(Lang::En).ends_with("Ask the local housing provident fund centre."));
        assert!(m("public_rental.area_line_m2").text(Lang::ZhCn).contains("住房保障部门"));
        assert!(m("school_entry.si_months").text(Lang::ZhCn).contains("教育部门"));
        assert!(m("employee_pension.benefit_base").text(Lang::ZhCn).contains("社保经办机构"));
        assert!(m("hukou_transfer.urban_population_10k").text(Lang::ZhCn).contains("公安机关"));
        let none = Msg::NoRuleInForce { parameter: "residence_permit.min_months_resident", at: YearMonth::ym(2015, 1) };
        assert!(!none.text(Lang::ZhCn).contains("residence_permit"), "{}", none.text(Lang::ZhCn));
        assert!(none.text(Lang::ZhCn).contains("公安机关"));
    }

    #[test]
    fn language_tags_are_read_loosely() {
        assert_eq!(Lang::parse("zh-Hans-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("en_US"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::default(), Lang::ZhCn);
    }

    #[test]
    fn messages_serialize_as_key_and_params() {
        let m = Msg::ResidedEnough { months: 8, required: 6 };
        assert_eq!(
            serde_json::to_value(&m).unwrap(),
            serde_json::json!({"key": "residedEnough", "params": {"months": 8, "required": 6}})
        );
        assert_eq!(serde_json::to_value(Msg::Disclaimer).unwrap(), serde_json::json!({"key": "disclaimer"}));
    }

    #[test]
    fn the_short_message_names_the_month_in_each_language() {
        let m = Msg::ResidedShort { months: 4, required: 6, remaining: 2, met_from: YearMonth::ym(2027, 1) };
        assert!(m.text(Lang::ZhCn).contains("2027年1月"), "{}", m.text(Lang::ZhCn));
        assert!(m.text(Lang::En).contains("Jan 2027"));
    }

    #[test]
    fn zh_sentences_stay_short() {
        // Plain-language rule: at most 25 characters between full stops (numbers and names in parameters excepted).
        let samples = [
            Msg::HukouElsewhere,
            Msg::HukouHere,
            Msg::HukouUnknown,
            Msg::ResidedEnough { months: 8, required: 6 },
            Msg::ResidedShort { months: 4, required: 6, remaining: 2, met_from: YearMonth::ym(2027, 1) },
            Msg::ResidedUnknown { required: 6 },
            Msg::StableBasisNone,
            Msg::NotModelledEndorsement,
            Msg::Disclaimer,
        ];
        for m in samples {
            let text = m.text(Lang::ZhCn);
            for sentence in text.split(['。', '；']) {
                assert!(sentence.chars().count() <= 25, "too long: {sentence}");
            }
        }
    }
}
