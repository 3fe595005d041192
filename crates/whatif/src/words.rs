//! The what-if screen's words in each language, zh-CN first. Every text has both languages by construction (the
//! `words!` table) and a test keeps each non-empty. The engine names actions, programs, people, statuses and
//! timeline events itself (`anju_rules::message`, `explain`); this catalogue holds only the screen's own words.
//! It is separate from the page's catalogue so that the first load does not carry it.

use anju_rules::message::Lang;

macro_rules! words {
    ($($key:ident => ($zh:expr, $en:expr),)*) => {
        /// A fixed text of the what-if screen.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum W { $($key,)* }

        impl W {
            pub const ALL: &'static [W] = &[$(W::$key,)*];
        }

        /// The text in `lang`.
        pub fn w(lang: Lang, text: W) -> &'static str {
            match (lang, text) {
                $((Lang::ZhCn, W::$key) => $zh, (Lang::En, W::$key) => $en,)*
            }
        }
    };
}

words! {
    Heading => ("如果这样做，会怎样", "What if you…"),
    Intro => (
        "选一种做法，看看住房、养老、孩子上学会有什么变化。最多可以同时比4种做法。",
        "Choose something your family could do and see what changes for housing, pension and school. Compare up to 4 at once."
    ),
    AddHeading => ("加一种做法", "Add a choice"),
    ActionLabel => ("做什么", "What to do"),
    WhoLabel => ("谁去办", "Who does it"),
    FromLabel => ("从什么时候开始", "From when"),
    MonthsLabel => ("几个月", "How many months"),
    BaseLabel => ("缴费基数（当地平均工资的百分之几）", "Contribution base (share of the local average wage)"),
    PlaceLabel => ("搬到哪里", "Move where"),
    Add => ("加上，比一比", "Add and compare"),
    Full => ("已经有4种做法了。要再加，先删掉一种。", "There are already 4 choices. Remove one to add another."),
    ComparePlaces => ("比一比回老家", "Compare with going home"),
    ComparePlacesHint => (
        "把“全家搬回户口所在地”加进来比一比；在“做什么”里选“全家搬到别的地方”，可以加第三个地方。",
        "Adds \"the family moves back to the hukou place\"; choose \"The family moves somewhere else\" under \"What to do\" to add a third place."
    ),
    NoHometown => ("还不知道户口在哪里，先在“住在哪里”那一步填上。", "The hukou place is not known yet: fill it in at the places step."),
    CompareAt => ("看哪个时候的结果", "Compare at"),
    Now => ("现在", "Now"),
    Baseline => ("什么都不变", "Nothing changes"),
    ScenarioNo => ("做法", "Choice"),
    Remove => ("删掉这种做法", "Remove this choice"),
    Changes => ("有变化的：", "What changes:"),
    NoChanges => ("这样做，到那时结果都一样。", "By then, nothing changes with this choice."),
    Unchanged => ("（不变）", " (unchanged)"),
    DiffersIn => ("不同的条件：", "Criteria that differ:"),
    Table => ("对照表", "Side by side"),
    Program => ("项目", "Program"),
    WaysHeading => ("怎样才能办成", "How to get there"),
    WaysIntro => (
        "还办不成的项目，下面是找到的最快的办法（按现在的规定，10年以内）。点“试试这个”就加进上面去比。",
        "For each program not yet in reach, the fastest ways found (under today's rules, within 10 years). \"Try this\" adds one above."
    ),
    UnlocksMost => ("一步办成几件事", "One step, several answers"),
    Try => ("试试这个", "Try this"),
    NoWay => ("10年内没有找到办法（或者还缺信息、缺当地规定）。", "No way found within 10 years (or facts or local rules are missing)."),
    Earliest => ("最早", "from"),
    AllInReach => ("每一项都已经能办，或者只差等时间。", "Every program is in reach now, or only waiting is left."),
    TimelineHeading => ("从现在到退休：什么时候会变", "From now to retirement: when things change"),
    TimelineNone => ("这段时间里没有变化。", "Nothing changes in this time."),
    Legend => ("图例", "Key"),
    Back => ("回到结果", "Back to the results"),
    Loading => ("正在算……", "Working it out…"),
    Disclaimer => (
        "这是按公开规定做的估算，不是官方决定。办事以当地部门的答复为准。",
        "An estimate from the published rules, not an official decision. The local office decides."
    ),
    // What the family might do, as offered in the list.
    KindHukou => ("把户口迁到现在住的地方", "Move hukou to where you live"),
    KindPermit => ("办居住证", "Get a residence permit"),
    KindContract => ("签劳动合同（单位交社保）", "Sign a labour contract (employer pays insurance)"),
    KindFlexible => ("按灵活就业交职工养老保险", "Pay the employee scheme as a flexible worker"),
    KindKeep => ("按灵活就业交几个月，然后停", "Pay as a flexible worker for some months, then stop"),
    KindStop => ("停止缴费", "Stop contributing"),
    KindRental => ("登记租房合同", "Register the rental contract"),
    KindMove => ("全家搬到别的地方", "The family moves somewhere else"),
}

