//! The matrix rows of complaints: opening one and the buyer's moves (the order's buyer, "shopper", alone),
//! the seller's moves and recording a refund (the shop's owner alone), the village's complaints (its admin
//! and the district admin of its region) and deciding one (the village's own admin alone: the village has
//! one); each request that writes on a fresh complaint.

use lapak_tests::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

use super::{ANON, NO, fixture::Fixture, reviews::completed_order};

pub fn expected(endpoint: &str) -> Option<[u16; 10]> {
    Some(match endpoint {
        "POST /api/v1/orders/{code}/complaint" => [ANON, 201, NO, NO, NO, NO, NO, NO, NO, NO],
        "POST /api/v1/orders/{code}/complaint/actions" => [ANON, 200, NO, NO, NO, NO, NO, NO, NO, NO],
        "POST /api/v1/shops/{id}/orders/{code}/complaint/actions"
        | "POST /api/v1/shops/{id}/orders/{code}/complaint/refund" => [ANON, NO, NO, 200, NO, NO, NO, NO, NO, NO],
        "GET /api/v1/admin/villages/{id}/complaints" => [ANON, NO, NO, NO, NO, NO, 200, NO, 200, NO],
        "POST /api/v1/admin/villages/{id}/complaints/{complaint_id}/decision" => {
            [ANON, NO, NO, NO, NO, NO, 200, NO, NO, NO]
        }
        _ => return None,
    })
}

pub const ROWS: &[&str] = &[
    "POST /api/v1/orders/{code}/complaint",
    "POST /api/v1/orders/{code}/complaint/actions",
    "POST /api/v1/shops/{id}/orders/{code}/complaint/actions",
    "POST /api/v1/shops/{id}/orders/{code}/complaint/refund",
    "GET /api/v1/admin/villages/{id}/complaints",
    "POST /api/v1/admin/villages/{id}/complaints/{complaint_id}/decision",
];

/// A new order of this shop by "shopper", ready for pickup just now: (code, line id).
async fn ready_order(app: &TestApp, fx: &Fixture) -> (String, i64) {
    let (code, line, _) = completed_order(app, fx).await;
    let now = backend::db::now_ms();
    let pool = &app.db().pool;
    sqlx::query("UPDATE orders SET status = 'siap_diambil', status_at = $1 WHERE code = $2")
        .bind(now)
        .bind(&code)
        .execute(pool)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO order_events (order_id, at, actor, actor_name, from_status, to_status, note) \
         SELECT id, $1, 'penjual', 'Toko', 'diproses', 'siap_diambil', '' FROM orders WHERE code = $2",
    )
    .bind(now)
    .bind(&code)
    .execute(pool)
    .await
    .unwrap();
    (code, line)
}

/// A new complaint by "shopper" on a ready order of this shop, moved to `status`: (order code, line id,
/// complaint id).
async fn a_complaint(app: &TestApp, fx: &Fixture, status: &str) -> (String, i64, i64) {
    let (code, line) = ready_order(app, fx).await;
    let shopper = app.session_for(fx.users[1].expect("shopper")).await;
    let body = json!({ "reason": "rusak", "description": "Kemasannya sobek.", "photo_ids": [] });
    let path = format!("/api/v1/orders/{code}/complaint");
    let complaint = app.call_json(Method::POST, &path, Some(&shopper), Some(&body), 201).await;
    let id = complaint["id"].as_i64().expect("an id");
    sqlx::query("UPDATE complaints SET status = $1 WHERE id = $2")
        .bind(status)
        .bind(id)
        .execute(&app.db().pool)
        .await
        .unwrap();
    (code, line, id)
}

/// Every order on its way as if completed long ago: nobody has an order recent enough to upload pictures.
pub async fn without_orders_on_their_way(app: &TestApp) {
    sqlx::query("UPDATE orders SET status = 'selesai', status_at = 0 WHERE status IN ('dikirim', 'siap_diambil')")
        .execute(&app.db().pool)
        .await
        .unwrap();
}

/// The request for `endpoint` by `role`, when it is one of this file's.
pub async fn request(app: &TestApp, fx: &Fixture, endpoint: &str, _role: usize) -> Option<(String, Option<Value>)> {
    let (shop, village) = (fx.shop_id, fx.village_id);
    Some(match endpoint {
        "POST /api/v1/orders/{code}/complaint" => {
            let (code, _) = ready_order(app, fx).await;
            let body = json!({ "reason": "tidak_diterima", "description": "Belum sampai sampai sekarang." });
            (format!("/api/v1/orders/{code}/complaint"), Some(body))
        }
        "POST /api/v1/orders/{code}/complaint/actions" => {
            let (code, _, _) = a_complaint(app, fx, "menunggu_penjual").await;
            (format!("/api/v1/orders/{code}/complaint/actions"), Some(json!({ "action": "tarik" })))
        }
        "POST /api/v1/shops/{id}/orders/{code}/complaint/actions" => {
            let (code, _, _) = a_complaint(app, fx, "menunggu_penjual").await;
            let body = json!({ "action": "setuju", "outcome": "dana_kembali" });
            (format!("/api/v1/shops/{shop}/orders/{code}/complaint/actions"), Some(body))
        }
        "POST /api/v1/shops/{id}/orders/{code}/complaint/refund" => {
            let (code, line, _) = a_complaint(app, fx, "menunggu_dana").await;
            let seller = app.session_for(fx.users[3].expect("seller")).await;
            let png = lapak_tests::sample_png(40, 30);
            let receipt = app.upload("/api/v1/images", Some(&seller), "image/png", png).await;
            let receipt: Value = receipt.json().await.expect("an image");
            let zone = app.state.config.time_zone;
            let today = backend::time_zone::date_of(zone.day_of(backend::db::now_ms()));
            let body = json!({ "line_ids": [line], "paid_on": today, "receipt_id": receipt["id"] });
            (format!("/api/v1/shops/{shop}/orders/{code}/complaint/refund"), Some(body))
        }
        "GET /api/v1/admin/villages/{id}/complaints" => (format!("/api/v1/admin/villages/{village}/complaints"), None),
        "POST /api/v1/admin/villages/{id}/complaints/{complaint_id}/decision" => {
            let (_, _, id) = a_complaint(app, fx, "menunggu_admin").await;
            let body = json!({ "action": "putuskan", "outcome": "ditolak", "note": "Tidak ada bukti kerusakan." });
            (format!("/api/v1/admin/villages/{village}/complaints/{id}/decision"), Some(body))
        }
        _ => return None,
    })
}
