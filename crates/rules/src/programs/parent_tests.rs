//! A parent's tests that school entry and the entrance exams share, each counted up to a local cut-off month:
//! months of a residence permit, months lived here, and work — social insurance (continuous or cumulative, as the
//! local text says), a labour contract where the text asks for one, and a business licence only where the text
//! names it as an alternative. A licence never adds to insurance months.
//!
//! Each test is about one adult (`index`); the programs combine them as the place says ([`super::family::Parents`]:
//! either parent, the usual 父母一方, or both).

use super::common::{criterion, tri};
use super::family::hukou_in;
use super::fields;
use crate::household::{Adult, Employment, Question};
use crate::message::{Measure, Msg, WorkFacts};
use crate::policy::{Citation, Unit};
use crate::programs::residence_permit::continuous_permit_months;
use crate::report::{Criterion, Outcome, Quantity};
use crate::time::YearMonth;

/// Months at the cut-off, from months now: months still to come before it are added while they keep growing, and
/// (once it has passed, until the next round) months since it are taken back off.
fn at_cutoff(months: i64, growing: bool, cutoff: YearMonth, as_of: YearMonth) -> i64 {
    if growing {
        (months + i64::from(as_of.months_until(cutoff))).max(0)
    } else {
        months
    }
}

/// A months-at-the-cut-off test of a permit or of months lived here (`required` 0: not required). A held permit
/// and months lived here keep growing to the cut-off.
#[allow(clippy::too_many_arguments)]
pub fn months_test(
    id: &'static str,
    citation: &'static Citation,
    measure: Measure,
    adult: &Adult,
    index: u8,
    required: i64,
    cutoff: YearMonth,
    as_of: YearMonth,
) -> Criterion {
    if required == 0 {
        return criterion(id, citation, Outcome::Met, Msg::NotRequiredHere);
    }
    let (months, question) = match measure {
        Measure::Permit => (continuous_permit_months(&adult.permit, cutoff).map(|m| m.0), fields::PERMIT_HELD),
        Measure::Residence => {
            (adult.months_in_place.map(|m| at_cutoff(i64::from(m), true, cutoff, as_of)), fields::MONTHS_IN_PLACE)
        }
        Measure::Insurance => (insurance_continuous(adult, required, cutoff, as_of), insurance_question(adult)),
    };
    let mut c = criterion(
        id,
        citation,
        tri(months.map(|m| m >= required)),
        Msg::MonthsAtCutoff { measure, months, required, cutoff },
    );
    c.observed = months.map(|v| Quantity { value: v, unit: Unit::Months });
    c.required = Some(Quantity { value: required, unit: Unit::Months });
    if months.is_none() {
        c.questions.push(Question::adult(index, question));
        if measure == Measure::Permit && adult.permit.held == Some(true) {
            c.questions.push(Question::adult(index, fields::PERMIT_ISSUED));
        }
    }
    c
}

/// Continuous insurance months here at the cut-off: they grow while the adult keeps paying. Months already paid by
/// someone who has stopped are taken to have been paid before the cut-off [I]. When it is not known whether the
/// adult still pays, the months are known only at the cut-off month itself, or before it when they are enough
/// already: otherwise unknown.
fn insurance_continuous(adult: &Adult, required: i64, cutoff: YearMonth, as_of: YearMonth) -> Option<i64> {
    let months = i64::from(adult.si_months_here?);
    match adult.employee_pension.contributing_now {
        Some(paying) => Some(at_cutoff(months, paying, cutoff, as_of)),
        // At the cut-off itself, or enough before it without paying on: the answer does not depend on it. (Other
        // answers that do not depend on it change from month to month, so they are left unknown.)
        None if as_of == cutoff || (as_of < cutoff && months >= required) => Some(months),
        None => None,
    }
}

/// The question that settles the insurance months: how many, or (known but short of the cut-off) whether the
/// adult still pays.
fn insurance_question(adult: &Adult) -> &'static str {
    if adult.si_months_here.is_some() && adult.employee_pension.contributing_now.is_none() {
        fields::CONTRIBUTING_NOW
    } else {
        fields::SI_MONTHS_HERE
    }
}

