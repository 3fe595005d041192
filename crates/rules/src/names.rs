//! Plain names for what results refer to by id: the office that decides each program, policy parameters,
//! the questions a result asks, and the documents and articles it cites.
//!
//! Results keep their ids (`public_rental.area_line_m2`, `household.adults[0].monthsInPlace`, `第七条第（二）项`);
//! people read the names made here. Each catalogue has a test that it covers everything the data and the request
//! schema can name, so no id reaches a sentence. Where a catalogue lacks an entry the text says so in plain words
//! ("一项当地数值" / "a local number") rather than printing the id.
//!
//! Decisions where the rules are silent:
//! - The office named is the one that decides the program: 社保经办机构 (pensions), 住房保障部门 (公租房, 保租房),
//!   住房公积金管理中心 (the fund), 教育部门 (school entry, 中考, 高考), 公安机关 (residence permits, hukou).
//! - English document titles are the sources' `title_en`. None of them is an official English title we have
//!   seen, so English explanations say once that titles are translated, rather than marking every line.
//! - Articles are translated by their shape (第十六条第（三）项 → Art. 16(3), 附件2 → Annex 2) or, for the named
//!   sections local notices use (入学条件), from a table; a test checks every article in the data has an English form.

use crate::household::Subject;
use crate::message::Lang;
use crate::policy::{Confidence, Source};
use crate::report::ProgramId;

/// The office that decides a program, and so the one to ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Office {
    /// 社会保险经办机构: pensions.
    SocialInsurance,
    /// 住房保障部门: public and affordable rental housing.
    HousingSecurity,
    /// 住房公积金管理中心: the housing provident fund.
    ProvidentFund,
    /// 教育部门: school entry and the entrance exams.
    Education,
    /// 公安机关: residence permits and hukou.
    PublicSecurity,
}

impl Office {
    pub fn of_program(program: ProgramId) -> Office {
        match program {
            ProgramId::EmployeePension | ProgramId::ResidentPension => Office::SocialInsurance,
            ProgramId::PublicRental | ProgramId::AffordableRental | ProgramId::RentalSubsidy => Office::HousingSecurity,
            ProgramId::ProvidentFundRent => Office::ProvidentFund,
            ProgramId::SchoolEntry | ProgramId::ExamEligibility | ProgramId::ZhongkaoEligibility => Office::Education,
            ProgramId::ResidencePermit | ProgramId::HukouTransfer => Office::PublicSecurity,
        }
    }

    /// The office for a parameter key (`program.parameter`), by its program.
    pub fn of_parameter(key: &str) -> Option<Office> {
        let program = key.split('.').next()?;
        let id = [
            ProgramId::ResidencePermit,
            ProgramId::EmployeePension,
            ProgramId::ResidentPension,
            ProgramId::HukouTransfer,
            ProgramId::PublicRental,
            ProgramId::AffordableRental,
            ProgramId::ProvidentFundRent,
            ProgramId::RentalSubsidy,
            ProgramId::SchoolEntry,
            ProgramId::ExamEligibility,
            ProgramId::ZhongkaoEligibility,
        ]
        .into_iter()
        .find(|p| p.id() == program)?;
        Some(Office::of_program(id))
    }

    /// "the local …", to follow "ask" / "请问".
    pub fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Office::SocialInsurance, Lang::ZhCn) => "当地社保经办机构",
            (Office::SocialInsurance, Lang::En) => "the local social insurance agency",
            (Office::HousingSecurity, Lang::ZhCn) => "当地住房保障部门",
            (Office::HousingSecurity, Lang::En) => "the local housing security department",
            (Office::ProvidentFund, Lang::ZhCn) => "当地住房公积金管理中心",
            (Office::ProvidentFund, Lang::En) => "the local housing provident fund centre",
            (Office::Education, Lang::ZhCn) => "当地教育部门",
            (Office::Education, Lang::En) => "the local education department",
            (Office::PublicSecurity, Lang::ZhCn) => "当地公安机关",
            (Office::PublicSecurity, Lang::En) => "the local public security bureau (police)",
        }
    }
}

