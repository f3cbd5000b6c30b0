//! The marketplace's rows of the matrix: the catalog and public pages, a seller's settings, listings and
//! figures (only the shop's owner), and moderation (only the village's admins), each request on
//! fresh records so every allowed call has something to act on.

use lapak_tests::TestApp;
use reqwest::Method;
use serde_json::{Value, json};
use shared::ShopStatus;

use super::{ANON, NO, all, fixture::Fixture};

/// The seller of this shop alone.
const fn owner(status: u16) -> [u16; 10] {
    [ANON, NO, NO, status, NO, NO, NO, NO, NO, NO]
}

/// The village's admin and the district admin of its region.
const fn village_admin_or_district(status: u16) -> [u16; 10] {
    [ANON, NO, NO, NO, NO, NO, status, NO, status, NO]
}

pub fn expected(endpoint: &str) -> Option<[u16; 10]> {
    Some(match endpoint {
        "GET /api/v1/catalog" | "GET /api/v1/catalog/facets" | "GET /api/v1/products/{id}" => all(200),
        "GET /api/v1/storefronts/{slug}" => all(200),
        "GET /api/v1/shops/{id}/settings" | "PUT /api/v1/shops/{id}/settings" => owner(200),
        "GET /api/v1/shops/{id}/products" | "PUT /api/v1/shops/{id}/products/{product_id}" => owner(200),
        "POST /api/v1/shops/{id}/products" => owner(201),
        "DELETE /api/v1/shops/{id}/products/{product_id}" => owner(204),
        "GET /api/v1/shops/{id}/figures"
        | "GET /api/v1/shops/{id}/figures/{report}"
        | "GET /api/v1/shops/{id}/figures/{report}/unduh" => owner(200),
        "GET /api/v1/admin/villages/{id}/products" | "GET /api/v1/admin/villages/{id}/shops" => {
            village_admin_or_district(200)
        }
        "POST /api/v1/admin/villages/{id}/products/{product_id}/hide"
        | "POST /api/v1/admin/villages/{id}/products/{product_id}/unhide"
        | "POST /api/v1/admin/villages/{id}/shops/{shop_id}/suspend"
        | "POST /api/v1/admin/villages/{id}/shops/{shop_id}/reinstate"
        | "PUT /api/v1/admin/villages/{id}/shops/{shop_id}/enterprise" => village_admin_or_district(204),
        _ => return None,
    })
}

pub const ROWS: &[&str] = &[
    "GET /api/v1/catalog",
    "GET /api/v1/catalog/facets",
    "GET /api/v1/products/{id}",
    "GET /api/v1/storefronts/{slug}",
    "GET /api/v1/shops/{id}/settings",
    "PUT /api/v1/shops/{id}/settings",
    "GET /api/v1/shops/{id}/products",
    "POST /api/v1/shops/{id}/products",
    "PUT /api/v1/shops/{id}/products/{product_id}",
    "DELETE /api/v1/shops/{id}/products/{product_id}",
    "GET /api/v1/shops/{id}/figures",
    "GET /api/v1/shops/{id}/figures/{report}",
    "GET /api/v1/shops/{id}/figures/{report}/unduh",
    "GET /api/v1/admin/villages/{id}/products",
    "POST /api/v1/admin/villages/{id}/products/{product_id}/hide",
    "POST /api/v1/admin/villages/{id}/products/{product_id}/unhide",
    "GET /api/v1/admin/villages/{id}/shops",
    "POST /api/v1/admin/villages/{id}/shops/{shop_id}/suspend",
    "POST /api/v1/admin/villages/{id}/shops/{shop_id}/reinstate",
    "PUT /api/v1/admin/villages/{id}/shops/{shop_id}/enterprise",
];

/// A draft listing of this shop, at version 1.
async fn product(app: &TestApp, fx: &Fixture) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO products (shop_id, slug, name, description, price, unit, stock, sector, weight_grams, status, \
            created_at, updated_at) VALUES ($1, 'uji', 'Produk Uji', '', 10000, 'pcs', 5, 'olahan', 100, 'draft', 0, 0) \
         RETURNING id",
    )
    .bind(fx.shop_id)
    .fetch_one(&app.db().pool)
    .await
    .unwrap()
}

