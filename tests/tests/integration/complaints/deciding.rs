//! The village admin decides: after the seller disagrees (at once) or leaves the complaint unanswered (only
//! once their time is over, after which the seller cannot answer any more), with an audit row; admins of
//! another region, and a district admin over a village with its own admin, cannot; the dashboard counts
//! each shop's complaints by how they ended.

use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use serde_json::json;
use shared::{
    complaint::Complaint,
    complaint_flow::{ComplaintMove, ComplaintOutcome, ComplaintStatus},
    dashboard::{Cell, Report},
};

use super::{
    DARMAJI_ADMIN, LOMBOK_BARAT_ADMIN, PROVINCE_ADMIN, answer_time_over, darmaji, decides, opened_as_guest, ready,
    seller_moves, two_products, written,
};
use crate::orders::{DARMA_TANI, refused, seller};
use crate::reviews::answer;

on_both_databases!(the_admin_decides_what_the_seller_disputes, the_admin_decides_after_the_sellers_time);

const GUEST: &str = "081977700601";

async fn the_admin_decides_what_the_seller_disputes(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, _) = two_products(&app, &tani).await;
    let order = ready(&app, &tani, None, GUEST, &[kopi]).await;
    let complaint = opened_as_guest(&app, &order.code, GUEST).await;
    let village = darmaji(&app).await;
    let short = json!({ "action": "tidak_setuju", "note": "" });
    refused(seller_moves(&app, &tani, &order.code, &short).await, 422, "", "no reason").await;
    let disagree = json!({ "action": "tidak_setuju", "note": "Madu sudah dicek utuh saat diambil pembeli." });
    let disputed: Complaint = answer(seller_moves(&app, &tani, &order.code, &disagree).await, 200).await;
    assert_eq!(disputed.status, ComplaintStatus::AwaitingAdmin);

    let refund = json!({ "action": "putuskan", "outcome": "dana_kembali", "note": "Foto pembeli jelas." });
    for (phone, words) in [(LOMBOK_BARAT_ADMIN, "bukan admin desa ini"), (PROVINCE_ADMIN, "memiliki admin desa")] {
        let other = app.session_for(app.user_id(phone).await).await;
        refused(decides(&app, &other, village, complaint.id, &refund).await, 403, words, phone).await;
    }
    let list_path = format!("/api/v1/admin/villages/{village}/complaints");
    let outsider = app.session_for(app.user_id(LOMBOK_BARAT_ADMIN).await).await;
    refused(app.call(Method::GET, &list_path, Some(&outsider), None).await, 403, "", "another region's list").await;
    let admin = app.session_for(app.user_id(DARMAJI_ADMIN).await).await;
    let no_outcome = json!({ "action": "putuskan" });
    refused(decides(&app, &admin, village, complaint.id, &no_outcome).await, 422, "", "no outcome").await;
    refused(decides(&app, &admin, village, complaint.id + 1000, &refund).await, 404, "tidak ditemukan", "unknown")
        .await;
    assert_eq!(app.count("audit_log", "action = 'complaint.decided'").await, 0);

    let listed: Vec<Complaint> = answer(app.call(Method::GET, &list_path, Some(&admin), None).await, 200).await;
    assert_eq!(
        listed.iter().map(|c| (c.id, c.allowed.clone())).collect::<Vec<_>>(),
        [(complaint.id, vec![ComplaintMove::Decide])]
    );
    let decided: Complaint = answer(decides(&app, &admin, village, complaint.id, &refund).await, 200).await;
    assert_eq!((decided.status, decided.outcome), (ComplaintStatus::AwaitingRefund, Some(ComplaintOutcome::Refund)));
    assert_eq!(decided.events.last().map(|e| e.actor_name.as_str()), Some("Admin Desa Darmaji"));
    assert_eq!(app.count("audit_log", "action = 'complaint.decided'").await, 1);
    let twice = decides(&app, &admin, village, complaint.id, &refund).await;
    refused(twice, 409, "sudah diputuskan", "second decision").await;
    let buyer_told = format!("title LIKE 'Komplain pesanan {}%'", order.code);
    assert!(app.count("notifications", &buyer_told).await >= 2, "the seller hears of the decision");
}

async fn the_admin_decides_after_the_sellers_time(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, _) = two_products(&app, &tani).await;
    let order = ready(&app, &tani, None, GUEST, &[kopi]).await;
    let complaint = opened_as_guest(&app, &order.code, GUEST).await;
    let village = darmaji(&app).await;
    let admin = app.session_for(app.user_id(DARMAJI_ADMIN).await).await;
    let reject = json!({ "action": "putuskan", "outcome": "ditolak", "note": "Barang sudah diambil utuh." });
    refused(decides(&app, &admin, village, complaint.id, &reject).await, 409, "masih dalam waktu", "too early").await;
    let before = written(&app).await;

    answer_time_over(&app, complaint.id).await;
    let late = json!({ "action": "setuju", "outcome": "dana_kembali" });
    refused(seller_moves(&app, &tani, &order.code, &late).await, 409, "sudah lewat", "seller too late").await;
    let bare = json!({ "action": "putuskan", "outcome": "ditolak", "note": "" });
    refused(decides(&app, &admin, village, complaint.id, &bare).await, 422, "", "a rejection needs a reason").await;
    assert_eq!(written(&app).await, before);
    let decided: Complaint = answer(decides(&app, &admin, village, complaint.id, &reject).await, 200).await;
    assert_eq!(decided.status, ComplaintStatus::Rejected);
    assert_eq!(decided.events.last().map(|e| e.note.as_str()), Some("Barang sudah diambil utuh."));

    // The village's dashboard counts it among the shop's rejected complaints, from the kept counts.
    let report: Report =
        answer(app.call(Method::GET, "/api/v1/dashboard/komplain", Some(&admin), None).await, 200).await;
    let labels: Vec<&str> = report.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Toko",
            "Desa",
            "Berjalan",
            "Dana sudah dikembalikan",
            "Barang pengganti sudah dikirim",
            "Komplain ditolak",
            "Komplain ditarik pembeli",
            "Jumlah"
        ]
    );
    let row = report.rows.iter().find(|r| r[0] == Cell::Text(tani.name.clone())).expect("the shop's row");
    let counts: Vec<i64> = row[2..].iter().map(Cell::number).collect();
    assert_eq!(counts, [0, 0, 0, 1, 0, 1]);
}
