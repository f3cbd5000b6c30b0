//! The village directory and profile API.

use lapak_tests::{TestApp, assert_problem, header, on_both_databases};
use shared::{Page, VillageDetail, VillageSummary};

on_both_databases!(
    directory_lists_every_village_by_name,
    directory_paginates,
    directory_filters,
    bad_directory_queries_are_refused,
    profile_shows_everything,
    unknown_slug_is_404,
    old_slugs_redirect,
    same_name_gets_the_kecamatan_then_the_kabupaten,
    the_page_is_kept_for_a_moment_and_dropped_on_a_change,
);

async fn villages(app: &TestApp, query: &str) -> Page<VillageSummary> {
    let res = app.get(&format!("/api/v1/villages{query}")).await;
    assert_eq!(res.status(), 200, "GET /api/v1/villages{query}");
    res.json().await.unwrap()
}

fn slugs(page: &Page<VillageSummary>) -> Vec<&str> {
    page.items.iter().map(|v| v.slug.as_str()).collect()
}

async fn directory_lists_every_village_by_name(app: TestApp) {
    let page = villages(&app, "?per_page=50").await;
    assert_eq!(page.total, 11);
    let names: Vec<&str> = page.items.iter().map(|v| v.name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    let darmaji = page.items.iter().find(|v| v.slug == "darmaji").unwrap();
    assert_eq!(darmaji.region.kabupaten, "Kabupaten Lombok Tengah");
    assert_eq!(darmaji.region.kecamatan, "Kopang");
    assert!(darmaji.is_demo, "demo data says so");
    assert!(darmaji.flagship.is_some() && darmaji.idm.is_some());
    assert!(page.items.iter().all(|v| v.cover_url.as_deref().is_some_and(|u| u.starts_with("/media/"))));
}

async fn directory_paginates(app: TestApp) {
    let first = villages(&app, "?per_page=5").await;
    let third = villages(&app, "?per_page=5&page=3").await;
    let beyond = villages(&app, "?per_page=5&page=9").await;
    assert_eq!((first.items.len(), third.items.len(), beyond.items.len()), (5, 1, 0));
    assert_eq!(first.page_count(), 3);
    assert!(!slugs(&first).contains(&third.items[0].slug.as_str()));
    assert_eq!(beyond.total, 11);
}

async fn directory_filters(app: TestApp) {
    let lombok_barat = villages(&app, "?kabupaten=52.01").await;
    assert_eq!(slugs(&lombok_barat), ["buwun-sejati", "gapuk", "gerimax-indah", "senggigi"]);
    let narmada = villages(&app, "?kabupaten=52.01&kecamatan=52.01.03").await;
    assert_eq!(slugs(&narmada), ["buwun-sejati", "gerimax-indah"]);
    let mandiri = villages(&app, "?idm=mandiri").await;
    assert!(
        mandiri.total >= 1
            && mandiri.items.iter().all(|v| v.idm.as_ref().unwrap().status == shared::IdmStatus::Mandiri)
    );
    let kerajinan = villages(&app, "?sector=kerajinan").await;
    assert!(kerajinan.total >= 1);
    assert!(kerajinan.items.iter().all(|v| v.flagship.as_ref().unwrap().sector == shared::Sector::Kerajinan));
    let tenun = villages(&app, "?q=TENUN").await;
    assert!(slugs(&tenun).contains(&"hewokloang"), "search ignores case and reads the flagship product");
    let nothing = villages(&app, "?q=%25_%25").await;
    assert_eq!(nothing.total, 0, "LIKE wildcards in the search are plain characters");
    let none = villages(&app, "?kabupaten=11.01").await;
    assert_eq!((none.total, none.items.len()), (0, 0));
}

async fn bad_directory_queries_are_refused(app: TestApp) {
    let long = "a".repeat(101);
    for query in [
        "?page=0".to_string(),
        "?per_page=0".into(),
        "?per_page=500".into(),
        "?page=satu".into(),
        "?idm=kaya".into(),
        "?sector=tambang".into(),
        "?kabupaten=52".into(),
        "?kecamatan=52.01".into(),
        "?kabupaten=52.01&kecamatan=52.02.09".into(),
        format!("?q={long}"),
    ] {
        let problem = assert_problem(app.get(&format!("/api/v1/villages{query}")).await, 400).await;
        assert!(!problem.detail.to_lowercase().contains("sql"), "{query}: {}", problem.detail);
    }
}

async fn profile_shows_everything(app: TestApp) {
    let res = app.get("/api/v1/villages/darmaji").await;
    assert_eq!(res.status(), 200);
    let v: VillageDetail = res.json().await.unwrap();
    assert_eq!(v.summary.name, "Darmaji");
    assert_eq!(v.summary.region.code, "52.02.09.2008");
    assert_eq!(v.summary.region.provinsi, "Nusa Tenggara Barat");
    assert!(v.history_html.starts_with("<p>") && !v.history_html.contains("<script"));
    assert!(v.mission_html.contains("<li>"));
    assert!(v.population.unwrap() > 0 && v.households.unwrap() > 0 && v.area_km2.unwrap() > 0.0);
    let loc = v.location.unwrap();
    assert!((-9.0..-8.0).contains(&loc.lat) && (116.0..117.0).contains(&loc.lon), "Darmaji is on Lombok");
    assert!(!v.enterprises.is_empty());
    assert!(!v.products.is_empty() && v.products.iter().all(|p| p.price > 0 && !p.shop_name.is_empty()));
    assert!(v.products.windows(2).all(|w| w[0].id > w[1].id), "newest products first");
    let kinds: Vec<_> = v.enterprises.iter().map(|e| e.kind).collect();
    assert_eq!(kinds[0], shared::EnterpriseKind::Bumdes, "enterprises in the order they were added");

    let cover = app.get(&v.summary.cover_url.unwrap()).await;
    assert_eq!(cover.status(), 200);
    assert_eq!(header(&cover, "content-type"), "image/jpeg");
    assert!(header(&cover, "cache-control").contains("immutable"));
    let photo = v.products[0].photo.clone().expect("demo products have a photo");
    let card = app.get(&photo.card.url).await;
    assert_eq!(card.status(), 200);
    assert_eq!(header(&card, "content-type"), "image/webp");
}

async fn unknown_slug_is_404(app: TestApp) {
    let problem = assert_problem(app.get("/api/v1/villages/tidak-ada-desa").await, 404).await;
    assert!(problem.detail.contains("tidak-ada-desa"));
    assert_problem(app.get("/media/villages/tidak/ada.jpg").await, 404).await;
    // Sent raw: HTTP clients would normalise the dots away.
    for path in ["/media/../lapak.db", "/media/villages/../../lapak.db", "/media/.hidden.jpg"] {
        let head = app.raw_get(path).await;
        assert!(head.starts_with("HTTP/1.1 404"), "{path}: {head}");
    }
}

async fn old_slugs_redirect(app: TestApp) {
    let id: i64 =
        sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'darmaji'").fetch_one(&app.db().pool).await.unwrap();
    sqlx::query("INSERT INTO village_slugs (slug, village_id) VALUES ('darmaji-lama', $1)")
        .bind(id)
        .execute(&app.db().pool)
        .await
        .unwrap();
    let res = app.get("/api/v1/villages/darmaji-lama").await;
    assert_eq!(res.status(), 308);
    assert_eq!(header(&res, "location"), "/api/v1/villages/darmaji");
    let res = app.get("/desa/darmaji-lama").await;
    assert_eq!(res.status(), 308);
    assert_eq!(header(&res, "location"), "/desa/darmaji");
}

async fn same_name_gets_the_kecamatan_then_the_kabupaten(app: TestApp) {
    // Desa named like a demo village elsewhere: "Wanayasa" is also a desa in other kabupaten.
    let others: Vec<String> = sqlx::query_scalar(
        "SELECT code FROM regions WHERE level = 4 AND name = 'Wanayasa' AND code <> '32.14.09.2001' ORDER BY code",
    )
    .fetch_all(&app.db().pool)
    .await
    .unwrap();
    assert!(others.len() >= 2, "the region table repeats desa names");
    let mut slugs = Vec::new();
    for code in &others[..2] {
        let new = backend::villages::queries::NewVillage {
            code: shared::RegionCode::parse(code).unwrap(),
            tagline: String::new(),
            history_md: "<script>alert(1)</script>\n\n**Sejarah**".into(),
            vision_md: String::new(),
            mission_md: String::new(),
            population: None,
            households: None,
            area_km2: None,
            location: None,
            idm: None,
            flagship: None,
            is_demo: false,
        };
        let mut conn = app.db().pool.acquire().await.unwrap();
        slugs.push(backend::villages::queries::create(&mut conn, &new, 0).await.unwrap().1);
    }
    assert!(slugs[0].starts_with("wanayasa-") && slugs[0] != "wanayasa", "{slugs:?}");
    assert_ne!(slugs[0], slugs[1]);
    let v = app.get_json(&format!("/api/v1/villages/{}", slugs[0]), 200).await;
    assert_eq!(v["name"], "Wanayasa");
    assert_eq!(v["history_html"], "<p><strong>Sejarah</strong></p>", "scripts never reach a page");
    assert_eq!(v["is_demo"], false);
}

/// The village page's JSON is kept for `LAPAK_PAGE_CACHE_MS` (1 s): a change another server makes (here,
/// straight in the database) shows once that time has passed; a change through this server's API at once.
async fn the_page_is_kept_for_a_moment_and_dropped_on_a_change(app: TestApp) {
    let tagline = |page: serde_json::Value| page["tagline"].as_str().unwrap_or_default().to_owned();
    let before = tagline(app.get_json("/api/v1/villages/darmaji", 200).await);
    sqlx::query("UPDATE villages SET tagline = 'Diubah server lain' WHERE slug = 'darmaji'")
        .execute(&app.db().pool)
        .await
        .unwrap();
    assert_eq!(tagline(app.get_json("/api/v1/villages/darmaji", 200).await), before, "kept for a moment");
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(tagline(app.get_json("/api/v1/villages/darmaji", 200).await), "Diubah server lain");

    sqlx::query("UPDATE villages SET tagline = 'Diubah lagi' WHERE slug = 'darmaji'")
        .execute(&app.db().pool)
        .await
        .unwrap();
    // Signing out changes no page: the kept one stays.
    let res = app.call(reqwest::Method::POST, "/api/v1/auth/sign-out", None, None).await;
    assert_eq!(res.status(), 204);
    assert_eq!(tagline(app.get_json("/api/v1/villages/darmaji", 200).await), "Diubah server lain");
    let admin = app.session_for(app.user_id("081152020001").await).await;
    // A change through the API (here, the profile saved as loaded) drops the kept pages at once.
    let id: i64 =
        sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'darmaji'").fetch_one(&app.db().pool).await.unwrap();
    let path = format!("/api/v1/admin/villages/{id}/profile");
    let form = app.call_json(reqwest::Method::GET, &path, Some(&admin), None, 200).await;
    app.call_json(reqwest::Method::PUT, &path, Some(&admin), Some(&form), 200).await;
    assert_eq!(tagline(app.get_json("/api/v1/villages/darmaji", 200).await), "Diubah lagi");
}
