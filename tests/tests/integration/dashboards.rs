//! Dashboards: the figures equal what the test's own orders add up to (placed, completed, cancelled, to
//! three places), for the whole province, one kabupaten and one village; the summaries kept order by order
//! equal a rebuild from the orders; and every viewer sees only their villages.

mod exports;
mod formulas;
mod shop_figures;

use lapak_tests::{TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};
use shared::dashboard::{Cell, Dashboard, Report};

use crate::orders::{
    DARMA_TANI, SENGGIGI, SENGGIGI_BAHARI, address, choice, guest_moves, line, one_order, placed, product, seller,
    seller_moved, take_transfers,
};

on_both_databases!(
    figures_match_the_orders,
    each_viewer_sees_only_their_villages,
    bad_filters_are_refused,
    a_sold_product_is_kept,
    kept_tables_follow_every_change
);

pub const NTB_ADMIN: &str = "081152000000";
pub const LOMBOK_BARAT_ADMIN: &str = "081152010000";
pub const DARMAJI_ADMIN: &str = "081152020001";
const GUEST: &str = "081955500001";

/// The orders of the tests, placed as guests (prices in Rupiah):
/// A Darma Tani → Senggigi (52.01) by courier: 2 sambal (25.000) + 1 kopi (40.000), completed;
/// B Darma Tani, collected, no address: 3 kopi, open;
/// C Senggigi Bahari → a Bali desa (51) with the fee quoted later: 4 abon (30.000), open;
/// D Senggigi Bahari, collected: 1 abon, cancelled by the buyer.
pub struct Orders {
    pub bali: String,
}

fn pickup(shop: i64, lines: &[Value]) -> Value {
    json!({ "buyer_name": "Baiq Uji", "buyer_whatsapp": GUEST, "address": null, "save_address": false,
        "shops": [choice(shop, "ambil", "tunai", lines)] })
}

fn delivered(desa: &str, shop: i64, delivery: &str, lines: &[Value]) -> Value {
    json!({ "buyer_name": "Baiq Uji", "buyer_whatsapp": GUEST, "address": address(desa), "save_address": false,
        "shops": [choice(shop, delivery, "tunai", lines)] })
}

pub async fn place_the_orders(app: &TestApp) -> Orders {
    let (tani, bahari) = (seller(app, DARMA_TANI).await, seller(app, SENGGIGI_BAHARI).await);
    let sambal = product(app, tani.shop, "Sambal Uji", 25_000, 50, 300).await;
    let kopi = product(app, tani.shop, "Kopi Uji", 40_000, 50, 250).await;
    sqlx::query("UPDATE products SET sector = 'perkebunan' WHERE id = $1")
        .bind(kopi)
        .execute(&app.db().pool)
        .await
        .unwrap();
    let abon = product(app, bahari.shop, "Abon Uji", 30_000, 50, 130).await;
    let bali: String =
        sqlx::query_scalar("SELECT code FROM regions WHERE level = 4 AND code LIKE '51.%' ORDER BY code")
            .fetch_one(&app.db().pool)
            .await
            .unwrap();

    let a =
        placed(app, None, &delivered(SENGGIGI, tani.shop, "kurir", &[line(sambal, 2, 25_000), line(kopi, 1, 40_000)]))
            .await;
    let a = a.orders[0].code.clone();
    placed(app, None, &pickup(tani.shop, &[line(kopi, 3, 40_000)])).await;
    placed(app, None, &delivered(&bali, bahari.shop, "ongkir_nanti", &[line(abon, 4, 30_000)])).await;
    let d = placed(app, None, &pickup(bahari.shop, &[line(abon, 1, 30_000)])).await.orders[0].code.clone();

    seller_moved(app, &tani, &a, json!({ "action": "terima" })).await;
    seller_moved(app, &tani, &a, json!({ "action": "kirim" })).await;
    let done = guest_moves(app, &a, GUEST, &json!({ "action": "selesai" })).await;
    assert_eq!(done.status().as_u16(), 200, "the buyer receives A");
    let cancelled = guest_moves(app, &d, GUEST, &json!({ "action": "batal", "note": "Salah pesan." })).await;
    assert_eq!(cancelled.status().as_u16(), 200, "the buyer cancels D");
    Orders { bali: bali[..2].to_owned() }
}

