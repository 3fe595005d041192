//! The facts a family gives us: the request schema (camelCase JSON).
//!
//! Every fact is optional: `None` means "not known", which the programs turn into an unknown criterion and a
//! question, never into "no" or zero. Unknown fields are rejected, so a typo is an error and not a silent unknown.
//! Money is integer fen; rates and indices are basis points (an average contribution index of 0.6 is 6000);
//! dates are year-months. Places are policy place ids (`beijing`, `guangdong/shenzhen`, `shaanxi/xixian`);
//! a place without a policy layer is accepted and answered with national rules only.

use serde::{Deserialize, Serialize};

use crate::time::YearMonth;

/// Makes each listed type read from a JSON object only. serde's derived impl also reads a struct from a sequence of
/// its fields in order, so `[]` would be an empty request. Each type derives its impls with
/// `#[serde(remote = "Self")]` (which turns them into the associated functions `T::serialize` and `T::deserialize`)
/// and `#[cfg_attr(feature = "schema", schemars(rename = "T"))]` (which keeps its schema name); the trait impls this
/// writes call them, asking the deserializer for a map. Field names, `deny_unknown_fields`, defaults and the JSON
/// paths of errors are the derived ones.
macro_rules! object_only {
    ($($t:ident),* $(,)?) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $t::serialize(self, serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Object;
                impl<'de> serde::de::Visitor<'de> for Object {
                    type Value = $t;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("a JSON object (", stringify!($t), ")"))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<$t, A::Error> {
                        $t::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    }
                }
                deserializer.deserialize_map(Object)
            }
        }
    )*};
}
pub(crate) use object_only;

object_only!(Request, Household, Adult, Permit, EmployeePension, Segment, ResidentPension, LocalNumbers, Child);

/// Largest month count accepted anywhere (100 years).
pub const MAX_MONTHS: u32 = 1200;
/// Largest amount of money accepted anywhere: 10 billion yuan, in fen.
pub const MAX_FEN: i64 = 1_000_000_000_000;
/// Largest average contribution index: 3.0 (the contribution-base cap is 300 % of the average wage).
pub const MAX_INDEX_BP: u32 = 30_000;
/// At most two adults per household.
pub const MAX_ADULTS: usize = 2;
pub const MAX_CHILDREN: usize = 10;
pub const MAX_SEGMENTS: usize = 50;
/// Children from this age (20, in months) are past school entry and the entrance exams [I].
pub const SCHOOL_AGE_LIMIT_MONTHS: i32 = 20 * 12;
/// The first evaluation month accepted: the longest count back from it (`MAX_MONTHS`, 100 years) still lands on a
/// month `YearMonth` can hold (1900-01).
pub const EARLIEST_AS_OF: YearMonth = YearMonth::ym(2000, 1);
/// The last evaluation month accepted: 45 years of timeline after it, and the retirement months of anyone born by
/// then, stay well inside `YearMonth`'s range (to 2200-12), so no month the engine computes is cut off there.
pub const LATEST_AS_OF: YearMonth = YearMonth::ym(2100, 12);

