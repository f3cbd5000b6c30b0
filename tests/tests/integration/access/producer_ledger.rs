//! The matrix rows of member producers and their ledger: the list, adding and removing one, the
//! accounts, a producer's fee, a payout and a statement are the shop owner's alone (no admin, no other
//! seller); each request that changes something is about a fresh producer.

use lapak_tests::TestApp;
use serde_json::{Value, json};

use super::{ANON, NO, fixture::Fixture};

/// The owner of this shop alone.
const fn owner(status: u16) -> [u16; 10] {
    [ANON, NO, NO, status, NO, NO, NO, NO, NO, NO]
}

pub fn expected(endpoint: &str) -> Option<[u16; 10]> {
    Some(match endpoint {
        "GET /api/v1/shops/{id}/producers" => owner(200),
        "POST /api/v1/shops/{id}/producers" => owner(201),
        "DELETE /api/v1/shops/{id}/producers/{producer_id}" => owner(204),
        "GET /api/v1/shops/{id}/producer-ledger" | "GET /api/v1/shops/{id}/producers/{producer_id}/statement" => {
            owner(200)
        }
        "PUT /api/v1/shops/{id}/producers/{producer_id}/terms" => owner(200),
        "POST /api/v1/shops/{id}/producers/{producer_id}/payouts" => owner(201),
        _ => return None,
    })
}

pub const ROWS: &[&str] = &[
    "GET /api/v1/shops/{id}/producers",
    "POST /api/v1/shops/{id}/producers",
    "DELETE /api/v1/shops/{id}/producers/{producer_id}",
    "GET /api/v1/shops/{id}/producer-ledger",
    "PUT /api/v1/shops/{id}/producers/{producer_id}/terms",
    "POST /api/v1/shops/{id}/producers/{producer_id}/payouts",
    "GET /api/v1/shops/{id}/producers/{producer_id}/statement",
];

/// A new member producer of this shop.
async fn a_producer(app: &TestApp, fx: &Fixture) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO producers (shop_id, name, dusun, makes, created_at) VALUES ($1, 'Inaq Matriks', '', '', 0) \
         RETURNING id",
    )
    .bind(fx.shop_id)
    .fetch_one(&app.db().pool)
    .await
    .unwrap()
}

/// The request for `endpoint`, when it is one of this file's.
pub async fn request(app: &TestApp, fx: &Fixture, endpoint: &str) -> Option<(String, Option<Value>)> {
    let shop = fx.shop_id;
    Some(match endpoint {
        "GET /api/v1/shops/{id}/producers" => (format!("/api/v1/shops/{shop}/producers"), None),
        "POST /api/v1/shops/{id}/producers" => {
            let body = json!({ "name": "Amaq Sumi", "dusun": "Dasan Baru", "makes": "cabai kering" });
            (format!("/api/v1/shops/{shop}/producers"), Some(body))
        }
        "DELETE /api/v1/shops/{id}/producers/{producer_id}" => {
            (format!("/api/v1/shops/{shop}/producers/{}", fx.producer(app).await), None)
        }
        "GET /api/v1/shops/{id}/producer-ledger" => (format!("/api/v1/shops/{shop}/producer-ledger"), None),
        "PUT /api/v1/shops/{id}/producers/{producer_id}/terms" => {
            let path = format!("/api/v1/shops/{shop}/producers/{}/terms", a_producer(app, fx).await);
            (path, Some(json!({ "fee": { "kind": "persen", "value": 10 }, "phone": "" })))
        }
        "POST /api/v1/shops/{id}/producers/{producer_id}/payouts" => {
            let path = format!("/api/v1/shops/{shop}/producers/{}/payouts", a_producer(app, fx).await);
            (path, Some(json!({ "amount": 5000, "method": "tunai", "paid_on": "2026-01-02", "note": "" })))
        }
        "GET /api/v1/shops/{id}/producers/{producer_id}/statement" => {
            (format!("/api/v1/shops/{shop}/producers/{}/statement", a_producer(app, fx).await), None)
        }
        _ => return None,
    })
}
