//! Accounts over HTTP: signing up, in and out, cookies, wrong passwords, the sign-in limits,
//! session expiry, CSRF, bad input (refused, nothing written), password changes and reset links.

use lapak_tests::{
    DEMO_PASSWORD, Engine, TestApp, assert_problem, header, on_both_databases, on_both_engines, session_cookie,
};
use reqwest::Method;
use serde_json::{Value, json};
use shared::ProblemCode;

on_both_databases!(
    sign_up_sign_in_sign_out,
    wrong_passwords_and_unknown_numbers_look_the_same,
    sessions_expire_when_idle_and_at_most,
    state_changes_need_the_csrf_header,
    bad_input_is_refused_and_writes_nothing,
    changing_the_password_ends_other_sessions,
    reset_links_work_once_and_for_a_day,
);

on_both_engines!(sign_in_is_limited_per_account_and_per_address);

fn sign_up_body(phone: &str) -> Value {
    json!({ "name": "Baiq Nurul", "phone": phone, "password": "tenun ikat sukarara", "email": "Nurul@Desa.ID" })
}

async fn sign_up_sign_in_sign_out(app: TestApp) {
    let res = app.call(Method::POST, "/api/v1/auth/sign-up", None, Some(&sign_up_body("+62 857-1111-2222"))).await;
    assert_eq!(res.status(), 201);
    let set_cookie = header(&res, "set-cookie");
    let attributes: Vec<&str> = set_cookie.split("; ").skip(1).collect();
    for wanted in ["Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=7776000"] {
        assert!(attributes.contains(&wanted), "{wanted} in {set_cookie}");
    }
    assert!(!set_cookie.contains("Secure"), "plain http gets no Secure flag");
    let cookie = session_cookie(&res).expect("a session cookie");
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["phone"], "6285711112222", "stored in the canonical 62… form");
    assert_eq!(me["email"], "nurul@desa.id");

    let again = app.call(Method::POST, "/api/v1/auth/sign-up", None, Some(&sign_up_body("085711112222"))).await;
    let problem = assert_problem(again, 422).await;
    assert_eq!(problem.fields[0].field, "phone", "the same number in another form is taken");
    assert_eq!(problem.code, ProblemCode::Validation);
    assert_eq!(app.count("users", "phone = '6285711112222'").await, 1);

    assert_eq!(app.call_json(Method::GET, "/api/v1/me", Some(&cookie), None, 200).await["name"], "Baiq Nurul");
    let session = app.call_json(Method::GET, "/api/v1/auth/session", Some(&cookie), None, 200).await;
    assert_eq!(session["user"]["name"], "Baiq Nurul");
    assert_eq!(app.call_json(Method::GET, "/api/v1/auth/session", None, None, 200).await["user"], Value::Null);

    let out = app.call(Method::POST, "/api/v1/auth/sign-out", Some(&cookie), None).await;
    assert_eq!(out.status(), 204);
    assert!(header(&out, "set-cookie").contains("Max-Age=0"), "the cookie is removed");
    let signed_out = assert_problem(app.call(Method::GET, "/api/v1/me", Some(&cookie), None).await, 401).await;
    assert_eq!(signed_out.code, ProblemCode::Unauthenticated);

    // By phone in another form, and by e-mail in other letters; the id changes at each sign-in.
    let first = app.sign_in("0857 1111 2222", "tenun ikat sukarara").await;
    let body = json!({ "login": "NURUL@desa.id", "password": "tenun ikat sukarara" });
    let res = app.call(Method::POST, "/api/v1/auth/sign-in", Some(&first), Some(&body)).await;
    assert_eq!(res.status(), 200);
    let second = session_cookie(&res).unwrap();
    assert_ne!(first, second);
    assert_problem(app.call(Method::GET, "/api/v1/me", Some(&first), None).await, 401).await;
    app.call_json(Method::GET, "/api/v1/me", Some(&second), None, 200).await;
}

