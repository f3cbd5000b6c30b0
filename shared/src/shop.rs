//! Shops as their owners apply for them and village admins decide on them, and their member producers.

use serde::{Deserialize, Serialize};

use crate::{
    FieldError, Form, Phone, UserRef, VillageRef,
    account::NAME_MAX,
    form::{field, parsed},
};

crate::code_list! {
    /// Where a shop stands.
    ShopStatus {
        Pending = "pending", "Menunggu persetujuan";
        Active = "active", "Aktif";
        Rejected = "rejected", "Ditolak";
        Suspended = "suspended", "Ditangguhkan";
    }
}

/// Longest shop description accepted.
pub const DESCRIPTION_MAX: usize = 2000;

/// `POST /api/v1/shops`: a signed-in user applies to open a shop in a village.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopApplication {
    /// The village's slug.
    pub village: String,
    pub name: String,
    pub description: String,
    /// The shop's WhatsApp number, in any usual form.
    pub whatsapp: String,
}

impl ShopApplication {
    pub fn validate(&self) -> Vec<FieldError> {
        self.problems(&())
    }
}

impl Form for ShopApplication {
    type Context = ();
    /// The shop's WhatsApp number.
    type Parsed = Phone;

    fn check(&self, _: &()) -> Result<Phone, Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.village.trim().is_empty() {
            errors.push(FieldError::new("village", "Pilih desa tempat toko berada."));
        }
        let n = self.name.trim().chars().count();
        if !(3..=NAME_MAX).contains(&n) {
            errors.push(FieldError::new("name", format!("Nama toko 3 sampai {NAME_MAX} huruf.")));
        }
        if self.description.chars().count() > DESCRIPTION_MAX {
            errors.push(FieldError::new("description", format!("Deskripsi paling panjang {DESCRIPTION_MAX} huruf.")));
        }
        let whatsapp = field("whatsapp", Phone::parse(&self.whatsapp), &mut errors);
        parsed(whatsapp, errors)
    }
}

/// A shop as its owner sees it in their account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyShop {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub village: VillageRef,
    pub status: ShopStatus,
    /// Why the application was rejected or the shop suspended.
    pub status_reason: Option<String>,
    /// Unix milliseconds.
    pub created_at: i64,
}

/// A shop application in the admin queue: `GET /api/v1/admin/shop-applications`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopApplicationView {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub whatsapp: Phone,
    pub village: VillageRef,
    pub owner: UserRef,
    pub status: ShopStatus,
    pub status_reason: Option<String>,
    /// Unix milliseconds.
    pub created_at: i64,
    /// When an admin decided, in unix milliseconds.
    pub decided_at: Option<i64>,
}

/// `POST /api/v1/admin/shop-applications/{id}/reject`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rejection {
    /// Why, in words the applicant will read.
    pub reason: String,
}

impl Rejection {
    pub fn validate(&self) -> Vec<FieldError> {
        if (5..=500).contains(&self.reason.trim().chars().count()) {
            Vec::new()
        } else {
            vec![FieldError::new("reason", "Tulis alasan penolakan (5 sampai 500 huruf) agar pemohon tahu.")]
        }
    }
}

/// A member producer of a shop run for people without a smartphone (BUMDes, koperasi, admin desa).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Producer {
    pub id: i64,
    pub name: String,
    pub dusun: String,
    /// What they make, e.g. "keripik pisang".
    pub makes: String,
}

/// `POST /api/v1/shops/{id}/producers`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewProducer {
    pub name: String,
    pub dusun: String,
    pub makes: String,
}

impl NewProducer {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let n = self.name.trim().chars().count();
        if !(2..=NAME_MAX).contains(&n) {
            errors.push(FieldError::new("name", format!("Nama produsen 2 sampai {NAME_MAX} huruf.")));
        }
        if self.dusun.chars().count() > NAME_MAX {
            errors.push(FieldError::new("dusun", format!("Nama dusun paling panjang {NAME_MAX} huruf.")));
        }
        if self.makes.chars().count() > 200 {
            errors.push(FieldError::new("makes", "Paling panjang 200 huruf."));
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_application_names_each_bad_field() {
        let ok = ShopApplication {
            village: "sukarara".into(),
            name: "Tenun Inaq Raehan".into(),
            description: String::new(),
            whatsapp: "081234567890".into(),
        };
        assert!(ok.validate().is_empty());
        assert_eq!(ok.clone().parse().unwrap().parsed().as_str(), "6281234567890");
        let bad = ShopApplication { village: String::new(), name: "A".into(), whatsapp: "123".into(), ..ok };
        let fields: Vec<_> = bad.validate().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["village", "name", "whatsapp"]);
    }
}
