//! Issue 18, item 8: nobody without an account can empty the marketplace. Guest checkouts are limited
//! per client address and per WhatsApp number (429 with `Retry-After`, nothing written; refused and
//! replayed checkouts do not count), a shop sets the most units one order may take of a product (422
//! naming the line, at quote and at placing), and a guest's line is bounded where the shop sets nothing.

use std::time::Duration;

use backend::rate_limit::Limit;
use lapak_tests::{Engine, TestApp, on_both_databases, on_both_engines};
use reqwest::Method;
use serde_json::{Value, json};

use super::{
    DARMA_TANI, SHOPPER, checkout, choice, fresh_key, line, place, placed, product, refused, seller, settle, stock,
    written,
};

on_both_engines!(guest_checkouts_are_limited_per_address_and_number);
on_both_databases!(a_shop_bounds_each_line_and_guests_are_bounded);

fn hour(events: i64) -> Limit {
    Limit { events, window: Duration::from_secs(3600) }
}

async fn guest_checkouts_are_limited_per_address_and_number(engine: Engine) {
    let Some(app) = TestApp::spawn_with(engine, |c| {
        c.guest_checkouts_per_address = hour(4);
        c.guest_checkouts_per_phone = hour(2);
    })
    .await
    else {
        return;
    };
    let tani = seller(&app, DARMA_TANI).await;
    let kopi = product(&app, tani.shop, "Kopi Uji", 20_000, 50, 250).await;
    let one = |phone: &str, quantity: i64| {
        checkout(phone, &[choice(tani.shop, "ambil", "tunai", &[line(kopi, quantity, 20_000)])])
    };

    // Refused and replayed checkouts do not count.
    let short = place(&app, None, &fresh_key(), &one("081988800001", 51)).await;
    refused(short, 409, "Stok Kopi Uji tidak cukup", "more than the stock").await;
    let key = fresh_key();
    assert_eq!(place(&app, None, &key, &one("081988800001", 1)).await.status(), 201);
    assert_eq!(place(&app, None, &key, &one("081988800001", 1)).await.status(), 200, "a replay");
    assert_eq!(place(&app, None, &fresh_key(), &one("081988800001", 1)).await.status(), 201);

    // A third order for the same number within the hour is refused, and writes nothing.
    let before = (written(&app).await, stock(&app, kopi).await);
    let res = place(&app, None, &fresh_key(), &one("0819-8880-0001", 1)).await;
    let retry_after: u64 = lapak_tests::header(&res, "retry-after").parse().expect("a Retry-After header");
    assert!((1..=3600).contains(&retry_after), "{retry_after}");
    refused(res, 429, "Terlalu banyak pesanan tanpa akun dengan nomor WhatsApp ini", "a third for one number").await;
    assert_eq!((written(&app).await, stock(&app, kopi).await), before, "nothing written");

    // Two more numbers from the same address: the fifth checkout of the address is refused.
    assert_eq!(place(&app, None, &fresh_key(), &one("081988800002", 1)).await.status(), 201);
    assert_eq!(place(&app, None, &fresh_key(), &one("081988800003", 1)).await.status(), 201);
    let res = place(&app, None, &fresh_key(), &one("081988800004", 1)).await;
    refused(res, 429, "Terlalu banyak pesanan tanpa akun dari jaringan ini", "a fifth from one address").await;
    assert_eq!(stock(&app, kopi).await, 50 - 4);

    // Once the window has passed and the background job has forgotten its events, they may order again.
    let later = backend::db::now_ms() + 3_600_000;
    assert!(backend::rate_limit::forget_expired(app.db(), later).await.unwrap() >= 4);
    assert_eq!(place(&app, None, &fresh_key(), &one("081988800001", 1)).await.status(), 201);
    assert_eq!(place(&app, None, &fresh_key(), &one("081988800004", 1)).await.status(), 201);

    // A signed-in buyer is not a guest.
    let shopper = app.session_for(app.user_id(SHOPPER).await).await;
    placed(&app, Some(&shopper), &one(SHOPPER, 1)).await;
}