/// An assessment request: the household and, optionally, the month to assess at.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", schemars(rename = "Request"))]
pub struct Request {
    /// The evaluation month. When absent, the caller's current month is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<YearMonth>,
    #[serde(default)]
    pub household: Household,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", schemars(rename = "Household"))]
pub struct Household {
    /// One or two adults; with none, one adult about whom nothing is known is assessed.
    #[serde(default)]
    pub adults: Vec<Adult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
    /// Monthly income per person, in fen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income_per_capita_fen: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assets_fen: Option<i64>,
    /// Owns housing in the city or county town where the family lives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owns_home_here: Option<bool>,
    /// Living space per person, in whole square metres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor_area_per_capita_m2: Option<u32>,
    /// Someone in the household pays into the housing provident fund now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provident_fund_depositing: Option<bool>,
    /// The family rents its home here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rents_home: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monthly_rent_fen: Option<i64>,
    /// The family's own answer to "is our income per person below the local line?", for places whose line we do
    /// not have as a number (the local housing office publishes it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income_below_local_line: Option<bool>,
    #[serde(default)]
    pub children: Vec<Child>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Sex {
    Male,
    Female,
}

/// A woman's original retirement category: it decides her statutory retirement age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum FemaleCategory {
    /// Female worker (女工人): original age 50.
    Worker50,
    /// Cadre, management or technical post (女干部、管理和专业技术岗位): original age 55.
    Cadre55,
    /// Flexible or individually insured: most places use 55 (unconfirmed, local).
    Flexible,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum HukouType {
    Rural,
    Urban,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Employment {
    /// A labour contract with social insurance through the employer.
    Contract,
    /// Flexible work (灵活就业), insured individually.
    Flexible,
    /// Self-employed with a business licence (个体工商户).
    SelfEmployed,
    Agriculture,
    Unemployed,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", schemars(rename = "Adult"))]
pub struct Adult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth: Option<YearMonth>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub female_category: Option<FemaleCategory>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hukou_type: Option<HukouType>,
    /// Where the hukou is registered (a place id).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "places::optional")]
    pub hukou_place: Option<String>,
    /// Where the adult lives and works now (a place id).
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "places::optional")]
    pub current_place: Option<String>,
    /// The hukou is registered outside the place the adult lives in (`currentPlace`, at the level it is given). For
    /// a rule written for a larger area it settles "outside" only when known to be inside, and vice versa.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hukou_elsewhere: Option<bool>,
    /// Whole months lived in the current city, counted up to the evaluation month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months_in_place: Option<u32>,
    /// Legal stable employment here (labour contract, business licence, employer's certificate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stable_job: Option<bool>,
    /// Legal stable residence here (rental contract, property certificate, accommodation certificate).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stable_home: Option<bool>,
    /// Studying here continuously (连续就读).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continuous_study: Option<bool>,
    #[serde(default)]
    pub permit: Permit,
    /// Continuous months of social insurance paid in the current place, up to the evaluation month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub si_months_here: Option<u32>,
    /// Length of the current labour contract, in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_months: Option<u32>,
    /// The month a business licence here was issued (个体工商户), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_licence_since: Option<YearMonth>,
    /// The adult's parents own a home in the town where the adult lives (the county town, for a county): some
    /// county housing rules ask that "the applicant and parents" have none (怀宁), or weigh a direct relative's
    /// home (梁平).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parents_home_here: Option<bool>,
    /// Whether the adult graduated from a college or university (大专 or higher), for new-graduate housing paths;
    /// `false` is "no", which closes them, where an unknown leaves them open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub college: Option<bool>,
    /// The month of graduation from college or university, for new-graduate housing paths.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graduated: Option<YearMonth>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<Employment>,
    #[serde(default)]
    pub employee_pension: EmployeePension,
    #[serde(default)]
    pub resident_pension: ResidentPension,
    /// Local numbers the family or a counselor knows where our data has none, with where they came from.
    #[serde(default, skip_serializing_if = "LocalNumbers::is_empty")]
    pub local_numbers: LocalNumbers,
}

/// Local numbers someone supplies for the places this adult's answers depend on: the benefit base where the
/// employee pension will be paid, the residents' basic pension at the hukou place, the urban-district population of
/// the city lived in. Each is used only where the policy data has no number; the answer then says the number was
/// theirs and where it came from. Where the data has one, the data is used and the answer says so.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", schemars(rename = "LocalNumbers"))]
pub struct LocalNumbers {
    /// 计发基数 (yuan a month, in fen) of the province where the employee pension will be paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benefit_base_fen: Option<i64>,
    /// The residents' basic pension (基础养老金, a month, in fen) at the hukou place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resident_basic_pension_fen: Option<i64>,
    /// The urban-district population (城区常住人口) of the city lived in, in units of 10,000 people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city_population_10k: Option<u32>,
    /// Where the numbers came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<NumberSource>,
    /// The document or office, in the supplier's words (at most 200 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl LocalNumbers {
    pub fn is_empty(&self) -> bool {
        self == &LocalNumbers::default()
    }
}

/// Places as requests give them are read in their canonical spelling (the GB/T 2260 code where an alias names
/// one; see `crate::place`), so that two spellings of one place are one place in every rule and every result.
pub(crate) mod places {
    use serde::{Deserialize, Deserializer};

    fn respelled(id: String) -> String {
        match crate::place::canonical(&id) {
            Some(std::borrow::Cow::Owned(c)) => c,
            _ => id,
        }
    }

    pub fn one<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        String::deserialize(d).map(respelled)
    }

    pub fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Option::<String>::deserialize(d).map(|p| p.map(respelled))
    }

    pub fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        Vec::<String>::deserialize(d).map(|v| v.into_iter().map(respelled).collect())
    }
}

/// The longest note about where supplied numbers came from, in characters.
pub const MAX_NOTE_CHARS: usize = 200;

/// Where a supplied number came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum NumberSource {
    /// A published government notice.
    OfficialNotice,
    /// The social-insurance, housing or public-security office told them.
    Office,
    Other,
}

/// A residence permit (居住证) held in the current city.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", schemars(rename = "Permit"))]
pub struct Permit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held: Option<bool>,
    /// The month it was issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<YearMonth>,
    /// The month of the last late endorsement, if an annual endorsement was ever missed: continuous years count
    /// from here (条例 Art. 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_endorsement: Option<YearMonth>,
}