async fn wrong_passwords_and_unknown_numbers_look_the_same(app: TestApp) {
    let wrong = json!({ "login": "081100000001", "password": "bukan sandinya" });
    let unknown = json!({ "login": "081199999999", "password": "bukan sandinya" });
    let a = assert_problem(app.call(Method::POST, "/api/v1/auth/sign-in", None, Some(&wrong)).await, 401).await;
    let b = assert_problem(app.call(Method::POST, "/api/v1/auth/sign-in", None, Some(&unknown)).await, 401).await;
    assert_eq!(a, b);
    assert_eq!(a.detail, "Nomor HP/e-mail atau kata sandi salah.");
    assert_eq!(a.code, ProblemCode::WrongCredentials, "a sign-in refused is not a session ended");
    assert_eq!(app.count("sessions", "1 = 1").await, 0, "no session was started");
}

async fn sign_in_is_limited_per_account_and_per_address(engine: Engine) {
    {
        let Some(app) = TestApp::spawn_with(engine, |c| c.sign_in_limit_account = 3).await else { return };
        for login in ["081100000001", "081177777777"] {
            let wrong = json!({ "login": login, "password": "tebakan" });
            for _ in 0..3 {
                assert_problem(app.call(Method::POST, "/api/v1/auth/sign-in", None, Some(&wrong)).await, 401).await;
            }
            let right = json!({ "login": login, "password": DEMO_PASSWORD });
            let res = app.call(Method::POST, "/api/v1/auth/sign-in", None, Some(&right)).await;
            let retry_after: u64 = header(&res, "retry-after").parse().expect("Retry-After in seconds");
            assert!((1..=900).contains(&retry_after), "{retry_after}");
            let problem = assert_problem(res, 429).await;
            assert!(problem.detail.starts_with("Terlalu banyak percobaan masuk"), "{}", problem.detail);
            assert_eq!(problem.code, ProblemCode::RateLimited);
        }
        // Another account from the same address is not held back by the account limit.
        app.sign_in("081152000000", DEMO_PASSWORD).await;
    }
    {
        let Some(app) = TestApp::spawn_with(engine, |c| c.sign_in_limit_address = 3).await else { return };
        for login in ["081100000002", "081100000003", "081100000004"] {
            let wrong = json!({ "login": login, "password": "tebakan" });
            assert_problem(app.call(Method::POST, "/api/v1/auth/sign-in", None, Some(&wrong)).await, 401).await;
        }
        let right = json!({ "login": "081100000001", "password": DEMO_PASSWORD });
        assert_problem(app.call(Method::POST, "/api/v1/auth/sign-in", None, Some(&right)).await, 429).await;
    }
}

async fn sessions_expire_when_idle_and_at_most(app: TestApp) {
    const HOUR: i64 = 3_600_000;
    let shopper = app.sign_in("081100000001", DEMO_PASSWORD).await;
    let admin = app.sign_in("081152000000", DEMO_PASSWORD).await;
    let age = |cookie: &str, created_hours: i64, seen_hours: i64| {
        let token = cookie.split_once('=').unwrap().1.to_owned();
        let db = app.db().pool.clone();
        async move {
            let now = backend::db::now_ms();
            sqlx::query("UPDATE sessions SET created_at = $1, last_seen_at = $2 WHERE token_hash = $3")
                .bind(now - created_hours * HOUR)
                .bind(now - seen_hours * HOUR)
                .bind(backend::auth::token::digest(&token))
                .execute(&db)
                .await
                .unwrap();
        }
    };
    age(&shopper, 13, 13).await;
    age(&admin, 13, 13).await;
    app.call_json(Method::GET, "/api/v1/me", Some(&shopper), None, 200).await;
    assert_problem(app.call(Method::GET, "/api/v1/me", Some(&admin), None).await, 401).await;
    age(&shopper, 40 * 24, 31 * 24).await;
    assert_problem(app.call(Method::GET, "/api/v1/me", Some(&shopper), None).await, 401).await;
    let fresh = app.sign_in("081100000001", DEMO_PASSWORD).await;
    age(&fresh, 91 * 24, 1).await;
    assert_problem(app.call(Method::GET, "/api/v1/me", Some(&fresh), None).await, 401).await;
    assert_eq!(app.count("sessions", "1 = 1").await, 0, "expired sessions are deleted when met");
}

