//! Indeks Desa Membangun: a village's development status, from "sangat tertinggal" to "mandiri".

use serde::{Deserialize, Serialize};

crate::code_list! {
    /// The five IDM status levels, lowest first.
    IdmStatus {
        SangatTertinggal = "sangat-tertinggal", "Sangat Tertinggal";
        Tertinggal = "tertinggal", "Tertinggal";
        Berkembang = "berkembang", "Berkembang";
        Maju = "maju", "Maju";
        Mandiri = "mandiri", "Mandiri";
    }
}

impl IdmStatus {
    /// The status the Kemendagri/Kemendes thresholds give a score (0–1).
    pub fn from_score(score: f64) -> Self {
        match score {
            s if s > 0.8155 => IdmStatus::Mandiri,
            s if s > 0.7072 => IdmStatus::Maju,
            s if s > 0.5989 => IdmStatus::Berkembang,
            s if s > 0.4907 => IdmStatus::Tertinggal,
            _ => IdmStatus::SangatTertinggal,
        }
    }
}

/// A village's IDM assessment for one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Idm {
    pub status: IdmStatus,
    /// The composite index, 0–1.
    pub score: f64,
    pub year: i32,
}

/// `PUT /api/v1/admin/villages/{id}/idm/{year}`: the year's score.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdmEntry {
    /// Between 0 and 1, e.g. 0.7386.
    pub score: f64,
}

impl crate::Form for IdmEntry {
    /// The year the score is for (from the address).
    type Context = i32;
    type Parsed = ();

    fn check(&self, year: &i32) -> Result<(), Vec<crate::FieldError>> {
        crate::form::checked(check_entry(*year, self.score))
    }
}

/// What is wrong with a year and score for the IDM history.
pub fn check_entry(year: i32, score: f64) -> Vec<crate::FieldError> {
    let mut errors = Vec::new();
    if !(2015..=2100).contains(&year) {
        errors.push(crate::FieldError::new("year", "Tahun IDM antara 2015 dan 2100."));
    }
    if !(0.0..=1.0).contains(&score) || score.is_nan() {
        errors.push(crate::FieldError::new("score", "Skor IDM antara 0 dan 1, mis. 0,7386."));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_years_and_scores() {
        assert!(check_entry(2024, 0.7386).is_empty());
        assert_eq!(check_entry(2010, 1.5).len(), 2);
    }

    #[test]
    fn thresholds_follow_the_official_bands() {
        assert_eq!(IdmStatus::from_score(0.45), IdmStatus::SangatTertinggal);
        assert_eq!(IdmStatus::from_score(0.55), IdmStatus::Tertinggal);
        assert_eq!(IdmStatus::from_score(0.65), IdmStatus::Berkembang);
        assert_eq!(IdmStatus::from_score(0.75), IdmStatus::Maju);
        assert_eq!(IdmStatus::from_score(0.85), IdmStatus::Mandiri);
    }

    #[test]
    fn statuses_are_ordered_lowest_first() {
        assert!(IdmStatus::SangatTertinggal < IdmStatus::Mandiri);
        assert_eq!(IdmStatus::ALL.len(), 5);
    }
}
