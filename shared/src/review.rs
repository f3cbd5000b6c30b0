//! Reviews: a buyer of a completed order rates each product they received (1–5 stars, words and photos
//! if they like), once per order line and within [`REVIEW_DAYS`] of completion; the seller replies once;
//! the village admin may hide a review with a reason. Pages show the average and the newest.

use serde::{Deserialize, Serialize};

use crate::texts::checks as t;
use crate::{FieldError, Image, Lang, complaint::photo_problems};

/// Days after an order completes during which its buyer may review it.
pub const REVIEW_DAYS: i64 = 30;
/// Longest review or reply, in characters.
pub const TEXT_MAX: usize = 1000;
/// Most photos on a review.
pub const PHOTOS_MAX: usize = 3;
/// How many reviews a product page shows before "more".
pub const NEWEST: usize = 5;

/// `POST /api/v1/orders/{code}/reviews`: the buyer rates one line of their completed order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewForm {
    /// The order line (`OrderLine::id`).
    pub line_id: i64,
    /// 1 to 5 stars.
    pub rating: u8,
    /// Optional words, at most 1,000 characters.
    #[serde(default)]
    pub text: String,
    /// Uploaded pictures (`POST /api/v1/images`), at most 3.
    #[serde(default)]
    pub photo_ids: Vec<i64>,
}

impl ReviewForm {
    pub fn validate(&self) -> Vec<FieldError> {
        self.validate_in(Lang::Id)
    }

    /// [`ReviewForm::validate`] for people reading `lang`.
    pub fn validate_in(&self, lang: Lang) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !(1..=5).contains(&self.rating) {
            errors.push(FieldError::new("rating", t::rating_missing(lang)));
        }
        if self.text.trim().chars().count() > TEXT_MAX {
            errors.push(FieldError::new("text", t::review_too_long(lang, TEXT_MAX)));
        }
        photo_problems(lang, &self.photo_ids, PHOTOS_MAX, &mut errors);
        errors
    }
}

/// `POST /api/v1/shops/{id}/reviews/{review_id}/reply`: the seller's one answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReplyForm {
    /// 2 to 1,000 characters.
    pub text: String,
}

impl ReplyForm {
    pub fn validate(&self) -> Vec<FieldError> {
        if (2..=TEXT_MAX).contains(&self.text.trim().chars().count()) {
            Vec::new()
        } else {
            vec![FieldError::new("text", format!("Tulis balasan 2 sampai {TEXT_MAX} huruf."))]
        }
    }
}

/// The seller's answer to a review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewReply {
    pub text: String,
    /// Unix milliseconds.
    pub at: i64,
}

/// A review as pages show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Review {
    pub id: i64,
    /// The product, while it still exists.
    pub product_id: Option<i64>,
    /// The product's name when it was bought.
    pub product_name: String,
    pub rating: u8,
    pub text: String,
    pub photos: Vec<Image>,
    /// The buyer as others see them: "Siti R.".
    pub buyer: String,
    /// Every review comes from a completed purchase ("pembeli terverifikasi").
    pub verified: bool,
    /// Unix milliseconds.
    pub created_at: i64,
    pub reply: Option<ReviewReply>,
    /// Why the village admin hid it: only the seller's and the admin's lists carry hidden reviews.
    pub hidden_reason: Option<String>,
}

/// A desk's page of reviews (the seller's of their shop, an admin's of their village), hidden ones too,
/// newest first, with the rating of all the visible ones.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewDesk {
    pub rating: RatingSummary,
    pub reviews: crate::Page<Review>,
}

/// How a product or a shop is rated: visible reviews only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingSummary {
    /// How many reviews.
    pub count: i64,
    /// How many of 1, 2, 3, 4 and 5 stars.
    pub by_stars: [i64; 5],
}

impl RatingSummary {
    /// The mean rating, when there is one.
    pub fn average(&self) -> Option<f64> {
        let brief = self.brief();
        (brief.count > 0).then(|| brief.total as f64 / brief.count as f64)
    }

    /// How many reviews and their stars in all.
    pub fn brief(&self) -> RatingBrief {
        RatingBrief { count: self.count, total: self.by_stars.iter().zip(1..).map(|(n, stars)| n * stars).sum() }
    }
}

/// A rating in brief, as a product card carries it: how many visible reviews and the sum of their stars.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RatingBrief {
    pub count: i64,
    /// The stars of every review added up.
    pub total: i64,
}

