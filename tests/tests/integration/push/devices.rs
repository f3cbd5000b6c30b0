//! A person's devices: only their own are listed and removed; bad subscriptions are refused field by
//! field and write nothing; a device subscribed again by another account moves to it; signing out on a
//! device stops its pushes.

use lapak_tests::{TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};

use super::Device;
use crate::orders::{DARMA_TANI, SHOPPER, seller};

on_both_databases!(
    a_stranger_cannot_list_or_remove_anothers_devices,
    bad_subscriptions_are_refused_and_write_nothing,
    signing_out_stops_that_devices_pushes
);

/// A subscription of `device` at a push service with a host name (`.invalid`: never reached).
fn public_subscription(device: &Device, name: &str) -> Value {
    device.subscription_at(&format!("https://push.lapak.invalid/wpush/{name}"))
}

async fn devices(app: &TestApp, cookie: &str) -> Vec<Value> {
    app.call_json(Method::GET, "/api/v1/me/push", Some(cookie), None, 200).await.as_array().unwrap().clone()
}

async fn a_stranger_cannot_list_or_remove_anothers_devices(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let shopper = app.session_for(app.user_id(SHOPPER).await).await;
    let body = public_subscription(&Device::new("hp", 3), "hp-penjual");
    let mine = app.call_json(Method::POST, "/api/v1/me/push", Some(&tani.cookie), Some(&body), 201).await;
    assert_eq!(mine["endpoint"], "https://push.lapak.invalid/wpush/hp-penjual");
    let id = mine["id"].as_i64().unwrap();

    assert!(devices(&app, &shopper).await.is_empty(), "a stranger sees none of them");
    let res = app.call(Method::DELETE, &format!("/api/v1/me/push/{id}"), Some(&shopper), None).await;
    assert!(assert_problem(res, 404).await.detail.contains("tidak ada"));
    assert_eq!(devices(&app, &tani.cookie).await.len(), 1, "still there");
    let res = app.call(Method::GET, "/api/v1/me/push", None, None).await;
    assert_problem(res, 401).await;

    // The same browser subscribed by another account (another person signed in on it) moves to them.
    app.call_json(Method::POST, "/api/v1/me/push", Some(&shopper), Some(&body), 201).await;
    assert!(devices(&app, &tani.cookie).await.is_empty());
    let theirs = devices(&app, &shopper).await;
    assert_eq!(theirs.len(), 1);
    let id = theirs[0]["id"].as_i64().unwrap();
    app.call_json(Method::DELETE, &format!("/api/v1/me/push/{id}"), Some(&shopper), None, 204).await;
    assert!(devices(&app, &shopper).await.is_empty());
    assert_eq!(app.count("push_subscriptions", "1 = 1").await, 0);
}

async fn bad_subscriptions_are_refused_and_write_nothing(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let good = public_subscription(&Device::new("baik", 3), "baik");
    let with = |change: &dyn Fn(&mut Value)| {
        let mut body = good.clone();
        change(&mut body);
        body
    };
    let off_curve = format!("BA{}", "A".repeat(85));
    let cases: Vec<(Value, &str, &str)> = vec![
        (with(&|b| b["keys"] = json!({})), "keys.p256dh", "kosong"),
        (with(&|b| b["keys"]["auth"] = json!("bukan base64!")), "keys.auth", "base64url"),
        (with(&|b| b["keys"]["auth"] = json!("AAAA")), "keys.auth", "16 byte"),
        (with(&|b| b["keys"]["p256dh"] = json!("AAAA")), "keys.p256dh", "65 byte"),
        (with(&|b| b["keys"]["p256dh"] = json!(off_curve)), "keys.p256dh", "P-256"),
        (with(&|b| b["endpoint"] = json!("http://push.lapak.invalid/x")), "endpoint", "https://"),
        (with(&|b| b["endpoint"] = json!("https://10.1.2.3/x")), "endpoint", "nama host"),
        // This server is not configured for loopback push services (tests that serve one are).
        (with(&|b| b["endpoint"] = json!("http://127.0.0.1:9/x")), "endpoint", "server ini"),
        (with(&|b| b["endpoint"] = json!("")), "endpoint", "kosong"),
    ];
    for (body, field, words) in cases {
        let res = app.call(Method::POST, "/api/v1/me/push", Some(&tani.cookie), Some(&body)).await;
        let problem = assert_problem(res, 422).await;
        let message = problem.fields.iter().find(|e| e.field == field).map(|e| e.message.clone());
        assert!(message.as_deref().is_some_and(|m| m.contains(words)), "{field} of {body}: {problem:?}");
    }
    let res = app.call(Method::POST, "/api/v1/me/push", Some(&tani.cookie), Some(&json!({ "keys": {} }))).await;
    assert_problem(res, 400).await;
    let res = app.call(Method::POST, "/api/v1/me/push", None, Some(&good)).await;
    assert_problem(res, 401).await;
    assert_eq!(app.count("push_subscriptions", "1 = 1").await, 0, "nothing was written");
}

async fn signing_out_stops_that_devices_pushes(app: TestApp) {
    let cookie = app.sign_in(SHOPPER, lapak_tests::DEMO_PASSWORD).await;
    let other = app.session_for(app.user_id(SHOPPER).await).await;
    let here = public_subscription(&Device::new("di-sini", 3), "di-sini");
    let there = public_subscription(&Device::new("di-sana", 5), "di-sana");
    app.call_json(Method::POST, "/api/v1/me/push", Some(&cookie), Some(&here), 201).await;
    app.call_json(Method::POST, "/api/v1/me/push", Some(&other), Some(&there), 201).await;
    assert_eq!(devices(&app, &other).await.len(), 2);
    app.call_json(Method::POST, "/api/v1/auth/sign-out", Some(&cookie), None, 204).await;
    let left = devices(&app, &other).await;
    assert_eq!(left.len(), 1, "the device signed out on receives nothing more");
    assert_eq!(left[0]["endpoint"], "https://push.lapak.invalid/wpush/di-sana");
}
