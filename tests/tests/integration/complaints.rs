//! Complaints over HTTP: a buyer (signed in, or a guest with the order's number) complains about a shipped
//! or collectable order within the window, once; the seller agrees or disagrees; the village admin decides;
//! each settlement runs to its end. This file holds the helpers the tests share.

mod admins_told;
mod deciding;
mod opening;
mod outcomes;

use lapak_tests::TestApp;
use reqwest::{Method, Response};
use serde_json::{Value, json};
use shared::{complaint::Complaint, order::Order};

use crate::orders::{Seller, as_guest, guest_order, seller_moved};
use crate::reviews::{answer, new_order};

pub use crate::reviews::{DARMAJI_ADMIN, LOMBOK_BARAT_ADMIN, PRICE, photo, two_products};

/// The admin of the whole province of NTB (over Darmaji, which has its own admin).
pub const PROVINCE_ADMIN: &str = "081152000000";

const DAY: i64 = 24 * 60 * 60 * 1000;

/// An order like `reviews::new_order`, accepted and made ready for pickup now.
pub async fn ready(app: &TestApp, seller: &Seller, cookie: Option<&str>, phone: &str, products: &[i64]) -> Order {
    let code = new_order(app, seller, cookie, phone, products).await;
    seller_moved(app, seller, &code, json!({ "action": "terima" })).await;
    seller_moved(app, seller, &code, json!({ "action": "siap_diambil" })).await;
    guest_order(app, &code, phone).await
}

/// A complaint form.
pub fn form(reason: &str, description: &str, photos: &[i64]) -> Value {
    json!({ "reason": reason, "description": description, "photo_ids": photos })
}

/// A damaged-goods complaint without photos.
pub fn damaged() -> Value {
    form("rusak", "Toples madunya retak dan bocor.", &[])
}

/// Opens a complaint on `code` as the holder of `cookie`.
pub async fn open_signed_in(app: &TestApp, code: &str, cookie: &str, body: &Value) -> Response {
    app.call(Method::POST, &format!("/api/v1/orders/{code}/complaint"), Some(cookie), Some(body)).await
}

/// Opens a complaint on `code` as its guest buyer with WhatsApp `phone`; expects it opened.
pub async fn opened_as_guest(app: &TestApp, code: &str, phone: &str) -> Complaint {
    let path = format!("/api/v1/orders/{code}/complaint");
    answer(as_guest(app, Method::POST, &path, phone, Some(&damaged())).await, 201).await
}

/// The guest buyer's move on the complaint of `code`.
pub async fn buyer_moves(app: &TestApp, code: &str, phone: &str, body: &Value) -> Response {
    as_guest(app, Method::POST, &format!("/api/v1/orders/{code}/complaint/actions"), phone, Some(body)).await
}

/// The seller's move on the complaint of `code`.
pub async fn seller_moves(app: &TestApp, seller: &Seller, code: &str, body: &Value) -> Response {
    let path = format!("/api/v1/shops/{}/orders/{code}/complaint/actions", seller.shop);
    app.call(Method::POST, &path, Some(&seller.cookie), Some(body)).await
}

/// The seller records a refund on the complaint of `code`.
pub async fn refunds(app: &TestApp, seller: &Seller, code: &str, body: &Value) -> Response {
    let path = format!("/api/v1/shops/{}/orders/{code}/complaint/refund", seller.shop);
    app.call(Method::POST, &path, Some(&seller.cookie), Some(body)).await
}

/// An admin (signed in with `cookie`) decides the complaint `id` of the village `village`.
pub async fn decides(app: &TestApp, cookie: &str, village: i64, id: i64, body: &Value) -> Response {
    let path = format!("/api/v1/admin/villages/{village}/complaints/{id}/decision");
    app.call(Method::POST, &path, Some(cookie), Some(body)).await
}

/// A refund form of `lines`, paid today, with the receipt `receipt`.
pub fn refund(app: &TestApp, lines: &[i64], receipt: i64) -> Value {
    json!({ "line_ids": lines, "include_delivery": false, "paid_on": today(app), "receipt_id": receipt })
}

/// Today in the server's time zone, `2026-12-06`.
pub fn today(app: &TestApp) -> String {
    let zone = app.state.config.time_zone;
    backend::time_zone::date_of(zone.day_of(backend::db::now_ms()))
}

/// Moves the order's shipping (and every move of it) `days` into the past.
pub async fn age_order(app: &TestApp, code: &str, days: i64) {
    for sql in [
        "UPDATE orders SET status_at = status_at - $1, created_at = created_at - $1 WHERE code = $2",
        "UPDATE order_events SET at = at - $1 WHERE order_id = (SELECT id FROM orders WHERE code = $2)",
    ] {
        sqlx::query(sql).bind(days * DAY).bind(code).execute(&app.db().pool).await.unwrap();
    }
}

/// Lets the seller's time to answer the complaint `id` run out.
pub async fn answer_time_over(app: &TestApp, id: i64) {
    sqlx::query("UPDATE complaints SET answer_by = answer_by - $1 WHERE id = $2")
        .bind(3 * DAY)
        .bind(id)
        .execute(&app.db().pool)
        .await
        .unwrap();
}

/// The id of the village Darmaji (Darma Tani's).
pub async fn darmaji(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'darmaji'").fetch_one(&app.db().pool).await.unwrap()
}

/// Rows complaints wrote: (complaints, photos, steps, refunded lines).
pub async fn written(app: &TestApp) -> (i64, i64, i64, i64) {
    (
        app.count("complaints", "1 = 1").await,
        app.count("complaint_photos", "1 = 1").await,
        app.count("complaint_events", "1 = 1").await,
        app.count("complaint_refund_lines", "1 = 1").await,
    )
}
