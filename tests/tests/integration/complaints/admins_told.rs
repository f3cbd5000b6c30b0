//! The admins who decide a complaint are told when it comes to them, once: the village's admin (in-app and
//! on their phone) the moment the seller disagrees; the kabupaten's admin, for a village without its own,
//! when the seller's time to answer runs out (the background job, however many servers run it). Other
//! admins are told nothing, and neither is anyone while the seller may still answer or has agreed.

use backend::{db::now_ms, orders::sweeper::sweep};
use lapak_tests::{Engine, TestApp, on_both_databases, on_both_engines};
use reqwest::Method;
use serde_json::{Value, json};
use shared::complaint::Complaint;

use super::{
    DARMAJI_ADMIN, LOMBOK_BARAT_ADMIN, PROVINCE_ADMIN, answer_time_over, darmaji, opened_as_guest, ready, seller_moves,
    two_products,
};
use crate::orders::{DARMA_TANI, SENGGIGI, SENGGIGI_BAHARI, seller};
use crate::push::{Device, PushService, app_with_loopback, subscribed};
use crate::reviews::answer;

on_both_engines!(the_village_admin_is_told_once_when_the_seller_disagrees);
on_both_databases!(
    the_district_admin_is_told_when_the_sellers_time_runs_out,
    no_admin_is_told_of_what_the_seller_settles
);

const DAY: i64 = 24 * 60 * 60 * 1000;

/// The notifications `phone`'s holder has about the order `code`.
async fn told(app: &TestApp, phone: &str, code: &str) -> Vec<Value> {
    let cookie = app.session_for(app.user_id(phone).await).await;
    let notes = app.call_json(Method::GET, "/api/v1/me/notifications", Some(&cookie), None, 200).await;
    let items = notes["items"].as_array().unwrap().clone();
    items.into_iter().filter(|n| n["title"].as_str().unwrap_or_default().contains(code)).collect()
}

/// How many notifications about `code` each admin has: (Darmaji's, Lombok Barat's, the province's).
async fn admins_told(app: &TestApp, code: &str) -> (usize, usize, usize) {
    (
        told(app, DARMAJI_ADMIN, code).await.len(),
        told(app, LOMBOK_BARAT_ADMIN, code).await.len(),
        told(app, PROVINCE_ADMIN, code).await.len(),
    )
}

async fn the_village_admin_is_told_once_when_the_seller_disagrees(engine: Engine) {
    let Some(app) = app_with_loopback(engine).await else { return };
    let mut service = PushService::start().await;
    let admin_phone = Device::new("hp-admin-desa", 21);
    let admin = app.session_for(app.user_id(DARMAJI_ADMIN).await).await;
    subscribed(&app, &admin, &admin_phone, &service).await;
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, _) = two_products(&app, &tani).await;
    let guest = "081977700701";
    let order = ready(&app, &tani, None, guest, &[kopi]).await;
    opened_as_guest(&app, &order.code, guest).await;
    assert_eq!(admins_told(&app, &order.code).await, (0, 0, 0), "the seller answers first");
    assert!(service.quiet_for(300).await);

    let disagree = json!({ "action": "tidak_setuju", "note": "Madu sudah dicek utuh saat diambil." });
    answer::<Complaint>(seller_moves(&app, &tani, &order.code, &disagree).await, 200).await;
    let link = format!("/admin/desa/{}/komplain", darmaji(&app).await);
    let title = format!("Komplain pesanan {} menunggu keputusan Anda", order.code);
    let push = service.next().await;
    assert_eq!(push.device, "hp-admin-desa");
    let shown = admin_phone.decrypt(&push.body);
    assert_eq!((shown["title"].as_str(), shown["url"].as_str()), (Some(title.as_str()), Some(link.as_str())));
    let notes = told(&app, DARMAJI_ADMIN, &order.code).await;
    assert_eq!(notes.len(), 1);
    assert_eq!((notes[0]["title"].as_str(), notes[0]["link"].as_str()), (Some(title.as_str()), Some(link.as_str())));
    let body = notes[0]["body"].as_str().unwrap();
    assert!(body.contains("Barang rusak") && body.contains(&tani.name), "{body}");
    assert!(body.contains("Penjual tidak setuju: Madu sudah dicek utuh saat diambil."), "{body}");

    // Its time running out later tells no one again.
    sweep(&app.state, now_ms() + 3 * DAY).await.unwrap();
    assert_eq!(admins_told(&app, &order.code).await, (1, 0, 0), "once, and only the village's admin");
    assert!(service.quiet_for(500).await, "one push");
}

async fn the_district_admin_is_told_when_the_sellers_time_runs_out(app: TestApp) {
    let bahari = seller(&app, SENGGIGI_BAHARI).await;
    let (kopi, _) = two_products(&app, &bahari).await;
    let guest = "081977700702";
    let order = ready(&app, &bahari, None, guest, &[kopi]).await;
    let complaint = opened_as_guest(&app, &order.code, guest).await;
    sweep(&app.state, now_ms()).await.unwrap();
    assert_eq!(admins_told(&app, &order.code).await, (0, 0, 0), "the seller still has time");

    answer_time_over(&app, complaint.id).await;
    // Two servers' background jobs at once tell once.
    let (a, b) = tokio::join!(sweep(&app.state, now_ms()), sweep(&app.state, now_ms()));
    a.unwrap();
    b.unwrap();
    assert_eq!(admins_told(&app, &order.code).await, (0, 1, 0), "Senggigi has no admin: Lombok Barat's is told");
    let note = &told(&app, LOMBOK_BARAT_ADMIN, &order.code).await[0];
    let senggigi: i64 = sqlx::query_scalar("SELECT id FROM villages WHERE region_code = $1")
        .bind(SENGGIGI)
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    assert_eq!(note["link"], format!("/admin/desa/{senggigi}/komplain"));
    assert!(note["body"].as_str().unwrap().contains("Penjual tidak menjawab dalam 2 hari."), "{note}");
    sweep(&app.state, now_ms() + DAY).await.unwrap();
    assert_eq!(admins_told(&app, &order.code).await, (0, 1, 0), "once");

    // Where the link leads, the complaint waits for their decision.
    let admin = app.session_for(app.user_id(LOMBOK_BARAT_ADMIN).await).await;
    let path = format!("/api/v1/admin/villages/{senggigi}/complaints");
    let listed: Vec<Complaint> = answer(app.call(Method::GET, &path, Some(&admin), None).await, 200).await;
    assert_eq!(
        listed.iter().map(|c| (c.id, c.allowed.clone())).collect::<Vec<_>>(),
        [(complaint.id, vec![shared::complaint_flow::ComplaintMove::Decide])]
    );
}

async fn no_admin_is_told_of_what_the_seller_settles(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, _) = two_products(&app, &tani).await;
    let guest = "081977700703";
    let order = ready(&app, &tani, None, guest, &[kopi]).await;
    let complaint = opened_as_guest(&app, &order.code, guest).await;
    let agree = json!({ "action": "setuju", "outcome": "dana_kembali", "note": "" });
    answer::<Complaint>(seller_moves(&app, &tani, &order.code, &agree).await, 200).await;
    answer_time_over(&app, complaint.id).await;
    sweep(&app.state, now_ms() + 3 * DAY).await.unwrap();
    assert_eq!(admins_told(&app, &order.code).await, (0, 0, 0));
}
