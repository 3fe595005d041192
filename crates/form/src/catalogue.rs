//! The page's words in each language: fixed texts, choice labels, help ("where to find this number"), problems at a
//! field, and the formats of money and months. zh-CN first; every text has both languages by construction (the
//! [`texts!`] table), and a test keeps each non-empty. Numbers of law never appear here: a text that speaks of a
//! number takes it as a parameter.
//!
//! A new language is a new arm in each `match lang` below and in the engine's `message.rs` / `names.rs`.

use anju_rules::message::Lang;

use crate::parse::InputProblem;

macro_rules! texts {
    ($($key:ident => ($zh:expr, $en:expr),)*) => {
        /// A fixed text of the page.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text { $($key,)* }

        impl Text {
            pub const ALL: &'static [Text] = &[$(Text::$key,)*];
        }

        /// The text in `lang`.
        pub fn t(lang: Lang, text: Text) -> &'static str {
            match lang {
                Lang::ZhCn => chinese(text),
                Lang::En => english(text),
            }
        }

        fn chinese(text: Text) -> &'static str {
            match text { $(Text::$key => $zh,)* }
        }

        /// The English text. The browser build leaves these out of its first load: it reads them from
        /// `crates/form/english.json` (see [`set_english`]), and shows the Chinese until they are there.
        #[cfg(not(target_arch = "wasm32"))]
        fn english(text: Text) -> &'static str {
            match text { $(Text::$key => $en,)* }
        }
    };
}

/// The English texts in [`Text::ALL`]'s order: what `crates/form/english.json` holds (a test keeps it so).
#[cfg(not(target_arch = "wasm32"))]
pub fn english_texts() -> Vec<&'static str> {
    Text::ALL.iter().map(|t| english(*t)).collect()
}

#[cfg(target_arch = "wasm32")]
static ENGLISH: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();

#[cfg(target_arch = "wasm32")]
fn english(text: Text) -> &'static str {
    ENGLISH.get().and_then(|e| e.get(text as usize)).copied().unwrap_or_else(|| chinese(text))
}

/// Whether the English texts are there (natively they are compiled in).
pub fn has_english() -> bool {
    #[cfg(target_arch = "wasm32")]
    return ENGLISH.get().is_some();
    #[cfg(not(target_arch = "wasm32"))]
    true
}

