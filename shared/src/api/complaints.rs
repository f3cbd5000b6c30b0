//! Complaints: the buyer opens one on an order and follows it, the seller answers and settles it, the
//! village admin decides what the seller did not agree.

use super::endpoints;
use crate::{
    complaint::{Complaint, ComplaintForm, RefundForm},
    complaint_flow::ComplaintAction,
};

endpoints! {
    /// The buyer opens a complaint on their order, within 3 days of shipping or pickup, once. A guest proves
    /// the order is theirs with `X-Buyer-Phone`, as for the order itself.
    Open { code: String }: post "/api/v1/orders/{code}/complaint", body ComplaintForm => Complaint;
    /// The buyer's moves: sending the goods back, withdrawing the complaint.
    BuyerMove { code: String }: post "/api/v1/orders/{code}/complaint/actions", body ComplaintAction => Complaint;
    /// The seller's moves: agreeing with a settlement, disagreeing, confirming a return, reshipping.
    SellerMove { id: i64, code: String }: post "/api/v1/shops/{id}/orders/{code}/complaint/actions", body ComplaintAction => Complaint;
    /// The seller records the money sent back: which lines, the date, the transfer receipt's photo.
    RecordRefund { id: i64, code: String }: post "/api/v1/shops/{id}/orders/{code}/complaint/refund", body RefundForm => Complaint;
    /// The complaints of the village's shops for its admins, those awaiting a decision first.
    VillageComplaints { id: i64 }: get "/api/v1/admin/villages/{id}/complaints" => Vec<Complaint>;
    /// The village admin decides a complaint the seller disagreed with or left unanswered (audit log).
    Decide { id: i64, complaint_id: i64 }: post "/api/v1/admin/villages/{id}/complaints/{complaint_id}/decision", body ComplaintAction => Complaint;
}
