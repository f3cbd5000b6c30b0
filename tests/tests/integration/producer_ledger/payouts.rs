//! Payouts: money handed to a producer lowers the balance, with its day, note and receipt photo; a
//! payout of nothing, less, too much, on a bad or future day or with someone else's photo writes
//! nothing; another shop's owner and the village's admins can neither read nor write the ledger.

use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use serde_json::json;
use shared::producer_ledger::{PAYOUT_MAX, Payout, PayoutMethod};

use super::{account, complete, date_before, new_order, pay, producer, product_of, written};
use crate::orders::{DARMA_TANI, SENGGIGI_BAHARI, refused, seller};
use crate::reviews::{DARMAJI_ADMIN, answer, photo};

on_both_databases!(payouts_lower_the_balance, bad_payouts_write_nothing, only_the_owner_keeps_the_ledger);

async fn payouts_lower_the_balance(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let ani = producer(&app, &tani, "Inaq Ani", json!({ "kind": "persen", "value": 10 })).await;
    let keripik = product_of(&app, &tani, "Keripik Ani", 25_000, Some(ani)).await;
    let code = new_order(&app, &tani, &[(keripik, 4, 25_000)]).await;
    complete(&app, &tani, &code).await;
    assert_eq!(account(&app, &tani, ani).await.balance, 90_000);

    let receipt = photo(&app, &tani.cookie).await;
    let body = json!({ "amount": 50_000, "method": "transfer", "paid_on": date_before(&app, 0),
        "note": "  Transfer BRI  ", "receipt_id": receipt });
    let paid: Payout = answer(pay(&app, tani.shop, ani, &tani.cookie, &body).await, 201).await;
    assert_eq!((paid.amount, paid.method, paid.note.as_str()), (50_000, PayoutMethod::Transfer, "Transfer BRI"));
    assert_eq!(paid.receipt.map(|r| r.id), Some(receipt));
    let cash = json!({ "amount": 15_000, "method": "tunai", "paid_on": date_before(&app, 1), "note": "" });
    answer::<Payout>(pay(&app, tani.shop, ani, &tani.cookie, &cash).await, 201).await;

    let a = account(&app, &tani, ani).await;
    assert_eq!((a.owed, a.paid, a.balance), (90_000, 65_000, 25_000));
    assert_eq!(written(&app).await, (1, 2, 1));
}

async fn bad_payouts_write_nothing(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let ani = producer(&app, &tani, "Inaq Ani", json!({ "kind": "persen", "value": 10 })).await;
    let today = date_before(&app, 0);
    let good = json!({ "amount": 10_000, "method": "tunai", "paid_on": today, "note": "" });
    let with = |field: &str, value: serde_json::Value| {
        let mut body = good.clone();
        body[field] = value;
        body
    };
    let bahari = seller(&app, SENGGIGI_BAHARI).await;
    let strangers_photo = photo(&app, &bahari.cookie).await;
    let cases = [
        (with("amount", json!(0)), 422, "lebih dari Rp 0", "nothing"),
        (with("amount", json!(-5_000)), 422, "lebih dari Rp 0", "negative"),
        (with("amount", json!(PAYOUT_MAX + 1)), 422, "paling banyak Rp 100.000.000", "too much"),
        (with("paid_on", json!("2026-02-30")), 422, "seperti 2026-11-30", "no such day"),
        (with("paid_on", json!("30-11-2026")), 422, "seperti 2026-11-30", "another way of writing"),
        (with("paid_on", json!(date_before(&app, -2))), 422, "setelah hari ini", "a day still to come"),
        (with("receipt_id", json!(strangers_photo)), 422, "Foto tidak ditemukan", "someone else's photo"),
        (with("method", json!("cek")), 400, "", "an unknown method"),
    ];
    for (body, status, words, case) in cases {
        let problem = refused(pay(&app, tani.shop, ani, &tani.cookie, &body).await, status, "", case).await;
        assert!(
            status != 422 || problem.fields.iter().any(|f| f.message.contains(words)),
            "{case}: {:?}",
            problem.fields
        );
    }
    // Another shop's producer is not found here.
    let theirs = producer(&app, &bahari, "Inaq Lain", json!({ "kind": "persen", "value": 0 })).await;
    refused(pay(&app, tani.shop, theirs, &tani.cookie, &good).await, 404, "tidak ditemukan", "not ours").await;
    assert_eq!(written(&app).await, (0, 0, 0));
    assert_eq!(account(&app, &tani, ani).await.paid, 0);
}

async fn only_the_owner_keeps_the_ledger(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let ani = producer(&app, &tani, "Inaq Ani", json!({ "kind": "persen", "value": 10 })).await;
    let keripik = product_of(&app, &tani, "Keripik Ani", 10_000, Some(ani)).await;
    complete(&app, &tani, &new_order(&app, &tani, &[(keripik, 1, 10_000)]).await).await;
    let bahari = seller(&app, SENGGIGI_BAHARI).await;
    let admin = app.session_for(app.user_id(DARMAJI_ADMIN).await).await;
    let shop = tani.shop;
    let body = json!({ "amount": 1_000, "method": "tunai", "paid_on": date_before(&app, 0), "note": "" });
    let terms = json!({ "fee": { "kind": "persen", "value": 0 }, "phone": "" });
    for cookie in [&bahari.cookie, &admin] {
        for (method, path, body) in [
            (Method::GET, format!("/api/v1/shops/{shop}/producer-ledger"), None),
            (Method::GET, format!("/api/v1/shops/{shop}/producers/{ani}/statement"), None),
            (Method::POST, format!("/api/v1/shops/{shop}/producers/{ani}/payouts"), Some(&body)),
            (Method::PUT, format!("/api/v1/shops/{shop}/producers/{ani}/terms"), Some(&terms)),
        ] {
            refused(app.call(method, &path, Some(cookie), body).await, 403, "pemilik toko", &path).await;
        }
    }
    // Their own shop's ledger does not list Darma Tani's producers.
    let path = format!("/api/v1/shops/{}/producer-ledger", bahari.shop);
    let theirs = app.call_json(Method::GET, &path, Some(&bahari.cookie), None, 200).await;
    assert!(theirs.as_array().unwrap().iter().all(|a| a["producer"]["id"].as_i64() != Some(ani)));
    let a = account(&app, &tani, ani).await;
    assert_eq!((a.fee.value, a.paid, a.balance), (10, 0, 9_000));
}
