//! The region table and the region lists behind the directory filters.

use lapak_tests::{TestApp, assert_problem, on_both_databases};

on_both_databases!(all_regions_are_loaded, regions_with_villages_are_listed, bad_region_queries_are_refused);

async fn all_regions_are_loaded(app: TestApp) {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM regions").fetch_one(&app.db().pool).await.unwrap();
    assert_eq!(count, 91_599);
    let name: String = sqlx::query_scalar("SELECT name FROM regions WHERE code = $1")
        .bind("52.01.03.2016")
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    assert_eq!(name, "Gerimax Indah");
    // Loading again changes nothing.
    assert_eq!(backend::regions::queries::load(app.db()).await.unwrap(), 0);
}

async fn regions_with_villages_are_listed(app: TestApp) {
    let kabupaten = app.get_json("/api/v1/regions?level=kabupaten", 200).await;
    let lombok_barat =
        kabupaten.as_array().unwrap().iter().find(|r| r["code"] == "52.01").expect("Lombok Barat listed");
    assert_eq!(lombok_barat["name"], "Kabupaten Lombok Barat");
    assert_eq!(lombok_barat["village_count"], 4);
    assert_eq!(lombok_barat["level"], "kabupaten");
    let total: i64 = kabupaten.as_array().unwrap().iter().map(|r| r["village_count"].as_i64().unwrap()).sum();
    assert_eq!(total, 11, "every village counted once");

    let kecamatan = app.get_json("/api/v1/regions?parent=52.01", 200).await;
    let names: Vec<&str> = kecamatan.as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Batu Layar", "Gerung", "Narmada"]);

    let provinsi = app.get_json("/api/v1/regions", 200).await;
    assert!(provinsi.as_array().unwrap().iter().any(|r| r["name"] == "Nusa Tenggara Barat" && r["village_count"] == 7));
}

async fn bad_region_queries_are_refused(app: TestApp) {
    for path in [
        "/api/v1/regions?parent=5x",
        "/api/v1/regions?parent=52.01.03.2016",
        "/api/v1/regions?parent=52&level=kabupaten",
        "/api/v1/regions?level=planet",
    ] {
        assert_problem(app.get(path).await, 400).await;
    }
}