pub async fn get(app: &TestApp, cookie: &str, path: &str) -> Value {
    app.call_json(Method::GET, path, Some(cookie), None, 200).await
}

pub async fn report(app: &TestApp, cookie: &str, path: &str) -> Report {
    serde_json::from_value(get(app, cookie, path).await).expect("a report")
}

/// The row whose first text cell (or `column`) is `name`, as numbers from `from` on.
fn numbers(report: &Report, column: usize, name: &str, from: usize) -> Vec<i64> {
    let row = report.rows.iter().find(|r| r[column] == Cell::Text(name.into()));
    let row = row.unwrap_or_else(|| panic!("{}: no row {name} in {:?}", report.title, report.rows));
    row[from..].iter().map(Cell::number).collect()
}

fn figure(head: &Dashboard, label: &str) -> i64 {
    head.figures.iter().find(|f| f.label == label).unwrap_or_else(|| panic!("no figure {label}")).value
}

async fn figures_match_the_orders(app: TestApp) {
    let orders = place_the_orders(&app).await;
    let ntb = app.sign_in(NTB_ADMIN, lapak_tests::DEMO_PASSWORD).await;

    let head: Dashboard = serde_json::from_value(get(&app, &ntb, "/api/v1/dashboard").await).unwrap();
    // A, B and C stand; D was cancelled: 4 placed, 1 completed.
    assert_eq!(figure(&head, "Pesanan"), 3);
    assert_eq!(figure(&head, "Barang terjual"), 3 + 3 + 4);
    assert_eq!(figure(&head, "Nilai penjualan"), 90_000 + 120_000 + 120_000);
    assert_eq!((figure(&head, "Pesanan selesai"), figure(&head, "Pesanan batal")), (250, 250));

    // Today, day by day over the last 30 days: one row per day, the orders on today's.
    let series = report(&app, &ntb, "/api/v1/dashboard/penjualan").await;
    assert_eq!(series.rows.len(), 30);
    assert_eq!(series.rows.last().unwrap()[0], Cell::Text(head.to.clone()));
    assert_eq!(numbers(&series, 0, &head.to, 1), vec![3, 10, 330_000, 250, 250]);
    assert!(series.rows[..29].iter().all(|r| r[1..].iter().all(|c| c.number() == 0)), "no sales before today");

    // A longer range goes month by month and still adds up.
    let from = backend::time_zone::date_of(backend::time_zone::day_number(&head.to).unwrap() - 200);
    let months = report(&app, &ntb, &format!("/api/v1/dashboard/penjualan?dari={from}&sampai={}", head.to)).await;
    assert_eq!(months.columns[0].label, "Bulan");
    let sum: i64 = months.rows.iter().map(|r| r[3].number()).sum();
    assert_eq!(sum, 330_000);

    let villages = report(&app, &ntb, "/api/v1/dashboard/desa").await;
    assert_eq!(numbers(&villages, 0, "Darmaji", 2), vec![2, 6, 210_000, 500, 0]);
    assert_eq!(numbers(&villages, 0, "Senggigi", 2), vec![1, 4, 120_000, 0, 500]);
    assert_eq!(villages.rows[0][0], Cell::Text("Darmaji".into()), "largest first");
    let quiet = villages.rows.iter().filter(|r| r[4].number() == 0).count();
    assert!(quiet > 0, "villages without sales are listed too");

    let sectors = report(&app, &ntb, "/api/v1/dashboard/sektor").await;
    assert_eq!(numbers(&sectors, 0, "Perkebunan", 1), vec![4, 160_000]);
    assert_eq!(numbers(&sectors, 0, "Makanan & Minuman Olahan", 1), vec![6, 170_000]);

    let top = report(&app, &ntb, "/api/v1/dashboard/produk").await;
    let names: Vec<&Cell> = top.rows.iter().map(|r| &r[0]).collect();
    assert_eq!(
        names,
        [&Cell::Text("Kopi Uji".into()), &Cell::Text("Abon Uji".into()), &Cell::Text("Sambal Uji".into())]
    );
    assert_eq!(numbers(&top, 0, "Kopi Uji", 4), vec![2, 4, 160_000]);

    let market = report(&app, &ntb, "/api/v1/dashboard/pasar").await;
    assert_eq!(numbers(&market, 0, "52.01", 2), vec![3, 90_000, 273]);
    assert_eq!(numbers(&market, 0, "", 2), vec![3, 120_000, 364]);
    let provinces = report(&app, &ntb, "/api/v1/dashboard/pasar?wilayah=provinsi").await;
    assert_eq!(numbers(&provinces, 0, &orders.bali, 2), vec![4, 120_000, 364]);
    assert_eq!(provinces.rows.len(), 3, "NTB, Bali and collected");
    let kopi_only = report(&app, &ntb, "/api/v1/dashboard/pasar?sektor=perkebunan").await;
    assert_eq!(numbers(&kopi_only, 0, "52.01", 2), vec![1, 40_000, 250]);

    let kinds = report(&app, &ntb, "/api/v1/dashboard/lembaga").await;
    let all: i64 = kinds.rows.iter().map(|r| r[3].number()).sum();
    assert_eq!(all, 330_000, "every shop has a kind");

    // Goods stay in the sector they were sold in when the seller later recategorises the product (written
    // straight into the database, as another server would: this server's kept tables are dropped by hand).
    sqlx::query("UPDATE products SET sector = 'olahan' WHERE name = 'Kopi Uji'").execute(&app.db().pool).await.unwrap();
    app.state.dashboards.invalidate();
    let sectors = report(&app, &ntb, "/api/v1/dashboard/sektor").await;
    assert_eq!(numbers(&sectors, 0, "Perkebunan", 1), vec![4, 160_000]);

    // "Produk dijual" counts what the catalog lists in the province, and follows a listing hidden by
    // the village admin and a new product.
    let listed = |app: &TestApp| {
        let pool = app.db().pool.clone();
        async move {
            let sql = "SELECT COUNT(*) FROM products p JOIN shops s ON s.id = p.shop_id \
                JOIN villages v ON v.id = s.village_id WHERE p.status = 'active' AND p.hidden_reason IS NULL \
                AND s.status = 'active' AND v.region_code LIKE '52.%'";
            sqlx::query_scalar::<_, i64>(sql).fetch_one(&pool).await.unwrap()
        }
    };
    let before = listed(&app).await;
    assert!(before > 3, "the demo's products and the test's");
    assert_eq!(figure(&head, "Produk dijual"), before);
    let (village, sambal): (i64, i64) = sqlx::query_as(
        "SELECT s.village_id, p.id FROM products p JOIN shops s ON s.id = p.shop_id WHERE p.name = 'Sambal Uji'",
    )
    .fetch_one(&app.db().pool)
    .await
    .unwrap();
    let hide = format!("/api/v1/admin/villages/{village}/products/{sambal}/hide");
    let reason = json!({ "reason": "Foto tidak sesuai dengan barangnya." });
    assert_eq!(app.call(Method::POST, &hide, Some(&ntb), Some(&reason)).await.status(), 204);
    let head: Dashboard = serde_json::from_value(get(&app, &ntb, "/api/v1/dashboard").await).unwrap();
    assert_eq!(figure(&head, "Produk dijual"), before - 1);
    let tani = seller(&app, DARMA_TANI).await;
    product(&app, tani.shop, "Madu Baru", 90_000, 5, 500).await;
    app.state.dashboards.invalidate(); // written straight into the database, like the recategorisation
    let head: Dashboard = serde_json::from_value(get(&app, &ntb, "/api/v1/dashboard").await).unwrap();
    assert_eq!(figure(&head, "Produk dijual"), before);
    assert_eq!(listed(&app).await, before);

    // The summaries kept order by order are what a rebuild from the orders gives.
    let kept = summaries(&app).await;
    let mut tx = app.db().begin_write().await.unwrap();
    backend::dashboards::rebuild::rebuild(&mut tx, app.state.config.time_zone).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(summaries(&app).await, kept);
}