/// The problem a refused quote or checkout answers: its one field and message.
async fn refused_line(res: reqwest::Response, case: &str) -> (String, String) {
    let problem = refused(res, 422, "paling banyak", case).await;
    assert_eq!(problem.fields.len(), 1, "{case}: {:?}", problem.fields);
    (problem.fields[0].field.clone(), problem.fields[0].message.clone())
}

async fn a_shop_bounds_each_line_and_guests_are_bounded(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let shopper = app.session_for(app.user_id(SHOPPER).await).await;
    let beras = product(&app, tani.shop, "Beras Uji", 12_000, 5_000, 1000).await;
    let kopi = product(&app, tani.shop, "Kopi Uji", 20_000, 5_000, 250).await;
    let order = |phone: &str, quantity: i64| {
        checkout(phone, &[choice(tani.shop, "ambil", "tunai", &[line(beras, 1, 12_000), line(kopi, quantity, 20_000)])])
    };
    let quote = |cookie: Option<&str>, body: &Value| {
        let (app, body, cookie) = (&app, body.clone(), cookie.map(str::to_owned));
        async move { app.call(Method::POST, "/api/v1/orders/quote", cookie.as_deref(), Some(&body)).await }
    };
    let settings = format!("/api/v1/shops/{}/settings", tani.shop);

    // A bound the shop cannot set.
    let mut form = app.call_json(Method::GET, &settings, Some(&tani.cookie), None, 200).await;
    assert_eq!(form["order_quantity_max"], Value::Null, "no bound of its own at first");
    form["order_quantity_max"] = json!(0);
    let res = app.call(Method::PUT, &settings, Some(&tani.cookie), Some(&form)).await;
    let problem = refused(res, 422, "Batas per pesanan 1 sampai 100.000", "a bound of 0").await;
    assert_eq!(problem.fields[0].field, "order_quantity_max");

    // The shop takes at most 5 of a product per order, whoever orders.
    settle(&app, &tani, |form| form["order_quantity_max"] = json!(5)).await;
    let form = app.call_json(Method::GET, &settings, Some(&tani.cookie), None, 200).await;
    assert_eq!(form["order_quantity_max"], 5);
    let before = written(&app).await;
    let named = ("shops[0].lines[1].quantity".to_owned(), "Kopi Uji: paling banyak 5 per pesanan.".to_owned());
    assert_eq!(refused_line(quote(None, &order("081988800011", 6)).await, "a guest's quote").await, named);
    let res = place(&app, None, &fresh_key(), &order("081988800011", 6)).await;
    assert_eq!(refused_line(res, "a guest's checkout").await, named);
    let res = place(&app, Some(&shopper), &fresh_key(), &order(SHOPPER, 6)).await;
    assert_eq!(refused_line(res, "a signed-in buyer's checkout").await, named);
    assert_eq!(written(&app).await, before, "nothing written");
    assert_eq!(stock(&app, kopi).await, 5_000);
    placed(&app, None, &order("081988800011", 5)).await;

    // Without a bound of the shop's own, a guest takes at most 100 of a product; a signed-in buyer more.
    settle(&app, &tani, |form| form["order_quantity_max"] = Value::Null).await;
    let guest_bound = ("shops[0].lines[1].quantity".to_owned(), "Kopi Uji: paling banyak 100 per pesanan.".to_owned());
    assert_eq!(refused_line(quote(None, &order("081988800012", 101)).await, "a guest's quote").await, guest_bound);
    let res = place(&app, None, &fresh_key(), &order("081988800012", 101)).await;
    assert_eq!(refused_line(res, "a guest's big checkout").await, guest_bound);
    placed(&app, None, &order("081988800012", 100)).await;
    assert_eq!(quote(Some(&shopper), &order(SHOPPER, 101)).await.status(), 200);
    placed(&app, Some(&shopper), &order(SHOPPER, 101)).await;
    assert_eq!(stock(&app, kopi).await, 5_000 - 5 - 100 - 101);
}