/// Policy parameters in words, by key: (key, Chinese, English). A table, not a match: the page's engine carries
/// it as data, which is smaller than the code a match on strings compiles to.
const PARAMETER_NAMES: &[(&str, &str, &str)] = &[
    (
        "employee_pension.lump_sum_insured_before",
        "可以一次性补缴的参保时间（在此之前参保）",
        "the month one must have been insured before for a one-off payment",
    ),
    ("employee_pension.account_divisor", "个人账户养老金计发月数", "the months the account balance is divided by"),
    ("employee_pension.account_interest", "个人账户记账利率", "the interest rate credited to the personal account"),
    ("employee_pension.account_share", "每月记入个人账户的比例", "the share of contributions credited to the account"),
    ("employee_pension.basic_rate_per_year", "每交一年的基础养老金比例", "the basic pension per contribution year"),
    ("employee_pension.benefit_base", "养老金计发基数", "the pension benefit base (the average wage)"),
    ("employee_pension.elastic_window", "弹性提前或延后退休的最长时间", "the longest early or late retirement"),
    (
        "employee_pension.female50_base_age",
        "原50岁退休女职工的原退休年龄",
        "the original retirement age of women workers",
    ),
    ("employee_pension.female50_cap", "原50岁退休女职工最多延迟多久", "the largest delay for women workers"),
    (
        "employee_pension.female50_first_cohort",
        "原50岁退休女职工从哪个出生月份开始延迟",
        "the first birth month delayed for women workers",
    ),
    (
        "employee_pension.female50_step",
        "原50岁退休女职工延迟的快慢",
        "how fast retirement is delayed for women workers",
    ),
    (
        "employee_pension.female55_base_age",
        "原55岁退休女职工的原退休年龄",
        "the original retirement age of women cadres",
    ),
    ("employee_pension.female55_cap", "原55岁退休女职工最多延迟多久", "the largest delay for women cadres"),
    (
        "employee_pension.female55_first_cohort",
        "原55岁退休女职工从哪个出生月份开始延迟",
        "the first birth month delayed for women cadres",
    ),
    ("employee_pension.female55_step", "原55岁退休女职工延迟的快慢", "how fast retirement is delayed for women cadres"),
    ("employee_pension.male_base_age", "男职工的原退休年龄", "men's original retirement age"),
    ("employee_pension.male_cap", "男职工最多延迟多久", "the largest delay for men"),
    ("employee_pension.male_first_cohort", "男职工从哪个出生月份开始延迟", "the first birth month delayed for men"),
    ("employee_pension.male_step", "男职工延迟的快慢", "how fast retirement is delayed for men"),
    ("employee_pension.flexible_rate", "灵活就业人员的缴费比例", "the contribution rate of flexible workers"),
    (
        "employee_pension.min_contribution_months",
        "领养老金的最低缴费年限",
        "the minimum contribution years for a pension",
    ),
    (
        "employee_pension.min_contribution_months_before_2011",
        "2011年以前退休的最低缴费年限",
        "the minimum contribution years for retirements before 2011",
    ),
    (
        "employee_pension.lump_sum_after_extension_months",
        "一次性补缴前要先延长缴费的时间",
        "the extended payments before a one-off payment",
    ),
    (
        "employee_pension.receipt_threshold_months",
        "在一地交满多久就在那里领养老金",
        "the years in a place that make it where the pension is paid",
    ),
    (
        "resident_pension.account_divisor",
        "居民养老金个人账户计发月数",
        "the months the residents' account is divided by",
    ),
    (
        "resident_pension.addon_per_extra_year",
        "交满15年后每多交一年的加发（年限养老金）",
        "the add-on for each year paid beyond 15",
    ),
    ("resident_pension.basic_pension", "城乡居民基础养老金", "the residents' basic pension"),
    ("resident_pension.benefit_age", "居民养老金的领取年龄", "the age the residents' pension starts"),
    ("resident_pension.min_months", "居民养老金的最低缴费年限", "the minimum years in the residents' scheme"),
    ("residence_permit.min_months_resident", "办居住证要住满多久", "how long one must live here before a permit"),
    (
        "hukou_transfer.max_insurance_months_large",
        "大城市落户最多能要求几年社保",
        "the most years of insurance a large city may require",
    ),
    ("hukou_transfer.megacity_from_10k", "积分落户城市的人口标准", "the city size from which a points system applies"),
    (
        "hukou_transfer.min_insurance_months",
        "落户要求交社保的年限",
        "the years of social insurance needed to move hukou",
    ),
    ("hukou_transfer.relaxed_below_10k", "放开落户的城市人口标准", "the city size below which hukou is open"),
    ("hukou_transfer.urban_population_10k", "城区人口", "the urban-district population"),
    ("public_rental.area_line_m2", "公租房的人均住房面积标准", "the living-space line for public rental housing"),
    ("public_rental.area_line_outside_m2", "外来务工人员的住房面积标准", "outside workers' living-space line"),
    ("public_rental.parents_home_disqualifies_outside", "父母有房的规定", "the parents' home rule"),
    ("public_rental.relatives_home_weighed", "亲属帮助住房的规定", "the relatives' help rule"),
    (
        "public_rental.contract_months_outside",
        "外来务工人员要求的劳动合同期限",
        "the labour-contract length outside workers need",
    ),
    ("public_rental.income_line_fen", "公租房的收入标准", "the income line for public rental housing"),
    ("rental_subsidy.rate_fen_per_m2", "租赁补贴每平方米每月的标准", "the rental subsidy per m² a month"),
    ("rental_subsidy.area_per_person_m2", "租赁补贴每人补贴的面积", "the area per person the rental subsidy pays for"),
    (
        "rental_subsidy.area_cap_household_m2",
        "租赁补贴一户最多补贴的面积",
        "the most area the subsidy pays for a household",
    ),
    (
        "rental_subsidy.area_cap_single_m2",
        "租赁补贴单身最多补贴的面积",
        "the most area the subsidy pays for one person",
    ),
    (
        "public_rental.graduate_months",
        "新毕业生可以申请的毕业年限",
        "how long after graduating new graduates may apply",
    ),
    ("public_rental.si_months_graduate", "新毕业生要求的社保时间", "the social insurance new graduates need"),
    (
        "public_rental.contract_months_graduate",
        "新毕业生要求的劳动合同期限",
        "the labour-contract length new graduates need",
    ),
    (
        "public_rental.si_months_outside",
        "外来务工人员要求的连续社保时间",
        "the continuous social insurance outside workers need",
    ),
    (
        "provident_fund_rent.rent_share_bp",
        "房租占收入多少才能提取公积金",
        "the share of income the rent must exceed to use the fund",
    ),
    ("school_entry.cutoff_month", "入学条件算到哪个月", "the month school-entry conditions are counted to"),
    ("school_entry.permit_months", "入学要求父母持居住证多久", "how long a parent's permit must be held for school"),
    ("school_entry.residence_months", "入学要求住满多久", "how long the family must live here for school"),
    ("school_entry.school_age_years", "上小学的年龄", "the age for primary school"),
    (
        "school_entry.contract_months",
        "入学要求父母的劳动合同多长",
        "how long a parent's labour contract must be for school",
    ),
    ("school_entry.licence_months", "入学时营业执照要办了多久", "how long a business licence must be held for school"),
    (
        "school_entry.licence_waives_si",
        "有营业执照的还要不要交社保",
        "whether a trader with a licence also needs the insurance",
    ),
    ("school_entry.si_continuous", "入学的社保要不要连续", "whether the insurance for school must be continuous"),
    ("school_entry.local_track", "本地户籍孩子怎么入学", "how children with a local hukou are placed"),
    (
        "exam_eligibility.si_continuous",
        "高考的社保要不要连续",
        "whether the insurance for the college exam must be continuous",
    ),
    ("exam_eligibility.xueji_from_stage", "高考算哪几年的学籍", "which school years count for the college exam"),
    (
        "zhongkao_eligibility.si_continuous",
        "中考的社保要不要连续",
        "whether the insurance for the senior-high exam must be continuous",
    ),
    (
        "zhongkao_eligibility.xueji_from_stage",
        "中考算哪几年的学籍",
        "which school years count for the senior-high exam",
    ),
    ("school_entry.both_parents", "入学要不要父母双方都符合", "whether both parents must meet the school tests"),
    (
        "exam_eligibility.both_parents",
        "高考要不要父母双方都符合",
        "whether both parents must meet the college-exam tests",
    ),
    (
        "zhongkao_eligibility.both_parents",
        "中考要不要父母双方都符合",
        "whether both parents must meet the senior-high exam tests",
    ),
    ("school_entry.si_months", "入学要求父母交社保多久", "how long a parent must be insured for school"),
    (
        "zhongkao_eligibility.cutoff_month",
        "中考条件算到哪个月",
        "the month the senior-high exam conditions are counted to",
    ),
    (
        "zhongkao_eligibility.permit_months",
        "中考要求父母持居住证多久",
        "how long a parent's permit must be held for the senior-high exam",
    ),
    (
        "zhongkao_eligibility.si_months",
        "中考要求父母交社保多久",
        "how long a parent must be insured for the senior-high exam",
    ),
    ("zhongkao_eligibility.xueji_years", "中考要求的初中学籍年限", "the years of junior-school registration needed"),
    ("exam_eligibility.cutoff_month", "高考条件算到哪个月", "the month the college-exam conditions are counted to"),
    (
        "exam_eligibility.permit_months",
        "高考要求父母持居住证多久",
        "how long a parent's permit must be held for the college exam",
    ),
    ("exam_eligibility.si_months", "高考要求父母交社保多久", "how long a parent must be insured for the college exam"),
    (
        "exam_eligibility.residence_months",
        "高考要求家庭住满多久",
        "how long the family must live here for the college exam",
    ),
    ("exam_eligibility.xueji_years", "高考要求的学籍年限", "the years of school registration the college exam needs"),
    (
        "exam_eligibility.requires_zhongkao_here",
        "高考是否要求在本省中考",
        "whether the college exam needs the senior-high exam in this province",
    ),
];

