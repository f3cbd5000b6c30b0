//! The consultation desk (`/konsultasi`): topics, the offices that answer, a consultation's life cycle and
//! who may move it, field visits, the forms with their checks, and what the pages show.

use serde::{Deserialize, Serialize};

use crate::{
    FieldError, Form, Phone, RegionCode, RegionLevel,
    form::{checked, field, parsed},
};

crate::code_list! {
    /// What a consultation is about.
    Topic {
        Capital = "permodalan", "Permodalan";
        Permits = "perizinan", "Perizinan & sertifikasi (PIRT, halal, merek)";
        Marketing = "pemasaran", "Pemasaran";
        Production = "produksi", "Produksi & kemasan";
        Export = "ekspor", "Ekspor";
        Other = "lainnya", "Lainnya";
    }
}

crate::code_list! {
    /// The government offices that answer consultations.
    Office {
        Industry = "dinas_perindustrian", "Dinas Perindustrian";
        Cooperatives = "dinas_koperasi_umkm", "Dinas Koperasi & UMKM";
        Permits = "dpmptsp", "DPMPTSP (perizinan)";
        Health = "dinas_kesehatan", "Dinas Kesehatan (PIRT)";
        Trade = "dinas_perdagangan", "Dinas Perdagangan";
        Agriculture = "dinas_pertanian", "Dinas Pertanian";
        Fisheries = "dinas_kelautan_perikanan", "Dinas Kelautan & Perikanan";
        VillageAffairs = "dinas_pmd", "Dinas PMD";
        Other = "lainnya", "Lainnya";
    }
}

crate::code_list! {
    /// Where a consultation stands.
    ConsultationStatus {
        New = "baru", "Baru";
        InProgress = "diproses", "Diproses";
        Answered = "dijawab", "Dijawab";
        Closed = "ditutup", "Ditutup";
    }
}

crate::code_list! {
    /// Which side of a consultation someone is on.
    DeskSide {
        /// The person who asked.
        Submitter = "pengaju", "Pengaju";
        /// A consultant, or an admin of the village or its district.
        Staff = "petugas", "Petugas";
    }
}

crate::code_list! {
    /// Where a field visit (kunjungan lapangan) stands.
    VisitStatus {
        Requested = "diminta", "Diminta";
        Scheduled = "dijadwalkan", "Dijadwalkan";
        Done = "selesai", "Selesai";
        Cancelled = "batal", "Batal";
    }
}

impl ConsultationStatus {
    /// The statuses `side` may move a consultation in this status to: staff take it up, answer it, reopen
    /// or close an answered one; the submitter may close an answered one. Closed is final.
    pub fn moves(self, side: DeskSide) -> &'static [ConsultationStatus] {
        use ConsultationStatus::*;
        match (self, side) {
            (New, DeskSide::Staff) => &[InProgress],
            (InProgress, DeskSide::Staff) => &[Answered],
            (Answered, DeskSide::Staff) => &[InProgress, Closed],
            (Answered, DeskSide::Submitter) => &[Closed],
            _ => &[],
        }
    }

    /// `Ok` when `side` may move from this status to `to`, else why not (in Indonesian).
    pub fn check_move(self, to: ConsultationStatus, side: DeskSide) -> Result<(), String> {
        if self.moves(side).contains(&to) {
            return Ok(());
        }
        Err(match (self, side) {
            (ConsultationStatus::Closed, _) => "Konsultasi ini sudah ditutup.".into(),
            (_, DeskSide::Submitter) => "Anda hanya dapat menutup konsultasi yang sudah dijawab.".into(),
            _ => format!("Status \"{}\" tidak dapat diubah langsung menjadi \"{}\".", self.label(), to.label()),
        })
    }

    /// The status after a reply by `side`: a staff reply takes up a new consultation, a reply by the
    /// submitter to an answered one puts it back in progress. Replies to a closed one are refused.
    pub fn after_reply(self, side: DeskSide) -> Result<ConsultationStatus, String> {
        use ConsultationStatus::*;
        match (self, side) {
            (Closed, _) => {
                Err("Konsultasi ini sudah ditutup; ajukan konsultasi baru bila masih ada pertanyaan.".into())
            }
            (New, DeskSide::Staff) => Ok(InProgress),
            (Answered, DeskSide::Submitter) => Ok(InProgress),
            (status, _) => Ok(status),
        }
    }

    /// Whether its answer may be published as a FAQ entry.
    pub fn is_answered(self) -> bool {
        matches!(self, ConsultationStatus::Answered | ConsultationStatus::Closed)
    }
}

