//! Each settlement the seller agrees to, run to its end: a refund recorded with its receipt (the order
//! completes, the refunded lines are kept; bad refunds write nothing), a return then a refund, a
//! replacement, and a complaint the buyer withdraws.

use lapak_tests::{TestApp, on_both_databases};
use serde_json::{Value, json};
use shared::{
    OrderStatus,
    complaint::Complaint,
    complaint_flow::{ComplaintMove, ComplaintOutcome, ComplaintStatus},
};

use super::{
    PRICE, buyer_moves, opened_as_guest, photo, ready, refund, refunds, seller_moves, today, two_products, written,
};
use crate::orders::{DARMA_TANI, Seller, guest_order, refused, seller, stock};
use crate::reviews::answer;

on_both_databases!(
    a_refund_is_recorded_with_its_receipt,
    goods_come_back_before_the_money,
    a_replacement_and_a_withdrawn_complaint
);

const GUEST: &str = "081977700501";

fn agree(outcome: &str) -> Value {
    json!({ "action": "setuju", "outcome": outcome })
}

async fn agreed(app: &TestApp, seller: &Seller, code: &str, outcome: &str) -> Complaint {
    answer(seller_moves(app, seller, code, &agree(outcome)).await, 200).await
}

async fn a_refund_is_recorded_with_its_receipt(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, madu) = two_products(&app, &tani).await;
    let order = ready(&app, &tani, None, GUEST, &[kopi, madu]).await;
    opened_as_guest(&app, &order.code, GUEST).await;
    let early = refunds(&app, &tani, &order.code, &refund(&app, &[order.lines[1].id], 1)).await;
    refused(early, 409, "tidak diselesaikan dengan pengembalian dana", "before agreeing").await;
    let complaint = agreed(&app, &tani, &order.code, "dana_kembali").await;
    assert_eq!(
        (complaint.status, complaint.outcome),
        (ComplaintStatus::AwaitingRefund, Some(ComplaintOutcome::Refund))
    );
    assert_eq!(complaint.allowed, [ComplaintMove::RecordRefund]);
    let buyers = guest_order(&app, &order.code, GUEST).await.complaint.expect("the buyer follows it");
    assert_eq!(buyers.status, ComplaintStatus::AwaitingRefund);
    assert!(buyers.allowed.is_empty(), "{:?}", buyers.allowed);

    let receipt = photo(&app, &tani.cookie).await;
    let before = written(&app).await;
    let other = ready(&app, &tani, None, GUEST, &[kopi]).await;
    let tomorrow = backend::time_zone::date_of(app.state.config.time_zone.day_of(backend::db::now_ms()) + 1);
    for (body, field) in [
        (refund(&app, &[other.lines[0].id], receipt), "line_ids"),
        (refund(&app, &[], receipt), "line_ids"),
        (json!({ "line_ids": [order.lines[1].id], "paid_on": tomorrow, "receipt_id": receipt }), "paid_on"),
        (json!({ "line_ids": [order.lines[1].id], "paid_on": "6-12-2026", "receipt_id": receipt }), "paid_on"),
        (refund(&app, &[order.lines[1].id], receipt + 1000), "receipt_id"),
    ] {
        let problem = refused(refunds(&app, &tani, &order.code, &body).await, 422, "", field).await;
        assert_eq!(problem.fields[0].field, field);
    }
    assert_eq!(written(&app).await, before, "bad refunds write nothing");

    let done: Complaint =
        answer(refunds(&app, &tani, &order.code, &refund(&app, &[order.lines[1].id], receipt)).await, 200).await;
    assert_eq!(done.status, ComplaintStatus::Refunded);
    let paid = done.refund.expect("the refund is shown");
    assert_eq!((paid.amount, paid.delivery_fee, paid.receipt.id), (PRICE, 0, receipt));
    assert_eq!(paid.paid_on, today(&app));
    assert_eq!(
        paid.lines.iter().map(|l| (l.line_id, l.quantity, l.amount)).collect::<Vec<_>>(),
        [(order.lines[1].id, 1, PRICE)]
    );
    assert!(done.closed_at.is_some());
    assert_eq!(written(&app).await.3, 1, "the refunded line is kept");

    let seen = guest_order(&app, &order.code, GUEST).await;
    assert_eq!(seen.status, OrderStatus::Completed, "a refund settles the order");
    let complaint = seen.complaint.expect("the buyer sees the refund");
    assert_eq!(complaint.refund.map(|r| r.amount), Some(PRICE));
    assert!(complaint.events.iter().any(|e| e.note.contains("Rp 40.000 dikembalikan")), "{:?}", complaint.events);
    assert!(seen.events.iter().any(|e| e.to == OrderStatus::Completed && e.note.contains("pengembalian dana")));
    let again = refunds(&app, &tani, &order.code, &refund(&app, &[order.lines[0].id], receipt)).await;
    refused(again, 409, "sudah selesai", "second refund").await;
}

