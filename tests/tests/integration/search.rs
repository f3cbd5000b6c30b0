//! Search as shoppers type it: the committed acceptance list (tests/search/acceptance.toml) must pass
//! completely on both databases, and both must rank the first page the same.

use lapak_tests::{Engine, TestApp, on_both_databases};
use serde::Deserialize;
use shared::CatalogPage;

on_both_databases!(acceptance_list_finds_what_shoppers_mean);

#[derive(Deserialize)]
struct Acceptance {
    query: Vec<Expected>,
    negative: Vec<Negative>,
}

#[derive(Deserialize)]
struct Expected {
    q: String,
    finds: Vec<String>,
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
