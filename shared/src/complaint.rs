//! Complaints ("komplain"): within [`COMPLAINT_DAYS`] of shipping or pickup the buyer says what went wrong
//! with an order (with photos); the seller agrees with a settlement or disagrees, and the village admin
//! decides what the seller did not agree within [`SELLER_ANSWER_DAYS`]. What the forms carry and what
//! pages show; the life cycle is [`crate::complaint_flow`].

use serde::{Deserialize, Serialize};

use crate::texts::checks as t;
use crate::{
    FieldError, Image, Lang, Phone,
    complaint_flow::{ComplaintActor, ComplaintMove, ComplaintOutcome, ComplaintReason, ComplaintStatus},
};

/// Days after an order is shipped or made ready for pickup during which its buyer may complain.
pub const COMPLAINT_DAYS: i64 = 3;
/// Days the seller has to agree before the village admin may decide.
pub const SELLER_ANSWER_DAYS: i64 = 2;
/// Longest description, in characters.
pub const TEXT_MAX: usize = 1000;
/// Shortest description, in characters.
pub const TEXT_MIN: usize = 10;
/// Most photos on a complaint.
pub const PHOTOS_MAX: usize = 3;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The last moment (Unix ms) an order shipped or made ready at `sent_at` may be complained about.
pub fn complaint_deadline(sent_at: i64) -> i64 {
    sent_at + COMPLAINT_DAYS * DAY_MS
}

/// The moment (Unix ms) the seller's time to answer a complaint opened at `opened_at` runs out.
pub fn answer_deadline(opened_at: i64) -> i64 {
    opened_at + SELLER_ANSWER_DAYS * DAY_MS
}

/// The page where the admins of the village `village_id` read and decide its shops' complaints.
pub fn village_complaints_path(village_id: i64) -> String {
    format!("/admin/desa/{village_id}/komplain")
}

/// `POST /api/v1/orders/{code}/complaint`: the buyer says what went wrong.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplaintForm {
    pub reason: ComplaintReason,
    /// What happened, 10 to 1,000 characters.
    pub description: String,
    /// Uploaded pictures (`POST /api/v1/images`), at most 3.
    #[serde(default)]
    pub photo_ids: Vec<i64>,
}

impl ComplaintForm {
    pub fn validate(&self) -> Vec<FieldError> {
        self.validate_in(Lang::Id)
    }

    /// [`ComplaintForm::validate`] for people reading `lang`.
    pub fn validate_in(&self, lang: Lang) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !(TEXT_MIN..=TEXT_MAX).contains(&self.description.trim().chars().count()) {
            errors.push(FieldError::new("description", t::complaint_description(lang, TEXT_MIN, TEXT_MAX)));
        }
        photo_problems(lang, &self.photo_ids, PHOTOS_MAX, &mut errors);
        errors
    }
}

/// What is wrong with the photos a buyer chose (a review's or a complaint's), in `lang`: too many, or one
/// twice.
pub(crate) fn photo_problems(lang: Lang, ids: &[i64], max: usize, errors: &mut Vec<FieldError>) {
    if ids.len() > max {
        errors.push(FieldError::new("photo_ids", t::photos_max(lang, max)));
    } else if (1..ids.len()).any(|i| ids[..i].contains(&ids[i])) {
        errors.push(FieldError::new("photo_ids", t::photo_twice(lang)));
    }
}

/// `POST /api/v1/shops/{id}/orders/{code}/complaint/refund`: the seller records the money sent back.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefundForm {
    /// The order lines refunded, each whole (`OrderLine::id`); the amount is their subtotals.
    pub line_ids: Vec<i64>,
    /// Whether the delivery fee goes back too.
    #[serde(default)]
    pub include_delivery: bool,
    /// The transfer's date, `2026-12-06`.
    pub paid_on: String,
    /// The transfer receipt's photo (`POST /api/v1/images`).
    pub receipt_id: i64,
}

impl RefundForm {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.line_ids.is_empty() {
            errors.push(FieldError::new("line_ids", "Pilih barang yang uangnya dikembalikan."));
        } else if (1..self.line_ids.len()).any(|i| self.line_ids[..i].contains(&self.line_ids[i])) {
            errors.push(FieldError::new("line_ids", "Barang yang sama dipilih dua kali."));
        }
        if !is_date(&self.paid_on) {
            errors.push(FieldError::new("paid_on", "Tulis tanggal transfer seperti 2026-12-06."));
        }
        if self.receipt_id <= 0 {
            errors.push(FieldError::new("receipt_id", "Unggah foto bukti transfernya."));
        }
        errors
    }
}