/// A policy parameter in words, by key; `None` for a key the catalogue lacks (a test keeps it complete).
pub fn parameter_name(key: &str, lang: Lang) -> Option<&'static str> {
    let (_, z, e) = PARAMETER_NAMES.iter().find(|(k, _, _)| *k == key)?;
    Some(if lang == Lang::ZhCn { z } else { e })
}

/// A parameter's name, or a plain stand-in when the catalogue lacks it.
pub fn parameter_text(key: &str, lang: Lang) -> &'static str {
    parameter_name(key, lang).unwrap_or(if lang == Lang::ZhCn { "一项当地数值" } else { "a local number" })
}

/// Request fields as short questions: (whose field, camelCase path below the subject, Chinese, English). A table,
/// not a match: the page's engine carries it as data, smaller than the code a match on strings compiles to.
const QUESTION_NAMES: &[(Whose, &str, &str, &str)] = &[
    (Whose::Adult, "birth", "哪年哪月出生？", "Month of birth?"),
    (Whose::Adult, "sex", "男还是女？", "Man or woman?"),
    (
        Whose::Adult,
        "femaleCategory",
        "原来按50岁（工人）还是55岁（干部）退休？",
        "Original retirement age 50 (worker) or 55 (cadre)?",
    ),
    (Whose::Adult, "hukouType", "农村户口还是城镇户口？", "Rural or urban hukou?"),
    (Whose::Adult, "hukouPlace", "户口在哪里？", "Where is the hukou registered?"),
    (Whose::Adult, "currentPlace", "现在在哪里住、哪里工作？", "Where living and working now?"),
    (
        Whose::Adult,
        "hukouElsewhere",
        "户口在不在现在住的地方（县或城市）？",
        "Is the hukou in the place (county or city) lived in now?",
    ),
    (Whose::Adult, "monthsInPlace", "在这里住了几个月？", "How many months lived here?"),
    (Whose::Adult, "stableJob", "在这里有没有稳定工作？", "A stable job here?"),
    (Whose::Adult, "stableHome", "在这里有没有稳定住处（租房也算）？", "A stable home here (renting counts)?"),
    (
        Whose::Adult,
        "parentsHomeHere",
        "父母在这里（县城）有没有住房？",
        "Do the parents own a home here (in the town)?",
    ),
    (Whose::Adult, "continuousStudy", "在这里有没有连续上学？", "Studying here without a break?"),
    (Whose::Adult, "permit.held", "在这里有没有居住证？", "A residence permit here?"),
    (Whose::Adult, "permit.issued", "居住证哪年哪月办的？", "Month the residence permit was issued?"),
    (
        Whose::Adult,
        "permit.lateEndorsement",
        "居住证有没有晚签注过？最后一次是哪个月？",
        "Month of the last late endorsement, if any?",
    ),
    (Whose::Adult, "siMonthsHere", "在这里连续交了几个月社保？", "Months of social insurance here, without a break?"),
    (Whose::Adult, "contractMonths", "劳动合同签了多长？", "Length of the labour contract?"),
    (
        Whose::Adult,
        "businessLicenceSince",
        "在这里有没有营业执照？哪个月办的？",
        "A business licence here, and since which month?",
    ),
    (Whose::Adult, "college", "大专或大学毕业了吗？", "Graduated from a college or university?"),
    (Whose::Adult, "graduated", "哪年哪月大学毕业（如果上过）？", "Month of college graduation, if any?"),
    (Whose::Adult, "employment", "做的是哪种工作？", "What kind of work?"),
    (
        Whose::Adult,
        "employeePension.months",
        "职工养老保险一共交了几个月？",
        "Months paid into the employee pension scheme in all?",
    ),
    (
        Whose::Adult,
        "employeePension.contributingNow",
        "现在还在交职工养老保险、会一直交吗？",
        "Paying into the employee scheme now, and going on?",
    ),
    (
        Whose::Adult,
        "employeePension.segments",
        "职工养老保险在哪些地方各交了几个月？",
        "Where, and how many months, was the employee scheme paid?",
    ),
    (
        Whose::Adult,
        "employeePension.accountBalanceFen",
        "职工养老保险个人账户里有多少钱？",
        "Balance of the employee pension account?",
    ),
    (
        Whose::Adult,
        "employeePension.averageIndexBp",
        "平均缴费指数是多少（社保记录上有）？",
        "Average contribution index (on the insurance record)?",
    ),
    (Whose::Adult, "employeePension.plannedRetirement", "打算哪年哪月退休？", "The month you plan to retire?"),
    (
        Whose::Adult,
        "employeePension.currentBaseBp",
        "现在按平均工资的百分之多少交？",
        "Contribution base now, as a share of the average wage?",
    ),
    (
        Whose::Adult,
        "localNumbers.benefitBaseFen",
        "领养老金的省份的计发基数是多少（每月，如果你知道）？",
        "The benefit base where the pension will be paid (a month, if you know it)?",
    ),
    (
        Whose::Adult,
        "localNumbers.residentBasicPensionFen",
        "户口所在地的城乡居民基础养老金是每月多少（如果你知道）？",
        "The residents' basic pension at the hukou place (a month, if you know it)?",
    ),
    (Whose::Adult, "localNumbers.source", "上面这些数字是从哪里知道的？", "Where did these numbers come from?"),
    (
        Whose::Adult,
        "localNumbers.cityPopulation10k",
        "现在住的城市城区人口有多少万（如果你知道）？",
        "The urban population of the city you live in, in 10,000s (if you know it)?",
    ),
    (
        Whose::Adult,
        "residentPension.months",
        "城乡居民养老保险交了几年？",
        "Years paid into the residents' pension scheme?",
    ),
    (
        Whose::Adult,
        "residentPension.balanceFen",
        "居民养老保险个人账户里有多少钱？",
        "Balance of the residents' pension account?",
    ),
    (
        Whose::Adult,
        "residentPension.overlapMonths",
        "有几个月是两种养老保险同时交的？",
        "Months paid into both schemes at once?",
    ),
    (
        Whose::Adult,
        "residentPension.otherPension",
        "是不是已经在领别的基本养老金？",
        "Already receiving another basic pension?",
    ),
    (Whose::Household, "size", "家里有几口人？", "How many people in the household?"),
    (Whose::Household, "incomePerCapitaFen", "家里每人每月收入多少？", "Monthly income per person?"),
    (Whose::Household, "assetsFen", "家里有多少财产？", "Household assets?"),
    (Whose::Household, "ownsHomeHere", "在这里有没有自己的房？", "Own a home here?"),
    (Whose::Household, "floorAreaPerCapitaM2", "家里人均住房多少平方米？", "Living space per person, in m²?"),
    (
        Whose::Household,
        "providentFundDepositing",
        "家里有没有人在交住房公积金？",
        "Anyone paying into the housing provident fund now?",
    ),
    (Whose::Household, "rentsHome", "是不是在这里租房住？", "Renting the home here?"),
    (Whose::Household, "monthlyRentFen", "每月房租多少？", "Monthly rent?"),
    (
        Whose::Household,
        "incomeBelowLocalLine",
        "家里人均收入低不低于当地标准？",
        "Income per person below the local line?",
    ),
    (Whose::Child, "birth", "哪年哪月出生？", "Month of birth?"),
    (Whose::Child, "stage", "现在上小学、初中还是高中？", "Primary, junior or senior high now?"),
    (Whose::Child, "xuejiPlace", "学籍在哪里？", "Where is the school registration?"),
    (Whose::Child, "xuejiYears", "在这里有几年学籍？", "Years of school registration here?"),
    (Whose::Child, "hukouPlace", "户口在哪里？", "Where is the hukou registered?"),
    (Whose::Child, "zhongkaoHere", "是不是在本省参加中考？", "Senior-high entrance exam taken in this province?"),
];