/// The work test as a place writes it.
#[derive(Debug, Clone, Copy)]
pub struct WorkRule {
    /// Insurance months at the cut-off (0: not required).
    pub si_months: i64,
    /// Continuous (连续) or cumulative (累计) insurance.
    pub continuous: bool,
    /// A labour contract of at least this many months (0: none asked for).
    pub contract_months: i64,
    /// A business licence held this many months stands in for the contract (0: a licence is not an alternative).
    pub licence_months: i64,
    /// The licence route needs no insurance ("合同且社保，或营业执照").
    pub licence_waives_si: bool,
    /// The place the rule is written for, for counting cumulative months by place.
    pub area: Option<&'static str>,
}

fn and(a: Outcome, b: Outcome) -> Outcome {
    match (a, b) {
        (Outcome::NotMet, _) | (_, Outcome::NotMet) => Outcome::NotMet,
        (Outcome::Met, Outcome::Met) => Outcome::Met,
        _ => Outcome::Unknown,
    }
}

fn or(a: Outcome, b: Outcome) -> Outcome {
    match (a, b) {
        (Outcome::Met, _) | (_, Outcome::Met) => Outcome::Met,
        (Outcome::NotMet, Outcome::NotMet) => Outcome::NotMet,
        _ => Outcome::Unknown,
    }
}

/// Insurance months at the cut-off and whether they meet `required`: continuous months here; or, for a cumulative
/// test, the most of those and the months of the record's segments in the area. Short of the requirement, a
/// cumulative test is failed only when the whole record is too short or its segments place every month.
fn insurance(
    adult: &Adult,
    rule: &WorkRule,
    cutoff: YearMonth,
    as_of: YearMonth,
) -> (Option<i64>, Outcome, &'static str) {
    let here = insurance_continuous(adult, rule.si_months, cutoff, as_of);
    if rule.continuous {
        return (here, tri(here.map(|m| m >= rule.si_months)), insurance_question(adult));
    }
    let e = &adult.employee_pension;
    // Segments grow only while paying; when that is not known and the cut-off is ahead, the sum is a lower bound.
    let paying = e.contributing_now == Some(true);
    let paying_known = e.contributing_now.is_some() || as_of >= cutoff;
    let in_area = |place: &str| rule.area.is_some_and(|a| hukou_in(place, a) == Some(true));
    let last = e.segments.len().saturating_sub(1);
    let by_segments: Option<i64> = (!e.segments.is_empty()).then(|| {
        e.segments
            .iter()
            .enumerate()
            .filter(|(_, s)| in_area(&s.place))
            .map(|(k, s)| at_cutoff(i64::from(s.months), paying && k == last, cutoff, as_of))
            .sum()
    });
    let months = here.max(by_segments);
    if months.is_some_and(|m| m >= rule.si_months) {
        return (months, Outcome::Met, fields::SI_MONTHS_HERE);
    }
    let total = e.months.map(|m| at_cutoff(i64::from(m), paying, cutoff, as_of));
    let placed =
        !e.segments.is_empty() && rule.area.is_some_and(|a| e.segments.iter().all(|s| hukou_in(&s.place, a).is_some()));
    if paying_known && (total.is_some_and(|t| t < rule.si_months) || placed) {
        (months, Outcome::NotMet, fields::SI_MONTHS_HERE)
    } else if !paying_known && adult.si_months_here.is_some() {
        (months, Outcome::Unknown, fields::CONTRIBUTING_NOW)
    } else {
        (months, Outcome::Unknown, if here.is_none() { fields::SI_MONTHS_HERE } else { fields::SEGMENTS })
    }
}

/// Whether the adult has a labour contract of at least `required` months: from its length, else from the kind of
/// work (a contract of unknown length is enough where any contract is).
fn contract(adult: &Adult, required: i64) -> Outcome {
    match (adult.contract_months, adult.employment) {
        (Some(m), _) => tri(Some(i64::from(m) >= required)),
        (None, Some(Employment::Contract)) if required <= 1 => Outcome::Met,
        (None, Some(Employment::Contract) | None) => Outcome::Unknown,
        (None, Some(_)) => Outcome::NotMet,
    }
}

/// Whether the adult's business licence has been held `required` months at the cut-off. Without a licence month,
/// someone whose work is known to be of another kind has none.
fn licence(adult: &Adult, required: i64, cutoff: YearMonth) -> (Option<i64>, Outcome) {
    match (adult.business_licence_since, adult.employment) {
        (Some(since), _) => {
            let held = i64::from(since.months_until(cutoff).max(0));
            (Some(held), tri(Some(held >= required)))
        }
        (None, Some(Employment::SelfEmployed) | None) => (None, Outcome::Unknown),
        (None, Some(_)) => (None, Outcome::NotMet),
    }
}

