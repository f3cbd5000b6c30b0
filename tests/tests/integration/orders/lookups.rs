//! Issue 18, item 9: a guest order cannot be found by guessing. Wrong code and WhatsApp pairs count per
//! client address; past the limit every guess from that address gets 429 with `Retry-After`, a right
//! one too, while right pairs never use the limit up and a signed-in buyer's own orders are no guess.

use std::time::Duration;

use backend::rate_limit::Limit;
use lapak_tests::{Engine, TestApp, on_both_engines};
use reqwest::Method;

use super::{DARMA_TANI, SHOPPER, as_guest, checkout, choice, line, one_order, placed, product, refused, seller};

on_both_engines!(wrong_guesses_at_guest_orders_are_limited);

const GUEST: &str = "081977700011";

async fn status(app: &TestApp, code: &str, phone: &str) -> u16 {
    as_guest(app, Method::GET, &format!("/api/v1/orders/{code}"), phone, None).await.status().as_u16()
}

async fn wrong_guesses_at_guest_orders_are_limited(engine: Engine) {
    let Some(app) = TestApp::spawn_with(engine, |c| {
        c.order_lookups_per_address = Limit { events: 3, window: Duration::from_secs(900) };
    })
    .await
    else {
        return;
    };
    let tani = seller(&app, DARMA_TANI).await;
    let kopi = product(&app, tani.shop, "Kopi Uji", 20_000, 10, 250).await;
    let code = one_order(&app, GUEST, tani.shop, "ambil", "tunai", &[line(kopi, 1, 20_000)]).await;
    let shopper = app.session_for(app.user_id(SHOPPER).await).await;
    let body = checkout(SHOPPER, &[choice(tani.shop, "ambil", "tunai", &[line(kopi, 1, 20_000)])]);
    let own = placed(&app, Some(&shopper), &body).await.orders[0].code.clone();

    // Right pairs, more often than the limit: never counted.
    for _ in 0..5 {
        assert_eq!(status(&app, &code, GUEST).await, 200);
    }
    // Three wrong guesses (a wrong number, an unknown code, a malformed code) answer 404.
    assert_eq!(status(&app, &code, "081977700012").await, 404);
    assert_eq!(status(&app, "LD-ZZZZZZZZ", GUEST).await, 404);
    assert_eq!(status(&app, "bukan-kode", GUEST).await, 404);

    // The fourth is refused, and so is the right pair from this address now.
    let res = as_guest(&app, Method::GET, &format!("/api/v1/orders/{code}"), "081977700013", None).await;
    let retry_after: u64 = lapak_tests::header(&res, "retry-after").parse().expect("a Retry-After header");
    assert!((1..=900).contains(&retry_after), "{retry_after}");
    refused(res, 429, "Terlalu banyak percobaan membuka pesanan", "a fourth wrong guess").await;
    let res = as_guest(&app, Method::GET, &format!("/api/v1/orders/{code}"), GUEST, None).await;
    refused(res, 429, "Coba lagi dalam 15 menit", "the right pair after too many wrong ones").await;
    let cancel = serde_json::json!({ "action": "batal" });
    let res = as_guest(&app, Method::POST, &format!("/api/v1/orders/{code}/actions"), GUEST, Some(&cancel)).await;
    assert_eq!(res.status().as_u16(), 429, "moves by code and number are guesses too");

    // A signed-in buyer opening their own order guesses nothing.
    let mine = app.call(Method::GET, &format!("/api/v1/orders/{own}"), Some(&shopper), None).await;
    assert_eq!(mine.status().as_u16(), 200);
}
