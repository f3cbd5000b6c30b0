//! The admin area: villages and their admins, district admins, users to help, and the audit log.

use serde::{Deserialize, Serialize};

use crate::{FieldError, Phone, RegionPath, RegionRef, UserRef, account::NAME_MAX};

/// A village as the admin area lists it: `GET /api/v1/admin/villages`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminVillage {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub region: RegionPath,
    /// Its village admins, each with the grant id that revokes them.
    pub admins: Vec<GrantHolder>,
    /// Shop applications waiting for a decision.
    pub pending_shops: i64,
    pub is_demo: bool,
}

/// Someone holding a role, and the grant that gives it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GrantHolder {
    pub grant_id: i64,
    pub user: UserRef,
}

/// `POST /api/v1/admin/villages`: a desa code from the region table; the name comes from it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewVillage {
    pub code: String,
}

/// `POST /api/v1/admin/villages/{id}/admins` and `POST /api/v1/admin/district-admins`: the person by
/// WhatsApp number; an account is made for them when they have none.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAdmin {
    pub name: String,
    pub phone: String,
    /// For a district admin only: the region code (`52` or `52.01`) within the granter's own.
    pub region: Option<String>,
}

impl NewAdmin {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let n = self.name.trim().chars().count();
        if !(2..=NAME_MAX).contains(&n) {
            errors.push(FieldError::new("name", format!("Nama 2 sampai {NAME_MAX} huruf.")));
        }
        if let Err(e) = Phone::parse(&self.phone) {
            errors.push(FieldError::new("phone", e.to_string()));
        }
        errors
    }
}

/// What granting a role did: the grant, and a one-time link when the person has no password yet and
/// their account is new or wholly in the granter's care (they choose their password with it); otherwise,
/// for a person without a password, a notice saying who can give them a link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminAssigned {
    pub grant_id: i64,
    pub user: UserRef,
    pub new_account: bool,
    pub reset_link: Option<crate::ResetLink>,
    pub notice: Option<String>,
}

/// A district admin as `GET /api/v1/admin/district-admins` lists them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DistrictAdminView {
    pub grant_id: i64,
    pub user: UserRef,
    pub region: RegionRef,
    /// Unix milliseconds.
    pub granted_at: i64,
}

crate::code_list! {
    /// What an admin did, as the audit log records it.
    AuditAction {
        VillageCreated = "village.created", "Membuat desa";
        VillageAdminGranted = "village_admin.granted", "Menetapkan admin desa";
        DistrictAdminGranted = "district_admin.granted", "Menetapkan admin kabupaten";
        GrantRevoked = "grant.revoked", "Mencabut peran admin";
        ShopApproved = "shop.approved", "Menyetujui toko";
        ShopRejected = "shop.rejected", "Menolak toko";
        ResetLinkIssued = "reset_link.issued", "Membuat tautan atur ulang sandi";
        VillageProfileUpdated = "village.profile_updated", "Mengubah profil desa";
        OfficialSaved = "official.saved", "Menyimpan perangkat desa";
        OfficialRemoved = "official.removed", "Menghapus perangkat desa";
        IdmSaved = "idm.saved", "Menyimpan skor IDM";
        IdmRemoved = "idm.removed", "Menghapus skor IDM";
        EnterpriseSaved = "enterprise.saved", "Menyimpan lembaga desa";
        EnterpriseRemoved = "enterprise.removed", "Menghapus lembaga desa";
        FlagshipSaved = "flagship.saved", "Menyimpan produk unggulan";
        NewsSaved = "news.saved", "Menyimpan berita";
        NewsRemoved = "news.removed", "Menghapus berita";
        AlbumSaved = "album.saved", "Menyimpan album galeri";
        AlbumRemoved = "album.removed", "Menghapus album galeri";
        PhotoSaved = "gallery_photo.saved", "Menyimpan foto galeri";
        PhotoRemoved = "gallery_photo.removed", "Menghapus foto galeri";
        ProductHidden = "product.hidden", "Menyembunyikan produk";
        ProductUnhidden = "product.unhidden", "Menampilkan lagi produk";
        ShopSuspended = "shop.suspended", "Menangguhkan toko";
        ShopReinstated = "shop.reinstated", "Mengaktifkan lagi toko";
        ShopEnterpriseSet = "shop.enterprise_set", "Mengaitkan toko dengan lembaga";
        ConsultantGranted = "consultant.granted", "Menetapkan konsultan";
        ConsultantRevoked = "consultant.revoked", "Mencabut peran konsultan";
    }
}

/// One line of the audit log: `GET /api/v1/admin/audit`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: i64,
    /// Unix milliseconds.
    pub at: i64,
    pub actor: UserRef,
    pub action: AuditAction,
    /// The record acted on, e.g. `shop:12`, `village:3`, `user:40`.
    pub subject: String,
    /// A sentence a person reads, e.g. "Toko Tenun Sukarara (Desa Sukarara)".
    pub summary: String,
    /// The region the record belongs to.
    pub region_code: String,
}
