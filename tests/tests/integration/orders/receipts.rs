//! Issue 18, item 10: receipt photos are not kept for ever. A new receipt replaces the last and its files
//! leave the media store; an order takes at most five (409 after, nothing stored).

use std::path::Path;

use lapak_tests::{TestApp, on_both_databases};
use serde_json::json;
use shared::{Image, OrderStatus, order::RECEIPTS_MAX};

use super::{
    DARMA_TANI, guest_order, line, one_order, order_of, product, refused, sample_jpeg, seller, seller_moved,
    take_transfers, upload_receipt,
};

on_both_databases!(receipts_replace_each_other_up_to_five);

const GUEST: &str = "081977700021";

/// The media keys of a receipt's sizes.
fn keys(receipt: &Image) -> Vec<String> {
    [&receipt.thumb, &receipt.card, &receipt.full, &receipt.jpeg]
        .iter()
        .map(|size| size.url.strip_prefix("/media/").expect("a media address").to_owned())
        .collect()
}

async fn stored(app: &TestApp, keys: &[String]) -> Vec<bool> {
    let mut found = Vec::new();
    for key in keys {
        found.push(app.state.media.exists(key).await);
    }
    found
}

/// How many receipt files the local media folder holds.
fn receipt_files(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries.flatten().map(|e| if e.path().is_dir() { receipt_files(&e.path()) } else { 1 }).sum()
}

async fn receipts_replace_each_other_up_to_five(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    take_transfers(&app, &tani).await;
    let kopi = product(&app, tani.shop, "Kopi Uji", 20_000, 10, 250).await;
    let code = one_order(&app, GUEST, tani.shop, "ambil", "transfer", &[line(kopi, 1, 20_000)]).await;
    seller_moved(&app, &tani, &code, json!({ "action": "terima" })).await;
    let folder = app.state.config.data_dir.join("media/receipts");

    let first = order_of(upload_receipt(&app, &code, "", GUEST, "image/jpeg", sample_jpeg()).await).await;
    let first = keys(first.receipt.as_ref().expect("the receipt"));
    assert_eq!(stored(&app, &first).await, vec![true; 4]);
    let photo = lapak_tests::sample_png(90, 70);
    let second = order_of(upload_receipt(&app, &code, "?catatan=lagi", GUEST, "image/png", photo).await).await;
    assert_eq!(second.status, OrderStatus::PaymentReview);
    let second = keys(second.receipt.as_ref().expect("the new receipt"));
    assert_eq!(stored(&app, &second).await, vec![true; 4]);
    assert_eq!(stored(&app, &first).await, vec![false; 4], "the replaced receipt's files are gone");

    for sent in 3..=RECEIPTS_MAX {
        let res = upload_receipt(&app, &code, "", GUEST, "image/jpeg", sample_jpeg()).await;
        assert_eq!(res.status().as_u16(), 200, "receipt {sent}");
    }
    let last = keys(guest_order(&app, &code, GUEST).await.receipt.as_ref().expect("the last receipt"));
    if app.state.config.media_store.is_none() {
        assert_eq!(receipt_files(&folder), 4, "one receipt's sizes are kept, no more");
    }

    // A sixth is refused and stores nothing; the last receipt stands.
    let res = upload_receipt(&app, &code, "", GUEST, "image/jpeg", sample_jpeg()).await;
    refused(res, 409, "sudah dikirim 5 kali", "a sixth receipt").await;
    let order = guest_order(&app, &code, GUEST).await;
    assert_eq!(keys(order.receipt.as_ref().expect("the receipt")), last);
    assert_eq!(stored(&app, &last).await, vec![true; 4]);
    if app.state.config.media_store.is_none() {
        assert_eq!(receipt_files(&folder), 4, "nothing stored for the refused one");
    }
    let sent = order.events.iter().filter(|e| e.to == OrderStatus::PaymentReview).count();
    assert_eq!(sent, RECEIPTS_MAX);
}
