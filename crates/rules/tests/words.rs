//! Plain, correct words: every golden household (`tests/cases/*.json`) and a few hundred generated ones are
//! rendered in both languages — the explanation, each timeline event and each plan — and every text is scanned:
//!
//! - no ASCII identifier in Chinese text: no `snake_case`, `dotted.path`, `camelCase`, `[0]` index or `household.`;
//!   allowed are numbers, units (`m²`), and the few capitalised abbreviations listed in [`ALLOWED_ASCII_WORDS`];
//! - no raw place id in either language (a `/` between lowercase letters);
//! - in English: no "1 months" / "1 years" and no 《 or 》; no Chinese characters at all;
//! - an amount under a program that is not eligible reads as what would be paid once eligible.
//!
//! The generator is deterministic (a xorshift over the request fields, places drawn from the policy data and a few
//! ids without a layer), so a failure names the household that shows it. Each check counts what it looked at
//! and the test fails if it looked at too little.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;

use anju_rules::household::{
    Adult, Child, EmployeePension, Employment, FemaleCategory, Household, HukouType, Permit, Request, ResidentPension,
    Segment, Sex,
};
use anju_rules::message::Lang;
use anju_rules::report::{Assessment, Status};
use anju_rules::time::YearMonth;

/// Capitalised ASCII words a Chinese sentence may carry: none today. (Units like m² and numbers are not words.)
const ALLOWED_ASCII_WORDS: &[&str] = &[];

/// Ids of places without a policy layer, to see they are never printed.
const PLACES_WITHOUT_LAYER: &[&str] =
    &["guangdong/dongguan", "zhejiang/hangzhou/xihu", "henan/kaifeng/qixian", "xizang"];

#[derive(Default)]
struct Counts {
    texts: usize,
    zh_texts: usize,
    en_texts: usize,
    amounts_not_eligible: usize,
    offices: usize,
}

fn is_cjk(c: char) -> bool {
    ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// The first identifier-looking run of ASCII in `text`, if any.
fn ascii_identifier(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let word = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | '/');
    let mut i = 0;
    while i < chars.len() {
        if !word(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && word(chars[i]) {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let run = run.trim_end_matches('.');
        let letters = |a: char, b: char| a.is_ascii_alphabetic() && b.is_ascii_alphabetic();
        let pairs: Vec<(char, char, char)> =
            run.chars().zip(run.chars().skip(1)).zip(run.chars().skip(2)).map(|((a, b), c)| (a, b, c)).collect();
        let joined = pairs.iter().any(|&(a, b, c)| matches!(b, '_' | '.' | '/') && letters(a, c));
        let camel = run.chars().zip(run.chars().skip(1)).any(|(a, b)| a.is_ascii_lowercase() && b.is_ascii_uppercase());
        let indexed = run.chars().zip(run.chars().skip(1)).any(|(a, b)| a == '[' && b.is_ascii_digit());
        let lowercase_word =
            run.chars().any(|c| c.is_ascii_lowercase()) && run.chars().filter(char::is_ascii_alphabetic).count() > 1;
        let allowed =
            ALLOWED_ASCII_WORDS.contains(&run) || run.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '/'));
        if !allowed && (joined || camel || indexed || lowercase_word || run.chars().any(|c| c.is_ascii_uppercase())) {
            return Some(run.to_string());
        }
    }
    None
}

/// A place id in the text: lowercase letters, `/`, lowercase letters.
fn place_id(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    (1..chars.len().saturating_sub(1))
        .find(|&i| chars[i] == '/' && chars[i - 1].is_ascii_lowercase() && chars[i + 1].is_ascii_lowercase())
        .map(|i| chars[i.saturating_sub(12)..(i + 12).min(chars.len())].iter().collect())
}

/// "1 months", "1 years" (not "11 months").
fn bad_plural(text: &str) -> Option<String> {
    for bad in ["1 months", "1 years", "1 are needed"] {
        let mut from = 0;
        while let Some(at) = text[from..].find(bad) {
            let pos = from + at;
            let before = text[..pos].chars().next_back();
            if !before.is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '.') {
                return Some(text[pos.saturating_sub(20)..(pos + bad.len()).min(text.len())].to_string());
            }
            from = pos + bad.len();
        }
    }
    None
}

