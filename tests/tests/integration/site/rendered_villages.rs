//! The portal's side of the public site arrives with its content in the HTML: the front page, the
//! directory for its filters, a village, its news, a news item and an enterprise: the directory with the
//! API's answers it was rendered from embedded once, the others with their islands; unknown slugs are
//! rendered 404s.

use std::time::Duration;

use lapak_tests::{Engine, TestApp, on_both_databases, on_both_engines};
use shared::format::thousands;
use shared::{EnterpriseDetail, VillageDetail};

use super::rendered::{app_text, islands_page};
use crate::orders::{DARMA_TANI, seller, settle};

on_both_databases!(
    a_village_page_carries_its_content,
    news_pages_carry_their_content,
    an_enterprise_page_carries_its_content,
    the_directory_renders_its_filters,
    the_front_page_carries_the_featured_villages,
    unknown_slugs_are_rendered_404s,
);
on_both_engines!(a_village_page_is_kept_until_a_change);

fn contains_all(text: &str, expected: &[&str]) {
    for e in expected {
        assert!(text.contains(e), "{e:?} is in the page: {text}");
    }
}

async fn a_village_page_carries_its_content(app: TestApp) {
    let (html, text) = islands_page(&app, "/desa/darmaji").await;
    let detail: VillageDetail = serde_json::from_value(app.get_json("/api/v1/villages/darmaji", 200).await).unwrap();
    let v = &detail.summary;
    let idm = v.idm.as_ref().expect("darmaji has an IDM status");
    let flagship = v.flagship.as_ref().expect("darmaji has a flagship");
    let population = thousands(detail.population.expect("darmaji's population"));
    let news = &detail.news.first().expect("darmaji has news").title;
    contains_all(
        &text,
        &[&v.name, &v.region.kabupaten, "Penduduk", &population, idm.status.label(), &flagship.name, news],
    );
    contains_all(&text, &["Berita dan pengumuman", "Kontak", "Bagikan ke WhatsApp"]);
    // The head is the village's, as before.
    assert!(html.contains(&format!("<title>Desa {} — {} | Lapak Desa</title>", v.name, v.region.kabupaten)));
}

async fn a_village_page_is_kept_until_a_change(engine: Engine) {
    // Kept for ten minutes: a change shows below only because the change dropped what was kept.
    let Some(app) = TestApp::spawn_with(engine, |c| c.page_cache = Duration::from_secs(600)).await else {
        return;
    };
    let first = app.get("/desa/darmaji").await.text().await.unwrap();
    sqlx::query("UPDATE villages SET tagline = 'Diubah di belakang server' WHERE slug = 'darmaji'")
        .execute(&app.db().pool)
        .await
        .unwrap();
    let kept = app.get("/desa/darmaji").await.text().await.unwrap();
    assert_eq!(first, kept, "the kept page is served");
    let tani = seller(&app, DARMA_TANI).await;
    settle(&app, &tani, |form| form["name"] = "Lapak Darma Tani Baru".into()).await;
    let fresh = app_text(&app.get("/desa/darmaji").await.text().await.unwrap());
    assert!(fresh.contains("Diubah di belakang server"), "a change through the API drops the kept page: {fresh}");
}

async fn news_pages_carry_their_content(app: TestApp) {
    let list = app.get_json("/api/v1/villages/darmaji/news?page=1&per_page=10", 200).await;
    let (_, text) = islands_page(&app, "/desa/darmaji/berita").await;
    let first = list["items"].as_array().unwrap().first().expect("darmaji has news");
    contains_all(&text, &["Berita dan pengumuman", "Desa Darmaji", first["title"].as_str().unwrap()]);
    // Past the last page: said so, with the way back to the newest (not "no news yet").
    let (_, text) = islands_page(&app, "/desa/darmaji/berita?page=99").await;
    contains_all(&text, &["Halaman 99 tidak ada", "Ke berita terbaru"]);
    assert!(!text.contains("belum menerbitkan"), "{text}");

    let slug = "sambal-terasi-darmaji-kantongi-sertifikat-halal";
    let article = app.get_json(&format!("/api/v1/villages/darmaji/news/{slug}"), 200).await;
    let (html, text) = islands_page(&app, &format!("/desa/darmaji/berita/{slug}")).await;
    let title = article["title"].as_str().unwrap();
    contains_all(&text, &[title, "Berita lainnya", "Desa Darmaji"]);
    assert!(html.contains("<meta property=\"article:published_time\""), "still dated as an article");
}

