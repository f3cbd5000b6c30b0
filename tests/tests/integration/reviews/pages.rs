//! Every review of a product has a page: the product page links "Lihat semua 6 ulasan" once it shows only
//! the newest five, and `/produk/{id}-{slug}/ulasan` arrives rendered with all of them under the rating,
//! says so past its last page, moves a mistyped address to the product's own, and is a 404 for a product
//! not on sale.

use lapak_tests::{TestApp, on_both_databases};
use shared::review::Review;

use super::{answer, completed, product_page, review, two_products, write_as_guest};
use crate::orders::{DARMA_TANI, seller};
use crate::site::rendered::islands_page;

on_both_databases!(every_review_of_a_product_has_a_page);

async fn every_review_of_a_product_has_a_page(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, _) = two_products(&app, &tani).await;
    for i in 0..6_u8 {
        let phone = format!("08197770050{i}");
        let order = completed(&app, &tani, None, &phone, &[kopi]).await;
        let body = review(order.lines[0].id, 5 - i % 2, &format!("Ulasan pembeli nomor {i}."), &[]);
        let _: Review = answer(write_as_guest(&app, &order.code, &phone, &body).await, 201).await;
    }
    let path = product_page(&app, kopi).await.summary.path();

    let (_, text) = islands_page(&app, &path).await;
    assert!(text.contains("Lihat semua 6 ulasan"), "the product page links the rest: {text}");
    assert!(!text.contains("Ulasan pembeli nomor 0."), "the oldest is not among the newest five");

    let (html, text) = islands_page(&app, &format!("{path}/ulasan")).await;
    for i in 0..6 {
        assert!(text.contains(&format!("Ulasan pembeli nomor {i}.")), "review {i} is on the page: {text}");
    }
    assert!(text.contains("Ulasan Kopi Ulasan") && text.contains("dari 6 ulasan"), "{text}");
    assert!(html.contains(&format!("{path}/ulasan\"")), "the page names its own address");

    let (_, text) = islands_page(&app, &format!("{path}/ulasan?page=2")).await;
    assert!(text.contains("Halaman 2 tidak ada") && text.contains("Ke ulasan terbaru"), "{text}");

    let moved = app.get(&format!("/produk/{kopi}-nama-lama/ulasan")).await;
    let to = moved.headers().get("location").and_then(|l| l.to_str().ok()).map(str::to_owned);
    assert!(moved.status().is_redirection(), "{}", moved.status());
    assert_eq!(to, Some(format!("{path}/ulasan")), "a mistyped address moves to the product's own");
    assert_eq!(app.get("/produk/987654-tidak-ada/ulasan").await.status().as_u16(), 404);
}
