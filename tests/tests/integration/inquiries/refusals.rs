//! Inquiries that are refused write nothing and say why in Indonesian: bad fields, two targets, a hidden
//! product, a closed or unknown shop, a village without a flagship; the same inquiry twice within a minute
//! (409) and a flood from one number (429).

use lapak_tests::{TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};

use super::{DARMA_TANI, SENGGIGI_BAHARI, inquiry, send, shop};

on_both_databases!(bad_inquiries_write_nothing, repeats_and_floods_are_turned_away);

async fn counts(app: &TestApp) -> (i64, i64) {
    (app.count("inquiries", "1 = 1").await, app.count("notifications", "1 = 1").await)
}

async fn bad_inquiries_write_nothing(app: TestApp) {
    let bahari = shop(&app, SENGGIGI_BAHARI).await;
    let tani = shop(&app, DARMA_TANI).await;
    let product = json!({ "product_id": bahari.product });
    let with = |change: &dyn Fn(&mut Value)| {
        let mut body = inquiry(product.clone(), "085744440001");
        change(&mut body);
        body
    };
    let before = counts(&app).await;
    // (body, status, field or "", words the message holds)
    let cases: Vec<(Value, u16, &str, &str)> = vec![
        (with(&|b| b["quantity"] = json!(0)), 422, "quantity", "Jumlah minimal 1."),
        (with(&|b| b["quantity"] = json!(1_000_000_000)), 422, "quantity", "paling banyak"),
        (with(&|b| b["buyer_whatsapp"] = json!("12345")), 422, "buyer_whatsapp", "nomor WhatsApp"),
        (with(&|b| b["buyer_whatsapp"] = json!("")), 422, "buyer_whatsapp", "wajib diisi"),
        (with(&|b| b["buyer_name"] = json!("A")), 422, "buyer_name", "Nama 2 sampai 80 huruf."),
        (with(&|b| b["destination"] = json!("  ")), 422, "destination", "tujuan"),
        (with(&|b| b["message"] = json!("x".repeat(2001))), 422, "message", "2000"),
        (with(&|b| b["needed_by"] = json!("2020-01")), 422, "needed_by", "sudah lewat"),
        (with(&|b| b["needed_by"] = json!("besok")), 422, "needed_by", "Tulis bulan"),
        (with(&|b| b["kind"] = json!("ekspor")), 422, "dest_country", "luar Indonesia"),
        (with(&|b| b["buyer_email"] = json!("bukan-email")), 422, "buyer_email", "e-mail"),
        (with(&|b| b["shop_id"] = json!(bahari.id)), 422, "target", "tepat satu"),
        (with(&|b| b["product_id"] = Value::Null), 422, "target", "tepat satu"),
        (with(&|b| b["kind"] = json!("grosir")), 400, "", "tidak dikenal"),
        (with(&|b| b["quantity"] = json!("banyak")), 400, "", "jenis isian salah"),
        (inquiry(json!({ "product_id": 99_999_999 }), "085744440001"), 404, "", "Produk ini tidak ditemukan"),
        (inquiry(json!({ "shop_id": 99_999_999 }), "085744440001"), 404, "", "Toko ini tidak ditemukan"),
        (inquiry(json!({ "village": "desa-entah" }), "085744440001"), 404, "", "Desa ini tidak ditemukan"),
    ];
    for (body, status, field, words) in cases {
        let problem =
            assert_problem(app.call(Method::POST, "/api/v1/inquiries", None, Some(&body)).await, status).await;
        let message = match field {
            "" => problem.detail.clone(),
            field => {
                let found = problem.fields.iter().find(|f| f.field == field);
                found.unwrap_or_else(|| panic!("{field}: {problem:?}")).message.clone()
            }
        };
        assert!(message.contains(words), "{field}: {message}");
    }

    // What cannot be asked for now: a hidden product, a suspended shop's product and the shop itself, a
    // village without a flagship.
    sqlx::query("UPDATE products SET status = 'hidden' WHERE id = $1")
        .bind(bahari.product)
        .execute(&app.db().pool)
        .await
        .unwrap();
    let hidden =
        app.call(Method::POST, "/api/v1/inquiries", None, Some(&inquiry(product.clone(), "085744440001"))).await;
    assert!(assert_problem(hidden, 404).await.detail.contains("sedang tidak dijual"));
    sqlx::query("UPDATE shops SET status = 'suspended' WHERE id = $1")
        .bind(tani.id)
        .execute(&app.db().pool)
        .await
        .unwrap();
    for target in [json!({ "product_id": tani.product }), json!({ "shop_id": tani.id })] {
        let res = app.call(Method::POST, "/api/v1/inquiries", None, Some(&inquiry(target, "085744440001"))).await;
        assert_problem(res, 404).await;
    }
    sqlx::query("UPDATE villages SET flagship_name = NULL WHERE slug = 'senggigi'")
        .execute(&app.db().pool)
        .await
        .unwrap();
    let res = app
        .call(Method::POST, "/api/v1/inquiries", None, Some(&inquiry(json!({ "village": "senggigi" }), "085744440001")))
        .await;
    assert!(assert_problem(res, 404).await.detail.contains("belum menetapkan produk unggulan"));
    assert_eq!(counts(&app).await, before, "nothing was written");
}

async fn repeats_and_floods_are_turned_away(app: TestApp) {
    let bahari = shop(&app, SENGGIGI_BAHARI).await;
    let body = inquiry(json!({ "shop_id": bahari.id }), "0857 5555 0001");
    send(&app, &body).await;
    // The same again, even in another form of the same number: already there.
    let mut again = body.clone();
    again["buyer_whatsapp"] = json!("+62 857-5555-0001");
    again["destination"] = json!("  surabaya ");
    let res = app.call(Method::POST, "/api/v1/inquiries", None, Some(&again)).await;
    assert!(assert_problem(res, 409).await.detail.contains("baru saja terkirim"));
    assert_eq!(app.count("inquiries", "1 = 1").await, 1);
    // Other inquiries from that number are taken, up to five in ten minutes.
    for quantity in 2..=5 {
        let mut other = body.clone();
        other["quantity"] = json!(quantity * 1000);
        send(&app, &other).await;
    }
    let mut sixth = body.clone();
    sixth["quantity"] = json!(9_000);
    let res = app.call(Method::POST, "/api/v1/inquiries", None, Some(&sixth)).await;
    assert!(!lapak_tests::header(&res, "retry-after").is_empty(), "says when to try again");
    assert!(assert_problem(res, 429).await.detail.contains("Coba lagi dalam"));
    assert_eq!(app.count("inquiries", "1 = 1").await, 5);
    // Another number is not held back.
    sixth["buyer_whatsapp"] = json!("085755550002");
    send(&app, &sixth).await;
}
