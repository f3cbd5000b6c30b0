//! The image pipeline over HTTP: who may upload, what comes back and how it is served, and bad uploads
//! refused with nothing stored.

use lapak_tests::{DEMO_PASSWORD, TestApp, assert_problem, header, on_both_databases, on_both_engines, sample_png};
use serde_json::Value;

on_both_databases!(an_upload_becomes_stored_sizes, bad_uploads_store_nothing);
on_both_engines!(uploads_over_the_limit_are_413);

async fn an_upload_becomes_stored_sizes(app: TestApp) {
    let seller = app.sign_in("081234560001", DEMO_PASSWORD).await;
    let res = app.upload("/api/v1/images", Some(&seller), "image/png", sample_png(2000, 1000)).await;
    assert_eq!(res.status(), 201);
    let image: Value = res.json().await.unwrap();
    for (size, width, height, content_type) in [
        ("thumb", 320, 160, "image/webp"),
        ("card", 800, 400, "image/webp"),
        ("full", 1600, 800, "image/webp"),
        ("jpeg", 1200, 600, "image/jpeg"),
    ] {
        assert_eq!(
            (image[size]["width"].as_u64(), image[size]["height"].as_u64()),
            (Some(width), Some(height)),
            "{size}"
        );
        let res = app.get(image[size]["url"].as_str().unwrap()).await;
        assert_eq!(res.status(), 200, "{size}");
        assert_eq!(header(&res, "content-type"), content_type);
        assert_eq!(header(&res, "cache-control"), "public, max-age=31536000, immutable");
    }
    let shopper = app.sign_in("081100000001", DEMO_PASSWORD).await;
    let res = app.upload("/api/v1/images", Some(&shopper), "image/png", sample_png(10, 10)).await;
    assert_problem(res, 403).await;
}

/// Files under the media folder's `images/`.
fn stored_files(app: &TestApp) -> usize {
    let dir = app.state.config.data_dir.join("media/images");
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

async fn bad_uploads_store_nothing(app: TestApp) {
    let seller = app.sign_in("081234560001", DEMO_PASSWORD).await;
    let (rows, files) = (app.count("images", "1 = 1").await, stored_files(&app));
    let png = sample_png(64, 64);
    let cases: [(&str, Vec<u8>, u16, &str); 5] = [
        ("image/png", Vec::new(), 400, "kosong"),
        ("image/jpeg", b"bukan foto".to_vec(), 400, "bukan foto"),
        ("image/png", png[..png.len() / 2].to_vec(), 400, "rusak"),
        ("text/plain", png.clone(), 415, "JPEG, PNG atau WebP"),
        ("application/octet-stream", png.clone(), 415, "JPEG, PNG atau WebP"),
    ];
    for (content_type, bytes, status, words) in cases {
        let res = app.upload("/api/v1/images", Some(&seller), content_type, bytes).await;
        let problem = assert_problem(res, status).await;
        assert!(problem.detail.contains(words), "{content_type}: {}", problem.detail);
    }
    assert_eq!(app.count("images", "1 = 1").await, rows, "no row written");
    assert_eq!(stored_files(&app), files, "no file stored");
}

async fn uploads_over_the_limit_are_413(engine: lapak_tests::Engine) {
    let Some(app) = TestApp::spawn_with(engine, |c| c.upload_limit_bytes = 64 * 1024).await else { return };
    let seller = app.sign_in("081234560001", DEMO_PASSWORD).await;
    let big = vec![0u8; 100 * 1024];
    let before = app.count("images", "1 = 1").await;
    let res = app.upload("/api/v1/images", Some(&seller), "image/png", big).await;
    assert_problem(res, 413).await;
    assert_eq!(app.count("images", "1 = 1").await, before, "nothing stored");
}
