//! Public pages arrive with their content in the HTML, rendered on the server by the app's own
//! components: with the answers they were rendered from embedded once for an app that hydrates the page
//! whole, or with their islands (what the islands bundle hydrates, each carrying what it starts from).

use lapak_tests::{TestApp, header, on_both_databases};
use serde_json::Value;

on_both_databases!(
    a_product_page_carries_its_content,
    an_unknown_product_is_a_rendered_404,
    a_search_arrives_with_its_results_count_and_next_page,
    a_shop_page_carries_its_products,
    pages_and_answers_travel_compressed,
    the_market_reads_in_english_under_en,
);

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

/// The islands of a page the islands bundle hydrates (which then carries no seeds): each one's name and
/// what it starts from, as its element carries them.
pub fn islands(html: &str) -> Vec<(String, Value)> {
    assert!(!html.contains("id=\"state\""), "a page of islands carries no seeds");
    assert!(html.contains("/islands-"), "the page loads the islands bundle");
    html.split("<lapak-island data-island=\"")
        .skip(1)
        .map(|rest| {
            let json = rest.split('"').next().unwrap().replace("&quot;", "\"").replace("&amp;", "&");
            match serde_json::from_str(&json).unwrap() {
                Value::String(name) => (name, Value::Null),
                Value::Object(one) => one.into_iter().next().unwrap(),
                other => panic!("an island is a name or {{name: fields}}: {other}"),
            }
        })
        .collect()
}

