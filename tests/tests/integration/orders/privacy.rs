//! Who may see and move an order: its shop's seller (another shop's seller finds nothing), its signed-in
//! buyer (another account is refused), a guest with the order's WhatsApp number (a wrong number finds
//! nothing), and nobody with the code alone.

use lapak_tests::{TestApp, assert_problem, on_both_databases, session_cookie};
use reqwest::Method;
use serde_json::json;
use shared::{OrderStatus, order::OrderList};

use super::{
    DARMA_TANI, SENGGIGI_BAHARI, SHOPPER, as_guest, checkout, choice, guest_moves, guest_order, line, one_order,
    placed, product, seller, seller_moves,
};

on_both_databases!(orders_are_seen_only_by_their_people);

const GUEST: &str = "081955500001";

/// A new account, signed in.
async fn another_buyer(app: &TestApp) -> String {
    let body = json!({ "name": "Lalu Pembeli Lain", "phone": "085799990001", "password": "kopi tubruk pagi hari" });
    let res = app.call(Method::POST, "/api/v1/auth/sign-up", None, Some(&body)).await;
    assert_eq!(res.status(), 201);
    session_cookie(&res).expect("signed in at sign-up")
}

async fn orders_are_seen_only_by_their_people(app: TestApp) {
    let (tani, bahari) = (seller(&app, DARMA_TANI).await, seller(&app, SENGGIGI_BAHARI).await);
    let kopi = product(&app, tani.shop, "Kopi Uji", 20_000, 10, 250).await;
    let code = one_order(&app, GUEST, tani.shop, "ambil", "tunai", &[line(kopi, 1, 20_000)]).await;
    let order_path = format!("/api/v1/orders/{code}");

    // Another shop's seller: not found under their own shop, refused under this one; nothing moves.
    let theirs = format!("/api/v1/shops/{}/orders/{code}", bahari.shop);
    assert_problem(app.call(Method::GET, &theirs, Some(&bahari.cookie), None).await, 404).await;
    assert_problem(seller_moves(&app, &bahari, &code, &json!({ "action": "terima" })).await, 404).await;
    let ours = format!("/api/v1/shops/{}/orders/{code}", tani.shop);
    assert_problem(app.call(Method::GET, &ours, Some(&bahari.cookie), None).await, 403).await;
    let move_ours = format!("{ours}/actions");
    let tried = app.call(Method::POST, &move_ours, Some(&bahari.cookie), Some(&json!({ "action": "terima" }))).await;
    assert_problem(tried, 403).await;
    let list = format!("/api/v1/shops/{}/orders", bahari.shop);
    let listed: OrderList =
        serde_json::from_value(app.call_json(Method::GET, &list, Some(&bahari.cookie), None, 200).await).unwrap();
    assert!(listed.orders.is_empty() && listed.counts.is_empty(), "{listed:?}");
    let csv = format!("/api/v1/shops/{}/orders.csv", tani.shop);
    assert_problem(app.call(Method::GET, &csv, Some(&bahari.cookie), None).await, 403).await;
    assert_problem(app.get(&csv).await, 401).await;
    assert_eq!(guest_order(&app, &code, GUEST).await.status, OrderStatus::New, "still new");
    let own = app.call_json(Method::GET, &ours, Some(&tani.cookie), None, 200).await;
    assert_eq!(own["buyer_name"], super::BUYER, "its own seller reads it");

    // A guest: the code alone is not enough; a wrong number finds nothing, in any form of it.
    assert_problem(app.get(&order_path).await, 401).await;
    for wrong in ["081955500002", "bukan nomor", ""] {
        let res = as_guest(&app, Method::GET, &order_path, wrong, None).await;
        assert!(assert_problem(res, 404).await.detail.contains("nomor WhatsApp"), "{wrong}");
    }
    for right in ["+62 819-5550-0001", "6281955500001"] {
        assert_eq!(as_guest(&app, Method::GET, &order_path, right, None).await.status(), 200, "{right}");
    }
    let wrong_move = guest_moves(&app, &code, "081955500002", &json!({ "action": "batal" })).await;
    assert_problem(wrong_move, 404).await;
    let bare =
        app.call(Method::POST, &format!("{order_path}/actions"), None, Some(&json!({ "action": "batal" }))).await;
    assert_problem(bare, 401).await;
    let unknown = as_guest(&app, Method::GET, "/api/v1/orders/LD-ZZZZZZZZ", GUEST, None).await;
    assert_problem(unknown, 404).await;
    assert_eq!(guest_order(&app, &code, GUEST).await.status, OrderStatus::New, "nobody else moved it");

    // A signed-in buyer's order: theirs with their session; another account is refused, even by the code.
    let shopper = app.session_for(app.user_id(SHOPPER).await).await;
    let body = checkout(SHOPPER, &[choice(tani.shop, "ambil", "tunai", &[line(kopi, 1, 20_000)])]);
    let mine = placed(&app, Some(&shopper), &body).await.orders[0].code.clone();
    let mine_path = format!("/api/v1/orders/{mine}");
    app.call_json(Method::GET, &mine_path, Some(&shopper), None, 200).await;
    let stranger = another_buyer(&app).await;
    let refused = assert_problem(app.call(Method::GET, &mine_path, Some(&stranger), None).await, 403).await;
    assert!(refused.detail.contains("bukan milik akun Anda"), "{}", refused.detail);
    let cancel = json!({ "action": "batal" });
    assert_problem(app.call(Method::POST, &format!("{mine_path}/actions"), Some(&stranger), Some(&cancel)).await, 403)
        .await;
    assert_problem(app.call(Method::GET, &order_path, Some(&stranger), None).await, 403).await;
    let stranger_orders = app.call_json(Method::GET, "/api/v1/me/orders", Some(&stranger), None, 200).await;
    assert_eq!(stranger_orders["orders"], json!([]), "another account's history is empty");
    assert_problem(app.get("/api/v1/me/orders").await, 401).await;
    let order = app.call_json(Method::GET, &mine_path, Some(&shopper), None, 200).await;
    assert_eq!(order["status"], "baru", "the refused cancel changed nothing");
}
