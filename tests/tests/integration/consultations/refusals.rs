//! Bad requests to the desk answer 4xx and write nothing: short or long text, an unknown topic, village or
//! shop, someone else's photo, a status jump or a move after closing, publishing an unanswered question, a
//! visit without its date, an assignee who is not staff of the village, and consultants granted outside
//! the admin's region, twice, to nobody or by a village admin.

use lapak_tests::{TestApp, assert_problem, on_both_databases, sample_png};
use reqwest::Method;
use serde_json::{Value, json};

use super::{
    DARMA_TANI, DARMAJI_ADMIN, LOMBOK_BARAT_ADMIN, SENGGIGI_BAHARI, SHOPPER, act, grant, new_account, question,
    session, shop_of,
};

on_both_databases!(bad_questions_write_nothing, bad_moves_write_nothing, bad_grants_write_nothing);

/// Row counts of every table the desk writes.
async fn counts(app: &TestApp) -> Vec<i64> {
    let mut all = Vec::new();
    for table in ["consultations", "consultation_messages", "consultation_photos", "consultation_visits", "consultants"]
    {
        all.push(app.count(table, "1 = 1").await);
    }
    all.push(app.count("notifications", "1 = 1").await);
    all.push(app.count("audit_log", "1 = 1").await);
    all
}

async fn refused(app: &TestApp, cookie: &str, body: &Value, status: u16, field: Option<&str>) {
    let res = app.call(Method::POST, "/api/v1/consultations", Some(cookie), Some(body)).await;
    let problem = assert_problem(res, status).await;
    if let Some(field) = field {
        assert!(problem.fields.iter().any(|f| f.field == field), "{body}: {problem:?}");
    }
}

async fn bad_questions_write_nothing(app: TestApp) {
    let seller = session(&app, DARMA_TANI).await;
    let place = shop_of(&app, DARMA_TANI).await;
    let other_shop = shop_of(&app, SENGGIGI_BAHARI).await.shop;
    let neighbour = session(&app, SENGGIGI_BAHARI).await;
    let res = app.upload("/api/v1/images", Some(&neighbour), "image/png", sample_png(30, 30)).await;
    let theirs: Value = res.json().await.unwrap();
    let before = counts(&app).await;
    let with = |change: &dyn Fn(&mut Value)| {
        let mut body = question(&place.slug, Some(place.shop));
        change(&mut body);
        body
    };
    refused(&app, &seller, &with(&|b| b["title"] = json!("PIRT")), 422, Some("title")).await;
    refused(&app, &seller, &with(&|b| b["title"] = json!("x".repeat(121))), 422, Some("title")).await;
    refused(&app, &seller, &with(&|b| b["description"] = json!("Tolong dibantu.")), 422, Some("description")).await;
    let problem = app
        .call(Method::POST, "/api/v1/consultations", Some(&seller), Some(&with(&|b| b["topic"] = json!("ramalan"))))
        .await;
    assert!(assert_problem(problem, 400).await.detail.contains("ramalan"));
    refused(&app, &seller, &with(&|b| b["village"] = json!("desa-yang-tidak-ada")), 422, Some("village")).await;
    refused(&app, &seller, &with(&|b| b["shop_id"] = json!(other_shop)), 422, Some("shop_id")).await;
    refused(&app, &seller, &with(&|b| b["photo_ids"] = json!([theirs["id"]])), 422, Some("photo_ids")).await;
    refused(&app, &seller, &with(&|b| b["photo_ids"] = json!([1, 2, 3, 4, 5])), 422, Some("photo_ids")).await;
    assert_problem(app.call(Method::POST, "/api/v1/consultations", None, Some(&with(&|_| {}))).await, 401).await;
    assert_eq!(counts(&app).await, before);
}

