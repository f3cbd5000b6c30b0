//! The district's public services arrive with their content in the HTML: the village potential map with
//! its list of villages and its kecamatan table (for the filters in its address too), and the consultation
//! desk with its published questions and answers — the same page for everyone, signed in or not.

use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use shared::format::thousands;
use shared::{FaqEntry, VillageMap};

use super::rendered::{app_text, islands, islands_page};

on_both_databases!(
    the_map_carries_its_list_and_table,
    the_map_renders_the_filter_in_its_address,
    the_desk_carries_its_faq,
    the_desk_is_the_same_page_for_everyone,
);

/// The page of islands at `path` (a 200, no skeleton), its text, and the API's answer at `api` it was
/// rendered from.
async fn rendered_from<T: serde::de::DeserializeOwned>(app: &TestApp, path: &str, api: &str) -> (String, String, T) {
    let (html, text) = islands_page(app, path).await;
    // Without what is left of the hydration markers (`<!--<[…]>-->`), which the text keeps.
    let text = text.split_whitespace().filter(|w| !w.ends_with("-->")).collect::<Vec<_>>().join(" ");
    let answer = serde_json::from_value(app.get_json(api, 200).await).unwrap();
    (html, text, answer)
}

/// "2 toko · 7 produk · 3 lembaga", as the list writes a village's counts.
fn counts(shops: i64, products: i64, enterprises: i64) -> String {
    format!("{} toko · {} produk · {} lembaga", thousands(shops), thousands(products), thousands(enterprises))
}

async fn the_map_carries_its_list_and_table(app: TestApp) {
    let (html, text, map) = rendered_from::<VillageMap>(&app, "/peta", "/api/v1/map").await;
    assert!(html.contains("<title>Peta Potensi Desa — Lapak Desa</title>"), "the map's own head");
    assert!(map.villages.len() >= 5, "the demo villages are on the map");
    assert!(text.contains("Peta potensi desa") && text.contains("Daftar desa"), "{text}");
    // Every village in the list, with its place, flagship product and counts, linking to its page.
    for v in &map.villages {
        assert!(html.contains(&format!("href=\"/desa/{}\"", v.slug)), "{} links to its page", v.name);
        assert!(text.contains(&v.name), "{} is listed: {text}", v.name);
        if let Some(f) = &v.flagship {
            assert!(text.contains(&format!("Produk unggulan: {} ({})", f.name, f.sector.label())), "{}", v.name);
        }
        let figures = counts(v.shops, v.products, v.enterprises);
        let item = format!("Kec. {}", v.kecamatan);
        let listed = text.match_indices(&v.name).any(|(at, _)| {
            let after: String = text[at..].chars().take(300).collect();
            after.contains(&item) && after.contains(&figures)
        });
        assert!(listed, "{}: {item} … {figures}: {text}", v.name);
    }
    let placed = map.villages.iter().filter(|v| v.location().is_some()).count();
    assert!(text.contains(&format!("{} desa, {} di peta", map.villages.len(), placed)), "{text}");
    // The kecamatan table: a row each with its figures, and the total.
    let table = text.split("Ringkasan per kecamatan").nth(1).expect("the kecamatan table");
    for k in &map.kecamatan {
        let figures = [k.villages, k.shops, k.products, k.enterprises].map(thousands).join(" ");
        assert!(table.contains(&k.name) && table.contains(&figures), "{} {figures}: {table}", k.name);
    }
    let total = |pick: fn(&shared::village_map::KecamatanSummary) -> i64| map.kecamatan.iter().map(pick).sum::<i64>();
    let totals = [total(|k| k.villages), total(|k| k.shops), total(|k| k.products), total(|k| k.enterprises)];
    assert_eq!(totals[0], map.villages.len() as i64);
    assert!(table.contains(&format!("Jumlah {}", totals.map(thousands).join(" "))), "the total row: {table}");
    // The markers are drawn on their grid; the tiles wait for the browser.
    assert_eq!(html.matches("class=\"map__marker").count(), placed, "a marker per placed village");
    assert!(!html.contains("map__tile"), "no tile in the server's page");
}

async fn the_map_renders_the_filter_in_its_address(app: TestApp) {
    let whole = app.get_json("/api/v1/map", 200).await;
    let map: VillageMap = serde_json::from_value(whole).unwrap();
    let kecamatan = &map.kecamatan[0];
    let path = format!("/peta?kecamatan={}", kecamatan.code);
    // Rendered from the same whole map, filtered as the page filters it in the browser.
    let (html, text, _) = rendered_from::<VillageMap>(&app, &path, "/api/v1/map").await;
    for v in &map.villages {
        let listed = html.contains(&format!("href=\"/desa/{}\"", v.slug));
        assert_eq!(listed, v.kecamatan_code == kecamatan.code, "{} for {path}: {text}", v.name);
    }
    assert!(text.contains("Hapus filter"), "{text}");
    // The map itself is an island of its own bundle, started from the villages the filter leaves.
    assert!(html.contains("<lapak-island data-map="), "the map is an island");
    // The filter form sent without JavaScript lands on the address the app writes.
    let sent = format!("/peta?kecamatan={}&sektor=&urut=produk", kecamatan.code);
    let res = app.get(&sent).await;
    assert_eq!(res.status(), 303, "{sent}");
    assert_eq!(res.headers()["location"], format!("/peta?kecamatan={}&urut=produk", kecamatan.code).as_str());
}

async fn the_desk_carries_its_faq(app: TestApp) {
    let (html, text, faq) = rendered_from::<Vec<FaqEntry>>(&app, "/konsultasi", "/api/v1/consultations/faq").await;
    assert!(html.contains("<title>Konsultasi Usaha Desa — Lapak Desa</title>") && !html.contains("noindex"));
    assert!(!faq.is_empty(), "the demo desk has published answers");
    assert!(text.contains("Konsultasi usaha desa") && text.contains("Tanya-jawab"), "{text}");
    // The way in is the island that knows who is signed in.
    assert!(islands(&html).iter().any(|(name, _)| name == "desk-way-in"), "the desk's way in is an island");
    for e in &faq {
        for part in
            [&e.question, &e.answer, e.topic.label()].map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        {
            assert!(text.contains(&part), "{part:?} is in the page: {text}");
        }
    }
    assert!(faq.iter().any(|e| e.question.contains("PIRT")), "the demo's PIRT question");
    // Without JavaScript the way in is a plain link to the workspace's form.
    assert!(html.contains("href=\"/konsultasi/baru\""), "asking is a link");
}

async fn the_desk_is_the_same_page_for_everyone(app: TestApp) {
    let consultant = app.session_for(app.user_id("081152010100").await).await;
    for (who, cookie) in [("a consultant", Some(consultant.as_str())), ("a guest", None)] {
        let res = app.call(Method::GET, "/konsultasi", cookie, None).await;
        assert_eq!(res.status(), 200, "{who}");
        let html = res.text().await.unwrap();
        let text = app_text(&html);
        assert!(text.contains("Masuk atau daftar dulu"), "{who} gets the public page: {text}");
        for personal in ["Konsultasi saya", "antrian", "/konsultasi/saya"] {
            assert!(!html.contains(personal), "{who}: {personal:?} is not in the page");
        }
    }
}