async fn goods_come_back_before_the_money(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, _) = two_products(&app, &tani).await;
    let order = ready(&app, &tani, None, GUEST, &[kopi]).await;
    let left = stock(&app, kopi).await;
    opened_as_guest(&app, &order.code, GUEST).await;
    assert_eq!(agreed(&app, &tani, &order.code, "retur").await.status, ComplaintStatus::AwaitingReturn);
    let receipt = photo(&app, &tani.cookie).await;
    let early = refunds(&app, &tani, &order.code, &refund(&app, &[order.lines[0].id], receipt)).await;
    refused(early, 409, "Terima dulu", "before the goods are back").await;
    let confirm = json!({ "action": "retur_diterima" });
    refused(seller_moves(&app, &tani, &order.code, &confirm).await, 409, "belum mengirim", "not sent yet").await;

    let sent: Complaint =
        answer(buyer_moves(&app, &order.code, GUEST, &json!({ "action": "kirim_balik" })).await, 200).await;
    assert_eq!(sent.status, ComplaintStatus::ReturnSent);
    let back: Complaint = answer(seller_moves(&app, &tani, &order.code, &confirm).await, 200).await;
    assert_eq!(back.status, ComplaintStatus::AwaitingRefund);
    let done: Complaint =
        answer(refunds(&app, &tani, &order.code, &refund(&app, &[order.lines[0].id], receipt)).await, 200).await;
    assert_eq!((done.status, done.outcome), (ComplaintStatus::Refunded, Some(ComplaintOutcome::ReturnAndRefund)));
    assert_eq!(stock(&app, kopi).await, left, "returned goods do not go back to stock by themselves");
    let steps: Vec<ComplaintStatus> = done.events.iter().map(|e| e.status).collect();
    assert_eq!(
        steps,
        [
            ComplaintStatus::AwaitingSeller,
            ComplaintStatus::AwaitingReturn,
            ComplaintStatus::ReturnSent,
            ComplaintStatus::AwaitingRefund,
            ComplaintStatus::Refunded
        ]
    );
}

async fn a_replacement_and_a_withdrawn_complaint(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, _) = two_products(&app, &tani).await;
    let order = ready(&app, &tani, None, GUEST, &[kopi]).await;
    opened_as_guest(&app, &order.code, GUEST).await;
    let rejecting = json!({ "action": "setuju", "outcome": "ditolak", "note": "Barang sudah sesuai." });
    let res = seller_moves(&app, &tani, &order.code, &rejecting).await;
    refused(res, 409, "Tidak setuju", "a seller does not reject alone").await;
    assert_eq!(agreed(&app, &tani, &order.code, "ganti").await.status, ComplaintStatus::AwaitingReplacement);
    let withdraw = json!({ "action": "tarik" });
    refused(buyer_moves(&app, &order.code, GUEST, &withdraw).await, 409, "tidak dapat ditarik", "too late").await;
    let reshipped: Complaint =
        answer(seller_moves(&app, &tani, &order.code, &json!({ "action": "kirim_ganti" })).await, 200).await;
    assert_eq!(reshipped.status, ComplaintStatus::Replaced);
    assert_eq!(guest_order(&app, &order.code, GUEST).await.status, OrderStatus::ReadyForPickup);

    let other = ready(&app, &tani, None, GUEST, &[kopi]).await;
    opened_as_guest(&app, &other.code, GUEST).await;
    let withdrawn: Complaint = answer(buyer_moves(&app, &other.code, GUEST, &withdraw).await, 200).await;
    assert_eq!(withdrawn.status, ComplaintStatus::Withdrawn);
    refused(seller_moves(&app, &tani, &other.code, &agree("dana_kembali")).await, 409, "sudah selesai", "after").await;
}