/// Whose field a question names.
#[derive(PartialEq, Eq)]
enum Whose {
    Adult,
    Household,
    Child,
}

/// A request field as a short question, by its camelCase path below the subject; `None` when the catalogue lacks it.
pub fn question_name(subject: Subject, field: &str, lang: Lang) -> Option<&'static str> {
    let whose = match subject {
        Subject::Adult(_) => Whose::Adult,
        Subject::Household => Whose::Household,
        Subject::Child(_) => Whose::Child,
    };
    let (_, _, z, e) = QUESTION_NAMES.iter().find(|(w, f, _, _)| *w == whose && *f == field)?;
    Some(if lang == Lang::ZhCn { z } else { e })
}

/// A question as text, or a plain stand-in when the catalogue lacks it.
pub fn question_text(q: crate::household::Question, lang: Lang) -> &'static str {
    question_name(q.subject, q.field, lang).unwrap_or(if lang == Lang::ZhCn {
        "还有一项没填"
    } else {
        "One more fact?"
    })
}

/// A document's title as cited: 《居住证暂行条例》 in Chinese, the English title (never in 《》) in English.
pub fn title_text(source: &Source, lang: Lang) -> String {
    match lang {
        Lang::ZhCn => format!("《{}》", source.title),
        Lang::En => source.title_en.unwrap_or("a Chinese document (title not translated)").to_string(),
    }
}