impl VisitStatus {
    /// Whether a visit in this status may be changed to `to` (a scheduled visit may be rescheduled).
    pub fn can_become(self, to: VisitStatus) -> bool {
        use VisitStatus::*;
        matches!((self, to), (Requested, Scheduled | Cancelled) | (Scheduled, Scheduled | Done | Cancelled))
    }
}

/// Longest title, shortest and longest description, most photos of a consultation.
pub const TITLE_MIN: usize = 5;
pub const TITLE_MAX: usize = 120;
pub const DESCRIPTION_MIN: usize = 20;
pub const DESCRIPTION_MAX: usize = 5000;
pub const PHOTOS_MAX: usize = 4;
/// Longest reply.
pub const REPLY_MAX: usize = 5000;

fn length(field: &str, text: &str, min: usize, max: usize, what: &str, errors: &mut Vec<FieldError>) {
    if !(min..=max).contains(&text.trim().chars().count()) {
        errors.push(FieldError::new(field, format!("{what} {min} sampai {max} huruf.")));
    }
}

/// `POST /api/v1/consultations`: a signed-in person asks the desk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewConsultation {
    pub topic: Topic,
    pub title: String,
    pub description: String,
    /// The slug of the village the question concerns.
    pub village: String,
    /// One of the asker's own shops, when the question is about it.
    #[serde(default)]
    pub shop_id: Option<i64>,
    /// Pictures the asker uploaded through `POST /api/v1/images`, in order.
    #[serde(default)]
    pub photo_ids: Vec<i64>,
}

impl Default for NewConsultation {
    fn default() -> Self {
        NewConsultation {
            topic: Topic::Capital,
            title: String::new(),
            description: String::new(),
            village: String::new(),
            shop_id: None,
            photo_ids: Vec::new(),
        }
    }
}

impl NewConsultation {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        length("title", &self.title, TITLE_MIN, TITLE_MAX, "Judul", &mut errors);
        length("description", &self.description, DESCRIPTION_MIN, DESCRIPTION_MAX, "Uraian", &mut errors);
        if self.village.trim().is_empty() {
            errors.push(FieldError::new("village", "Pilih desa yang dimaksud."));
        }
        if self.photo_ids.len() > PHOTOS_MAX {
            errors.push(FieldError::new("photo_ids", format!("Paling banyak {PHOTOS_MAX} foto.")));
        } else if (1..self.photo_ids.len()).any(|i| self.photo_ids[..i].contains(&self.photo_ids[i])) {
            errors.push(FieldError::new("photo_ids", "Foto yang sama terpilih dua kali."));
        }
        errors
    }
}

/// `POST /api/v1/consultations/{id}/messages`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reply {
    pub body: String,
}

impl Reply {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        length("body", &self.body, 2, REPLY_MAX, "Balasan", &mut errors);
        errors
    }
}

/// `PUT /api/v1/consultations/{id}/assignment`: the office and/or person who answers (none clears).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assignment {
    pub office: Option<Office>,
    /// A staff member of the consultation's village (one of [`DeskView::assignees`]).
    pub assignee_id: Option<i64>,
}

/// `POST /api/v1/consultations/{id}/status`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusChange {
    pub status: ConsultationStatus,
}

