//! The best products for a one-word search without scoring every match. Postings are keyed by weight,
//! so each indexed word standing for the search word is read best first, through the filters, only as
//! far as needed; products are merged by their best match. The answer is exact: a list cut short is
//! read further until its last entry ranks below the page's last result.

use shared::CatalogQuery;

use super::{cursor::Cursor, queries::top as queries, search::Match};
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
            let rows = queries::postings(db, q, m, after, limit).await?;
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
            queries::best_keys(db, matches, &candidates).await?
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