async fn state_changes_need_the_csrf_header(app: TestApp) {
    let url = app.url("/api/v1/auth/sign-up");
    let users = app.count("users", "1 = 1").await;
    let res = app.client.post(&url).json(&sign_up_body("085722223333")).send().await.unwrap();
    let problem = assert_problem(res, 403).await;
    assert!(problem.detail.contains("tidak datang dari aplikasi Lapak Desa"));
    assert_eq!(problem.code, ProblemCode::CsrfMissing, "told apart from a guard's 403");
    let form = "name=Penyusup&phone=085722223333&password=sandi+yang+panjang";
    let res = app.client.post(&url).header("content-type", "application/x-www-form-urlencoded").body(form).send().await;
    assert_eq!(assert_problem(res.unwrap(), 403).await.code, ProblemCode::CsrfMissing);
    let res = app
        .client
        .post(&url)
        .header("x-lapak-csrf", "1")
        .header("sec-fetch-site", "cross-site")
        .json(&sign_up_body("085722223333"))
        .send()
        .await
        .unwrap();
    assert_eq!(assert_problem(res, 403).await.code, ProblemCode::CsrfMissing);
    assert_eq!(app.count("users", "1 = 1").await, users, "nothing was written");
}

async fn bad_input_is_refused_and_writes_nothing(app: TestApp) {
    let users = app.count("users", "1 = 1").await;
    let sign_up = |phone: &str, password: &str| json!({ "name": "Amaq Rusdi", "phone": phone, "password": password });
    for (body, field) in [
        (sign_up("0370 123456", "sandi yang panjang"), "phone"),
        (sign_up("08123", "sandi yang panjang"), "phone"),
        (sign_up("085733334444", "pendek1"), "password"),
        (sign_up("085733334444", "password123"), "password"),
        (sign_up("085733334444", "Bismillah"), "password"),
        (sign_up("085733334444", &"x".repeat(129)), "password"),
    ] {
        let res = app.call(Method::POST, "/api/v1/auth/sign-up", None, Some(&body)).await;
        let problem = assert_problem(res, 422).await;
        assert!(problem.fields.iter().any(|f| f.field == field), "{body}: {problem:?}");
    }
    let malformed = app.client.post(app.url("/api/v1/auth/sign-in")).header("x-lapak-csrf", "1");
    let res = malformed.header("content-type", "application/json").body("{\"login\":").send().await.unwrap();
    assert_eq!(assert_problem(res, 400).await.code, ProblemCode::BadRequest);
    // Just over the 1 MiB limit: the server answers 413 without reading the body, and a body much larger
    // than the socket's buffers could still be on its way when the connection closes.
    let huge = json!({ "name": "A".repeat(1024 * 1024 + 1024), "phone": "085733334444", "password": "sandi panjang" });
    let too_large = assert_problem(app.call(Method::POST, "/api/v1/auth/sign-up", None, Some(&huge)).await, 413).await;
    assert_eq!(too_large.code, ProblemCode::PayloadTooLarge);
    assert_eq!(app.count("users", "1 = 1").await, users, "nothing was written");

    let passphrase = "kata ".repeat(12) + "desa";
    let res = app.call(Method::POST, "/api/v1/auth/sign-up", None, Some(&sign_up("085733334444", &passphrase))).await;
    assert_eq!(res.status(), 201, "a 64-character passphrase is welcome");
    let cookie = session_cookie(&res).unwrap();
    let missing = app.call(Method::DELETE, "/api/v1/me/sessions/999999", Some(&cookie), None).await;
    assert_eq!(assert_problem(missing, 404).await.code, ProblemCode::NotFound);
    let body = json!({ "name": "x", "dusun": "", "makes": "" });
    assert_problem(app.call(Method::POST, "/api/v1/shops/999999/producers", Some(&cookie), Some(&body)).await, 404)
        .await;
    let unknown = json!({ "token": "tidak-ada" });
    assert_problem(app.call(Method::POST, "/api/v1/auth/reset/info", None, Some(&unknown)).await, 404).await;
}

