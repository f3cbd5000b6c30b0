//! Certificates over HTTP: a seller adds them to a product with a photo of the document (each kind's
//! number and the dates checked, bad ones writing nothing; other shops' owners kept out), the village
//! admin verifies or refuses them (audit rows; other villages' admins kept out), and only verified ones
//! within their dates show on the product's JSON, page and JSON-LD, its catalog card and the catalog's
//! `sertifikat` filter — an expired one disappears by itself. This file holds the helpers the tests share.

mod showing;
mod verifying;
mod writing;

use lapak_tests::TestApp;
use reqwest::{Method, Response};
use serde_json::{Value, json};
use shared::certificate::Certificate;

use crate::orders::Seller;
use crate::reviews::{DARMAJI_ADMIN, answer};

/// A halal certificate from BPJPH without an end.
pub fn halal(photo: i64) -> Value {
    json!({ "kind": "halal", "number": "ID35110000123450622", "issuer": "BPJPH Kementerian Agama",
        "expires_on": null, "photo_id": photo })
}

/// A P-IRT certificate valid until `expires_on`.
pub fn pirt(photo: i64, expires_on: &str) -> Value {
    json!({ "kind": "pirt", "number": "P-IRT No. 2063509010473-23", "issuer": "Dinas Kesehatan Lombok Barat",
        "expires_on": expires_on, "photo_id": photo })
}

/// The address of the product's certificates in the seller's shop.
pub fn of_product(seller: &Seller, product: i64) -> String {
    format!("/api/v1/shops/{}/products/{product}/certificates", seller.shop)
}

/// Adds `body` to the product as its seller.
pub async fn add(app: &TestApp, seller: &Seller, product: i64, body: &Value) -> Response {
    app.call(Method::POST, &of_product(seller, product), Some(&seller.cookie), Some(body)).await
}

/// Adds `body` to the product, expecting it to be accepted.
pub async fn added(app: &TestApp, seller: &Seller, product: i64, body: &Value) -> Certificate {
    answer(add(app, seller, product, body).await, 201).await
}

/// The product's certificates as its seller reads them.
pub async fn listed(app: &TestApp, seller: &Seller, product: i64) -> Vec<Certificate> {
    answer(app.call(Method::GET, &of_product(seller, product), Some(&seller.cookie), None).await, 200).await
}

/// Certificates stored.
pub async fn written(app: &TestApp) -> i64 {
    app.count("product_certificates", "1 = 1").await
}

/// The id of the village with `slug`.
pub async fn village(app: &TestApp, slug: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM villages WHERE slug = $1").bind(slug).fetch_one(&app.db().pool).await.unwrap()
}

/// A session of Darmaji's village admin.
pub async fn darmaji_admin(app: &TestApp) -> String {
    app.session_for(app.user_id(DARMAJI_ADMIN).await).await
}

/// The admin behind `cookie` verifies certificate `id` through village `village`'s address.
pub async fn verify(app: &TestApp, cookie: &str, village: i64, id: i64) -> Response {
    let path = format!("/api/v1/admin/villages/{village}/certificates/{id}/verify");
    app.call(Method::POST, &path, Some(cookie), None).await
}

/// Verifies certificate `id` of a Darmaji product as Darmaji's admin.
pub async fn verified(app: &TestApp, id: i64) {
    let darmaji = village(app, "darmaji").await;
    assert_eq!(verify(app, &darmaji_admin(app).await, darmaji, id).await.status().as_u16(), 204);
}

/// The server's date `days` from today (negative: before), `YYYY-MM-DD`.
pub fn from_today(app: &TestApp, days: i64) -> String {
    let today = backend::time_zone::day_number(&app.db().today()).expect("today is a date");
    backend::time_zone::date_of(today + days)
}
