//! SQL of what else moved in a dashboard's period: shops that opened, products for sale, consultations
//! and bulk inquiries counted by kind and status, and complaints per shop and status (their kept counts).

use sqlx::{AnyConnection, Row};

use crate::{dashboards::filter::Filter, error::AppResult, products::queries::LISTED};

/// A shop that opened in the period, as it stands today.
pub struct NewShop {
    pub name: String,
    pub village: String,
    /// Its enterprise's kind code, empty for none.
    pub kind: String,
    pub status: String,
    pub created_at: i64,
    /// How many of its products are for sale.
    pub products: i64,
}

/// Shops that opened in the period, newest first.
pub async fn new_shops(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Vec<NewShop>> {
    let sql = format!(
        "SELECT s.name, v.name AS village, COALESCE(e.kind, '') AS kind, s.status, s.created_at, \
             (SELECT COUNT(*) FROM products p WHERE p.shop_id = s.id AND {LISTED}) AS products \
         FROM shops s JOIN villages v ON v.id = s.village_id LEFT JOIN enterprises e ON e.id = s.enterprise_id \
         WHERE s.created_at >= {} AND s.created_at < {} AND {} ORDER BY s.created_at DESC, s.id DESC",
        filter.since_ms,
        filter.until_ms,
        filter.shops()
    );
    let rows = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| {
            Ok(NewShop {
                status: row.try_get("status")?,
                kind: row.try_get("kind")?,
                name: row.try_get("name")?,
                village: row.try_get("village")?,
                created_at: row.try_get("created_at")?,
                products: row.try_get("products")?,
            })
        })
        .collect()
}

/// How many shops opened in the period.
pub async fn new_shop_count(conn: &mut AnyConnection, filter: &Filter) -> AppResult<i64> {
    let sql = format!(
        "SELECT COUNT(*) FROM shops s JOIN villages v ON v.id = s.village_id \
         LEFT JOIN enterprises e ON e.id = s.enterprise_id \
         WHERE s.created_at >= {} AND s.created_at < {} AND {}",
        filter.since_ms,
        filter.until_ms,
        filter.shops()
    );
    Ok(sqlx::query_scalar(&sql).fetch_one(&mut *conn).await?)
}

/// How many products are for sale now: the shops' counters (kept by triggers, migration 0013), or with
/// a sector or product filter the products themselves (through the index `products_listed`).
pub async fn listed_count(conn: &mut AnyConnection, filter: &Filter) -> AppResult<i64> {
    let sql = if filter.sector.is_none() && filter.product.is_none() {
        format!(
            "SELECT CAST(COALESCE(SUM(s.listed_products), 0) AS BIGINT) FROM shops s \
             JOIN villages v ON v.id = s.village_id LEFT JOIN enterprises e ON e.id = s.enterprise_id \
             WHERE s.status = 'active' AND {}",
            filter.shops()
        )
    } else {
        format!(
            "SELECT COUNT(*) FROM products p JOIN shops s ON s.id = p.shop_id WHERE {LISTED} AND {} \
             AND p.shop_id IN {}",
            filter.goods("p", "id"),
            filter.shop_ids()
        )
    };
    Ok(sqlx::query_scalar(&sql).fetch_one(&mut *conn).await?)
}

/// Counts of `table` (`x`, with `village_id` and `created_at`) made in the period, as (code of
/// `down_column`, code of `across_column`, how many).
async fn cross_counts(
    conn: &mut AnyConnection,
    filter: &Filter,
    table: &str,
    down_column: &str,
    across_column: &str,
) -> AppResult<Vec<(String, String, i64)>> {
    let sql = format!(
        "SELECT x.{down_column} AS down, x.{across_column} AS across, COUNT(*) AS n FROM {table} x \
         JOIN villages v ON v.id = x.village_id WHERE x.created_at >= {} AND x.created_at < {} AND {} \
         GROUP BY x.{down_column}, x.{across_column}",
        filter.since_ms,
        filter.until_ms,
        filter.villages()
    );
    Ok(sqlx::query_as(&sql).fetch_all(&mut *conn).await?)
}

/// Consultations asked in the period, as (topic code, status code, how many).
pub async fn consultation_counts(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Vec<(String, String, i64)>> {
    cross_counts(conn, filter, "consultations", "topic", "status").await
}

/// Inquiries received in the period, as (kind code, status code, how many).
pub async fn inquiry_counts(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Vec<(String, String, i64)>> {
    cross_counts(conn, filter, "inquiries", "kind", "status").await
}

/// How many consultations are still waiting for an answer (new or in progress), whenever asked.
pub async fn waiting_consultations(conn: &mut AnyConnection, filter: &Filter) -> AppResult<i64> {
    let sql = format!(
        "SELECT COUNT(*) FROM consultations x JOIN villages v ON v.id = x.village_id \
         WHERE x.status IN ('baru', 'diproses') AND {}",
        filter.villages()
    );
    Ok(sqlx::query_scalar(&sql).fetch_one(&mut *conn).await?)
}

/// How many inquiries came in the period.
pub async fn inquiry_count(conn: &mut AnyConnection, filter: &Filter) -> AppResult<i64> {
    let sql = format!(
        "SELECT COUNT(*) FROM inquiries x JOIN villages v ON v.id = x.village_id \
         WHERE x.created_at >= {} AND x.created_at < {} AND {}",
        filter.since_ms,
        filter.until_ms,
        filter.villages()
    );
    Ok(sqlx::query_scalar(&sql).fetch_one(&mut *conn).await?)
}

/// How many complaints of each shop stand in each status, from the kept counts: (shop, village, status
/// code, how many).
pub async fn complaint_counts(
    conn: &mut AnyConnection,
    filter: &Filter,
) -> AppResult<Vec<(String, String, String, i64)>> {
    let sql = format!(
        "SELECT s.name, v.name AS village, c.status, c.n FROM complaint_counts c JOIN shops s ON s.id = c.shop_id \
         JOIN villages v ON v.id = s.village_id LEFT JOIN enterprises e ON e.id = s.enterprise_id \
         WHERE c.n > 0 AND {} ORDER BY s.name, s.id",
        filter.shops()
    );
    Ok(sqlx::query_as(&sql).fetch_all(&mut *conn).await?)
}
