//! A village's officials: added with a photo from the image pipeline by its admin, shown on the public
//! page in their order, changed and removed; photos and ids of others refused.

use lapak_tests::{DEMO_PASSWORD, TestApp, assert_problem, on_both_databases, sample_png};
use reqwest::Method;
use serde_json::{Value, json};

on_both_databases!(officials_are_kept_and_shown);

async fn officials_are_kept_and_shown(app: TestApp) {
    let admin = app.sign_in("081152020001", DEMO_PASSWORD).await;
    let id: i64 =
        sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'darmaji'").fetch_one(&app.db().pool).await.unwrap();
    let path = format!("/api/v1/admin/villages/{id}/officials");
    let photo: Value =
        app.upload("/api/v1/images", Some(&admin), "image/png", sample_png(600, 800)).await.json().await.unwrap();

    let head = json!({ "version": 0, "name": "Lalu Muhammad Zohri", "position": "Kepala Desa", "photo_id": photo["id"], "sort_order": 0 });
    let created = app.call_json(Method::POST, &path, Some(&admin), Some(&head), 201).await;
    assert_eq!(created["photo"]["card"]["url"], photo["card"]["url"]);
    let clerk = json!({ "version": 0, "name": "Baiq Hartini", "position": "Sekretaris Desa", "photo_id": null,
        "sort_order": 1 });
    let second = app.call_json(Method::POST, &path, Some(&admin), Some(&clerk), 201).await;

    let page = app.get_json("/api/v1/villages/darmaji", 200).await;
    let shown: Vec<(&str, &str)> = page["officials"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["position"].as_str().unwrap(), o["name"].as_str().unwrap()))
        .collect();
    assert_eq!(shown, [("Kepala Desa", "Lalu Muhammad Zohri"), ("Sekretaris Desa", "Baiq Hartini")]);
    assert_eq!(page["officials"][0]["photo"]["thumb"]["width"], 240, "a portrait thumb keeps its shape");

    // A picture someone else uploaded is not this admin's to use.
    let seller = app.sign_in("081234560001", DEMO_PASSWORD).await;
    let theirs: Value =
        app.upload("/api/v1/images", Some(&seller), "image/png", sample_png(50, 50)).await.json().await.unwrap();
    let borrowed = json!({ "version": 0, "name": "Orang Lain", "position": "Kaur Umum", "photo_id": theirs["id"], "sort_order": 2 });
    let problem = assert_problem(app.call(Method::POST, &path, Some(&admin), Some(&borrowed)).await, 422).await;
    assert_eq!(problem.fields[0].field, "photo_id");
    let bad = json!({ "version": 0, "name": "", "position": "K", "photo_id": null, "sort_order": -1 });
    let problem = assert_problem(app.call(Method::POST, &path, Some(&admin), Some(&bad)).await, 422).await;
    assert_eq!(problem.fields.len(), 3);

    let one = format!("{path}/{}", second["id"]);
    let moved = json!({ "version": 1, "name": "Baiq Hartini", "position": "Sekretaris Desa", "photo_id": null,
        "sort_order": 0 });
    let saved = app.call_json(Method::PUT, &one, Some(&admin), Some(&moved), 200).await;
    assert_eq!(saved["version"], 2);
    // A second admin saving what they loaded before that change is refused, and nothing changes.
    let stale = json!({ "version": 1, "name": "Baiq Hartini", "position": "Kaur Umum", "photo_id": null,
        "sort_order": 4 });
    let problem = assert_problem(app.call(Method::PUT, &one, Some(&admin), Some(&stale)).await, 409).await;
    assert!(problem.detail.contains("sudah diubah oleh"), "{}", problem.detail);
    let page = app.get_json("/api/v1/villages/darmaji", 200).await;
    assert_eq!(page["officials"][0]["name"], "Baiq Hartini", "the order follows sort_order, then the name");
    app.call_json(Method::DELETE, &one, Some(&admin), None, 204).await;
    assert_problem(app.call(Method::DELETE, &one, Some(&admin), None).await, 404).await;

    // An official of Darmaji is not reachable through another village's address.
    let ntb = app.sign_in("081152000000", DEMO_PASSWORD).await;
    let senggigi: i64 =
        sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'senggigi'").fetch_one(&app.db().pool).await.unwrap();
    let elsewhere = format!("/api/v1/admin/villages/{senggigi}/officials/{}", created["id"]);
    let moved = json!({ "version": 2, "name": "Baiq Hartini", "position": "Sekretaris Desa", "photo_id": null,
        "sort_order": 0 });
    assert_problem(app.call(Method::PUT, &elsewhere, Some(&ntb), Some(&moved)).await, 404).await;
    assert_eq!(app.get_json("/api/v1/villages/darmaji", 200).await["officials"].as_array().unwrap().len(), 1);
}