/// Gives the browser build its English texts (`crates/form/english.json`, fetched after start), once. A list of
/// another length is from another build and is ignored. Returns whether the texts are there (natively they are
/// compiled in, and the list is not needed).
pub fn set_english(texts: Vec<String>) -> bool {
    #[cfg(target_arch = "wasm32")]
    if texts.len() == Text::ALL.len() {
        let _ = ENGLISH.set(texts.into_iter().map(|t| &*Box::leak(t.into_boxed_str())).collect());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = texts;
    has_english()
}

texts! {
    AppName => ("安居", "Anju"),
    Tagline => ("看看你家能办什么：住房、养老、孩子上学", "What your family can get: housing, pension, school"),
    SwitchLanguage => ("English", "中文"),
    TextSize => ("字号", "Text size"),
    SizeNormal => ("标准", "Standard"),
    SizeLarge => ("大", "Large"),
    SizeLargest => ("特大", "Largest"),
    Intro => (
        "回答几个问题，就能看到结果。不知道的，选“不知道”或者空着，结果会告诉你还要弄清什么。",
        "Answer a few questions to see the result. If you don't know, choose \"Don't know\" or leave it blank: the result says what to find out."
    ),
    PresetsHeading => ("典型家庭（给工作人员演示用，点一下就填好，可以再改）", "Typical families (for counselors: one tap fills the form, then edit)"),
    StepFamily => ("家里有谁", "Who is in the family"),
    StepPlaces => ("住在哪里、户口在哪里", "Where you live and where your hukou is"),
    StepWork => ("工作和社保", "Work and insurance"),
    StepHousing => ("住房和收入", "Housing and income"),
    StepSchool => ("孩子上学", "Children's school"),
    StepResults => ("结果", "Results"),
    Next => ("下一步", "Next"),
    Back => ("上一步", "Back"),
    SeeResults => ("看结果", "See the results"),
    WhatIf => ("如果这样做，会怎样？比一比", "What if…? Compare choices"),
    HandOver => ("保存、发给别人、打印", "Save, share or print"),
    StartOver => ("全部清空，重新开始", "Clear everything and start again"),
    AddAdult => ("再加一位大人（配偶）", "Add another adult (spouse)"),
    RemoveAdult => ("删除这位大人", "Remove this adult"),
    AddChild => ("加一个孩子", "Add a child"),
    RemoveChild => ("删除这个孩子", "Remove this child"),
    NoChildren => ("还没有加孩子。有要上学的孩子，就点“加一个孩子”。", "No children added. If a child goes to school, tap \"Add a child\"."),
    Household => ("全家", "The household"),
    NothingToAsk => ("这一步没有要问的了，可以点“下一步”。", "Nothing to ask here: tap \"Next\"."),
    AskedBecause => ("下面这些问题会影响结果，知道就填上。", "These questions change the result: answer the ones you know."),
    Yes => ("是", "Yes"),
    No => ("不是", "No"),
    DontKnow => ("不知道", "Don't know"),
    DefaultNote => ("不填就按“不知道”算，不会当成0。", "Left blank, it counts as \"don't know\", never as 0."),
    Province => ("省份", "Province"),
    City => ("城市", "City"),
    County => ("县或区", "County or district"),
    WholeArea => ("不细分（按上一级的规定算）", "Not more precisely (rules of the area above)"),
    NationalRules => ("这里用的是全国的规定。", "National rules are used here."),
    PlaceSearch => ("找地方：输入名字或拼音（如 兰考 或 lankao）", "Find a place: type its name or pinyin (e.g. 兰考 or lankao)"),
    PlaceSearchNone => ("没有找到，换个写法试试，或用上面的列表选。", "Nothing found: try another spelling, or pick from the lists above."),
    PlacesLoading => ("正在加载全国的县市名单……", "Loading every county and city…"),
    SummaryHeading => ("结果一览", "At a glance"),
    AreaHousing => ("住房", "Housing"),
    AreaPension => ("养老", "Pension"),
    AreaSchool => ("上学", "School"),
    AreaPapers => ("居住证和户口", "Residence permit and hukou"),
    VerdictCan => ("能", "Yes"),
    VerdictNotYet => ("暂时不能", "Not yet"),
    VerdictCannot => ("不能", "No"),
    VerdictUnsure => ("还不确定", "Not sure yet"),
    VerdictNone => ("不涉及", "Does not apply"),
    DetailsHeading => ("每一项的详细结果", "Each program in detail"),
    WhyHeading => ("为什么这样说", "Why"),
    ToAnswer => ("回答这些问题，结果会更准：", "Answer these to make the result more certain:"),
    PapersHeading => ("要准备的材料", "Papers to bring"),
    OptionsHeading => ("还可以怎么办", "What you can do"),
    NotesHeading => ("说明", "Notes"),
    NotModelledHeading => ("没有算进去的", "Not taken into account"),
    AmountsHeading => ("金额", "Amounts"),
    BasedOn => ("依据", "Based on"),
    Unverified => ("未完全核实", "not fully verified"),
    DecidedBy => ("由谁决定", "Decided by"),
    AsOf => ("测算月份", "Assessed for"),
    RulesUsed => ("用的规定", "Rules used"),
    Privacy => (
        "你填的内容只在这部手机里计算，不会发到网上，也不会保存。不问姓名、身份证号、电话和住址。",
        "What you enter is worked out on this phone only: nothing is sent or kept. We never ask for a name, ID number, phone number or address."
    ),
    // Choice labels (`choice`) and help (`help`): here so that their English is fetched with the rest.
    ChoiceSexMale => ("男", "Man"),
    ChoiceSexFemale => ("女", "Woman"),
    ChoiceFemaleCategoryWorker50 => ("工人（原来50岁退休）", "Worker (retiring at 50 before the reform)"),
    ChoiceFemaleCategoryCadre55 => ("干部、管理或技术岗位（原来55岁退休）", "Cadre, manager or technician (retiring at 55 before)"),
    ChoiceFemaleCategoryFlexible => ("灵活就业或自己交社保", "Flexible work or insured on my own"),
    ChoiceHukouTypeRural => ("农村户口", "Rural hukou"),
    ChoiceHukouTypeUrban => ("城镇户口", "Urban hukou"),
    ChoiceEmploymentContract => ("有劳动合同的工作", "A job with a labour contract"),
    ChoiceEmploymentFlexible => ("灵活就业（打零工、送外卖等）", "Flexible work (gig jobs, delivery…)"),
    ChoiceEmploymentSelfEmployed => ("个体户（有营业执照）", "Self-employed with a business licence"),
    ChoiceEmploymentAgriculture => ("务农", "Farming"),
    ChoiceEmploymentUnemployed => ("现在没有工作", "Not working now"),
    ChoiceLocalNumbersSourceOfficialNotice => ("政府公布的通知", "A published government notice"),
    ChoiceLocalNumbersSourceOffice => ("社保局、住建局或派出所告诉的", "The insurance, housing or police office told us"),
    ChoiceLocalNumbersSourceOther => ("别的地方", "Somewhere else"),
    ChoiceStagePreschool => ("还没上小学", "Not yet at primary school"),
    ChoiceStagePrimary => ("小学", "Primary school"),
    ChoiceStageJunior => ("初中", "Junior high"),
    ChoiceStageSenior => ("高中", "Senior high"),
    ChoiceStageOther => ("不上学或其他", "Not at school, or other"),
    ChoiceOther => ("其他", "Other"),
    HelpAdultBirth => ("身份证上的出生年月。", "The month of birth on the ID card."),
    HelpAdultCurrentPlace => ("现在住和上班的县或城市。", "The county or city where you live and work now."),
    HelpAdultHukouPlace => ("户口本上登记的地方。", "The place written in the hukou booklet."),
    HelpAdultHukouType => ("户口本首页写着“农业”或“非农业”、“居民”。", "The hukou booklet says rural (农业) or urban."),
    HelpAdultMonthsInPlace => ("从搬来算起，到这个月。", "From the month you moved here up to this month."),
    HelpAdultLocalNumbersCityPopulation10k => ("城区常住人口，见当地统计公报。", "The urban-district population, in the local statistics bulletin."),
    HelpAdultLocalNumbersBenefitBaseFen => ("省人社厅每年公布，社保局也能告诉你。", "Published each year by the province; the insurance office knows it."),
    HelpAdultLocalNumbersResidentBasicPensionFen => ("户籍地社保局或乡镇社保所能告诉你。", "The insurance office at the hukou place knows it."),
    HelpAdultLocalNumbersSource => ("结果会写明这些数字是你们提供的。", "The answer will say these numbers were yours."),
    HelpAdultStableHome => ("租房有合同、自己有房、单位提供宿舍都算。", "A rental contract, your own home or employer housing all count."),
    HelpAdultParentsHomeHere => ("父母名下在这个县城的房子。", "A home in your parents' names in this town."),
    HelpAdultPermitHeld => ("居住证是在现在住的地方办的。", "A residence permit issued where you live now."),
    HelpAdultPermitIssued => ("居住证卡片正面印着签发日期。", "The issue date is printed on the front of the permit card."),
    HelpAdultPermitLateEndorsement => ("没有晚签注过就空着。签注记录在居住证背面或派出所查。", "Leave blank if never late. Endorsements are on the back of the card or at the police station."),
    HelpAdultStableJob => ("有劳动合同、营业执照或单位证明都算。", "A labour contract, a business licence or an employer's letter counts."),
    HelpAdultContractMonths => ("看劳动合同上写的期限。", "The term written in the labour contract."),
    HelpAdultBusinessLicenceSince => ("营业执照上的成立日期。", "The date of establishment on the business licence."),
    HelpAdultCollege => (
        "大专、本科或更高学历毕业的选“是”。有的县给刚毕业几年的人单独的申请办法。",
        "Yes for a college diploma, a bachelor's degree or higher. Some counties have their own path for recent graduates."
    ),
    HelpAdultGraduated => ("毕业证上的毕业年月。", "The month of graduation on the diploma."),
    HelpAdultSiMonthsHere => ("在“电子社保卡”、“掌上12333”APP或当地社保局查缴费记录，数一数这里连续交了几个月。", "Look up the contribution record in the 电子社保卡 or 掌上12333 app, or at the local social insurance office, and count the months without a break here."),
    HelpAdultEmployeePensionMonths => ("在“电子社保卡”或“掌上12333”APP的“养老保险缴费记录”里查累计缴费月数，各地加在一起。", "The total months in the pension contribution record in the 电子社保卡 or 掌上12333 app, all places together."),
    HelpAdultEmployeePensionContributingNow => ("现在每个月都在交，打算一直交到退休。", "Paying every month now and planning to keep paying until retirement."),
    HelpAdultEmployeePensionAverageIndexBp => ("社保局打印的缴费明细或“掌上12333”里有“平均缴费指数”，例如0.6。不知道就空着，结果会说还缺这个数。", "The average contribution index is on the social insurance statement or in 掌上12333, e.g. 0.6. Leave blank if unknown: the result says so."),
    HelpAdultEmployeePensionCurrentBaseBp => ("灵活就业可以按当地平均工资的60%到300%交。不填就按过去的平均缴费指数算。", "Flexible workers choose 60 % to 300 % of the local average wage. Left blank, the average index so far is used."),
    HelpAdultEmployeePensionAccountBalanceFen => ("“掌上12333”里“个人账户累计储存额”。", "The personal account balance (个人账户累计储存额) in 掌上12333."),
    HelpAdultResidentPensionMonths => ("在村里（社区）交的城乡居民养老保险，交了几年。", "Years paid into the residents' scheme through the village or community."),
    HelpAdultResidentPensionBalanceFen => ("居民养老保险的个人账户余额，在“掌上12333”或乡镇社保所查。", "The residents' account balance, in 掌上12333 or at the township office."),
    HelpAdultResidentPensionOverlapMonths => ("同一个月两种养老保险都交了的月数。", "Months in which both pension schemes were paid."),
    HelpHouseholdSize => ("户口本或一起生活的家人，算上自己。", "Family members living together, yourself included."),
    HelpHouseholdIncomePerCapitaFen => ("全家一个月的收入加起来，除以人数。", "The whole family's monthly income, divided by the number of people."),
    HelpHouseholdIncomeBelowLocalLine => ("当地住建局（房管局）公布的收入线，问社区或住建局。", "The income line the local housing bureau publishes: ask the community office or the bureau."),
    HelpHouseholdFloorAreaPerCapitaM2 => ("全家住的房子面积除以人数，租的房子也算。", "The floor area of the home divided by the number of people; rented homes count."),
    HelpHouseholdAssetsFen => ("存款、车和其他财产加起来。", "Savings, vehicles and other property together."),
    HelpHouseholdProvidentFundDepositing => ("单位每月替你交住房公积金，工资条上能看到。", "The employer pays into the housing provident fund each month: it shows on the pay slip."),
    HelpChildStage => ("现在（这个学年）上的年级。", "The stage the child is in this school year."),
    HelpChildXuejiYears => ("学籍在学校或“学信网”能查，数一数在这里连续几年。", "The school registration (学籍) is kept by the school: count the years here without a break."),
    HelpChildHukouPlace => ("孩子户口本上登记的地方。", "The place in the child's hukou booklet."),
    HelpChildXuejiPlace => ("孩子学籍所在的县或城市。", "The county or city of the child's school registration."),
}

/// A colon as each language writes it.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "：",
        Lang::En => ": ",
    }
}