/// A citation as text: title and article in `lang`.
pub fn citation_text(cite: &crate::policy::Citation, lang: Lang) -> String {
    match lang {
        Lang::ZhCn => format!("{}{}", title_text(cite.source, lang), cite.article),
        Lang::En => format!("{}, {}", title_text(cite.source, lang), article_text(cite.article, lang)),
    }
}

/// How sure we are, in words, for values that are not fully verified.
pub fn confidence_text(c: Confidence, lang: Lang) -> &'static str {
    match (c, lang) {
        (Confidence::C1, Lang::ZhCn) => "读过官方原文",
        (Confidence::C1, Lang::En) => "read in the official text",
        (Confidence::C2, Lang::ZhCn) => "转引的官方原文",
        (Confidence::C2, Lang::En) => "official text, quoted elsewhere",
        (Confidence::C3, Lang::ZhCn) => "多方印证，没见到原文",
        (Confidence::C3, Lang::En) => "corroborated, official text not seen",
        (Confidence::U, Lang::ZhCn) => "还没核实",
        (Confidence::U, Lang::En) => "unconfirmed",
        (Confidence::I, Lang::ZhCn) => "我们的推断",
        (Confidence::I, Lang::En) => "our inference",
    }
}

/// Named sections that local notices cite instead of numbered articles.
const NAMED_ARTICLES: &[(&str, &str)] = &[
    ("3个6", "the \u{201c}three sixes\u{201d}"),
    ("三证", "the \u{201c}three certificates\u{201d}"),
    ("中考报名条件", "senior-high exam registration conditions"),
    ("住房条件", "housing conditions"),
    ("入学条件", "entry conditions"),
    ("北京", "Beijing"),
    ("北京市城区人口", "Beijing urban-district population"),
    ("深圳市城区人口", "Shenzhen urban-district population"),
    ("城乡居民基础养老金", "residents' basic pension"),
    ("城区常住人口300万以下城市全面取消落户限制", "cities under 3 million lift hukou limits"),
    ("外来人员随迁子女", "children of people from elsewhere"),
    ("外来务工人员条件", "outside-worker conditions"),
    ("年限养老金", "years-based add-on"),
    ("待遇", "benefits"),
    ("新毕业生条件", "new-graduate conditions"),
    ("补贴标准", "subsidy rates"),
    ("实物保障与租赁补贴并举", "housing in kind and rental subsidies side by side"),
    ("报名条件", "registration conditions"),
    ("报考条件", "exam entry conditions"),
    ("计发基数", "benefit base"),
    ("附件：个人账户养老金计发月数表", "annex: account divisor table"),
    ("随迁子女入学", "school entry of migrants' children"),
    ("随迁子女入学条件", "school-entry conditions for migrants' children"),
    ("非宁阳户籍", "hukou outside Ningyang"),
    ("领取条件", "conditions for payment"),
    ("2025-12 通知单所用计发基数", "benefit base used in the 2025-12 notices"),
    ("2024年上调20元后为123元", "2024: raised by 20 yuan to 123 yuan"),
    ("2025年上调20元后达到143元，各地不能低于143元", "2025: raised by 20 yuan to 143 yuan, the floor everywhere"),
    ("2026年再提高20元，从143元提升至163元", "2026: raised by another 20 yuan, from 143 to 163 yuan"),
];

