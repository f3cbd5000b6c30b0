//! Reviews over HTTP: a buyer (signed in, or a guest with the order's number) rates the lines of a
//! completed order once each, within the window; the seller replies once; the village admin hides one with
//! a reason. This file holds the helpers the tests share.

mod catalog;
mod moderation;
mod pages;
mod refusals;
mod writing;

use lapak_tests::TestApp;
use reqwest::{Method, Response};
use serde_json::{Value, json};
use shared::{ProductDetail, Storefront, api::Endpoint, order::Order};

use crate::orders::{
    Seller, as_guest, checkout, choice, guest_moves, guest_order, line, order_of, placed, product, seller_moved,
};

/// The village admin of Darmaji, where Darma Tani sells.
pub const DARMAJI_ADMIN: &str = "081152020001";
/// The district admin of Lombok Barat (Senggigi's kabupaten, not Darmaji's).
pub const LOMBOK_BARAT_ADMIN: &str = "081152010000";

/// What every product of these tests costs.
pub const PRICE: i64 = 40_000;

/// Two new products of the seller's shop.
pub async fn two_products(app: &TestApp, seller: &Seller) -> (i64, i64) {
    (
        product(app, seller.shop, "Kopi Ulasan", PRICE, 20, 250).await,
        product(app, seller.shop, "Madu Ulasan", PRICE, 20, 500).await,
    )
}

/// An order of one unit of each of `products`, collected and paid in cash, placed by the buyer with
/// WhatsApp `phone` (signed in with `cookie`, or a guest) and left new.
pub async fn new_order(app: &TestApp, seller: &Seller, cookie: Option<&str>, phone: &str, products: &[i64]) -> String {
    let lines: Vec<Value> = products.iter().map(|p| line(*p, 1, PRICE)).collect();
    let body = checkout(phone, &[choice(seller.shop, "ambil", "tunai", &lines)]);
    placed(app, cookie, &body).await.orders[0].code.clone()
}

/// An order like [`new_order`], accepted, made ready and received by its buyer: completed now.
pub async fn completed(app: &TestApp, seller: &Seller, cookie: Option<&str>, phone: &str, products: &[i64]) -> Order {
    let code = new_order(app, seller, cookie, phone, products).await;
    seller_moved(app, seller, &code, json!({ "action": "terima" })).await;
    seller_moved(app, seller, &code, json!({ "action": "siap_diambil" })).await;
    order_of(guest_moves(app, &code, phone, &json!({ "action": "selesai" })).await).await;
    guest_order(app, &code, phone).await
}

/// A review of line `line_id` with `rating` stars.
pub fn review(line_id: i64, rating: u8, text: &str, photos: &[i64]) -> Value {
    json!({ "line_id": line_id, "rating": rating, "text": text, "photo_ids": photos })
}

/// Writes `body` on the order `code` as the holder of `cookie`.
pub async fn write_signed_in(app: &TestApp, code: &str, cookie: &str, body: &Value) -> Response {
    app.call(Method::POST, &format!("/api/v1/orders/{code}/reviews"), Some(cookie), Some(body)).await
}

/// Writes `body` on the order `code` as its guest buyer with WhatsApp `phone`.
pub async fn write_as_guest(app: &TestApp, code: &str, phone: &str, body: &Value) -> Response {
    as_guest(app, Method::POST, &format!("/api/v1/orders/{code}/reviews"), phone, Some(body)).await
}

/// Parses a JSON answer, expecting `status`.
pub async fn answer<T: serde::de::DeserializeOwned>(res: Response, status: u16) -> T {
    let got = res.status().as_u16();
    let url = res.url().to_string();
    let text = res.text().await.unwrap_or_default();
    assert_eq!(got, status, "{url}: {text}");
    serde_json::from_str(&text).expect("the expected answer")
}

/// The product's public page (JSON).
pub async fn product_page(app: &TestApp, id: i64) -> ProductDetail {
    answer(app.get(&format!("/api/v1/products/{id}")).await, 200).await
}

/// The shop's public page (JSON).
pub async fn storefront(app: &TestApp, slug: &str) -> Storefront {
    let path = shared::api::shops::Storefront { slug: slug.into() }.path();
    answer(app.get(&path).await, 200).await
}

/// The slug of the seller's shop.
pub async fn shop_slug(app: &TestApp, seller: &Seller) -> String {
    sqlx::query_scalar("SELECT slug FROM shops WHERE id = $1")
        .bind(seller.shop)
        .fetch_one(&app.db().pool)
        .await
        .unwrap()
}

/// Rows written by reviews: (reviews, their photos).
pub async fn written(app: &TestApp) -> (i64, i64) {
    (app.count("reviews", "1 = 1").await, app.count("review_photos", "1 = 1").await)
}

/// Uploads a picture as the holder of `cookie`; answers its id.
pub async fn photo(app: &TestApp, cookie: &str) -> i64 {
    let res = app.upload("/api/v1/images", Some(cookie), "image/png", lapak_tests::sample_png(64, 48)).await;
    let image: shared::Image = answer(res, 201).await;
    image.id
}
