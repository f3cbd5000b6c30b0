//! The catalog's SQL: listed products narrowed by the filters, matched to the search words, sorted
//! and paged by key; and the facet counts of the same search.

use shared::{CatalogPage, CatalogQuery, CatalogSort, Facets, catalog::CategoryCount, catalog::PlaceCount};
use sqlx::{Row, any::AnyArguments};

use super::{cursor::Cursor, search::Expansion};
use crate::{
    db::Db,
    error::{AppError, AppResult},
    products::queries::{CARD, CARD_FROM, LISTED, card},
};

/// Values bound to a statement, numbered as they are added.
#[derive(Default)]
struct Binds(Vec<Value>);

enum Value {
    Int(i64),
    Text(String),
}

impl Binds {
    fn int(&mut self, v: i64) -> String {
        self.0.push(Value::Int(v));
        format!("${}", self.0.len())
    }

    fn text(&mut self, v: &str) -> String {
        self.0.push(Value::Text(v.to_owned()));
        format!("${}", self.0.len())
    }

    fn query<'q>(&'q self, sql: &'q str) -> sqlx::query::Query<'q, sqlx::Any, AnyArguments<'q>> {
        let mut query = sqlx::query(sql);
        for v in &self.0 {
            query = match v {
                Value::Int(i) => query.bind(*i),
                Value::Text(t) => query.bind(t.as_str()),
            };
        }
        query
    }
}

/// Filters a facet leaves out, so it counts what choosing another value would give.
#[derive(Clone, Copy, Default)]
struct Omit {
    category: bool,
    place: bool,
}

/// The conditions of the query's filters over `p`, `s` and `v`, listed products only.
fn conditions(q: &CatalogQuery, binds: &mut Binds, omit: Omit) -> String {
    let mut all = vec![LISTED.to_owned()];
    if !omit.place {
        if let Some(slug) = &q.desa {
            all.push(format!("v.slug = {}", binds.text(slug)));
        }
        if let Some(code) = &q.kecamatan {
            all.push(format!("v.kecamatan_code = {}", binds.text(code)));
        }
    }
    if let Some(code) = &q.kabupaten {
        all.push(format!("v.kabupaten_code = {}", binds.text(code)));
    }
    if let (Some(sector), false) = (q.kategori, omit.category) {
        all.push(format!("p.sector = {}", binds.text(sector.code())));
    }
    if let Some(kind) = q.jenis {
        all.push(format!("s.enterprise_id IN (SELECT id FROM enterprises WHERE kind = {})", binds.text(kind.code())));
    }
    if let Some(slug) = &q.lembaga {
        all.push(format!("s.enterprise_id IN (SELECT id FROM enterprises WHERE slug = {})", binds.text(slug)));
    }
    if let Some(slug) = &q.toko {
        all.push(format!("s.slug = {}", binds.text(slug)));
    }
    if let Some(min) = q.harga_min {
        all.push(format!("p.price >= {}", binds.int(min)));
    }
    if let Some(max) = q.harga_max {
        all.push(format!("p.price <= {}", binds.int(max)));
    }
    if q.tersedia == Some(true) {
        all.push("p.stock > 0".into());
    }
    all.join(" AND ")
}

