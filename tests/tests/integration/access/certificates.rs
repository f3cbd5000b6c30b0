//! The matrix rows of certificates: a product's certificates, adding, changing and removing one (the
//! shop's owner alone), and the village's certificates, verifying and refusing one (the village's admin and
//! the district admin of its region); each request that writes on a fresh certificate.

use lapak_tests::TestApp;
use serde_json::{Value, json};

use super::{ANON, NO, fixture::Fixture};

/// The owner of this shop alone.
const fn owner(status: u16) -> [u16; 10] {
    [ANON, NO, NO, status, NO, NO, NO, NO, NO, NO]
}

/// The village admin here and the district admin of its region.
const fn admins(status: u16) -> [u16; 10] {
    [ANON, NO, NO, NO, NO, NO, status, NO, status, NO]
}

pub fn expected(endpoint: &str) -> Option<[u16; 10]> {
    Some(match endpoint {
        "GET /api/v1/shops/{id}/products/{product_id}/certificates" => owner(200),
        "POST /api/v1/shops/{id}/products/{product_id}/certificates" => owner(201),
        "PUT /api/v1/shops/{id}/certificates/{certificate_id}" => owner(200),
        "DELETE /api/v1/shops/{id}/certificates/{certificate_id}" => owner(204),
        "GET /api/v1/admin/villages/{id}/certificates" => admins(200),
        "POST /api/v1/admin/villages/{id}/certificates/{certificate_id}/verify"
        | "POST /api/v1/admin/villages/{id}/certificates/{certificate_id}/refuse" => admins(204),
        _ => return None,
    })
}

pub const ROWS: &[&str] = &[
    "GET /api/v1/shops/{id}/products/{product_id}/certificates",
    "POST /api/v1/shops/{id}/products/{product_id}/certificates",
    "PUT /api/v1/shops/{id}/certificates/{certificate_id}",
    "DELETE /api/v1/shops/{id}/certificates/{certificate_id}",
    "GET /api/v1/admin/villages/{id}/certificates",
    "POST /api/v1/admin/villages/{id}/certificates/{certificate_id}/verify",
    "POST /api/v1/admin/villages/{id}/certificates/{certificate_id}/refuse",
];

/// A new draft product of this shop.
async fn product(app: &TestApp, fx: &Fixture) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO products (shop_id, slug, name, description, price, unit, stock, sector, weight_grams, status, \
            created_at, updated_at) \
         VALUES ($1, 'uji', 'Produk Sertifikat', '', 10000, 'pcs', 5, 'olahan', 100, 'draft', 0, 0) RETURNING id",
    )
    .bind(fx.shop_id)
    .fetch_one(&app.db().pool)
    .await
    .unwrap()
}

/// A picture uploaded by this shop's owner.
async fn photo(app: &TestApp, fx: &Fixture) -> i64 {
    fx.image(app, fx.users[3].expect("seller")).await
}

/// A new waiting halal certificate of a new product of this shop: (certificate, its photo).
async fn certificate(app: &TestApp, fx: &Fixture) -> (i64, i64) {
    let (product, photo) = (product(app, fx).await, photo(app, fx).await);
    let id = sqlx::query_scalar(
        "INSERT INTO product_certificates (product_id, kind, number, issuer, expires_on, photo_id, status, created_at, \
            updated_at) VALUES ($1, 'halal', 'ID35110000123450622', 'BPJPH', NULL, $2, 'waiting', 0, 0) RETURNING id",
    )
    .bind(product)
    .bind(photo)
    .fetch_one(&app.db().pool)
    .await
    .unwrap();
    (id, photo)
}

fn form(photo: i64) -> Value {
    json!({ "kind": "pirt", "number": "P-IRT No. 2063509010473-23", "issuer": "Dinas Kesehatan Lombok Barat",
        "expires_on": "2030-12-31", "photo_id": photo })
}

/// The request for `endpoint` by `role`, when it is one of this file's.
pub async fn request(app: &TestApp, fx: &Fixture, endpoint: &str, _role: usize) -> Option<(String, Option<Value>)> {
    let shop = format!("/api/v1/shops/{}", fx.shop_id);
    let village = format!("/api/v1/admin/villages/{}", fx.village_id);
    Some(match endpoint {
        "GET /api/v1/shops/{id}/products/{product_id}/certificates" => {
            (format!("{shop}/products/{}/certificates", product(app, fx).await), None)
        }
        "POST /api/v1/shops/{id}/products/{product_id}/certificates" => {
            let path = format!("{shop}/products/{}/certificates", product(app, fx).await);
            (path, Some(form(photo(app, fx).await)))
        }
        "PUT /api/v1/shops/{id}/certificates/{certificate_id}" => {
            let (id, photo) = certificate(app, fx).await;
            (format!("{shop}/certificates/{id}"), Some(form(photo)))
        }
        "DELETE /api/v1/shops/{id}/certificates/{certificate_id}" => {
            (format!("{shop}/certificates/{}", certificate(app, fx).await.0), None)
        }
        "GET /api/v1/admin/villages/{id}/certificates" => (format!("{village}/certificates"), None),
        "POST /api/v1/admin/villages/{id}/certificates/{certificate_id}/verify" => {
            (format!("{village}/certificates/{}/verify", certificate(app, fx).await.0), None)
        }
        "POST /api/v1/admin/villages/{id}/certificates/{certificate_id}/refuse" => {
            let body = json!({ "reason": "Foto dokumen tidak terbaca." });
            (format!("{village}/certificates/{}/refuse", certificate(app, fx).await.0), Some(body))
        }
        _ => return None,
    })
}
