//! A village's officials (perangkat desa): who holds which position, with a photo.

use serde::{Deserialize, Serialize};

use crate::{FieldError, Image, account::NAME_MAX};

/// An official as the village page shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Official {
    pub id: i64,
    pub name: String,
    /// E.g. "Kepala Desa", "Sekretaris Desa", "Kepala Dusun Dasan Baru".
    pub position: String,
    pub photo: Option<Image>,
    /// Lower first.
    pub sort_order: i64,
    /// For its admins: the version a change is made against.
    pub version: i64,
}

/// Creating or changing an official.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficialForm {
    /// 0 for a new official; otherwise the version it was loaded at (a stale save is refused).
    pub version: i64,
    pub name: String,
    pub position: String,
    /// An image this admin uploaded (`POST /api/v1/images`), or none.
    pub photo_id: Option<i64>,
    pub sort_order: i64,
}

impl OfficialForm {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !(2..=NAME_MAX).contains(&self.name.trim().chars().count()) {
            errors.push(FieldError::new("name", format!("Nama 2 sampai {NAME_MAX} huruf.")));
        }
        if !(2..=100).contains(&self.position.trim().chars().count()) {
            errors.push(FieldError::new("position", "Jabatan 2 sampai 100 huruf, mis. Sekretaris Desa."));
        }
        if !(0..=1000).contains(&self.sort_order) {
            errors.push(FieldError::new("sort_order", "Urutan antara 0 dan 1000."));
        }
        errors
    }
}
