//! Village news: drafts stay private, published items appear newest first on the village page and at
//! their own address with link-preview tags, future dates wait, archived items leave; stale saves are
//! refused; Markdown never carries a script to the page.

use lapak_tests::{DEMO_PASSWORD, TestApp, assert_problem, on_both_databases, sample_png};
use reqwest::Method;
use serde_json::{Value, json};

on_both_databases!(news_goes_from_draft_to_archive, stale_and_bad_news_changes_nothing);

async fn village_id(app: &TestApp, slug: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM villages WHERE slug = $1").bind(slug).fetch_one(&app.db().pool).await.unwrap()
}

fn item(version: i64, title: &str, status: &str, published_at: Option<i64>, cover: &Value) -> Value {
    json!({ "version": version, "title": title, "kind": "berita", "summary": "Ringkasan singkat untuk pratinjau.",
        "body_md": "## Jadwal\n\n- **Senin** pagi\n- [Peta](https://contoh.id/peta)\n\n<script>alert(1)</script>\
            <img src=x onerror=alert(2)>",
        "cover_id": cover, "status": status, "published_at": published_at })
}

fn titles(list: &Value) -> Vec<String> {
    list.as_array().unwrap().iter().map(|n| n["title"].as_str().unwrap().to_owned()).collect()
}

