//! Search as shoppers type it: the committed acceptance list (tests/search/acceptance.toml) must pass
//! completely on both databases, and both must rank the first page the same.

use lapak_tests::{DEMO_PASSWORD, Engine, TestApp, on_both_databases};
use reqwest::Method;
use serde::Deserialize;
use shared::CatalogPage;

on_both_databases!(
    acceptance_list_finds_what_shoppers_mean,
    renamed_places_and_enterprises_are_found_anew,
    early_stopping_pages_equal_scoring_everything
);

#[derive(Deserialize)]
struct Acceptance {
    query: Vec<Expected>,
    negative: Vec<Negative>,
}

#[derive(Deserialize)]
struct Expected {
    q: String,
    finds: Vec<String>,
    /// Products that must not be on the first page (words that only look alike).
    #[serde(default)]
    never: Vec<String>,
}

#[derive(Deserialize)]
struct Negative {
    q: String,
}

fn acceptance() -> Acceptance {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/search/acceptance.toml");
    toml::from_str(&std::fs::read_to_string(path).expect("the acceptance list")).expect("a valid acceptance list")
}

/// The first page (24) of a search, as (id, name).
async fn first_page(app: &TestApp, q: &str) -> Vec<(i64, String)> {
    let path = format!("/api/v1/catalog?q={}", shared::phone::percent_encode(q));
    let page: CatalogPage = serde_json::from_value(app.get_json(&path, 200).await).expect("a catalog page");
    page.items.into_iter().map(|p| (p.id, p.name)).collect()
}

async fn acceptance_list_finds_what_shoppers_mean(app: TestApp) {
    let list = acceptance();
    assert!(list.query.len() >= 30, "at least 30 real queries");
    let mut failures = Vec::new();
    for expected in &list.query {
        let names: Vec<String> = first_page(&app, &expected.q).await.into_iter().map(|(_, n)| n).collect();
        let missing: Vec<&String> = expected.finds.iter().filter(|f| !names.contains(f)).collect();
        if !missing.is_empty() {
            failures.push(format!("\"{}\" misses {missing:?}; found {names:?}", expected.q));
        }
        let wrong: Vec<&String> = expected.never.iter().filter(|n| names.contains(n)).collect();
        if !wrong.is_empty() {
            failures.push(format!("\"{}\" should not find {wrong:?}", expected.q));
        }
    }
    for negative in &list.negative {
        let names: Vec<String> = first_page(&app, &negative.q).await.into_iter().map(|(_, n)| n).collect();
        if !names.is_empty() {
            failures.push(format!("\"{}\" should find nothing; found {names:?}", negative.q));
        }
    }
    let total = list.query.len() + list.negative.len();
    assert!(failures.is_empty(), "{} of {total} queries fail:\n{}", failures.len(), failures.join("\n"));
}

/// The same demo data on both databases gives the same first page, in the same order, for every query.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_databases_rank_alike() {
    let Some(sqlite) = TestApp::spawn(Engine::Sqlite).await else { return };
    let Some(postgres) = TestApp::spawn(Engine::Postgres).await else { return };
    let list = acceptance();
    let queries = list.query.iter().map(|e| &e.q).chain(list.negative.iter().map(|n| &n.q));
    let mut differ = Vec::new();
    for q in queries {
        let (a, b) = (first_page(&sqlite, q).await, first_page(&postgres, q).await);
        if a != b {
            differ.push(format!("\"{q}\": SQLite {a:?}\nPostgreSQL {b:?}"));
        }
    }
    assert!(differ.is_empty(), "the databases rank differently:\n{}", differ.join("\n"));
}

/// A village or enterprise renamed by its admin: its products are found by the new name at once.
async fn renamed_places_and_enterprises_are_found_anew(app: TestApp) {
    let admin = app.sign_in("081152020001", DEMO_PASSWORD).await;
    let id: i64 =
        sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'darmaji'").fetch_one(&app.db().pool).await.unwrap();
    let names = |page: Vec<(i64, String)>| page.into_iter().map(|(_, n)| n).collect::<Vec<_>>();
    assert!(first_page(&app, "cahaya bumi").await.is_empty());
    assert!(first_page(&app, "beras permai").await.is_empty());

    let enterprises = format!("/api/v1/admin/villages/{id}/enterprises");
    let list = app.call_json(Method::GET, &enterprises, Some(&admin), None, 200).await;
    let bumdes = list.as_array().unwrap().iter().find(|e| e["name"] == "BUMDes Darma Tani").unwrap().clone();
    let mut form = bumdes.clone();
    form["name"] = "BUMDes Cahaya Bumi".into();
    app.call_json(Method::PUT, &format!("{enterprises}/{}", bumdes["id"]), Some(&admin), Some(&form), 200).await;
    assert!(names(first_page(&app, "cahaya bumi").await).contains(&"Sambal Terasi Lombok 150 g".to_owned()));

    let profile = format!("/api/v1/admin/villages/{id}/profile");
    let mut form = app.call_json(Method::GET, &profile, Some(&admin), None, 200).await;
    form["name"] = "Darmaji Permai".into();
    app.call_json(Method::PUT, &profile, Some(&admin), Some(&form), 200).await;
    assert!(names(first_page(&app, "beras permai").await).contains(&"Beras Putih Darmaji 5 kg".to_owned()));
}

/// The one-word path reads postings best first and stops early; paged three at a time, with and
/// without filters, it gives exactly the order of scoring every match.
async fn early_stopping_pages_equal_scoring_everything(app: TestApp) {
    use backend::catalog::{query, search};
    let mut several = 0;
    for words in
        ["kripik", "madu", "tenun", "dodol", "kopi", "ikan", "gula", "sambal", "manggis", "kerajinan", "lombok"]
    {
        for filter in ["", "&kategori=olahan", "&tersedia=true", "&harga_max=50000"] {
            let path = format!("/api/v1/catalog?q={words}{filter}&per=3");
            let mut paged = Vec::new();
            let mut page: CatalogPage = serde_json::from_value(app.get_json(&path, 200).await).unwrap();
            loop {
                paged.extend(page.items.iter().map(|p| p.id));
                let Some(next) = page.next else { break };
                page = serde_json::from_value(app.get_json(&format!("{path}&setelah={next}"), 200).await).unwrap();
            }
            let q: shared::CatalogQuery = serde_json::from_value(serde_json::json!({})).unwrap();
            let q = shared::CatalogQuery {
                q: Some(words.into()),
                kategori: filter.contains("olahan").then_some(shared::Sector::Olahan),
                tersedia: filter.contains("tersedia").then_some(true),
                harga_max: filter.contains("harga_max").then_some(50_000),
                ..q
            };
            let expansion = search::expand(app.db(), words).await.unwrap();
            if let search::Expansion::All { matches, .. } = &expansion {
                several += usize::from(matches.len() > 1);
            }
            let reference = query::every_result(app.db(), &q, &expansion).await.unwrap();
            assert_eq!(paged, reference, "\"{words}\"{filter}");
        }
    }
    assert!(several > 0, "some words stand for several indexed words");
}
