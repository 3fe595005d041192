//! Every county in China: the engine reads any GB/T 2260 code the place registry holds, and a family anywhere gets
//! the national and provincial answers, with each local number either from data or unknown and named.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use anju_form::divisions::{self, Division, Kind, Level};
use anju_rules::household::{Adult, EmployeePension, Household, Request, Segment, Sex};
use anju_rules::place::{self, PlaceId};
use anju_rules::report::{Outcome, ProgramId, Status};
use anju_rules::time::YearMonth;

const NOV_2026: YearMonth = YearMonth::ym(2026, 11);

fn counties() -> Vec<&'static Division> {
    let r = divisions::embedded().expect("the registry parses");
    r.all().iter().filter(|d| d.level == Level::County).collect()
}

/// The engine's reading of a code (its level, its parent, district or not) is the registry's, for every division.
#[test]
fn the_engine_reads_every_registry_code_as_the_registry_does() {
    let r = divisions::embedded().unwrap();
    let mut districts = 0;
    let mut differ = Vec::new();
    for d in r.all() {
        let code = format!("{:06}", d.code);
        let p = PlaceId::parse(&code).unwrap_or_else(|| panic!("{code} {} is not a place to the engine", d.name));
        let level = match d.level {
            Level::Province => place::Level::Province,
            Level::City => place::Level::City,
            Level::County => place::Level::County,
        };
        assert_eq!(p.level(), level, "{code} {}", d.name);
        let parent = r.parent(d.code).map(|q| format!("{:06}", q.code));
        assert_eq!(p.parent().map(|q| q.to_string()), parent, "{code} {}: parent", d.name);
        if d.level == Level::County {
            districts += usize::from(d.kind == Kind::District);
            if p.is_district() != Some(d.kind == Kind::District) {
                differ.push(format!("{code} {} ({:?})", d.name, d.kind));
            }
        }
    }
    assert!(districts > 900, "{districts} districts");
    // Codes that read otherwise than their kind (a district numbered past 20, a 特区): few, listed so that a change
    // in the registry is seen.
    eprintln!("{} county-level codes read otherwise than their kind: {differ:?}", differ.len());
    assert!(differ.len() <= 3, "{} differ: {differ:?}", differ.len());
}

