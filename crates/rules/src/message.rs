//! The engine's message catalogue: every reason, status and caveat the engine can give, in zh-CN and English.
//!
//! Results carry a [`Msg`] (a key with typed parameters, serialized as `{"key": …, "params": {…}}`), never text;
//! the text is made here, per language, so the web app, the CLI and the JS API say the same thing.
//! zh-CN sentences follow the plain-language rules: everyday words first, one idea per sentence, Arabic digits.

use serde::Serialize;

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
    Disclaimer,
}

/// A year-month as users read it: 2027年1月 in Chinese, 2027-01 in English.
pub fn month_text(lang: Lang, ym: YearMonth) -> String {
    match lang {
        Lang::ZhCn => format!("{}年{}月", ym.year(), ym.month()),
        Lang::En => ym.to_string(),
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
                format!("You have lived here {months} months; {required} are needed.")
            }
            (Msg::ResidedShort { months, required, remaining, met_from }, ZhCn) => format!(
                "在这里住了{months}个月，要满{required}个月，还差{remaining}个月。一直住下去，{}就满了。",
                month_text(ZhCn, *met_from)
            ),
            (Msg::ResidedShort { months, required, remaining, met_from }, En) => format!(
                "You have lived here {months} months; {required} are needed, {remaining} to go. If you stay, you reach it in {}.",
                month_text(En, *met_from)
            ),
            (Msg::ResidedUnknown { required }, ZhCn) => {
                format!("还不知道在这里住了几个月。要满{required}个月。")
            }
            (Msg::ResidedUnknown { required }, En) => {
                format!("We don't know yet how long you have lived here; {required} months are needed.")
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
            (Msg::NoRuleInForce { parameter, at }, ZhCn) => {
                format!("{}没有可用的规定数值（{parameter}），没法判断。", month_text(ZhCn, *at))
            }
            (Msg::NoRuleInForce { parameter, at }, En) => {
                format!("No rule value ({parameter}) is in force in {}, so this cannot be decided.", month_text(En, *at))
            }
            (Msg::NotModelledLocalProofs, ZhCn) => {
                "各地对“稳定工作”“稳定住处”要哪些证明，有自己的规定。这里没有细算，请问当地派出所。".into()
            }
            (Msg::NotModelledLocalProofs, En) => {
                "Each city sets which papers prove a stable job or home; that is not checked here. Ask the local police station."
                    .into()
            }
            (Msg::NotModelledEndorsement, ZhCn) => {
                "居住证每年要签注。晚签注的，连续居住年限从补签注那天重新算。这里只看能不能申领。".into()
            }
            (Msg::NotModelledEndorsement, En) => {
                "A permit must be endorsed every year; after a late endorsement, continuous years restart. Only applying is checked here."
                    .into()
            }
            (Msg::Disclaimer, ZhCn) => "测算结果仅供参考，不是官方认定。以当地主管部门审核为准。".into(),
            (Msg::Disclaimer, En) => {
                "This is an estimate, not an official decision. The local authorities decide.".into()
            }
        }
    }
}

impl ProgramId {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ProgramId::ResidencePermit, Lang::ZhCn) => "居住证",
            (ProgramId::ResidencePermit, Lang::En) => "Residence permit",
        }
    }
}

/// The short title of a criterion, by program and criterion id; the id itself when the catalogue lacks one
/// (a test keeps the catalogue complete).
pub fn criterion_title(program: ProgramId, id: &str, lang: Lang) -> &str {
    match (program, id, lang) {
        (ProgramId::ResidencePermit, "left_hukou_city", Lang::ZhCn) => "离开户口所在地",
        (ProgramId::ResidencePermit, "left_hukou_city", Lang::En) => "Living away from the hukou place",
        (ProgramId::ResidencePermit, "resided_half_year", Lang::ZhCn) => "在这里住满半年",
        (ProgramId::ResidencePermit, "resided_half_year", Lang::En) => "Lived here half a year",
        (ProgramId::ResidencePermit, "stable_basis", Lang::ZhCn) => "稳定工作、住处或上学",
        (ProgramId::ResidencePermit, "stable_basis", Lang::En) => "Stable job, home or study",
        _ => id,
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
        assert!(m.text(Lang::En).contains("2027-01"));
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
