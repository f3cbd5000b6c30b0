//! Everything the village page shows: its profile and content in one query, its products from the
//! catalog, or where an old slug went.

use shared::VillageDetail;

use super::queries::{Lookup, detail, summary_by_slug};
use crate::db::{Db, now_ms};

/// The page of the village with this slug (or where an old slug went).
pub async fn detail_by_slug(db: &Db, slug: &str) -> anyhow::Result<Lookup<VillageDetail>> {
    let Some(mut page) = detail::page(db, slug, now_ms()).await? else {
        return Ok(match summary_by_slug(db, slug).await? {
            Lookup::Moved(to) => Lookup::Moved(to),
            _ => Lookup::Missing,
        });
    };
    page.products = products(db, slug).await?;
    Ok(Lookup::Found(page))
}

/// The village's products on sale: the catalog's first page for the village, newest first.
async fn products(db: &Db, slug: &str) -> anyhow::Result<Vec<shared::ProductSummary>> {
    let q = shared::CatalogQuery { desa: Some(slug.to_owned()), ..shared::CatalogQuery::default() };
    Ok(crate::catalog::query::browse(db, &q).await?.items)
}
