//! Public pages arrive with their content in the HTML, rendered on the server by the app's own
//! components, with the answers they were rendered from embedded once for the hydrating app.

use lapak_tests::{TestApp, header, on_both_databases};
use serde_json::Value;

on_both_databases!(a_product_page_carries_its_content, an_unknown_product_is_a_rendered_404);

/// The page's text inside `#app`, without markup, comments or the embedded state.
pub fn app_text(html: &str) -> String {
    let app = html.split("<div id=\"app\">").nth(1).unwrap_or_default();
    let app = app.split("<script type=\"application/json\" id=\"state\">").next().unwrap_or_default();
    let (mut text, mut in_tag) = (String::new(), false);
    for c in app.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The seeds embedded in a rendered page.
pub fn state(html: &str) -> Value {
    let json = html.split("<script type=\"application/json\" id=\"state\">").nth(1).expect("the page's state");
    serde_json::from_str(json.split("</script>").next().unwrap()).unwrap()
}

async fn a_product_page_carries_its_content(app: TestApp) {
    let catalog = app.get_json("/api/v1/catalog?q=sambal", 200).await;
    let product = &catalog["items"][0];
    let (id, name) = (product["id"].as_i64().unwrap(), product["name"].as_str().unwrap());
    let detail = app.get_json(&format!("/api/v1/products/{id}"), 200).await;
    let path = format!("/produk/{id}-{}", product["slug"].as_str().unwrap());
    let res = app.get(&path).await;
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "cache-control"), "no-cache");
    let html = res.text().await.unwrap();
    let text = app_text(&html);
    let price = shared::format::rupiah(product["price"].as_i64().unwrap());
    for expected in
        [name, price.as_str(), product["shop_name"].as_str().unwrap(), "Tambah ke keranjang", "Tanya penjual"]
    {
        assert!(text.contains(expected), "{expected:?} is in the page: {text}");
    }
    assert!(!text.contains("Memuat"), "no skeleton: {text}");
    // The answer the page was rendered from is the API's, embedded once.
    assert_eq!(state(&html)[format!("/api/v1/products/{id}")]["ok"], detail);
    assert_eq!(html.matches("id=\"state\"").count(), 1);
    // Share links are absolute, under the public address.
    assert!(html.contains(&format!("{}{path}", app.url(""))), "absolute share link");
}

async fn an_unknown_product_is_a_rendered_404(app: TestApp) {
    for path in ["/produk/999999-tidak-ada", "/produk/bukan-angka"] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 404, "{path}");
        let html = res.text().await.unwrap();
        assert!(app_text(&html).contains("Produk ini tidak ditemukan"), "{path}: {}", app_text(&html));
        assert!(html.contains("<title>Halaman tidak ditemukan — Lapak Desa</title>"), "{path}");
    }
}