async fn bad_moves_write_nothing(app: TestApp) {
    let seller = session(&app, DARMA_TANI).await;
    let staff = session(&app, DARMAJI_ADMIN).await;
    let place = shop_of(&app, DARMA_TANI).await;
    let id = super::submit(&app, &seller, &question(&place.slug, Some(place.shop))).await.id;
    let closed = super::submit(&app, &seller, &question(&place.slug, None)).await.id;
    sqlx::query("UPDATE consultations SET status = 'ditutup' WHERE id = $1")
        .bind(closed)
        .execute(&app.db().pool)
        .await
        .unwrap();
    let shopper_id = app.user_id(SHOPPER).await;
    let before = counts(&app).await;
    let faq =
        json!({ "question": "Apa syarat PIRT sambal?", "answer": "NIB, penyuluhan keamanan pangan, pemeriksaan." });
    let cases: Vec<(i64, Method, &str, Value, u16)> = vec![
        (id, Method::POST, "/status", json!({ "status": "dijawab" }), 409),
        (id, Method::POST, "/status", json!({ "status": "ditutup" }), 409),
        (id, Method::POST, "/status", json!({ "status": "selesai" }), 400),
        (id, Method::PUT, "/faq", faq.clone(), 409),
        (id, Method::PUT, "/faq", json!({ "question": "PIRT?", "answer": "Ya." }), 422),
        (id, Method::POST, "/visits", json!({ "status": "dijadwalkan", "place": "Balai desa" }), 422),
        (id, Method::POST, "/visits", json!({ "status": "selesai", "scheduled_for": 1_795_478_400_000_i64 }), 422),
        (id, Method::PUT, "/visits/999999", json!({ "status": "batal" }), 404),
        (id, Method::PUT, "/assignment", json!({ "office": null, "assignee_id": shopper_id }), 422),
        (id, Method::PUT, "/assignment", json!({ "office": "dinas_rahasia", "assignee_id": null }), 400),
        (id, Method::POST, "/messages", json!({ "body": " " }), 422),
        (closed, Method::POST, "/messages", json!({ "body": "Masih ada pertanyaan." }), 409),
        (closed, Method::POST, "/status", json!({ "status": "diproses" }), 409),
        (closed, Method::POST, "/visits", json!({ "status": "diminta" }), 409),
        (closed, Method::PUT, "/assignment", json!({ "office": "dinas_pmd", "assignee_id": null }), 409),
    ];
    for (target, method, rest, body, status) in cases {
        assert_problem(act(&app, &staff, method.clone(), target, rest, Some(&body)).await, status).await;
    }
    // The asker may close only an answered consultation.
    let early = act(&app, &seller, Method::POST, id, "/status", Some(&json!({ "status": "ditutup" }))).await;
    assert_problem(early, 409).await;
    assert_eq!(counts(&app).await, before);
    let status: String = sqlx::query_scalar("SELECT status FROM consultations WHERE id = $1")
        .bind(id)
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    assert_eq!(status, "baru");
}

async fn bad_grants_write_nothing(app: TestApp) {
    let lombok_barat = session(&app, LOMBOK_BARAT_ADMIN).await;
    new_account(&app, "Calon Konsultan", "085733330001").await;
    let granted = grant(&app, &lombok_barat, "085733330001", "52.01.14", "dpmptsp").await;
    let before = counts(&app).await;
    let post = |cookie: &str, body: Value| {
        let cookie = cookie.to_owned();
        let app = &app;
        async move { app.call(Method::POST, "/api/v1/admin/consultants", Some(&cookie), Some(&body)).await }
    };
    let body = |phone: &str, region: &str, office: &str| json!({ "phone": phone, "region": region, "office": office });
    // Outside the admin's region: Lombok Tengah, and the whole province.
    for region in ["52.02", "52", "13.10"] {
        let res = post(&lombok_barat, body("085733330001", region, "dpmptsp")).await;
        assert!(assert_problem(res, 403).await.detail.contains("di luar wilayah"), "{region}");
    }
    // The same role twice, a desa, a code not in the region table, nobody with that number, an unknown office.
    assert_problem(post(&lombok_barat, body("085733330001", "52.01.14", "dpmptsp")).await, 409).await;
    assert_problem(post(&lombok_barat, body("085733330001", "52.01.14.2006", "dpmptsp")).await, 422).await;
    assert_problem(post(&lombok_barat, body("085733330001", "52.01.99", "dpmptsp")).await, 422).await;
    assert_problem(post(&lombok_barat, body("085799999999", "52.01", "dpmptsp")).await, 422).await;
    assert_problem(post(&lombok_barat, body("085733330001", "52.01", "dinas_rahasia")).await, 400).await;
    // Only district admins grant; a consultant is not one.
    let village_admin = session(&app, DARMAJI_ADMIN).await;
    assert_problem(post(&village_admin, body("085733330001", "52.02", "dpmptsp")).await, 403).await;
    let consultant = app.sign_in("085733330001", "kopi tubruk pagi hari").await;
    assert_problem(post(&consultant, body("085733330001", "52.01.14", "dinas_pmd")).await, 403).await;
    // Revoking outside one's region, or what does not exist.
    let ntb_only = session(&app, super::NTB_ADMIN).await;
    let far = new_account(&app, "Admin Lombok Tengah", "085733330002").await.1;
    let mut conn = app.db().pool.acquire().await.unwrap();
    backend::admin::queries::grants::insert(&mut conn, far, shared::Role::DistrictAdmin, None, Some("52.02"), None)
        .await
        .unwrap();
    drop(conn);
    let lombok_tengah = app.session_for(far).await;
    let revoke = format!("/api/v1/admin/consultants/{}", granted["id"]);
    assert_problem(app.call(Method::DELETE, &revoke, Some(&lombok_tengah), None).await, 403).await;
    let missing = app.call(Method::DELETE, "/api/v1/admin/consultants/999999", Some(&ntb_only), None).await;
    assert_problem(missing, 404).await;
    let listed = app.call_json(Method::GET, "/api/v1/admin/consultants", Some(&lombok_tengah), None, 200).await;
    assert!(listed.as_array().unwrap().iter().all(|c| c["id"] != granted["id"]), "{listed}");
    assert_eq!(counts(&app).await, before);
}