/// A summary row: span, period, shop, product, sector, buyer region, outcome, orders, items, Rupiah.
type SummaryRow = (String, i64, i64, i64, String, String, String, i64, i64, i64);

/// Every summary row with something in it, in key order.
async fn summaries(app: &TestApp) -> Vec<SummaryRow> {
    let mut rows: Vec<SummaryRow> = sqlx::query_as(
        "SELECT span, period, shop_id, CAST(0 AS BIGINT) AS product_id, '' AS sector, '' AS region, outcome, orders, \
             items, rupiah FROM sales_orders WHERE orders > 0 \
         UNION ALL SELECT span, period, shop_id, product_id, sector, buyer_region, '' AS outcome, orders, items, rupiah \
         FROM sales_lines WHERE orders > 0",
    )
    .fetch_all(&app.db().pool)
    .await
    .unwrap();
    rows.sort();
    rows
}

async fn each_viewer_sees_only_their_villages(app: TestApp) {
    place_the_orders(&app).await;
    let lombok_barat = app.sign_in(LOMBOK_BARAT_ADMIN, lapak_tests::DEMO_PASSWORD).await;
    let head: Dashboard = serde_json::from_value(get(&app, &lombok_barat, "/api/v1/dashboard").await).unwrap();
    // Only Senggigi's shop lies in Lombok Barat: C stands, D was cancelled.
    assert_eq!((figure(&head, "Pesanan"), figure(&head, "Nilai penjualan")), (1, 120_000));
    assert!(head.villages.iter().all(|v| v.label != "Darmaji"), "{:?}", head.villages);
    let villages = report(&app, &lombok_barat, "/api/v1/dashboard/desa").await;
    assert!(villages.rows.iter().all(|r| r[0] != Cell::Text("Darmaji".into())));

    let darmaji_admin = app.sign_in(DARMAJI_ADMIN, lapak_tests::DEMO_PASSWORD).await;
    let head: Dashboard = serde_json::from_value(get(&app, &darmaji_admin, "/api/v1/dashboard").await).unwrap();
    assert_eq!((figure(&head, "Pesanan"), figure(&head, "Nilai penjualan")), (2, 210_000));
    assert_eq!(head.villages.len(), 1);
    assert_eq!(head.scope, "Desa Darmaji");
    let senggigi: i64 =
        sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'senggigi'").fetch_one(&app.db().pool).await.unwrap();
    for path in ["/api/v1/dashboard", "/api/v1/dashboard/desa", "/api/v1/dashboard/data-pesanan/unduh"] {
        let res = app.call(Method::GET, &format!("{path}?desa={senggigi}"), Some(&darmaji_admin), None).await;
        assert_problem(res, 403).await;
    }
    // The district admin of Lombok Barat may look at Senggigi alone.
    let one: Dashboard =
        serde_json::from_value(get(&app, &lombok_barat, &format!("/api/v1/dashboard?desa={senggigi}")).await).unwrap();
    assert_eq!((one.scope.as_str(), figure(&one, "Pesanan")), ("Desa Senggigi", 1));
    // A seller is no admin.
    let tani = seller(&app, DARMA_TANI).await;
    assert_problem(app.call(Method::GET, "/api/v1/dashboard", Some(&tani.cookie), None).await, 403).await;
}

