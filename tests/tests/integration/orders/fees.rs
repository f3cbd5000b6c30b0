//! Delivery fees: a courier charges each started kilogram at the rate of the destination's kabupaten (or
//! else its province); a fee the seller names after the order leaves the total open until they accept.

use lapak_tests::{TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};
use shared::{
    DeliveryMethod, OrderStatus,
    cart::Quote,
    order::{Order, OrderList},
};

use super::{
    DARMA_TANI, DARMAJI, SENGGIGI, address, checkout, choice, fresh_key, guest_order, line, one_order, place, placed,
    product, seller, seller_moved, seller_moves, settle,
};

on_both_databases!(courier_fees_follow_weight_and_destination, quoted_fees_are_named_when_accepting);

const GUEST: &str = "081911100001";

/// A courier checkout of `quantity` sugar (250 g each) to the desa `desa_code`.
fn courier(shop: i64, gula: i64, quantity: i64, desa_code: &str) -> Value {
    let mut body = checkout(GUEST, &[choice(shop, "kurir", "tunai", &[line(gula, quantity, 15_000)])]);
    body["address"] = address(desa_code);
    body
}

async fn quote(app: &TestApp, body: &Value) -> Quote {
    serde_json::from_value(app.call_json(Method::POST, "/api/v1/orders/quote", None, Some(body), 200).await).unwrap()
}

async fn courier_fees_follow_weight_and_destination(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    // Lombok Barat at 9.000 per kg, the rest of NTB at 15.000; no delivery by the seller.
    settle(&app, &tani, |form| {
        form["delivery"] = json!({ "pickup": true, "seller": null, "quoted": true,
            "courier": [{ "region": "52.01", "per_kg": 9000 }, { "region": "52", "per_kg": 15000 }] });
    })
    .await;
    let gula = product(&app, tani.shop, "Gula Aren Uji", 15_000, 50, 250).await;
    let sumatera: String =
        sqlx::query_scalar("SELECT code FROM regions WHERE level = 4 AND code LIKE '13.%' ORDER BY code LIMIT 1")
            .fetch_one(&app.db().pool)
            .await
            .unwrap();
    // (pieces, destination, fee): 1.000 g is one kilogram, 1.250 g two; Senggigi is in Lombok Barat.
    for (quantity, desa, fee) in
        [(4, SENGGIGI, 9_000), (5, SENGGIGI, 18_000), (5, DARMAJI, 30_000), (1, DARMAJI, 15_000)]
    {
        let quoted = quote(&app, &courier(tani.shop, gula, quantity, desa)).await;
        let shop = &quoted.shops[0];
        assert_eq!((shop.weight_grams, shop.delivery_fee), (quantity * 250, Some(fee)), "{quantity} to {desa}");
        assert_eq!(shop.total, Some(quantity * 15_000 + fee));
        assert_eq!(quoted.total, quantity * 15_000 + fee);
    }
    let quoted = quote(&app, &courier(tani.shop, gula, 5, SENGGIGI)).await;
    let ways: Vec<(DeliveryMethod, Option<i64>, bool)> =
        quoted.shops[0].deliveries.iter().map(|d| (d.method, d.fee, d.unavailable.is_some())).collect();
    use DeliveryMethod::*;
    assert_eq!(
        ways,
        [(Pickup, Some(0), false), (Seller, None, true), (Courier, Some(18_000), false), (Quoted, None, false)]
    );

    // Placed: the order keeps the quoted fee and weight.
    let placed = placed(&app, None, &courier(tani.shop, gula, 5, SENGGIGI)).await;
    assert_eq!(placed.orders[0].total, Some(75_000 + 18_000));
    let order = guest_order(&app, &placed.orders[0].code, GUEST).await;
    assert_eq!((order.weight_grams, order.delivery_fee, order.total), (1_250, Some(18_000), Some(93_000)));

    // No rate for Sumatera Barat: the quote says why, and placing is refused with nothing written.
    let far = courier(tani.shop, gula, 1, &sumatera);
    let quoted = quote(
        &app,
        &json!({ "shops": [choice(tani.shop, "ambil", "tunai", &[line(gula, 1, 15_000)])],
        "buyer_name": "Baiq", "buyer_whatsapp": GUEST, "address": address(&sumatera) }),
    )
    .await;
    let courier_way = quoted.shops[0].deliveries.iter().find(|d| d.method == Courier).unwrap();
    assert_eq!(courier_way.unavailable.as_deref(), Some("Belum ada tarif kurir ke wilayah ini."));
    let orders = app.count("orders", "1 = 1").await;
    let problem = assert_problem(place(&app, None, &fresh_key(), &far).await, 422).await;
    assert_eq!(problem.detail, "Belum ada tarif kurir ke wilayah ini.");
    assert_eq!(problem.fields[0].field, "shops[0].delivery");
    assert_eq!(app.count("orders", "1 = 1").await, orders);
}

async fn quoted_fees_are_named_when_accepting(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let gula = product(&app, tani.shop, "Gula Aren Uji", 15_000, 50, 250).await;
    let code = one_order(&app, GUEST, tani.shop, "ongkir_nanti", "tunai", &[line(gula, 2, 15_000)]).await;
    let order = guest_order(&app, &code, GUEST).await;
    assert_eq!((order.items_total, order.delivery_fee, order.total), (30_000, None, None), "no total yet");
    assert!(
        order.whatsapp_link.contains("dikonfirmasi%20penjual") || order.whatsapp_link.contains("dikonfirmasi+penjual")
    );
    let path = format!("/api/v1/shops/{}/orders", tani.shop);
    let list: OrderList =
        serde_json::from_value(app.call_json(Method::GET, &path, Some(&tani.cookie), None, 200).await).unwrap();
    assert_eq!(list.orders[0].total, None);

    // Accepting needs the fee, within bounds; then the total is known to both sides.
    for (action, words) in [
        (json!({ "action": "terima" }), "Isi ongkos kirim"),
        (json!({ "action": "terima", "delivery_fee": -500 }), "Ongkos kirim 0 sampai"),
        (json!({ "action": "terima", "delivery_fee": 10_000_001 }), "Ongkos kirim 0 sampai"),
    ] {
        let problem = assert_problem(seller_moves(&app, &tani, &code, &action).await, 422).await;
        assert_eq!(problem.fields[0].field, "delivery_fee");
        assert!(problem.detail.contains(words), "{action}: {}", problem.detail);
    }
    assert_eq!(guest_order(&app, &code, GUEST).await.status, OrderStatus::New, "refused: still new");
    let accepted: Order = seller_moved(&app, &tani, &code, json!({ "action": "terima", "delivery_fee": 12_500 })).await;
    assert_eq!(
        (accepted.status, accepted.delivery_fee, accepted.total),
        (OrderStatus::Preparing, Some(12_500), Some(42_500))
    );
    let order = guest_order(&app, &code, GUEST).await;
    assert_eq!(order.total, Some(42_500), "the buyer sees the total");
    // The fee is named once: accepting again, or naming it on another move, is refused.
    let again = seller_moves(&app, &tani, &code, &json!({ "action": "kirim", "delivery_fee": 1_000 })).await;
    assert_problem(again, 422).await;
    assert_eq!(guest_order(&app, &code, GUEST).await.delivery_fee, Some(12_500));
}
