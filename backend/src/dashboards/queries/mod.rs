//! SQL of the dashboards, one file per topic (sales, product lines, activity, records, the ledger); here
//! the sums read from the sales summaries and the villages a dashboard offers. Conditions come from
//! [`Filter`], which writes only numbers and checked codes into them.

pub mod activity;
pub mod ledger;
pub mod lines;
pub mod producers;
pub mod ratings;
pub mod records;
pub mod sales;

use sqlx::{AnyConnection, Row, any::AnyRow};

use super::{filter::Filter, tally::Tally};
use crate::{db::Db, error::AppResult};

/// What `sales_orders` rows add up to, as SQL select items over the alias `so`.
const ORDER_SUMS: &str = "\
    CAST(COALESCE(SUM(CASE WHEN so.outcome <> 'cancelled' THEN so.orders ELSE 0 END), 0) AS BIGINT) AS orders, \
    CAST(COALESCE(SUM(CASE WHEN so.outcome <> 'cancelled' THEN so.items ELSE 0 END), 0) AS BIGINT) AS items, \
    CAST(COALESCE(SUM(CASE WHEN so.outcome <> 'cancelled' THEN so.rupiah ELSE 0 END), 0) AS BIGINT) AS rupiah, \
    CAST(COALESCE(SUM(CASE WHEN so.outcome = 'done' THEN so.orders ELSE 0 END), 0) AS BIGINT) AS done, \
    CAST(COALESCE(SUM(CASE WHEN so.outcome = 'cancelled' THEN so.orders ELSE 0 END), 0) AS BIGINT) AS cancelled";

/// The shop (`s`), village (`v`) and enterprise (`e`) of rows with a `shop_id` (over the alias `so`).
const SHOP_ROWS: &str = "JOIN shops s ON s.id = so.shop_id \
    JOIN villages v ON v.id = s.village_id LEFT JOIN enterprises e ON e.id = s.enterprise_id";

/// What `sales_lines` rows (goods of orders not cancelled) add up to, over the alias `sl`.
const LINE_SUMS: &str = "CAST(COALESCE(SUM(sl.orders), 0) AS BIGINT) AS orders, \
    CAST(COALESCE(SUM(sl.items), 0) AS BIGINT) AS items, CAST(COALESCE(SUM(sl.rupiah), 0) AS BIGINT) AS rupiah, \
    CAST(0 AS BIGINT) AS done, CAST(0 AS BIGINT) AS cancelled";

/// `sales_lines sl` alone: it carries its shop and sector, so filters need no join (`Filter::goods`).
const LINE_ROWS: &str = "FROM sales_lines sl";

/// A tally from a row of [`ORDER_SUMS`] or [`LINE_SUMS`].
fn tally(row: &AnyRow) -> AppResult<Tally> {
    Ok(Tally {
        orders: row.try_get("orders")?,
        items: row.try_get("items")?,
        rupiah: row.try_get("rupiah")?,
        done: row.try_get("done")?,
        cancelled: row.try_get("cancelled")?,
    })
}

/// Rows of a `key` column and the sums of [`tally`], as found.
async fn keyed(conn: &mut AnyConnection, sql: &str) -> AppResult<Vec<(String, Tally)>> {
    let found = sqlx::query(sql).fetch_all(&mut *conn).await?;
    found.iter().map(|row| Ok((row.try_get::<String, _>("key")?, tally(row)?))).collect()
}

/// The desa code of the village with this id, if there is one.
pub async fn village_code(db: &Db, id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT region_code FROM villages WHERE id = $1").bind(id).fetch_optional(&db.pool).await
}

/// The name of the village with this id, if there is one.
pub async fn village_name(conn: &mut AnyConnection, id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT name FROM villages WHERE id = $1").bind(id).fetch_optional(conn).await
}

/// A village a dashboard can be narrowed to, with its kecamatan.
pub struct VillageChoice {
    pub id: i64,
    pub name: String,
    pub kecamatan_code: String,
    pub kecamatan: String,
}

/// The villages of `filter`, by name.
pub async fn village_choices(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Vec<VillageChoice>> {
    let rows = sqlx::query(&format!(
        "SELECT v.id, v.name, v.kecamatan_code, k.name AS kecamatan FROM villages v \
         JOIN regions k ON k.code = v.kecamatan_code WHERE {} ORDER BY v.name",
        filter.villages()
    ))
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(VillageChoice {
                id: row.try_get("id")?,
                name: row.try_get("name")?,
                kecamatan_code: row.try_get("kecamatan_code")?,
                kecamatan: row.try_get("kecamatan")?,
            })
        })
        .collect()
}
