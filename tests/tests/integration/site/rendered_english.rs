//! The village side's public pages read in English at `/en/…`: the front page, the directory, a village,
//! its news, an enterprise, the potential map and the consultation desk, each with its English head, its
//! links kept in English, and what the village wrote left as written and marked Indonesian.

use lapak_tests::{TestApp, on_both_databases};
use shared::{EnterpriseDetail, Lang, VillageDetail};

use super::rendered::islands_page;

on_both_databases!(
    the_portal_reads_in_english,
    a_village_and_its_news_read_in_english,
    the_map_and_the_desk_read_in_english,
);

fn contains_all(text: &str, expected: &[&str]) {
    for e in expected {
        assert!(text.contains(e), "{e:?} is in the page: {text}");
    }
}

/// The start tag of the first element carrying `attribute`.
fn element<'a>(html: &'a str, attribute: &str) -> &'a str {
    let at = html.find(attribute).unwrap_or_else(|| panic!("{attribute} is in the page"));
    let start = html[..at].rfind('<').unwrap_or(0);
    let end = html[at..].find('>').map_or(html.len(), |e| at + e + 1);
    &html[start..end]
}

fn contains_none(text: &str, unexpected: &[&str]) {
    for e in unexpected {
        assert!(!text.contains(e), "{e:?} is not in the English page: {text}");
    }
}

async fn the_portal_reads_in_english(app: TestApp) {
    let (html, text) = islands_page(&app, "/en/").await;
    contains_all(&text, &["Featured villages", "Explore by region", "Explore all villages"]);
    contains_none(&text, &["Desa pilihan", "Jelajahi menurut wilayah"]);
    assert!(html.contains("<title>Lapak Desa — Indonesian villages and their online shops</title>"), "{html}");
    assert!(html.contains("href=\"/en/desa\""), "the directory's link stays in English");

    let (html, text) = islands_page(&app, "/en/desa").await;
    let total = app.get_json("/api/v1/villages", 200).await["total"].as_i64().unwrap();
    contains_all(&text, &[&format!("{total} villages found"), "Choose a regency or city first", "Apply filters"]);
    contains_none(&text, &["desa ditemukan", "Pilih kabupaten/kota dulu"]);
    assert!(html.contains("<title>Village Directory — Lapak Desa</title>"));
    assert!(html.contains("action=\"/en/desa\""), "the filters are a plain form to the English directory");

    // The form sent without JavaScript lands on the English address the app writes.
    let res = app.get("/en/desa?q=&idm=maju&sector=").await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/en/desa?idm=maju");
}

async fn a_village_and_its_news_read_in_english(app: TestApp) {
    let detail: VillageDetail = serde_json::from_value(app.get_json("/api/v1/villages/darmaji", 200).await).unwrap();
    let v = &detail.summary;
    let (html, text) = islands_page(&app, "/en/desa/darmaji").await;
    let idm = v.idm.as_ref().expect("darmaji has an IDM status");
    contains_all(
        &text,
        &[
            "Population",
            "News and announcements",
            "Share on WhatsApp",
            " District, ",
            " Province",
            idm.status.label_in(Lang::En),
        ],
    );
    contains_none(&text, &["Penduduk", "Bagikan ke WhatsApp", "Kepala keluarga"]);
    assert!(html.contains(&format!("<title>{} Village — {} | Lapak Desa</title>", v.name, v.region.kabupaten)));
    assert!(html.contains("href=\"/en/desa/darmaji/berita\""), "its news in English");
    if !v.tagline.is_empty() {
        let tag = element(&html, "class=\"village__tagline\"");
        assert!(tag.contains("lang=\"id\""), "the village's words are marked Indonesian: {tag}");
    }

    let (_, text) = islands_page(&app, "/en/desa/darmaji/berita").await;
    contains_all(&text, &["News and announcements", "Darmaji Village"]);
    let (_, text) = islands_page(&app, "/en/desa/darmaji/berita?page=99").await;
    contains_all(&text, &["There is no page 99", "Go to the latest news"]);

    let e: EnterpriseDetail =
        serde_json::from_value(app.get_json("/api/v1/enterprises/bumdes-darma-tani", 200).await).unwrap();
    let (html, text) = islands_page(&app, "/en/lembaga/bumdes-darma-tani").await;
    contains_all(&text, &[&e.enterprise.name, e.enterprise.kind.label_in(Lang::En), "Contact"]);
    assert!(html.contains(&format!("<title>{} — {} Village | Lapak Desa</title>", e.enterprise.name, e.village_name)));

    // The Indonesian page reads as before.
    let (_, text) = islands_page(&app, "/desa/darmaji").await;
    contains_all(&text, &["Penduduk", "Bagikan ke WhatsApp", "Kecamatan "]);
}

async fn the_map_and_the_desk_read_in_english(app: TestApp) {
    let (html, text) = islands_page(&app, "/en/peta").await;
    contains_all(&text, &["Village potential map", "Summary by district", "on the map"]);
    contains_none(&text, &["Ringkasan per kecamatan", "di peta"]);
    assert!(html.contains("<title>Village Potential Map — Lapak Desa</title>"));
    assert!(html.contains("href=\"/en/desa/darmaji\""), "the list links to the English village pages");

    let (html, text) = islands_page(&app, "/en/konsultasi").await;
    contains_all(&text, &["Village business consultations", "Questions and answers"]);
    assert!(html.contains("<title>Village Business Consultations — Lapak Desa</title>"));
}
