//! The storefront end to end: a seller opens a shop, is approved, lists a product with photos; a
//! shopper finds it misspelt, narrows by kecamatan and price, opens it, and its shared link previews
//! the photo and price. Drafts, hidden listings and suspended shops never show; bad input changes nothing.

use lapak_tests::{DEMO_PASSWORD, TestApp, assert_problem, header, on_both_databases, sample_png};
use reqwest::Method;
use serde_json::{Value, json};
use shared::{CatalogPage, Facets};

on_both_databases!(
    a_new_listing_is_found_misspelt_and_previews,
    hidden_things_never_show,
    bad_listings_change_nothing,
    pages_stay_stable_while_products_arrive
);

const VILLAGE_ADMIN: &str = "081152020001";

/// A shop in Darmaji for a new seller, approved by the village admin: (seller cookie, shop id).
async fn approved_shop(app: &TestApp, name: &str, phone: &str) -> (String, i64) {
    let body = json!({ "name": "Inaq Sumini", "phone": phone, "password": "kebun kelapa sawah" });
    app.call_json(Method::POST, "/api/v1/auth/sign-up", None, Some(&body), 201).await;
    let seller = app.sign_in(phone, "kebun kelapa sawah").await;
    let apply = json!({ "village": "darmaji", "name": name, "description": "Olahan hasil kebun", "whatsapp": phone });
    let shop = app.call_json(Method::POST, "/api/v1/shops", Some(&seller), Some(&apply), 201).await;
    let id = shop["id"].as_i64().unwrap();
    let admin = app.sign_in(VILLAGE_ADMIN, DEMO_PASSWORD).await;
    let approve = format!("/api/v1/admin/shop-applications/{id}/approve");
    app.call_json(Method::POST, &approve, Some(&admin), None, 200).await;
    (seller, id)
}

async fn photo(app: &TestApp, cookie: &str) -> i64 {
    let res = app.upload("/api/v1/images", Some(cookie), "image/png", sample_png(900, 700)).await;
    assert_eq!(res.status(), 201);
    res.json::<Value>().await.unwrap()["id"].as_i64().unwrap()
}

fn listing(name: &str, price: i64, photos: &[i64], status: &str) -> Value {
    json!({ "version": 0, "name": name, "sector": "olahan",
        "description_md": "Dibuat dari **pisang kepok** kebun sendiri.<script>alert(1)</script>",
        "price": price, "unit": "bungkus", "min_order": 2, "stock": 12, "weight_grams": 250, "photo_ids": photos,
        "producer_id": null, "status": status })
}

async fn search(app: &TestApp, query: &str) -> CatalogPage {
    serde_json::from_value(app.get_json(&format!("/api/v1/catalog?{query}"), 200).await).unwrap()
}

fn names(page: &CatalogPage) -> Vec<&str> {
    page.items.iter().map(|p| p.name.as_str()).collect()
}

