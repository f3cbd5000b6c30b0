//! Certificates a product carries (P-IRT, halal from BPJPH, BPOM MD/ML, SNI, organic): the seller adds
//! them with a photo of the document, the village admin verifies or refuses them, and only verified ones
//! still within their dates show to shoppers. Each kind's number is checked for the shape it commonly has.

use serde::{Deserialize, Serialize};

use crate::form::{Form, checked};
use crate::inquiry::{needed_by_label, parse_date};
use crate::{FieldError, Image};

crate::code_list! {
    /// The certificates villagers' goods commonly need.
    CertificateKind {
        Pirt = "pirt", "P-IRT";
        Halal = "halal", "Halal";
        BpomMd = "bpom-md", "BPOM MD";
        BpomMl = "bpom-ml", "BPOM ML";
        Sni = "sni", "SNI";
        Organik = "organik", "Organik";
    }
}

crate::code_list! {
    /// Where a certificate stands with the village admin.
    CertificateStatus {
        Waiting = "waiting", "Menunggu verifikasi";
        Verified = "verified", "Terverifikasi";
        Refused = "refused", "Ditolak";
    }
}

/// Longest certificate number, in characters.
pub const NUMBER_MAX: usize = 60;
/// Longest issuer name.
pub const ISSUER_MAX: usize = 120;
/// Furthest expiry date, in years from today.
pub const YEARS_AHEAD_MAX: i64 = 30;

impl CertificateKind {
    /// What the kind is, in a few words for the seller choosing it.
    pub fn description(self) -> &'static str {
        match self {
            CertificateKind::Pirt => "P-IRT (pangan industri rumah tangga, dari dinas kesehatan)",
            CertificateKind::Halal => "Halal (sertifikat BPJPH)",
            CertificateKind::BpomMd => "BPOM MD (pangan olahan dalam negeri)",
            CertificateKind::BpomMl => "BPOM ML (pangan olahan impor)",
            CertificateKind::Sni => "SNI (Standar Nasional Indonesia)",
            CertificateKind::Organik => "Organik (lembaga sertifikasi organik)",
        }
    }

    /// Who usually issues it, as a hint for the issuer field.
    pub fn usual_issuer(self) -> &'static str {
        match self {
            CertificateKind::Pirt => "Dinas Kesehatan Kabupaten …",
            CertificateKind::Halal => "BPJPH Kementerian Agama",
            CertificateKind::BpomMd | CertificateKind::BpomMl => "Badan POM RI",
            CertificateKind::Sni => "Lembaga sertifikasi produk (LSPro) …",
            CertificateKind::Organik => "Lembaga sertifikasi organik (LSO) …",
        }
    }

    /// Whether a certificate of this kind may be valid without an end: a BPJPH halal certificate stays valid
    /// while the ingredients and the process do not change.
    pub fn may_have_no_expiry(self) -> bool {
        self == CertificateKind::Halal
    }

    /// Whether `number` has this kind's shape, or what it should look like.
    pub fn check_number(self, number: &str) -> Result<(), String> {
        let text = number.trim();
        if !(3..=NUMBER_MAX).contains(&text.chars().count()) {
            return Err(format!("Tulis nomor sertifikat, 3 sampai {NUMBER_MAX} huruf."));
        }
        // Letters and digits only, upper case: "P-IRT No. 2063509010473-23" → "PIRTNO206350901047323".
        let compact: String =
            text.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect();
        let digits = |s: &str, lengths: std::ops::RangeInclusive<usize>| {
            lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        let ok = match self {
            CertificateKind::Pirt => {
                let rest = compact.strip_prefix("PIRT").unwrap_or(&compact);
                digits(rest.strip_prefix("NO").unwrap_or(rest), 15..=15)
            }
            CertificateKind::Halal => compact.strip_prefix("ID").is_some_and(|rest| digits(rest, 10..=20)),
            CertificateKind::BpomMd | CertificateKind::BpomMl => {
                let letters = if self == CertificateKind::BpomMd { "MD" } else { "ML" };
                let rest = compact.strip_prefix("BPOM").unwrap_or(&compact);
                let rest = rest.strip_prefix("RI").unwrap_or(rest);
                rest.strip_prefix(letters).is_some_and(|rest| digits(rest, 12..=12))
            }
            CertificateKind::Sni | CertificateKind::Organik => compact.bytes().any(|b| b.is_ascii_digit()),
        };
        if ok { Ok(()) } else { Err(self.number_hint().to_owned()) }
    }

    /// What a number of this kind looks like: the form's hint, and the message for a wrong one.
    pub fn number_hint(self) -> &'static str {
        match self {
            CertificateKind::Pirt => "Nomor P-IRT terdiri dari 15 angka, mis. P-IRT No. 2063509010473-23.",
            CertificateKind::Halal => "Nomor sertifikat halal BPJPH diawali ID lalu angka, mis. ID35110000123450622.",
            CertificateKind::BpomMd => "Nomor BPOM MD terdiri dari MD dan 12 angka, mis. BPOM RI MD 224510001234.",
            CertificateKind::BpomMl => "Nomor BPOM ML terdiri dari ML dan 12 angka, mis. BPOM RI ML 234509001174.",
            CertificateKind::Sni | CertificateKind::Organik => "Tulis nomor sertifikat seperti tertulis di dokumennya.",
        }
    }
}

