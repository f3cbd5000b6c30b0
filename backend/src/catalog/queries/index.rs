//! SQL of the search index: what each product is indexed by (its name and description in Indonesian and, when
//! its seller gave them, in English; category, producer, shop, enterprise and places), the vocabulary with its trigrams, and the postings (word, product, weight).

use std::collections::HashMap;

use sqlx::{AnyConnection, Row};

const SOURCE: &str = "SELECT p.id, p.name, p.description, p.name_en, p.description_en, p.sector, s.name AS shop_name, \
    pr.name AS producer_name, pr.makes AS producer_makes, e.name AS enterprise_name, e.kind AS enterprise_kind, \
    v.name AS village_name, kc.name AS kecamatan_name, kb.name AS kabupaten_name \
    FROM products p JOIN shops s ON s.id = p.shop_id JOIN villages v ON v.id = s.village_id \
    JOIN regions kc ON kc.code = v.kecamatan_code JOIN regions kb ON kb.code = v.kabupaten_code \
    LEFT JOIN producers pr ON pr.id = p.producer_id LEFT JOIN enterprises e ON e.id = s.enterprise_id";

/// What a product is indexed by, as stored.
pub struct Source {
    pub id: i64,
    pub name: String,
    /// Markdown.
    pub description: String,
    /// The seller's English name, if any.
    pub name_en: Option<String>,
    /// The seller's English description (Markdown), if any.
    pub description_en: Option<String>,
    /// The category's code.
    pub sector: String,
    pub shop_name: String,
    pub producer_name: Option<String>,
    pub producer_makes: Option<String>,
    pub enterprise_name: Option<String>,
    /// The enterprise kind's code.
    pub enterprise_kind: Option<String>,
    pub village_name: String,
    pub kecamatan_name: String,
    pub kabupaten_name: String,
}

/// The products matching `filter` (SQL over `p`, `s`, `v`, with `id` bound as `$1`).
pub async fn product_ids_where(conn: &mut AnyConnection, filter: &str, id: i64) -> sqlx::Result<Vec<i64>> {
    let sql = format!("SELECT p.id FROM products p JOIN shops s ON s.id = p.shop_id WHERE {filter}");
    sqlx::query_scalar(&sql).bind(id).fetch_all(conn).await
}

fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// What these products (a non-empty list) are indexed by.
pub async fn sources(conn: &mut AnyConnection, ids: &[i64]) -> sqlx::Result<Vec<Source>> {
    let list = id_list(ids);
    let rows = sqlx::query(&format!("{SOURCE} WHERE p.id IN ({list})")).persistent(false).fetch_all(conn).await?;
    rows.iter()
        .map(|r| {
            Ok(Source {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                description: r.try_get("description")?,
                name_en: r.try_get("name_en")?,
                description_en: r.try_get("description_en")?,
                sector: r.try_get("sector")?,
                shop_name: r.try_get("shop_name")?,
                producer_name: r.try_get("producer_name")?,
                producer_makes: r.try_get("producer_makes")?,
                enterprise_name: r.try_get("enterprise_name")?,
                enterprise_kind: r.try_get("enterprise_kind")?,
                village_name: r.try_get("village_name")?,
                kecamatan_name: r.try_get("kecamatan_name")?,
                kabupaten_name: r.try_get("kabupaten_name")?,
            })
        })
        .collect()
}

/// Forgets the postings of these products (a non-empty list).
pub async fn delete_postings(conn: &mut AnyConnection, ids: &[i64]) -> sqlx::Result<()> {
    let delete = format!("DELETE FROM search_postings WHERE product_id IN ({})", id_list(ids));
    sqlx::query(&delete).persistent(false).execute(conn).await?;
    Ok(())
}

/// Adds these words to the vocabulary (those already there stay as they are).
pub async fn add_terms(conn: &mut AnyConnection, words: &[&str]) -> sqlx::Result<()> {
    let params: Vec<String> = (1..=words.len()).map(|i| format!("(${i})")).collect();
    let sql = format!("INSERT INTO search_terms (term) VALUES {} ON CONFLICT (term) DO NOTHING", params.join(","));
    let mut insert = sqlx::query(&sql).persistent(false);
    for w in words {
        insert = insert.bind(*w);
    }
    insert.execute(conn).await?;
    Ok(())
}

/// Adds (trigram, word id) rows (those already there stay).
pub async fn add_grams(conn: &mut AnyConnection, rows: &[(String, i64)]) -> sqlx::Result<()> {
    let params: Vec<String> = (0..rows.len()).map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2)).collect();
    let sql = format!(
        "INSERT INTO search_grams (gram, term_id) VALUES {} ON CONFLICT (gram, term_id) DO NOTHING",
        params.join(",")
    );
    let mut insert = sqlx::query(&sql).persistent(false);
    for (gram, id) in rows {
        insert = insert.bind(gram).bind(id);
    }
    insert.execute(conn).await?;
    Ok(())
}

/// The ids of those of these words that are in the vocabulary.
pub async fn term_ids<'a>(conn: &mut AnyConnection, words: &[&'a str]) -> sqlx::Result<HashMap<&'a str, i64>> {
    let params: Vec<String> = (1..=words.len()).map(|i| format!("${i}")).collect();
    let sql = format!("SELECT id, term FROM search_terms WHERE term IN ({})", params.join(","));
    let mut query = sqlx::query(&sql).persistent(false);
    for w in words {
        query = query.bind(*w);
    }
    let asked: HashMap<&str, &'a str> = words.iter().map(|w| (*w, *w)).collect();
    let mut out = HashMap::with_capacity(words.len());
    for r in query.fetch_all(conn).await? {
        let term: String = r.try_get("term")?;
        if let Some(w) = asked.get(term.as_str()) {
            out.insert(*w, r.try_get("id")?);
        }
    }
    Ok(out)
}

/// Inserts (term, product, weight) rows in one statement.
pub async fn add_postings(conn: &mut AnyConnection, rows: &[(i64, i64, i64)]) -> sqlx::Result<()> {
    // Integers only, written into the statement; not kept prepared, since each is different.
    let values: Vec<String> = rows.iter().map(|(a, b, c)| format!("({a},{b},{c})")).collect();
    let sql = format!("INSERT INTO search_postings (term_id, product_id, weight) VALUES {}", values.join(","));
    sqlx::query(&sql).persistent(false).execute(conn).await?;
    Ok(())
}