/// "Step 2 of 6" / 第2步，共6步.
pub fn step_of(lang: Lang, n: usize, of: usize) -> String {
    match lang {
        Lang::ZhCn => format!("第{n}步，共{of}步"),
        Lang::En => format!("Step {n} of {of}"),
    }
}

/// "Adult 1" / 大人1, "Child 2" / 孩子2 (1-based).
pub fn person(lang: Lang, child: bool, n: usize) -> String {
    match (lang, child) {
        (Lang::ZhCn, false) => format!("大人{n}"),
        (Lang::ZhCn, true) => format!("孩子{n}"),
        (Lang::En, false) => format!("Adult {n}"),
        (Lang::En, true) => format!("Child {n}"),
    }
}

/// Whom a result is about, named as the page names people: 大人1 / Adult 1, 孩子2 / Child 2, 全家 / The household.
pub fn subject(lang: Lang, subject: &str) -> String {
    use anju_rules::household::Subject;
    match crate::flow::subject_of(subject) {
        Subject::Adult(i) => person(lang, false, usize::from(i) + 1),
        Subject::Child(i) => person(lang, true, usize::from(i) + 1),
        Subject::Household => t(lang, Text::Household).to_string(),
    }
}

/// Who met a test either parent (or either adult) may meet: （大人2符合） / (met by Adult 2).
pub fn met_by(lang: Lang, who: &str) -> String {
    let who = subject(lang, who);
    match lang {
        Lang::ZhCn => format!("（{who}符合）"),
        Lang::En => format!(" (met by {who})"),
    }
}

