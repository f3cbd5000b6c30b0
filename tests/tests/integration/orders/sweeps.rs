//! The background job, run by hand at chosen moments: unpaid transfer orders past the limit are cancelled
//! with their stock back, shipped orders complete after the set days, each by "Sistem" on the timeline; two
//! runs at once move every order once.

use backend::{db::now_ms, orders::sweeper::sweep};
use lapak_tests::{TestApp, on_both_databases};
use serde_json::json;
use shared::{Actor, OrderStatus};

use super::{
    DARMA_TANI, Seller, guest_order, line, one_order, product, seller, seller_moved, stock, take_transfers,
    upload_receipt,
};

on_both_databases!(late_orders_are_moved_by_the_system, two_sweeps_at_once_move_each_order_once);

const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;

/// A transfer order of `quantity` accepted by the seller and left unpaid; its guest buyer is `phone`.
async fn unpaid(app: &TestApp, tani: &Seller, phone: &str, product: i64, quantity: i64) -> String {
    let code = one_order(app, phone, tani.shop, "ambil", "transfer", &[line(product, quantity, 20_000)]).await;
    seller_moved(app, tani, &code, json!({ "action": "terima" })).await;
    code
}

/// A cash order delivered by courier, accepted and shipped.
async fn shipped(app: &TestApp, tani: &Seller, phone: &str, product: i64) -> String {
    let code = one_order(app, phone, tani.shop, "kurir", "tunai", &[line(product, 1, 20_000)]).await;
    seller_moved(app, tani, &code, json!({ "action": "terima" })).await;
    seller_moved(app, tani, &code, json!({ "action": "kirim", "tracking_number": "JNE0001" })).await;
    code
}

/// The timeline entries the background job wrote on the order.
async fn system_entries(app: &TestApp, code: &str, phone: &str) -> Vec<shared::order::OrderEvent> {
    guest_order(app, code, phone).await.events.into_iter().filter(|e| e.actor == Actor::System).collect()
}

async fn late_orders_are_moved_by_the_system(app: TestApp) {
    let (limit, days) = (app.state.config.unpaid_limit, app.state.config.auto_complete);
    assert_eq!((limit.as_secs(), days.as_secs()), (24 * 3600, 7 * 86_400), "the default limits");
    let tani = seller(&app, DARMA_TANI).await;
    take_transfers(&app, &tani).await;
    let kopi = product(&app, tani.shop, "Kopi Uji", 20_000, 10, 250).await;
    let guest = "081933300001";
    let late = unpaid(&app, &tani, guest, kopi, 3).await;
    let sent = shipped(&app, &tani, guest, kopi).await;
    // Sent a receipt: the seller is checking it, so the unpaid limit no longer applies.
    let checking = unpaid(&app, &tani, guest, kopi, 1).await;
    let res = upload_receipt(&app, &checking, "", guest, "image/png", lapak_tests::sample_png(80, 60)).await;
    assert_eq!(res.status(), 200);
    assert_eq!(stock(&app, kopi).await, 5);
    let now = now_ms();

    assert_eq!(sweep(&app.state, now).await.unwrap(), 0, "nothing is due yet");
    assert_eq!(sweep(&app.state, now + 23 * HOUR).await.unwrap(), 0, "not before the limit");
    assert_eq!(guest_order(&app, &late, guest).await.status, OrderStatus::AwaitingPayment);

    // A day later the unpaid order is cancelled and its three units go back.
    assert_eq!(sweep(&app.state, now + 25 * HOUR).await.unwrap(), 1);
    let order = guest_order(&app, &late, guest).await;
    assert_eq!((order.status, order.pay_by), (OrderStatus::Cancelled, None));
    let entries = system_entries(&app, &late, guest).await;
    assert_eq!(entries.len(), 1);
    let entry = &entries[0];
    assert_eq!(
        (entry.actor_name.as_str(), entry.from, entry.to),
        ("Sistem", Some(OrderStatus::AwaitingPayment), OrderStatus::Cancelled)
    );
    assert!(entry.note.contains("belum dibayar dalam 24 jam"), "{}", entry.note);
    assert_eq!(stock(&app, kopi).await, 8, "the stock is back");
    assert_eq!(guest_order(&app, &sent, guest).await.status, OrderStatus::Shipped, "not yet a week");
    assert_eq!(guest_order(&app, &checking, guest).await.status, OrderStatus::PaymentReview);

    // A week after shipping the order completes itself; running again changes nothing more.
    assert_eq!(sweep(&app.state, now + 6 * DAY).await.unwrap(), 0);
    assert_eq!(sweep(&app.state, now + 7 * DAY + HOUR).await.unwrap(), 1);
    let order = guest_order(&app, &sent, guest).await;
    assert_eq!((order.status, order.completes_at), (OrderStatus::Completed, None));
    let entries = system_entries(&app, &sent, guest).await;
    assert_eq!(entries.len(), 1);
    assert_eq!((entries[0].from, entries[0].to), (Some(OrderStatus::Shipped), OrderStatus::Completed));
    assert!(entries[0].note.contains("Selesai otomatis 7 hari"), "{}", entries[0].note);
    assert_eq!(sweep(&app.state, now + 30 * DAY).await.unwrap(), 0, "each order moves once");
    assert_eq!(stock(&app, kopi).await, 8, "a completed order keeps its stock sold");
    assert_eq!(guest_order(&app, &checking, guest).await.status, OrderStatus::PaymentReview);
}

async fn two_sweeps_at_once_move_each_order_once(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    take_transfers(&app, &tani).await;
    let kopi = product(&app, tani.shop, "Kopi Uji", 20_000, 40, 250).await;
    let mut codes = Vec::new();
    for i in 0..6 {
        let phone = format!("08193330{i:04}");
        codes.push((unpaid(&app, &tani, &phone, kopi, 2).await, phone.clone()));
        codes.push((shipped(&app, &tani, &phone, kopi).await, phone));
    }
    assert_eq!(stock(&app, kopi).await, 40 - 6 * 3);
    let later = now_ms() + 8 * DAY;
    let runs: Vec<_> = (0..2)
        .map(|_| {
            let state = app.state.clone();
            tokio::spawn(async move { sweep(&state, later).await.expect("a sweep runs") })
        })
        .collect();
    let mut moves = Vec::new();
    for run in runs {
        moves.push(run.await.expect("the sweep task ends"));
    }
    let (a, b) = (moves[0], moves[1]);
    println!("two sweeps at once on {:?}: {a} + {b} moves for {} orders", app.engine, codes.len());
    assert_eq!(a + b, codes.len(), "every due order moved, none twice");
    for (code, phone) in &codes {
        let entries = system_entries(&app, code, phone).await;
        assert_eq!(entries.len(), 1, "{code}: one entry by the system: {entries:?}");
        let status = guest_order(&app, code, phone).await.status;
        assert!(matches!(status, OrderStatus::Cancelled | OrderStatus::Completed), "{code}: {status:?}");
    }
    assert_eq!(stock(&app, kopi).await, 40 - 6, "the unpaid orders' units are back, once");
}
