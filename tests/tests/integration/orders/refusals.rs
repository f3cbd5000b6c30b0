//! Bad checkouts and refused moves: each answers the right 4xx with an Indonesian reason, and writes
//! nothing (no order, line, timeline entry or key; the stock as it was; the order where it stood).

use lapak_tests::{TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};
use shared::{OrderStatus, ProblemCode};

use super::{
    DARMA_TANI, as_guest, checkout, choice, fresh_key, guest_moves, guest_order, line, one_order, place, product,
    refused, sample_jpeg, seller, seller_moved, seller_moves, settle, stock, take_transfers, upload_receipt, written,
};

on_both_databases!(bad_checkouts_write_nothing, refused_moves_change_nothing);

const GUEST: &str = "081944400001";
const VILLAGE_ADMIN: &str = "081152020001";

async fn with_status(app: &TestApp, product: i64, status: &str) -> i64 {
    sqlx::query("UPDATE products SET status = $1 WHERE id = $2")
        .bind(status)
        .bind(product)
        .execute(&app.db().pool)
        .await
        .unwrap();
    product
}

/// Hides the product through the village admin's moderation.
async fn moderated(app: &TestApp, product: i64) -> i64 {
    let village: i64 =
        sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'darmaji'").fetch_one(&app.db().pool).await.unwrap();
    let admin = app.session_for(app.user_id(VILLAGE_ADMIN).await).await;
    let path = format!("/api/v1/admin/villages/{village}/products/{product}/hide");
    let body = json!({ "reason": "Foto tidak sesuai barangnya." });
    app.call_json(Method::POST, &path, Some(&admin), Some(&body), 204).await;
    product
}

async fn bad_checkouts_write_nothing(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    // This shop takes neither transfers nor QRIS, and stops quoting fees after the order.
    settle(&app, &tani, |form| {
        form["delivery"]["quoted"] = json!(false);
        form["bank_accounts"] = json!([]);
        form["qris_id"] = json!(null);
    })
    .await;
    let kopi = product(&app, tani.shop, "Kopi Uji", 20_000, 10, 250).await;
    let make = |name: &'static str| product(&app, tani.shop, name, 20_000, 10, 250);
    let hidden = with_status(&app, make("Kopi Simpan Uji").await, "hidden").await;
    let draft = with_status(&app, make("Kopi Draf Uji").await, "draft").await;
    let moderated = moderated(&app, make("Kopi Disembunyikan Admin").await).await;
    let others = product(&app, seller(&app, super::SENGGIGI_BAHARI).await.shop, "Abon Uji", 20_000, 10, 130).await;
    let one =
        |delivery: &str, payment: &str, line: Value| checkout(GUEST, &[choice(tani.shop, delivery, payment, &[line])]);
    let fine = line(kopi, 1, 20_000);
    let cases: Vec<(&str, Value, u16, &str)> = vec![
        ("quantity 0", one("ambil", "tunai", line(kopi, 0, 20_000)), 422, "Jumlah 1 sampai"),
        ("negative quantity", one("ambil", "tunai", line(kopi, -3, 20_000)), 422, "Jumlah 1 sampai"),
        ("unknown product", one("ambil", "tunai", line(987_654_321, 1, 20_000)), 422, "tidak dijual"),
        ("hidden by its seller", one("ambil", "tunai", line(hidden, 1, 20_000)), 422, "tidak dijual"),
        ("hidden by the village admin", one("ambil", "tunai", line(moderated, 1, 20_000)), 422, "tidak dijual"),
        ("draft", one("ambil", "tunai", line(draft, 1, 20_000)), 422, "tidak dijual"),
        ("another shop's product", one("ambil", "tunai", line(others, 1, 20_000)), 422, "tidak dijual"),
        ("a lower price", one("ambil", "tunai", line(kopi, 1, 15_000)), 409, "Harga Kopi Uji sekarang Rp 20.000"),
        ("more than the stock", one("ambil", "tunai", line(kopi, 11, 20_000)), 409, "Stok Kopi Uji tidak cukup"),
        ("a delivery not offered", one("ongkir_nanti", "tunai", fine.clone()), 422, "tidak menyediakan"),
        ("no delivery to there", one("antar", "tunai", fine.clone()), 422, "tidak mengantar"),
        ("transfer without an account", one("ambil", "transfer", fine.clone()), 422, "tidak menerima Transfer"),
        ("QRIS without its picture", one("ambil", "qris", fine.clone()), 422, "tidak menerima QRIS"),
        (
            "an unknown shop",
            checkout(GUEST, &[choice(987_654, "ambil", "tunai", std::slice::from_ref(&fine))]),
            422,
            "Toko ini",
        ),
        ("no shop at all", checkout(GUEST, &[]), 422, "kosong"),
    ];
    let before = written(&app).await;
    for (case, body, status, words) in cases {
        let problem = refused(place(&app, None, &fresh_key(), &body).await, status, words, case).await;
        let code = match (status, case) {
            (422, _) => ProblemCode::Validation,
            (_, "more than the stock") => ProblemCode::StockShort,
            _ => ProblemCode::Conflict,
        };
        assert_eq!(problem.code, code, "{case}");
        // The quote refuses the same way.
        let quoted = app.call(Method::POST, "/api/v1/orders/quote", None, Some(&body)).await;
        assert_eq!(quoted.status().as_u16(), status, "quote, {case}");
    }
    // An unknown delivery method is not even read.
    let mut flying = one("ambil", "tunai", fine.clone());
    flying["shops"][0]["delivery"] = json!("terbang");
    let problem = assert_problem(place(&app, None, &fresh_key(), &flying).await, 400).await;
    assert!(problem.detail.contains("Data tidak sah"), "{}", problem.detail);
    // Keys with spaces or too long.
    let valid = one("ambil", "tunai", fine.clone());
    for key in ["kunci dengan spasi".to_owned(), "k".repeat(200)] {
        let problem = assert_problem(place(&app, None, &key, &valid).await, 400).await;
        assert!(problem.detail.contains("Idempotency-Key harus 1 sampai 100"), "{}", problem.detail);
    }
    assert_eq!(written(&app).await, before, "nothing written");
    for id in [kopi, hidden, draft, moderated, others] {
        assert_eq!(stock(&app, id).await, 10, "stock of {id} unchanged");
    }
}

