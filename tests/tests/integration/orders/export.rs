//! The seller's orders of a date range (local WITA days) as a CSV file for spreadsheets: a byte-order
//! mark, a header row and one row per order of that shop in range, formulas defused.

use backend::time_zone::TimeZone;
use lapak_tests::{TestApp, assert_problem, header, on_both_databases};
use reqwest::Method;
use serde_json::json;
use shared::order::OrderList;

use super::{DARMA_TANI, SENGGIGI_BAHARI, Seller, checkout, choice, line, one_order, placed, product, seller};

on_both_databases!(a_date_range_exports_as_csv);

const HOUR: i64 = 3_600_000;

/// Moves the order's placing to `at` (Unix ms), as if it had been placed then.
async fn placed_at(app: &TestApp, code: &str, at: i64) {
    sqlx::query("UPDATE orders SET created_at = $1 WHERE code = $2")
        .bind(at)
        .bind(code)
        .execute(&app.db().pool)
        .await
        .unwrap();
}

/// The codes of the shop's orders listed with `query`.
async fn listed(app: &TestApp, seller: &Seller, query: &str) -> Vec<String> {
    let path = format!("/api/v1/shops/{}/orders{query}", seller.shop);
    let list: OrderList =
        serde_json::from_value(app.call_json(Method::GET, &path, Some(&seller.cookie), None, 200).await).unwrap();
    list.orders.into_iter().map(|o| o.code).collect()
}

async fn a_date_range_exports_as_csv(app: TestApp) {
    let (tani, bahari) = (seller(&app, DARMA_TANI).await, seller(&app, SENGGIGI_BAHARI).await);
    let kopi = product(&app, tani.shop, "Kopi Uji", 20_000, 30, 250).await;
    let abon = product(&app, bahari.shop, "Abon Uji", 30_000, 30, 130).await;
    let mut formula = checkout("081922200001", &[choice(tani.shop, "kurir", "tunai", &[line(kopi, 2, 20_000)])]);
    formula["buyer_name"] = json!("=HYPERLINK(\"http://jahat\")");
    let first = placed(&app, None, &formula).await.orders[0].code.clone();
    let second = one_order(&app, "081922200002", tani.shop, "ambil", "tunai", &[line(kopi, 1, 20_000)]).await;
    let too_early = one_order(&app, "081922200003", tani.shop, "ambil", "tunai", &[line(kopi, 1, 20_000)]).await;
    let too_late = one_order(&app, "081922200004", tani.shop, "ambil", "tunai", &[line(kopi, 1, 20_000)]).await;
    let elsewhere = one_order(&app, "081922200005", bahari.shop, "ambil", "tunai", &[line(abon, 1, 30_000)]).await;
    let day = |date: &str| TimeZone::Wita.day_start(date).expect("a date");
    placed_at(&app, &first, day("2026-03-10") + 9 * HOUR).await;
    placed_at(&app, &second, day("2026-03-11") + 23 * HOUR + 59 * 60_000).await;
    placed_at(&app, &too_early, day("2026-03-10") - 60_000).await;
    placed_at(&app, &too_late, day("2026-03-12")).await;
    placed_at(&app, &elsewhere, day("2026-03-10") + 10 * HOUR).await;

    let path = format!("/api/v1/shops/{}/orders.csv?dari=2026-03-10&sampai=2026-03-11", tani.shop);
    let res = app.call(Method::GET, &path, Some(&tani.cookie), None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "content-type"), "text/csv; charset=utf-8");
    let disposition = format!("attachment; filename=\"pesanan-toko-{}-2026-03-10-2026-03-11.csv\"", tani.shop);
    assert_eq!(header(&res, "content-disposition"), disposition);
    let bytes = res.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "a byte-order mark for spreadsheet programs");
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8");
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(
        rows[0],
        r#""Kode","Tanggal","Status","Pembeli","WhatsApp","Alamat","Pengiriman","Pembayaran","Barang","Total barang","Ongkir","Total","Resi""#,
        "a header row, text quoted"
    );
    assert_eq!(rows.len(), 3, "one row per order in range, oldest first: {rows:?}");
    let start = format!(r#""{first}","2026-03-10 09:00","Menunggu konfirmasi penjual","#);
    assert!(rows[1].starts_with(&start), "{}", rows[1]);
    assert!(rows[1].contains(r#""'=HYPERLINK(""http://jahat"")""#), "a formula is defused: {}", rows[1]);
    assert!(rows[1].contains("6281922200001") && rows[1].contains("Kopi Uji × 2"), "{}", rows[1]);
    assert!(rows[1].contains(",40000,12000,52000,"), "items, fee and total, bare numbers: {}", rows[1]);
    assert!(rows[1].contains("Senggigi, Kec."), "the address: {}", rows[1]);
    assert!(rows[2].starts_with(&format!(r#""{second}","2026-03-11 23:59","#)), "{}", rows[2]);
    for code in [&too_early, &too_late, &elsewhere] {
        assert!(!text.contains(code.as_str()), "{code} is outside the range or the shop");
    }

    // The list shows the same range; without dates, every order of the shop.
    assert_eq!(
        listed(&app, &tani, "?dari=2026-03-10&sampai=2026-03-11").await,
        [second.clone(), first.clone()],
        "newest first"
    );
    assert_eq!(listed(&app, &tani, "?status=baru").await.len(), 4);
    assert!(listed(&app, &tani, "?status=selesai").await.is_empty());
    let all = app.call(Method::GET, &format!("/api/v1/shops/{}/orders.csv", tani.shop), Some(&tani.cookie), None).await;
    assert_eq!(all.text().await.unwrap().lines().count(), 5, "the header and the shop's four orders");

    // Dates that are not dates, or the wrong way round.
    for query in ["?dari=kemarin", "?sampai=2026-02-30", "?dari=2026-03-12&sampai=2026-03-10"] {
        let path = format!("/api/v1/shops/{}/orders.csv{query}", tani.shop);
        let problem = assert_problem(app.call(Method::GET, &path, Some(&tani.cookie), None).await, 400).await;
        assert!(
            problem.detail.contains("tanggal") || problem.detail.contains("Tanggal"),
            "{query}: {}",
            problem.detail
        );
    }
}
