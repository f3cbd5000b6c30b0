//! Every public page in English under `/en`: the same page at the same address behind the prefix, said
//! to be English, linked both ways to its Indonesian twin (`hreflang`), kept apart from it, redirects and
//! private pages kept in its language; the pages of one's own (accounts, selling) are Indonesian only.

use lapak_tests::{TestApp, on_both_databases};

use super::rendered::islands_page;

on_both_databases!(
    an_english_page_is_the_same_page_in_english,
    english_redirects_stay_english,
    english_private_pages_stay_private,
);

async fn an_english_page_is_the_same_page_in_english(app: TestApp) {
    let (indonesian, _) = islands_page(&app, "/desa/darmaji").await;
    let (english, _) = islands_page(&app, "/en/desa/darmaji").await;
    assert!(indonesian.contains(r#"<html lang="id""#));
    assert!(english.contains(r#"<html lang="en""#), "the English page says so");
    let origin = app.state.config.public_url.clone();
    for html in [&indonesian, &english] {
        for (code, path) in [("id", "/desa/darmaji"), ("en", "/en/desa/darmaji"), ("x-default", "/desa/darmaji")] {
            let link = format!(r#"<link rel="alternate" hreflang="{code}" href="{origin}{path}">"#);
            assert!(html.contains(&link), "{link} on both pages");
        }
    }
    assert!(english.contains(&format!(r#"<link rel="canonical" href="{origin}/en/desa/darmaji">"#)));
    assert!(english.contains(r#"<meta property="og:locale" content="en_US">"#));
    // The language switch leads to the same page in the other language.
    assert!(english.contains(r#"href="/desa/darmaji" hreflang="id""#), "the switch back to Indonesian");
    assert!(indonesian.contains(r#"href="/en/desa/darmaji" hreflang="en""#), "the switch to English");
    // Each is kept as itself: asked again, each language comes back as it was.
    assert_eq!(app.get("/desa/darmaji").await.text().await.unwrap(), indonesian);
    assert_eq!(app.get("/en/desa/darmaji").await.text().await.unwrap(), english);
    // The English home.
    let (home, _) = islands_page(&app, "/en/").await;
    assert!(home.contains(r#"<html lang="en""#));
}

async fn english_redirects_stay_english(app: TestApp) {
    let location = |res: &reqwest::Response| res.headers()["location"].to_str().unwrap().to_owned();
    let res = app.get("/en").await;
    assert_eq!((res.status().as_u16(), location(&res).as_str()), (308, "/en/"));
    // A filter form sent with its empty fields lands on the English address of the same search.
    let res = app.get("/en/produk?q=kopi&kategori=&harga_min=").await;
    assert_eq!((res.status().as_u16(), location(&res).as_str()), (303, "/en/produk?q=kopi"));
}

async fn english_private_pages_stay_private(app: TestApp) {
    for path in ["/en/keranjang", "/en/pesan"] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 200, "{path}");
        let html = res.text().await.unwrap();
        assert!(html.contains(r#"<html lang="en""#), "{path}");
        assert!(html.contains(r#"<meta name="robots" content="noindex, nofollow">"#), "{path}");
        assert!(!html.contains("hreflang=\"en\" href"), "{path}: a private page has no alternates");
    }
    let robots = app.get("/robots.txt").await.text().await.unwrap();
    for path in ["/keranjang", "/en/keranjang"] {
        assert!(robots.contains(&format!("Disallow: {path}\n")), "{robots}");
    }
    // One's own pages (accounts, selling, the admin area) have no English version.
    for path in ["/en/akun", "/en/jual", "/en/admin"] {
        assert_eq!(app.get(path).await.status(), 404, "{path}");
    }
}