/// The employee scheme (职工养老保险) record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", schemars(rename = "EmployeePension"))]
pub struct EmployeePension {
    /// Total contribution months, deemed years included (视同缴费年限).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// Contribution months by place, oldest first; the last is where the relationship is now.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<Segment>,
    /// Paying in now and expecting to keep paying every month until retirement (the statutory month, or the one
    /// chosen in `plannedRetirement`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contributing_now: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_balance_fen: Option<i64>,
    /// Average contribution index Z (本人平均缴费指数), in basis points: 0.6 = 6000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub average_index_bp: Option<u32>,
    /// The base of the contributions paid now, as an index of the average wage in basis points (a flexible worker
    /// chooses 6000–30000). When absent, contributions from now on are taken at the average index so far.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_base_bp: Option<u32>,
    /// The month the adult chooses to retire, where it is not the statutory one: an elastic early or late month
    /// (Measures Art. 3, checked against its window and the minimum years), or with `specialEarly` the month of a
    /// special early retirement. Absent: the statutory month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_retirement: Option<YearMonth>,
    /// Retires early under a special kind (特殊工种, illness and the like) at `plannedRetirement`; whether it
    /// applies is for the social insurance agency to decide, not checked here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special_early: Option<bool>,
    /// The month first insured in the employee scheme: for whether a one-off payment is open (人社部令第13号 Art. 2:
    /// insured before the Social Insurance Law, 2011-07).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_insured: Option<YearMonth>,
}

/// Months contributed in one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", schemars(rename = "Segment"))]
pub struct Segment {
    #[serde(deserialize_with = "places::one")]
    pub place: String,
    pub months: u32,
}

/// The residents' scheme (城乡居民养老保险) record, kept at the hukou place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", schemars(rename = "ResidentPension"))]
pub struct ResidentPension {
    /// Contribution months (years × 12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance_fen: Option<i64>,
    /// Months covered by both schemes; only the employee months count for them (2014 linkage rules Art. 7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overlap_months: Option<u32>,
    /// Already receives another statutory basic pension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_pension: Option<bool>,
    /// Paying into the residents' scheme now and expecting to keep paying every year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contributing_now: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum SchoolStage {
    Preschool,
    Primary,
    Junior,
    Senior,
    Other,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", schemars(rename = "Child"))]
pub struct Child {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth: Option<YearMonth>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<SchoolStage>,
    /// Where the child's school registration (学籍) is.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "places::optional")]
    pub xueji_place: Option<String>,
    /// Continuous years of 学籍 there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xueji_years: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "places::optional")]
    pub hukou_place: Option<String>,
    /// Took (or will take) the senior-high entrance exam (中考) in the province where the family lives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zhongkao_here: Option<bool>,
}

/// The school calendar: a child starts primary school in the September after turning 6 by 31 August (义务教育法
/// Art. 11), and moves on each September: six years of primary, three of junior high, three of senior high [I].
pub mod calendar {
    use super::SchoolStage;
    use crate::time::YearMonth;

    /// The calendar year in which the school year containing `at` began (September).
    pub fn school_year(at: YearMonth) -> i32 {
        if at.month() >= 9 {
            at.year()
        } else {
            at.year() - 1
        }
    }

    /// The child's age in whole years on 31 August before the school year containing `at` began.
    pub fn school_age(birth: YearMonth, at: YearMonth) -> i32 {
        school_year(at) - birth.year() - i32::from(birth.month() > 8)
    }

    /// The stage a child of this age is in on the usual calendar.
    pub fn stage_by_age(birth: YearMonth, at: YearMonth) -> SchoolStage {
        match school_age(birth, at) {
            ..=5 => SchoolStage::Preschool,
            6..=11 => SchoolStage::Primary,
            12..=14 => SchoolStage::Junior,
            15..=17 => SchoolStage::Senior,
            _ => SchoolStage::Other,
        }
    }

    /// A stage `steps` stages on (past senior high: `Other`).
    pub fn later(stage: SchoolStage, steps: usize) -> SchoolStage {
        const ORDER: [SchoolStage; 5] = [
            SchoolStage::Preschool,
            SchoolStage::Primary,
            SchoolStage::Junior,
            SchoolStage::Senior,
            SchoolStage::Other,
        ];
        let at = ORDER.iter().position(|s| *s == stage).unwrap_or(ORDER.len() - 1);
        ORDER[(at + steps).min(ORDER.len() - 1)]
    }

    /// The birth month the child's school calendar follows: the real one, moved by whole years when the stage given
    /// at `given_at` says the child is ahead of or behind the usual calendar (a child in junior high at 11 goes as
    /// one born a year earlier), by the fewest years that fit; unmoved when no shift of up to three years fits.
    pub fn effective_birth(
        stage: Option<SchoolStage>,
        birth: Option<YearMonth>,
        given_at: YearMonth,
    ) -> Option<YearMonth> {
        let birth = birth?;
        let Some(stage) = stage.filter(|s| *s != SchoolStage::Other) else { return Some(birth) };
        let shifted = [0, 1, -1, 2, -2, 3, -3]
            .into_iter()
            .map(|years: i32| birth + -12 * years)
            .find(|b| stage_by_age(*b, given_at) == stage);
        Some(shifted.unwrap_or(birth))
    }