async fn bad_filters_are_refused(app: TestApp) {
    let ntb = app.sign_in(NTB_ADMIN, lapak_tests::DEMO_PASSWORD).await;
    let cases = [
        ("/api/v1/dashboard?dari=kemarin", 400, "TTTT-BB-HH"),
        ("/api/v1/dashboard?dari=2026-02-30", 400, "TTTT-BB-HH"),
        ("/api/v1/dashboard/desa?dari=2026-05-02&sampai=2026-05-01", 400, "tanggal awal"),
        ("/api/v1/dashboard/desa?dari=2000-01-01&sampai=2026-05-01", 400, "10 tahun"),
        ("/api/v1/dashboard/sektor?sektor=emas", 400, "Sektor"),
        ("/api/v1/dashboard/desa?kecamatan=52.01", 400, "kecamatan"),
        ("/api/v1/dashboard/desa?lembaga=pt", 400, "lembaga"),
        ("/api/v1/dashboard/pasar?wilayah=dunia", 400, "provinsi atau kabupaten"),
        ("/api/v1/dashboard/desa/unduh?format=pdf", 400, "csv atau xlsx"),
        ("/api/v1/dashboard/omzet", 404, "Tabel"),
        ("/api/v1/dashboard?desa=987654", 404, "Desa"),
        ("/api/v1/dashboard?desa=banyak", 400, ""),
    ];
    for (path, status, words) in cases {
        let problem = assert_problem(app.call(Method::GET, path, Some(&ntb), None).await, status).await;
        assert!(problem.detail.to_lowercase().contains(&words.to_lowercase()), "{path}: {}", problem.detail);
    }
}

