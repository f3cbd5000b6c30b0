//! Sellers' English names and descriptions for export buyers: saved with a product, they show in its page,
//! its card and the seller's record, and search finds the product by its English words; a too-short English
//! name is refused and writes nothing; cleared, they are gone (from search too). The demo's export-minded
//! products have them.

use lapak_tests::{TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};
use shared::{CatalogPage, ProductDetail, ProductRecord};

use crate::inquiries::{SENGGIGI_BAHARI, Shop, shop};
use crate::reviews::photo;

on_both_databases!(english_words_show_and_find_the_product, bad_english_names_write_nothing);

const NAME_EN: &str = "Senggigi Hillside Robusta Coffee 250 g";

fn listing(photo: i64, name_en: &str, description_en: &str) -> Value {
    json!({ "version": 0, "name": "Kopi Robusta Lereng Senggigi 250 g", "sector": "perkebunan",
        "description_md": "Kopi robusta dari kebun warga, disangrai sedang.", "price": 45_000, "unit": "bungkus",
        "min_order": 1, "stock": 30, "weight_grams": 270, "photo_ids": [photo], "producer_id": null,
        "status": "active", "name_en": name_en, "description_en_md": description_en })
}

async fn search(app: &TestApp, query: &str) -> Vec<i64> {
    let page: CatalogPage =
        serde_json::from_value(app.get_json(&format!("/api/v1/catalog?{query}"), 200).await).unwrap();
    page.items.iter().map(|p| p.id).collect()
}

async fn detail(app: &TestApp, id: i64) -> ProductDetail {
    serde_json::from_value(app.get_json(&format!("/api/v1/products/{id}"), 200).await).unwrap()
}

async fn record(app: &TestApp, shop: &Shop, id: i64) -> ProductRecord {
    let path = format!("/api/v1/shops/{}/products", shop.id);
    let records: Vec<ProductRecord> =
        serde_json::from_value(app.call_json(Method::GET, &path, Some(&shop.cookie), None, 200).await).unwrap();
    records.into_iter().find(|r| r.id == id).expect("the seller's record")
}

async fn english_words_show_and_find_the_product(app: TestApp) {
    let bahari = shop(&app, SENGGIGI_BAHARI).await;
    let photo = photo(&app, &bahari.cookie).await;
    let path = format!("/api/v1/shops/{}/products", bahari.id);
    let body = listing(photo, &format!(" {NAME_EN} "), "Grown on **volcanic** soil.<script>alert(1)</script>");
    let created = app.call_json(Method::POST, &path, Some(&bahari.cookie), Some(&body), 201).await;
    let id = created["id"].as_i64().unwrap();

    // Its page, its card and the seller's record.
    let page = detail(&app, id).await;
    assert_eq!(page.summary.name_en.as_deref(), Some(NAME_EN), "trimmed");
    let html = page.description_en_html.expect("the English description");
    assert!(html.contains("<strong>volcanic</strong>") && !html.contains("<script"), "{html}");
    assert!(page.description_en_text.is_some_and(|text| text.starts_with("Grown on volcanic soil.")));
    assert!(page.description_html.contains("disangrai sedang"), "the Indonesian one stays");
    let found: CatalogPage =
        serde_json::from_value(app.get_json("/api/v1/catalog?q=hillside%20coffee", 200).await).unwrap();
    assert_eq!(found.items[0].id, id);
    assert_eq!(found.items[0].name_en.as_deref(), Some(NAME_EN), "the card carries it");
    assert_eq!(found.items[0].name, "Kopi Robusta Lereng Senggigi 250 g");
    let mine = record(&app, &bahari, id).await;
    assert_eq!(
        (mine.form.name_en.as_str(), mine.form.description_en_md.as_str()),
        (NAME_EN, body["description_en_md"].as_str().unwrap())
    );

    // English words find it, as they find the demo's coffee and seaweed.
    assert!(search(&app, "q=coffee").await.contains(&id));
    assert!(search(&app, "q=volcanic").await.contains(&id), "the English description is indexed");
    assert!(search(&app, "q=cofee%20robusta").await.contains(&id), "misspelt too");
    let seaweed: CatalogPage = serde_json::from_value(app.get_json("/api/v1/catalog?q=seaweed", 200).await).unwrap();
    assert!(seaweed.items.iter().any(|p| p.name.starts_with("Rumput Laut Kering Cottonii")), "{:?}", seaweed.items);

    // Cleared: gone from the page, the card, the record, the database and search.
    let mut body = listing(photo, " ", "");
    body["version"] = json!(mine.form.version);
    app.call_json(Method::PUT, &format!("{path}/{id}"), Some(&bahari.cookie), Some(&body), 200).await;
    let page = detail(&app, id).await;
    assert_eq!((page.summary.name_en, page.description_en_html, page.description_en_text), (None, None, None));
    let mine = record(&app, &bahari, id).await;
    assert_eq!((mine.form.name_en.as_str(), mine.form.description_en_md.as_str()), ("", ""));
    let stored = format!("id = {id} AND name_en IS NULL AND description_en IS NULL AND description_en_html IS NULL");
    assert_eq!(app.count("products", &stored).await, 1, "NULL when empty");
    assert!(!search(&app, "q=hillside").await.contains(&id));
    assert!(!search(&app, "q=volcanic").await.contains(&id));
    assert!(search(&app, "q=kopi%20lereng").await.contains(&id), "the Indonesian words stay");
}

async fn bad_english_names_write_nothing(app: TestApp) {
    let bahari = shop(&app, SENGGIGI_BAHARI).await;
    let photo = photo(&app, &bahari.cookie).await;
    let path = format!("/api/v1/shops/{}/products", bahari.id);
    let before = app.count("products", "1 = 1").await;
    let res = app.call(Method::POST, &path, Some(&bahari.cookie), Some(&listing(photo, "Ab", ""))).await;
    let problem = assert_problem(res, 422).await;
    let field = problem.fields.iter().find(|f| f.field == "name_en").expect("the English name is named");
    assert!(field.message.contains("bahasa Inggris 3 sampai 120 huruf"), "{}", field.message);
    let long = "x".repeat(shared::product::DESCRIPTION_MAX + 1);
    let res = app.call(Method::POST, &path, Some(&bahari.cookie), Some(&listing(photo, NAME_EN, &long))).await;
    assert_eq!(assert_problem(res, 422).await.fields[0].field, "description_en_md");
    assert_eq!(app.count("products", "1 = 1").await, before, "nothing was written");

    // A change to a listing with a too-short English name leaves it as it was.
    let created =
        app.call_json(Method::POST, &path, Some(&bahari.cookie), Some(&listing(photo, NAME_EN, "")), 201).await;
    let id = created["id"].as_i64().unwrap();
    let mut change = listing(photo, "Ab", "Roasted.");
    change["version"] = created["version"].clone();
    let res = app.call(Method::PUT, &format!("{path}/{id}"), Some(&bahari.cookie), Some(&change)).await;
    assert_problem(res, 422).await;
    let mine = record(&app, &bahari, id).await;
    assert_eq!((mine.form.version, mine.form.name_en.as_str()), (created["version"].as_i64().unwrap(), NAME_EN));
    assert_eq!(mine.form.description_en_md, "");
}