    /// Years of each stage on the usual calendar, for a child whose birth month is not known.
    fn years_of(stage: SchoolStage) -> Option<u32> {
        match stage {
            SchoolStage::Primary => Some(6),
            SchoolStage::Junior | SchoolStage::Senior => Some(3),
            SchoolStage::Preschool | SchoolStage::Other => None,
        }
    }

    /// The child's stage at `at`, from the stage given at `given_at` and the birth month: the usual calendar
    /// followed from the stage given ([`effective_birth`]); without a stage, the stage by age; without a birth
    /// month, the stage given, moved on when its years have passed counting from its first year [I]; unknown
    /// without either.
    pub fn stage_at(
        stage: Option<SchoolStage>,
        birth: Option<YearMonth>,
        given_at: YearMonth,
        at: YearMonth,
    ) -> Option<SchoolStage> {
        match (stage, birth) {
            (Some(SchoolStage::Other), _) => Some(SchoolStage::Other),
            (Some(_), Some(_)) | (None, Some(_)) => {
                effective_birth(stage, birth, given_at).map(|b| stage_by_age(b, at))
            }
            (Some(mut s), None) => {
                let mut passed = crate::time::septembers_between(given_at, at);
                // At most four stages to move through.
                for _ in 0..4 {
                    match years_of(s) {
                        Some(years) if passed >= years => {
                            passed -= years;
                            s = later(s, 1);
                        }
                        _ => break,
                    }
                }
                Some(s)
            }
            (None, None) => None,
        }
    }

    /// The calendar year a child born `birth` sits the exam that ends junior high (中考, `junior` true) or senior
    /// high (高考): June of the last year of the stage.
    pub fn sitting_year(birth: YearMonth, junior: bool) -> i32 {
        birth.year() + if junior { 15 } else { 18 } + i32::from(birth.month() > 8)
    }

    /// The month a child sits the 中考 (June of the last junior-high year [I]), on the child's own calendar as the
    /// stage given at `given_at` says; unknown without a birth month.
    pub fn zhongkao_month(
        stage: Option<SchoolStage>,
        birth: Option<YearMonth>,
        given_at: YearMonth,
    ) -> Option<YearMonth> {
        effective_birth(stage, birth, given_at).map(|b| YearMonth::ym(sitting_year(b, true), 6))
    }

    /// The school years of `stage` and later a child of `birth` has begun by `at`, at most `years`.
    pub fn years_begun_from(stage_start_age: i32, birth: YearMonth, at: YearMonth, years: i32) -> i32 {
        (school_age(birth, at) - stage_start_age + 1).clamp(0, years)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn the_calendar_moves_each_september() {
            // Born 2008-10: six by 31 August 2015, primary from 2015-09, junior from 2021-09, senior from 2024-09,
            // the 高考 in June 2027.
            let b = YearMonth::ym(2008, 10);
            assert_eq!(stage_by_age(b, YearMonth::ym(2015, 8)), SchoolStage::Preschool);
            assert_eq!(stage_by_age(b, YearMonth::ym(2015, 9)), SchoolStage::Primary);
            assert_eq!(stage_by_age(b, YearMonth::ym(2021, 9)), SchoolStage::Junior);
            assert_eq!(stage_by_age(b, YearMonth::ym(2024, 8)), SchoolStage::Junior);
            assert_eq!(stage_by_age(b, YearMonth::ym(2024, 9)), SchoolStage::Senior);
            assert_eq!(sitting_year(b, false), 2027);
            assert_eq!(sitting_year(b, true), 2024);
            // Born 2011-05 (G-ZK1): junior 3 in 2025-26, the 中考 in June 2026.
            assert_eq!(sitting_year(YearMonth::ym(2011, 5), true), 2026);
            // A junior child given as such in 2026-11 is senior from 2027-09 if the calendar says so.
            let (nov, sep) = (YearMonth::ym(2026, 11), YearMonth::ym(2027, 9));
            assert_eq!(
                stage_at(Some(SchoolStage::Junior), Some(YearMonth::ym(2012, 3)), nov, sep),
                Some(SchoolStage::Senior)
            );
            // A child a year ahead (junior at 11) stays junior in 2027-09; one a year behind (primary at 12) moves
            // on to junior then.
            assert_eq!(
                stage_at(Some(SchoolStage::Junior), Some(YearMonth::ym(2015, 3)), nov, sep),
                Some(SchoolStage::Junior)
            );
            assert_eq!(
                stage_at(Some(SchoolStage::Primary), Some(YearMonth::ym(2014, 3)), nov, sep),
                Some(SchoolStage::Junior)
            );
            // The child a year ahead sits the 高考 a year early: born 2014-10, in junior high in 2026-11, sits it in
            // 2032, not 2033.
            let ahead = effective_birth(Some(SchoolStage::Junior), Some(YearMonth::ym(2014, 10)), nov);
            assert_eq!(ahead.map(|b| sitting_year(b, false)), Some(2032));
            // Without a birth month a stage lasts its years from its first year [I]: junior high three Septembers.
            let four_years = YearMonth::ym(2030, 11);
            assert_eq!(stage_at(Some(SchoolStage::Junior), None, nov, four_years), Some(SchoolStage::Senior));
            assert_eq!(
                stage_at(Some(SchoolStage::Junior), None, nov, YearMonth::ym(2029, 8)),
                Some(SchoolStage::Junior)
            );
        }
    }
}

/// Who a question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Household,
    Adult(u8),
    Child(u8),
}