/// Deleting a product that was ordered would orphan its orders' figures: it is refused, hiding is offered.
async fn a_sold_product_is_kept(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let sold = product(&app, tani.shop, "Kopi Terjual", 40_000, 5, 250).await;
    let unsold = product(&app, tani.shop, "Kopi Baru", 40_000, 5, 250).await;
    placed(&app, None, &pickup(tani.shop, &[line(sold, 1, 40_000)])).await;
    let path = |id: i64| format!("/api/v1/shops/{}/products/{id}", tani.shop);
    let refused = assert_problem(app.call(Method::DELETE, &path(sold), Some(&tani.cookie), None).await, 409).await;
    assert!(refused.detail.contains("Sembunyikan"), "{}", refused.detail);
    assert_eq!(app.count("products", &format!("id = {sold}")).await, 1, "still there");
    let gone = app.call(Method::DELETE, &path(unsold), Some(&tani.cookie), None).await;
    assert_eq!(gone.status().as_u16(), 204, "a product never ordered may go");
}

/// Orders, Rupiah and the cancelled share on `cookie`'s dashboard head.
async fn headline(app: &TestApp, cookie: &str) -> (i64, i64, i64) {
    let head: Dashboard = serde_json::from_value(get(app, cookie, "/api/v1/dashboard").await).unwrap();
    (figure(&head, "Pesanan"), figure(&head, "Nilai penjualan"), figure(&head, "Pesanan batal"))
}

/// A dashboard viewed again is answered from the kept tables, and every change shows at once: an order
/// placed, the buyer's cancellation, and an unpaid order the background job cancels.
async fn kept_tables_follow_every_change(app: TestApp) {
    let ntb = app.sign_in(NTB_ADMIN, lapak_tests::DEMO_PASSWORD).await;
    let before = headline(&app, &ntb).await;
    assert_eq!(headline(&app, &ntb).await, before, "the same figures from the kept table");
    let tani = seller(&app, DARMA_TANI).await;
    take_transfers(&app, &tani).await;
    let sambal = product(&app, tani.shop, "Sambal Simpan", 25_000, 20, 300).await;
    let cash = placed(&app, None, &pickup(tani.shop, &[line(sambal, 2, 25_000)])).await.orders[0].code.clone();
    let placed_one = headline(&app, &ntb).await;
    assert_eq!((placed_one.0, placed_one.1), (before.0 + 1, before.1 + 50_000), "the new order counts at once");
    let cancelled = guest_moves(&app, &cash, GUEST, &json!({ "action": "batal", "note": "Salah pesan." })).await;
    assert_eq!(cancelled.status().as_u16(), 200);
    let after = headline(&app, &ntb).await;
    assert_eq!((after.0, after.1), (before.0, before.1), "the cancelled order no longer counts");
    assert!(after.2 > before.2, "the cancellation shows in the rate: {after:?} after {before:?}");

    let unpaid = one_order(&app, GUEST, tani.shop, "ambil", "transfer", &[line(sambal, 1, 25_000)]).await;
    seller_moved(&app, &tani, &unpaid, json!({ "action": "terima" })).await;
    assert_eq!(headline(&app, &ntb).await.0, before.0 + 1);
    let day_later = backend::db::now_ms() + 25 * 3_600_000;
    assert_eq!(backend::orders::sweeper::sweep(&app.state, day_later).await.unwrap(), 1);
    assert_eq!(headline(&app, &ntb).await.0, before.0, "the job's cancellation shows at once");
}
