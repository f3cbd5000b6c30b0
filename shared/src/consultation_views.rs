//! What the desk's pages show: a consultation in lists and whole, its thread, visits and FAQ entry, the
//! viewer's part in it, the public FAQ, and consultants as district admins manage them.

use serde::{Deserialize, Serialize};

use super::{ConsultationStatus, DeskSide, Office, Topic, VisitStatus};
use crate::{Image, Phone, RegionRef, UserRef, VillageRef};

/// A consultation in a list (the asker's own, or the staff queue).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsultationSummary {
    pub id: i64,
    pub topic: Topic,
    pub title: String,
    pub status: ConsultationStatus,
    pub village_name: String,
    pub submitter_name: String,
    pub office: Option<Office>,
    pub assignee_name: Option<String>,
    /// Replies in the thread.
    pub messages: i64,
    /// Unix milliseconds.
    pub created_at: i64,
    pub updated_at: i64,
}

/// One page of the staff queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsultationQueue {
    pub items: Vec<ConsultationSummary>,
    /// How many match the filters.
    pub total: i64,
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
}

/// A reply in a consultation's thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsultationMessage {
    pub id: i64,
    pub author_name: String,
    pub side: DeskSide,
    pub body: String,
    pub created_at: i64,
}

/// A field visit (kunjungan lapangan).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldVisit {
    pub id: i64,
    pub status: VisitStatus,
    /// Unix milliseconds.
    pub scheduled_for: Option<i64>,
    pub place: String,
    pub note: String,
    pub created_by: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// The FAQ text of a consultation, as its staff last wrote it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaqDraft {
    pub question: String,
    pub answer: String,
    /// Shown on the public desk page.
    pub published: bool,
    pub published_at: Option<i64>,
}

/// A published, anonymised question and answer on the public desk page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FaqEntry {
    pub id: i64,
    pub topic: Topic,
    pub question: String,
    pub answer: String,
    /// Unix milliseconds.
    pub published_at: i64,
}

/// A desk staff member as the assignment list names them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffRef {
    pub id: i64,
    pub name: String,
    /// What they are here: "Dinas Koperasi & UMKM", "Admin desa", "Admin kabupaten".
    pub role: String,
}

/// The asker, as the thread shows them: staff also see their WhatsApp number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Submitter {
    pub name: String,
    pub phone: Option<Phone>,
}

/// A shop a consultation is about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopRef {
    pub id: i64,
    pub name: String,
    pub slug: String,
}

/// What the viewer of a consultation may do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskView {
    pub side: DeskSide,
    /// The statuses they may move it to.
    pub moves: Vec<ConsultationStatus>,
    pub can_reply: bool,
    /// For staff: `wa.me` to the asker with a message that links to the thread.
    pub whatsapp_link: Option<String>,
    /// For staff: who it may be assigned to.
    pub assignees: Vec<StaffRef>,
}

/// A whole consultation: `GET /api/v1/consultations/{id}` and the answer of every change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Consultation {
    pub id: i64,
    pub topic: Topic,
    pub title: String,
    pub description: String,
    pub status: ConsultationStatus,
    pub village: VillageRef,
    pub shop: Option<ShopRef>,
    pub submitter: Submitter,
    pub office: Option<Office>,
    pub assignee: Option<StaffRef>,
    pub photos: Vec<Image>,
    pub messages: Vec<ConsultationMessage>,
    pub visits: Vec<FieldVisit>,
    pub faq: Option<FaqDraft>,
    pub created_at: i64,
    pub updated_at: i64,
    pub viewer: DeskView,
}

/// Where a consultant answers, and for which office.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsultantScope {
    pub region: RegionRef,
    pub office: Office,
}

/// `GET /api/v1/consultations/desk`: the signed-in person's place at the desk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeskAccess {
    /// Whether they answer consultations (a consultant, or an admin).
    pub staff: bool,
    pub consultant: Vec<ConsultantScope>,
    /// For staff: the villages whose consultations they see, for the queue's filter.
    pub villages: Vec<VillageRef>,
}

/// A consultant as `GET /api/v1/admin/consultants` lists them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsultantView {
    pub id: i64,
    pub user: UserRef,
    pub region: RegionRef,
    pub office: Office,
    pub granted_by: Option<String>,
    /// Unix milliseconds.
    pub granted_at: i64,
}

/// The address of a consultation's thread.
pub fn thread_path(id: i64) -> String {
    format!("/konsultasi/{id}")
}