impl Subject {
    /// The JSON path of an adult without allocating, for results (there are at most two adults).
    pub fn adult_path(index: u8) -> &'static str {
        match index {
            0 => "household.adults[0]",
            _ => "household.adults[1]",
        }
    }

    /// The JSON path of a child without allocating (at most `MAX_CHILDREN`).
    pub fn child_path(index: u8) -> &'static str {
        const PATHS: [&str; MAX_CHILDREN] = [
            "household.children[0]",
            "household.children[1]",
            "household.children[2]",
            "household.children[3]",
            "household.children[4]",
            "household.children[5]",
            "household.children[6]",
            "household.children[7]",
            "household.children[8]",
            "household.children[9]",
        ];
        PATHS[usize::from(index).min(MAX_CHILDREN - 1)]
    }

    /// The JSON path of the subject: `household`, `household.adults[0]`, `household.children[1]`.
    pub fn path(self) -> String {
        match self {
            Subject::Household => "household".into(),
            Subject::Adult(i) => format!("household.adults[{i}]"),
            Subject::Child(i) => format!("household.children[{i}]"),
        }
    }
}

/// A question the calculator can ask; serialized as the JSON path of the request field that answers it,
/// e.g. `household.adults[0].monthsInPlace`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    pub subject: Subject,
    /// The field's camelCase path below the subject, e.g. `monthsInPlace` or `employeePension.months`.
    pub field: &'static str,
}

impl Question {
    pub const fn adult(index: u8, field: &'static str) -> Self {
        Question { subject: Subject::Adult(index), field }
    }

    pub const fn household(field: &'static str) -> Self {
        Question { subject: Subject::Household, field }
    }

    pub fn path(self) -> String {
        format!("{}.{}", self.subject.path(), self.field)
    }
}

impl Serialize for Question {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.path())
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Question {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Question".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "The JSON path of the request field that answers the question, e.g. household.adults[0].monthsInPlace"
        })
    }
}

/// A request value that parses but is out of range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// JSON path of the field, e.g. `household.adults[0].monthsInPlace`.
    pub path: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    TooLarge {
        max: i64,
    },
    Negative,
    TooMany {
        max: usize,
    },
    /// A date after the evaluation month (e.g. a birth in the future).
    AfterAsOf,
    /// A number outside the range an action allows (e.g. a flexible worker's base of 6000–30000 bp).
    OutOfRange {
        min: i64,
        max: i64,
    },
    /// A place id with no policy layer (see `anju_rules::policy::data::PLACES`).
    UnknownPlace,
    /// Not a place id at all (an empty part such as `henan//lankao`, or deeper than a county).
    NotAPlace,
    /// A month later than the furthest a timeline looks (45 years after the evaluation month).
    TooLate {
        latest: YearMonth,
    },
    /// A month outside the range the engine supports: an evaluation month outside
    /// `EARLIEST_AS_OF..=LATEST_AS_OF`, or a date more than 100 years (`MAX_MONTHS`) before it.
    MonthOutOfRange {
        earliest: YearMonth,
        latest: YearMonth,
    },
    /// Going home (`moveHome`, `farmAtHome`) by an adult whose hukou place is not given: where home is, is not known.
    HukouPlaceNeeded,
}