/// "From Mar 2027" / 最早2027年3月.
pub fn earliest(lang: Lang, month: &str) -> String {
    match lang {
        Lang::ZhCn => format!("最早{month}"),
        Lang::En => format!("from {month}"),
    }
}

/// "About ¥2,350.00 a month" / 每月约2,350.00 元.
pub fn per_month(lang: Lang, amount: &str) -> String {
    match lang {
        Lang::ZhCn => format!("每月约{amount}"),
        Lang::En => format!("about {amount} a month"),
    }
}

/// The rules a result used: a place's layer or the national rules.
pub fn rules_of(lang: Lang, place: Option<&str>) -> String {
    match (lang, place) {
        (Lang::ZhCn, Some(p)) => format!("{p}的规定和全国规定"),
        (Lang::En, Some(p)) => format!("the rules of {p}, and national rules"),
        (Lang::ZhCn, None) => "全国规定".into(),
        (Lang::En, None) => "national rules".into(),
    }
}

/// "Rules in force since 2024年8月".
pub fn in_force_since(lang: Lang, month: &str) -> String {
    match lang {
        Lang::ZhCn => format!("{month}起执行的规定"),
        Lang::En => format!("rules in force since {month}"),
    }
}

/// How current a layer's data is: its newest date, or the month its rules all ended.
pub fn data_date(lang: Lang, month: anju_rules::time::YearMonth, ended: bool) -> String {
    let m = anju_rules::message::month_text(lang, month);
    match (lang, ended) {
        (Lang::ZhCn, false) => format!("（数据截至{m}）"),
        (Lang::En, false) => format!(" (data as of {m})"),
        (Lang::ZhCn, true) => format!("（规定到{m}已结束）"),
        (Lang::En, true) => format!(" (these rules ended in {m})"),
    }
}

