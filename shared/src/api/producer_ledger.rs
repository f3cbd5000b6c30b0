//! What each producer earned: a shop's ledger of its member producers, their fees, payouts and statements.

use super::endpoints;
use crate::producer_ledger::{Payout, PayoutForm, ProducerAccount, Statement, TermsForm};

endpoints! {
    /// Every member producer's account with the shop: sold, the shop's fee, earned, paid, balance.
    Accounts { id: i64 }: get "/api/v1/shops/{id}/producer-ledger" => Vec<ProducerAccount>;
    /// Sets the shop's fee for a producer (applies to lines completed from now on) and their WhatsApp.
    SetTerms { id: i64, producer_id: i64 }: put "/api/v1/shops/{id}/producers/{producer_id}/terms", body TermsForm => ProducerAccount;
    /// Records money handed to the producer (cash or transfer, with its day, a note and a receipt photo).
    Pay { id: i64, producer_id: i64 }: post "/api/v1/shops/{id}/producers/{producer_id}/payouts", body PayoutForm => Payout;
    /// The producer's statement for a range of days (`dari`, `sampai`: `2026-11-01`; the current month without).
    ProducerStatement { id: i64, producer_id: i64 }: get "/api/v1/shops/{id}/producers/{producer_id}/statement" => Statement;
}
