//! Inquiries to shops (export, bulk, custom orders) and their handling by shops and village admins.

use super::endpoints;
use crate::inquiry::{Inquiry, InquiryForm, InquiryList, InquirySent, InquiryStatusChange};

endpoints! {
    /// Sends an inquiry (guests too). Exactly one of `product_id`, `shop_id` and `village` says what it is about; a
    /// hidden product or a closed shop is not found (404). The same inquiry again within a minute is refused (409), and
    /// so is a flood from one number (429).
    Send {}: post "/api/v1/inquiries", body InquiryForm => InquirySent;
    /// The shop's inquiries, newest first, with how many stand in each status (its owner only).
    ShopInquiries { id: i64 }: get "/api/v1/shops/{id}/inquiries" => InquiryList;
    /// The shop's owner marks one of its inquiries contacted, done or cancelled; another shop's is not found.
    ShopStatus { id: i64, inquiry_id: i64 }: post "/api/v1/shops/{id}/inquiries/{inquiry_id}/status", body InquiryStatusChange => Inquiry;
    /// The queue of inquiries in the admin's villages (a village admin's own, a district admin's region), filtered by
    /// status, kind and village, newest first.
    VillageInquiries {}: get "/api/v1/admin/inquiries" => InquiryList;
    /// An admin of the inquiry's village marks it contacted, done or cancelled; outside their villages it is not found.
    VillageStatus { id: i64 }: post "/api/v1/admin/inquiries/{id}/status", body InquiryStatusChange => Inquiry;
}
