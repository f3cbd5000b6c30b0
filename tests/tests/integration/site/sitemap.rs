//! robots.txt points at the sitemap; the sitemap lists the site's public pages (villages, enterprises,
//! news, open shops, listed products), is kept like other pages until a change, and past its part size
//! (50,000 addresses, the protocol's limit; lowered here) becomes an index of parts.

use std::time::Duration;

use lapak_tests::{Engine, TestApp, header, on_both_databases, on_both_engines};

use crate::orders::{DARMA_TANI, SENGGIGI_BAHARI, seller, settle};

on_both_databases!(robots_and_sitemap_list_the_public_pages);
on_both_engines!(the_sitemap_is_kept_until_a_change, past_its_part_size_the_sitemap_is_an_index_of_parts);

/// The `<loc>` addresses of a sitemap document, in order.
pub fn locations(xml: &str) -> Vec<String> {
    xml.split("<loc>").skip(1).filter_map(|s| s.split("</loc>").next()).map(str::to_owned).collect()
}

/// How many addresses the sitemap should list: the fixed pages and every public village, enterprise,
/// news item, open shop and listed product, each in Indonesian and in English.
async fn public_pages(app: &TestApp) -> usize {
    let news = app.count("news", "status = 'published'").await as usize;
    let enterprises = app.count("enterprises", "1 = 1").await as usize;
    let shops = app.count("shops", "status = 'active'").await as usize;
    let listed = "p.status = 'active' AND p.hidden_reason IS NULL AND s.status = 'active'";
    let products = app.count("products p JOIN shops s ON s.id = p.shop_id", listed).await as usize;
    assert!(news > 0 && enterprises > 0 && shops > 5 && products > 50, "the demo villages have them all");
    2 * (5 + 11 + enterprises + news + shops + products)
}

async fn robots_and_sitemap_list_the_public_pages(app: TestApp) {
    let robots = app.get("/robots.txt").await.text().await.unwrap();
    assert!(robots.contains(&format!("Sitemap: {}/sitemap.xml", app.url(""))));
    // A suspended shop is not open: neither it nor its products are listed.
    let bahari = seller(&app, SENGGIGI_BAHARI).await;
    suspend_behind_the_servers_back(&app, bahari.shop).await;
    let res = app.get("/sitemap.xml").await;
    assert_eq!(res.status(), 200);
    assert!(header(&res, "content-type").starts_with("application/xml"));
    let xml = res.text().await.unwrap();
    assert!(xml.contains("<urlset"), "one sitemap while it holds fewer than 50,000 addresses");
    let locs = locations(&xml);
    for path in ["/", "/desa", "/peta", "/produk", "/konsultasi", "/en/", "/en/produk", "/en/desa/darmaji"] {
        assert!(locs.contains(&app.url(path)), "the sitemap lists {path}");
    }
    assert_eq!(locs.len(), public_pages(&app).await, "the pages, villages, enterprises, news, shops, products");
    let product: (i64, String) = sqlx::query_as(
        "SELECT p.id, p.slug FROM products p JOIN shops s ON s.id = p.shop_id WHERE s.status = 'active' \
         AND p.status = 'active' ORDER BY p.id LIMIT 1",
    )
    .fetch_one(&app.db().pool)
    .await
    .unwrap();
    assert!(locs.contains(&app.url(&format!("/produk/{}-{}", product.0, product.1))));
    assert!(locs.contains(&app.url("/lembaga/bumdes-darma-tani")));
    assert!(locs.contains(&app.url("/desa/buwun-sejati")));
    assert!(locs.contains(&app.url("/desa/darmaji/berita/sambal-terasi-darmaji-kantongi-sertifikat-halal")));
    let tani = seller(&app, DARMA_TANI).await;
    assert!(locs.contains(&shop_url(&app, tani.shop).await), "an open shop is listed");
    assert!(!locs.contains(&shop_url(&app, bahari.shop).await), "a suspended shop is not");
}

async fn shop_url(app: &TestApp, id: i64) -> String {
    let slug: String =
        sqlx::query_scalar("SELECT slug FROM shops WHERE id = $1").bind(id).fetch_one(&app.db().pool).await.unwrap();
    app.url(&format!("/toko/{slug}"))
}

async fn the_sitemap_is_kept_until_a_change(engine: Engine) {
    let Some(app) = TestApp::spawn_with(engine, |c| c.page_cache = Duration::from_secs(600)).await else {
        return;
    };
    let before = app.get("/sitemap.xml").await.text().await.unwrap();
    let bahari = seller(&app, SENGGIGI_BAHARI).await;
    // Changed in the database behind the server's back (as another server would): the kept one is served.
    suspend_behind_the_servers_back(&app, bahari.shop).await;
    assert_eq!(app.get("/sitemap.xml").await.text().await.unwrap(), before, "kept, not rebuilt on every request");
    // Any change through this server's API drops it.
    let tani = seller(&app, DARMA_TANI).await;
    settle(&app, &tani, |_| {}).await;
    let after = app.get("/sitemap.xml").await.text().await.unwrap();
    assert!(locations(&after).len() < locations(&before).len(), "rebuilt without the suspended shop's pages");
}

async fn past_its_part_size_the_sitemap_is_an_index_of_parts(engine: Engine) {
    const PART: usize = 40;
    let Some(app) = TestApp::spawn_with(engine, |c| c.sitemap_part_urls = PART).await else {
        return;
    };
    let robots = app.get("/robots.txt").await.text().await.unwrap();
    assert!(robots.contains(&format!("Sitemap: {}/sitemap.xml", app.url(""))), "{robots}");
    let res = app.get("/sitemap.xml").await;
    assert_eq!(res.status(), 200);
    assert!(header(&res, "content-type").starts_with("application/xml"));
    let index = res.text().await.unwrap();
    assert!(index.contains("<sitemapindex") && !index.contains("<urlset"), "an index: {index}");
    let expected = public_pages(&app).await;
    let parts = locations(&index);
    assert_eq!(parts.len(), expected.div_ceil(PART), "as many parts as needed: {index}");
    let mut all = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        assert_eq!(part, &app.url(&format!("/sitemap/{}.xml", i + 1)));
        let res = app.client.get(part).send().await.unwrap();
        assert_eq!(res.status(), 200, "{part}");
        assert!(header(&res, "content-type").starts_with("application/xml"));
        let xml = res.text().await.unwrap();
        assert!(xml.contains("<urlset"), "{part} is a sitemap");
        let locs = locations(&xml);
        assert!(!locs.is_empty() && locs.len() <= PART, "{part}: {} addresses", locs.len());
        all.extend(locs);
    }
    assert_eq!(all.len(), expected, "every address in one part");
    all.sort();
    all.dedup();
    assert_eq!(all.len(), expected, "none twice");
    assert!(all.contains(&app.url("/desa/darmaji")) && all.contains(&app.url("/produk")));
    let past = format!("/sitemap/{}.xml", parts.len() + 1);
    for path in [past.as_str(), "/sitemap/0.xml", "/sitemap/satu.xml", "/sitemap/1"] {
        assert_eq!(app.get(path).await.status(), 404, "{path}");
    }
}

/// Suspends a shop straight in the database, as another server (or an operator) would: this server's
/// kept pages do not hear of it.
async fn suspend_behind_the_servers_back(app: &TestApp, shop: i64) {
    sqlx::query("UPDATE shops SET status = 'suspended' WHERE id = $1")
        .bind(shop)
        .execute(&app.db().pool)
        .await
        .unwrap();
}
