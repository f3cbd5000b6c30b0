//! Issue 18, item 8: an order the seller never answers no longer holds its stock for ever. After the
//! limit (48 hours by default) the background job cancels it, returns the units, takes it off the
//! dashboards' figures, tells both sides and says why on the timeline; two jobs at once move it once.

use backend::{db::now_ms, orders::sweeper::sweep};
use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use serde_json::json;
use shared::{Actor, Notifications, OrderStatus, dashboard::Dashboard};

use super::{DARMA_TANI, SHOPPER, checkout, choice, guest_order, line, one_order, placed, product, seller, stock};
use crate::dashboards::NTB_ADMIN;

on_both_databases!(unanswered_orders_expire_once_with_their_stock_back);

const HOUR: i64 = 3_600_000;
const GUEST: &str = "081977700001";

/// (orders, Rupiah) on the province dashboard's head.
async fn headline(app: &TestApp, cookie: &str) -> (i64, i64) {
    let head: Dashboard =
        serde_json::from_value(app.call_json(Method::GET, "/api/v1/dashboard", Some(cookie), None, 200).await)
            .expect("a dashboard");
    let figure = |label: &str| head.figures.iter().find(|f| f.label == label).map(|f| f.value).unwrap_or(-1);
    (figure("Pesanan"), figure("Nilai penjualan"))
}

async fn notifications(app: &TestApp, cookie: &str) -> Notifications {
    serde_json::from_value(app.call_json(Method::GET, "/api/v1/me/notifications", Some(cookie), None, 200).await)
        .expect("notifications")
}

async fn unanswered_orders_expire_once_with_their_stock_back(app: TestApp) {
    assert_eq!(app.state.config.unaccepted_limit.as_secs(), 48 * 3600, "the default limit");
    let tani = seller(&app, DARMA_TANI).await;
    let ntb = app.sign_in(NTB_ADMIN, lapak_tests::DEMO_PASSWORD).await;
    let shopper = app.session_for(app.user_id(SHOPPER).await).await;
    let before = headline(&app, &ntb).await;
    let kopi = product(&app, tani.shop, "Kopi Uji", 20_000, 10, 250).await;
    let guests = one_order(&app, GUEST, tani.shop, "ambil", "tunai", &[line(kopi, 3, 20_000)]).await;
    let body = checkout(SHOPPER, &[choice(tani.shop, "ambil", "tunai", &[line(kopi, 2, 20_000)])]);
    let shoppers = placed(&app, Some(&shopper), &body).await.orders[0].code.clone();
    // Accepted in time: the limit no longer applies to it.
    let answered = one_order(&app, GUEST, tani.shop, "ambil", "tunai", &[line(kopi, 1, 20_000)]).await;
    super::seller_moved(&app, &tani, &answered, json!({ "action": "terima" })).await;
    assert_eq!(stock(&app, kopi).await, 4);
    assert_eq!(headline(&app, &ntb).await, (before.0 + 3, before.1 + 120_000));
    let seller_heard = notifications(&app, &tani.cookie).await.items.len();
    let now = now_ms();

    assert_eq!(sweep(&app.state, now + 47 * HOUR).await.unwrap(), 0, "not before the limit");
    let waiting = guest_order(&app, &guests, GUEST).await;
    assert_eq!(waiting.status, OrderStatus::New);
    let answer_by = waiting.answer_by.expect("the buyer sees until when the seller may answer");
    assert!((now + 47 * HOUR..=now + 48 * HOUR).contains(&answer_by), "{answer_by} vs {now}");
    assert_eq!(guest_order(&app, &answered, GUEST).await.answer_by, None, "answered in time");

    // Two servers' jobs at once, past the limit: each unanswered order moves once.
    let later = now + 49 * HOUR;
    let runs: Vec<_> = (0..2)
        .map(|_| {
            let state = app.state.clone();
            tokio::spawn(async move { sweep(&state, later).await.expect("a sweep runs") })
        })
        .collect();
    let mut moved = 0;
    for run in runs {
        moved += run.await.expect("the sweep task ends");
    }
    assert_eq!(moved, 2, "the two unanswered orders, each counted once");
    assert_eq!(sweep(&app.state, later + HOUR).await.unwrap(), 0, "nothing moves twice");
    assert_eq!(stock(&app, kopi).await, 9, "five units back, once; the accepted order keeps its one");
    assert_eq!(headline(&app, &ntb).await, (before.0 + 1, before.1 + 20_000), "the figures drop them");

    let order = guest_order(&app, &guests, GUEST).await;
    assert_eq!((order.status, order.answer_by), (OrderStatus::Cancelled, None));
    let by_system: Vec<_> = order.events.iter().filter(|e| e.actor == Actor::System).collect();
    assert_eq!(by_system.len(), 1, "{:?}", order.events);
    assert_eq!((by_system[0].from, by_system[0].to), (Some(OrderStatus::New), OrderStatus::Cancelled));
    assert!(by_system[0].note.contains("penjual tidak menanggapi dalam 48 jam"), "{}", by_system[0].note);
    assert_eq!(guest_order(&app, &answered, GUEST).await.status, OrderStatus::Preparing);

    // Both sides are told: the seller of each order, and the signed-in buyer.
    let seller_sees = notifications(&app, &tani.cookie).await;
    assert_eq!(seller_sees.items.len(), seller_heard + 2, "{:?}", seller_sees.items);
    for code in [&guests, &shoppers] {
        let title = format!("Pesanan {code}: Dibatalkan");
        assert!(seller_sees.items.iter().any(|n| n.title == title), "the seller hears of {code}");
    }
    let buyer_sees = notifications(&app, &shopper).await;
    let told: Vec<_> =
        buyer_sees.items.iter().filter(|n| n.title == format!("Pesanan {shoppers}: Dibatalkan")).collect();
    assert_eq!(told.len(), 1, "{:?}", buyer_sees.items);
    assert!(told[0].body.contains("penjual tidak menanggapi"), "{}", told[0].body);
}