/// The order's status and how many timeline entries it has.
async fn standing(app: &TestApp, code: &str) -> (OrderStatus, usize, bool) {
    let order = guest_order(app, code, GUEST).await;
    (order.status, order.events.len(), order.receipt.is_some())
}

async fn receipt(app: &TestApp, code: &str, content_type: &str, bytes: Vec<u8>) -> reqwest::Response {
    upload_receipt(app, code, "", GUEST, content_type, bytes).await
}

async fn refused_moves_change_nothing(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    take_transfers(&app, &tani).await;
    let kopi = product(&app, tani.shop, "Kopi Uji", 20_000, 10, 250).await;
    let code = one_order(&app, GUEST, tani.shop, "ambil", "transfer", &[line(kopi, 2, 20_000)]).await;
    let new = standing(&app, &code).await;
    assert_eq!(new, (OrderStatus::New, 1, false));

    let seller_cases: Vec<(Value, u16, &str)> = vec![
        (json!({ "action": "kirim" }), 409, "Terima pesanannya dulu."),
        (json!({ "action": "siap_diambil" }), 409, "Terima pesanannya dulu."),
        (json!({ "action": "bayar_diterima" }), 409, "Terima pesanannya dulu."),
        (json!({ "action": "selesai" }), 409, "Hanya pembeli"),
        (json!({ "action": "kirim_bukti" }), 409, "dikirim oleh pembeli"),
        (json!({ "action": "batal" }), 422, "Tuliskan alasannya"),
        (json!({ "action": "batal", "note": "   " }), 422, "Tuliskan alasannya"),
        (json!({ "action": "tolak" }), 422, "Tuliskan alasannya"),
        (json!({ "action": "terima", "delivery_fee": 5000 }), 422, "Ongkos kirim hanya diisi"),
        (json!({ "action": "terima", "tracking_number": "JP1" }), 422, "Nomor resi hanya diisi saat mengirim"),
        (json!({ "action": "batal", "note": "x".repeat(501) }), 422, "paling banyak 500"),
    ];
    for (action, status, words) in seller_cases {
        refused(seller_moves(&app, &tani, &code, &action).await, status, words, &action.to_string()).await;
    }
    let problem = assert_problem(seller_moves(&app, &tani, &code, &json!({ "action": "terbang" })).await, 400).await;
    assert!(problem.detail.contains("Data tidak sah"), "{}", problem.detail);
    let buyer_cases = [("terima", "hanya dapat dilakukan penjual"), ("selesai", "belum dikirim")];
    for (action, words) in buyer_cases {
        let problem = assert_problem(guest_moves(&app, &code, GUEST, &json!({ "action": action })).await, 409).await;
        assert!(problem.detail.contains(words), "{action}: {}", problem.detail);
    }
    let early = assert_problem(receipt(&app, &code, "image/jpeg", sample_jpeg()).await, 409).await;
    assert!(early.detail.contains("Tunggu penjual menerima"), "{}", early.detail);
    assert_eq!(standing(&app, &code).await, new, "nothing moved");

    // Accepted: the buyer may no longer cancel; receipts that are not pictures are refused.
    seller_moved(&app, &tani, &code, json!({ "action": "terima" })).await;
    let awaiting = standing(&app, &code).await;
    assert_eq!(awaiting, (OrderStatus::AwaitingPayment, 2, false));
    let late = assert_problem(guest_moves(&app, &code, GUEST, &json!({ "action": "batal" })).await, 409).await;
    assert!(late.detail.contains("hubungi penjual lewat WhatsApp"), "{}", late.detail);
    let twice = assert_problem(seller_moves(&app, &tani, &code, &json!({ "action": "terima" })).await, 409).await;
    assert!(twice.detail.contains("sudah diterima"), "{}", twice.detail);
    let text = b"ini bukan foto, hanya tulisan".to_vec();
    refused(receipt(&app, &code, "image/jpeg", text.clone()).await, 400, "bukan foto", "text as a JPEG").await;
    refused(receipt(&app, &code, "image/png", Vec::new()).await, 400, "kosong", "an empty picture").await;
    let png = lapak_tests::sample_png(64, 64);
    refused(receipt(&app, &code, "image/png", png[..png.len() / 2].to_vec()).await, 400, "rusak", "half a PNG").await;
    let wrong_type = assert_problem(receipt(&app, &code, "text/plain", text).await, 415).await;
    assert!(wrong_type.detail.contains("JPEG, PNG atau WebP"), "{}", wrong_type.detail);
    assert_problem(receipt(&app, &code, "multipart/form-data; boundary=x", sample_jpeg()).await, 415).await;
    let long_note = format!("?catatan={}", "x".repeat(501));
    let res = upload_receipt(&app, &code, &long_note, GUEST, "image/jpeg", sample_jpeg()).await;
    assert_problem(res, 422).await;
    assert_eq!(standing(&app, &code).await, awaiting, "no receipt kept, nothing moved");
    assert_eq!(stock(&app, kopi).await, 8);

    // A cash order takes no receipt; a finished order takes no move at all.
    let cash = one_order(&app, GUEST, tani.shop, "ambil", "tunai", &[line(kopi, 1, 20_000)]).await;
    seller_moved(&app, &tani, &cash, json!({ "action": "terima" })).await;
    let problem = assert_problem(receipt(&app, &cash, "image/jpeg", sample_jpeg()).await, 409).await;
    assert!(problem.detail.contains("dibayar tunai"), "{}", problem.detail);
    let pickup = assert_problem(seller_moves(&app, &tani, &cash, &json!({ "action": "kirim" })).await, 409).await;
    assert!(pickup.detail.contains("tandai siap diambil"), "{}", pickup.detail);
    seller_moved(&app, &tani, &cash, json!({ "action": "siap_diambil" })).await;
    order_done(&app, &cash).await;
    let problem =
        assert_problem(seller_moves(&app, &tani, &cash, &json!({ "action": "batal", "note": "x" })).await, 409).await;
    assert!(problem.detail.contains("sudah selesai"), "{}", problem.detail);
    let path = format!("/api/v1/orders/{cash}/actions");
    let res = as_guest(&app, Method::POST, &path, GUEST, Some(&json!({ "action": "selesai" }))).await;
    assert_problem(res, 409).await;
    assert_eq!(stock(&app, kopi).await, 7, "a finished order's stock stays sold");
}

async fn order_done(app: &TestApp, code: &str) {
    let done = super::order_of(guest_moves(app, code, GUEST, &json!({ "action": "selesai" })).await).await;
    assert_eq!(done.status, OrderStatus::Completed);
}
