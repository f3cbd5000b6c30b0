//! Text a spreadsheet would run as a formula, planted in product, shop and buyer names and a tracking
//! number, comes out of every export (a shop's orders as CSV, every dashboard table and record as CSV and
//! XLSX) as one text cell. Read back with `,` (the files' separator) and with `;` (how Excel in Indonesian
//! settings splits a CSV), no cell starts with `= + - @`, a tab or a carriage return (after any spaces),
//! except numbers (a negative amount is a number, not text); in XLSX the text is a string and no cell is a
//! formula.

use calamine::{Data, Reader, Xlsx};
use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use serde_json::json;

use super::NTB_ADMIN;
use crate::orders::{DARMA_TANI, choice, line, placed, product, seller};

on_both_databases!(planted_formulas_stay_text_in_every_export);

/// What an attacker types, and the one cell each must come back as from the CSV read with `,`.
const PLANTED: [(&str, &str); 6] = [
    ("Uji;=1+1", "Uji;'=1+1"),
    ("=HYPERLINK(\"http://contoh.invalid\",\"klik\")", "'=HYPERLINK(\"http://contoh.invalid\",\"klik\")"),
    ("+1", "'+1"),
    ("@SUM(1)", "'@SUM(1)"),
    ("-2+3", "'-2+3"),
    ("\t=1+1", "'\t'=1+1"),
];
const SHOP: (&str, &str) = ("-1+1 Toko;@SUM(2)", "'-1+1 Toko;'@SUM(2)");

async fn download(app: &TestApp, cookie: &str, path: &str) -> Vec<u8> {
    let res = app.call(Method::GET, path, Some(cookie), None).await;
    assert_eq!(res.status().as_u16(), 200, "{path}");
    res.bytes().await.unwrap().to_vec()
}

/// A number the server wrote (`-5`, `12.5`), not text.
fn is_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Every cell of the CSV file read with `delimiter`, after checking that none starts a formula.
fn csv_cells(what: &str, bytes: &[u8], delimiter: u8) -> Vec<String> {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "{what}: a byte-order mark");
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(&bytes[3..]);
    let mut cells = Vec::new();
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            let formula = cell.trim_start_matches(' ').starts_with(['=', '+', '-', '@', '\t', '\r']);
            assert!(
                !formula || is_number(cell),
                "{what} read with {:?}: a cell starts a formula: {cell:?}",
                delimiter as char
            );
            cells.push(cell.to_owned());
        }
    }
    cells
}

/// Checks the CSV with both separators; the cells as read with `,`.
fn check_csv(what: &str, bytes: &[u8]) -> Vec<String> {
    csv_cells(what, bytes, b';');
    csv_cells(what, bytes, b',')
}

/// The XLSX's text cells, after checking that no cell holds a formula.
fn xlsx_strings(what: &str, bytes: Vec<u8>) -> Vec<String> {
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).expect("an XLSX workbook");
    let name = book.sheet_names()[0].clone();
    let formulas = book.worksheet_formula(&name).expect("readable formulas");
    assert!(formulas.cells().all(|(_, _, f)| f.is_empty()), "{what}: no cell is a formula");
    let sheet = book.worksheet_range(&name).expect("readable");
    sheet.cells().filter_map(|(_, _, c)| if let Data::String(s) = c { Some(s.clone()) } else { None }).collect()
}

async fn planted_formulas_stay_text_in_every_export(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let mut lines = Vec::new();
    for (name, _) in PLANTED {
        lines.push(line(product(&app, tani.shop, name, 10_000, 5, 100).await, 1, 10_000));
    }
    let body = json!({ "buyer_name": "Baiq Uji", "buyer_whatsapp": "081955500003", "address": null,
        "save_address": false, "shops": [choice(tani.shop, "ambil", "tunai", &lines)] });
    let code = placed(&app, None, &body).await.orders[0].code.clone();
    // Text the forms may trim or refuse (a leading tab) is planted in the database itself.
    let pool = &app.db().pool;
    let (buyer, tracking) = (PLANTED[0], PLANTED[5]);
    sqlx::query("UPDATE orders SET buyer_name = $1, tracking_number = $2 WHERE code = $3")
        .bind(buyer.0)
        .bind(tracking.0)
        .bind(&code)
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("UPDATE shops SET name = $1 WHERE id = $2").bind(SHOP.0).bind(tani.shop).execute(pool).await.unwrap();

    // The shop's orders.
    let orders = download(&app, &tani.cookie, &format!("/api/v1/shops/{}/orders.csv", tani.shop)).await;
    let cells = check_csv("orders.csv", &orders);
    for expected in [buyer.1, tracking.1] {
        assert!(cells.iter().any(|c| c == expected), "orders.csv: {expected:?} is one cell: {cells:?}");
    }
    let goods = cells.iter().find(|c| c.contains("× 1")).expect("the goods cell");
    assert!(goods.starts_with("Uji;'=1+1 × 1"), "the goods cell is one cell: {goods:?}");
    assert!(goods.contains("× 1 pcs; '=HYPERLINK("), "a name after `; ` in the goods is defused too: {goods:?}");

    // Every dashboard table and record.
    let ntb = app.sign_in(NTB_ADMIN, lapak_tests::DEMO_PASSWORD).await;
    // Every table and record the dashboards export.
    for kind in shared::dashboard::ReportKind::ALL.iter().map(|kind| kind.code()) {
        let csv = download(&app, &ntb, &format!("/api/v1/dashboard/{kind}/unduh")).await;
        let cells = check_csv(kind, &csv);
        let xlsx = download(&app, &ntb, &format!("/api/v1/dashboard/{kind}/unduh?format=xlsx")).await;
        let strings = xlsx_strings(kind, xlsx);
        let planted: &[(&str, &str)] = match kind {
            "produk" | "data-produk" => &PLANTED,
            "data-toko" => &[SHOP],
            _ => &[],
        };
        for (text, cell) in planted {
            assert!(cells.iter().any(|c| c == cell), "{kind}.csv: {cell:?} is one cell: {cells:?}");
            assert!(strings.iter().any(|s| s == text), "{kind}.xlsx: {text:?} is a string cell: {strings:?}");
        }
    }
}
