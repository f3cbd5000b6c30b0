//! The matrix rows of reviews: a product's reviews (anyone), a review of a completed order (its buyer,
//! "shopper", alone), the shop's reviews and the reply (its owner alone), and the village's reviews, hiding
//! and showing one (the village's admin and the district admin of its region); each request that writes
//! on a fresh review.

use lapak_tests::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

use super::{ANON, NO, all, fixture::Fixture};

/// The village admin here and the district admin of its region.
const fn admins(status: u16) -> [u16; 10] {
    [ANON, NO, NO, NO, NO, NO, status, NO, status, NO]
}

pub fn expected(endpoint: &str) -> Option<[u16; 10]> {
    Some(match endpoint {
        "GET /api/v1/products/{id}/reviews" => all(200),
        "POST /api/v1/orders/{code}/reviews" => [ANON, 201, NO, NO, NO, NO, NO, NO, NO, NO],
        "GET /api/v1/shops/{id}/reviews" => [ANON, NO, NO, 200, NO, NO, NO, NO, NO, NO],
        "POST /api/v1/shops/{id}/reviews/{review_id}/reply" => [ANON, NO, NO, 200, NO, NO, NO, NO, NO, NO],
        "GET /api/v1/admin/villages/{id}/reviews" => admins(200),
        "POST /api/v1/admin/villages/{id}/reviews/{review_id}/hide"
        | "POST /api/v1/admin/villages/{id}/reviews/{review_id}/unhide" => admins(204),
        _ => return None,
    })
}

pub const ROWS: &[&str] = &[
    "GET /api/v1/products/{id}/reviews",
    "POST /api/v1/orders/{code}/reviews",
    "GET /api/v1/shops/{id}/reviews",
    "POST /api/v1/shops/{id}/reviews/{review_id}/reply",
    "GET /api/v1/admin/villages/{id}/reviews",
    "POST /api/v1/admin/villages/{id}/reviews/{review_id}/hide",
    "POST /api/v1/admin/villages/{id}/reviews/{review_id}/unhide",
];

/// A new product of this shop and a completed order of one unit of it by "shopper": (code, line id, product).
pub async fn completed_order(app: &TestApp, fx: &Fixture) -> (String, i64, i64) {
    let pool = &app.db().pool;
    let product: i64 = sqlx::query_scalar(
        "INSERT INTO products (shop_id, slug, name, description, price, unit, stock, sector, weight_grams, status, \
            created_at, updated_at) \
         VALUES ($1, 'uji', 'Produk Ulasan', '', 10000, 'pcs', 5, 'olahan', 100, 'active', 0, 0) RETURNING id",
    )
    .bind(fx.shop_id)
    .fetch_one(pool)
    .await
    .unwrap();
    let shopper = app.session_for(fx.users[1].expect("shopper")).await;
    let body = json!({ "buyer_name": "Rina", "buyer_whatsapp": "081100000001", "address": null, "shops": [{
        "shop_id": fx.shop_id, "delivery": "ambil", "payment": "tunai", "note": "",
        "lines": [{ "product_id": product, "quantity": 1, "price": 10000 }] }] });
    let placed = app.call_json(Method::POST, "/api/v1/orders", Some(&shopper), Some(&body), 201).await;
    let code = placed["orders"][0]["code"].as_str().expect("a code").to_owned();
    // Completed just now (the life cycle itself is the orders tests' business).
    sqlx::query("UPDATE orders SET status = 'selesai', status_at = $1 WHERE code = $2")
        .bind(backend::db::now_ms())
        .bind(&code)
        .execute(pool)
        .await
        .unwrap();
    let line: i64 =
        sqlx::query_scalar("SELECT l.id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.code = $1")
            .bind(&code)
            .fetch_one(pool)
            .await
            .unwrap();
    (code, line, product)
}

/// A new review by "shopper" of a product of this shop; answers (review id, product).
async fn a_review(app: &TestApp, fx: &Fixture) -> (i64, i64) {
    let (code, line, product) = completed_order(app, fx).await;
    let shopper = app.session_for(fx.users[1].expect("shopper")).await;
    let body = json!({ "line_id": line, "rating": 4, "text": "Bagus.", "photo_ids": [] });
    let path = format!("/api/v1/orders/{code}/reviews");
    let review = app.call_json(Method::POST, &path, Some(&shopper), Some(&body), 201).await;
    // Then as if completed long ago, so the shopper's other cells (uploading pictures) stay as they were.
    sqlx::query("UPDATE orders SET status_at = 0 WHERE code = $1").bind(&code).execute(&app.db().pool).await.unwrap();
    (review["id"].as_i64().expect("an id"), product)
}

/// Every completed order as if completed long ago, and every order on its way as completed long ago:
/// nobody has a purchase recent enough to upload pictures (of a review or a complaint).
pub async fn without_recent_purchases(app: &TestApp) {
    super::complaints::without_orders_on_their_way(app).await;
    sqlx::query("UPDATE orders SET status_at = 0 WHERE status = 'selesai'").execute(&app.db().pool).await.unwrap();
}

/// The request for `endpoint` by `role`, when it is one of this file's.
pub async fn request(app: &TestApp, fx: &Fixture, endpoint: &str, _role: usize) -> Option<(String, Option<Value>)> {
    let (shop, village) = (fx.shop_id, fx.village_id);
    Some(match endpoint {
        "GET /api/v1/products/{id}/reviews" => {
            (format!("/api/v1/products/{}/reviews", a_review(app, fx).await.1), None)
        }
        "POST /api/v1/orders/{code}/reviews" => {
            let (code, line, _) = completed_order(app, fx).await;
            let body = json!({ "line_id": line, "rating": 5, "text": "", "photo_ids": [] });
            (format!("/api/v1/orders/{code}/reviews"), Some(body))
        }
        "GET /api/v1/shops/{id}/reviews" => (format!("/api/v1/shops/{shop}/reviews"), None),
        "POST /api/v1/shops/{id}/reviews/{review_id}/reply" => {
            let path = format!("/api/v1/shops/{shop}/reviews/{}/reply", a_review(app, fx).await.0);
            (path, Some(json!({ "text": "Terima kasih, Kak!" })))
        }
        "GET /api/v1/admin/villages/{id}/reviews" => (format!("/api/v1/admin/villages/{village}/reviews"), None),
        "POST /api/v1/admin/villages/{id}/reviews/{review_id}/hide" => {
            let path = format!("/api/v1/admin/villages/{village}/reviews/{}/hide", a_review(app, fx).await.0);
            (path, Some(json!({ "reason": "Memuat kata kasar." })))
        }
        "POST /api/v1/admin/villages/{id}/reviews/{review_id}/unhide" => {
            (format!("/api/v1/admin/villages/{village}/reviews/{}/unhide", a_review(app, fx).await.0), None)
        }
        _ => return None,
    })
}