/// Money as each language writes it: 2,350.00 元 / ¥2,350.00.
pub fn money(lang: Lang, fen: i64) -> String {
    let amount = anju_rules::message::yuan_text(fen);
    match lang {
        Lang::ZhCn => format!("{amount} 元"),
        Lang::En => match amount.strip_prefix('-') {
            Some(positive) => format!("-¥{positive}"),
            None => format!("¥{amount}"),
        },
    }
}

/// A month as each language writes it: 2027年3月 / Mar 2027.
pub fn month(lang: Lang, ym: anju_rules::time::YearMonth) -> String {
    anju_rules::message::month_text(lang, ym)
}

/// The unit shown after a field of `kind`.
pub fn unit(lang: Lang, kind: crate::registry::Kind, field: &str) -> Option<&'static str> {
    use crate::registry::Kind;
    let (zh, en) = match kind {
        Kind::Months { .. } => ("个月", "months"),
        Kind::Years { .. } => ("年", "years"),
        Kind::Money => ("元", "yuan"),
        Kind::Percent { .. } => ("%", "%"),
        Kind::Count { .. } if field == "size" => ("人", "people"),
        Kind::Count { .. } => ("平方米", "m²"),
        _ => return None,
    };
    Some(if lang == Lang::ZhCn { zh } else { en })
}

