//! Moving inquiries on: the shop's owner marks one contacted, a district admin marks it done (the owner
//! hears of it), closed ones stay closed; another shop's owner, another region's or village's admin and
//! a shopper find nothing to move, and nothing changes.

use lapak_tests::{TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};
use shared::{Inquiry, InquiryStatus, Role};

use super::{DARMA_TANI, DARMAJI_ADMIN, LOMBOK_BARAT, SENGGIGI_BAHARI, SHOPPER, admin, inquiry, send, shop};

on_both_databases!(owners_and_admins_move_inquiries, others_cannot_move_them);

async fn moved(app: &TestApp, path: &str, cookie: &str, status: &str, note: &str) -> Inquiry {
    let body = json!({ "status": status, "note": note });
    serde_json::from_value(app.call_json(Method::POST, path, Some(cookie), Some(&body), 200).await).unwrap()
}

async fn owners_and_admins_move_inquiries(app: TestApp) {
    let bahari = shop(&app, SENGGIGI_BAHARI).await;
    let id =
        send(&app, &inquiry(json!({ "product_id": bahari.product }), "085766660001")).await["id"].as_i64().unwrap();
    let by_owner = format!("/api/v1/shops/{}/inquiries/{id}/status", bahari.id);
    let contacted = moved(&app, &by_owner, &bahari.cookie, "dihubungi", " Harga dikirim lewat WhatsApp. ").await;
    assert_eq!(contacted.status, InquiryStatus::Contacted);
    assert_eq!(contacted.allowed, [InquiryStatus::Done, InquiryStatus::Cancelled]);
    let event = &contacted.events[0];
    assert_eq!((event.from, event.to), (InquiryStatus::New, InquiryStatus::Contacted));
    assert_eq!(
        (event.actor_name.as_str(), event.note.as_str()),
        (bahari.name.as_str(), "Harga dikirim lewat WhatsApp.")
    );
    let same = json!({ "status": "dihubungi" });
    let res = app.call(Method::POST, &by_owner, Some(&bahari.cookie), Some(&same)).await;
    assert!(assert_problem(res, 409).await.detail.contains("sudah berstatus dihubungi"));
    let back = json!({ "status": "baru" });
    assert_problem(app.call(Method::POST, &by_owner, Some(&bahari.cookie), Some(&back)).await, 409).await;
    let long = json!({ "status": "selesai", "note": "x".repeat(501) });
    let res = app.call(Method::POST, &by_owner, Some(&bahari.cookie), Some(&long)).await;
    assert_eq!(assert_problem(res, 422).await.fields[0].field, "note");

    // The district admin closes it; the owner is told.
    let lombok_barat = app.session_for(app.user_id(LOMBOK_BARAT).await).await;
    let by_admin = format!("/api/v1/admin/inquiries/{id}/status");
    let done = moved(&app, &by_admin, &lombok_barat, "selesai", "").await;
    assert_eq!((done.status, done.events.len()), (InquiryStatus::Done, 2));
    assert!(done.allowed.is_empty() && done.events[1].actor_name.ends_with("(admin)"));
    assert!(done.updated_at >= done.created_at);
    let notes = app.call_json(Method::GET, "/api/v1/me/notifications", Some(&bahari.cookie), None, 200).await;
    assert_eq!(notes["items"][0]["title"], format!("Permintaan #{id} ditandai selesai"));
    let cancel = json!({ "status": "batal" });
    let res = app.call(Method::POST, &by_admin, Some(&lombok_barat), Some(&cancel)).await;
    assert!(assert_problem(res, 409).await.detail.contains("tidak bisa diubah menjadi batal"));
    let shop_list = format!("/api/v1/shops/{}/inquiries?status=selesai", bahari.id);
    let listed = app.call_json(Method::GET, &shop_list, Some(&bahari.cookie), None, 200).await;
    assert_eq!(listed["items"][0]["status"], "selesai");
    assert_eq!(app.count("inquiry_events", &format!("inquiry_id = {id}")).await, 2);

    // A village admin moves their village's flagship inquiry.
    let flagship = send(&app, &inquiry(json!({ "village": "darmaji" }), "085766660002")).await["id"].as_i64().unwrap();
    let darmaji_admin = app.session_for(app.user_id(DARMAJI_ADMIN).await).await;
    let path = format!("/api/v1/admin/inquiries/{flagship}/status");
    assert_eq!(moved(&app, &path, &darmaji_admin, "batal", "Stok tidak cukup.").await.status, InquiryStatus::Cancelled);
}

async fn others_cannot_move_them(app: TestApp) {
    let bahari = shop(&app, SENGGIGI_BAHARI).await;
    let tani = shop(&app, DARMA_TANI).await;
    let id =
        send(&app, &inquiry(json!({ "product_id": bahari.product }), "085777770001")).await["id"].as_i64().unwrap();
    let body = json!({ "status": "dihubungi" });
    let call = |path: String, cookie: Option<String>| {
        let body: Value = body.clone();
        let app = &app;
        async move { app.call(Method::POST, &path, cookie.as_deref(), Some(&body)).await }
    };
    // Another shop's owner: not found under their shop, refused under this one.
    let theirs = format!("/api/v1/shops/{}/inquiries/{id}/status", tani.id);
    assert!(
        assert_problem(call(theirs, Some(tani.cookie.clone())).await, 404).await.detail.contains("tidak ditemukan")
    );
    let ours = format!("/api/v1/shops/{}/inquiries/{id}/status", bahari.id);
    assert_problem(call(ours.clone(), Some(tani.cookie.clone())).await, 403).await;
    assert_problem(call(ours, None).await, 401).await;
    let unknown = format!("/api/v1/shops/{}/inquiries/99999999/status", bahari.id);
    assert_problem(call(unknown, Some(bahari.cookie.clone())).await, 404).await;

    // Admins outside its village and region: not found; a shopper: not an admin.
    let by_admin = format!("/api/v1/admin/inquiries/{id}/status");
    let lombok_tengah =
        admin(&app, "Admin Lombok Tengah", "085777770002", Role::DistrictAdmin, None, Some("52.02")).await;
    let darmaji_admin = app.session_for(app.user_id(DARMAJI_ADMIN).await).await;
    for cookie in [lombok_tengah, darmaji_admin] {
        assert_problem(call(by_admin.clone(), Some(cookie)).await, 404).await;
    }
    let shopper = app.session_for(app.user_id(SHOPPER).await).await;
    assert_problem(call(by_admin.clone(), Some(shopper)).await, 403).await;
    assert_problem(call(by_admin, None).await, 401).await;
    let lombok_barat = app.session_for(app.user_id(LOMBOK_BARAT).await).await;
    assert_problem(call("/api/v1/admin/inquiries/99999999/status".into(), Some(lombok_barat)).await, 404).await;
    assert_eq!(app.count("inquiries", &format!("id = {id} AND status = 'baru'")).await, 1, "still new");
    assert_eq!(app.count("inquiry_events", "1 = 1").await, 0);
}
