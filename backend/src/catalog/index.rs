//! Keeps the search index in step with products: each product's words from its name and description (the
//! seller's English ones too, so that "coffee" finds "Kopi Robusta" named "Robusta Coffee"), category,
//! producer, shop, enterprise and village, written in the transaction that changed them.

use std::collections::{HashMap, HashSet};

use sqlx::AnyConnection;

use super::{
    queries::index::{self as queries, Source},
    words::{Field, Terms, grams},
};
use crate::markdown;

/// Rows per multi-row statement (three values each, well under both databases' parameter limits).
const CHUNK: usize = 300;

/// Re-indexes the products matching `filter` (SQL over `p`, `s`, `v`, with `id` bound as `$1`).
pub async fn reindex_where(conn: &mut AnyConnection, filter: &str, id: i64) -> anyhow::Result<()> {
    let ids = queries::product_ids_where(&mut *conn, filter, id).await?;
    reindex(conn, &ids).await
}

/// Re-indexes these products.
pub async fn reindex(conn: &mut AnyConnection, ids: &[i64]) -> anyhow::Result<()> {
    for chunk in ids.chunks(CHUNK) {
        let products: Vec<(i64, Terms)> =
            queries::sources(&mut *conn, chunk).await?.into_iter().map(|s| (s.id, terms_of(s))).collect();
        let all: HashSet<&str> = products.iter().flat_map(|(_, t)| t.0.keys().map(String::as_str)).collect();
        let term_ids = term_ids(conn, all).await?;
        queries::delete_postings(&mut *conn, chunk).await?;
        let postings: Vec<(i64, i64, i64)> = products
            .iter()
            .flat_map(|(product, terms)| {
                terms.0.iter().map(|(term, weight)| (term_ids[term.as_str()], *product, *weight))
            })
            .collect();
        for rows in postings.chunks(CHUNK) {
            queries::add_postings(&mut *conn, rows).await?;
        }
    }
    Ok(())
}

/// The indexed words of one product.
fn terms_of(s: Source) -> Terms {
    let mut terms = Terms::default();
    terms.add(Field::Name, &s.name);
    terms.add(Field::Name, &s.name_en.unwrap_or_default());
    terms.add(Field::Description, &markdown::to_plain_text(&s.description));
    terms.add(Field::Description, &markdown::to_plain_text(&s.description_en.unwrap_or_default()));
    let sector = shared::Sector::from_code(&s.sector).map(|s| s.label()).unwrap_or_default();
    terms.add(Field::Category, sector);
    for producer in [s.producer_name, s.producer_makes] {
        terms.add(Field::Producer, &producer.unwrap_or_default());
    }
    terms.add(Field::Shop, &s.shop_name);
    terms.add(Field::Enterprise, &s.enterprise_name.unwrap_or_default());
    let kind = s.enterprise_kind.as_deref().and_then(shared::EnterpriseKind::from_code).map(|k| k.label());
    terms.add(Field::Enterprise, kind.unwrap_or_default());
    for place in [s.village_name, s.kecamatan_name, s.kabupaten_name] {
        terms.add(Field::Place, &place);
    }
    terms
}

/// The ids of these words in the vocabulary, adding the new ones with their trigrams.
async fn term_ids<'a>(conn: &mut AnyConnection, words: HashSet<&'a str>) -> anyhow::Result<HashMap<&'a str, i64>> {
    let words: Vec<&str> = words.into_iter().collect();
    let mut found = HashMap::with_capacity(words.len());
    for chunk in words.chunks(CHUNK) {
        found.extend(queries::term_ids(&mut *conn, chunk).await?);
    }
    let missing: Vec<&str> = words.iter().copied().filter(|w| !found.contains_key(w)).collect();
    for chunk in missing.chunks(CHUNK) {
        queries::add_terms(&mut *conn, chunk).await?;
        let added = queries::term_ids(&mut *conn, chunk).await?;
        let gram_rows: Vec<(String, i64)> =
            added.iter().flat_map(|(word, id)| grams(word).into_iter().map(move |g| (g, *id))).collect();
        for rows in gram_rows.chunks(CHUNK) {
            queries::add_grams(&mut *conn, rows).await?;
        }
        found.extend(added);
    }
    Ok(found)
}
