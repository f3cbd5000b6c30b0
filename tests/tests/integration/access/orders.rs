//! The matrix rows of orders: quoting and placing (anyone, guests too), one order and its moves for its
//! buyer (orders placed by "shopper"), a signed-in buyer's history, and a shop's orders for its owner
//! alone; each request on a fresh order so every allowed call has something to act on.

use lapak_tests::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

use super::{ANON, NO, all, fixture::Fixture, signed_in};

/// The buyer of the order ("shopper") alone.
const fn buyer(status: u16) -> [u16; 10] {
    [ANON, status, NO, NO, NO, NO, NO, NO, NO, NO]
}

/// The seller of this shop alone.
const fn owner(status: u16) -> [u16; 10] {
    [ANON, NO, NO, status, NO, NO, NO, NO, NO, NO]
}

pub fn expected(endpoint: &str) -> Option<[u16; 10]> {
    Some(match endpoint {
        "POST /api/v1/orders/quote" => all(200),
        "POST /api/v1/orders" => all(201),
        "GET /api/v1/orders/{code}" | "POST /api/v1/orders/{code}/actions" | "POST /api/v1/orders/{code}/receipt" => {
            buyer(200)
        }
        "GET /api/v1/me/orders" => signed_in(200),
        "GET /api/v1/shops/{id}/orders"
        | "GET /api/v1/shops/{id}/orders/{code}"
        | "POST /api/v1/shops/{id}/orders/{code}/actions"
        | "GET /api/v1/shops/{id}/orders.csv" => owner(200),
        _ => return None,
    })
}

pub const ROWS: &[&str] = &[
    "POST /api/v1/orders/quote",
    "POST /api/v1/orders",
    "GET /api/v1/orders/{code}",
    "POST /api/v1/orders/{code}/actions",
    "POST /api/v1/orders/{code}/receipt",
    "GET /api/v1/me/orders",
    "GET /api/v1/shops/{id}/orders",
    "GET /api/v1/shops/{id}/orders/{code}",
    "POST /api/v1/shops/{id}/orders/{code}/actions",
    "GET /api/v1/shops/{id}/orders.csv",
];

/// A checkout of one unit of a new product of this shop, collected and paid by `payment`.
async fn checkout(app: &TestApp, fx: &Fixture, payment: &str) -> Value {
    let product: i64 = sqlx::query_scalar(
        "INSERT INTO products (shop_id, slug, name, description, price, unit, stock, sector, weight_grams, status, \
            created_at, updated_at) \
         VALUES ($1, 'uji', 'Produk Uji', '', 10000, 'pcs', 5, 'olahan', 100, 'active', 0, 0) RETURNING id",
    )
    .bind(fx.shop_id)
    .fetch_one(&app.db().pool)
    .await
    .unwrap();
    json!({ "buyer_name": "Rina", "buyer_whatsapp": "081100000001", "address": null, "shops": [{
        "shop_id": fx.shop_id, "delivery": "ambil", "payment": payment, "note": "",
        "lines": [{ "product_id": product, "quantity": 1, "price": 10000 }] }] })
}

/// A new order placed by "shopper" with their session; answers its code.
async fn shoppers_order(app: &TestApp, fx: &Fixture, payment: &str) -> String {
    let shopper = app.session_for(fx.users[1].expect("shopper")).await;
    let body = checkout(app, fx, payment).await;
    let placed = app.call_json(Method::POST, "/api/v1/orders", Some(&shopper), Some(&body), 201).await;
    placed["orders"][0]["code"].as_str().expect("a code").to_owned()
}

/// A new transfer order of "shopper", accepted by the seller: it awaits the receipt photo.
async fn awaiting_payment(app: &TestApp, fx: &Fixture) -> String {
    let accounts = json!([{ "bank": "BRI", "number": "123401000567", "holder": "Lapak Uji" }]).to_string();
    sqlx::query("UPDATE shops SET bank_accounts = $1 WHERE id = $2")
        .bind(accounts)
        .bind(fx.shop_id)
        .execute(&app.db().pool)
        .await
        .unwrap();
    let code = shoppers_order(app, fx, "transfer").await;
    let seller = app.session_for(fx.users[3].expect("seller")).await;
    let path = format!("/api/v1/shops/{}/orders/{code}/actions", fx.shop_id);
    app.call_json(Method::POST, &path, Some(&seller), Some(&json!({ "action": "terima" })), 200).await;
    code
}

/// The request for `endpoint` by `role`, when it is one of this file's (the receipt is sent as a picture).
pub async fn request(app: &TestApp, fx: &Fixture, endpoint: &str, _role: usize) -> Option<(String, Option<Value>)> {
    let shop = format!("/api/v1/shops/{}", fx.shop_id);
    Some(match endpoint {
        "POST /api/v1/orders/quote" => ("/api/v1/orders/quote".into(), Some(checkout(app, fx, "tunai").await)),
        "POST /api/v1/orders" => ("/api/v1/orders".into(), Some(checkout(app, fx, "tunai").await)),
        "GET /api/v1/orders/{code}" => (format!("/api/v1/orders/{}", shoppers_order(app, fx, "tunai").await), None),
        "POST /api/v1/orders/{code}/actions" => {
            let path = format!("/api/v1/orders/{}/actions", shoppers_order(app, fx, "tunai").await);
            (path, Some(json!({ "action": "batal" })))
        }
        "POST /api/v1/orders/{code}/receipt" => {
            (format!("/api/v1/orders/{}/receipt", awaiting_payment(app, fx).await), None)
        }
        "GET /api/v1/shops/{id}/orders" => (format!("{shop}/orders?status=baru"), None),
        "GET /api/v1/shops/{id}/orders/{code}" => {
            (format!("{shop}/orders/{}", shoppers_order(app, fx, "tunai").await), None)
        }
        "POST /api/v1/shops/{id}/orders/{code}/actions" => {
            let path = format!("{shop}/orders/{}/actions", shoppers_order(app, fx, "tunai").await);
            (path, Some(json!({ "action": "terima" })))
        }
        "GET /api/v1/shops/{id}/orders.csv" => (format!("{shop}/orders.csv?dari=2026-01-01&sampai=2026-12-31"), None),
        _ => return None,
    })
}