/// The label of a choice of a field.
pub fn choice(lang: Lang, field: &str, key: &str) -> &'static str {
    let text = match (field, key) {
        ("sex", "male") => Text::ChoiceSexMale,
        ("sex", "female") => Text::ChoiceSexFemale,
        ("femaleCategory", "worker50") => Text::ChoiceFemaleCategoryWorker50,
        ("femaleCategory", "cadre55") => Text::ChoiceFemaleCategoryCadre55,
        ("femaleCategory", "flexible") => Text::ChoiceFemaleCategoryFlexible,
        ("hukouType", "rural") => Text::ChoiceHukouTypeRural,
        ("hukouType", "urban") => Text::ChoiceHukouTypeUrban,
        ("employment", "contract") => Text::ChoiceEmploymentContract,
        ("employment", "flexible") => Text::ChoiceEmploymentFlexible,
        ("employment", "selfEmployed") => Text::ChoiceEmploymentSelfEmployed,
        ("employment", "agriculture") => Text::ChoiceEmploymentAgriculture,
        ("employment", "unemployed") => Text::ChoiceEmploymentUnemployed,
        ("localNumbers.source", "officialNotice") => Text::ChoiceLocalNumbersSourceOfficialNotice,
        ("localNumbers.source", "office") => Text::ChoiceLocalNumbersSourceOffice,
        ("localNumbers.source", "other") => Text::ChoiceLocalNumbersSourceOther,
        ("stage", "preschool") => Text::ChoiceStagePreschool,
        ("stage", "primary") => Text::ChoiceStagePrimary,
        ("stage", "junior") => Text::ChoiceStageJunior,
        ("stage", "senior") => Text::ChoiceStageSenior,
        ("stage", "other") => Text::ChoiceStageOther,
        _ => Text::ChoiceOther,
    };
    t(lang, text)
}

