//! What the service worker relies on: `/sw.js` and the manifest served with the right types and cache
//! headers, every page of one person's own marked `no-store` (public pages and the cart's shell not), and
//! every API answer to someone signed in marked `no-store` while public answers to guests stay keepable.

use lapak_tests::{TestApp, header, on_both_databases};
use reqwest::Method;

on_both_databases!(worker_and_manifest_are_served_for_installing, only_public_pages_and_answers_may_be_kept);

async fn worker_and_manifest_are_served_for_installing(app: TestApp) {
    let res = app.get("/sw.js").await;
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "content-type"), "text/javascript");
    assert_eq!(header(&res, "cache-control"), "no-cache", "browsers always ask for a new version");
    assert!(header(&res, "service-worker-allowed").is_empty(), "its scope is `/` by where it is served");
    assert!(res.text().await.unwrap().contains("addEventListener('fetch'"));

    let res = app.get("/manifest.webmanifest").await;
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "content-type"), "application/manifest+json");
    assert!(!header(&res, "cache-control").contains("no-store"));
}

async fn only_public_pages_and_answers_may_be_kept(app: TestApp) {
    let product: serde_json::Value = app.get_json("/api/v1/products/1", 200).await;
    let shop = format!("/toko/{}", product["shop_slug"].as_str().expect("the product's shop"));
    let product_page = format!("/produk/1-{}", product["slug"].as_str().expect("the product's slug"));
    let public =
        ["/", "/desa", "/desa/sungai-dareh", "/produk", "/produk?q=kripik", &product_page, &shop, "/konsultasi"];
    for path in public.iter().copied().chain(["/keranjang"]) {
        let res = app.get(path).await;
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(header(&res, "cache-control"), "no-cache", "{path} may be kept, checked again when online");
    }
    let personal = [
        "/akun",
        "/akun/atur-sandi",
        "/masuk",
        "/daftar",
        "/pesan",
        "/pesanan/LD-ABC",
        "/jual",
        "/jual/1/produk",
        "/admin",
    ];
    for path in personal {
        let res = app.get(path).await;
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(header(&res, "cache-control"), "no-store", "{path} is one person's own");
    }

    // The same public answer: keepable for a guest, never for someone signed in.
    let shopper = app.session_for(app.user_id("081100000001").await).await;
    for path in ["/api/v1/products/1", "/api/v1/villages/darmaji", "/api/v1/catalog?q=kripik"] {
        let guest = app.call(Method::GET, path, None, None).await;
        assert_eq!(guest.status(), 200, "{path}");
        assert!(!header(&guest, "cache-control").contains("no-store"), "{path} to a guest");
        let member = app.call(Method::GET, path, Some(&shopper), None).await;
        assert_eq!(member.status(), 200, "{path}");
        assert_eq!(header(&member, "cache-control"), "no-store", "{path} to someone signed in");
    }
}
