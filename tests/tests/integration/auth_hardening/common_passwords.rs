//! New passwords are checked against the most common ones (ASVS 5.0, 6.2.4), wherever they are chosen:
//! signing up, changing the password, and with a reset link.

use lapak_tests::{DEMO_PASSWORD, TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::json;

on_both_databases!(common_passwords_are_refused_everywhere);

/// Common passwords (from the most used ones) that the old 157-entry list did not have.
const COMMON: [&str; 4] = ["liverpool", "chocolate", "butterfly", "qazwsxedc"];

const TOO_EASY: &str = "Kata sandi ini terlalu mudah ditebak. Gunakan gabungan beberapa kata yang hanya Anda ketahui.";

async fn common_passwords_are_refused_everywhere(app: TestApp) {
    let users = app.count("users", "1 = 1").await;
    for password in COMMON {
        let body = json!({ "name": "Warga Baru", "phone": "085744445555", "password": password });
        let problem =
            assert_problem(app.call(Method::POST, "/api/v1/auth/sign-up", None, Some(&body)).await, 422).await;
        assert_eq!(problem.fields.len(), 1, "{password}: {problem:?}");
        assert_eq!((problem.fields[0].field.as_str(), problem.fields[0].message.as_str()), ("password", TOO_EASY));
    }
    assert_eq!(app.count("users", "1 = 1").await, users, "no account was made");

    let me = app.sign_in("081100000001", DEMO_PASSWORD).await;
    let change = json!({ "current_password": DEMO_PASSWORD, "new_password": COMMON[0] });
    let problem =
        assert_problem(app.call(Method::PUT, "/api/v1/me/password", Some(&me), Some(&change)).await, 422).await;
    assert_eq!((problem.fields[0].field.as_str(), problem.fields[0].message.as_str()), ("new_password", TOO_EASY));

    let admin = app.sign_in("081152010000", DEMO_PASSWORD).await;
    let seller = app.user_id("081234560002").await;
    let path = format!("/api/v1/admin/users/{seller}/reset-link");
    let link = app.call_json(Method::POST, &path, Some(&admin), None, 201).await;
    let token = link["url"].as_str().unwrap().split_once('#').unwrap().1.to_owned();
    let reset = json!({ "token": token, "new_password": COMMON[1] });
    let problem = assert_problem(app.call(Method::POST, "/api/v1/auth/reset", None, Some(&reset)).await, 422).await;
    assert_eq!((problem.fields[0].field.as_str(), problem.fields[0].message.as_str()), ("new_password", TOO_EASY));
    // The link still works for a good password, and the old password was kept until then.
    app.sign_in("081234560002", DEMO_PASSWORD).await;
    let reset = json!({ "token": token, "new_password": "perahu nelayan gili" });
    app.call_json(Method::POST, "/api/v1/auth/reset", None, Some(&reset), 200).await;
}