fn check_text(text: &str, lang: Lang, origin: &str, counts: &mut Counts) {
    counts.texts += 1;
    for line in text.lines() {
        if let Some(id) = place_id(line) {
            panic!("{origin} ({lang:?}): a place id `{id}` in: {line}");
        }
        assert!(
            !line.contains("household.") && !line.contains("adults["),
            "{origin} ({lang:?}): a JSON path in: {line}"
        );
        match lang {
            Lang::ZhCn => {
                if let Some(id) = ascii_identifier(line) {
                    panic!("{origin}: an ASCII identifier `{id}` in Chinese text: {line}");
                }
                // An amount next to a verdict other than 能申领 is what would be paid once eligible.
                if line.contains("每月约") && !line.contains("符合条件后每月约") {
                    assert!(line.replace("不能申领", "").contains("能申领"), "{origin}: payable under a no: {line}");
                }
            }
            Lang::En => {
                assert!(!line.contains('《') && !line.contains('》'), "{origin}: 《》 in English text: {line}");
                if let Some(p) = bad_plural(line) {
                    panic!("{origin}: a wrong plural `{p}` in: {line}");
                }
                assert!(!line.chars().any(is_cjk), "{origin}: Chinese in English text: {line}");
            }
        }
    }
    match lang {
        Lang::ZhCn => counts.zh_texts += 1,
        Lang::En => counts.en_texts += 1,
    }
}

/// Every amount line under a program that is not eligible reads "once eligible".
fn check_amounts(a: &Assessment, origin: &str, counts: &mut Counts) {
    for p in &a.programs {
        if p.status == Status::Eligible {
            continue;
        }
        for amount in p.amounts.iter().filter(|x| x.fen.is_some()) {
            counts.amounts_not_eligible += 1;
            let zh = anju_rules::explain::amount_text(amount, p.status, Lang::ZhCn);
            let en = anju_rules::explain::amount_text(amount, p.status, Lang::En);
            let monthly = amount.id != anju_rules::report::AmountId::AccountAtRetirement;
            if monthly {
                assert!(zh.contains("符合条件后") && en.contains("once eligible"), "{origin}: {zh} / {en}");
            }
            assert!(zh.contains('约') && en.contains("about"), "{origin}: an estimate not said to be one: {zh} / {en}");
        }
    }
}

/// Whatever a program tells the family to ask, it names the office that decides that program.
fn check_offices(a: &Assessment, origin: &str, counts: &mut Counts) {
    for p in &a.programs {
        let office = anju_rules::names::Office::of_program(p.program);
        let zh_office = office.text(Lang::ZhCn).trim_start_matches("当地");
        let en_office = office.text(Lang::En).trim_start_matches("the local ");
        let messages = p.criteria.iter().map(|c| &c.message).chain(&p.notes).chain(&p.options).chain(&p.not_modelled);
        for m in messages {
            let (zh, en) = (m.text(Lang::ZhCn), m.text(Lang::En));
            if zh.contains("请问") {
                counts.offices += 1;
                assert!(zh.contains(zh_office), "{origin}: {} asks the wrong office: {zh}", p.program.id());
            }
            if en.contains("ask ") || en.contains("Ask ") {
                assert!(en.contains(en_office), "{origin}: {} asks the wrong office: {en}", p.program.id());
            }
        }
    }
}

