//! Keeps the search index in step with products: each product's words from its name, description,
//! category, producer, shop, enterprise and village, written in the transaction that changed them.

use std::collections::{HashMap, HashSet};

use sqlx::{AnyConnection, Row};

use super::words::{Field, Terms, grams};
use crate::markdown;

/// Rows per multi-row statement (three values each, well under both databases' parameter limits).
const CHUNK: usize = 300;

const SOURCE: &str = "SELECT p.id, p.name, p.description, p.sector, s.name AS shop_name, \
    pr.name AS producer_name, pr.makes AS producer_makes, e.name AS enterprise_name, e.kind AS enterprise_kind, \
    v.name AS village_name, kc.name AS kecamatan_name, kb.name AS kabupaten_name \
    FROM products p JOIN shops s ON s.id = p.shop_id JOIN villages v ON v.id = s.village_id \
    JOIN regions kc ON kc.code = v.kecamatan_code JOIN regions kb ON kb.code = v.kabupaten_code \
    LEFT JOIN producers pr ON pr.id = p.producer_id LEFT JOIN enterprises e ON e.id = s.enterprise_id";

/// Re-indexes the products matching `filter` (SQL over `p`, `s`, `v`, with `id` bound as `$1`).
pub async fn reindex_where(conn: &mut AnyConnection, filter: &str, id: i64) -> anyhow::Result<()> {
    let sql = format!("SELECT p.id FROM products p JOIN shops s ON s.id = p.shop_id WHERE {filter}");
    let ids: Vec<i64> = sqlx::query_scalar(&sql).bind(id).fetch_all(&mut *conn).await?;
    reindex(conn, &ids).await
}

/// Re-indexes these products.
pub async fn reindex(conn: &mut AnyConnection, ids: &[i64]) -> anyhow::Result<()> {
    for chunk in ids.chunks(CHUNK) {
        let list = id_list(chunk);
        let rows =
            sqlx::query(&format!("{SOURCE} WHERE p.id IN ({list})")).persistent(false).fetch_all(&mut *conn).await?;
        let mut products = Vec::with_capacity(rows.len());
        for r in &rows {
            products.push((r.try_get::<i64, _>("id")?, terms_of(r)?));
        }
        let all: HashSet<&str> = products.iter().flat_map(|(_, t)| t.0.keys().map(String::as_str)).collect();
        let term_ids = term_ids(conn, all).await?;
        let delete = format!("DELETE FROM search_postings WHERE product_id IN ({list})");
        sqlx::query(&delete).persistent(false).execute(&mut *conn).await?;
        let postings: Vec<(i64, i64, i64)> = products
            .iter()
            .flat_map(|(product, terms)| {
                terms.0.iter().map(|(term, weight)| (term_ids[term.as_str()], *product, *weight))
            })
            .collect();
        insert_postings(conn, &postings).await?;
    }
    Ok(())
}

fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// The indexed words of one product row.
fn terms_of(r: &sqlx::any::AnyRow) -> anyhow::Result<Terms> {
    let mut terms = Terms::default();
    terms.add(Field::Name, &r.try_get::<String, _>("name")?);
    terms.add(Field::Description, &markdown::to_plain_text(&r.try_get::<String, _>("description")?));
    let sector = shared::Sector::from_code(&r.try_get::<String, _>("sector")?).map(|s| s.label()).unwrap_or_default();
    terms.add(Field::Category, sector);
    for column in ["producer_name", "producer_makes"] {
        terms.add(Field::Producer, &r.try_get::<Option<String>, _>(column)?.unwrap_or_default());
    }
    terms.add(Field::Shop, &r.try_get::<String, _>("shop_name")?);
    terms.add(Field::Enterprise, &r.try_get::<Option<String>, _>("enterprise_name")?.unwrap_or_default());
    let kind = r.try_get::<Option<String>, _>("enterprise_kind")?;
    let kind = kind.as_deref().and_then(shared::EnterpriseKind::from_code).map(|k| k.label()).unwrap_or_default();
    terms.add(Field::Enterprise, kind);
    for column in ["village_name", "kecamatan_name", "kabupaten_name"] {
        terms.add(Field::Place, &r.try_get::<String, _>(column)?);
    }
    Ok(terms)
}

/// The ids of these words in the vocabulary, adding the new ones with their trigrams.
async fn term_ids<'a>(conn: &mut AnyConnection, words: HashSet<&'a str>) -> anyhow::Result<HashMap<&'a str, i64>> {
    let words: Vec<&str> = words.into_iter().collect();
    let mut found = HashMap::with_capacity(words.len());
    for chunk in words.chunks(CHUNK) {
        found.extend(lookup(conn, chunk).await?);
    }
    let missing: Vec<&str> = words.iter().copied().filter(|w| !found.contains_key(w)).collect();
    for chunk in missing.chunks(CHUNK) {
        let params: Vec<String> = (1..=chunk.len()).map(|i| format!("(${i})")).collect();
        let sql = format!("INSERT INTO search_terms (term) VALUES {} ON CONFLICT (term) DO NOTHING", params.join(","));
        let mut insert = sqlx::query(&sql).persistent(false);
        for w in chunk {
            insert = insert.bind(*w);
        }
        insert.execute(&mut *conn).await?;
        let added = lookup(conn, chunk).await?;
        let gram_rows: Vec<(String, i64)> =
            added.iter().flat_map(|(word, id)| grams(word).into_iter().map(move |g| (g, *id))).collect();
        for rows in gram_rows.chunks(CHUNK) {
            let params: Vec<String> = (0..rows.len()).map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2)).collect();
            let sql = format!(
                "INSERT INTO search_grams (gram, term_id) VALUES {} ON CONFLICT (gram, term_id) DO NOTHING",
                params.join(",")
            );
            let mut insert = sqlx::query(&sql).persistent(false);
            for (gram, id) in rows {
                insert = insert.bind(gram).bind(id);
            }
            insert.execute(&mut *conn).await?;
        }
        found.extend(added);
    }
    Ok(found)
}

async fn lookup<'a>(conn: &mut AnyConnection, words: &[&'a str]) -> anyhow::Result<HashMap<&'a str, i64>> {
    let params: Vec<String> = (1..=words.len()).map(|i| format!("${i}")).collect();
    let sql = format!("SELECT id, term FROM search_terms WHERE term IN ({})", params.join(","));
    let mut query = sqlx::query(&sql).persistent(false);
    for w in words {
        query = query.bind(*w);
    }
    let asked: HashMap<&str, &'a str> = words.iter().map(|w| (*w, *w)).collect();
    let mut out = HashMap::with_capacity(words.len());
    for r in query.fetch_all(&mut *conn).await? {
        let term: String = r.try_get("term")?;
        if let Some(w) = asked.get(term.as_str()) {
            out.insert(*w, r.try_get("id")?);
        }
    }
    Ok(out)
}

/// Inserts (term, product, weight) rows in multi-row statements.
async fn insert_postings(conn: &mut AnyConnection, rows: &[(i64, i64, i64)]) -> anyhow::Result<()> {
    for chunk in rows.chunks(CHUNK) {
        // Integers only, written into the statement; not kept prepared, since each is different.
        let values: Vec<String> = chunk.iter().map(|(a, b, c)| format!("({a},{b},{c})")).collect();
        let sql = format!("INSERT INTO search_postings (term_id, product_id, weight) VALUES {}", values.join(","));
        sqlx::query(&sql).persistent(false).execute(&mut *conn).await?;
    }
    Ok(())
}
