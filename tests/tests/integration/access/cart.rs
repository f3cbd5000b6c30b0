//! The matrix rows of the buyer's own things: the guest cart view (anyone), and the signed-in cart,
//! address book and notifications (anyone signed in, each acting on their own records).

use lapak_tests::TestApp;
use serde_json::{Value, json};

use super::{all, fixture::Fixture, signed_in};

pub fn expected(endpoint: &str) -> Option<[u16; 10]> {
    Some(match endpoint {
        "POST /api/v1/cart/view" => all(200),
        "GET /api/v1/me/cart"
        | "PUT /api/v1/me/cart/items/{product_id}"
        | "DELETE /api/v1/me/cart/items/{product_id}"
        | "POST /api/v1/me/cart/merge"
        | "GET /api/v1/me/addresses"
        | "GET /api/v1/me/notifications" => signed_in(200),
        "POST /api/v1/me/addresses" => signed_in(201),
        "DELETE /api/v1/me/addresses/{id}" | "POST /api/v1/me/notifications/read" => signed_in(204),
        _ => return None,
    })
}

pub const ROWS: &[&str] = &[
    "POST /api/v1/cart/view",
    "GET /api/v1/me/cart",
    "PUT /api/v1/me/cart/items/{product_id}",
    "DELETE /api/v1/me/cart/items/{product_id}",
    "POST /api/v1/me/cart/merge",
    "GET /api/v1/me/addresses",
    "POST /api/v1/me/addresses",
    "DELETE /api/v1/me/addresses/{id}",
    "GET /api/v1/me/notifications",
    "POST /api/v1/me/notifications/read",
];

/// A listed product of this shop with stock.
async fn product(app: &TestApp, fx: &Fixture) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO products (shop_id, slug, name, description, price, unit, stock, sector, weight_grams, status, \
            created_at, updated_at) VALUES ($1, 'uji', 'Produk Uji', '', 10000, 'pcs', 5, 'olahan', 100, 'active', 0, 0) \
         RETURNING id",
    )
    .bind(fx.shop_id)
    .fetch_one(&app.db().pool)
    .await
    .unwrap()
}

/// Darmaji, a desa of the region table.
fn address() -> Value {
    json!({ "recipient": "Baiq Nurul", "whatsapp": "081234567890", "desa_code": "52.02.09.2008",
        "street": "Jl. Raya Kopang 12", "rt_rw": "", "landmark": "" })
}

/// A saved address of the user asking (any id for anonymous).
async fn saved_address(app: &TestApp, user: Option<i64>) -> i64 {
    let Some(user) = user else { return 1 };
    sqlx::query_scalar(
        "INSERT INTO addresses (user_id, recipient, whatsapp, desa_code, street, created_at) \
         VALUES ($1, 'Baiq Nurul', '6281234567890', '52.02.09.2008', 'Jl. Raya Kopang 12', 0) RETURNING id",
    )
    .bind(user)
    .fetch_one(&app.db().pool)
    .await
    .unwrap()
}

/// The request for `endpoint` by `role`, when it is one of this file's.
pub async fn request(app: &TestApp, fx: &Fixture, endpoint: &str, role: usize) -> Option<(String, Option<Value>)> {
    Some(match endpoint {
        "POST /api/v1/cart/view" => {
            let items = json!([{ "product_id": product(app, fx).await, "quantity": 1 }]);
            ("/api/v1/cart/view".into(), Some(items))
        }
        "PUT /api/v1/me/cart/items/{product_id}" => {
            let id = product(app, fx).await;
            (format!("/api/v1/me/cart/items/{id}"), Some(json!({ "product_id": id, "quantity": 2 })))
        }
        "DELETE /api/v1/me/cart/items/{product_id}" => {
            (format!("/api/v1/me/cart/items/{}", product(app, fx).await), None)
        }
        "POST /api/v1/me/cart/merge" => {
            let items = json!([{ "product_id": product(app, fx).await, "quantity": 1 }]);
            ("/api/v1/me/cart/merge".into(), Some(items))
        }
        "POST /api/v1/me/addresses" => ("/api/v1/me/addresses".into(), Some(address())),
        "DELETE /api/v1/me/addresses/{id}" => {
            (format!("/api/v1/me/addresses/{}", saved_address(app, fx.users[role]).await), None)
        }
        "POST /api/v1/me/notifications/read" => ("/api/v1/me/notifications/read".into(), Some(json!({ "ids": [] }))),
        _ => return None,
    })
}
