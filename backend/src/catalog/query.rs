//! A catalog search answered: the order used, the cursor read, one page of results (one search word, the
//! usual case on a phone, reads each of its indexed words' postings best first and stops early, see
//! [`super::top`]; other searches score every match) with their cards, and the facet counts.

use shared::{CatalogPage, CatalogQuery, CatalogSort, Facets};

use super::{cursor::Cursor, queries::results, search::Expansion, top};
use crate::{
    db::Db,
    error::{AppError, AppResult},
};

/// The order actually used: relevance needs search words.
pub fn effective_sort(q: &CatalogQuery, expansion: &Expansion) -> CatalogSort {
    match (q.sort(), expansion) {
        (CatalogSort::Relevance, Expansion::All { .. }) => CatalogSort::Relevance,
        (CatalogSort::Relevance, _) => CatalogSort::Newest,
        (sort, _) => sort,
    }
}

/// The first page of a search without words, for pages built on the server (a village's or an
/// enterprise's products).
pub async fn browse(db: &Db, q: &CatalogQuery) -> anyhow::Result<CatalogPage> {
    list(db, q, &Expansion::Everything, None).await
}

/// The cursor of the query, read for the order used; a 400 when it is not one of ours.
pub fn cursor(q: &CatalogQuery, expansion: &Expansion) -> AppResult<Option<Cursor>> {
    let sort = effective_sort(q, expansion);
    q.setelah.as_deref().map(|c| Cursor::read(c, sort)).transpose().map_err(|m| AppError::BadRequest(m.into()))
}

/// One page of results, after `after`.
pub async fn list(
    db: &Db,
    q: &CatalogQuery,
    expansion: &Expansion,
    after: Option<Cursor>,
) -> anyhow::Result<CatalogPage> {
    let sort = effective_sort(q, expansion);
    let per = q.per_page() as usize;
    let keys = match (sort, expansion) {
        (_, Expansion::Nothing) => Vec::new(),
        (CatalogSort::Relevance, Expansion::All { words: 1, matches }) => {
            match top::best(db, q, matches, after, per + 1).await? {
                Some(keys) => keys,
                None => results::scored(db, q, expansion, sort, after, per + 1).await?,
            }
        }
        _ => results::scored(db, q, expansion, sort, after, per + 1).await?,
    };
    let next = (keys.len() > per).then(|| keys[per - 1].write(sort));
    let ids: Vec<i64> = keys.iter().take(per).map(|c| c.id).collect();
    Ok(CatalogPage { items: results::cards(db, &ids).await?, next })
}

/// Every result of a search in order, by scoring every match: the reference the early-stopping
/// one-word path is checked against.
pub async fn every_result(db: &Db, q: &CatalogQuery, expansion: &Expansion) -> anyhow::Result<Vec<i64>> {
    let keys = results::scored(db, q, expansion, effective_sort(q, expansion), None, usize::MAX / 2).await?;
    Ok(keys.into_iter().map(|c| c.id).collect())
}

/// Counts by category and by kecamatan, and the total.
pub async fn facets(db: &Db, q: &CatalogQuery, expansion: &Expansion) -> anyhow::Result<Facets> {
    if *expansion == Expansion::Nothing {
        return Ok(Facets { total: 0, categories: Vec::new(), kecamatan: Vec::new() });
    }
    results::facets(db, q, expansion).await
}
