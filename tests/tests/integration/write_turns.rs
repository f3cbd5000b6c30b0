//! Writers at once: a village admin hiding and showing listings while their seller edits the same
//! listings, all at the same moment (every request gets its answer, never 503 or 500, and the end state
//! holds every change); one person's shop applications sent at once (one passes).

use std::sync::Arc;

use lapak_tests::{TestApp, on_both_databases, sample_png};
use reqwest::Method;
use serde_json::{Value, json};
use shared::CatalogPage;
use tokio::{sync::Barrier, task::JoinSet};

on_both_databases!(moderation_and_seller_edits_take_turns, applications_sent_at_once_open_one_shop);

/// The owner of Lapak BUMDes Darma Tani, a demo shop in Darmaji.
const DARMA_TANI: &str = "081234560001";
/// The village admin of Darmaji.
const VILLAGE_ADMIN: &str = "081152020001";
const PRODUCTS: usize = 12;
const ROUNDS: i64 = 3;
const REASON: &str = "Foto tidak sesuai dengan barangnya.";

/// Whether the admin hides listing `i` in `round` (and shows it otherwise): even ones in even rounds.
fn hidden_in(round: i64, i: usize) -> bool {
    i.is_multiple_of(2) == (round % 2 == 0)
}

fn listing(version: i64, name: &str, price: i64, photo: i64) -> Value {
    json!({ "version": version, "name": name, "sector": "olahan", "description_md": "Hasil kebun desa.",
        "price": price, "unit": "bungkus", "min_order": 1, "stock": 10, "weight_grams": 250, "photo_ids": [photo],
        "producer_id": null, "status": "active" })
}

/// Sends every `(cookie, method, path, body)` at the same moment; answers each status and body, in order.
async fn all_at_once(app: &TestApp, requests: Vec<(String, Method, String, Option<Value>)>) -> Vec<(u16, String)> {
    let barrier = Arc::new(Barrier::new(requests.len()));
    let mut tasks = JoinSet::new();
    for (i, (cookie, method, path, body)) in requests.into_iter().enumerate() {
        let (client, url, barrier) = (app.client.clone(), app.url(&path), barrier.clone());
        tasks.spawn(async move {
            let mut request = client.request(method, url).header("x-lapak-csrf", "1").header("cookie", cookie);
            if let Some(body) = body {
                request = request.json(&body);
            }
            barrier.wait().await;
            let res = request.send().await.expect("request reaches the server");
            (i, res.status().as_u16(), res.text().await.unwrap_or_default())
        });
    }
    let mut answers = vec![(0, String::new()); tasks.len()];
    while let Some(done) = tasks.join_next().await {
        let (i, status, text) = done.expect("the request task ends");
        answers[i] = (status, text);
    }
    answers
}

