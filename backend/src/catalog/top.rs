//! The best products for a one-word search without scoring every match. Postings are keyed by weight,
//! so each indexed word standing for the search word is read best first, through the filters, only as
//! far as needed; products are merged by their best match. The answer is exact: a list cut short is
//! read further until its last entry ranks below the page's last result.

use std::collections::HashMap;

use shared::CatalogQuery;
use sqlx::Row;

use super::{
    cursor::Cursor,
    search::Match,
    sql::{Binds, Omit, conditions},
};
use crate::db::Db;

/// Entries read per list before it is read further, at most (beyond it, scoring every match is cheaper).
const LONGEST: usize = 4096;

/// The keys (best score, id) of the next `need` results after `after`, best first; `None` when the
/// lists would have to be read too far.
pub async fn best(
    db: &Db,
    q: &CatalogQuery,
    matches: &[Match],
    after: Option<Cursor>,
    need: usize,
) -> anyhow::Result<Option<Vec<Cursor>>> {
    let mut limit = (need * 2).max(16);
    while limit <= LONGEST {
        let mut read: Vec<Cursor> = Vec::new();
        let mut cut: Vec<Cursor> = Vec::new();
        for m in matches {
            let rows = list(db, q, m, after, limit).await?;
            if rows.len() == limit
                && let Some(last) = rows.last()
            {
                cut.push(*last);
            }
            read.extend(rows);
        }
        // With one indexed word a product's entry is its best; with several, its best over all of them.
        let mut results: Vec<Cursor> = if matches.len() == 1 {
            read
        } else {
            let mut candidates: Vec<i64> = read.iter().map(|c| c.id).collect();
            candidates.sort_unstable();
            candidates.dedup();
            best_keys(db, matches, &candidates).await?
        };
        results.retain(|c| after.is_none_or(|a| (c.key, c.id) < (a.key, a.id)));
        results.sort_by_key(|c| std::cmp::Reverse((c.key, c.id)));
        results.truncate(need);
        let complete = match results.get(need - 1) {
            Some(last) => cut.iter().all(|c| (c.key, c.id) < (last.key, last.id)),
            None => cut.is_empty(),
        };
        if complete {
            return Ok(Some(results));
        }
        limit *= 4;
    }
    Ok(None)
}

/// One indexed word's listed products within the filters, best first: (weight × quality, id).
async fn list(
    db: &Db,
    q: &CatalogQuery,
    m: &Match,
    after: Option<Cursor>,
    limit: usize,
) -> anyhow::Result<Vec<Cursor>> {
    let mut binds = Binds::default();
    let filter = conditions(q, &mut binds, Omit::default());
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
async fn best_keys(db: &Db, matches: &[Match], ids: &[i64]) -> anyhow::Result<Vec<Cursor>> {
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
