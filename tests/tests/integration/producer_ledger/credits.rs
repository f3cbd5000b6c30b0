//! Credits: a completed order credits each line of a member producer's product to that producer, with
//! the shop's fee (a percentage rounded down, or a fixed fee per unit) as it stood then; open and
//! cancelled orders credit nothing; a refund takes lines back once (`credits::reverse_lines`, which the
//! complaints' refund calls inside its transaction, as the last test shows through the API).

use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use serde_json::json;

use super::{account, complete, new_order, producer, product_of, written};
use crate::orders::{DARMA_TANI, refused, seller, seller_moved};

on_both_databases!(
    completed_lines_are_credited_exactly,
    refunds_take_lines_back_once,
    producers_with_a_ledger_stay,
    a_complaint_refund_takes_the_credit_back
);

async fn completed_lines_are_credited_exactly(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let ani = producer(&app, &tani, "Inaq Ani", json!({ "kind": "persen", "value": 10 })).await;
    let budi = producer(&app, &tani, "Amaq Budi", json!({ "kind": "per_satuan", "value": 1500 })).await;
    let keripik = product_of(&app, &tani, "Keripik Ani", 15_005, Some(ani)).await;
    let anyaman = product_of(&app, &tani, "Anyaman Budi", 10_000, Some(budi)).await;
    let own = product_of(&app, &tani, "Kopi BUMDes", 20_000, None).await;

    // Completed: 3 × 15.005 for Ani (fee 10% of 45.015 = 4.501,5, rounded down to 4.501), 2 × 10.000 for
    // Budi (fee 2 × 1.500), and the shop's own coffee, which nobody is credited.
    let done = new_order(&app, &tani, &[(keripik, 3, 15_005), (anyaman, 2, 10_000), (own, 1, 20_000)]).await;
    // Still open, and cancelled by the seller: nothing.
    let open = new_order(&app, &tani, &[(keripik, 1, 15_005)]).await;
    seller_moved(&app, &tani, &open, json!({ "action": "terima" })).await;
    let cancelled = new_order(&app, &tani, &[(keripik, 2, 15_005), (anyaman, 1, 10_000)]).await;
    seller_moved(&app, &tani, &cancelled, json!({ "action": "tolak", "note": "Stok habis di gudang." })).await;
    assert_eq!(written(&app).await.0, 0, "nothing is credited before an order completes");
    complete(&app, &tani, &done).await;

    let a = account(&app, &tani, ani).await;
    assert_eq!((a.items, a.sold, a.fees, a.owed, a.paid, a.balance), (3, 45_015, 4_501, 40_514, 0, 40_514));
    let b = account(&app, &tani, budi).await;
    assert_eq!((b.items, b.sold, b.fees, b.owed, b.balance), (2, 20_000, 3_000, 17_000, 17_000));
    assert_eq!(written(&app).await.0, 2, "one credit per producer line; the shop's own line has none");

    // The ledger equals the completed lines of this test's orders, as the seller's order shows them.
    let path = format!("/api/v1/shops/{}/orders/{done}", tani.shop);
    let order = app.call_json(Method::GET, &path, Some(&tani.cookie), None, 200).await;
    let lines = order["lines"].as_array().expect("lines");
    let of = |product: i64| -> (i64, i64) {
        lines
            .iter()
            .filter(|l| l["product_id"].as_i64() == Some(product))
            .fold((0, 0), |(q, s), l| (q + l["quantity"].as_i64().unwrap(), s + l["subtotal"].as_i64().unwrap()))
    };
    assert_eq!(of(keripik), (a.items, a.sold));
    assert_eq!(of(anyaman), (b.items, b.sold));

    // The past stays as it was credited: a new fee, or the product naming another producer, changes
    // nothing already earned.
    let terms = json!({ "fee": { "kind": "persen", "value": 50 }, "phone": "0819 1234 5678" });
    let path = format!("/api/v1/shops/{}/producers/{ani}/terms", tani.shop);
    let changed = app.call_json(Method::PUT, &path, Some(&tani.cookie), Some(&terms), 200).await;
    assert_eq!((changed["phone"].as_str(), changed["fee"]["value"].as_i64()), (Some("6281912345678"), Some(50)));
    sqlx::query("UPDATE products SET producer_id = $1 WHERE id = $2")
        .bind(budi)
        .bind(keripik)
        .execute(&app.db().pool)
        .await
        .unwrap();
    let again = account(&app, &tani, ani).await;
    assert_eq!((again.sold, again.fees, again.balance), (45_015, 4_501, 40_514));
    assert_eq!(account(&app, &tani, budi).await.sold, 20_000);

    // A fee out of range writes nothing.
    let bad = json!({ "fee": { "kind": "persen", "value": 101 }, "phone": "" });
    refused(app.call(Method::PUT, &path, Some(&tani.cookie), Some(&bad)).await, 422, "100 persen", "fee").await;
    assert_eq!(account(&app, &tani, ani).await.fee.value, 50);
}

