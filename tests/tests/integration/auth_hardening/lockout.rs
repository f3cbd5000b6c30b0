//! Strangers cannot lock an owner out (issue 18, item 3): their failures use up only the chances of
//! unknown browsers, while the owner's own browser (its device cookie) keeps a limit of its own.

use lapak_tests::{DEMO_PASSWORD, Engine, TestApp, assert_problem, header, on_both_databases, on_both_engines};
use reqwest::Response;
use serde_json::json;

on_both_databases!(a_stranger_cannot_lock_the_owner_out);
on_both_engines!(strangers_are_counted_per_address_and_all_together);

const SELLER: &str = "081234560001";

/// The `Cookie` value of the device cookie a response set.
fn device_cookie(res: &Response) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("lapak_device="))
        .and_then(|v| v.split(';').next())
        .expect("signing in sets the device cookie")
        .to_owned()
}

async fn sign_in(app: &TestApp, password: &str, cookie: Option<&str>, from: Option<&str>) -> Response {
    let body = json!({ "login": SELLER, "password": password });
    let mut request = app.client.post(app.url("/api/v1/auth/sign-in")).header("x-lapak-csrf", "1").json(&body);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    if let Some(address) = from {
        request = request.header("x-forwarded-for", address);
    }
    request.send().await.expect("request reaches the server")
}

async fn a_stranger_cannot_lock_the_owner_out(app: TestApp) {
    let first = sign_in(&app, DEMO_PASSWORD, None, None).await;
    assert_eq!(first.status(), 200);
    let device = device_cookie(&first);
    assert!(header(&first, "set-cookie").contains("HttpOnly"), "the device cookie is out of scripts' reach");

    // A stranger guesses until refused, and is refused the right password too.
    for _ in 0..10 {
        assert_problem(sign_in(&app, "tebakan salah", None, None).await, 401).await;
    }
    for _ in 0..2 {
        let res = sign_in(&app, "tebakan lagi", None, None).await;
        let retry_after: u64 = header(&res, "retry-after").parse().expect("Retry-After in seconds");
        assert!((1..=900).contains(&retry_after), "{retry_after}");
        assert_problem(res, 429).await;
    }
    assert_problem(sign_in(&app, DEMO_PASSWORD, None, None).await, 429).await;
    let forged = format!("lapak_device={}", backend::auth::token::generate().unwrap());
    assert_problem(sign_in(&app, DEMO_PASSWORD, Some(&forged), None).await, 429).await;

    // The owner's own browser still gets in, from the same address.
    let res = sign_in(&app, DEMO_PASSWORD, Some(&device), None).await;
    assert_eq!(res.status(), 200, "the owner signs in from their own browser");
    assert!(lapak_tests::session_cookie(&res).is_some());
    // The stranger is still held back after that.
    assert_problem(sign_in(&app, DEMO_PASSWORD, None, None).await, 429).await;

    // The owner's browser has a tighter limit of its own.
    for _ in 0..5 {
        assert_problem(sign_in(&app, "salah ketik", Some(&device), None).await, 401).await;
    }
    assert_problem(sign_in(&app, DEMO_PASSWORD, Some(&device), None).await, 429).await;
}

async fn strangers_are_counted_per_address_and_all_together(engine: Engine) {
    let Some(app) = TestApp::spawn_with(engine, |c| {
        c.trust_forwarded_for = true;
        c.sign_in_limit_untrusted = 25;
    })
    .await
    else {
        return;
    };
    let first = sign_in(&app, DEMO_PASSWORD, None, Some("10.0.0.9")).await;
    let device = device_cookie(&first);
    for _ in 0..10 {
        assert_problem(sign_in(&app, "tebakan", None, Some("10.0.0.1")).await, 401).await;
    }
    assert_problem(sign_in(&app, DEMO_PASSWORD, None, Some("10.0.0.1")).await, 429).await;
    // Elsewhere, even a new browser of the owner's is not held back by that one address.
    assert_eq!(sign_in(&app, DEMO_PASSWORD, None, Some("10.0.0.2")).await.status(), 200);
    // Strangers from many addresses use up the unknown browsers' chances altogether...
    for n in 3..=5 {
        let from = format!("10.0.0.{n}");
        for _ in 0..5 {
            assert_problem(sign_in(&app, "tebakan", None, Some(&from)).await, 401).await;
        }
    }
    assert_problem(sign_in(&app, DEMO_PASSWORD, None, Some("10.0.0.7")).await, 429).await;
    // ...but never the owner's own browser, wherever it is.
    assert_eq!(sign_in(&app, DEMO_PASSWORD, Some(&device), Some("10.0.0.8")).await.status(), 200);
}