/// A shop of a new seller in this village, with `status`.
async fn other_shop(app: &TestApp, fx: &Fixture, status: ShopStatus) -> i64 {
    let owner = fx.user(app, "Penjual Uji").await;
    fx.shop(app, owner, fx.village_id, status).await
}

fn product_form(version: i64) -> Value {
    json!({ "version": version, "name": "Keripik Uji Akses", "sector": "olahan", "description_md": "", "price": 12000,
        "unit": "bungkus", "min_order": 1, "stock": 4, "weight_grams": 200, "photo_ids": [], "producer_id": null,
        "status": "draft" })
}

/// The request for `endpoint` by `role`, when it is one of this file's.
pub async fn request(app: &TestApp, fx: &Fixture, endpoint: &str, _role: usize) -> Option<(String, Option<Value>)> {
    let shop = format!("/api/v1/shops/{}", fx.shop_id);
    let village = format!("/api/v1/admin/villages/{}", fx.village_id);
    Some(match endpoint {
        "GET /api/v1/catalog" => ("/api/v1/catalog?q=sambal&kategori=olahan".into(), None),
        "GET /api/v1/shops/{id}/figures" => (format!("{shop}/figures"), None),
        "GET /api/v1/shops/{id}/figures/{report}" => (format!("{shop}/figures/produk"), None),
        "GET /api/v1/shops/{id}/figures/{report}/unduh" => {
            (format!("{shop}/figures/data-pesanan/unduh?format=xlsx"), None)
        }
        "GET /api/v1/catalog/facets" => ("/api/v1/catalog/facets?q=kripik".into(), None),
        "GET /api/v1/products/{id}" => {
            let id: i64 = sqlx::query_scalar("SELECT MIN(id) FROM products WHERE status = 'active'")
                .fetch_one(&app.db().pool)
                .await
                .unwrap();
            (format!("/api/v1/products/{id}"), None)
        }
        "GET /api/v1/storefronts/{slug}" => ("/api/v1/storefronts/lapak-bumdes-darma-tani".into(), None),
        "GET /api/v1/shops/{id}/settings" => (format!("{shop}/settings"), None),
        "PUT /api/v1/shops/{id}/settings" => {
            // The current settings, saved unchanged: a valid body at the current version.
            let seller = app.session_for(fx.users[3].expect("seller")).await;
            let form = app.call_json(Method::GET, &format!("{shop}/settings"), Some(&seller), None, 200).await;
            (format!("{shop}/settings"), Some(form))
        }
        "GET /api/v1/shops/{id}/products" => (format!("{shop}/products"), None),
        "POST /api/v1/shops/{id}/products" => (format!("{shop}/products"), Some(product_form(0))),
        "PUT /api/v1/shops/{id}/products/{product_id}" => {
            (format!("{shop}/products/{}", product(app, fx).await), Some(product_form(1)))
        }
        "DELETE /api/v1/shops/{id}/products/{product_id}" => {
            (format!("{shop}/products/{}", product(app, fx).await), None)
        }
        "GET /api/v1/admin/villages/{id}/products" => (format!("{village}/products"), None),
        "POST /api/v1/admin/villages/{id}/products/{product_id}/hide" => {
            let body = json!({ "reason": "Foto tidak sesuai barangnya." });
            (format!("{village}/products/{}/hide", product(app, fx).await), Some(body))
        }
        "POST /api/v1/admin/villages/{id}/products/{product_id}/unhide" => {
            (format!("{village}/products/{}/unhide", product(app, fx).await), None)
        }
        "GET /api/v1/admin/villages/{id}/shops" => (format!("{village}/shops"), None),
        "POST /api/v1/admin/villages/{id}/shops/{shop_id}/suspend" => {
            let id = other_shop(app, fx, ShopStatus::Active).await;
            (format!("{village}/shops/{id}/suspend"), Some(json!({ "reason": "Banyak pesanan tidak dikirim." })))
        }
        "POST /api/v1/admin/villages/{id}/shops/{shop_id}/reinstate" => {
            let id = other_shop(app, fx, ShopStatus::Suspended).await;
            (format!("{village}/shops/{id}/reinstate"), None)
        }
        "PUT /api/v1/admin/villages/{id}/shops/{shop_id}/enterprise" => {
            let id = other_shop(app, fx, ShopStatus::Active).await;
            (format!("{village}/shops/{id}/enterprise"), Some(json!({ "enterprise_id": null })))
        }
        _ => return None,
    })
}
