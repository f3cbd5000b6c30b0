//! A seller's own figures: the same kept summaries as the district's dashboards, narrowed to one shop:
//! its orders, sales, goods, completion and cancellation rates and rating, its sales over time, best
//! products and buyers' regions, as JSON and as CSV or XLSX; only its owner sees them, and a table sellers
//! do not have is a 404.

use lapak_tests::{TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use shared::dashboard::{Cell, ShopFigures};

use super::{get, numbers, place_the_orders, report};
use crate::orders::{DARMA_TANI, SENGGIGI_BAHARI, seller};

on_both_databases!(a_seller_sees_their_own_figures, only_the_owner_sees_them);

fn figure(head: &ShopFigures, label: &str) -> i64 {
    head.figures.iter().find(|f| f.label == label).unwrap_or_else(|| panic!("no figure {label}")).value
}

async fn a_seller_sees_their_own_figures(app: TestApp) {
    let orders = place_the_orders(&app).await;
    let (tani, bahari) = (seller(&app, DARMA_TANI).await, seller(&app, SENGGIGI_BAHARI).await);
    let figures = |shop: i64| format!("/api/v1/shops/{shop}/figures");

    // Darma Tani: A (completed) and B (open); nothing of Senggigi Bahari's.
    let head: ShopFigures = serde_json::from_value(get(&app, &tani.cookie, &figures(tani.shop)).await).unwrap();
    assert_eq!(figure(&head, "Pesanan"), 2);
    assert_eq!(figure(&head, "Barang terjual"), 6);
    assert_eq!(figure(&head, "Nilai penjualan"), 210_000);
    assert_eq!((figure(&head, "Pesanan selesai"), figure(&head, "Pesanan batal")), (500, 0));
    assert_eq!(head.rating.count, 0, "no reviews yet");
    // Senggigi Bahari: C stands, D was cancelled.
    let theirs: ShopFigures = serde_json::from_value(get(&app, &bahari.cookie, &figures(bahari.shop)).await).unwrap();
    assert_eq!((figure(&theirs, "Pesanan"), figure(&theirs, "Pesanan batal")), (1, 500));

    let series = report(&app, &tani.cookie, &format!("{}/penjualan", figures(tani.shop))).await;
    assert_eq!(series.rows.len(), 30, "the last 30 days");
    assert_eq!(numbers(&series, 0, &head.to, 1), vec![2, 6, 210_000, 500, 0]);

    let top = report(&app, &tani.cookie, &format!("{}/produk", figures(tani.shop))).await;
    let names: Vec<&Cell> = top.rows.iter().map(|r| &r[0]).collect();
    assert_eq!(names, [&Cell::Text("Kopi Uji".into()), &Cell::Text("Sambal Uji".into())], "its own products only");

    let market = report(&app, &tani.cookie, &format!("{}/pasar?wilayah=provinsi", figures(tani.shop))).await;
    assert!(market.rows.iter().all(|r| r[0] != Cell::Text(orders.bali.clone())), "Bali bought from the other shop");
    let theirs = report(&app, &bahari.cookie, &format!("{}/pasar?wilayah=provinsi", figures(bahari.shop))).await;
    assert_eq!(numbers(&theirs, 0, &orders.bali, 2), vec![4, 120_000, 1000]);

    // The same tables as files.
    let csv = app.call(Method::GET, &format!("{}/produk/unduh", figures(tani.shop)), Some(&tani.cookie), None).await;
    assert_eq!(csv.status().as_u16(), 200);
    assert!(lapak_tests::header(&csv, "content-type").starts_with("text/csv"));
    let text = csv.text().await.unwrap();
    assert!(text.contains("Kopi Uji") && !text.contains("Abon Uji"), "{text}");
    let path = format!("{}/data-pesanan/unduh?format=xlsx", figures(tani.shop));
    let xlsx = app.call(Method::GET, &path, Some(&tani.cookie), None).await;
    assert_eq!(xlsx.status().as_u16(), 200);
    assert!(lapak_tests::header(&xlsx, "content-type").contains("spreadsheetml"));
    assert!(lapak_tests::header(&xlsx, "content-disposition").contains(&format!("toko-{}-data-pesanan", tani.shop)));
}

async fn only_the_owner_sees_them(app: TestApp) {
    let (tani, bahari) = (seller(&app, DARMA_TANI).await, seller(&app, SENGGIGI_BAHARI).await);
    let admin = app.sign_in(super::NTB_ADMIN, lapak_tests::DEMO_PASSWORD).await;
    let path = format!("/api/v1/shops/{}/figures", tani.shop);
    for cookie in [&bahari.cookie, &admin] {
        assert_problem(app.call(Method::GET, &path, Some(cookie), None).await, 403).await;
    }
    assert_problem(app.call(Method::GET, &path, None, None).await, 401).await;
    let cases = [
        (format!("{path}/desa"), 404, "tidak tersedia untuk toko"),
        (format!("{path}/omzet"), 404, "Tabel"),
        (format!("{path}?dari=kemarin"), 400, "TTTT-BB-HH"),
        (format!("{path}/produk/unduh?format=pdf"), 400, "csv atau xlsx"),
    ];
    for (path, status, words) in cases {
        let problem = assert_problem(app.call(Method::GET, &path, Some(&tani.cookie), None).await, status).await;
        assert!(problem.detail.contains(words), "{path}: {}", problem.detail);
    }
}
