//! A guest's checkout from two shops followed to the end: one order paid by transfer with a receipt photo,
//! shipped and received; the other accepted then cancelled by its seller with the stock back. And the
//! notifications a seller and a signed-in buyer get along the way.

use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use serde_json::json;
use shared::{
    ActionKind, Actor, Notifications, OrderStatus,
    order::{Order, OrderList},
};

use super::{
    BUYER, DARMA_TANI, SENGGIGI_BAHARI, SHOPPER, Seller, as_guest, checkout, choice, guest_moves, guest_order, line,
    order_of, placed, product, sample_jpeg, seller, seller_moved, stock, take_transfers, upload_receipt,
};

on_both_databases!(
    a_guest_orders_from_two_shops_to_the_end,
    sellers_and_buyers_are_notified,
    a_qris_order_shows_the_shops_code_and_is_paid_with_a_receipt
);

const GUEST: &str = "081977700001";

/// The codes of the shop's orders as its seller lists them.
async fn listed(app: &TestApp, seller: &Seller) -> Vec<String> {
    let path = format!("/api/v1/shops/{}/orders", seller.shop);
    let list: OrderList =
        serde_json::from_value(app.call_json(Method::GET, &path, Some(&seller.cookie), None, 200).await).unwrap();
    list.orders.into_iter().map(|o| o.code).collect()
}

/// (who, their name, from, to) of each timeline entry.
fn timeline(order: &Order) -> Vec<(Actor, &str, Option<OrderStatus>, OrderStatus)> {
    order.events.iter().map(|e| (e.actor, e.actor_name.as_str(), e.from, e.to)).collect()
}

async fn a_guest_orders_from_two_shops_to_the_end(app: TestApp) {
    let (tani, bahari) = (seller(&app, DARMA_TANI).await, seller(&app, SENGGIGI_BAHARI).await);
    take_transfers(&app, &tani).await;
    let sambal = product(&app, tani.shop, "Sambal Uji", 25_000, 10, 300).await;
    let beras = product(&app, tani.shop, "Beras Uji", 72_000, 5, 5_100).await;
    let abon = product(&app, bahari.shop, "Abon Uji", 30_000, 8, 130).await;
    let body = checkout(
        GUEST,
        &[
            choice(tani.shop, "kurir", "transfer", &[line(sambal, 2, 25_000), line(beras, 1, 72_000)]),
            choice(bahari.shop, "ambil", "tunai", &[line(abon, 3, 30_000)]),
        ],
    );
    let placed = placed(&app, None, &body).await;
    assert_eq!(placed.orders.len(), 2, "one order per shop");
    let (first, second) = (placed.orders[0].code.clone(), placed.orders[1].code.clone());
    assert_ne!(first, second);
    assert!(shared::order::is_order_code(&first) && shared::order::is_order_code(&second), "{first} {second}");
    // Darma Tani's courier: 12.000 per started kg within NTB, 5,7 kg → 6 kg.
    assert_eq!(placed.orders[0].total, Some(2 * 25_000 + 72_000 + 6 * 12_000));
    assert_eq!((placed.orders[1].total, placed.orders[1].status), (Some(90_000), OrderStatus::New));
    assert!(placed.orders[0].whatsapp_link.starts_with("https://wa.me/6281234560001?text="));
    assert_eq!((stock(&app, sambal).await, stock(&app, beras).await, stock(&app, abon).await), (8, 4, 5));

    // Each seller sees their own order, not the other shop's.
    assert_eq!(listed(&app, &tani).await, [first.as_str()]);
    assert_eq!(listed(&app, &bahari).await, [second.as_str()]);

    // Transfer: accepted, receipt photo, payment accepted, shipped with a tracking number, received.
    let order = guest_order(&app, &first, GUEST).await;
    assert_eq!((order.status, order.allowed.as_slice()), (OrderStatus::New, &[ActionKind::Cancel][..]));
    assert_eq!(order.shop.bank_accounts[0].bank, "BRI", "the buyer sees where to transfer");
    let accepted = seller_moved(&app, &tani, &first, json!({ "action": "terima" })).await;
    assert_eq!(accepted.status, OrderStatus::AwaitingPayment);
    let order = guest_order(&app, &first, GUEST).await;
    assert_eq!(order.allowed, [ActionKind::SendReceipt]);
    assert!(order.pay_by.is_some_and(|t| t > order.updated_at), "the buyer sees until when to pay");
    let query = "?catatan=Transfer%20dari%20BRI%20a.n.%20Baiq";
    let res = upload_receipt(&app, &first, query, GUEST, "image/jpeg", sample_jpeg()).await;
    let order = order_of(res).await;
    assert_eq!(order.status, OrderStatus::PaymentReview);
    let receipt = order.receipt.expect("the receipt photo is kept");
    let photo = app.get(&receipt.jpeg.url).await;
    assert_eq!(photo.status(), 200, "the seller can open the receipt photo");
    let seen = seller_moved(&app, &tani, &first, json!({ "action": "bayar_diterima" })).await;
    assert_eq!(seen.status, OrderStatus::Preparing);
    let shipped =
        seller_moved(&app, &tani, &first, json!({ "action": "kirim", "tracking_number": " JP1234567890 " })).await;
    assert_eq!((shipped.status, shipped.tracking_number.as_deref()), (OrderStatus::Shipped, Some("JP1234567890")));
    assert!(shipped.completes_at.is_some());
    let done = order_of(guest_moves(&app, &first, GUEST, &json!({ "action": "selesai" })).await).await;
    assert_eq!((done.status, done.allowed.len()), (OrderStatus::Completed, 0));
    use {Actor::*, OrderStatus::*};
    let shop = tani.name.as_str();
    assert_eq!(
        timeline(&done),
        [
            (Buyer, BUYER, None, New),
            (Seller, shop, Some(New), AwaitingPayment),
            (Buyer, BUYER, Some(AwaitingPayment), PaymentReview),
            (Seller, shop, Some(PaymentReview), Preparing),
            (Seller, shop, Some(Preparing), Shipped),
            (Buyer, BUYER, Some(Shipped), Completed),
        ]
    );
    assert_eq!(done.events[2].note, "Transfer dari BRI a.n. Baiq");
    assert!(done.events.windows(2).all(|w| w[0].at <= w[1].at), "oldest first");
    assert_eq!((stock(&app, sambal).await, stock(&app, beras).await), (8, 4), "a completed order keeps its stock");

    // The other order: accepted, then cancelled by its seller with a reason; every unit goes back.
    let accepted = seller_moved(&app, &bahari, &second, json!({ "action": "terima" })).await;
    assert_eq!(accepted.status, Preparing, "cash on pickup needs no payment step");
    let reason = "Abon basah kena hujan, maaf.";
    let cancelled = seller_moved(&app, &bahari, &second, json!({ "action": "batal", "note": reason })).await;
    assert_eq!(cancelled.status, Cancelled);
    assert_eq!(stock(&app, abon).await, 8, "the stock is back exactly");
    let order = guest_order(&app, &second, GUEST).await;
    let last = order.events.last().unwrap();
    assert_eq!((last.actor, last.actor_name.as_str(), last.note.as_str()), (Seller, bahari.name.as_str(), reason));
    assert!(order.allowed.is_empty());
    let again = seller_moves_status(&app, &bahari, &second).await;
    assert_eq!(again, 409, "a cancelled order moves no more");
    assert_eq!(stock(&app, abon).await, 8, "and gives nothing back twice");
}

