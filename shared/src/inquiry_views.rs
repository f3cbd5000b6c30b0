//! Inquiries as sellers and admins see and move them, what a buyer gets back after sending one, and the
//! WhatsApp messages between the two sides.

use serde::{Deserialize, Serialize};

use super::{InquiryKind, InquiryStatus, NOTE_MAX, country_name_in};
use crate::{FieldError, Lang, format::thousands, texts::inquiry as t};

/// How the shop and the admins are told that a buyer wrote from an English page (the card, the
/// notification).
pub const FROM_ENGLISH_PAGE: &str = "Dikirim dari halaman berbahasa Inggris — balas dalam bahasa Inggris";

/// One inquiry as a seller or an admin sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Inquiry {
    pub id: i64,
    pub kind: InquiryKind,
    pub status: InquiryStatus,
    pub village_id: i64,
    pub village_name: String,
    pub shop_id: Option<i64>,
    pub shop_name: Option<String>,
    pub product_id: Option<i64>,
    /// Sent from the village's flagship page.
    pub flagship: bool,
    /// What is asked for: the product's or flagship's name, or "Produk Toko …".
    pub subject: String,
    /// The public page of what is asked for.
    pub link: String,
    pub buyer_name: String,
    /// Digits with the country code (`62812…`, `60123…`).
    pub buyer_whatsapp: String,
    pub buyer_email: Option<String>,
    pub organisation: Option<String>,
    pub quantity: i64,
    pub unit: String,
    pub destination: String,
    pub dest_country: String,
    pub needed_by: Option<String>,
    pub message: String,
    /// The language of the page it was sent from: the buyer reads English when it is `en`, and the reply
    /// prepared in [`Inquiry::whatsapp_link`] is written in it.
    #[serde(default)]
    pub lang: Lang,
    pub created_at: i64,
    pub updated_at: i64,
    /// Every status change, oldest first.
    pub events: Vec<InquiryEvent>,
    /// The statuses it may move to now.
    pub allowed: Vec<InquiryStatus>,
    /// WhatsApp to the buyer, prefilled with a reply.
    pub whatsapp_link: String,
}

/// A status change of an inquiry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InquiryEvent {
    pub at: i64,
    pub actor_name: String,
    pub from: InquiryStatus,
    pub to: InquiryStatus,
    pub note: String,
}

/// How many inquiries stand in a status.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InquiryCount {
    pub status: InquiryStatus,
    pub count: i64,
}

/// One page of inquiries, newest first, with how many stand in each status (other filters applied).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InquiryList {
    pub items: Vec<Inquiry>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    pub counts: Vec<InquiryCount>,
}

/// `POST …/inquiries/{id}/status`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InquiryStatusChange {
    pub status: InquiryStatus,
    /// What was agreed or why it ended.
    #[serde(default)]
    pub note: String,
}

impl InquiryStatusChange {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.note.trim().chars().count() > NOTE_MAX {
            errors.push(FieldError::new("note", format!("Catatan paling panjang {NOTE_MAX} huruf.")));
        }
        errors
    }
}

/// What the buyer gets after sending: who will answer and a WhatsApp link to follow up with them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InquirySent {
    pub id: i64,
    pub kind: InquiryKind,
    /// The shop, or "Desa …" for a flagship.
    pub to: String,
    pub village_name: String,
    /// WhatsApp to the shop (or the village office), prefilled; none when the village has no number.
    pub whatsapp_link: Option<String>,
}

/// A whole number as `lang` writes it: `1.500` in Indonesian, `1,500` in English.
pub fn count_in(lang: Lang, n: i64) -> String {
    match lang {
        Lang::Id => thousands(n),
        Lang::En => thousands(n).replace('.', ","),
    }
}

/// What is asked, in a few words, in `lang`: "500 kg Kopi Robusta, tujuan Surabaya (Indonesia)".
pub fn asked(lang: Lang, quantity: i64, unit: &str, subject: &str, destination: &str, country: &str) -> String {
    let (unit, destination, country) = (unit.trim(), destination.trim(), country_name_in(lang, country));
    t::asked(lang, count_in(lang, quantity), unit, subject, destination, country)
}

/// The reply a seller or admin sends the buyer on WhatsApp, in the buyer's language.
pub fn reply_message(lang: Lang, buyer: &str, kind: InquiryKind, asked: &str, from: &str) -> String {
    t::reply(lang, buyer, kind.label_in(lang).to_lowercase(), asked, from)
}

/// The message a buyer sends the seller (or the village) to follow their inquiry up, in the buyer's language.
pub fn follow_up_message(lang: Lang, to: &str, buyer: &str, id: i64, kind: InquiryKind, asked: &str) -> String {
    t::follow_up(lang, to, buyer, kind.label_in(lang).to_lowercase(), id, asked)
}