/// What to know before answering, and where to find the number. `None` when the label says it all.
pub fn help(lang: Lang, scope: crate::registry::Scope, field: &str) -> Option<&'static str> {
    use crate::registry::Scope::{Adult, Child, Household};
    let text = match (scope, field) {
        (Adult, "birth") => Text::HelpAdultBirth,
        (Adult, "currentPlace") => Text::HelpAdultCurrentPlace,
        (Adult, "hukouPlace") => Text::HelpAdultHukouPlace,
        (Adult, "hukouType") => Text::HelpAdultHukouType,
        (Adult, "monthsInPlace") => Text::HelpAdultMonthsInPlace,
        (Adult, "localNumbers.cityPopulation10k") => Text::HelpAdultLocalNumbersCityPopulation10k,
        (Adult, "localNumbers.benefitBaseFen") => Text::HelpAdultLocalNumbersBenefitBaseFen,
        (Adult, "localNumbers.residentBasicPensionFen") => Text::HelpAdultLocalNumbersResidentBasicPensionFen,
        (Adult, "localNumbers.source") => Text::HelpAdultLocalNumbersSource,
        (Adult, "stableHome") => Text::HelpAdultStableHome,
        (Adult, "parentsHomeHere") => Text::HelpAdultParentsHomeHere,
        (Adult, "permit.held") => Text::HelpAdultPermitHeld,
        (Adult, "permit.issued") => Text::HelpAdultPermitIssued,
        (Adult, "permit.lateEndorsement") => Text::HelpAdultPermitLateEndorsement,
        (Adult, "stableJob") => Text::HelpAdultStableJob,
        (Adult, "contractMonths") => Text::HelpAdultContractMonths,
        (Adult, "businessLicenceSince") => Text::HelpAdultBusinessLicenceSince,
        (Adult, "college") => Text::HelpAdultCollege,
        (Adult, "graduated") => Text::HelpAdultGraduated,
        (Adult, "siMonthsHere") => Text::HelpAdultSiMonthsHere,
        (Adult, "employeePension.months") => Text::HelpAdultEmployeePensionMonths,
        (Adult, "employeePension.contributingNow") => Text::HelpAdultEmployeePensionContributingNow,
        (Adult, "employeePension.averageIndexBp") => Text::HelpAdultEmployeePensionAverageIndexBp,
        (Adult, "employeePension.currentBaseBp") => Text::HelpAdultEmployeePensionCurrentBaseBp,
        (Adult, "employeePension.accountBalanceFen") => Text::HelpAdultEmployeePensionAccountBalanceFen,
        (Adult, "residentPension.months") => Text::HelpAdultResidentPensionMonths,
        (Adult, "residentPension.balanceFen") => Text::HelpAdultResidentPensionBalanceFen,
        (Adult, "residentPension.overlapMonths") => Text::HelpAdultResidentPensionOverlapMonths,
        (Household, "size") => Text::HelpHouseholdSize,
        (Household, "incomePerCapitaFen") => Text::HelpHouseholdIncomePerCapitaFen,
        (Household, "incomeBelowLocalLine") => Text::HelpHouseholdIncomeBelowLocalLine,
        (Household, "floorAreaPerCapitaM2") => Text::HelpHouseholdFloorAreaPerCapitaM2,
        (Household, "assetsFen") => Text::HelpHouseholdAssetsFen,
        (Household, "providentFundDepositing") => Text::HelpHouseholdProvidentFundDepositing,
        (Child, "stage") => Text::HelpChildStage,
        (Child, "xuejiYears") => Text::HelpChildXuejiYears,
        (Child, "hukouPlace") => Text::HelpChildHukouPlace,
        (Child, "xuejiPlace") => Text::HelpChildXuejiPlace,
        _ => return None,
    };
    Some(t(lang, text))
}