fn check_request(request: &Request, origin: &str, with_plan: bool, counts: &mut Counts) {
    let as_of = request.as_of.unwrap_or(YearMonth::ym(2026, 11));
    let a = anju_rules::assess(request, as_of);
    check_amounts(&a, origin, counts);
    check_offices(&a, origin, counts);
    for lang in [Lang::ZhCn, Lang::En] {
        check_text(&anju_rules::explain::render(&a, lang), lang, origin, counts);
    }
    if with_plan {
        let events = anju_rules::scenario::timeline(request, as_of, None, 120);
        for lang in [Lang::ZhCn, Lang::En] {
            for e in &events {
                check_text(&anju_rules::explain::event(e, lang), lang, origin, counts);
            }
        }
        let plan = anju_rules::pathway::plan(request, as_of);
        for lang in [Lang::ZhCn, Lang::En] {
            check_text(&anju_rules::explain::plan(&plan, lang), lang, origin, counts);
        }
        // Moving: the family in two other places, compared and walked (place scenarios are named by place id).
        let places = anju_rules::scenario::place_scenarios(&["hainan/haikou".into(), "guangdong/dongguan".into()]);
        let comparison = anju_rules::scenario::compare(request, as_of, &places, as_of);
        let moved = anju_rules::scenario::timeline(request, as_of, places.first(), 60);
        for lang in [Lang::ZhCn, Lang::En] {
            check_text(&anju_rules::explain::comparison(&comparison, lang), lang, origin, counts);
            check_text(&anju_rules::explain::scenario_name(&places[0].name, lang), lang, origin, counts);
            for e in &moved {
                check_text(&anju_rules::explain::event(e, lang), lang, origin, counts);
            }
        }
    }
}

#[test]
fn every_golden_household_reads_in_plain_words() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases");
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut counts = Counts::default();
    for f in &files {
        let case: serde_json::Value = serde_json::from_str(&fs::read_to_string(f).unwrap()).unwrap();
        let request: Request = serde_json::from_value(case["request"].clone()).unwrap();
        check_request(&request, &f.file_name().unwrap().to_string_lossy(), true, &mut counts);
    }
    assert!(files.len() >= 20, "{} cases", files.len());
    assert!(counts.zh_texts >= 2 * files.len() && counts.en_texts >= 2 * files.len(), "{}", counts.texts);
}

/// xorshift64*: deterministic, so a failing household can be named by its number.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn maybe<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> Option<T> {
        if self.below(3) == 0 {
            None
        } else {
            Some(f(self))
        }
    }
    fn flag(&mut self) -> Option<bool> {
        self.maybe(|r| r.below(2) == 0)
    }
    fn months(&mut self, max: u64) -> Option<u32> {
        // Small counts are where plurals go wrong: 0, 1, 12 and 13 come up often.
        self.maybe(|r| match r.below(5) {
            0 => [0, 1, 12, 13][r.below(4) as usize],
            _ => r.below(max + 1) as u32,
        })
    }
    fn month(&mut self, from: i32, to: i32) -> Option<YearMonth> {
        self.maybe(|r| YearMonth::ym(from + r.below((to - from + 1) as u64) as i32, 1 + r.below(12) as u32))
    }
    fn place(&mut self) -> Option<String> {
        self.maybe(|r| {
            let places = anju_rules::policy::data::PLACES;
            if r.below(6) == 0 {
                PLACES_WITHOUT_LAYER[r.below(PLACES_WITHOUT_LAYER.len() as u64) as usize].to_string()
            } else {
                places[r.below(places.len() as u64) as usize].id.to_string()
            }
        })
    }
}

fn adult(r: &mut Rng, current: &Option<String>, year: i32) -> Adult {
    let segments = (0..r.below(3))
        .map(|_| Segment { place: r.place().unwrap_or_else(|| "beijing".into()), months: r.months(200).unwrap_or(13) })
        .collect();
    Adult {
        birth: r.month(year - 75, year - 18),
        sex: r.maybe(|r| if r.below(2) == 0 { Sex::Male } else { Sex::Female }),
        female_category: r.maybe(|r| {
            [FemaleCategory::Worker50, FemaleCategory::Cadre55, FemaleCategory::Flexible][r.below(3) as usize]
        }),
        hukou_type: r.maybe(|r| if r.below(2) == 0 { HukouType::Rural } else { HukouType::Urban }),
        hukou_place: if r.below(4) == 0 { current.clone() } else { r.place() },
        current_place: current.clone(),
        hukou_elsewhere: r.flag(),
        months_in_place: r.months(240),
        stable_job: r.flag(),
        stable_home: r.flag(),
        continuous_study: r.flag(),
        permit: Permit { held: r.flag(), issued: r.month(year - 10, year - 1), ..Permit::default() },
        si_months_here: r.months(120),
        contract_months: r.months(60),
        business_licence_since: r.month(year - 10, year - 1),
        employment: r.maybe(|r| {
            [
                Employment::Contract,
                Employment::Flexible,
                Employment::SelfEmployed,
                Employment::Agriculture,
                Employment::Unemployed,
            ][r.below(5) as usize]
        }),
        employee_pension: EmployeePension {
            months: r.months(480),
            segments,
            contributing_now: r.flag(),
            account_balance_fen: r.maybe(|r| r.below(30_000_000) as i64),
            average_index_bp: r.maybe(|r| 6000 + r.below(14_000) as u32),
            ..EmployeePension::default()
        },
        resident_pension: ResidentPension {
            months: r.months(300),
            balance_fen: r.maybe(|r| r.below(5_000_000) as i64),
            other_pension: r.flag(),
            contributing_now: r.flag(),
            ..ResidentPension::default()
        },
        ..Adult::default()
    }
}