async fn changing_the_password_ends_other_sessions(app: TestApp) {
    let here = app.sign_in("081100000001", DEMO_PASSWORD).await;
    let phone = app.sign_in("081100000001", DEMO_PASSWORD).await;
    let sessions = app.call_json(Method::GET, "/api/v1/me/sessions", Some(&here), None, 200).await;
    let current: Vec<bool> = sessions.as_array().unwrap().iter().map(|s| s["current"].as_bool().unwrap()).collect();
    assert_eq!(current.iter().filter(|c| **c).count(), 1, "{sessions}");
    assert_eq!(current.len(), 2);

    let wrong = json!({ "current_password": "salah sekali", "new_password": "sandi baru yang panjang" });
    let problem =
        assert_problem(app.call(Method::PUT, "/api/v1/me/password", Some(&here), Some(&wrong)).await, 422).await;
    assert_eq!(problem.fields[0].field, "current_password");
    let right = json!({ "current_password": DEMO_PASSWORD, "new_password": "sandi baru yang panjang" });
    app.call_json(Method::PUT, "/api/v1/me/password", Some(&here), Some(&right), 204).await;
    app.call_json(Method::GET, "/api/v1/me", Some(&here), None, 200).await;
    assert_problem(app.call(Method::GET, "/api/v1/me", Some(&phone), None).await, 401).await;
    let old = json!({ "login": "081100000001", "password": DEMO_PASSWORD });
    assert_problem(app.call(Method::POST, "/api/v1/auth/sign-in", None, Some(&old)).await, 401).await;

    // Ending another device, then everywhere.
    let other = app.sign_in("081100000001", "sandi baru yang panjang").await;
    let list = app.call_json(Method::GET, "/api/v1/me/sessions", Some(&here), None, 200).await;
    let other_id = list.as_array().unwrap().iter().find(|s| s["current"] == false).unwrap()["id"].as_i64().unwrap();
    let stranger = app.sign_in("081152000000", DEMO_PASSWORD).await;
    let path = format!("/api/v1/me/sessions/{other_id}");
    assert_problem(app.call(Method::DELETE, &path, Some(&stranger), None).await, 404).await;
    app.call_json(Method::DELETE, &path, Some(&here), None, 204).await;
    assert_problem(app.call(Method::GET, "/api/v1/me", Some(&other), None).await, 401).await;
    app.call_json(Method::DELETE, "/api/v1/me/sessions", Some(&here), None, 204).await;
    assert_problem(app.call(Method::GET, "/api/v1/me", Some(&here), None).await, 401).await;
}

async fn reset_links_work_once_and_for_a_day(app: TestApp) {
    let admin = app.sign_in("081152010000", DEMO_PASSWORD).await;
    let seller = app.user_id("081234560002").await;
    let seller_session = app.sign_in("081234560002", DEMO_PASSWORD).await;
    let path = format!("/api/v1/admin/users/{seller}/reset-link");
    let older = app.call_json(Method::POST, &path, Some(&admin), None, 201).await;
    let link = app.call_json(Method::POST, &path, Some(&admin), None, 201).await;
    let token = |link: &Value| link["url"].as_str().unwrap().split_once("/akun/atur-sandi#").unwrap().1.to_owned();
    assert!(link["whatsapp_url"].as_str().unwrap().starts_with("https://wa.me/6281234560002?text="));
    let ask = |link: &Value| json!({ "token": token(link) });
    assert_problem(app.call(Method::POST, "/api/v1/auth/reset/info", None, Some(&ask(&older))).await, 404).await;
    let info = app.call_json(Method::POST, "/api/v1/auth/reset/info", None, Some(&ask(&link)), 200).await;
    assert_eq!(info["name"], "Pengelola Lapak BUMDes Senggigi Bahari (demo)");

    let body = json!({ "token": token(&link), "new_password": "laut biru senggigi" });
    let res = app.call(Method::POST, "/api/v1/auth/reset", None, Some(&body)).await;
    assert_eq!(res.status(), 200);
    assert!(session_cookie(&res).is_some(), "signed in");
    assert_problem(app.call(Method::GET, "/api/v1/me", Some(&seller_session), None).await, 401).await;
    assert_problem(app.call(Method::POST, "/api/v1/auth/reset", None, Some(&body)).await, 404).await;
    app.sign_in("081234560002", "laut biru senggigi").await;

    let expiring = app.call_json(Method::POST, &path, Some(&admin), None, 201).await;
    sqlx::query("UPDATE reset_tokens SET expires_at = 0 WHERE used_at IS NULL").execute(&app.db().pool).await.unwrap();
    assert_problem(app.call(Method::POST, "/api/v1/auth/reset/info", None, Some(&ask(&expiring))).await, 404).await;

    let darmaji = app.sign_in("081152020001", DEMO_PASSWORD).await;
    assert_problem(app.call(Method::POST, &path, Some(&darmaji), None).await, 403).await;
}