async fn an_enterprise_page_carries_its_content(app: TestApp) {
    let e: EnterpriseDetail =
        serde_json::from_value(app.get_json("/api/v1/enterprises/bumdes-darma-tani", 200).await).unwrap();
    let (_, text) = islands_page(&app, "/lembaga/bumdes-darma-tani").await;
    contains_all(&text, &[&e.enterprise.name, e.enterprise.kind.label(), &e.village_name, "Kontak"]);
}

async fn the_directory_renders_its_filters(app: TestApp) {
    let kabupaten = app.get_json("/api/v1/regions?level=kabupaten", 200).await;
    let code = kabupaten[0]["code"].as_str().unwrap().to_owned();
    let found = app.get_json(&format!("/api/v1/villages?kabupaten={code}"), 200).await;
    let kecamatan = app.get_json(&format!("/api/v1/regions?parent={code}"), 200).await;
    let (html, text) = islands_page(&app, &format!("/desa?kabupaten={code}")).await;
    let total = found["total"].as_u64().unwrap();
    assert!(total > 0);
    contains_all(&text, &[&format!("{} desa ditemukan", thousands(total as i64)), "Hapus semua filter"]);
    for village in found["items"].as_array().unwrap() {
        contains_all(&text, &[village["name"].as_str().unwrap()]);
    }
    // The filters are a plain form to the directory; the kecamatan of the chosen kabupaten are the second
    // drop-down's choices.
    assert!(html.contains("action=\"/desa\"") && html.contains("name=\"kabupaten\""), "the filter form");
    let first_kecamatan = kecamatan[0]["code"].as_str().unwrap();
    assert!(html.contains(&format!("value=\"{first_kecamatan}\"")), "kecamatan choices");

    // Without filters: every village, and the kecamatan wait for a kabupaten.
    let (_, text) = islands_page(&app, "/desa").await;
    let total = app.get_json("/api/v1/villages", 200).await["total"].as_i64().unwrap();
    contains_all(&text, &[&format!("{} desa ditemukan", thousands(total)), "Pilih kabupaten/kota dulu"]);

    // The form sent without JavaScript (its empty fields, a kecamatan of another kabupaten) lands on the
    // address the app writes.
    let sent = format!("/desa?q=&kabupaten={code}&kecamatan=99.99.99&idm=&sector=");
    let res = app.get(&sent).await;
    assert_eq!(res.status(), 303, "{sent}");
    assert_eq!(res.headers()["location"], format!("/desa?kabupaten={code}").as_str());
}

async fn the_front_page_carries_the_featured_villages(app: TestApp) {
    let featured = "/api/v1/villages?per_page=6";
    let (html, text) = islands_page(&app, "/").await;
    let featured = app.get_json(featured, 200).await;
    let villages = featured["items"].as_array().unwrap();
    assert!(!villages.is_empty());
    for village in villages {
        contains_all(&text, &[village["name"].as_str().unwrap()]);
    }
    let kabupaten = &app.get_json("/api/v1/regions?level=kabupaten", 200).await[0]["name"];
    contains_all(&text, &["Desa pilihan", "Jelajahi menurut wilayah", kabupaten.as_str().unwrap()]);
    assert!(html.contains("<title>Lapak Desa — informasi dan lapak online desa</title>"));
}

async fn unknown_slugs_are_rendered_404s(app: TestApp) {
    for (path, message) in [
        ("/desa/tidak-ada", "Desa tidak ditemukan"),
        ("/desa/tidak-ada/berita", "Halaman tidak ditemukan"),
        ("/desa/darmaji/berita/tidak-ada", "Berita ini tidak ditemukan"),
        ("/desa/tidak-ada/berita/tidak-ada", "Berita ini tidak ditemukan"),
        ("/lembaga/tidak-ada", "Lembaga ini tidak ditemukan"),
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 404, "{path}");
        let html = res.text().await.unwrap();
        assert!(app_text(&html).contains(message), "{path}: {}", app_text(&html));
        assert!(html.contains("<title>Halaman tidak ditemukan — Lapak Desa</title>"), "{path}");
    }
}