async fn seller_moves_status(app: &TestApp, seller: &Seller, code: &str) -> u16 {
    let res = super::seller_moves(app, seller, code, &json!({ "action": "batal", "note": "lagi" })).await;
    res.status().as_u16()
}

async fn notifications(app: &TestApp, cookie: &str) -> Notifications {
    serde_json::from_value(app.call_json(Method::GET, "/api/v1/me/notifications", Some(cookie), None, 200).await)
        .unwrap()
}

async fn sellers_and_buyers_are_notified(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let shopper = app.session_for(app.user_id(SHOPPER).await).await;
    let kopi = product(&app, tani.shop, "Kopi Uji", 20_000, 10, 250).await;
    let before = notifications(&app, &tani.cookie).await.items.len();
    let body = checkout(SHOPPER, &[choice(tani.shop, "ambil", "tunai", &[line(kopi, 2, 20_000)])]);
    let placed = placed(&app, Some(&shopper), &body).await;
    let code = placed.orders[0].code.clone();

    let seller_sees = notifications(&app, &tani.cookie).await;
    let about: Vec<_> = seller_sees.items.iter().filter(|n| n.title.contains(&code)).collect();
    assert_eq!(about.len(), 1, "one notification for the new order: {:?}", seller_sees.items);
    assert_eq!(seller_sees.items.len(), before + 1);
    assert_eq!(about[0].title, format!("Pesanan baru {code}"));
    assert_eq!(about[0].link, format!("/jual/{}/pesanan/{code}", tani.shop));
    assert!(!about[0].read && seller_sees.unread >= 1);
    let buyer_phone = shared::Phone::parse(SHOPPER).unwrap();
    let wa = about[0].whatsapp_link.as_deref().unwrap_or_default();
    assert!(wa.starts_with(&format!("https://wa.me/{}?text=", buyer_phone.as_str())), "to the buyer: {wa}");

    // The seller accepts: the signed-in buyer hears of it, with WhatsApp to the shop.
    seller_moved(&app, &tani, &code, json!({ "action": "terima" })).await;
    let buyer_sees = notifications(&app, &shopper).await;
    let accepted: Vec<_> =
        buyer_sees.items.iter().filter(|n| n.title == format!("Pesanan {code}: Sedang disiapkan")).collect();
    assert_eq!(accepted.len(), 1, "{:?}", buyer_sees.items);
    assert_eq!(accepted[0].link, format!("/pesanan/{code}"));
    let wa = accepted[0].whatsapp_link.as_deref().unwrap_or_default();
    assert!(wa.starts_with("https://wa.me/6281234560001?text="), "to the shop: {wa}");
    assert!(
        buyer_sees.items.iter().all(|n| n.whatsapp_link.as_deref().is_some_and(|l| l.starts_with("https://wa.me/")))
    );
    assert_eq!(
        notifications(&app, &tani.cookie).await.items.len(),
        before + 1,
        "the seller's own move tells only the buyer"
    );

    // The buyer's order page, opened with their session alone, and their history.
    let order = order_of(app.call(Method::GET, &format!("/api/v1/orders/{code}"), Some(&shopper), None).await).await;
    assert_eq!(order.status, OrderStatus::Preparing);
    let mine: OrderList =
        serde_json::from_value(app.call_json(Method::GET, "/api/v1/me/orders", Some(&shopper), None, 200).await)
            .unwrap();
    assert_eq!(mine.orders.iter().map(|o| o.code.as_str()).collect::<Vec<_>>(), [code.as_str()]);
    let guest = as_guest(&app, Method::GET, &format!("/api/v1/orders/{code}"), SHOPPER, None).await;
    assert_eq!(guest.status(), 200, "the order's WhatsApp number also opens it");
}