async fn news_goes_from_draft_to_archive(app: TestApp) {
    let admin = app.sign_in("081152020001", DEMO_PASSWORD).await;
    let id = village_id(&app, "darmaji").await;
    // Start from a village without the demo's news, so the lists below are this test's alone.
    sqlx::query("DELETE FROM news WHERE village_id = $1").bind(id).execute(&app.db().pool).await.unwrap();
    let path = format!("/api/v1/admin/villages/{id}/news");
    let cover: Value =
        app.upload("/api/v1/images", Some(&admin), "image/png", sample_png(1600, 900)).await.json().await.unwrap();

    let draft = app
        .call_json(
            Method::POST,
            &path,
            Some(&admin),
            Some(&item(0, "Panen raya padi", "draft", None, &cover["id"])),
            201,
        )
        .await;
    assert_eq!(draft["slug"], "panen-raya-padi");
    assert_eq!(draft["published_at"], Value::Null, "a draft has no date until it is published");
    let slug_path = "/api/v1/villages/darmaji/news/panen-raya-padi";
    assert_problem(app.call(Method::GET, slug_path, None, None).await, 404).await;
    assert!(titles(&app.get_json("/api/v1/villages/darmaji", 200).await["news"]).is_empty());
    assert!(app.raw_get("/desa/darmaji/berita/panen-raya-padi").await.starts_with("HTTP/1.1 404"));

    // Published: dated now, on the village page, at its own address; the title may change, the address stays.
    let one = format!("{path}/{}", draft["id"]);
    let mut published = item(1, "Panen raya padi 2026", "published", None, &cover["id"]);
    let saved = app.call_json(Method::PUT, &one, Some(&admin), Some(&published), 200).await;
    assert_eq!((saved["slug"].as_str(), saved["version"].as_i64()), (Some("panen-raya-padi"), Some(2)));
    assert!(saved["published_at"].as_i64().unwrap() > 1_700_000_000_000);
    let article = app.get_json(slug_path, 200).await;
    assert_eq!(article["title"], "Panen raya padi 2026");
    assert_eq!(article["village_name"], "Darmaji");
    let body = article["body_html"].as_str().unwrap();
    assert!(body.contains("<h4>Jadwal</h4>") && body.contains("<strong>Senin</strong>"), "{body}");
    assert!(!body.contains("<script") && !body.contains("onerror") && !body.contains("alert(1)"), "{body}");

    // An older item and one dated in the future: the list is newest first and the future one waits.
    let old = item(0, "Musyawarah dusun", "published", Some(1_735_700_000_000), &Value::Null);
    app.call_json(Method::POST, &path, Some(&admin), Some(&old), 201).await;
    let later = item(0, "Festival budaya", "published", Some(4_000_000_000_000), &Value::Null);
    app.call_json(Method::POST, &path, Some(&admin), Some(&later), 201).await;
    let page = app.get_json("/api/v1/villages/darmaji", 200).await;
    assert_eq!(titles(&page["news"]), ["Panen raya padi 2026", "Musyawarah dusun"]);
    assert_eq!(page["news"][0]["cover"]["thumb"]["width"], 320);
    let list = app.get_json("/api/v1/villages/darmaji/news?per_page=1&page=2", 200).await;
    assert_eq!((titles(&list["items"]), list["total"].as_i64()), (vec!["Musyawarah dusun".to_owned()], Some(2)));
    assert_problem(app.call(Method::GET, "/api/v1/villages/darmaji/news?page=0", None, None).await, 400).await;
    assert_problem(app.call(Method::GET, "/api/v1/villages/tidak-ada/news", None, None).await, 404).await;
    let admin_list = app.call_json(Method::GET, &path, Some(&admin), None, 200).await;
    assert_eq!(titles(&admin_list), ["Festival budaya", "Panen raya padi 2026", "Musyawarah dusun"]);

    // The page's HTML carries the preview: title, summary, the cover's JPEG with its size, article date.
    let res = app.get("/desa/darmaji/berita/panen-raya-padi").await;
    assert_eq!(res.status().as_u16(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("<title>Panen raya padi 2026 — Desa Darmaji | Lapak Desa</title>"), "{html}");
    assert!(html.contains(r#"<meta property="og:description" content="Ringkasan singkat untuk pratinjau.">"#));
    let jpeg = cover["jpeg"]["url"].as_str().unwrap();
    assert!(html.contains(&format!(r#"<meta property="og:image" content="{}{jpeg}">"#, app.state.config.public_url)));
    assert!(html.contains(r#"<meta property="og:image:width" content="1200">"#));
    assert!(html.contains(r#"<meta property="og:type" content="article">"#));
    assert!(html.contains(r#"<meta property="article:published_time" content="20"#));
    assert!(app.get("/sitemap.xml").await.text().await.unwrap().contains("/desa/darmaji/berita/panen-raya-padi"));

    // Archived: gone from the public pages, kept for the admins.
    published["status"] = json!("archived");
    published["version"] = json!(2);
    app.call_json(Method::PUT, &one, Some(&admin), Some(&published), 200).await;
    assert_problem(app.call(Method::GET, slug_path, None, None).await, 404).await;
    assert_eq!(titles(&app.get_json("/api/v1/villages/darmaji", 200).await["news"]), ["Musyawarah dusun"]);
    app.call_json(Method::DELETE, &one, Some(&admin), None, 204).await;
    assert_eq!(app.count("news", "slug = 'panen-raya-padi'").await, 0);
    let audit = app.count("audit_log", "action = 'news.saved'").await;
    assert_eq!(audit, 5, "every save is in the audit log");
    assert_eq!(app.count("audit_log", "action = 'news.removed'").await, 1);
}

async fn stale_and_bad_news_changes_nothing(app: TestApp) {
    let admin = app.sign_in("081152020001", DEMO_PASSWORD).await;
    let district = app.sign_in("081152000000", DEMO_PASSWORD).await;
    let path = format!("/api/v1/admin/villages/{}/news", village_id(&app, "darmaji").await);
    let created = app
        .call_json(
            Method::POST,
            &path,
            Some(&admin),
            Some(&item(0, "Posyandu balita", "draft", None, &Value::Null)),
            201,
        )
        .await;
    let one = format!("{path}/{}", created["id"]);

    // The district admin saves first; the village admin's save of the same version is refused.
    let theirs = item(1, "Posyandu balita bulan Desember", "draft", None, &Value::Null);
    app.call_json(Method::PUT, &one, Some(&district), Some(&theirs), 200).await;
    let mine = item(1, "Posyandu lansia", "published", None, &Value::Null);
    let problem = assert_problem(app.call(Method::PUT, &one, Some(&admin), Some(&mine)).await, 409).await;
    assert!(problem.detail.contains("Berita ini sudah diubah oleh"), "{}", problem.detail);
    let kept = app.call_json(Method::GET, &path, Some(&admin), None, 200).await;
    assert_eq!(
        (kept[0]["title"].as_str(), kept[0]["status"].as_str()),
        (Some("Posyandu balita bulan Desember"), Some("draft"))
    );

    // Bad fields: each named, nothing written.
    let before = app.count("news", "1 = 1").await;
    let bad = json!({ "version": 0, "title": "Hi", "kind": "berita", "summary": "x".repeat(301), "body_md": "",
        "cover_id": null, "status": "published", "published_at": 5 });
    let problem = assert_problem(app.call(Method::POST, &path, Some(&admin), Some(&bad)).await, 422).await;
    let fields: Vec<_> = problem.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["title", "summary", "published_at"]);
    let unknown = json!({ "version": 0, "title": "Judul cukup", "kind": "gosip", "summary": "", "body_md": "",
        "cover_id": null, "status": "draft", "published_at": null });
    assert_problem(app.call(Method::POST, &path, Some(&admin), Some(&unknown)).await, 400).await;
    // A cover somebody else uploaded.
    let seller = app.sign_in("081234560001", DEMO_PASSWORD).await;
    let theirs: Value =
        app.upload("/api/v1/images", Some(&seller), "image/png", sample_png(40, 40)).await.json().await.unwrap();
    let borrowed = item(0, "Kerja bakti", "draft", None, &theirs["id"]);
    let problem = assert_problem(app.call(Method::POST, &path, Some(&admin), Some(&borrowed)).await, 422).await;
    assert_eq!(problem.fields[0].field, "cover_id");
    assert_eq!(app.count("news", "1 = 1").await, before);

    // Another village's admin reaches neither the list nor the item.
    let senggigi = village_id(&app, "senggigi").await;
    let elsewhere = format!("/api/v1/admin/villages/{senggigi}/news/{}", created["id"]);
    let ntb = app.sign_in("081152000000", DEMO_PASSWORD).await;
    assert_problem(app.call(Method::PUT, &elsewhere, Some(&ntb), Some(&theirs_form())).await, 404).await;
    assert_problem(app.call(Method::DELETE, &elsewhere, Some(&ntb), None).await, 404).await;
    assert_eq!(app.count("news", &format!("id = {}", created["id"])).await, 1);
}

fn theirs_form() -> Value {
    item(2, "Judul dari desa lain", "draft", None, &Value::Null)
}
