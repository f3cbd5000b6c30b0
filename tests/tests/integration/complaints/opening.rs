//! Opening a complaint: a signed-in buyer with a photo, both sides see it on the order (and the seller is
//! told); once per order; a guest with the order's number; strangers, the wrong number, an order not yet
//! sent, a late complaint and bad forms are refused and write nothing; the sweeper waits for it.

use backend::{db::now_ms, orders::sweeper::sweep};
use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use serde_json::json;
use shared::{
    OrderStatus,
    complaint::Complaint,
    complaint_flow::{ComplaintMove, ComplaintReason, ComplaintStatus},
    order::Order,
};

use super::{
    DARMAJI_ADMIN, age_order, answer_time_over, damaged, darmaji, decides, form, open_signed_in, opened_as_guest,
    photo, ready, two_products, written,
};
use crate::orders::{DARMA_TANI, SENGGIGI_BAHARI, SHOPPER, as_guest, guest_order, refused, seller};
use crate::reviews::{answer, new_order};

on_both_databases!(
    a_buyer_complains_with_a_photo_once,
    strangers_late_complaints_and_bad_forms_write_nothing,
    the_order_waits_for_its_complaint
);

const GUEST: &str = "081977700401";
const DAY: i64 = 24 * 60 * 60 * 1000;

async fn a_buyer_complains_with_a_photo_once(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, madu) = two_products(&app, &tani).await;
    let shopper = app.session_for(app.user_id(SHOPPER).await).await;
    let order = ready(&app, &tani, Some(&shopper), SHOPPER, &[kopi, madu]).await;
    assert!(order.complaint_until.is_some_and(|t| t > now_ms() + 2 * DAY), "three days to complain");

    // A buyer whose order is on its way may upload the photos of a complaint.
    let picture = photo(&app, &shopper).await;
    let body = form("tidak_sesuai", "  Madunya encer, tidak seperti di foto. ", &[picture]);
    let opened: Complaint = answer(open_signed_in(&app, &order.code, &shopper, &body).await, 201).await;
    assert_eq!((opened.reason, opened.status), (ComplaintReason::NotAsDescribed, ComplaintStatus::AwaitingSeller));
    assert_eq!(opened.description, "Madunya encer, tidak seperti di foto.");
    assert_eq!(opened.photos.iter().map(|p| p.id).collect::<Vec<_>>(), [picture]);
    assert_eq!(opened.allowed, [ComplaintMove::Withdraw]);
    assert!(opened.answer_by > opened.opened_at + DAY, "the seller has two days");
    assert_eq!(written(&app).await, (1, 1, 1, 0));

    let path = format!("/api/v1/orders/{}", order.code);
    let buyers: Order = answer(app.call(Method::GET, &path, Some(&shopper), None).await, 200).await;
    assert_eq!(buyers.complaint.as_ref().map(|c| c.status), Some(ComplaintStatus::AwaitingSeller));
    assert_eq!(buyers.complaint_until, None, "one complaint per order");
    let shop_path = format!("/api/v1/shops/{}/orders/{}", tani.shop, order.code);
    let sellers: Order = answer(app.call(Method::GET, &shop_path, Some(&tani.cookie), None).await, 200).await;
    let complaint = sellers.complaint.expect("the seller sees the complaint");
    assert_eq!(complaint.allowed, [ComplaintMove::Agree, ComplaintMove::Disagree]);
    assert_eq!(complaint.events[0].note, "Barang tidak sesuai deskripsi");
    let owner = app.user_id(DARMA_TANI).await;
    let told = format!("user_id = {owner} AND title LIKE 'Komplain pesanan {}%'", order.code);
    assert_eq!(app.count("notifications", &told).await, 1, "the seller is told");

    let again = open_signed_in(&app, &order.code, &shopper, &damaged()).await;
    refused(again, 409, "sudah dikomplain", "second complaint").await;
    assert_eq!(written(&app).await, (1, 1, 1, 0));
}

