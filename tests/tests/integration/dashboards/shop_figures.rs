//! A seller's own figures: the same kept summaries as the district's dashboards, narrowed to one shop:
//! its orders, sales, goods, completion and cancellation rates and rating, its sales over time, best
//! products, buyers' regions and ratings over time, as JSON and as CSV or XLSX; only its owner sees them,
//! and a table sellers do not have is a 404.

use lapak_tests::{TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use shared::dashboard::{Cell, ShopFigures};

use super::{get, numbers, place_the_orders, report};
use crate::orders::{DARMA_TANI, SENGGIGI_BAHARI, seller};
use crate::reviews::{completed, review, two_products, write_as_guest};

on_both_databases!(a_seller_sees_their_own_figures, only_the_owner_sees_them, ratings_over_time);

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

/// The reviews written in the period, by day: how many, their mean and how many of each star; the
/// shop's own on its figures, every shop's of the region on the district's dashboard.
async fn ratings_over_time(app: TestApp) {
    let (tani, bahari) = (seller(&app, DARMA_TANI).await, seller(&app, SENGGIGI_BAHARI).await);
    let (kopi, _) = two_products(&app, &tani).await;
    for (buyer, stars) in [("081977700501", 5), ("081977700502", 2)] {
        let order = completed(&app, &tani, None, buyer, &[kopi]).await;
        let res = write_as_guest(&app, &order.code, buyer, &review(order.lines[0].id, stars, "", &[])).await;
        assert_eq!(res.status().as_u16(), 201);
    }
    let head: ShopFigures =
        serde_json::from_value(get(&app, &tani.cookie, &format!("/api/v1/shops/{}/figures", tani.shop)).await).unwrap();
    let today =
        |r: &shared::dashboard::Report| r.rows.iter().find(|row| row[0] == Cell::Text(head.to.clone())).cloned();
    let ours = report(&app, &tani.cookie, &format!("/api/v1/shops/{}/figures/rating", tani.shop)).await;
    assert_eq!(ours.rows.len(), 30, "every day of the last 30");
    let row = today(&ours).expect("today's row");
    let n = Cell::Number;
    let expected = [n(2), Cell::Text("3,5".into()), n(1), n(0), n(0), n(1), n(0)];
    assert_eq!(row[1..], expected, "2 reviews, a mean of 3,5: one of 5 stars, one of 2");
    let theirs = report(&app, &bahari.cookie, &format!("/api/v1/shops/{}/figures/rating", bahari.shop)).await;
    assert!(theirs.rows.iter().all(|r| r[1] == Cell::Number(0)), "none for the other shop");
    let admin = app.sign_in(super::NTB_ADMIN, lapak_tests::DEMO_PASSWORD).await;
    let region = report(&app, &admin, "/api/v1/dashboard/rating").await;
    assert_eq!(today(&region).expect("today's row")[1], Cell::Number(2), "the district sees them too");
}
