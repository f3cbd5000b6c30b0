//! Village enterprises: BUMDes, koperasi, sentra IKM, kelompok tani/nelayan and UMKM.

use serde::{Deserialize, Serialize};

use crate::{
    FieldError, Flagship, Form, Image, Phone, ProductSummary, RegionPath,
    form::parsed,
    village_profile::{ContactParsed, check_contact},
};

crate::code_list! {
    /// What kind of body a village enterprise is.
    EnterpriseKind {
        Bumdes = "bumdes", "BUMDes";
        Koperasi = "koperasi", "Koperasi";
        SentraIkm = "sentra-ikm", "Sentra IKM";
        KelompokTani = "kelompok-tani", "Kelompok Tani";
        KelompokNelayan = "kelompok-nelayan", "Kelompok Nelayan";
        Umkm = "umkm", "UMKM";
    }
}

/// An enterprise as a village profile lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Enterprise {
    pub slug: String,
    pub name: String,
    pub kind: EnterpriseKind,
    pub description: String,
}

/// An enterprise's own page, `/lembaga/{slug}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnterpriseDetail {
    #[serde(flatten)]
    pub enterprise: Enterprise,
    /// Sanitised HTML from the Markdown story.
    pub story_html: String,
    pub address: String,
    pub phone: Option<Phone>,
    pub email: Option<String>,
    pub photos: Vec<Image>,
    pub village_slug: String,
    pub village_name: String,
    /// "Kecamatan …, Kabupaten …".
    pub region: RegionPath,
    /// The village's flagship product when this enterprise makes it.
    pub flagship: Option<Flagship>,
    /// Products of the shops that represent it.
    pub products: Vec<ProductSummary>,
    pub is_demo: bool,
}

/// Creating or changing an enterprise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnterpriseForm {
    /// 0 for a new enterprise; otherwise the version it was loaded at.
    pub version: i64,
    pub name: String,
    pub kind: EnterpriseKind,
    /// One or two plain sentences for lists.
    pub description: String,
    /// Markdown: what it does, who its members are, its story.
    pub story_md: String,
    pub address: String,
    /// In any usual form; empty for none.
    pub phone: String,
    pub email: String,
    /// Images uploaded through `POST /api/v1/images`, in order (at most 8).
    pub photo_ids: Vec<i64>,
}

impl Default for EnterpriseForm {
    fn default() -> Self {
        EnterpriseForm {
            version: 0,
            name: String::new(),
            kind: EnterpriseKind::Bumdes,
            description: String::new(),
            story_md: String::new(),
            address: String::new(),
            phone: String::new(),
            email: String::new(),
            photo_ids: Vec::new(),
        }
    }
}

/// An enterprise as its village's admins edit it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnterpriseRecord {
    pub id: i64,
    pub slug: String,
    #[serde(flatten)]
    pub form: EnterpriseForm,
    pub photos: Vec<Image>,
}

/// Photos an enterprise or a flagship product shows at most.
pub const PHOTOS_MAX: usize = 8;

impl EnterpriseForm {
    pub fn validate(&self) -> Vec<FieldError> {
        self.problems(&())
    }
}

impl Form for EnterpriseForm {
    type Context = ();
    type Parsed = ContactParsed;

    fn check(&self, _: &()) -> Result<ContactParsed, Vec<FieldError>> {
        let mut errors = Vec::new();
        if !(3..=120).contains(&self.name.trim().chars().count()) {
            errors.push(FieldError::new("name", "Nama lembaga 3 sampai 120 huruf."));
        }
        if self.description.trim().chars().count() > 300 {
            errors.push(FieldError::new("description", "Ringkasan paling panjang 300 huruf."));
        }
        if self.story_md.chars().count() > crate::village_profile::TEXT_MAX {
            errors.push(FieldError::new("story_md", "Cerita paling panjang 20000 huruf."));
        }
        if self.address.trim().chars().count() > 300 {
            errors.push(FieldError::new("address", "Alamat paling panjang 300 huruf."));
        }
        let contact = check_contact(&self.phone, &self.email, "bumdes@contoh.id", &mut errors);
        check_photos(&self.photo_ids, &mut errors);
        parsed(contact, errors)
    }
}

/// At most [`PHOTOS_MAX`] photos, each once.
pub fn check_photos(ids: &[i64], errors: &mut Vec<FieldError>) {
    if ids.len() > PHOTOS_MAX {
        errors.push(FieldError::new("photo_ids", format!("Paling banyak {PHOTOS_MAX} foto.")));
    } else if (1..ids.len()).any(|i| ids[..i].contains(&ids[i])) {
        errors.push(FieldError::new("photo_ids", "Foto yang sama dipilih dua kali."));
    }
}