/// The seller uploads their static QRIS picture; a guest who pays by QRIS sees it once the order is accepted,
/// sends the receipt, and the order goes on like a transfer.
async fn a_qris_order_shows_the_shops_code_and_is_paid_with_a_receipt(app: TestApp) {
    const PAYER: &str = "081977700002";
    let tani = seller(&app, DARMA_TANI).await;
    let upload = app
        .client
        .post(app.url("/api/v1/images"))
        .header("x-lapak-csrf", "1")
        .header("cookie", &tani.cookie)
        .header("content-type", "image/png")
        .body(lapak_tests::sample_png(300, 300))
        .send()
        .await
        .expect("request reaches the server");
    assert_eq!(upload.status().as_u16(), 201, "the QRIS picture is uploaded");
    let qris: shared::Image = upload.json().await.expect("the stored picture");
    super::settle(&app, &tani, |form| form["qris_id"] = json!(qris.id)).await;
    let kopi = product(&app, tani.shop, "Kopi Uji", 40_000, 6, 250).await;
    let placed =
        placed(&app, None, &checkout(PAYER, &[choice(tani.shop, "ambil", "qris", &[line(kopi, 2, 40_000)])])).await;
    let code = placed.orders[0].code.clone();
    let order = guest_order(&app, &code, PAYER).await;
    assert_eq!(order.shop.qris.as_ref().map(|q| q.id), Some(qris.id), "the buyer is shown the shop's QRIS");
    assert_eq!(order.allowed, [ActionKind::Cancel], "nothing to pay before the seller accepts");

    let accepted = seller_moved(&app, &tani, &code, json!({ "action": "terima" })).await;
    assert_eq!(accepted.status, OrderStatus::AwaitingPayment);
    assert!(accepted.pay_by.is_some_and(|at| at > accepted.updated_at), "the buyer sees until when to pay");
    let paid = upload_receipt(&app, &code, "?catatan=QRIS%20dari%20DANA", PAYER, "image/jpeg", sample_jpeg()).await;
    let paid = order_of(paid).await;
    assert_eq!(paid.status, OrderStatus::PaymentReview);
    assert!(paid.receipt.as_ref().is_some_and(|r| r.jpeg.url.starts_with("/media/receipts/")), "{:?}", paid.receipt);
    assert_eq!(paid.events.last().map(|e| e.note.as_str()), Some("QRIS dari DANA"));
    let preparing = seller_moved(&app, &tani, &code, json!({ "action": "bayar_diterima" })).await;
    assert_eq!(preparing.status, OrderStatus::Preparing);
    seller_moved(&app, &tani, &code, json!({ "action": "siap_diambil" })).await;
    let done = order_of(guest_moves(&app, &code, PAYER, &json!({ "action": "selesai" })).await).await;
    assert_eq!(done.status, OrderStatus::Completed);
    assert_eq!(stock(&app, kopi).await, 4);
}