/// A man born 1985-06 living and insured for ten years in a county, with a hukou in another province: assessed in a
/// few hundred counties drawn from the registry.
#[test]
fn a_few_hundred_counties_get_national_and_provincial_answers_and_name_what_is_missing() {
    let all = counties();
    let mut seed: u64 = 2260;
    let mut picked = BTreeSet::new();
    while picked.len() < 300 {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        picked.insert((seed >> 33) as usize % all.len());
    }
    let mut reached = BTreeMap::<&str, usize>::new();
    for i in picked {
        let here = all[i];
        let code = format!("{:06}", here.code);
        let home = all.iter().find(|d| d.code / 10000 != here.code / 10000).unwrap();
        let adult = Adult {
            birth: Some(YearMonth::ym(1985, 6)),
            sex: Some(Sex::Male),
            hukou_place: Some(format!("{:06}", home.code)),
            current_place: Some(code.clone()),
            months_in_place: Some(120),
            stable_job: Some(true),
            stable_home: Some(true),
            employee_pension: EmployeePension {
                months: Some(120),
                segments: vec![Segment { place: code.clone(), months: 120 }],
                contributing_now: Some(true),
                account_balance_fen: Some(5_000_000),
                average_index_bp: Some(10_000),
                ..EmployeePension::default()
            },
            ..Adult::default()
        };
        let request =
            Request { as_of: Some(NOV_2026), household: Household { adults: vec![adult], ..Household::default() } };
        assert!(request.validate(NOV_2026).is_empty(), "{code}");
        let a = anju_rules::assess(&request, NOV_2026);
        let program = |id: ProgramId| a.programs.iter().find(|p| p.program == id).unwrap();

        // National: the permit (条例 Art. 2: left the hukou place, six months, a job) is decided without local data.
        assert_eq!(program(ProgramId::ResidencePermit).status, Status::Eligible, "{code} {}", here.name);
        // National: men born from 1976-09 retire at 63 (rules brief §2.1.3), so in 2048-06.
        let pension = program(ProgramId::EmployeePension);
        assert_eq!(pension.earliest, Some(YearMonth::ym(2048, 6)), "{code}");
        // Provincial: ten years insured here, so paid in this province (66号 Art. 5); its benefit base is in our data
        // or the basic pension is unknown, naming the base and asking for it.
        let basic = pension.amounts.iter().find(|m| m.id == anju_rules::report::AmountId::BasicMonthly).unwrap();
        let province = format!("{:06}", here.code / 10000 * 10000);
        let json = serde_json::to_value(pension).unwrap();
        assert!(json.to_string().contains(&format!("\"place\":\"{province}\"")), "{code}: paid in {province}");
        match basic.fen {
            Some(_) => {
                assert!(!basic.used.is_empty(), "{code}: a base from data is cited");
                *reached.entry("benefit base from data").or_default() += 1;
            }
            None => {
                assert!(basic.missing_data.contains(&"employee_pension.benefit_base"), "{code}: {:?}", basic);
                assert!(basic.questions.iter().any(|q| q.field == "localNumbers.benefitBaseFen"), "{code}");
                *reached.entry("benefit base unknown and named").or_default() += 1;
            }
        }
        // The county-town rule: a county or county-level city needs only a stable residence; a district is judged
        // by its city, whose size is in our data or unknown and named.
        let hukou = program(ProgramId::HukouTransfer);
        if here.kind == Kind::District {
            // Named: the city's population is missing (and asked for), or a megacity's points system decides.
            let named = hukou.criteria.iter().any(|c| {
                let message = serde_json::to_string(&c.message).unwrap();
                c.outcome == Outcome::Unknown
                    && (message.contains("hukou_transfer.urban_population_10k") || message.contains("pointsSystem"))
            });
            assert!(named || hukou.status != Status::Unknown, "{code} {}: {hukou:?}", here.name);
            *reached.entry("district judged by its city").or_default() += 1;
        } else if PlaceId::parse(&code).unwrap().is_district() == Some(false) {
            assert_eq!(hukou.status, Status::Eligible, "{code} {} ({:?})", here.name, here.kind);
            *reached.entry("county town: a stable residence is enough").or_default() += 1;
        }
        // Every local number is from data or unknown and named: an unknown criterion names a question or the
        // missing number; an amount that cannot be estimated says what it lacks.
        for p in &a.programs {
            for c in p.criteria.iter().filter(|c| c.outcome == Outcome::Unknown) {
                let message = serde_json::to_string(&c.message).unwrap();
                // A megacity's points system is named as not modelled.
                assert!(
                    !c.questions.is_empty()
                        || message.contains("parameter")
                        || message.contains("until")
                        || message.contains("pointsSystem"),
                    "{code} {:?} {}: unknown without a question or a named number: {message}",
                    p.program,
                    c.id
                );
            }
            for m in p.amounts.iter().filter(|m| m.fen.is_none()) {
                assert!(!m.questions.is_empty() || !m.missing_data.is_empty(), "{code} {:?} {:?}", p.program, m.id);
            }
        }
        // The result says whose data answered each place.
        assert!(a.data.iter().any(|d| d.place == code), "{code}: {:?}", a.data);
        *reached.entry("assessed").or_default() += 1;
    }
    eprintln!("{reached:?}");
    assert_eq!(reached["assessed"], 300);
    for branch in
        ["benefit base unknown and named", "district judged by its city", "county town: a stable residence is enough"]
    {
        assert!(reached.get(branch).copied().unwrap_or(0) >= 20, "{branch}: {reached:?}");
    }
}

/// Old pinyin paths and codes are one place: every layer folder's path reads as the code the registry gives it.
#[test]
fn every_layer_path_is_an_alias_of_its_registry_code() {
    let r = divisions::embedded().unwrap();
    for layer in anju_rules::policy::data::PLACES {
        match (r.alias(layer.path), layer.code) {
            (Some(code), Some(own)) => {
                assert_eq!(code, own, "{}", layer.path);
                assert_eq!(r.get(code).map(|d| d.name.as_str()), Some(layer.name), "{}", layer.path);
                assert_eq!(place::canonical(layer.path).as_deref(), Some(format!("{code:06}").as_str()));
            }
            (None, None) => assert_eq!(layer.path, "shaanxi/xixian", "only 西咸新区 is not a division"),
            other => panic!("{}: {other:?}", layer.path),
        }
    }
}