/// The page at `path` (a 200) the islands bundle hydrates, and its text, checked to have no skeleton and
/// the header's islands.
pub async fn islands_page(app: &TestApp, path: &str) -> (String, String) {
    let res = app.get(path).await;
    assert_eq!(res.status(), 200, "{path}");
    let html = res.text().await.unwrap();
    let text = app_text(&html);
    assert!(!text.contains("Memuat"), "{path}: no skeleton: {text}");
    let islands = islands(&html);
    for island in ["account", "cart"] {
        assert!(islands.iter().any(|(name, _)| name == island), "{path}: the header's {island} is an island");
    }
    (html, text)
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
    // Only the islands start in the browser, from what their elements carry: the buying controls
    // start from the product's stock and minimum order.
    let islands = islands(&html);
    let (_, buy) = islands.iter().find(|(name, _)| name == "buy").expect("the buying controls are an island");
    assert_eq!(buy["product_id"], id);
    assert_eq!(buy["stock"], detail["stock"]);
    assert_eq!(buy["min_order"], detail["min_order"]);
    for island in ["account", "cart", "gallery", "share"] {
        assert!(islands.iter().any(|(name, _)| name == island), "{island} is an island: {islands:?}");
    }
    // The inquiry form is one too, hydrated by its own bundle once its button is tapped.
    let inquiry = format!("<lapak-island data-inquiry=\"{{&quot;target&quot;:{{&quot;Product&quot;:{id}}}");
    assert!(html.contains(&inquiry), "{inquiry} in the page");
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

async fn a_search_arrives_with_its_results_count_and_next_page(app: TestApp) {
    let api = app.get_json("/api/v1/catalog?q=keripik&per=2", 200).await;
    let facets = app.get_json("/api/v1/catalog/facets?q=keripik", 200).await;
    let total = facets["total"].as_i64().unwrap();
    assert!(total > 2, "more than one page of keripik: {facets}");
    let res = app.get("/produk?q=keripik&per=2").await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    let text = app_text(&html);
    assert!(text.contains(&format!("{total} produk untuk \u{201c}keripik\u{201d}")), "the count: {text}");
    for item in api["items"].as_array().unwrap() {
        assert!(text.contains(item["name"].as_str().unwrap()), "{item} is listed: {text}");
    }
    // The next page is a plain link to its own address, which arrives rendered too.
    let cursor = api["next"].as_str().unwrap();
    let mut address = reqwest::Url::parse("http://x/produk").unwrap();
    address.query_pairs_mut().extend_pairs([("q", "keripik"), ("per", "2"), ("setelah", cursor)]);
    let next = address.query().unwrap().to_owned();
    let link = format!("href=\"/produk?{}\"", next.replace('&', "&amp;"));
    assert!(html.contains(&link), "{link} in the page");
    let second = app.get_json(&format!("/api/v1/catalog?{next}"), 200).await;
    let (_, page) = islands_page(&app, &format!("/produk?{next}")).await;
    for item in second["items"].as_array().unwrap() {
        let name = item["name"].as_str().unwrap();
        assert!(page.contains(name), "the next page shows {name}: {page}");
    }
    // The filter form sent without JavaScript (empty fields, a price as typed) lands on the address the app
    // writes; an address the app writes is served as it is.
    let res = app.get("/produk?q=keripik&kecamatan=&kategori=&harga_min=&harga_max=25.000&urut=termurah").await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/produk?q=keripik&harga_max=25000&urut=termurah");
    assert_eq!(app.get("/produk?q=keripik&harga_max=25000&urut=termurah").await.status(), 200);
}

async fn a_shop_page_carries_its_products(app: TestApp) {
    let catalog = app.get_json("/api/v1/catalog?q=sambal", 200).await;
    let shop = catalog["items"][0]["shop_slug"].as_str().unwrap().to_owned();
    let storefront = app.get_json(&format!("/api/v1/storefronts/{shop}"), 200).await;
    let products = app.get_json(&format!("/api/v1/catalog?toko={shop}"), 200).await;
    let html = app.get(&format!("/toko/{shop}")).await.text().await.unwrap();
    let text = app_text(&html);
    assert!(text.contains(storefront["name"].as_str().unwrap()), "{text}");
    for item in products["items"].as_array().unwrap() {
        assert!(text.contains(item["name"].as_str().unwrap()), "{item} is listed: {text}");
    }
    let islands = islands(&html);
    assert!(islands.iter().any(|(name, i)| name == "share" && i["label"] == "Bagikan toko"), "{islands:?}");
    let res = app.get("/toko/tidak-ada-toko").await;
    assert_eq!(res.status(), 404);
    assert!(app_text(&res.text().await.unwrap()).contains("tidak ditemukan"));
}

async fn pages_and_answers_travel_compressed(app: TestApp) {
    for (path, encoding) in [("/produk?q=keripik", "br"), ("/desa", "gzip"), ("/api/v1/catalog?q=keripik", "br")] {
        let plain = app.get(path).await.bytes().await.unwrap().len();
        let res = app.client.get(app.url(path)).header("accept-encoding", encoding).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(header(&res, "content-encoding"), encoding, "{path}");
        let sent = res.bytes().await.unwrap().len();
        assert!(sent * 3 < plain, "{path}: {sent} bytes sent for {plain}");
    }
}

/// The same pages at `/en/…` read in English, their links staying in English; the sellers' Indonesian
/// words are marked as such, and a product's schema.org data says its language.
async fn the_market_reads_in_english_under_en(app: TestApp) {
    let catalog = app.get_json("/api/v1/catalog?q=sambal", 200).await;
    let product = &catalog["items"][0];
    let (id, slug) = (product["id"].as_i64().unwrap(), product["slug"].as_str().unwrap());
    let detail = app.get_json(&format!("/api/v1/products/{id}"), 200).await;
    let (html, text) = islands_page(&app, &format!("/en/produk/{id}-{slug}")).await;
    assert!(html.contains("<html lang=\"en\""), "the document says its language");
    for expected in ["Ask the seller", "Stock", "Minimum order", "From the village to your hands", "Sold by"] {
        assert!(text.contains(expected), "{expected:?} is in the page: {text}");
    }
    for indonesian in ["Tanya penjual", "Dijual oleh", "Minimal pembelian", "Ulasan pembeli"] {
        assert!(!text.contains(indonesian), "{indonesian:?} is not in the English page: {text}");
    }
    assert!(html.contains(&format!("href=\"/en/toko/{}\"", product["shop_slug"].as_str().unwrap())), "{html}");
    assert!(html.contains("\"inLanguage\":\"en\""), "the schema.org data says its language");
    if !detail["description_html"].as_str().unwrap().trim().is_empty() {
        assert!(text.contains("The seller has not written an English description yet"), "{text}");
        let prose = html.split("<div").find(|tag| tag.contains("class=\"prose\"")).unwrap_or_default();
        let tag = prose.split('>').next().unwrap_or_default();
        assert!(tag.contains("lang=\"id\""), "the Indonesian description is marked: {tag}");
    }
    let reviews = app.get(&format!("/en/produk/{id}-{slug}/ulasan")).await.text().await.unwrap();
    assert!(app_text(&reviews).contains("Reviews of"), "{}", app_text(&reviews));
    let res = app.get("/en/produk/999999-tidak-ada").await;
    assert_eq!(res.status(), 404);
    assert!(app_text(&res.text().await.unwrap()).contains("This product was not found"));

    // The catalog: its count, its next page and its forms stay under /en.
    let total = app.get_json("/api/v1/catalog/facets?q=keripik", 200).await["total"].as_i64().unwrap();
    let (html, text) = islands_page(&app, "/en/produk?q=keripik&per=2").await;
    assert!(text.contains(&format!("{total} products for \u{201c}keripik\u{201d}")), "the count: {text}");
    assert!(text.contains("Filter results") && text.contains("Sort by"), "{text}");
    assert!(html.contains("href=\"/en/produk?q=keripik&amp;per=2&amp;setelah="), "the next page in English");
    assert!(html.contains("action=\"/en/produk\""), "the filter forms send to the English catalog");
    let res = app.get("/en/produk?q=keripik&kecamatan=").await;
    assert_eq!((res.status().as_u16(), header(&res, "location")), (303, "/en/produk?q=keripik".to_owned()));

    // A shop: its sections and share button in English.
    let shop = product["shop_slug"].as_str().unwrap();
    let (html, text) = islands_page(&app, &format!("/en/toko/{shop}")).await;
    assert!(text.contains("Delivery") && !text.contains("Pengiriman"), "{text}");
    let islands = islands(&html);
    assert!(islands.iter().any(|(name, i)| name == "share" && i["label"] == "Share the shop"), "{islands:?}");
}