/// A problem at a field, in words.
pub fn problem_text(lang: Lang, p: InputProblem) -> String {
    use InputProblem::*;
    let (zh, en): (String, String) = match p {
        NotAWholeNumber => ("请只填整数，例如 12。".into(), "Please type a whole number, such as 12.".into()),
        NotMoney => {
            ("请填金额，例如 2350 或 2350.50。".into(), "Please type an amount, such as 2350 or 2350.50.".into())
        }
        NotADecimal => ("请填一个小数，例如 0.6。".into(), "Please type a decimal, such as 0.6.".into()),
        NotAMonth => ("请填年和月，例如 2020-03。".into(), "Please give a year and month, such as 2020-03.".into()),
        TooSmall { min } => (format!("最少是 {min}。"), format!("The smallest possible is {min}.")),
        TooLarge { max } => (format!("太大了，最多是 {max}。"), format!("Too large: at most {max}.")),
        TooMuchMoney => ("金额太大了，请检查一下。".into(), "That amount is too large: please check it.".into()),
        NotAChoice => ("请从选项里选一个。".into(), "Please pick one of the options.".into()),
        InTheFuture => ("这个月份还没到，请检查一下。".into(), "That month has not come yet: please check it.".into()),
        TooLongAgo => ("这个月份太早了，请检查一下。".into(), "That month is too long ago: please check it.".into()),
        ChildOlderThanParent => (
            "孩子的出生年月比父母早太多，请检查一下。".into(),
            "The child's birth month is too close to a parent's: please check it.".into(),
        ),
        UnknownPlace => ("请在列表里选地方。".into(), "Please choose the place from the list.".into()),
    };
    if lang == Lang::ZhCn {
        zh
    } else {
        en
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{Kind, SPECS};

    const LANGS: [Lang; 2] = [Lang::ZhCn, Lang::En];

    #[test]
    fn both_catalogues_have_every_text_and_none_is_empty() {
        for lang in LANGS {
            for key in Text::ALL {
                assert!(!t(lang, *key).trim().is_empty(), "{key:?} is empty in {lang:?}");
            }
        }
        // The English catalogue is English: no Chinese text except the app names it cites (电子社保卡, 掌上12333).
        for key in Text::ALL {
            if *key != Text::SwitchLanguage {
                assert_ne!(t(Lang::ZhCn, *key), t(Lang::En, *key), "{key:?} is not translated");
            }
        }
    }

    /// The browser reads the page's English texts from `english.json`, which must be this catalogue's
    /// (`UPDATE_EXPECT=1` rewrites it after a change to the texts).
    #[test]
    fn english_json_is_the_catalogues_english() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/english.json");
        let texts = english_texts();
        let mut json = serde_json::to_string_pretty(&texts).unwrap();
        json.push('\n');
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(path, &json).unwrap();
        }
        let file = std::fs::read_to_string(path).unwrap_or_default();
        assert!(file == json, "{path} is out of date: run UPDATE_EXPECT=1 cargo test -p anju-form");
        assert_eq!(texts.len(), Text::ALL.len());
    }

    #[test]
    fn every_choice_has_its_own_label_in_both_languages() {
        for s in SPECS {
            if let Kind::Choice(keys) = s.kind {
                for k in keys {
                    for lang in LANGS {
                        let label = choice(lang, s.field, k);
                        assert!(!label.is_empty() && label != choice(lang, "", ""), "{} {k} {lang:?}", s.field);
                    }
                }
            }
        }
    }

    #[test]
    fn every_number_question_says_where_to_find_it() {
        for s in SPECS {
            let number =
                matches!(s.kind, Kind::Months { .. } | Kind::Money | Kind::Index { .. } | Kind::Percent { .. });
            if number && s.field != "monthlyRentFen" {
                for lang in LANGS {
                    assert!(help(lang, s.scope(), s.field).is_some(), "{} has no help in {lang:?}", s.field);
                }
            }
        }
    }

    #[test]
    fn results_name_people_as_the_form_does() {
        assert_eq!(subject(Lang::ZhCn, "household.adults[1]"), "大人2");
        assert_eq!(subject(Lang::En, "household.children[0]"), "Child 1");
        assert_eq!(subject(Lang::ZhCn, "household"), "全家");
    }

    #[test]
    fn money_and_months_in_each_locale() {
        assert_eq!(money(Lang::ZhCn, 235_000), "2,350.00 元");
        assert_eq!(money(Lang::En, 235_000), "¥2,350.00");
        assert_eq!(money(Lang::En, 7), "¥0.07");
        let m = anju_rules::time::YearMonth::ym(2027, 3);
        assert_eq!(month(Lang::ZhCn, m), "2027年3月");
        assert_eq!(month(Lang::En, m), "Mar 2027");
    }

    #[test]
    fn every_problem_reads_in_both_languages_with_its_number() {
        let all = [
            InputProblem::NotAWholeNumber,
            InputProblem::NotMoney,
            InputProblem::NotADecimal,
            InputProblem::NotAMonth,
            InputProblem::TooSmall { min: 1 },
            InputProblem::TooLarge { max: 1200 },
            InputProblem::TooMuchMoney,
            InputProblem::NotAChoice,
            InputProblem::InTheFuture,
            InputProblem::TooLongAgo,
            InputProblem::ChildOlderThanParent,
            InputProblem::UnknownPlace,
        ];
        for p in all {
            for lang in LANGS {
                assert!(!problem_text(lang, p).is_empty());
            }
        }
        assert!(problem_text(Lang::ZhCn, InputProblem::TooLarge { max: 1200 }).contains("1200"));
        assert!(problem_text(Lang::En, InputProblem::TooLarge { max: 1200 }).contains("1200"));
    }
}
