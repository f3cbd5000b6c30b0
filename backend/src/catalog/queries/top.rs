//! SQL of the one-word search that stops early: one indexed word's postings within the filters, best
//! first, and the best score of some products over several indexed words.

use std::collections::HashMap;

use shared::CatalogQuery;
use sqlx::Row;

use super::filters::{Binds, Omit, conditions};
use crate::{
    catalog::{cursor::Cursor, search::Match},
    db::Db,
};

/// One indexed word's listed products within the filters, best first: (weight × quality, id).
pub async fn postings(
    db: &Db,
    q: &CatalogQuery,
    m: &Match,
    after: Option<Cursor>,
    limit: usize,
) -> anyhow::Result<Vec<Cursor>> {
    let today = db.today();
    let mut binds = Binds::default();
    let filter = conditions(q, &mut binds, Omit::default(), &today);
    // Integers we computed, written into the statement; the weight bound lets the index start there.
    let (term, quality) = (m.term_id, m.quality);
    let after = match after {
        Some(c) => format!(
            " AND sp.weight <= {} AND (sp.weight * {quality} < {} OR sp.product_id < {})",
            c.key.div_euclid(quality),
            c.key,
            c.id
        ),
        None => String::new(),
    };
    let sql = format!(
        "SELECT sp.product_id, sp.weight FROM search_postings sp CROSS JOIN products p CROSS JOIN shops s \
         WHERE sp.term_id = {term} AND p.id = sp.product_id AND s.id = p.shop_id AND {filter}{after} \
         ORDER BY sp.weight DESC, sp.product_id DESC LIMIT {limit}"
    );
    let rows = binds.query(&sql).persistent(false).fetch_all(&db.pool).await?;
    rows.iter()
        .map(|r| Ok(Cursor { key: r.try_get::<i64, _>("weight")? * quality, id: r.try_get("product_id")? }))
        .collect()
}

/// Each product's best score over all the indexed words standing for the search word.
pub async fn best_keys(db: &Db, matches: &[Match], ids: &[i64]) -> anyhow::Result<Vec<Cursor>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let cases: String = matches.iter().map(|m| format!(" WHEN {} THEN {}", m.term_id, m.quality)).collect();
    let terms = matches.iter().map(|m| m.term_id.to_string()).collect::<Vec<_>>().join(",");
    let products = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let sql = format!(
        "SELECT product_id, MAX(weight * CASE term_id{cases} ELSE 0 END) AS best FROM search_postings \
         WHERE product_id IN ({products}) AND term_id IN ({terms}) GROUP BY product_id"
    );
    let rows = sqlx::query(&sql).persistent(false).fetch_all(&db.pool).await?;
    let mut keys: HashMap<i64, i64> = HashMap::with_capacity(rows.len());
    for r in &rows {
        keys.insert(r.try_get("product_id")?, r.try_get("best")?);
    }
    Ok(keys.into_iter().map(|(id, key)| Cursor { key, id }).collect())
}