impl Request {
    /// Range checks beyond what the types enforce, at evaluation month `as_of`. Empty when acceptable.
    pub fn validate(&self, as_of: YearMonth) -> Vec<FieldError> {
        let mut v = Validator { as_of, errors: Vec::new() };
        if !(EARLIEST_AS_OF..=LATEST_AS_OF).contains(&as_of) {
            v.push("asOf", Problem::MonthOutOfRange { earliest: EARLIEST_AS_OF, latest: LATEST_AS_OF });
        }
        let h = &self.household;
        v.count("household.adults", h.adults.len(), MAX_ADULTS);
        v.count("household.children", h.children.len(), MAX_CHILDREN);
        v.fen("household.incomePerCapitaFen", h.income_per_capita_fen);
        v.fen("household.assetsFen", h.assets_fen);
        v.fen("household.monthlyRentFen", h.monthly_rent_fen);
        v.max("household.size", h.size, 100);
        v.max("household.floorAreaPerCapitaM2", h.floor_area_per_capita_m2, 10_000);
        for (i, a) in h.adults.iter().enumerate() {
            let at = |f: &str| format!("household.adults[{i}].{f}");
            v.past(at("birth"), a.birth);
            v.past(at("permit.issued"), a.permit.issued);
            v.past(at("permit.lateEndorsement"), a.permit.late_endorsement);
            v.past(at("businessLicenceSince"), a.business_licence_since);
            v.past(at("graduated"), a.graduated);
            v.place(at("hukouPlace"), a.hukou_place.as_deref());
            v.place(at("currentPlace"), a.current_place.as_deref());
            v.max(&at("siMonthsHere"), a.si_months_here, MAX_MONTHS);
            v.max(&at("contractMonths"), a.contract_months, MAX_MONTHS);
            v.max(&at("monthsInPlace"), a.months_in_place, MAX_MONTHS);
            let e = &a.employee_pension;
            v.max(&at("employeePension.months"), e.months, MAX_MONTHS);
            v.fen(&at("employeePension.accountBalanceFen"), e.account_balance_fen);
            v.max(&at("employeePension.averageIndexBp"), e.average_index_bp, MAX_INDEX_BP);
            v.max(&at("employeePension.currentBaseBp"), e.current_base_bp, MAX_INDEX_BP);
            v.near(at("employeePension.plannedRetirement"), e.planned_retirement);
            v.past(at("employeePension.firstInsured"), e.first_insured);
            v.count(&at("employeePension.segments"), e.segments.len(), MAX_SEGMENTS);
            for (j, s) in e.segments.iter().enumerate() {
                v.max(&at(&format!("employeePension.segments[{j}].months")), Some(s.months), MAX_MONTHS);
                v.place(at(&format!("employeePension.segments[{j}].place")), Some(&s.place));
            }
            let r = &a.resident_pension;
            v.max(&at("residentPension.months"), r.months, MAX_MONTHS);
            v.max(&at("residentPension.overlapMonths"), r.overlap_months, MAX_MONTHS);
            v.fen(&at("residentPension.balanceFen"), r.balance_fen);
            let n = &a.local_numbers;
            v.range(&at("localNumbers.benefitBaseFen"), n.benefit_base_fen, 1, 10_000_000);
            v.range(&at("localNumbers.residentBasicPensionFen"), n.resident_basic_pension_fen, 1, 1_000_000);
            v.range(&at("localNumbers.cityPopulation10k"), n.city_population_10k.map(i64::from), 1, 5_000);
            if n.note.as_deref().is_some_and(|t| t.chars().count() > MAX_NOTE_CHARS) {
                v.push(at("localNumbers.note"), Problem::TooMany { max: MAX_NOTE_CHARS });
            }
        }
        for (i, c) in h.children.iter().enumerate() {
            v.past(format!("household.children[{i}].birth"), c.birth);
            v.max(&format!("household.children[{i}].xuejiYears"), c.xueji_years, 30);
            v.place(format!("household.children[{i}].hukouPlace"), c.hukou_place.as_deref());
            v.place(format!("household.children[{i}].xuejiPlace"), c.xueji_place.as_deref());
        }
        v.errors
    }
}

struct Validator {
    as_of: YearMonth,
    errors: Vec<FieldError>,
}

impl Validator {
    fn push(&mut self, path: impl Into<String>, problem: Problem) {
        self.errors.push(FieldError { path: path.into(), problem });
    }

    /// A place must be a place id (it need not have a policy layer: national rules answer there).
    fn place(&mut self, path: String, value: Option<&str>) {
        if value.is_some_and(|p| !crate::place::is_place_id(p)) {
            self.push(path, Problem::NotAPlace);
        }
    }

    fn max(&mut self, path: &str, value: Option<u32>, max: u32) {
        if value.is_some_and(|v| v > max) {
            self.push(path, Problem::TooLarge { max: i64::from(max) });
        }
    }

    fn range(&mut self, path: &str, value: Option<i64>, min: i64, max: i64) {
        if value.is_some_and(|v| !(min..=max).contains(&v)) {
            self.push(path, Problem::OutOfRange { min, max });
        }
    }

    fn fen(&mut self, path: &str, value: Option<i64>) {
        match value {
            Some(v) if v < 0 => self.push(path, Problem::Negative),
            Some(v) if v > MAX_FEN => self.push(path, Problem::TooLarge { max: MAX_FEN }),
            _ => {}
        }
    }

    fn count(&mut self, path: &str, len: usize, max: usize) {
        if len > max {
            self.push(path, Problem::TooMany { max });
        }
    }

    /// A date of the past: not after the evaluation month, nor more than 100 years before it.
    fn past(&mut self, path: String, value: Option<YearMonth>) {
        let (earliest, latest) = past_months(self.as_of);
        match value {
            Some(v) if v > latest => self.push(path, Problem::AfterAsOf),
            Some(v) if v < earliest => self.push(path, Problem::MonthOutOfRange { earliest, latest }),
            _ => {}
        }
    }
}

impl Validator {
    /// A month of the past or the future, at most 100 years (`MAX_MONTHS`) from the evaluation month.
    fn near(&mut self, path: String, value: Option<YearMonth>) {
        let (earliest, latest) = (self.as_of + -(MAX_MONTHS as i32), self.as_of + MAX_MONTHS as i32);
        if value.is_some_and(|v| v < earliest || v > latest) {
            self.push(path, Problem::MonthOutOfRange { earliest, latest });
        }
    }
}

