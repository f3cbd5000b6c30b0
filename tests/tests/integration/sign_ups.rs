//! Issue 18, item 7: sign-ups are limited per client address, so a flood cannot fill the password-hash
//! queue and sign-up is no cheap way to ask whether a number is registered: past the limit every
//! sign-up from that address, a taken number's too, answers 429 with `Retry-After` and writes nothing.

use std::time::Duration;

use backend::rate_limit::Limit;
use lapak_tests::{Engine, TestApp, assert_problem, header, on_both_engines};
use serde_json::{Value, json};

on_both_engines!(sign_ups_are_limited_per_address);

fn body(phone: &str) -> Value {
    json!({ "name": "Lalu Uji", "phone": phone, "password": "tenun ikat sukarara" })
}

/// Signs up with `phone` from the client address `from` (behind the trusted proxy of this test).
async fn sign_up(app: &TestApp, from: &str, phone: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/auth/sign-up"))
        .header("x-lapak-csrf", "1")
        .header("x-forwarded-for", from)
        .json(&body(phone))
        .send()
        .await
        .expect("request reaches the server")
}

async fn sign_ups_are_limited_per_address(engine: Engine) {
    let Some(app) = TestApp::spawn_with(engine, |c| {
        c.sign_ups_per_address = Limit { events: 3, window: Duration::from_secs(3600) };
        c.trust_forwarded_for = true;
    })
    .await
    else {
        return;
    };
    let village = "198.51.100.20";
    assert_eq!(sign_up(&app, village, "085766660001").await.status(), 201);
    let taken = assert_problem(sign_up(&app, village, "0857-6666-0001").await, 422).await;
    assert!(taken.fields[0].message.contains("sudah terdaftar"), "{:?}", taken.fields);
    assert_eq!(sign_up(&app, village, "085766660002").await.status(), 201);

    // The fourth from this address: refused before the number is looked up or a password hashed.
    let users = app.count("users", "1 = 1").await;
    for phone in ["085766660003", "085766660001"] {
        let res = sign_up(&app, village, phone).await;
        let retry_after: u64 = header(&res, "retry-after").parse().expect("a Retry-After header");
        assert!((1..=3600).contains(&retry_after), "{retry_after}");
        let problem = assert_problem(res, 429).await;
        assert!(problem.detail.starts_with("Terlalu banyak pendaftaran dari jaringan ini"), "{}", problem.detail);
        assert!(problem.fields.is_empty(), "no word on whether {phone} is registered");
    }
    assert_eq!(app.count("users", "1 = 1").await, users, "nothing written");

    // Another address is not held back, and signing in is not either.
    assert_eq!(sign_up(&app, "203.0.113.9", "085766660003").await.status(), 201);
    let signed_in = app.sign_in("085766660001", "tenun ikat sukarara").await;
    assert!(!signed_in.is_empty());
}
