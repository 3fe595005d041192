//! The papers a family will be asked for, derived from the criteria a program decides on — not a hand-kept list
//! per program. A criterion the place does not require adds nothing.

use serde::Serialize;

use crate::message::{Lang, Msg};
use crate::report::{Criterion, ProgramId};

/// A document to bring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Material {
    HukouBook,
    IdCard,
    ResidencePermit,
    LabourContract,
    BusinessLicence,
    SocialInsuranceRecord,
    RentalContract,
    PropertyCertificate,
    IncomeProof,
    ProvidentFundRecord,
    BirthCertificate,
    SchoolRecord,
    /// A college or university diploma, for a county's new-graduate path.
    Diploma,
}

/// The papers that prove one criterion.
fn for_criterion(program: ProgramId, id: &str) -> &'static [Material] {
    use Material::*;
    match (program, id) {
        (ProgramId::ResidencePermit, "left_hukou_city") => &[HukouBook, IdCard],
        (ProgramId::ResidencePermit, "resided_half_year") => &[RentalContract],
        (ProgramId::ResidencePermit, "stable_basis") => &[LabourContract, BusinessLicence, RentalContract],
        (ProgramId::HukouTransfer, "hukou_elsewhere") => &[HukouBook, ResidencePermit],
        (ProgramId::HukouTransfer, "stable_residence") => &[RentalContract, PropertyCertificate],
        (ProgramId::HukouTransfer, "stable_employment") => &[LabourContract, BusinessLicence],
        (ProgramId::HukouTransfer, "insurance_months") => &[SocialInsuranceRecord],
        (ProgramId::EmployeePension, "reached_retirement_age") => &[IdCard],
        (ProgramId::EmployeePension, "min_contribution_months") => &[SocialInsuranceRecord],
        (ProgramId::ResidentPension, "resident_age") => &[IdCard, HukouBook],
        (ProgramId::ResidentPension, "resident_min_years") => &[SocialInsuranceRecord],
        (ProgramId::PublicRental, "housing_need") => &[PropertyCertificate, RentalContract],
        (ProgramId::PublicRental, "income_below") => &[IncomeProof],
        (ProgramId::PublicRental, "outside_worker_employment") => &[LabourContract, SocialInsuranceRecord],
        (ProgramId::AffordableRental, "no_home_here") => &[IdCard],
        (ProgramId::ProvidentFundRent, "depositing") => &[ProvidentFundRecord],
        (ProgramId::ProvidentFundRent, "renting_no_home") => &[RentalContract],
        (ProgramId::ProvidentFundRent, "rent_share") => &[IncomeProof, RentalContract],
        (ProgramId::RentalSubsidy, "public_rental_eligible") => &[IncomeProof, PropertyCertificate],
        (ProgramId::RentalSubsidy, "renting_no_home") => &[RentalContract],
        (ProgramId::RentalSubsidy, "local_subsidy") => &[HukouBook, IdCard],
        (ProgramId::SchoolEntry, "school_age") => &[BirthCertificate, HukouBook],
        (ProgramId::SchoolEntry, "parent_permit") => &[ResidencePermit],
        (ProgramId::SchoolEntry, "parent_work") => &[LabourContract, SocialInsuranceRecord, BusinessLicence],
        (ProgramId::SchoolEntry, "housing_proof") => &[RentalContract, PropertyCertificate],
        (ProgramId::ExamEligibility, "parent_permit") => &[ResidencePermit],
        (ProgramId::ExamEligibility, "parent_si") => &[SocialInsuranceRecord],
        (ProgramId::ExamEligibility, "family_residence") => &[RentalContract, PropertyCertificate],
        (ProgramId::ExamEligibility, "child_xueji") => &[SchoolRecord],
        (ProgramId::ExamEligibility, "zhongkao_here") => &[SchoolRecord],
        (ProgramId::ZhongkaoEligibility, "parent_permit") => &[ResidencePermit],
        (ProgramId::ZhongkaoEligibility, "parent_si") => &[SocialInsuranceRecord],
        (ProgramId::ZhongkaoEligibility, "child_xueji") => &[SchoolRecord],
        (ProgramId::SchoolEntry | ProgramId::ExamEligibility | ProgramId::ZhongkaoEligibility, "local_hukou") => {
            &[HukouBook]
        }
        _ => &[],
    }
}

/// The papers for a program's criteria, each once, in a stable order.
pub fn materials(program: ProgramId, criteria: &[Criterion]) -> Vec<Material> {
    let mut out: Vec<Material> = criteria
        .iter()
        .filter(|c| c.message != Msg::NotRequiredHere)
        .flat_map(|c| {
            // The employment test answered on the new-graduate path also asks for the diploma.
            let diploma = matches!(c.message, Msg::GraduateTest { .. }).then_some(Material::Diploma);
            for_criterion(program, c.id).iter().copied().chain(diploma)
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

impl Material {
    pub fn label(self, lang: Lang) -> &'static str {
        use Material::*;
        match (self, lang) {
            (HukouBook, Lang::ZhCn) => "户口本",
            (HukouBook, Lang::En) => "Hukou book",
            (IdCard, Lang::ZhCn) => "身份证",
            (IdCard, Lang::En) => "ID card",
            (ResidencePermit, Lang::ZhCn) => "居住证",
            (ResidencePermit, Lang::En) => "Residence permit",
            (LabourContract, Lang::ZhCn) => "劳动合同",
            (LabourContract, Lang::En) => "Labour contract",
            (BusinessLicence, Lang::ZhCn) => "营业执照",
            (BusinessLicence, Lang::En) => "Business licence",
            (SocialInsuranceRecord, Lang::ZhCn) => "社保缴费记录",
            (SocialInsuranceRecord, Lang::En) => "Social-insurance record",
            (RentalContract, Lang::ZhCn) => "租房合同（或租赁登记）",
            (RentalContract, Lang::En) => "Rental contract (or registration)",
            (PropertyCertificate, Lang::ZhCn) => "房产证明（或无房证明）",
            (PropertyCertificate, Lang::En) => "Property certificate (or proof of owning none)",
            (IncomeProof, Lang::ZhCn) => "收入证明",
            (IncomeProof, Lang::En) => "Proof of income",
            (ProvidentFundRecord, Lang::ZhCn) => "公积金缴存记录",
            (ProvidentFundRecord, Lang::En) => "Provident-fund record",
            (BirthCertificate, Lang::ZhCn) => "出生医学证明",
            (BirthCertificate, Lang::En) => "Birth certificate",
            (SchoolRecord, Lang::ZhCn) => "学籍证明",
            (SchoolRecord, Lang::En) => "School registration record",
            (Diploma, Lang::ZhCn) => "毕业证",
            (Diploma, Lang::En) => "Graduation certificate",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::household::{Child, Household, Request};
    use crate::time::YearMonth;

    #[test]
    fn every_criterion_of_every_program_has_papers_or_is_an_age_test() {
        let request = Request {
            household: Household {
                children: vec![Child::default(), Child { birth: Some(YearMonth::ym(2010, 1)), ..Child::default() }],
                ..Household::default()
            },
            ..Request::default()
        };
        let all = crate::assess(&request, YearMonth::ym(2026, 11));
        for p in &all.programs {
            for c in &p.criteria {
                let papers = for_criterion(p.program, c.id);
                assert!(
                    !papers.is_empty() || c.id == "points_system" || c.id == "no_other_pension",
                    "{} {}",
                    p.program.id(),
                    c.id
                );
            }
        }
    }
}