async fn strangers_late_complaints_and_bad_forms_write_nothing(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, _) = two_products(&app, &tani).await;
    let order = ready(&app, &tani, None, GUEST, &[kopi]).await;
    let path = format!("/api/v1/orders/{}/complaint", order.code);

    refused(app.call(Method::POST, &path, None, Some(&damaged())).await, 401, "", "no number").await;
    let stranger = seller(&app, SENGGIGI_BAHARI).await;
    refused(open_signed_in(&app, &order.code, &stranger.cookie, &damaged()).await, 403, "bukan milik", "stranger")
        .await;
    let wrong = as_guest(&app, Method::POST, &path, "081977700999", Some(&damaged())).await;
    refused(wrong, 404, "tidak ditemukan", "wrong number").await;
    for (body, field) in [
        (form("rusak", "Rusak.", &[]), "description"),
        (form("rusak", "Toplesnya pecah semua.", &[1, 2, 3, 4]), "photo_ids"),
        (form("rusak", "Toplesnya pecah semua.", &[1]), "photo_ids"),
    ] {
        let problem = refused(as_guest(&app, Method::POST, &path, GUEST, Some(&body)).await, 422, "", field).await;
        assert_eq!(problem.fields[0].field, field);
    }
    let unknown = form("lain", "Toplesnya pecah semua.", &[]);
    let res = as_guest(&app, Method::POST, &path, GUEST, Some(&unknown)).await;
    assert!(matches!(res.status().as_u16(), 400 | 422), "an unknown reason is refused");

    let fresh = new_order(&app, &tani, None, GUEST, &[kopi]).await;
    let early =
        as_guest(&app, Method::POST, &format!("/api/v1/orders/{fresh}/complaint"), GUEST, Some(&damaged())).await;
    refused(early, 409, "setelah pesanan dikirim", "not sent yet").await;

    age_order(&app, &order.code, 4).await;
    assert_eq!(guest_order(&app, &order.code, GUEST).await.complaint_until, None);
    let late = as_guest(&app, Method::POST, &path, GUEST, Some(&damaged())).await;
    refused(late, 409, "sudah lewat", "after three days").await;
    assert_eq!(written(&app).await, (0, 0, 0, 0));
}

async fn the_order_waits_for_its_complaint(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, _) = two_products(&app, &tani).await;
    let order = ready(&app, &tani, None, GUEST, &[kopi]).await;
    let complaint = opened_as_guest(&app, &order.code, GUEST).await;
    // Ready ten days ago as far as the sweeper is concerned: past its seven days, but the complaint runs.
    sqlx::query("UPDATE orders SET status_at = status_at - $1 WHERE code = $2")
        .bind(10 * DAY)
        .bind(&order.code)
        .execute(&app.db().pool)
        .await
        .unwrap();
    let now = now_ms();
    assert_eq!(sweep(&app.state, now).await.unwrap(), 0, "not while the complaint runs");
    assert_eq!(guest_order(&app, &order.code, GUEST).await.status, OrderStatus::ReadyForPickup);

    // Rejected by the village admin: the order completes the set days after that, not at once.
    answer_time_over(&app, complaint.id).await;
    let admin = app.session_for(app.user_id(DARMAJI_ADMIN).await).await;
    let reject = json!({ "action": "putuskan", "outcome": "ditolak", "note": "Foto tidak menunjukkan kerusakan." });
    let decided: Complaint = answer(decides(&app, &admin, darmaji(&app).await, complaint.id, &reject).await, 200).await;
    assert_eq!(decided.status, ComplaintStatus::Rejected);
    assert_eq!(sweep(&app.state, now + DAY).await.unwrap(), 0, "the days count again from the decision");
    assert_eq!(sweep(&app.state, now + 7 * DAY + 3_600_000).await.unwrap(), 1);
    assert_eq!(guest_order(&app, &order.code, GUEST).await.status, OrderStatus::Completed);
}