/// The work test at the cut-off: insurance months (and a contract where asked for), or a business licence where
/// the place names it as an alternative.
#[allow(clippy::too_many_arguments)]
pub fn work_test(
    id: &'static str,
    citation: &'static Citation,
    adult: &Adult,
    index: u8,
    rule: &WorkRule,
    cutoff: YearMonth,
    as_of: YearMonth,
) -> Criterion {
    if rule.si_months == 0 && rule.contract_months == 0 {
        return criterion(id, citation, Outcome::Met, Msg::NotRequiredHere);
    }
    let (si_months, si, si_question) = if rule.si_months == 0 {
        (None, Outcome::Met, fields::SI_MONTHS_HERE)
    } else {
        insurance(adult, rule, cutoff, as_of)
    };
    let contract_ok = if rule.contract_months == 0 { Outcome::Met } else { contract(adult, rule.contract_months) };
    let employee = and(si, contract_ok);
    let (licence_held, licence_route) = if rule.licence_months == 0 {
        (None, Outcome::NotMet)
    } else {
        let (held, ok) = licence(adult, rule.licence_months, cutoff);
        (held, if rule.licence_waives_si { ok } else { and(ok, si) })
    };
    let outcome = or(employee, licence_route);
    let message = Msg::WorkAtCutoff(WorkFacts {
        si_months,
        si_required: rule.si_months,
        continuous: rule.continuous,
        contract_months: adult.contract_months,
        has_contract: match contract_ok {
            Outcome::NotMet if adult.contract_months.is_none() => Some(false),
            _ => None,
        },
        contract_required: rule.contract_months,
        licence_months: licence_held,
        licence_required: rule.licence_months,
        cutoff,
    });
    let mut c = criterion(id, citation, outcome, message);
    if rule.si_months > 0 {
        c.observed = si_months.map(|v| Quantity { value: v, unit: Unit::Months });
        c.required = Some(Quantity { value: rule.si_months, unit: Unit::Months });
    }
    if outcome == Outcome::Unknown {
        if si == Outcome::Unknown {
            c.questions.push(Question::adult(index, si_question));
        }
        if contract_ok == Outcome::Unknown && si != Outcome::NotMet {
            c.questions.push(Question::adult(index, fields::CONTRACT_MONTHS));
        }
        if licence_route == Outcome::Unknown {
            c.questions.push(Question::adult(index, fields::BUSINESS_LICENCE));
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::{EmployeePension, Segment};
    use crate::policy::data::national::school_entry::criteria::PARENT_WORK;

    const APR_2023: YearMonth = YearMonth::ym(2023, 4);

    /// 杏花岭 2023: "劳动合同且连续缴纳社保满12个月，或营业执照满1年".
    const XINGHUALING: WorkRule = WorkRule {
        si_months: 12,
        continuous: true,
        contract_months: 1,
        licence_months: 12,
        licence_waives_si: true,
        area: Some("shanxi/taiyuan/xinghualing"),
    };

    fn work(adult: &Adult, rule: &WorkRule) -> Criterion {
        work_test("parent_work", &PARENT_WORK, adult, 0, rule, APR_2023, APR_2023)
    }

    #[test]
    fn a_licence_is_an_alternative_and_never_adds_to_insurance_months() {
        // A trader with a licence of 13 months and 3 months of insurance: met by the licence, and the insurance
        // months reported are 3, not 13.
        let trader = Adult {
            business_licence_since: Some(YearMonth::ym(2022, 3)),
            si_months_here: Some(3),
            employment: Some(Employment::SelfEmployed),
            ..Adult::default()
        };
        let c = work(&trader, &XINGHUALING);
        assert_eq!(c.outcome, Outcome::Met);
        assert_eq!(c.observed.map(|q| q.value), Some(3));
        // Where the text names no licence, the same trader fails on the insurance months.
        let no_licence = WorkRule { licence_months: 0, contract_months: 0, ..XINGHUALING };
        assert_eq!(work(&trader, &no_licence).outcome, Outcome::NotMet);
        // A licence of 8 months and 8 months of insurance do not add up to 12.
        let short = Adult { business_licence_since: Some(YearMonth::ym(2022, 8)), si_months_here: Some(8), ..trader };
        assert_eq!(work(&short, &XINGHUALING).outcome, Outcome::NotMet);
    }

    #[test]
    fn the_contract_the_text_asks_for_is_tested() {
        // 13 months of insurance but flexible work without a contract: 杏花岭 asks for a labour contract.
        let flexible = Adult { si_months_here: Some(13), employment: Some(Employment::Flexible), ..Adult::default() };
        assert_eq!(work(&flexible, &XINGHUALING).outcome, Outcome::NotMet);
        let employee = Adult { contract_months: Some(24), ..flexible.clone() };
        assert_eq!(work(&employee, &XINGHUALING).outcome, Outcome::Met);
        // Nothing said about a contract: unknown, asking for it.
        let unsaid = Adult { si_months_here: Some(13), ..Adult::default() };
        let c = work(&unsaid, &XINGHUALING);
        assert_eq!(c.outcome, Outcome::Unknown);
        assert!(c.questions.contains(&Question::adult(0, fields::CONTRACT_MONTHS)));
    }

    /// 广东: "社保累计满3年". Continuous months here of 20 after a break, with 20 months earlier in Guangdong:
    /// cumulative 40 ≥ 36, met; the same record fails a continuous test.
    #[test]
    fn cumulative_insurance_counts_every_segment_in_the_area_and_continuous_only_the_last_stretch() {
        let adult = Adult {
            si_months_here: Some(20),
            employee_pension: EmployeePension {
                months: Some(60),
                segments: vec![
                    Segment { place: "guangdong/dongguan".into(), months: 20 },
                    Segment { place: "hunan".into(), months: 20 },
                    Segment { place: "guangdong/qingyuan".into(), months: 20 },
                ],
                ..EmployeePension::default()
            },
            ..Adult::default()
        };
        let cumulative = WorkRule {
            si_months: 36,
            continuous: false,
            contract_months: 0,
            licence_months: 0,
            licence_waives_si: false,
            area: Some("guangdong"),
        };
        let c = work(&adult, &cumulative);
        assert_eq!((c.outcome, c.observed.map(|q| q.value)), (Outcome::Met, Some(40)));
        let continuous = WorkRule { continuous: true, ..cumulative };
        assert_eq!(work(&adult, &continuous).outcome, Outcome::NotMet);
        // Only the continuous months known, short of 36 but a record of 60 months: other months may count.
        let partial = Adult {
            employee_pension: EmployeePension { months: Some(60), ..EmployeePension::default() },
            ..adult.clone()
        };
        let c = work(&partial, &cumulative);
        assert_eq!(c.outcome, Outcome::Unknown);
        assert!(c.questions.contains(&Question::adult(0, fields::SEGMENTS)));
        // A whole record of 30 months cannot hold 36 anywhere.
        let short =
            Adult { employee_pension: EmployeePension { months: Some(30), ..EmployeePension::default() }, ..adult };
        assert_eq!(work(&short, &cumulative).outcome, Outcome::NotMet);
    }

    /// 杏花岭 counts 12 months to 30 April 2023. In January a parent has 10: paying on makes 13 by April, stopping
    /// leaves 10. Not knowing which, the answer is unknown and asks whether the parent still pays — never "no".
    #[test]
    fn not_knowing_whether_a_parent_still_pays_is_unknown_not_stopped() {
        let jan = YearMonth::ym(2023, 1);
        let adult = |paying: Option<bool>| Adult {
            si_months_here: Some(10),
            contract_months: Some(24),
            employment: Some(Employment::Contract),
            employee_pension: EmployeePension { contributing_now: paying, ..EmployeePension::default() },
            ..Adult::default()
        };
        let work = |a: &Adult| work_test("parent_work", &PARENT_WORK, a, 0, &XINGHUALING, APR_2023, jan);
        assert_eq!(work(&adult(Some(true))).outcome, Outcome::Met);
        assert_eq!(work(&adult(Some(false))).outcome, Outcome::NotMet);
        let c = work(&adult(None));
        assert_eq!(c.outcome, Outcome::Unknown);
        assert!(c.questions.contains(&Question::adult(0, fields::CONTRIBUTING_NOW)));
        // Already 12 in January: enough whatever happens next.
        let enough = Adult { si_months_here: Some(12), ..adult(None) };
        assert_eq!(work(&enough).outcome, Outcome::Met);
    }
}
