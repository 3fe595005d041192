//! The web app's own strings (questions, labels, hints), in zh-CN and English.
//!
//! Every string the page shows comes from here or from the engine's catalogue (`anju_rules::message`);
//! components hold no literal text. zh-CN is the default and is written first.

use anju_rules::message::Lang;

use crate::state::{MonthsError, YesNo};

/// A fixed UI string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    AppName,
    Tagline,
    SwitchLanguage,
    AboutYou,
    MonthsQuestion,
    MonthsHint,
    MonthsUnit,
    Yes,
    No,
    DontKnow,
    ResultHeading,
    WhyHeading,
    ToAnswer,
    NotModelledHeading,
    BasedOn,
    Unverified,
    Earliest,
    AsOf,
    Privacy,
}

pub fn t(lang: Lang, text: Text) -> &'static str {
    use Text::*;
    match lang {
        Lang::ZhCn => match text {
            AppName => "安居",
            Tagline => "看看你能不能办居住证",
            SwitchLanguage => "English",
            AboutYou => "先回答几个问题。不知道的，可以选“不知道”。",
            MonthsQuestion => "在现在这个城市住了几个月？",
            MonthsHint => "从搬来算起，到这个月。不知道就空着。",
            MonthsUnit => "个月",
            Yes => "是",
            No => "不是",
            DontKnow => "不知道",
            ResultHeading => "测算结果",
            WhyHeading => "为什么这样说",
            ToAnswer => "回答这些问题，结果会更准：",
            NotModelledHeading => "没有算进去的",
            BasedOn => "依据",
            Unverified => "未完全核实",
            Earliest => "最早可以申领",
            AsOf => "测算月份",
            Privacy => "你填的内容只在这部手机里计算，不会发到网上。",
        },
        Lang::En => match text {
            AppName => "Anju",
            Tagline => "Can you get a residence permit?",
            SwitchLanguage => "中文",
            AboutYou => "Answer a few questions. If you are not sure, choose “Don't know”.",
            MonthsQuestion => "How many months have you lived in this city?",
            MonthsHint => "From when you moved here until this month. Leave it empty if you don't know.",
            MonthsUnit => "months",
            Yes => "Yes",
            No => "No",
            DontKnow => "Don't know",
            ResultHeading => "Result",
            WhyHeading => "Why",
            ToAnswer => "Answer these for a surer result:",
            NotModelledHeading => "Not taken into account",
            BasedOn => "Source",
            Unverified => "not fully verified",
            Earliest => "Earliest month to apply",
            AsOf => "Assessed for",
            Privacy => "What you enter is computed on this phone only and is never sent anywhere.",
        },
    }
}

/// The question text and its help line.
pub fn question(lang: Lang, q: YesNo) -> (&'static str, &'static str) {
    match (lang, q) {
        (Lang::ZhCn, YesNo::HukouElsewhere) => {
            ("你的户口在外地吗？", "户口本上登记的地方，不是现在住的城市，就选“是”。")
        }
        (Lang::ZhCn, YesNo::StableJob) => ("在这里有稳定的工作吗？", "比如签了劳动合同，或者有营业执照。"),
        (Lang::ZhCn, YesNo::StableHome) => {
            ("在这里有稳定的住处吗？", "比如有租房合同、自己的房子，或单位、学校提供的住处。")
        }
        (Lang::ZhCn, YesNo::ContinuousStudy) => ("在这里连续上学吗？", "指你本人在这里的学校连续读书。"),
        (Lang::En, YesNo::HukouElsewhere) => (
            "Is your hukou registered in another place?",
            "Choose “Yes” if the place in your hukou book is not the city where you live now.",
        ),
        (Lang::En, YesNo::StableJob) => {
            ("Do you have a stable job here?", "For example a labour contract or a business licence.")
        }
        (Lang::En, YesNo::StableHome) => (
            "Do you have a stable home here?",
            "For example a rental contract, your own home, or housing from your employer or school.",
        ),
        (Lang::En, YesNo::ContinuousStudy) => {
            ("Are you studying here continuously?", "You yourself attend a school here without a break.")
        }
    }
}

/// The message shown at the months field when it cannot be read.
pub fn months_error(lang: Lang, e: MonthsError) -> &'static str {
    match (lang, e) {
        (Lang::ZhCn, MonthsError::NotAWholeNumber) => "请填整数，比如 8。不知道就空着。",
        (Lang::ZhCn, MonthsError::TooLarge) => "数字太大了。请填 0 到 1200 之间的整数。",
        (Lang::En, MonthsError::NotAWholeNumber) => "Please enter a whole number, such as 8, or leave it empty.",
        (Lang::En, MonthsError::TooLarge) => "That is too large. Please enter a whole number from 0 to 1200.",
    }
}