async fn moderation_and_seller_edits_take_turns(app: TestApp) {
    let seller = app.session_for(app.user_id(DARMA_TANI).await).await;
    let admin = app.session_for(app.user_id(VILLAGE_ADMIN).await).await;
    let (shop, village): (i64, i64) = sqlx::query_as(
        "SELECT s.id, s.village_id FROM shops s JOIN villages v ON v.id = s.village_id WHERE s.owner_id = $1",
    )
    .bind(app.user_id(DARMA_TANI).await)
    .fetch_one(&app.db().pool)
    .await
    .unwrap();
    let res = app.upload("/api/v1/images", Some(&seller), "image/png", sample_png(900, 700)).await;
    assert_eq!(res.status(), 201);
    let photo = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let products = format!("/api/v1/shops/{shop}/products");
    // Each listing's id and the version it was listed at.
    let mut ids = Vec::with_capacity(PRODUCTS);
    for i in 0..PRODUCTS {
        let body = listing(0, &format!("Gula Aren Uji {i}"), 10_000, photo);
        let created = app.call_json(Method::POST, &products, Some(&seller), Some(&body), 201).await;
        ids.push((created["id"].as_i64().unwrap(), created["version"].as_i64().unwrap()));
    }
    let moderate = |id: i64, hide: bool| {
        let path = format!("/api/v1/admin/villages/{village}/products/{id}/{}", if hide { "hide" } else { "unhide" });
        (admin.clone(), Method::POST, path, hide.then(|| json!({ "reason": REASON })))
    };
    // The odd ones start hidden, so each round both hides and shows listings.
    for &(id, _) in ids.iter().skip(1).step_by(2) {
        let (_, method, path, body) = moderate(id, true);
        app.call_json(method, &path, Some(&admin), body.as_ref(), 204).await;
    }

    for round in 0..ROUNDS {
        let hidden = |i: usize| hidden_in(round, i);
        let mut requests = Vec::with_capacity(2 * PRODUCTS);
        for (i, &(id, first)) in ids.iter().enumerate() {
            let (name, price) = (format!("Gula Aren Uji {i} putaran {round}"), 10_000 + 1_000 * (round + 1));
            let edit = listing(first + round, &name, price, photo);
            requests.push((seller.clone(), Method::PUT, format!("{products}/{id}"), Some(edit)));
            requests.push(moderate(id, hidden(i)));
        }
        let answers = all_at_once(&app, requests).await;
        let refused: Vec<_> = answers.iter().filter(|(status, _)| !matches!(status, 200 | 204)).collect();
        assert!(refused.is_empty(), "round {round} on {:?}: every request is served: {refused:?}", app.engine);

        // Every edit and every moderation is there.
        let records = app.call_json(Method::GET, &products, Some(&seller), None, 200).await;
        for (i, &(id, first)) in ids.iter().enumerate() {
            let record = records.as_array().unwrap().iter().find(|r| r["id"] == id).unwrap();
            assert_eq!(record["name"], format!("Gula Aren Uji {i} putaran {round}"));
            assert_eq!(
                (record["price"].as_i64(), record["version"].as_i64()),
                (Some(10_000 + 1_000 * (round + 1)), Some(first + round + 1))
            );
            let reason = if hidden(i) { json!(REASON) } else { Value::Null };
            assert_eq!(record["hidden_reason"], reason, "listing {i} after round {round}");
        }
    }
    let audited = app.count("audit_log", "action IN ('product.hidden', 'product.unhidden')").await;
    assert_eq!(audited, i64::try_from(PRODUCTS / 2 + PRODUCTS * usize::try_from(ROUNDS).unwrap()).unwrap());

    // Shoppers find exactly the listings left shown, under their last names.
    let slug: String =
        sqlx::query_scalar("SELECT slug FROM shops WHERE id = $1").bind(shop).fetch_one(&app.db().pool).await.unwrap();
    let page: CatalogPage =
        serde_json::from_value(app.get_json(&format!("/api/v1/catalog?q=gula%20aren%20uji&toko={slug}"), 200).await)
            .unwrap();
    let mut found: Vec<&str> =
        page.items.iter().map(|p| p.name.as_str()).filter(|n| n.starts_with("Gula Aren Uji")).collect();
    found.sort_unstable();
    let last = ROUNDS - 1;
    let mut shown: Vec<String> =
        (0..PRODUCTS).filter(|&i| !hidden_in(last, i)).map(|i| format!("Gula Aren Uji {i} putaran {last}")).collect();
    shown.sort_unstable();
    assert_eq!(found, shown);
}

/// A double tap (or two phones) sending the same application: one shop is applied for, the others are told
/// it is already waiting, and the village holds one application.
async fn applications_sent_at_once_open_one_shop(app: TestApp) {
    let phone = "081399990001";
    let body = json!({ "name": "Inaq Sumini", "phone": phone, "password": "kebun kelapa sawah" });
    app.call_json(Method::POST, "/api/v1/auth/sign-up", None, Some(&body), 201).await;
    let seller = app.sign_in(phone, "kebun kelapa sawah").await;
    let apply = json!({ "village": "darmaji", "name": "Kripik Inaq", "description": "Olahan hasil kebun",
        "whatsapp": phone });
    let requests =
        (0..6).map(|_| (seller.clone(), Method::POST, "/api/v1/shops".into(), Some(apply.clone()))).collect();
    let answers = all_at_once(&app, requests).await;
    let mut statuses: Vec<u16> = answers.iter().map(|(status, _)| *status).collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [201, 409, 409, 409, 409, 409], "answers: {answers:?}");
    let refused = answers.iter().find(|(status, _)| *status == 409).map(|(_, text)| text.clone()).unwrap_or_default();
    assert!(refused.contains("sudah memiliki toko atau pengajuan yang menunggu di Desa Darmaji"), "{refused}");
    let shops: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM shops WHERE owner_id = $1")
        .bind(app.user_id(phone).await)
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    assert_eq!(shops, 1);
}