/// "From when": now, or in `months` months.
pub fn from_text(lang: Lang, months: u32) -> String {
    match (lang, months) {
        (_, 0) => w(lang, W::Now).into(),
        (Lang::ZhCn, m) if m % 12 == 0 => format!("{}年以后", m / 12),
        (Lang::ZhCn, m) => format!("{m}个月以后"),
        (Lang::En, 12) => "In a year".into(),
        (Lang::En, m) if m % 12 == 0 => format!("In {} years", m / 12),
        (Lang::En, 1) => "In a month".into(),
        (Lang::En, m) => format!("In {m} months"),
    }
}

/// A number of months as a choice: "24个月" / "24 months".
pub fn months_text(lang: Lang, months: u32) -> String {
    match (lang, months) {
        (Lang::ZhCn, m) => format!("{m}个月"),
        (Lang::En, 1) => "1 month".into(),
        (Lang::En, m) => format!("{m} months"),
    }
}

/// What the family pays itself on a way to a program: "自己交约3,600.00元" / "about ¥3,600.00 paid yourself".
pub fn cost_text(lang: Lang, fen: i64) -> String {
    let yuan = anju_rules::message::yuan_text(fen);
    match lang {
        Lang::ZhCn => format!("自己交约{yuan}元"),
        Lang::En => format!("about ¥{yuan} paid yourself"),
    }
}

/// The n-th choice's title: "做法1" / "Choice 1".
pub fn scenario_title(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhCn => format!("{}{n}", w(lang, W::ScenarioNo)),
        Lang::En => format!("{} {n}", w(lang, W::ScenarioNo)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages() {
        for &t in W::ALL {
            assert!(!w(Lang::ZhCn, t).is_empty(), "{t:?} has no Chinese");
            assert!(!w(Lang::En, t).is_empty(), "{t:?} has no English");
        }
    }

    /// The hint names the list and the choice by the words they show.
    #[test]
    fn the_places_hint_quotes_the_labels_it_points_to() {
        for lang in [Lang::ZhCn, Lang::En] {
            let hint = w(lang, W::ComparePlacesHint);
            assert!(hint.contains(w(lang, W::KindMove)), "{lang:?}: {hint}");
            assert!(hint.contains(w(lang, W::ActionLabel)), "{lang:?}: {hint}");
        }
    }

    #[test]
    fn months_read_as_people_say_them() {
        assert_eq!(from_text(Lang::ZhCn, 0), "现在");
        assert_eq!(from_text(Lang::ZhCn, 24), "2年以后");
        assert_eq!(from_text(Lang::ZhCn, 6), "6个月以后");
        assert_eq!(from_text(Lang::En, 12), "In a year");
        assert_eq!(from_text(Lang::En, 36), "In 3 years");
        assert_eq!(from_text(Lang::En, 3), "In 3 months");
        assert_eq!(months_text(Lang::En, 1), "1 month");
        assert_eq!(months_text(Lang::ZhCn, 36), "36个月");
        assert_eq!(scenario_title(Lang::En, 2), "Choice 2");
        assert_eq!(cost_text(Lang::ZhCn, 360_000), "自己交约3,600.00元");
        assert_eq!(cost_text(Lang::En, 360_000), "about ¥3,600.00 paid yourself");
    }
}
