//! Reviews: a buyer rates what a completed order brought, the seller answers, the village admin hides
//! what breaks the rules, and product pages list them.

use super::endpoints;
use crate::{
    Page,
    product::Moderation,
    review::{ReplyForm, Review, ReviewDesk, ReviewForm},
};

endpoints! {
    /// A product's visible reviews, newest first (`page`, `per_page`).
    ProductReviews { id: i64 }: get "/api/v1/products/{id}/reviews" => Page<Review>;
    /// The buyer rates one line of their completed order, within 30 days of completion, once per line. A
    /// guest proves the order is theirs with `X-Buyer-Phone`, as for the order itself.
    Write { code: String }: post "/api/v1/orders/{code}/reviews", body ReviewForm => Review;
    /// The shop's reviews, newest first, hidden ones too (with the admin's reason), a page at a time
    /// (`page`, `per_page`), with the shop's rating.
    ShopReviews { id: i64 }: get "/api/v1/shops/{id}/reviews" => ReviewDesk;
    /// The seller answers a review of their shop, once.
    Reply { id: i64, review_id: i64 }: post "/api/v1/shops/{id}/reviews/{review_id}/reply", body ReplyForm => Review;
    /// The village's reviews for its admins, newest first, hidden ones too, a page at a time (`page`,
    /// `per_page`), with the rating of its shops' visible reviews.
    VillageReviews { id: i64 }: get "/api/v1/admin/villages/{id}/reviews" => ReviewDesk;
    /// Hides a review from the public, with a reason the seller reads (audit log).
    Hide { id: i64, review_id: i64 }: post "/api/v1/admin/villages/{id}/reviews/{review_id}/hide", body Moderation => ();
    /// Shows a hidden review again (audit log).
    Unhide { id: i64, review_id: i64 }: post "/api/v1/admin/villages/{id}/reviews/{review_id}/unhide" => ();
}
