//! Exports read back: every table as CSV (UTF-8 with a byte-order mark, a header row, formulas defused)
//! and as XLSX (numbers as numbers, text as text) gives the rows the page shows.

use calamine::{Data, DataType, Reader, Xlsx};
use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use shared::dashboard::{Cell, ColumnKind, Report};

use super::{NTB_ADMIN, place_the_orders, report};
use crate::orders::{DARMA_TANI, line, placed, product, seller};

on_both_databases!(exports_read_back_to_the_same_rows);

async fn download(app: &TestApp, cookie: &str, path: &str) -> (String, String, Vec<u8>) {
    let res = app.call(Method::GET, path, Some(cookie), None).await;
    assert_eq!(res.status().as_u16(), 200, "{path}");
    let content_type = lapak_tests::header(&res, "content-type");
    let disposition = lapak_tests::header(&res, "content-disposition");
    (content_type, disposition, res.bytes().await.unwrap().to_vec())
}

/// A cell as the CSV writes it.
fn csv_text(cell: &Cell, kind: ColumnKind) -> String {
    match (cell, kind) {
        (Cell::Text(t), _) if t.starts_with(['=', '+', '-', '@']) => format!("'{t}"),
        (Cell::Text(t), _) => t.clone(),
        (Cell::Number(n), ColumnKind::Permille) => format!("{}.{}", n / 10, n % 10),
        (Cell::Number(n), _) => n.to_string(),
    }
}

fn check_csv(report: &Report, bytes: &[u8]) {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{}: starts with the byte-order mark", report.title);
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let labels: Vec<String> = report.columns.iter().map(|c| c.label.clone()).collect();
    assert_eq!(header, labels, "{}: header row", report.title);
    let rows: Vec<Vec<String>> = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    let expected: Vec<Vec<String>> = report
        .rows
        .iter()
        .map(|row| row.iter().zip(&report.columns).map(|(c, col)| csv_text(c, col.kind)).collect())
        .collect();
    assert_eq!(rows, expected, "{}: CSV rows", report.title);
}

fn check_xlsx(report: &Report, bytes: Vec<u8>) {
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).expect("an XLSX workbook");
    let sheet = book.worksheet_range_at(0).expect("one sheet").expect("readable");
    let mut rows = sheet.rows();
    let header: Vec<String> = rows.next().expect("a header row").iter().map(|c| c.to_string()).collect();
    assert_eq!(header, report.columns.iter().map(|c| c.label.clone()).collect::<Vec<_>>(), "{}", report.title);
    let read: Vec<Vec<Data>> = rows.map(|r| r.to_vec()).collect();
    assert_eq!(read.len(), report.rows.len(), "{}: XLSX rows", report.title);
    for (got, want) in read.iter().zip(&report.rows) {
        for ((cell, expected), column) in got.iter().zip(want).zip(&report.columns) {
            match (expected, column.kind) {
                (Cell::Text(t), _) if t.is_empty() => {
                    assert!(matches!(cell, Data::Empty | Data::String(_)), "{cell:?}")
                }
                (Cell::Text(t), _) => assert_eq!(cell, &Data::String(t.clone()), "{}: text stays text", report.title),
                (Cell::Number(n), ColumnKind::Permille) => assert_eq!(cell, &Data::Float(*n as f64 / 1000.0)),
                (Cell::Number(n), _) => assert_eq!(cell.as_f64(), Some(*n as f64), "{}: {cell:?}", report.title),
            }
        }
    }
}

async fn exports_read_back_to_the_same_rows(app: TestApp) {
    place_the_orders(&app).await;
    // A product whose name a spreadsheet would run as a formula.
    let tani = seller(&app, DARMA_TANI).await;
    let formula = "=HYPERLINK(\"http://contoh.invalid\",\"klik\")";
    let sneaky = product(&app, tani.shop, formula, 10_000, 5, 100).await;
    let body = serde_json::json!({ "buyer_name": "Baiq Uji", "buyer_whatsapp": "081955500002", "address": null,
        "save_address": false, "shops": [crate::orders::choice(tani.shop, "ambil", "tunai", &[line(sneaky, 1, 10_000)])] });
    placed(&app, None, &body).await;

    let ntb = app.sign_in(NTB_ADMIN, lapak_tests::DEMO_PASSWORD).await;
    for kind in [
        "penjualan",
        "desa",
        "kecamatan",
        "sektor",
        "lembaga",
        "produk",
        "pasar",
        "toko-baru",
        "data-desa",
        "data-toko",
        "data-pesanan",
    ] {
        let shown = report(&app, &ntb, &format!("/api/v1/dashboard/{kind}")).await;
        let (content_type, disposition, csv) = download(&app, &ntb, &format!("/api/v1/dashboard/{kind}/unduh")).await;
        assert_eq!(content_type, "text/csv; charset=utf-8");
        assert!(disposition.starts_with(&format!("attachment; filename=\"{kind}-")), "{disposition}");
        check_csv(&shown, &csv);
        let (content_type, disposition, xlsx) =
            download(&app, &ntb, &format!("/api/v1/dashboard/{kind}/unduh?format=xlsx")).await;
        assert_eq!(content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assert!(disposition.ends_with(".xlsx\""), "{disposition}");
        check_xlsx(&shown, xlsx);
    }
    let top = report(&app, &ntb, "/api/v1/dashboard/produk").await;
    assert!(top.rows.iter().any(|r| r[0] == Cell::Text(formula.into())), "the product is listed as named");
    let (_, _, csv) = download(&app, &ntb, "/api/v1/dashboard/produk/unduh").await;
    let text = String::from_utf8(csv).unwrap();
    assert!(text.contains("'=HYPERLINK"), "defused in CSV: {text}");
    // The records leave out the buyers.
    let (_, _, orders) = download(&app, &ntb, "/api/v1/dashboard/data-pesanan/unduh").await;
    let orders = String::from_utf8(orders).unwrap();
    assert!(orders.lines().count() == 6, "a header and five orders: {orders}");
    assert!(!orders.contains("Baiq Uji") && !orders.contains("955500001"), "no buyer names or numbers");
}
