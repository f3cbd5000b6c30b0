//! Pages with link previews, static files, robots.txt and the sitemap.

mod buying_pages;
mod english;
mod kept_pages;
mod offline;
pub mod rendered;
mod rendered_english;
mod rendered_services;
mod rendered_villages;
mod sitemap;
mod time_zone;

use lapak_tests::{TestApp, header, on_both_databases};

on_both_databases!(
    village_page_carries_its_preview,
    unknown_pages_are_404_with_the_app,
    static_files_are_cached_and_precompressed,
    account_and_admin_pages_are_the_app_and_never_indexed,
);

async fn village_page_carries_its_preview(app: TestApp) {
    let res = app.get("/desa/sungai-dareh").await;
    assert_eq!(res.status(), 200);
    assert!(header(&res, "content-type").starts_with("text/html"));
    assert_eq!(header(&res, "cache-control"), "no-cache");
    let html = res.text().await.unwrap();
    let head = &html[..html.len().min(32 * 1024)];
    let base = app.url("");
    assert!(head.contains("<title>Desa Sungai Dareh — Kabupaten Dharmasraya | Lapak Desa</title>"), "{head}");
    for tag in [
        "<meta name=\"description\" content=\"",
        "<meta property=\"og:title\" content=\"Desa Sungai Dareh",
        "<meta property=\"og:description\" content=\"",
        &format!("<meta property=\"og:url\" content=\"{base}/desa/sungai-dareh\">"),
        &format!("<link rel=\"canonical\" href=\"{base}/desa/sungai-dareh\">"),
        &format!("<meta property=\"og:image\" content=\"{base}/media/villages/sungai-dareh/cover-"),
    ] {
        assert!(head.contains(tag), "missing {tag}");
    }
    assert!(html.contains("<div id=\"app\">"), "the app shell is served");
    assert_eq!(html.matches("<title>").count(), 1);

    let image = head.split("og:image\" content=\"").nth(1).unwrap().split('"').next().unwrap();
    let res = app.client.get(image).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "content-type"), "image/jpeg");
    let bytes = res.bytes().await.unwrap();
    assert!(bytes.len() <= 300 * 1024, "{} bytes", bytes.len());
    let (w, _) = jpeg_size(&bytes).expect("a JPEG");
    assert!(w >= 600, "{w} px wide");

    let home = app.get("/").await.text().await.unwrap();
    assert!(home.contains("og:image") && home.contains("<title>Lapak Desa"));
}

async fn unknown_pages_are_404_with_the_app(app: TestApp) {
    for path in ["/desa/tidak-ada-desa", "/tidak-ada", "/desa/x/y"] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 404, "{path}");
        assert!(header(&res, "content-type").starts_with("text/html"), "{path}");
        let html = res.text().await.unwrap();
        assert!(html.contains("<div id=\"app\">") && html.contains("tidak ditemukan"), "{path}");
    }
}

async fn static_files_are_cached_and_precompressed(app: TestApp) {
    let res = app.client.get(app.url("/app-0123456789ab.js")).header("accept-encoding", "gzip").send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "content-encoding"), "gzip");
    assert_eq!(header(&res, "cache-control"), "public, max-age=31536000, immutable");
    let res = app.get("/favicon.svg").await;
    assert_eq!(res.status(), 200);
    assert!(!header(&res, "cache-control").contains("immutable"));
    let res = app.get("/").await;
    assert_eq!(header(&res, "cache-control"), "no-cache");
    assert_eq!(app.get("/.stamp").await.status(), 404, "dotfiles are not served");
}

async fn account_and_admin_pages_are_the_app_and_never_indexed(app: TestApp) {
    for path in ["/masuk", "/daftar", "/akun", "/akun/atur-sandi", "/admin", "/admin/pengajuan-toko"] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 200, "{path}");
        let html = res.text().await.unwrap();
        assert!(html.contains(r#"<meta name="robots" content="noindex, nofollow">"#), "{path}");
    }
    let home = app.get("/").await.text().await.unwrap();
    assert!(!home.contains("noindex"), "public pages stay indexable");
    let robots = app.get("/robots.txt").await.text().await.unwrap();
    for path in ["/akun", "/admin", "/masuk", "/daftar"] {
        assert!(robots.contains(&format!("Disallow: {path}\n")), "{robots}");
    }
}

/// Width and height from a JPEG's start-of-frame marker.
fn jpeg_size(bytes: &[u8]) -> Option<(u16, u16)> {
    if bytes.get(..2)? != [0xFF, 0xD8] {
        return None;
    }
    let mut i = 2;
    while i + 9 < bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        if (0xC0..=0xC3).contains(&marker) {
            let h = u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]);
            let w = u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]);
            return Some((w, h));
        }
        i += 2 + len;
    }
    None
}