/// The months a date of the past may hold at evaluation month `as_of`: the 100 years (`MAX_MONTHS`) up to it.
pub fn past_months(as_of: YearMonth) -> (YearMonth, YearMonth) {
    (as_of + -(MAX_MONTHS as i32), as_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOV_2026: YearMonth = YearMonth::ym(2026, 11);

    fn parse(json: &str) -> Result<Request, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn absent_and_null_fields_are_unknown_not_false() {
        let r = parse(r#"{"household": {"adults": [{"stableJob": true, "stableHome": null}]}}"#).unwrap();
        let a = &r.household.adults[0];
        assert_eq!(a.stable_job, Some(true));
        assert_eq!(a.stable_home, None);
        assert_eq!(a.months_in_place, None);
        assert_eq!(a.employee_pension, EmployeePension::default());
        assert_eq!(r.as_of, None);
    }

    #[test]
    fn unknown_fields_and_negative_months_are_rejected() {
        assert!(parse(r#"{"household": {"adults": [{"stableJb": true}]}}"#).is_err());
        assert!(parse(r#"{"household": {"adults": [{"monthsInPlace": -3}]}}"#).is_err());
        assert!(parse(r#"{"household": {"adults": [{"sex": "other"}]}}"#).is_err());
    }

    /// serde reads a derived struct from an array of its fields too; a request and each part of it is an object.
    #[test]
    fn a_request_and_its_parts_are_objects_never_arrays() {
        for bad in [
            "[]",
            "[null, {}]",
            r#""2026-11""#,
            "7",
            r#"{"household": []}"#,
            r#"{"household": {"adults": [[]]}}"#,
            r#"{"household": {"children": [["2015-09"]]}}"#,
            r#"{"household": {"adults": [{"permit": [true]}]}}"#,
            r#"{"household": {"adults": [{"employeePension": [12]}]}}"#,
            r#"{"household": {"adults": [{"employeePension": {"segments": [["henan", 12]]}}]}}"#,
            r#"{"household": {"adults": [{"residentPension": [12]}]}}"#,
        ] {
            let err = parse(bad).unwrap_err().to_string();
            assert!(err.contains("expected a JSON object"), "{bad}: {err}");
        }
        let r = parse(r#"{"asOf": "2026-11", "household": {"adults": [{"permit": {"held": true}}]}}"#).unwrap();
        assert_eq!(r.household.adults[0].permit.held, Some(true));
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(
            json,
            r#"{"asOf":"2026-11","household":{"adults":[{"permit":{"held":true},"employeePension":{},"residentPension":{}}],"children":[]}}"#
        );
        assert_eq!(parse(&json).unwrap(), r, "what is written reads back");
    }

    #[test]
    fn out_of_range_values_are_named_by_path() {
        let r = parse(
            r#"{"household": {"adults": [{"monthsInPlace": 1201, "birth": "2027-01",
                "employeePension": {"accountBalanceFen": -1, "averageIndexBp": 30001,
                                    "segments": [{"place": "beijing", "months": 5000}]}}]}}"#,
        )
        .unwrap();
        let paths: Vec<(String, Problem)> = r.validate(NOV_2026).into_iter().map(|e| (e.path, e.problem)).collect();
        assert_eq!(
            paths,
            [
                ("household.adults[0].birth".into(), Problem::AfterAsOf),
                ("household.adults[0].monthsInPlace".into(), Problem::TooLarge { max: 1200 }),
                ("household.adults[0].employeePension.accountBalanceFen".into(), Problem::Negative),
                ("household.adults[0].employeePension.averageIndexBp".into(), Problem::TooLarge { max: 30_000 }),
                ("household.adults[0].employeePension.segments[0].months".into(), Problem::TooLarge { max: 1200 }),
            ]
        );
        let three = Request {
            household: Household { adults: vec![Adult::default(); 3], ..Household::default() },
            ..Request::default()
        };
        assert_eq!(three.validate(NOV_2026)[0].problem, Problem::TooMany { max: 2 });
    }

    /// The supported evaluation months are 2000-01 to 2100-12; a date of the past lies in the 100 years up to the
    /// evaluation month (at 2026-11: 1926-11 to 2026-11).
    #[test]
    fn months_outside_the_supported_range_are_named_by_path() {
        let r = parse(r#"{"asOf": "2180-01", "household": {"adults": [{}], "children": [{}]}}"#).unwrap();
        let as_of = r.as_of.unwrap();
        let errors = r.validate(as_of);
        assert_eq!(
            errors,
            [FieldError {
                path: "asOf".into(),
                problem: Problem::MonthOutOfRange { earliest: YearMonth::ym(2000, 1), latest: YearMonth::ym(2100, 12) },
            }]
        );
        for ok in [YearMonth::ym(2000, 1), YearMonth::ym(2100, 12)] {
            assert_eq!(Request::default().validate(ok), [], "{ok}");
        }
        assert_eq!(Request::default().validate(YearMonth::ym(1999, 12)).len(), 1);
        assert_eq!(Request::default().validate(YearMonth::ym(2101, 1)).len(), 1);

        let r = parse(
            r#"{"household": {"adults": [{"birth": "1926-10", "permit": {"issued": "1926-11"}}],
                "children": [{"birth": "1900-01"}]}}"#,
        )
        .unwrap();
        let out = Problem::MonthOutOfRange { earliest: YearMonth::ym(1926, 11), latest: NOV_2026 };
        let paths: Vec<(String, Problem)> = r.validate(NOV_2026).into_iter().map(|e| (e.path, e.problem)).collect();
        assert_eq!(
            paths,
            [("household.adults[0].birth".into(), out.clone()), ("household.children[0].birth".into(), out),]
        );
    }

    #[test]
    fn a_place_that_is_not_a_place_id_is_named_by_path() {
        let r = parse(
            r#"{"household": {"adults": [{"hukouPlace": "shanxi/taiyuan/xinghualing/", "currentPlace": "henan",
                "employeePension": {"segments": [{"place": "guangdong//shenzhen", "months": 3}]}}],
                "children": [{"hukouPlace": "henan/kaifeng/lankao/x"}]}}"#,
        )
        .unwrap();
        let paths: Vec<String> = r.validate(NOV_2026).into_iter().map(|e| e.path).collect();
        assert_eq!(
            paths,
            [
                "household.adults[0].hukouPlace",
                "household.adults[0].employeePension.segments[0].place",
                "household.children[0].hukouPlace"
            ]
        );
    }

    #[test]
    fn question_fields_are_real_request_fields() {
        // Every field a question can name must exist in the schema: serialize a fully populated adult and look.
        let adult = Adult {
            birth: Some(NOV_2026),
            sex: Some(Sex::Female),
            female_category: Some(FemaleCategory::Worker50),
            hukou_type: Some(HukouType::Rural),
            hukou_place: Some("x".into()),
            current_place: Some("y".into()),
            hukou_elsewhere: Some(true),
            months_in_place: Some(1),
            stable_job: Some(true),
            stable_home: Some(true),
            parents_home_here: Some(true),
            college: Some(true),
            continuous_study: Some(true),
            permit: Permit { held: Some(true), issued: Some(NOV_2026), late_endorsement: Some(NOV_2026) },
            si_months_here: Some(1),
            contract_months: Some(1),
            business_licence_since: Some(NOV_2026),
            graduated: Some(NOV_2026),
            employment: Some(Employment::Flexible),
            employee_pension: EmployeePension {
                months: Some(1),
                segments: vec![Segment { place: "x".into(), months: 1 }],
                contributing_now: Some(true),
                account_balance_fen: Some(1),
                average_index_bp: Some(1),
                current_base_bp: Some(6000),
                planned_retirement: Some(NOV_2026),
                special_early: Some(true),
                first_insured: Some(NOV_2026),
            },
            resident_pension: ResidentPension {
                months: Some(1),
                balance_fen: Some(1),
                overlap_months: Some(1),
                other_pension: Some(false),
                contributing_now: Some(false),
            },
            local_numbers: LocalNumbers {
                benefit_base_fen: Some(1),
                resident_basic_pension_fen: Some(1),
                city_population_10k: Some(1),
                source: Some(NumberSource::Other),
                note: Some("x".into()),
            },
        };
        let json = serde_json::to_value(&adult).unwrap();
        for field in crate::programs::ADULT_QUESTION_FIELDS {
            let found = field.split('.').try_fold(&json, |v, key| v.get(key));
            assert!(found.is_some(), "question field {field} is not in the schema");
        }
        assert_eq!(Question::adult(1, "sex").path(), "household.adults[1].sex");

        let household = Household {
            size: Some(1),
            income_per_capita_fen: Some(1),
            assets_fen: Some(1),
            owns_home_here: Some(true),
            floor_area_per_capita_m2: Some(1),
            provident_fund_depositing: Some(true),
            rents_home: Some(true),
            monthly_rent_fen: Some(1),
            income_below_local_line: Some(true),
            ..Household::default()
        };
        let json = serde_json::to_value(&household).unwrap();
        for field in crate::programs::HOUSEHOLD_QUESTION_FIELDS {
            assert!(json.get(field).is_some(), "household question field {field} is not in the schema");
        }
        let child = Child {
            birth: Some(NOV_2026),
            stage: Some(SchoolStage::Primary),
            xueji_place: Some("x".into()),
            xueji_years: Some(1),
            hukou_place: Some("x".into()),
            zhongkao_here: Some(true),
        };
        let json = serde_json::to_value(&child).unwrap();
        for field in crate::programs::CHILD_QUESTION_FIELDS {
            assert!(json.get(field).is_some(), "child question field {field} is not in the schema");
        }
    }
}
