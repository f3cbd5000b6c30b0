//! What a village admin keeps besides the profile: enterprises with their own pages, the flagship product
//! with its story and enterprise, and the gallery; each shown to visitors, each save checked for
//! staleness, Markdown sanitised, other villages' records out of reach.

use lapak_tests::{DEMO_PASSWORD, TestApp, assert_problem, on_both_databases, sample_png};
use reqwest::Method;
use serde_json::{Value, json};

on_both_databases!(enterprise_and_flagship_reach_the_pages, gallery_albums_keep_captioned_photos);

async fn village_id(app: &TestApp, slug: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM villages WHERE slug = $1").bind(slug).fetch_one(&app.db().pool).await.unwrap()
}

async fn photo(app: &TestApp, cookie: &str, width: u32, height: u32) -> Value {
    app.upload("/api/v1/images", Some(cookie), "image/png", sample_png(width, height)).await.json().await.unwrap()
}

async fn enterprise_and_flagship_reach_the_pages(app: TestApp) {
    let admin = app.sign_in("081152020001", DEMO_PASSWORD).await;
    let base = format!("/api/v1/admin/villages/{}", village_id(&app, "darmaji").await);
    let (first, second) = (photo(&app, &admin, 1200, 800).await, photo(&app, &admin, 800, 800).await);

    let form = json!({ "version": 0, "name": "Sentra IKM Tenun Darmaji", "kind": "sentra-ikm",
        "description": "Penenun songket Darmaji.", "story_md": "**Dua puluh** penenun.\n\n<script>alert(1)</script>\
        <a href=\"javascript:alert(2)\" onclick=\"alert(3)\">klik</a>",
        "address": "Dusun Dasan Baru", "phone": "0812 3456 7000", "email": "Tenun@Darmaji.id",
        "photo_ids": [second["id"], first["id"]] });
    let created = app.call_json(Method::POST, &format!("{base}/enterprises"), Some(&admin), Some(&form), 201).await;
    assert_eq!(created["slug"], "sentra-ikm-tenun-darmaji");
    assert_eq!(created["phone"], "0812-3456-7000");
    assert_eq!(created["email"], "tenun@darmaji.id");
    let ids: Vec<i64> = created["photos"].as_array().unwrap().iter().map(|p| p["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [second["id"].as_i64().unwrap(), first["id"].as_i64().unwrap()], "photos keep their order");

    let page = app.get_json("/api/v1/enterprises/sentra-ikm-tenun-darmaji", 200).await;
    assert_eq!((page["village_slug"].as_str(), page["kind"].as_str()), (Some("darmaji"), Some("sentra-ikm")));
    assert_eq!(page["phone"], "6281234567000");
    let story = page["story_html"].as_str().unwrap();
    assert!(story.contains("<strong>Dua puluh</strong>"), "{story}");
    assert!(!story.contains("script") && !story.contains("javascript:") && !story.contains("onclick"), "{story}");
    assert_problem(app.call(Method::GET, "/api/v1/enterprises/tidak-ada", None, None).await, 404).await;
    let html = app.get("/lembaga/sentra-ikm-tenun-darmaji").await.text().await.unwrap();
    assert!(html.contains("<title>Sentra IKM Tenun Darmaji — Desa Darmaji | Lapak Desa</title>"), "{html}");
    assert!(html.contains(&format!("{}\">", second["jpeg"]["url"].as_str().unwrap())), "the first photo previews");
    assert!(app.raw_get("/lembaga/tidak-ada").await.starts_with("HTTP/1.1 404"));

    // The flagship product names it, with a story and photos; the village page and the enterprise page show it.
    let flagship_path = format!("{base}/flagship");
    let loaded = app.call_json(Method::GET, &flagship_path, Some(&admin), None, 200).await;
    assert_eq!(loaded["name"], "Sambal dan Cabai Olahan Darmaji");
    let loaded = app.call_json(Method::PUT, &flagship_path, Some(&admin), Some(&loaded), 200).await;
    assert!(loaded["description"].as_str().unwrap().len() > 200, "the demo's flagship saves unchanged");
    let flagship = json!({ "version": loaded["version"], "name": "Songket Darmaji", "sector": "fesyen",
        "description": "Songket benang emas.", "story_md": "Ditenun <img src=x onerror=alert(1)> tangan.",
        "enterprise_id": created["id"], "photo_ids": [first["id"]] });
    let saved = app.call_json(Method::PUT, &flagship_path, Some(&admin), Some(&flagship), 200).await;
    let village = app.get_json("/api/v1/villages/darmaji", 200).await;
    assert_eq!(village["flagship"]["name"], "Songket Darmaji");
    assert_eq!(village["flagship_story"]["enterprise"]["slug"], "sentra-ikm-tenun-darmaji");
    assert_eq!(village["flagship_story"]["photos"][0]["id"], first["id"]);
    assert!(!village["flagship_story"]["story_html"].as_str().unwrap().contains("onerror"));
    let listed = app.get_json("/api/v1/villages?q=songket", 200).await;
    assert_eq!(listed["items"][0]["slug"], "darmaji", "the directory finds the village by its flagship");
    let page = app.get_json("/api/v1/enterprises/sentra-ikm-tenun-darmaji", 200).await;
    assert_eq!(page["flagship"]["name"], "Songket Darmaji");

    // A stale flagship save, an enterprise of another village, a photo of someone else: refused, nothing changes.
    let problem = assert_problem(app.call(Method::PUT, &flagship_path, Some(&admin), Some(&flagship)).await, 409).await;
    assert!(problem.detail.starts_with("Produk unggulan ini sudah diubah oleh"), "{}", problem.detail);
    let foreign: i64 = sqlx::query_scalar(
        "SELECT e.id FROM enterprises e JOIN villages v ON v.id = e.village_id WHERE v.slug = 'senggigi' LIMIT 1",
    )
    .fetch_one(&app.db().pool)
    .await
    .unwrap();
    let mut wrong = flagship.clone();
    wrong["version"] = saved["version"].clone();
    wrong["enterprise_id"] = json!(foreign);
    let problem = assert_problem(app.call(Method::PUT, &flagship_path, Some(&admin), Some(&wrong)).await, 422).await;
    assert_eq!(problem.fields[0].field, "enterprise_id");
    let seller = app.sign_in("081234560001", DEMO_PASSWORD).await;
    wrong["enterprise_id"] = created["id"].clone();
    wrong["photo_ids"] = json!([photo(&app, &seller, 30, 30).await["id"]]);
    let problem = assert_problem(app.call(Method::PUT, &flagship_path, Some(&admin), Some(&wrong)).await, 422).await;
    assert_eq!(problem.fields[0].field, "photo_ids");
    let now = app.call_json(Method::GET, &flagship_path, Some(&admin), None, 200).await;
    assert_eq!((now["version"].clone(), now["photo_ids"].clone()), (saved["version"].clone(), json!([first["id"]])));

    // A second admin (the district's) edits the enterprise keeping the first admin's photos; the first
    // admin's stale save is then refused.
    let district = app.sign_in("081152000000", DEMO_PASSWORD).await;
    let one = format!("{base}/enterprises/{}", created["id"]);
    let mut theirs = form.clone();
    theirs["version"] = json!(1);
    theirs["name"] = json!("Sentra IKM Songket Darmaji");
    let renamed = app.call_json(Method::PUT, &one, Some(&district), Some(&theirs), 200).await;
    assert_eq!((renamed["slug"].as_str(), renamed["version"].as_i64()), (Some("sentra-ikm-tenun-darmaji"), Some(2)));
    let problem = assert_problem(app.call(Method::PUT, &one, Some(&admin), Some(&form.clone())).await, 409).await;
    assert!(problem.detail.contains("Lembaga ini sudah diubah oleh"), "{}", problem.detail);

    // Removing it leaves the flagship product without an enterprise.
    app.call_json(Method::DELETE, &one, Some(&admin), None, 204).await;
    let village = app.get_json("/api/v1/villages/darmaji", 200).await;
    assert_eq!(village["flagship_story"]["enterprise"], Value::Null);
    assert_eq!(village["flagship"]["name"], "Songket Darmaji");
    for action in ["enterprise.saved", "enterprise.removed", "flagship.saved"] {
        assert!(app.count("audit_log", &format!("action = '{action}'")).await >= 1, "{action} is audited");
    }

    // An empty name removes the flagship product.
    let none = json!({ "version": saved["version"], "name": "", "sector": null, "description": "", "story_md": "",
        "enterprise_id": null, "photo_ids": [] });
    app.call_json(Method::PUT, &flagship_path, Some(&admin), Some(&none), 200).await;
    let village = app.get_json("/api/v1/villages/darmaji", 200).await;
    assert_eq!((village["flagship"].clone(), village["flagship_story"].clone()), (Value::Null, Value::Null));
}

async fn gallery_albums_keep_captioned_photos(app: TestApp) {
    let admin = app.sign_in("081152020001", DEMO_PASSWORD).await;
    let base = format!("/api/v1/admin/villages/{}/albums", village_id(&app, "darmaji").await);
    let album = json!({ "version": 0, "title": "Panen cabai 2026", "description": "Musim kemarau.", "sort_order": 0 });
    let created = app.call_json(Method::POST, &base, Some(&admin), Some(&album), 201).await;
    let photos = format!("{base}/{}/photos", created["id"]);
    let mut added = Vec::new();
    for (n, caption) in ["Petik pagi", "Jemur cabai"].iter().enumerate() {
        let image = photo(&app, &admin, 900, 600).await;
        let body = json!({ "version": 0, "image_id": image["id"], "caption": caption, "sort_order": n });
        added.push(app.call_json(Method::POST, &photos, Some(&admin), Some(&body), 201).await);
    }
    let page = app.get_json("/api/v1/villages/darmaji", 200).await;
    let shown = &page["albums"][0];
    assert_eq!(shown["title"], "Panen cabai 2026");
    let captions: Vec<&str> =
        shown["photos"].as_array().unwrap().iter().map(|p| p["caption"].as_str().unwrap()).collect();
    assert_eq!(captions, ["Petik pagi", "Jemur cabai"]);
    assert_eq!(shown["photos"][0]["image"]["thumb"]["width"], 320);

    // Caption edits are versioned; a stale one is refused.
    let first = format!("{photos}/{}", added[0]["id"]);
    let caption = json!({ "version": 1, "image_id": null, "caption": "Petik cabai pagi hari", "sort_order": 5 });
    app.call_json(Method::PUT, &first, Some(&admin), Some(&caption), 200).await;
    let problem = assert_problem(app.call(Method::PUT, &first, Some(&admin), Some(&caption)).await, 409).await;
    assert!(problem.detail.starts_with("Foto ini sudah diubah"), "{}", problem.detail);
    let page = app.get_json("/api/v1/villages/darmaji", 200).await;
    assert_eq!(page["albums"][0]["photos"][1]["caption"], "Petik cabai pagi hari", "sort_order moved it last");

    // No picture, a picture of someone else, a long caption: refused, nothing added.
    let seller = app.sign_in("081234560001", DEMO_PASSWORD).await;
    let theirs = photo(&app, &seller, 40, 40).await;
    for (body, field) in [
        (json!({ "version": 0, "image_id": null, "caption": "", "sort_order": 0 }), "image_id"),
        (json!({ "version": 0, "image_id": theirs["id"], "caption": "", "sort_order": 0 }), "image_id"),
        (
            json!({ "version": 0, "image_id": added[0]["image"]["id"], "caption": "x".repeat(301), "sort_order": 0 }),
            "caption",
        ),
    ] {
        let problem = assert_problem(app.call(Method::POST, &photos, Some(&admin), Some(&body)).await, 422).await;
        assert_eq!(problem.fields[0].field, field);
    }
    assert_eq!(app.count("album_photos", &format!("album_id = {}", created["id"])).await, 2);

    // Another village's address does not reach this album; removing the album removes its photos.
    let senggigi = village_id(&app, "senggigi").await;
    let district = app.sign_in("081152000000", DEMO_PASSWORD).await;
    let elsewhere = format!("/api/v1/admin/villages/{senggigi}/albums/{}", created["id"]);
    assert_problem(app.call(Method::DELETE, &elsewhere, Some(&district), None).await, 404).await;
    assert_problem(
        app.call(Method::DELETE, &format!("{elsewhere}/photos/{}", added[1]["id"]), Some(&district), None).await,
        404,
    )
    .await;
    app.call_json(Method::DELETE, &format!("{base}/{}", created["id"]), Some(&admin), None, 204).await;
    assert_eq!(app.count("album_photos", &format!("album_id = {}", created["id"])).await, 0);
    assert!(app.get_json("/api/v1/villages/darmaji", 200).await["albums"].as_array().unwrap().is_empty());
}
