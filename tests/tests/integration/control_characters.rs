//! Text with a NUL or another control character: refused with 422 naming the field (line breaks and
//! tabs only where a field is multi-line), nothing stored, the same on both databases; in an address
//! or a query, 400 and never a 500.

use lapak_tests::{TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::json;

use crate::orders::{DARMA_TANI, checkout, choice, fresh_key, line, place, product, seller, written};

on_both_databases!(control_characters_in_bodies_are_refused_by_field, control_characters_in_addresses_are_400);

const GUEST: &str = "081944400002";

async fn control_characters_in_bodies_are_refused_by_field(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let kopi = product(&app, tani.shop, "Kopi Uji", 20_000, 10, 250).await;
    let order = || checkout(GUEST, &[choice(tani.shop, "ambil", "tunai", &[line(kopi, 1, 20_000)])]);
    let before = written(&app).await;

    let mut nul_name = order();
    nul_name["buyer_name"] = json!("Budi\u{0}Santoso");
    let mut tab_name = order();
    tab_name["buyer_name"] = json!("Budi\tSantoso");
    let mut nul_note = order();
    nul_note["shops"][0]["note"] = json!("Tolong\u{0} dibungkus");
    let mut nul_street = order();
    nul_street["address"]["street"] = json!("Jl. Raya\u{0}");
    let cases = [
        (nul_name, "buyer_name"),
        (tab_name, "buyer_name"),
        (nul_note, "shops[0].note"),
        (nul_street, "address.street"),
    ];
    for (body, field) in cases {
        let problem = assert_problem(place(&app, None, &fresh_key(), &body).await, 422).await;
        assert_eq!(problem.fields.len(), 1, "{field}: {problem:?}");
        assert_eq!(problem.fields[0].field, field, "{problem:?}");
        assert!(problem.fields[0].message.contains("karakter kendali"), "{problem:?}");
    }
    assert_eq!(written(&app).await, before, "no order, line, timeline entry or key stored");

    // A note spans lines: line breaks and tabs are kept there.
    let mut lines = order();
    lines["shops"][0]["note"] = json!("Tolong dibungkus.\nTerima kasih.\t🙏");
    let res = place(&app, None, &fresh_key(), &lines).await;
    assert_eq!(res.status().as_u16(), 201, "{}", res.text().await.unwrap_or_default());

    // A product's name, from its seller's form.
    let path = format!("/api/v1/shops/{}/products", tani.shop);
    let listing = |name: &str| {
        json!({ "version": 0, "name": name, "sector": "olahan", "description_md": "Kopi **robusta**.\n\nSegar.",
            "price": 18_000, "unit": "bungkus", "min_order": 1, "stock": 5, "weight_grams": 250, "photo_ids": [],
            "producer_id": null, "status": "draft" })
    };
    let products = app.count("products", "1 = 1").await;
    let res = app.call(Method::POST, &path, Some(&tani.cookie), Some(&listing("Kopi\u{0}Robusta"))).await;
    let problem = assert_problem(res, 422).await;
    assert_eq!(problem.fields[0].field, "name", "{problem:?}");
    assert_eq!(app.count("products", "1 = 1").await, products, "no product stored");
    app.call_json(Method::POST, &path, Some(&tani.cookie), Some(&listing("Kopi Robusta")), 201).await;
}

async fn control_characters_in_addresses_are_400(app: TestApp) {
    for path in [
        "/api/v1/catalog?q=kopi%00",
        "/api/v1/catalog?q=kopi%0A",
        "/api/v1/villages/dar%00maji",
        "/api/v1/villages?q=%00",
        "/desa/dar%00maji",
    ] {
        let problem = assert_problem(app.get(path).await, 400).await;
        assert!(problem.detail.contains("karakter kendali"), "{path}: {problem:?}");
    }
    // A page's query is the app's to read: the catalog sends the search to its own address, without the
    // control character, and that page opens with nothing of it.
    let res = app.get("/produk?q=kopi%00").await;
    assert_eq!(res.status(), 303, "the catalog moves the search to its address");
    assert_eq!(res.headers()["location"], "/produk?q=kopi");
    let res = app.get("/produk?q=kopi").await;
    assert_eq!(res.status(), 200, "the catalog page opens");
    let html = res.text().await.expect("page");
    assert!(html.contains("Cari &quot;kopi&quot;"), "the title names the search without the NUL");
    assert!(!html.contains('\0'), "no NUL in the page");
    assert_eq!(app.get("/api/v1/catalog?q=kopi").await.status(), 200, "plain text still answers");
}
