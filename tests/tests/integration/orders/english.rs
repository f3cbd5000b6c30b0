//! Refusals said in the asking page's language: a checkout, its quote and the cart sent from an English
//! page (`Accept-Language: en`, as the app sends it there) are refused in English, for the same reasons and
//! with the same statuses as in Indonesian, and write nothing; without the header, or with Indonesian
//! first, they stay Indonesian.

use lapak_tests::{TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};

use super::{
    DARMA_TANI, SHOPPER, checkout, choice, fresh_key, line, product, refused, seller, send, settle, stock, written,
};

on_both_databases!(a_checkout_from_an_english_page_is_refused_in_english, the_cart_refuses_in_english);

const GUEST: &str = "081944400002";

/// Places `body` as a guest with `accept_language` (none: no header).
async fn place_in(app: &TestApp, accept_language: Option<&str>, body: &Value) -> reqwest::Response {
    let key = fresh_key();
    let mut headers = vec![("Idempotency-Key", key.as_str())];
    headers.extend(accept_language.map(|l| ("Accept-Language", l)));
    send(app, Method::POST, "/api/v1/orders", &headers, Some(body)).await
}

async fn a_checkout_from_an_english_page_is_refused_in_english(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    settle(&app, &tani, |form| {
        form["bank_accounts"] = json!([]);
        form["qris_id"] = json!(null);
    })
    .await;
    let kopi = product(&app, tani.shop, "Kopi Uji", 20_000, 10, 250).await;
    let one =
        |delivery: &str, payment: &str, line: Value| checkout(GUEST, &[choice(tani.shop, delivery, payment, &[line])]);
    let fine = line(kopi, 1, 20_000);
    let cases: Vec<(&str, Value, u16, &str)> = vec![
        (
            "a changed price",
            one("ambil", "tunai", line(kopi, 1, 15_000)),
            409,
            "The price of Kopi Uji is now Rp 20.000 (it was Rp 15.000). Check your cart, then order again.",
        ),
        (
            "more than the stock",
            one("ambil", "tunai", line(kopi, 11, 20_000)),
            409,
            "Not enough Kopi Uji in stock: only 10 left.",
        ),
        (
            "another shop's product",
            one("ambil", "tunai", line(987_654_321, 1, 20_000)),
            422,
            "This shop does not sell this product.",
        ),
        (
            "no delivery to there",
            one("antar", "tunai", fine.clone()),
            422,
            "The seller does not deliver to this address.",
        ),
        (
            "transfer without an account",
            one("ambil", "transfer", fine.clone()),
            422,
            "Lapak BUMDes Darma Tani does not take Bank transfer.",
        ),
        (
            "an unknown shop",
            checkout(GUEST, &[choice(987_654, "ambil", "tunai", std::slice::from_ref(&fine))]),
            422,
            "This shop cannot be found or is not selling now.",
        ),
    ];
    let before = written(&app).await;
    for (case, body, status, english) in &cases {
        let problem = refused(place_in(&app, Some("en"), body).await, *status, english, case).await;
        if *status == 422 {
            assert_eq!(problem.fields[0].message, *english, "{case}: the field says it too");
        }
        let quoted =
            send(&app, Method::POST, "/api/v1/orders/quote", &[("Accept-Language", "en-GB,en;q=0.9")], Some(body));
        refused(quoted.await, *status, english, &format!("quote, {case}")).await;
        for indonesian in [None, Some("id-ID,id;q=0.9,en;q=0.8")] {
            let res = place_in(&app, indonesian, body).await;
            let problem = assert_problem(res, *status).await;
            assert!(!problem.detail.contains(english), "{case}, {indonesian:?}: {}", problem.detail);
        }
    }
    sqlx::query("UPDATE shops SET on_holiday = $1 WHERE id = $2")
        .bind(true)
        .bind(tani.shop)
        .execute(&app.db().pool)
        .await
        .unwrap();
    let holiday = "Lapak BUMDes Darma Tani is on holiday; order again later.";
    refused(place_in(&app, Some("en"), &one("ambil", "tunai", fine)).await, 409, holiday, "on holiday").await;
    assert_eq!(written(&app).await, before, "nothing written");
    assert_eq!(stock(&app, kopi).await, 10);
}

async fn the_cart_refuses_in_english(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let gula = product(&app, tani.shop, "Gula Aren Uji", 15_000, 4, 500).await;
    let me = app.session_for(app.user_id(SHOPPER).await).await;
    let put = |id: i64, quantity: i64, lang: &'static str| {
        let body = json!({ "product_id": id, "quantity": quantity });
        let (app, me) = (&app, me.clone());
        async move {
            let headers = [("cookie", me.as_str()), ("Accept-Language", lang)];
            send(app, Method::PUT, &format!("/api/v1/me/cart/items/{id}"), &headers, Some(&body)).await
        }
    };
    let problem = assert_problem(put(gula, 5, "en").await, 422).await;
    assert_eq!((problem.fields[0].field.as_str(), problem.detail.as_str()), ("quantity", "Only 4 left in stock."));
    let problem = assert_problem(put(gula, 5, "id").await, 422).await;
    assert_eq!(problem.detail, "Stok tinggal 4.");
    let problem = assert_problem(put(987_654_321, 1, "en").await, 404).await;
    assert_eq!(problem.detail, "This product cannot be found or is not for sale now.");
    let me = Some(me.as_str());
    let view = app.call_json(Method::GET, "/api/v1/me/cart", me, None, 200).await;
    assert_eq!(view["shops"], json!([]), "nothing put in the cart");
}