/// An article in `lang`: as written in Chinese; in English by its shape or from [`NAMED_ARTICLES`], and as
/// written when neither applies (a test keeps every article in the data translatable).
pub fn article_text(article: &str, lang: Lang) -> String {
    if lang == Lang::ZhCn {
        return article.to_string();
    }
    let parts: Vec<String> =
        article.split('；').map(|part| article_en(part).unwrap_or_else(|| part.to_string())).collect();
    parts.join("; ")
}

/// One article or section in English, or `None` when its shape is not known.
pub fn article_en(part: &str) -> Option<String> {
    if let Some((_, en)) = NAMED_ARTICLES.iter().find(|(zh, _)| *zh == part) {
        return Some((*en).to_string());
    }
    if let Some(year) = part.strip_suffix("年度记账利率") {
        return year.parse::<u16>().ok().map(|y| format!("credited rate for {y}"));
    }
    if let Some(n) = part.strip_prefix("附件") {
        return n.parse::<u8>().ok().map(|n| format!("Annex {n}"));
    }
    // 第X条 [第X款] [第（X）项] and 第（X）类; 二 and 二、（一） for numbered parts.
    let mut rest = part;
    let mut out = String::new();
    let mut steps = 0;
    while !rest.is_empty() && steps < 4 {
        steps += 1;
        if let Some(r) = rest.strip_prefix("第（") {
            let (n, r) = r.split_once('）')?;
            let n = number(n)?;
            if let Some(r) = r.strip_prefix('项') {
                out.push_str(&format!("({n})"));
                rest = r;
            } else if let Some(r) = r.strip_prefix('类') {
                out.push_str(&format!("category ({n})"));
                rest = r;
            } else {
                return None;
            }
        } else if let Some(r) = rest.strip_prefix('第') {
            let end = r.char_indices().find(|(_, c)| matches!(c, '条' | '款'))?;
            let n = number(&r[..end.0])?;
            if end.1 == '条' {
                out.push_str(&format!("Art. {n}"));
            } else {
                out.push_str(&format!(", para. {n}"));
            }
            rest = &r[end.0 + end.1.len_utf8()..];
        } else if let Some((head, r)) = rest.split_once("、（") {
            let (sub, r) = r.split_once('）')?;
            out.push_str(&format!("Part {} ({})", number(head)?, number(sub)?));
            rest = r;
        } else {
            out.push_str(&format!("Part {}", number(rest)?));
            rest = "";
        }
    }
    (rest.is_empty() && !out.is_empty()).then_some(out)
}

