//! Statements: a producer's sales, the shop's fee and payouts of a range of days between the opening and
//! closing balances, and the WhatsApp message that carries it.

use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use serde_json::json;
use shared::producer_ledger::{CreditKind, Statement};

use super::{complete, date_before, new_order, pay, producer, product_of};
use crate::orders::{DARMA_TANI, refused, seller};
use crate::reviews::answer;

on_both_databases!(a_statement_covers_its_days);

async fn a_statement_covers_its_days(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let ani = producer(&app, &tani, "Inaq Ani", json!({ "kind": "per_satuan", "value": 1_000 })).await;
    let keripik = product_of(&app, &tani, "Keripik Ani", 11_000, Some(ani)).await;
    // An older sale: completed, then dated 20 days back (as if it completed then).
    let old = new_order(&app, &tani, &[(keripik, 2, 11_000)]).await;
    complete(&app, &tani, &old).await;
    let twenty_days_ago = date_before(&app, 20);
    let day = shared::producer_ledger::date_day(&twenty_days_ago).unwrap();
    sqlx::query("UPDATE producer_credits SET day = $1").bind(day).execute(&app.db().pool).await.unwrap();
    let paid = json!({ "amount": 5_000, "method": "tunai", "paid_on": date_before(&app, 10), "note": "Kas" });
    answer::<serde_json::Value>(pay(&app, tani.shop, ani, &tani.cookie, &paid).await, 201).await;
    let recent = new_order(&app, &tani, &[(keripik, 3, 11_000)]).await;
    complete(&app, &tani, &recent).await;

    let path =
        |from: &str, to: &str| format!("/api/v1/shops/{}/producers/{ani}/statement?dari={from}&sampai={to}", tani.shop);
    let read = |path: String| {
        let cookie = tani.cookie.clone();
        let app = &app;
        async move { answer::<Statement>(app.call(Method::GET, &path, Some(&cookie), None).await, 200).await }
    };
    // The last fortnight: the old sale is the opening balance (2 × (11.000 − 1.000)).
    let s = read(path(&date_before(&app, 15), &date_before(&app, 0))).await;
    assert_eq!(s.opening, 20_000);
    assert_eq!(s.credits.len(), 1);
    let c = &s.credits[0];
    assert_eq!(
        (c.kind, c.order_code.as_str(), c.quantity, c.amount, c.fee, c.owed),
        (CreditKind::Jual, recent.as_str(), 3, 33_000, 3_000, 30_000)
    );
    assert_eq!(s.payouts.iter().map(|p| (p.amount, p.note.as_str())).collect::<Vec<_>>(), [(5_000, "Kas")]);
    assert_eq!((s.sold, s.fees, s.owed, s.paid, s.closing), (33_000, 3_000, 30_000, 5_000, 45_000));
    assert_eq!((s.shop_name.as_str(), s.account.balance), (tani.name.as_str(), 45_000));
    assert!(s.message().contains("Saldo akhir: Rp 45.000"), "{}", s.message());
    assert!(s.whatsapp_url().starts_with("https://wa.me/?text="), "no phone: the sender picks the chat");

    // The days before: the old sale alone, from nothing.
    let before = read(path(&date_before(&app, 30), &date_before(&app, 16))).await;
    assert_eq!((before.opening, before.credits.len(), before.payouts.len(), before.closing), (0, 1, 0, 20_000));
    assert_eq!(before.credits[0].order_code, old);

    // With the producer's number, the link goes to them.
    let terms = json!({ "fee": { "kind": "per_satuan", "value": 1_000 }, "phone": "081912345678" });
    let terms_path = format!("/api/v1/shops/{}/producers/{ani}/terms", tani.shop);
    app.call_json(Method::PUT, &terms_path, Some(&tani.cookie), Some(&terms), 200).await;
    let s = read(path(&date_before(&app, 15), &date_before(&app, 0))).await;
    assert!(s.whatsapp_url().starts_with("https://wa.me/6281912345678?text="));

    // Ranges that are no range.
    let cookie = Some(tani.cookie.as_str());
    let backwards = path(&date_before(&app, 0), &date_before(&app, 5));
    refused(app.call(Method::GET, &backwards, cookie, None).await, 400, "sebelum atau sama", "backwards").await;
    refused(app.call(Method::GET, &path("kemarin", ""), cookie, None).await, 400, "2026-11-30", "not a date").await;
}