/// `POST /api/v1/shops/{id}/products/{product_id}/certificates` and its change: one certificate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CertificateForm {
    pub kind: CertificateKind,
    /// As written on the document; each kind's shape is checked (P-IRT: 15 digits).
    pub number: String,
    /// Who issued it, 2 to 120 characters.
    pub issuer: String,
    /// The last day it is valid, `YYYY-MM-DD`; `null` only for a halal certificate without an end
    /// ("tidak ada masa berlaku").
    #[serde(default)]
    pub expires_on: Option<String>,
    /// The photo of the document (`POST /api/v1/images`).
    #[serde(default)]
    pub photo_id: Option<i64>,
}

impl Default for CertificateForm {
    fn default() -> Self {
        CertificateForm {
            kind: CertificateKind::Halal,
            number: String::new(),
            issuer: String::new(),
            expires_on: None,
            photo_id: None,
        }
    }
}

impl CertificateForm {
    /// What is wrong with it; `today` is the kabupaten's date (`2026-11-24`) an expiry may not be before.
    pub fn validate(&self, today: &str) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if let Err(message) = self.kind.check_number(&self.number) {
            errors.push(FieldError::new("number", message));
        }
        if !(2..=ISSUER_MAX).contains(&self.issuer.trim().chars().count()) {
            errors.push(FieldError::new("issuer", format!("Tulis penerbit sertifikat, 2 sampai {ISSUER_MAX} huruf.")));
        }
        match self.expires_on.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            None if !self.kind.may_have_no_expiry() => errors.push(FieldError::new(
                "expires_on",
                "Tulis tanggal akhir masa berlaku. Hanya sertifikat halal BPJPH yang boleh tanpa masa berlaku.",
            )),
            None => {}
            Some(date) => {
                if let Err(message) = check_expiry(date, today) {
                    errors.push(FieldError::new("expires_on", message));
                }
            }
        }
        if self.photo_id.is_none() {
            errors.push(FieldError::new("photo_id", "Unggah foto dokumen sertifikatnya."));
        }
        errors
    }

    /// The expiry as stored: trimmed, `None` when blank.
    pub fn expiry(&self) -> Option<&str> {
        self.expires_on.as_deref().map(str::trim).filter(|d| !d.is_empty())
    }
}

impl Form for CertificateForm {
    /// Today's date in the kabupaten, `YYYY-MM-DD`.
    type Context = str;
    type Parsed = ();

    fn check(&self, today: &str) -> Result<(), Vec<FieldError>> {
        checked(self.validate(today))
    }
}

/// Checks an expiry date `YYYY-MM-DD` against `today`: a real day, today or later, not absurdly far.
fn check_expiry(date: &str, today: &str) -> Result<(), String> {
    let Some((year, month, Some(day))) = parse_date(date) else {
        return Err("Tulis tanggal berlaku sampai dengan lengkap, mis. 2028-12-31.".into());
    };
    let this_year = parse_date(today).map_or(year, |(y, _, _)| y);
    if date < today {
        return Err(format!(
            "Sertifikat ini sudah habis masa berlakunya ({}). Perpanjang dulu, lalu unggah sertifikat yang baru.",
            needed_by_label(&format!("{year:04}-{month:02}-{day:02}"))
        ));
    }
    if year > this_year + YEARS_AHEAD_MAX {
        return Err(format!("Tanggal berlaku paling jauh {YEARS_AHEAD_MAX} tahun dari sekarang."));
    }
    Ok(())
}

/// Whether a certificate ending on `expires_on` (`None`: never) is still valid on `today` (both `YYYY-MM-DD`).
pub fn still_valid(expires_on: Option<&str>, today: &str) -> bool {
    expires_on.is_none_or(|end| end >= today)
}