async fn a_new_listing_is_found_misspelt_and_previews(app: TestApp) {
    let (seller, shop) = approved_shop(&app, "Keripik Inaq Sumini", "085711110001").await;
    let photos = [photo(&app, &seller).await, photo(&app, &seller).await];
    let path = format!("/api/v1/shops/{shop}/products");
    let body = listing("Keripik Pisang Kepok Manis", 18_000, &photos, "active");
    let created = app.call_json(Method::POST, &path, Some(&seller), Some(&body), 201).await;
    let id = created["id"].as_i64().unwrap();
    assert_eq!(created["photos"].as_array().unwrap().len(), 2);

    // Misspelt, then narrowed by Darmaji's kecamatan and a price range.
    let found = search(&app, "q=kripik%20pisang").await;
    assert_eq!(found.items[0].id, id, "the best match comes first: {:?}", names(&found));
    let kecamatan: String = sqlx::query_scalar("SELECT kecamatan_code FROM villages WHERE slug = 'darmaji'")
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    let narrowed = search(&app, &format!("q=kripik&kecamatan={kecamatan}&harga_max=20000")).await;
    assert_eq!(names(&narrowed), ["Keripik Pisang Kepok Manis"]);
    assert!(search(&app, &format!("q=kripik&kecamatan={kecamatan}&harga_min=20001")).await.items.is_empty());
    let facets: Facets = serde_json::from_value(app.get_json("/api/v1/catalog/facets?q=kripik", 200).await).unwrap();
    assert!(facets.kecamatan.iter().any(|k| k.code == kecamatan && k.count == 1), "{facets:?}");
    assert_eq!(facets.total, facets.categories.iter().map(|c| c.count).sum::<i64>());

    // The product page: the chain behind it, sanitised description.
    let detail = app.get_json(&format!("/api/v1/products/{id}"), 200).await;
    assert_eq!(detail["chain"]["village_name"], "Darmaji");
    assert_eq!(detail["chain"]["shop_name"], "Keripik Inaq Sumini");
    assert_eq!(detail["min_order"], 2);
    let html = detail["description_html"].as_str().unwrap();
    assert!(html.contains("<strong>pisang kepok</strong>") && !html.contains("<script"), "{html}");

    // The link a shopper shares: photo, price and a schema.org Product in the HTML itself.
    let page = format!("/produk/{id}-keripik-pisang-kepok-manis");
    let res = app.get(&page).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("<title>Keripik Pisang Kepok Manis — Rp 18.000 | Lapak Desa</title>"), "{html}");
    assert!(html.contains(r#"<meta property="og:type" content="product">"#));
    assert!(html.contains(r#"<meta property="product:price:amount" content="18000">"#));
    assert!(html.contains(r#"<meta property="product:price:currency" content="IDR">"#));
    let image = html.split(r#"<meta property="og:image" content=""#).nth(1).unwrap().split('"').next().unwrap();
    let preview = app.get(image.trim_start_matches(&app.url(""))).await;
    assert_eq!((preview.status().as_u16(), header(&preview, "content-type")), (200, "image/jpeg".to_owned()));
    let json_ld =
        html.split(r#"<script type="application/ld+json">"#).nth(1).unwrap().split("</script>").next().unwrap();
    let ld: Value = serde_json::from_str(json_ld).unwrap();
    assert_eq!((ld["@type"].as_str(), ld["offers"]["price"].as_str()), (Some("Product"), Some("18000")));
    assert_eq!(ld["offers"]["availability"], "https://schema.org/InStock");
    // Any other slug moves to the product's own address.
    let moved = app.get(&format!("/produk/{id}-nama-lama")).await;
    assert_eq!((moved.status().as_u16(), header(&moved, "location")), (308, page.clone()));

    // Its shop's page and the village page show it; the sitemap lists it.
    let shop_page = app.get_json("/api/v1/storefronts/keripik-inaq-sumini", 200).await;
    assert_eq!(shop_page["product_count"], 1);
    assert_eq!(names(&search(&app, "toko=keripik-inaq-sumini").await), ["Keripik Pisang Kepok Manis"]);
    let village = app.get_json("/api/v1/villages/darmaji", 200).await;
    assert_eq!(village["products"][0]["id"], id, "newest first on the village page");
    assert!(app.get("/sitemap.xml").await.text().await.unwrap().contains(&page));
}

async fn hidden_things_never_show(app: TestApp) {
    let (seller, shop) = approved_shop(&app, "Dapur Uji Sembunyi", "085711110002").await;
    let pic = photo(&app, &seller).await;
    let path = format!("/api/v1/shops/{shop}/products");
    let draft = app
        .call_json(Method::POST, &path, Some(&seller), Some(&listing("Dodol Sirsak Draf", 9_000, &[], "draft")), 201)
        .await;
    let listed = app
        .call_json(
            Method::POST,
            &path,
            Some(&seller),
            Some(&listing("Dodol Sirsak Jual", 9_000, &[pic], "active")),
            201,
        )
        .await;
    let hidden_by_seller = app
        .call_json(
            Method::POST,
            &path,
            Some(&seller),
            Some(&listing("Dodol Sirsak Simpan", 9_000, &[pic], "hidden")),
            201,
        )
        .await;
    assert_eq!(names(&search(&app, "q=dodol%20sirsak").await), ["Dodol Sirsak Jual"]);
    for gone in [&draft, &hidden_by_seller] {
        assert_problem(app.call(Method::GET, &format!("/api/v1/products/{}", gone["id"]), None, None).await, 404).await;
    }

    // The village admin hides the listed one with a reason the seller reads.
    let admin = app.sign_in(VILLAGE_ADMIN, DEMO_PASSWORD).await;
    let village: i64 =
        sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'darmaji'").fetch_one(&app.db().pool).await.unwrap();
    let hide = format!("/api/v1/admin/villages/{village}/products/{}/hide", listed["id"]);
    let reason = json!({ "reason": "Foto tidak sesuai dengan barangnya." });
    assert_eq!(app.call(Method::POST, &hide, Some(&admin), Some(&reason)).await.status(), 204);
    assert!(search(&app, "q=dodol%20sirsak").await.items.is_empty());
    let product_page = format!("/produk/{}-{}", listed["id"], listed["slug"].as_str().unwrap());
    assert_eq!(app.get(&product_page).await.status(), 404);
    let mine = app.call_json(Method::GET, &path, Some(&seller), None, 200).await;
    let seen = mine.as_array().unwrap().iter().find(|p| p["id"] == listed["id"]).unwrap();
    assert_eq!(seen["hidden_reason"], "Foto tidak sesuai dengan barangnya.");
    let unhide = format!("/api/v1/admin/villages/{village}/products/{}/unhide", listed["id"]);
    assert_eq!(app.call(Method::POST, &unhide, Some(&admin), None).await.status(), 204);
    assert_eq!(names(&search(&app, "q=dodol%20sirsak").await), ["Dodol Sirsak Jual"]);

    // A suspended shop's products leave everything public, and it cannot change them.
    let suspend = format!("/api/v1/admin/villages/{village}/shops/{shop}/suspend");
    let why = json!({ "reason": "Pesanan pembeli tidak dikirim." });
    assert_eq!(app.call(Method::POST, &suspend, Some(&admin), Some(&why)).await.status(), 204);
    assert!(search(&app, "q=dodol%20sirsak").await.items.is_empty());
    assert!(search(&app, "toko=dapur-uji-sembunyi").await.items.is_empty());
    assert_problem(app.call(Method::GET, "/api/v1/storefronts/dapur-uji-sembunyi", None, None).await, 404).await;
    assert_eq!(app.get(&product_page).await.status(), 404);
    assert!(!app.get("/sitemap.xml").await.text().await.unwrap().contains(&product_page));
    let village_page = app.get_json("/api/v1/villages/darmaji", 200).await;
    assert!(village_page["products"].as_array().unwrap().iter().all(|p| p["shop_slug"] != "dapur-uji-sembunyi"));
    let refused =
        app.call(Method::POST, &path, Some(&seller), Some(&listing("Dodol Baru", 9_000, &[pic], "active"))).await;
    let problem = assert_problem(refused, 403).await;
    assert!(problem.detail.contains("ditangguhkan") && problem.detail.contains("tidak dikirim"), "{}", problem.detail);
    let audit: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action IN ('product.hidden', 'shop.suspended')")
            .fetch_one(&app.db().pool)
            .await
            .unwrap();
    assert_eq!(audit, 2, "moderation is in the audit log");
}

async fn bad_listings_change_nothing(app: TestApp) {
    let (seller, shop) = approved_shop(&app, "Toko Uji Salah", "085711110003").await;
    let pic = photo(&app, &seller).await;
    let path = format!("/api/v1/shops/{shop}/products");
    let good = listing("Sambal Bawang Uji", 15_000, &[pic], "active");
    let before = app.count("products", "1 = 1").await;
    let mut cases: Vec<(Value, u16, &str)> = Vec::new();
    for (field, value) in
        [("price", json!(-1)), ("stock", json!(-5)), ("weight_grams", json!(-10)), ("min_order", json!(0))]
    {
        let mut body = good.clone();
        body[field] = value;
        cases.push((body, 422, field));
    }
    let mut long = good.clone();
    long["name"] = json!("k".repeat(10_000));
    cases.push((long, 422, "name"));
    let mut unknown = good.clone();
    unknown["sector"] = json!("tambang");
    cases.push((unknown, 400, "sector"));
    let mut stranger = good.clone();
    let others: i64 = sqlx::query_scalar("SELECT MIN(id) FROM images").fetch_one(&app.db().pool).await.unwrap();
    stranger["photo_ids"] = json!([others]);
    cases.push((stranger, 422, "photo_ids"));
    for (body, status, field) in cases {
        let problem = assert_problem(app.call(Method::POST, &path, Some(&seller), Some(&body)).await, status).await;
        if status == 422 {
            assert!(problem.fields.iter().any(|f| f.field == field), "{field}: {problem:?}");
        }
    }
    assert_eq!(app.count("products", "1 = 1").await, before, "nothing written");

    // Stale saves are refused; another shop's product is not this shop's to change.
    let created = app.call_json(Method::POST, &path, Some(&seller), Some(&good), 201).await;
    let one = format!("{path}/{}", created["id"]);
    let mut edit = good.clone();
    edit["version"] = json!(1);
    edit["price"] = json!(16_000);
    app.call_json(Method::PUT, &one, Some(&seller), Some(&edit), 200).await;
    assert_problem(app.call(Method::PUT, &one, Some(&seller), Some(&edit)).await, 409).await;
    let demo_product: i64 = sqlx::query_scalar("SELECT MIN(id) FROM products").fetch_one(&app.db().pool).await.unwrap();
    assert_problem(app.call(Method::PUT, &format!("{path}/{demo_product}"), Some(&seller), Some(&edit)).await, 404)
        .await;
    assert_problem(app.call(Method::DELETE, &format!("{path}/{demo_product}"), Some(&seller), None).await, 404).await;

    // Bad catalog queries are 400 with a reason.
    for query in [
        "setelah=bukan-kursor",
        "setelah=terbaru.1.0",
        "urut=termurah&setelah=terbaru.5.5",
        "harga_min=-1",
        "harga_min=9&harga_max=1",
        "per=0",
        "per=1000",
        "kecamatan=52",
        "kategori=tambang",
        "tersedia=mungkin",
    ] {
        assert_problem(app.call(Method::GET, &format!("/api/v1/catalog?{query}"), None, None).await, 400).await;
    }
    assert_problem(app.call(Method::GET, "/api/v1/products/abc", None, None).await, 404).await;
}

/// Paging by key: products added while a shopper pages through the newest or the cheapest are neither
/// repeated nor make anything that was there go missing.
async fn pages_stay_stable_while_products_arrive(app: TestApp) {
    let (seller, shop) = approved_shop(&app, "Toko Uji Halaman", "085711110004").await;
    let pic = photo(&app, &seller).await;
    let path = format!("/api/v1/shops/{shop}/products");
    for sort in ["terbaru", "termurah", "termahal"] {
        let all: Vec<i64> = {
            let page = search(&app, &format!("urut={sort}&per=48")).await;
            let mut ids: Vec<i64> = page.items.iter().map(|p| p.id).collect();
            let mut next = page.next;
            while let Some(cursor) = next {
                let more = search(&app, &format!("urut={sort}&per=48&setelah={cursor}")).await;
                ids.extend(more.items.iter().map(|p| p.id));
                next = more.next;
            }
            ids
        };
        let mut seen = Vec::new();
        let mut next: Option<String> = None;
        for round in 0.. {
            let query = match &next {
                Some(cursor) => format!("urut={sort}&per=7&setelah={cursor}"),
                None => format!("urut={sort}&per=7"),
            };
            let page = search(&app, &query).await;
            seen.extend(page.items.iter().map(|p| p.id));
            // Someone lists a product between two pages, at a price that lands it mid-list.
            let body = listing(&format!("Produk Baru {sort} {round}"), 20_000 + round * 1_000, &[pic], "active");
            app.call_json(Method::POST, &path, Some(&seller), Some(&body), 201).await;
            match page.next {
                Some(cursor) => next = Some(cursor),
                None => break,
            }
        }
        let mut unique = seen.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), seen.len(), "{sort}: no product twice");
        let missing: Vec<&i64> = all.iter().filter(|id| !seen.contains(id)).collect();
        assert!(missing.is_empty(), "{sort}: products there from the start went missing: {missing:?}");
        assert!(all.len() > 60, "{sort}: the demo products and this test's ({})", all.len());
    }
}