impl RatingBrief {
    /// The mean in tenths, rounded half up: 46 for 4.6 (integers only: no float formatting in the bundles).
    pub fn average_tenths(&self) -> Option<i64> {
        (self.count > 0).then(|| (self.total * 20 + self.count) / (self.count * 2))
    }

    /// "4,6" (one decimal, Indonesian comma), or `None` without reviews.
    pub fn average_label(&self) -> Option<String> {
        self.average_tenths().map(|t| format!("{},{}", t / 10, t % 10))
    }
}

/// How a buyer is named on a review: the first name and the initial of the second ("Siti R."), so
/// others see a person without their full name.
pub fn public_name(full: &str) -> String {
    let mut words = full.split_whitespace();
    match (words.next(), words.next()) {
        (Some(first), Some(second)) => {
            let initial: String = second.chars().take(1).flat_map(char::to_uppercase).collect();
            format!("{first} {initial}.")
        }
        (Some(first), None) => first.to_owned(),
        _ => "Pembeli".to_owned(),
    }
}

/// Whether an order completed at `completed_at` (Unix ms) may still be reviewed at `now`.
pub fn open_for_review(completed_at: i64, now: i64) -> bool {
    now <= review_deadline(completed_at)
}

/// The last moment (Unix ms) an order completed at `completed_at` may be reviewed.
pub fn review_deadline(completed_at: i64) -> i64 {
    completed_at + REVIEW_DAYS * 24 * 60 * 60 * 1000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_ratings_words_and_photos() {
        let good = ReviewForm { line_id: 1, rating: 5, text: "Kainnya halus.".into(), photo_ids: vec![1, 2] };
        assert!(good.validate().is_empty());
        let zero = ReviewForm { rating: 0, ..good.clone() };
        assert_eq!(zero.validate()[0].field, "rating");
        let six = ReviewForm { rating: 6, ..good.clone() };
        assert_eq!(six.validate()[0].field, "rating");
        let long = ReviewForm { text: "a".repeat(TEXT_MAX + 1), ..good.clone() };
        assert_eq!(long.validate()[0].field, "text");
        let many = ReviewForm { photo_ids: vec![1, 2, 3, 4], ..good };
        assert_eq!(many.validate()[0].field, "photo_ids");
        assert!(!ReplyForm { text: " a ".into() }.validate().is_empty());
        assert!(ReplyForm { text: "Terima kasih!".into() }.validate().is_empty());
    }

    #[test]
    fn says_what_is_wrong_in_either_language() {
        let bad = ReviewForm { line_id: 1, rating: 0, text: String::new(), photo_ids: vec![4, 4] };
        let messages = |lang| bad.validate_in(lang).into_iter().map(|e| e.message).collect::<Vec<_>>();
        assert_eq!(messages(Lang::Id), ["Pilih 1 sampai 5 bintang.", "Foto yang sama dipilih dua kali."]);
        assert_eq!(messages(Lang::En), ["Choose 1 to 5 stars.", "The same photo was chosen twice."]);
        assert_eq!(bad.validate(), bad.validate_in(Lang::Id));
        let many = ReviewForm { rating: 4, photo_ids: vec![1, 2, 3, 4], ..bad };
        assert_eq!(many.validate()[0].message, "Paling banyak 3 foto.");
        assert_eq!(many.validate_in(Lang::En)[0].message, "At most 3 photos.");
    }

    #[test]
    fn averages_and_names() {
        let summary = RatingSummary { count: 5, by_stars: [0, 0, 1, 0, 4] };
        assert_eq!(summary.brief().average_label().as_deref(), Some("4,6"));
        assert_eq!(RatingSummary::default().average(), None);
        assert_eq!(RatingBrief { count: 2, total: 9 }.average_label().as_deref(), Some("4,5"), "half up");
        assert_eq!(RatingBrief { count: 3, total: 13 }.average_label().as_deref(), Some("4,3"));
        assert_eq!(RatingBrief::default().average_label(), None);
        assert_eq!(public_name("Siti rahmawati Putri"), "Siti R.");
        assert_eq!(public_name("  Yosefina "), "Yosefina");
        assert_eq!(public_name(""), "Pembeli");
    }

    #[test]
    fn reviews_close_after_thirty_days() {
        let day = 24 * 60 * 60 * 1000;
        assert!(open_for_review(0, 30 * day));
        assert!(!open_for_review(0, 30 * day + 1));
    }
}