/// "berlaku sampai 31 Desember 2028", or "tanpa masa berlaku".
pub fn validity_label(expires_on: Option<&str>) -> String {
    match expires_on {
        Some(date) => format!("berlaku sampai {}", needed_by_label(date)),
        None => "tanpa masa berlaku".to_owned(),
    }
}

/// A certificate as its seller and the village admin see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Certificate {
    pub id: i64,
    pub product_id: i64,
    pub product_name: String,
    pub shop_name: String,
    pub kind: CertificateKind,
    pub number: String,
    pub issuer: String,
    /// The last day it is valid, `YYYY-MM-DD`; `None`: no end (a BPJPH halal certificate).
    pub expires_on: Option<String>,
    /// The photo of the document.
    pub photo: Image,
    pub status: CertificateStatus,
    /// Why the village admin refused it (the seller reads it).
    pub refusal_reason: Option<String>,
    /// Its expiry date has passed: shoppers no longer see it, whatever its status.
    pub expired: bool,
    /// Unix milliseconds.
    pub updated_at: i64,
}

/// A verified certificate within its dates, as shoppers see it on a product page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShownCertificate {
    pub kind: CertificateKind,
    pub number: String,
    pub issuer: String,
    /// `YYYY-MM-DD`; `None`: no end.
    pub expires_on: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: &str = "2026-12-07";

    fn form(kind: CertificateKind, number: &str, expires_on: Option<&str>) -> CertificateForm {
        CertificateForm {
            kind,
            number: number.into(),
            issuer: "Dinas Kesehatan".into(),
            expires_on: expires_on.map(Into::into),
            photo_id: Some(1),
        }
    }

    fn fields(f: &CertificateForm) -> Vec<String> {
        f.validate(TODAY).into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn each_kind_has_its_shape() {
        use CertificateKind::*;
        let good = [
            (Pirt, "P-IRT No. 2063509010473-23"),
            (Pirt, "206350901047323"),
            (Halal, "ID35110000123450622"),
            (Halal, "id 3511 0000 1234 50622"),
            (BpomMd, "BPOM RI MD 224510001234"),
            (BpomMl, "ML 234509001174"),
            (Sni, "SPPT-SNI 01/2025"),
            (Organik, "LSO-001-IDN-012"),
        ];
        for (kind, number) in good {
            assert_eq!(kind.check_number(number), Ok(()), "{kind:?} {number}");
        }
        let bad = [
            (Pirt, "P-IRT 12345"),
            (Pirt, "2063509010473-2x"),
            (Halal, "35110000123450622"),
            (BpomMd, "ML 234509001174"),
            (BpomMl, "BPOM RI ML 2345"),
            (Sni, "SNI"),
            (Organik, "x"),
        ];
        for (kind, number) in bad {
            assert!(kind.check_number(number).is_err(), "{kind:?} {number}");
        }
        assert!(Pirt.check_number("123").unwrap_err().contains("15 angka"));
    }

    #[test]
    fn only_halal_may_have_no_end_and_none_may_have_ended() {
        let halal = form(CertificateKind::Halal, "ID35110000123450622", None);
        assert!(fields(&halal).is_empty());
        let pirt = form(CertificateKind::Pirt, "206350901047323", None);
        assert_eq!(fields(&pirt), ["expires_on"]);
        assert!(fields(&form(CertificateKind::Pirt, "206350901047323", Some(TODAY))).is_empty());
        let ended = form(CertificateKind::Pirt, "206350901047323", Some("2026-12-06"));
        assert!(ended.validate(TODAY)[0].message.contains("6 Desember 2026"));
        assert_eq!(fields(&form(CertificateKind::Sni, "SNI 7", Some("2026-02-30"))), ["expires_on"]);
        assert_eq!(fields(&form(CertificateKind::Sni, "SNI 7", Some("2099-01-01"))), ["expires_on"]);
        let bare = CertificateForm { issuer: " ".into(), photo_id: None, ..halal };
        assert_eq!(fields(&bare), ["issuer", "photo_id"]);
    }

    #[test]
    fn validity_follows_the_date() {
        assert!(still_valid(None, TODAY));
        assert!(still_valid(Some(TODAY), TODAY));
        assert!(!still_valid(Some("2026-12-06"), TODAY));
        assert_eq!(validity_label(Some("2028-12-31")), "berlaku sampai 31 Desember 2028");
        assert_eq!(validity_label(None), "tanpa masa berlaku");
    }
}
