//! The admin area: villages and their admins, district admins, users to help, and the audit log.

use serde::{Deserialize, Serialize};

use crate::{
    FieldError, Form, Phone, RegionCode, RegionLevel, RegionPath, RegionRef, UserRef,
    account::{NAME_MAX, district_scope},
    form::{field, parsed},
};

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

impl Form for NewVillage {
    type Context = ();
    /// The desa's code.
    type Parsed = RegionCode;

    fn check(&self, _: &()) -> Result<RegionCode, Vec<FieldError>> {
        let code = RegionCode::parse(self.code.trim()).map_err(|e| vec![FieldError::new("code", e.to_string())])?;
        if code.level() != RegionLevel::Desa {
            return Err(vec![FieldError::new("code", "Pilih kode desa/kelurahan (empat bagian, mis. 52.01.03.2016).")]);
        }
        Ok(code)
    }
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
    /// What is wrong with the person named (a district admin's region is checked by [`NewDistrictAdmin`]).
    pub fn validate(&self) -> Vec<FieldError> {
        self.problems(&())
    }
}

impl Form for NewAdmin {
    type Context = ();
    /// The person's number.
    type Parsed = Phone;

    fn check(&self, _: &()) -> Result<Phone, Vec<FieldError>> {
        let mut errors = Vec::new();
        let n = self.name.trim().chars().count();
        if !(2..=NAME_MAX).contains(&n) {
            errors.push(FieldError::new("name", format!("Nama 2 sampai {NAME_MAX} huruf.")));
        }
        let phone = field("phone", Phone::parse(&self.phone), &mut errors);
        parsed(phone, errors)
    }
}

/// `POST /api/v1/admin/district-admins`: a [`NewAdmin`] (the same body) whose region must be a district
/// admin's: a provinsi or kabupaten ([`district_scope`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NewDistrictAdmin(pub NewAdmin);

impl std::ops::Deref for NewDistrictAdmin {
    type Target = NewAdmin;

    fn deref(&self) -> &NewAdmin {
        &self.0
    }
}

impl Form for NewDistrictAdmin {
    type Context = ();
    type Parsed = DistrictAdminParsed;

    fn check(&self, _: &()) -> Result<DistrictAdminParsed, Vec<FieldError>> {
        let (phone, mut errors) = match self.0.check(&()) {
            Ok(phone) => (Some(phone), Vec::new()),
            Err(errors) => (None, errors),
        };
        let region = field("region", district_scope(self.region.as_deref().unwrap_or_default()), &mut errors);
        parsed(phone.zip(region).map(|(phone, region)| DistrictAdminParsed { phone, region }), errors)
    }
}

/// What a valid [`NewDistrictAdmin`]'s fields mean.
#[derive(Clone, Debug, PartialEq)]
pub struct DistrictAdminParsed {
    pub phone: Phone,
    /// A provinsi or kabupaten.
    pub region: RegionCode,
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
        ReviewHidden = "review.hidden", "Menyembunyikan ulasan";
        ReviewShown = "review.shown", "Menampilkan lagi ulasan";
        CertificateVerified = "certificate.verified", "Memverifikasi sertifikat";
        CertificateRefused = "certificate.refused", "Menolak sertifikat";
        ComplaintDecided = "complaint.decided", "Memutuskan komplain";
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

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_district_admin_needs_a_provinsi_or_kabupaten() {
        let admin = NewAdmin { name: "Lalu Ahmad".into(), phone: "081234567890".into(), region: None };
        assert_eq!(admin.clone().parse().unwrap().parsed().as_str(), "6281234567890");
        assert_eq!(fields(NewDistrictAdmin(admin.clone()).parse().unwrap_err()), ["region"]);
        let district = NewDistrictAdmin(NewAdmin { region: Some("52.01".into()), ..admin.clone() }).parse().unwrap();
        assert_eq!(district.parsed().region.as_str(), "52.01");
        let bad = NewAdmin { name: "L".into(), region: Some("52.01.03".into()), ..admin };
        assert_eq!(fields(NewDistrictAdmin(bad).parse().unwrap_err()), ["name", "region"]);
    }

    #[test]
    fn a_new_village_is_a_desa_code() {
        let code = |code: &str| NewVillage { code: code.into() }.parse().map(|v| v.into_parts().1);
        assert_eq!(code(" 52.01.03.2016 ").unwrap().as_str(), "52.01.03.2016");
        assert_eq!(fields(code("52.01").unwrap_err()), ["code"]);
        assert_eq!(fields(code("desa").unwrap_err()), ["code"]);
    }
}
