//! The catalog's SQL: listed products narrowed by the filters, matched to the search words (scoring every
//! match), sorted and paged by key, then their cards; and the facet counts of the same search.

use std::collections::HashMap;

use shared::{CatalogQuery, CatalogSort, Facets, ProductSummary, catalog::CategoryCount, catalog::PlaceCount};
use sqlx::Row;

use super::filters::{Binds, Omit, conditions};
use crate::{
    catalog::{
        cursor::Cursor,
        search::{Expansion, Match},
    },
    certificates,
    db::Db,
    products::queries::{CARD, CARD_FROM, card},
};

/// The cards of these products, in this order.
pub async fn cards(db: &Db, ids: &[i64]) -> anyhow::Result<Vec<ProductSummary>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let sql = format!("SELECT {CARD} {CARD_FROM} WHERE p.id IN ({list})");
    let rows = sqlx::query(&sql).persistent(false).fetch_all(&db.pool).await?;
    let mut by_id: HashMap<i64, ProductSummary> = HashMap::with_capacity(rows.len());
    let mut badges = certificates::queries::shown_kinds(db, ids).await?;
    for r in &rows {
        let mut c = card(r)?;
        c.certified = badges.remove(&c.id).unwrap_or_default();
        by_id.insert(c.id, c);
    }
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// The start of a statement over the matching products: with search words, the products holding all
/// of them with their score; without, every product (score 0).
fn source(expansion: &Expansion) -> (String, &'static str, &'static str) {
    match expansion {
        Expansion::All { words, matches } => (
            format!(
                "WITH {}, hits AS (SELECT sp.product_id, m.word, MAX(sp.weight * m.quality) AS best \
                 FROM search_postings sp JOIN m ON m.term_id = sp.term_id GROUP BY sp.product_id, m.word), \
                 scored AS (SELECT product_id, CAST(SUM(best) AS BIGINT) AS score FROM hits GROUP BY product_id \
                 HAVING COUNT(*) = {words}) ",
                matches_table(matches)
            ),
            "FROM scored CROSS JOIN products p CROSS JOIN shops s",
            "scored.product_id = p.id AND ",
        ),
        _ => (String::new(), "FROM products p CROSS JOIN shops s", ""),
    }
}

/// The keys of the next `limit` results by scoring every match (or reading the whole list in order).
pub async fn scored(
    db: &Db,
    q: &CatalogQuery,
    expansion: &Expansion,
    sort: CatalogSort,
    after: Option<Cursor>,
    limit: usize,
) -> anyhow::Result<Vec<Cursor>> {
    let today = db.today();
    let mut binds = Binds::default();
    let mut filter = conditions(q, &mut binds, Omit::default(), &today);
    let rank = rating_rank();
    let (key, descending) = match sort {
        CatalogSort::Relevance => ("scored.score", true),
        CatalogSort::Newest => ("p.created_at", true),
        CatalogSort::PriceUp => ("p.price", false),
        CatalogSort::PriceDown => ("p.price", true),
        CatalogSort::Rating => (rank.as_str(), true),
    };
    let (order, compare) = if descending { ("DESC", "<") } else { ("ASC", ">") };
    if let Some(c) = after {
        let (k, id) = (binds.int(c.key), binds.int(c.id));
        filter.push_str(&format!(" AND ({key} {compare} {k} OR ({key} = {k} AND p.id {compare} {id}))"));
    }
    let limit = binds.int(limit as i64);
    let (with, from, joined) = source(expansion);
    let sql = format!(
        "{with}SELECT p.id, {key} AS sort_key {from} WHERE {joined}s.id = p.shop_id AND {filter} \
         ORDER BY {key} {order}, p.id {order} LIMIT {limit}"
    );
    let rows = binds.query(&sql).persistent(with.is_empty()).fetch_all(&db.pool).await?;
    rows.iter().map(|r| Ok(Cursor { key: r.try_get("sort_key")?, id: r.try_get("id")? })).collect()
}

/// `shared::catalog::rating_rank` in SQL (integer division on both databases).
fn rating_rank() -> String {
    use shared::catalog::{RANK_PRIOR_COUNT, RANK_PRIOR_MEAN};
    format!(
        "(CASE WHEN p.rating_count = 0 THEN 0 ELSE (p.rating_stars * 1000 + {}) / (p.rating_count + {RANK_PRIOR_COUNT}) END)",
        RANK_PRIOR_COUNT * RANK_PRIOR_MEAN
    )
}

/// Counts by category and by kecamatan, and the total, of a search with words that match something (or
/// none).
pub async fn facets(db: &Db, q: &CatalogQuery, expansion: &Expansion) -> anyhow::Result<Facets> {
    let (with, from, joined) = source(expansion);
    let persistent = with.is_empty();
    let from = format!("{from} CROSS JOIN villages v");
    let joined = format!("{joined}s.id = p.shop_id AND v.id = s.village_id AND");
    let today = db.today();

    let mut binds = Binds::default();
    let filter = conditions(q, &mut binds, Omit::default(), &today);
    let sql = format!("{with}SELECT COUNT(*) {from} WHERE {joined} {filter}");
    let total: i64 = binds.query(&sql).persistent(persistent).fetch_one(&db.pool).await?.try_get(0)?;

    let mut binds = Binds::default();
    let filter = conditions(q, &mut binds, Omit { category: true, place: false }, &today);
    let sql = format!("{with}SELECT p.sector, COUNT(*) AS n {from} WHERE {joined} {filter} GROUP BY p.sector");
    let mut categories = Vec::new();
    for r in binds.query(&sql).persistent(persistent).fetch_all(&db.pool).await? {
        if let Some(sector) = shared::Sector::from_code(&r.try_get::<String, _>("sector")?) {
            categories.push(CategoryCount { sector, count: r.try_get("n")? });
        }
    }
    categories.sort_by(|a, b| b.count.cmp(&a.count).then(a.sector.cmp(&b.sector)));

    let mut binds = Binds::default();
    let filter = conditions(q, &mut binds, Omit { category: false, place: true }, &today);
    let sql = format!(
        "{with}SELECT v.kecamatan_code, kc.name AS kecamatan, kb.name AS kabupaten, COUNT(*) AS n {from} \
         CROSS JOIN regions kc CROSS JOIN regions kb \
         WHERE {joined} kc.code = v.kecamatan_code AND kb.code = v.kabupaten_code AND {filter} \
         GROUP BY v.kecamatan_code, kc.name, kb.name ORDER BY n DESC, kc.name"
    );
    let mut kecamatan = Vec::new();
    for r in binds.query(&sql).persistent(persistent).fetch_all(&db.pool).await? {
        kecamatan.push(PlaceCount {
            code: r.try_get("kecamatan_code")?,
            name: r.try_get("kecamatan")?,
            kabupaten: r.try_get("kabupaten")?,
            count: r.try_get("n")?,
        });
    }
    Ok(Facets { total, categories, kecamatan })
}

/// The matches as a common table `m(term_id, word, quality)`: integers we computed, written into the
/// statement.
fn matches_table(matches: &[Match]) -> String {
    let rows: Vec<String> = matches.iter().map(|m| format!("({}, {}, {})", m.term_id, m.word, m.quality)).collect();
    format!("m (term_id, word, quality) AS (VALUES {})", rows.join(", "))
}