fn household(r: &mut Rng) -> Request {
    // Mostly now; sometimes before the permit regulation (2016) or decades ahead, where other rules are in force.
    let year = [2026, 2026, 2026, 2015, 2022, 2038][r.below(6) as usize];
    let current = r.place();
    let adults = (0..r.below(3)).map(|_| adult(r, &current, year)).collect();
    let children = (0..r.below(3))
        .map(|_| Child {
            birth: r.month(year - 18, year - 1),
            xueji_years: r.maybe(|r| r.below(10) as u32),
            hukou_place: if r.below(3) == 0 { current.clone() } else { r.place() },
            zhongkao_here: r.flag(),
            ..Child::default()
        })
        .collect();
    Request {
        as_of: Some(YearMonth::ym(year, 11)),
        household: Household {
            adults,
            size: r.maybe(|r| 1 + r.below(6) as u32),
            income_per_capita_fen: r.maybe(|r| r.below(1_000_000) as i64),
            owns_home_here: r.flag(),
            floor_area_per_capita_m2: r.maybe(|r| r.below(40) as u32),
            provident_fund_depositing: r.flag(),
            rents_home: r.flag(),
            monthly_rent_fen: r.maybe(|r| r.below(500_000) as i64),
            income_below_local_line: r.flag(),
            children,
            ..Household::default()
        },
    }
}

#[test]
fn generated_households_read_in_plain_words() {
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let mut counts = Counts::default();
    let mut valid = 0;
    let total = 400;
    for n in 0..total {
        let request = household(&mut r);
        let as_of = request.as_of.unwrap();
        if !request.validate(as_of).is_empty() {
            continue;
        }
        valid += 1;
        // Plans and timelines are slower; every tenth household has them.
        check_request(
            &request,
            &format!("generated household {n}: {}", serde_json::to_string(&request).unwrap()),
            n % 10 == 0,
            &mut counts,
        );
    }
    assert!(valid * 2 >= total, "only {valid} of {total} generated households are valid requests");
    assert!(counts.zh_texts >= valid && counts.en_texts >= valid, "{} texts", counts.texts);
    assert!(
        counts.amounts_not_eligible >= 50,
        "only {} amounts under a program not eligible",
        counts.amounts_not_eligible
    );
    assert!(counts.offices >= 200, "only {} texts that name an office", counts.offices);
}

#[test]
fn the_scanners_catch_what_they_are_for() {
    assert_eq!(
        ascii_identifier("还没有（public_rental.area_line_m2）。").as_deref(),
        Some("public_rental.area_line_m2")
    );
    assert_eq!(
        ascii_identifier("要回答：household.adults[0].monthsInPlace").as_deref(),
        Some("household.adults[0].monthsInPlace")
    );
    assert_eq!(ascii_identifier("回答 monthsInPlace").as_deref(), Some("monthsInPlace"));
    assert_eq!(ascii_identifier("人均15 m²，2027年1月，1,234.50 元，2.62%").as_deref(), None);
    assert_eq!(ascii_identifier("（I, 未完全核实）").as_deref(), Some("I"));
    assert!(place_id("养老金在guangdong/shenzhen领").is_some());
    assert!(place_id("3/4 of it").is_none());
    assert!(bad_plural("You have 1 months").is_some());
    assert!(bad_plural("You have 11 months and 21 years").is_none());
    assert!(bad_plural("1 years").is_some());
}