async fn refunds_take_lines_back_once(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let ani = producer(&app, &tani, "Inaq Ani", json!({ "kind": "persen", "value": 20 })).await;
    let keripik = product_of(&app, &tani, "Keripik Ani", 12_000, Some(ani)).await;
    let dodol = product_of(&app, &tani, "Dodol Ani", 8_000, Some(ani)).await;
    let code = new_order(&app, &tani, &[(keripik, 2, 12_000), (dodol, 1, 8_000)]).await;
    complete(&app, &tani, &code).await;
    assert_eq!(account(&app, &tani, ani).await.balance, 25_600, "(24.000 + 8.000) less 20%");

    let pool = &app.db().pool;
    let (order_id, keripik_line): (i64, i64) = sqlx::query_as(
        "SELECT o.id, l.id FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.code = $1 AND l.product_id = $2",
    )
    .bind(&code)
    .bind(keripik)
    .fetch_one(pool)
    .await
    .unwrap();
    // The refund of the keripik line, as the complaint's refund makes it: twice (a retry), in one transaction each.
    let zone = app.state.config.time_zone;
    for _ in 0..2 {
        let mut tx = app.db().begin_write().await.unwrap();
        backend::producer_ledger::credits::reverse_lines(
            &mut tx,
            zone,
            order_id,
            &[keripik_line],
            backend::db::now_ms(),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
    }
    let a = account(&app, &tani, ani).await;
    assert_eq!((a.items, a.sold, a.fees, a.balance), (1, 8_000, 1_600, 6_400), "only the dodol is left");
    assert_eq!(written(&app).await.0, 3, "two sales and one refund");

    // A line of an order that never completed has nothing to take back.
    let open = new_order(&app, &tani, &[(dodol, 1, 8_000)]).await;
    let (open_id, open_line): (i64, i64) =
        sqlx::query_as("SELECT o.id, l.id FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.code = $1")
            .bind(&open)
            .fetch_one(pool)
            .await
            .unwrap();
    let mut tx = app.db().begin_write().await.unwrap();
    backend::producer_ledger::credits::reverse_lines(&mut tx, zone, open_id, &[open_line, keripik_line], 0)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(written(&app).await.0, 3, "nothing for the open order, nor for a line of another order");
}

async fn producers_with_a_ledger_stay(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let ani = producer(&app, &tani, "Inaq Ani", json!({ "kind": "persen", "value": 0 })).await;
    let keripik = product_of(&app, &tani, "Keripik Ani", 5_000, Some(ani)).await;
    let code = new_order(&app, &tani, &[(keripik, 1, 5_000)]).await;
    complete(&app, &tani, &code).await;
    let path = format!("/api/v1/shops/{}/producers/{ani}", tani.shop);
    let res = app.call(Method::DELETE, &path, Some(&tani.cookie), None).await;
    refused(res, 409, "catatan pendapatan", "remove").await;
    assert_eq!(account(&app, &tani, ani).await.balance, 5_000);
}

/// A refund on a complaint: the order completes and its producer's line is taken back in the same write,
/// so the producer is owed nothing for goods the buyer got their money back for.
async fn a_complaint_refund_takes_the_credit_back(app: TestApp) {
    use crate::complaints::{PRICE, opened_as_guest, photo, ready, refund, refunds, seller_moves};
    const BUYER: &str = "081977700601";
    let tani = seller(&app, DARMA_TANI).await;
    let ani = producer(&app, &tani, "Inaq Ani", json!({ "kind": "persen", "value": 10 })).await;
    let keripik = product_of(&app, &tani, "Keripik Ani", PRICE, Some(ani)).await;
    let order = ready(&app, &tani, None, BUYER, &[keripik]).await;
    opened_as_guest(&app, &order.code, BUYER).await;
    let agree = json!({ "action": "setuju", "outcome": "dana_kembali" });
    assert_eq!(seller_moves(&app, &tani, &order.code, &agree).await.status().as_u16(), 200);
    let receipt = photo(&app, &tani.cookie).await;
    let res = refunds(&app, &tani, &order.code, &refund(&app, &[order.lines[0].id], receipt)).await;
    assert_eq!(res.status().as_u16(), 200, "{}", res.text().await.unwrap_or_default());
    let a = account(&app, &tani, ani).await;
    assert_eq!((a.items, a.sold, a.fees, a.balance), (0, 0, 0, 0), "the refunded line earns nothing");
    assert_eq!(written(&app).await.0, 2, "the credit on completion and its refund");
}