/// The start of a statement over the matching products: with search words, the products holding all
/// of them with their score; without, every product (score 0).
fn source(expansion: &Expansion) -> (String, &'static str) {
    match expansion {
        Expansion::All { words, matches } => (
            format!(
                "WITH {}, hits AS (SELECT sp.product_id, m.word, MAX(sp.weight * m.quality) AS best \
                 FROM search_postings sp JOIN m ON m.term_id = sp.term_id GROUP BY sp.product_id, m.word), \
                 scored AS (SELECT product_id, CAST(SUM(best) AS BIGINT) AS score FROM hits GROUP BY product_id \
                 HAVING COUNT(*) = {words}) ",
                Expansion::table(matches)
            ),
            "JOIN scored ON scored.product_id = p.id",
        ),
        _ => (String::new(), ""),
    }
}

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
    if *expansion == Expansion::Nothing {
        return Ok(CatalogPage { items: Vec::new(), next: None });
    }
    let mut binds = Binds::default();
    let mut filter = conditions(q, &mut binds, Omit::default());
    let (key, descending) = match sort {
        CatalogSort::Relevance => ("scored.score", true),
        CatalogSort::Newest => ("p.created_at", true),
        CatalogSort::PriceUp => ("p.price", false),
        CatalogSort::PriceDown => ("p.price", true),
    };
    let (order, compare) = if descending { ("DESC", "<") } else { ("ASC", ">") };
    if let Some(c) = after {
        let (k, id) = (binds.int(c.key), binds.int(c.id));
        filter.push_str(&format!(" AND ({key} {compare} {k} OR ({key} = {k} AND p.id {compare} {id}))"));
    }
    let per = i64::from(q.per_page());
    let limit = binds.int(per + 1);
    let (with, join) = source(expansion);
    let score = if join.is_empty() { "0" } else { "scored.score" };
    let sql = format!(
        "{with}SELECT {CARD}, {score} AS score {CARD_FROM} {join} WHERE {filter} \
         ORDER BY {key} {order}, p.id {order} LIMIT {limit}"
    );
    let rows = binds.query(&sql).persistent(join.is_empty()).fetch_all(&db.pool).await?;
    let mut items = Vec::with_capacity(rows.len());
    let mut keys = Vec::with_capacity(rows.len());
    for r in rows.iter().take(per as usize) {
        items.push(card(r)?);
        let k: i64 = match sort {
            CatalogSort::Relevance => r.try_get("score")?,
            CatalogSort::Newest => r.try_get("created_at")?,
            CatalogSort::PriceUp | CatalogSort::PriceDown => r.try_get("price")?,
        };
        keys.push(k);
    }
    let next = match (rows.len() as i64 > per, items.last(), keys.last()) {
        (true, Some(last), Some(key)) => Some(Cursor { key: *key, id: last.id }.write(sort)),
        _ => None,
    };
    Ok(CatalogPage { items, next })
}

/// Counts by category and by kecamatan, and the total.
pub async fn facets(db: &Db, q: &CatalogQuery, expansion: &Expansion) -> anyhow::Result<Facets> {
    if *expansion == Expansion::Nothing {
        return Ok(Facets { total: 0, categories: Vec::new(), kecamatan: Vec::new() });
    }
    let (with, join) = source(expansion);
    let from = "FROM products p JOIN shops s ON s.id = p.shop_id JOIN villages v ON v.id = s.village_id";
    let persistent = join.is_empty();

    let mut binds = Binds::default();
    let filter = conditions(q, &mut binds, Omit::default());
    let sql = format!("{with}SELECT COUNT(*) {from} {join} WHERE {filter}");
    let total: i64 = binds.query(&sql).persistent(persistent).fetch_one(&db.pool).await?.try_get(0)?;

    let mut binds = Binds::default();
    let filter = conditions(q, &mut binds, Omit { category: true, place: false });
    let sql = format!("{with}SELECT p.sector, COUNT(*) AS n {from} {join} WHERE {filter} GROUP BY p.sector");
    let mut categories = Vec::new();
    for r in binds.query(&sql).persistent(persistent).fetch_all(&db.pool).await? {
        if let Some(sector) = shared::Sector::from_code(&r.try_get::<String, _>("sector")?) {
            categories.push(CategoryCount { sector, count: r.try_get("n")? });
        }
    }
    categories.sort_by(|a, b| b.count.cmp(&a.count).then(a.sector.cmp(&b.sector)));

    let mut binds = Binds::default();
    let filter = conditions(q, &mut binds, Omit { category: false, place: true });
    let sql = format!(
        "{with}SELECT v.kecamatan_code, kc.name AS kecamatan, kb.name AS kabupaten, COUNT(*) AS n {from} {join} \
         JOIN regions kc ON kc.code = v.kecamatan_code JOIN regions kb ON kb.code = v.kabupaten_code \
         WHERE {filter} GROUP BY v.kecamatan_code, kc.name, kb.name ORDER BY n DESC, kc.name"
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
