//! Typical families for counselors: one tap fills the form with a family like the ones they meet, then every
//! answer stays editable. They are illustrations, not golden cases: no expected result is attached to them here.

use anju_rules::household::{Question, Subject};
use anju_rules::message::Lang;

use crate::draft::Draft;

/// A preset family.
#[derive(Debug, Clone, Copy)]
pub struct Preset {
    /// Its id in the page (`data-preset`) and in links.
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    /// (subject, field, text) of each answer.
    answers: &'static [(Subject, &'static str, &'static str)],
    adults: usize,
    children: usize,
}

const A0: Subject = Subject::Adult(0);
const A1: Subject = Subject::Adult(1);
const H: Subject = Subject::Household;
const C0: Subject = Subject::Child(0);

pub static PRESETS: &[Preset] = &[
    Preset {
        id: "county-town-worker",
        zh: "在县城打工、孩子要上小学的爸爸",
        en: "A father working in a county town, child starting school",
        adults: 1,
        children: 1,
        answers: &[
            (A0, "birth", "1988-04"),
            (A0, "sex", "male"),
            (A0, "currentPlace", "shandong/linyi/linshu"),
            (A0, "hukouPlace", "henan/zhumadian/xiping"),
            (A0, "hukouType", "rural"),
            (A0, "monthsInPlace", "30"),
            (A0, "employment", "contract"),
            (A0, "stableJob", "yes"),
            (A0, "contractMonths", "24"),
            (A0, "siMonthsHere", "26"),
            (A0, "employeePension.months", "96"),
            (A0, "employeePension.contributingNow", "yes"),
            (A0, "stableHome", "yes"),
            (A0, "permit.held", "yes"),
            (A0, "permit.issued", "2024-05"),
            (H, "rentsHome", "yes"),
            (H, "ownsHomeHere", "no"),
            (C0, "birth", "2021-03"),
            (C0, "stage", "preschool"),
            (C0, "hukouPlace", "henan/zhumadian/xiping"),
        ],
    },
    Preset {
        id: "returning-worker-50",
        zh: "50岁回老家的打工人",
        en: "A worker of 50 back in the home county",
        adults: 1,
        children: 0,
        answers: &[
            (A0, "birth", "1976-06"),
            (A0, "sex", "male"),
            (A0, "currentPlace", "henan/kaifeng/lankao"),
            (A0, "hukouPlace", "henan/kaifeng/lankao"),
            (A0, "hukouType", "rural"),
            (A0, "employment", "agriculture"),
            (A0, "employeePension.months", "120"),
            (A0, "employeePension.contributingNow", "no"),
            (A0, "residentPension.months", "5"),
            (H, "ownsHomeHere", "yes"),
            (H, "rentsHome", "no"),
        ],
    },
    Preset {
        id: "young-couple-city",
        zh: "在城市租房、有个小宝宝的年轻夫妻",
        en: "A young couple renting in a city, with a baby",
        adults: 2,
        children: 1,
        answers: &[
            (A0, "birth", "1998-02"),
            (A0, "sex", "female"),
            (A0, "currentPlace", "guangdong/shenzhen"),
            (A0, "hukouPlace", "guangxi/liuzhou/rongan"),
            (A0, "hukouType", "rural"),
            (A0, "monthsInPlace", "18"),
            (A0, "employment", "contract"),
            (A0, "stableJob", "yes"),
            (A0, "siMonthsHere", "18"),
            (A0, "employeePension.months", "40"),
            (A1, "birth", "1996-07"),
            (A1, "sex", "male"),
            (A1, "currentPlace", "guangdong/shenzhen"),
            (A1, "hukouPlace", "guangxi/liuzhou/rongan"),
            (A1, "hukouType", "rural"),
            (A1, "monthsInPlace", "18"),
            (A1, "employment", "flexible"),
            (H, "rentsHome", "yes"),
            (H, "ownsHomeHere", "no"),
            (H, "monthlyRentFen", "1800"),
            (H, "incomePerCapitaFen", "3500"),
            (C0, "birth", "2025-06"),
            (C0, "stage", "preschool"),
        ],
    },
    Preset {
        id: "flexible-worker-45",
        zh: "45岁、自己交社保的灵活就业大姐",
        en: "A flexible worker of 45 paying her own insurance",
        adults: 1,
        children: 0,
        answers: &[
            (A0, "birth", "1981-09"),
            (A0, "sex", "female"),
            (A0, "femaleCategory", "flexible"),
            (A0, "currentPlace", "guizhou/guiyang"),
            (A0, "hukouPlace", "guizhou/guiyang/xifeng"),
            (A0, "hukouType", "rural"),
            (A0, "monthsInPlace", "60"),
            (A0, "employment", "flexible"),
            (A0, "employeePension.months", "84"),
            (A0, "employeePension.contributingNow", "yes"),
            (A0, "employeePension.averageIndexBp", "0.6"),
            (A0, "employeePension.currentBaseBp", "60"),
        ],
    },
];

impl Preset {
    pub fn name(&self, lang: Lang) -> &'static str {
        if lang == Lang::ZhCn {
            self.zh
        } else {
            self.en
        }
    }

    /// The preset as a draft.
    pub fn draft(&self) -> Draft {
        let mut d = Draft::default();
        for _ in 1..self.adults {
            d.add_adult();
        }
        for _ in 0..self.children {
            d.add_child();
        }
        for (subject, field, text) in self.answers {
            d.set(Question { subject: *subject, field }, text);
        }
        d
    }
}

pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use anju_rules::time::YearMonth;

    #[test]
    fn every_preset_reads_without_a_problem_and_sets_every_answer() {
        assert!(PRESETS.len() >= 4);
        for p in PRESETS {
            let d = p.draft();
            let built = d.build(YearMonth::ym(2026, 12));
            assert!(built.problems.is_empty(), "{}: {:?}", p.id, built.problems);
            for (subject, field, text) in p.answers {
                assert_eq!(d.text(Question { subject: *subject, field }), *text, "{} {field}", p.id);
                assert!(crate::registry::spec(crate::flow::scope(*subject), field).is_some(), "{} {field}", p.id);
            }
            assert!(!p.zh.is_empty() && !p.en.is_empty());
        }
    }
}