/// A field visit requested or scheduled (`POST …/visits`), or changed (`PUT …/visits/{visit_id}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VisitForm {
    pub status: VisitStatus,
    /// Unix milliseconds; required once scheduled.
    #[serde(default)]
    pub scheduled_for: Option<i64>,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub note: String,
}

impl VisitForm {
    /// The checks of the form itself; `new` for a visit being created (requested or scheduled only).
    pub fn validate(&self, new: bool) -> Vec<FieldError> {
        self.problems(if new { &VisitEdit::New } else { &VisitEdit::Existing })
    }
}

/// What a visit form does, which says the statuses it may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VisitEdit {
    /// Creates a visit: requested or scheduled only.
    New,
    /// Changes a visit.
    Existing,
}

impl Form for VisitForm {
    type Context = VisitEdit;
    type Parsed = ();

    fn check(&self, edit: &VisitEdit) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if *edit == VisitEdit::New && !matches!(self.status, VisitStatus::Requested | VisitStatus::Scheduled) {
            errors.push(FieldError::new("status", "Kunjungan baru berstatus diminta atau dijadwalkan."));
        }
        match self.scheduled_for {
            None if self.status == VisitStatus::Scheduled => {
                errors.push(FieldError::new("scheduled_for", "Isi tanggal kunjungan."));
            }
            Some(at) if !(946_684_800_000..=4_102_444_800_000).contains(&at) => {
                errors.push(FieldError::new("scheduled_for", "Tanggal kunjungan antara tahun 2000 dan 2100."));
            }
            _ => {}
        }
        if self.place.trim().chars().count() > 200 {
            errors.push(FieldError::new("place", "Tempat paling panjang 200 huruf."));
        }
        if self.note.trim().chars().count() > 1000 {
            errors.push(FieldError::new("note", "Catatan paling panjang 1000 huruf."));
        }
        checked(errors)
    }
}

/// `PUT /api/v1/consultations/{id}/faq`: the question and answer as published, rewritten without names,
/// numbers, villages or shops.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaqForm {
    pub question: String,
    pub answer: String,
}

impl FaqForm {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        length("question", &self.question, 10, 500, "Pertanyaan", &mut errors);
        length("answer", &self.answer, 20, DESCRIPTION_MAX, "Jawaban", &mut errors);
        errors
    }
}

/// `POST /api/v1/admin/consultants`: an existing account (by WhatsApp number) answers for an office in a
/// region within the granting district admin's own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewConsultant {
    pub phone: String,
    /// A provinsi, kabupaten or kecamatan code.
    pub region: String,
    pub office: Office,
}

impl NewConsultant {
    pub fn validate(&self) -> Vec<FieldError> {
        self.problems(&())
    }
}

impl Form for NewConsultant {
    type Context = ();
    type Parsed = ConsultantParsed;

    fn check(&self, _: &()) -> Result<ConsultantParsed, Vec<FieldError>> {
        let mut errors = Vec::new();
        let phone = field("phone", Phone::parse(&self.phone), &mut errors);
        let region = field("region", consultant_region(&self.region), &mut errors);
        parsed(phone.zip(region).map(|(phone, region)| ConsultantParsed { phone, region }), errors)
    }
}

/// What a valid [`NewConsultant`]'s fields mean: whose account, and the region they answer for.
#[derive(Clone, Debug, PartialEq)]
pub struct ConsultantParsed {
    pub phone: Phone,
    pub region: RegionCode,
}

/// A region a consultant may answer for (provinsi, kabupaten or kecamatan), or the reason it cannot.
pub fn consultant_region(code: &str) -> Result<RegionCode, String> {
    let code = RegionCode::parse(code.trim()).map_err(|e| e.to_string())?;
    if code.level() == RegionLevel::Desa {
        return Err("Wilayah konsultan berupa provinsi, kabupaten/kota atau kecamatan (mis. 52.01).".into());
    }
    Ok(code)
}

pub use views::*;

#[path = "consultation_views.rs"]
mod views;

#[cfg(test)]
#[path = "consultation_tests.rs"]
mod tests;