/// Whether `text` is a calendar date written `YYYY-MM-DD` (years 2000–2099).
pub fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return false };
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    let (Some(y), Some(m), Some(d)) = (number(y, 4), number(m, 2), number(d, 2)) else { return false };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (2000..2100).contains(&y) && (1..=days).contains(&d)
}

/// A step of a complaint, on the timelines of both sides.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplaintEvent {
    /// Unix milliseconds.
    pub at: i64,
    pub actor: ComplaintActor,
    pub actor_name: String,
    pub status: ComplaintStatus,
    pub note: String,
}

/// An order line the refund paid back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RefundedLine {
    pub line_id: i64,
    pub name: String,
    pub quantity: i64,
    /// Rupiah paid back for this line.
    pub amount: i64,
}

/// The money the seller sent back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Refund {
    /// Rupiah in all: the lines, and the delivery fee if it went back too.
    pub amount: i64,
    /// The delivery fee paid back (0 when it was not).
    pub delivery_fee: i64,
    /// `2026-12-06`.
    pub paid_on: String,
    pub receipt: Image,
    pub lines: Vec<RefundedLine>,
    /// Unix milliseconds.
    pub recorded_at: i64,
}

/// A complaint as the buyer, the seller and the village admin see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Complaint {
    pub id: i64,
    pub order_code: String,
    pub shop_id: i64,
    pub shop_name: String,
    pub shop_whatsapp: Phone,
    pub buyer_name: String,
    pub buyer_whatsapp: Phone,
    pub reason: ComplaintReason,
    pub description: String,
    pub photos: Vec<Image>,
    pub status: ComplaintStatus,
    /// The settlement agreed or decided.
    pub outcome: Option<ComplaintOutcome>,
    /// Unix ms: opened, and when the seller's time to answer runs out.
    pub opened_at: i64,
    pub answer_by: i64,
    pub closed_at: Option<i64>,
    pub refund: Option<Refund>,
    /// Every step, oldest first.
    pub events: Vec<ComplaintEvent>,
    /// The moves whoever asked may make now.
    pub allowed: Vec<ComplaintMove>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_descriptions_photos_and_refunds() {
        let good = ComplaintForm {
            reason: ComplaintReason::Damaged,
            description: "Toplesnya pecah saat sampai.".into(),
            photo_ids: vec![1, 2],
        };
        assert!(good.validate().is_empty());
        let short = ComplaintForm { description: " rusak ".into(), ..good.clone() };
        assert_eq!(short.validate()[0].field, "description");
        let many = ComplaintForm { photo_ids: vec![1, 2, 3, 4], ..good.clone() };
        assert_eq!(many.validate()[0].field, "photo_ids");
        let twice = ComplaintForm { photo_ids: vec![1, 1], ..good };
        assert_eq!(twice.validate()[0].field, "photo_ids");
        let refund =
            RefundForm { line_ids: vec![3], include_delivery: false, paid_on: "2026-12-06".into(), receipt_id: 9 };
        assert!(refund.validate().is_empty());
        let none = RefundForm { line_ids: vec![], ..refund.clone() };
        assert_eq!(none.validate()[0].field, "line_ids");
        let bad_day = RefundForm { paid_on: "2026-02-30".into(), ..refund };
        assert_eq!(bad_day.validate()[0].field, "paid_on");
    }

    #[test]
    fn says_what_is_wrong_in_either_language() {
        let short = ComplaintForm { reason: ComplaintReason::Damaged, description: "pecah".into(), photo_ids: vec![] };
        assert_eq!(short.validate()[0].message, "Ceritakan masalahnya dalam 10 sampai 1000 huruf.");
        assert_eq!(short.validate_in(Lang::En)[0].message, "Describe the problem in 10 to 1000 characters.");
        let action = crate::complaint_flow::ComplaintAction::of(ComplaintMove::Disagree);
        assert_eq!(action.validate()[0].message, "Tuliskan alasannya (paling sedikit 5 huruf).");
        assert_eq!(action.validate_in(Lang::En)[0].message, "Write the reason (at least 5 characters).");
        let agree = crate::complaint_flow::ComplaintAction::of(ComplaintMove::Agree);
        assert_eq!(agree.validate_in(Lang::En)[0].message, "Choose the settlement.");
    }

    #[test]
    fn reads_dates_and_deadlines() {
        assert!(is_date("2028-02-29"));
        assert!(!is_date("2027-02-29"));
        assert!(!is_date("2026-1-05"));
        assert!(!is_date("06-12-2026"));
        assert_eq!(complaint_deadline(0), 3 * DAY_MS);
        assert_eq!(answer_deadline(5), 5 + 2 * DAY_MS);
    }
}