/// A number written in Chinese numerals up to 99 (十六, 二十四) or in Arabic digits.
fn number(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse::<u32>() {
        return Some(n);
    }
    let digit = |c: char| "一二三四五六七八九".chars().position(|d| d == c).map(|i| i as u32 + 1);
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::data;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c))
    }

    #[test]
    fn every_parameter_has_a_name_in_both_languages() {
        let mut named = 0;
        for p in data::ALL_PARAMETERS {
            for lang in [Lang::ZhCn, Lang::En] {
                assert!(parameter_name(p.key, lang).is_some(), "{} has no {lang:?} name", p.key);
            }
            assert!(!has_cjk(parameter_text(p.key, Lang::En)), "{}", p.key);
            assert!(Office::of_parameter(p.key).is_some(), "{} belongs to no program", p.key);
            named += 1;
        }
        assert!(named > 40, "{named}");
        assert_eq!(parameter_text("nope.nothing", Lang::ZhCn), "一项当地数值");
    }

    #[test]
    fn every_question_field_has_a_question_in_both_languages() {
        use crate::programs::{ADULT_QUESTION_FIELDS, CHILD_QUESTION_FIELDS, HOUSEHOLD_QUESTION_FIELDS};
        let sets = [
            (Subject::Adult(0), ADULT_QUESTION_FIELDS),
            (Subject::Household, HOUSEHOLD_QUESTION_FIELDS),
            (Subject::Child(0), CHILD_QUESTION_FIELDS),
        ];
        for (subject, fields) in sets {
            for field in fields {
                for lang in [Lang::ZhCn, Lang::En] {
                    let q = question_name(subject, field, lang);
                    assert!(q.is_some_and(|q| q.ends_with('?') || q.ends_with('？')), "{field}: {q:?}");
                }
            }
        }
    }

    #[test]
    fn offices_follow_the_program_that_decides() {
        assert_eq!(Office::of_parameter("employee_pension.benefit_base"), Some(Office::SocialInsurance));
        assert_eq!(Office::of_parameter("public_rental.area_line_m2"), Some(Office::HousingSecurity));
        assert_eq!(Office::of_parameter("provident_fund_rent.rent_share_bp"), Some(Office::ProvidentFund));
        assert_eq!(Office::of_parameter("zhongkao_eligibility.si_months"), Some(Office::Education));
        assert_eq!(Office::of_parameter("hukou_transfer.urban_population_10k"), Some(Office::PublicSecurity));
        assert_eq!(Office::of_parameter("nothing"), None);
        assert_eq!(Office::PublicSecurity.text(Lang::ZhCn), "当地公安机关");
    }

    #[test]
    fn articles_read_in_english_by_their_shape() {
        let cases = [
            ("第二条", "Art. 2"),
            ("第二十四条", "Art. 24"),
            ("第十二条第二款", "Art. 12, para. 2"),
            ("第七条第（二）项", "Art. 7(2)"),
            ("第十六条第（三）项", "Art. 16(3)"),
            ("第（4）类", "category (4)"),
            ("第一条；附件2", "Art. 1; Annex 2"),
            ("二、（一）", "Part 2 (1)"),
            ("二", "Part 2"),
            ("2023年度记账利率", "credited rate for 2023"),
        ];
        for (zh, en) in cases {
            assert_eq!(article_text(zh, Lang::En), en, "{zh}");
            assert_eq!(article_text(zh, Lang::ZhCn), zh);
        }
        assert_eq!(article_en("第条"), None);
        assert_eq!(article_en("第一百条"), None, "beyond 99 is not read");
    }

    #[test]
    fn every_citation_in_the_data_reads_in_english_without_chinese() {
        let mut cites: Vec<&crate::policy::Citation> = data::ALL_CRITERIA.iter().map(|(_, c)| *c).collect();
        for p in data::ALL_PARAMETERS {
            cites.extend(p.values.iter().map(|v| &v.cite));
        }
        assert!(cites.len() > 100, "{}", cites.len());
        for c in cites {
            assert!(c.source.title_en.is_some(), "{} has no title_en", c.source.id);
            let en = citation_text(c, Lang::En);
            assert!(!has_cjk(&en), "{en}");
            assert!(citation_text(c, Lang::ZhCn).starts_with('《'));
        }
    }
}
