//! What each producer earned, over HTTP: a BUMDes shop's member producers are credited the lines of
//! their products when an order completes (nothing for open or cancelled orders), with the shop's fee
//! computed exactly; payouts lower the balance and bad ones write nothing; statements cover a range;
//! nobody but the shop's owner reads or writes any of it. This file holds the helpers the tests share.

mod credits;
mod dashboard;
mod payouts;
mod statement;

use lapak_tests::TestApp;
use reqwest::{Method, Response};
use serde_json::{Value, json};
use shared::producer_ledger::ProducerAccount;

use crate::orders::{Seller, checkout, choice, guest_moves, line, order_of, placed, seller_moved};
use crate::reviews::answer;

/// The guest buyer of these tests.
pub const GUEST: &str = "081977700301";

/// A new member producer of the seller's shop, with the shop's fee `fee` (`{"kind": …, "value": …}`).
pub async fn producer(app: &TestApp, seller: &Seller, name: &str, fee: Value) -> i64 {
    let path = format!("/api/v1/shops/{}/producers", seller.shop);
    let body = json!({ "name": name, "dusun": "Lendang", "makes": "keripik" });
    let made = app.call_json(Method::POST, &path, Some(&seller.cookie), Some(&body), 201).await;
    let id = made["id"].as_i64().expect("an id");
    let terms = json!({ "fee": fee, "phone": "" });
    let path = format!("/api/v1/shops/{}/producers/{id}/terms", seller.shop);
    app.call_json(Method::PUT, &path, Some(&seller.cookie), Some(&terms), 200).await;
    id
}

/// A listed product of the seller's shop made by `producer` (none: the shop's own).
pub async fn product_of(app: &TestApp, seller: &Seller, name: &str, price: i64, producer: Option<i64>) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO products (shop_id, slug, name, description, price, unit, stock, sector, weight_grams, status, \
            producer_id, created_at, updated_at) VALUES ($1, 'uji', $2, '', $3, 'pcs', 50, 'olahan', 100, 'active', \
            $4, 0, 0) RETURNING id",
    )
    .bind(seller.shop)
    .bind(name)
    .bind(price)
    .bind(producer)
    .fetch_one(&app.db().pool)
    .await
    .expect("insert a product")
}

/// A new cash order for pickup by the guest: (product, quantity, price) per line; answers its code.
pub async fn new_order(app: &TestApp, seller: &Seller, lines: &[(i64, i64, i64)]) -> String {
    let lines: Vec<Value> = lines.iter().map(|(p, q, price)| line(*p, *q, *price)).collect();
    let body = checkout(GUEST, &[choice(seller.shop, "ambil", "tunai", &lines)]);
    placed(app, None, &body).await.orders[0].code.clone()
}

/// Accepts, readies and lets the guest receive the order: it completes.
pub async fn complete(app: &TestApp, seller: &Seller, code: &str) {
    seller_moved(app, seller, code, json!({ "action": "terima" })).await;
    seller_moved(app, seller, code, json!({ "action": "siap_diambil" })).await;
    let done = order_of(guest_moves(app, code, GUEST, &json!({ "action": "selesai" })).await).await;
    assert_eq!(done.status, shared::OrderStatus::Completed);
}

/// The shop's producers' accounts, as its owner reads them.
pub async fn accounts(app: &TestApp, seller: &Seller) -> Vec<ProducerAccount> {
    let path = format!("/api/v1/shops/{}/producer-ledger", seller.shop);
    answer(app.call(Method::GET, &path, Some(&seller.cookie), None).await, 200).await
}

/// The account of producer `id`.
pub async fn account(app: &TestApp, seller: &Seller, id: i64) -> ProducerAccount {
    accounts(app, seller).await.into_iter().find(|a| a.producer.id == id).expect("the producer's account")
}

/// Sends a payout `body` for the producer as `cookie`'s holder.
pub async fn pay(app: &TestApp, shop: i64, producer: i64, cookie: &str, body: &Value) -> Response {
    let path = format!("/api/v1/shops/{shop}/producers/{producer}/payouts");
    app.call(Method::POST, &path, Some(cookie), Some(body)).await
}

/// Today's local date and the date `days` before it, as the server counts days.
pub fn date_before(app: &TestApp, days: i64) -> String {
    let today = app.state.config.time_zone.day_of(backend::db::now_ms());
    shared::producer_ledger::day_date(today - days)
}

/// Rows of the ledger: (credits, payouts, receipt photos).
pub async fn written(app: &TestApp) -> (i64, i64, i64) {
    (
        app.count("producer_credits", "1 = 1").await,
        app.count("producer_payouts", "1 = 1").await,
        app.count("producer_payout_photos", "1 = 1").await,
    )
}
