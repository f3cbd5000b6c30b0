//! The buying pages (cart, checkout, an order) are drawn in the browser: the server gives their head, titled
//! in the language of the address (`/en/keranjang`: "Cart"), never indexed.

use lapak_tests::{TestApp, on_both_databases};

on_both_databases!(buying_pages_are_titled_in_their_language);

async fn buying_pages_are_titled_in_their_language(app: TestApp) {
    for (path, title, lang) in [
        ("/keranjang", "Keranjang", "id"),
        ("/pesan", "Pesan", "id"),
        ("/pesanan/LD-7K3M9Q2X", "Pesanan", "id"),
        ("/en/keranjang", "Cart", "en"),
        ("/en/pesan?produk=1&jumlah=2", "Checkout", "en"),
        ("/en/pesanan/LD-7K3M9Q2X", "Order", "en"),
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 200, "{path}");
        let html = res.text().await.unwrap();
        assert!(html.contains(&format!("<title>{title} — Lapak Desa</title>")), "{path}: {html}");
        assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{path}");
        assert!(html.contains(r#"<meta name="robots" content="noindex, nofollow">"#), "{path}");
    }
}
