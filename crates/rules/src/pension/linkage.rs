//! Moving between the employee and residents' schemes at the statutory retirement age:
//! 城乡养老保险制度衔接暂行办法 (人社部发〔2014〕17号) [C2].
//!
//! - employee years at least the minimum (15 years, "含延长缴费至15年") → the resident account may move into the
//!   employee scheme; resident years are not counted or converted;
//! - fewer → the employee record may move into the residents' scheme, and the years add up (Art. 5–6), counting
//!   months covered by both schemes once (Art. 7).
//!
//! Whether the "15" follows the rising employee minimum after 2030 is unconfirmed [U]; the caller passes the
//! minimum it uses.

/// The linkage open to a person at the statutory age.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Linkage {
    /// Enough employee years: the resident account may be merged into the employee scheme.
    IntoEmployee,
    /// Too few employee years: move into the residents' scheme with this many months in all.
    IntoResident { combined_months: i64 },
}

pub fn linkage(employee_months: i64, resident_months: i64, overlap_months: i64, employee_minimum: i64) -> Linkage {
    if employee_months >= employee_minimum {
        Linkage::IntoEmployee
    } else {
        let overlap = overlap_months.clamp(0, resident_months.max(0));
        Linkage::IntoResident { combined_months: employee_months.max(0) + resident_months.max(0) - overlap }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g_l1_twelve_employee_years_and_eight_resident_years_make_twenty() {
        assert_eq!(linkage(12 * 12, 8 * 12, 0, 180), Linkage::IntoResident { combined_months: 240 });
    }

    #[test]
    fn overlapping_months_count_once_and_enough_years_go_the_other_way() {
        assert_eq!(linkage(144, 96, 24, 180), Linkage::IntoResident { combined_months: 216 });
        assert_eq!(linkage(180, 96, 0, 180), Linkage::IntoEmployee);
    }
}
