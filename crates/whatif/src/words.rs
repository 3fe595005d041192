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
        "还办不成的项目，下面是找到的最快的办法（按现在的规定，看10年，到退休更晚的看到退休）。点“试试这个”就加进上面去比。",
        "For each program not yet in reach, the fastest ways found (under today's rules, looking 10 years ahead, or to retirement if that is later). \"Try this\" adds one above."
    ),
    UnlocksMost => ("一步办成几件事", "One step, several answers"),
    Try => ("试试这个", "Try this"),
    NoWay => (
        "10年内、到退休前都没有找到办法（或者还缺信息、缺当地规定）。",
        "No way found within 10 years or before retirement (or facts or local rules are missing)."
    ),
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
    // The hand-over screen.
    HandOverHeading => ("保存、发给别人、打印", "Save, share or print"),
    HandOverIntro => (
        "下面这些都不经过网上的服务器：链接、二维码和文件都是在这部手机上做出来的。",
        "None of this goes through a server: the link, the QR code and the file are made on this phone."
    ),
    LinkHeading => ("发一个链接", "Send a link"),
    LinkWarning => (
        "注意：这个链接和二维码里有你家的情况（户口、工作、社保、收入等）。只发给你信得过的人，比如帮你办事的工作人员。",
        "Careful: this link and QR code carry your family's answers (hukou, work, insurance, income). Send them only to people you trust, such as the person helping you."
    ),
    LinkLabel => ("带着你家情况的链接", "Link with your family's answers"),
    Copy => ("复制链接", "Copy the link"),
    Copied => ("已复制。可以粘贴到微信里发给别人。", "Copied. You can paste it into a chat."),
    CopyFailed => (
        "没能自动复制。请长按上面的链接，选“全选”，再选“复制”。",
        "Could not copy automatically: press and hold the link above, select all, then copy."
    ),
    QrAlt => ("带着你家情况的链接的二维码", "QR code of the link with your family's answers"),
    QrHint => (
        "在微信里长按这张图，可以“发送给朋友”或“识别图中二维码”。对方扫码就能看到同样的结果。",
        "In WeChat, press and hold the image to send it or to scan it. Whoever scans it sees the same answers."
    ),
    QrTooLong => ("填的内容太多，做不成二维码。请发链接。", "Too much is filled in for a QR code: send the link instead."),
    KeepHeading => ("在这部手机上记住", "Keep on this phone"),
    Remember => ("在这部手机上记住我家的情况，下次打开还在", "Remember my family on this phone for next time"),
    RememberHint => (
        "只存在这个浏览器里，不会发到网上。用这部手机的人都能看到。不用了就点“清除我的数据”。",
        "Kept only in this browser and never sent anywhere. Anyone using this phone can see it. Tap \"Clear my data\" when you are done."
    ),
    Clear => ("清除我的数据", "Clear my data"),
    ClearHint => (
        "一下子删掉这部手机上保存的、地址栏链接里的和表里填的所有内容。",
        "Removes at once what this phone keeps, the link in the address bar and everything in the form."
    ),
    PrintHeading => ("打印", "Print"),
    Print => ("打印（每种做法一页）", "Print (a page per choice)"),
    PrintHint => (
        "打印出来的每一页都有结果、每一条条件和依据、要带的材料，和“不是官方决定”的提示。",
        "Each printed page has the answers, every criterion with its source, the papers to bring and the notice that this is not an official decision."
    ),
    PrintInWechat => (
        "微信里不能打印。请点右上角“···”，选“在浏览器打开”，再点“打印”。",
        "WeChat cannot print. Tap \"···\" at the top right, choose \"Open in browser\", then print."
    ),
    FileHeading => ("家庭文件（给工作人员用）", "Family file (for counselors)"),
    Export => ("下载家庭文件", "Download the family file"),
    ExportHint => (
        "文件里是你家的情况和“如果这样做”里比的做法，格式和 anju 命令行程序的一样，用它能算出同样的结果。",
        "The file holds your family and the choices compared under \"What if\", in the anju command-line program's format: it gives the same answers there."
    ),
    Import => ("打开家庭文件", "Open a family file"),
    ImportHint => (
        "可以打开这里下载的、或者 anju 命令行程序用的家庭文件。只打开家庭情况，文件里比较的做法要在“如果这样做”里重新加。",
        "Opens a family file downloaded here or used with the anju command-line program. Only the family opens: add the file's choices again under \"What if\"."
    ),
    ImportRead => ("读出了文件里的家庭。", "The family in the file has been read."),
    ImportDropped => ("下面这些这里填不了，打开以后不会有：", "This form cannot hold the following; they will not be there:"),
    ImportScenarios => ("文件里还比较了几种做法，打开以后要在“如果这样做”里重新加。", "The file also compares some choices: add them again under \"What if\"."),
    ImportOpen => ("打开这个家庭（换掉现在表里填的）", "Open this family (in place of the form's answers)"),
    ImportNotJson => ("这个文件打不开：它不是家庭文件的格式。", "This file cannot be opened: it is not a family file."),
    ImportAt => ("问题大约在", "The problem is near"),
    ImportBadValues => ("这个文件打不开：里面有的数不合规定：", "This file cannot be opened: some values are out of range:"),
    RecommendHeading => ("把这个计算器推荐给别人", "Recommend this calculator"),
    RecommendAlt => ("安居计算器的二维码（里面没有你家的情况）", "QR code of the Anju calculator (nothing about your family)"),
    RecommendHint => (
        "这张图里只有计算器的网址，没有你家的任何情况，可以放心转发。",
        "This image holds only the calculator's address, nothing about your family: share it freely."
    ),
    PrintTitle => ("安居 · 计算结果", "Anju · results"),
    PrintAt => ("按这个时候的情况：", "As things would stand in: "),
    ToHandOver => ("保存、发给别人、打印这些比较", "Save, share or print these comparisons"),
    // What the family might do, as offered in the list.
    KindHukou => ("把户口迁到现在住的地方", "Move hukou to where you live"),
    KindPermit => ("办居住证", "Get a residence permit"),
    KindContract => ("签劳动合同（单位交社保）", "Sign a labour contract (employer pays insurance)"),
    KindFlexible => ("按灵活就业交职工养老保险", "Pay the employee scheme as a flexible worker"),
    KindKeep => ("按灵活就业交几个月，然后停", "Pay as a flexible worker for some months, then stop"),
    KindStop => ("停止缴费", "Stop contributing"),
    KindRental => ("登记租房合同", "Register the rental contract"),
    KindMove => ("全家搬到别的地方", "The family moves somewhere else"),
    KindBusiness => ("办营业执照，自己做生意", "Get a business licence and work for yourself"),
    KindLeave => ("没了工作，社保停交", "Lose or leave the job; insurance stops"),
    KindResident => ("改交城乡居民养老保险", "Pay the residents' scheme instead"),
    KindFarm => ("回老家种地，交城乡居民养老保险", "Go home to farm and pay the residents' scheme"),
    NeedsHome => (
        "要先在表里填这个人的户口所在地，才能算回老家。",
        "Give this person's hukou place in the form first: it is where home is."
    ),
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
        // The editor's month counts are the engine's words.
        assert_eq!(anju_rules::message::months_text(Lang::En, 1), "1 month");
        assert_eq!(anju_rules::message::months_text(Lang::ZhCn, 36), "36个月");
        assert_eq!(scenario_title(Lang::En, 2), "Choice 2");
        assert_eq!(cost_text(Lang::ZhCn, 360_000), "自己交约3,600.00元");
        assert_eq!(cost_text(Lang::En, 360_000), "about ¥3,600.00 paid yourself");
    }
}
