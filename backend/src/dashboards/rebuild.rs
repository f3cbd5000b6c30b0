//! Rebuilding the sales summaries from the orders: when a database first gets them, when the kabupaten's
//! time zone changes (days begin at another hour), and in tests that check the ledger kept them exactly.

use std::collections::BTreeMap;

use sqlx::{AnyConnection, Row};

use crate::{db::Db, time_zone::TimeZone, time_zone::month_start};

/// A summary row's key (span, period, shop, product, sector, buyer region, outcome) and its counts (line
/// summaries leave the outcome empty: they count goods of orders not cancelled).
type Rows = BTreeMap<(&'static str, i64, i64, i64, String, String, String), [i64; 3]>;

const OUTCOME: &str = "CASE o.status WHEN 'selesai' THEN 'done' WHEN 'dibatalkan' THEN 'cancelled' ELSE 'open' END";
const CHUNK: usize = 400;

/// Rebuilds the summaries unless they were kept for `zone`; answers whether it rebuilt.
pub async fn ensure(db: &Db, zone: TimeZone) -> anyhow::Result<bool> {
    let kept: Option<String> =
        sqlx::query_scalar("SELECT time_zone FROM sales_meta WHERE id = 1").fetch_optional(&db.pool).await?;
    if kept.as_deref() == Some(zone.code()) {
        return Ok(false);
    }
    let mut tx = db.begin_write().await?;
    rebuild(&mut tx, zone).await?;
    tx.commit().await?;
    Ok(true)
}

/// Replaces every summary row with the figures of the orders as they stand.
pub async fn rebuild(conn: &mut AnyConnection, zone: TimeZone) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM sales_orders").execute(&mut *conn).await?;
    sqlx::query("DELETE FROM sales_lines").execute(&mut *conn).await?;
    let day = zone.day_sql("o.created_at");
    let orders = sqlx::query(&format!(
        "SELECT {day} AS day, o.shop_id, CAST(0 AS BIGINT) AS product_id, '' AS sector, '' AS region, \
             {OUTCOME} AS outcome, COUNT(*) AS orders, \
             CAST(SUM(l.items) AS BIGINT) AS items, CAST(SUM(o.items_total) AS BIGINT) AS rupiah \
         FROM orders o JOIN (SELECT order_id, SUM(quantity) AS items FROM order_lines GROUP BY order_id) l \
             ON l.order_id = o.id \
         GROUP BY 1, 2, 6"
    ))
    .fetch_all(&mut *conn)
    .await?;
    insert(conn, "sales_orders", false, spread(&orders)?).await?;
    let lines = sqlx::query(&format!(
        "SELECT {day} AS day, o.shop_id, COALESCE(l.product_id, 0) AS product_id, l.sector, \
             COALESCE(SUBSTR(o.dest_desa_code, 1, 5), '') AS region, '' AS outcome, COUNT(*) AS orders, \
             CAST(SUM(l.quantity) AS BIGINT) AS items, CAST(SUM(l.quantity * l.price) AS BIGINT) AS rupiah \
         FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.status <> 'dibatalkan' \
         GROUP BY 1, 2, 3, 4, 5"
    ))
    .fetch_all(&mut *conn)
    .await?;
    insert(conn, "sales_lines", true, spread(&lines)?).await?;
    sqlx::query("INSERT INTO sales_meta (id, time_zone) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET time_zone = $1")
        .bind(zone.code())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Each day's row, and its share of its month's row.
fn spread(rows: &[sqlx::any::AnyRow]) -> anyhow::Result<Rows> {
    let mut out = Rows::new();
    for row in rows {
        let day: i64 = row.try_get("day")?;
        let (shop, product): (i64, i64) = (row.try_get("shop_id")?, row.try_get("product_id")?);
        let (sector, region): (String, String) = (row.try_get("sector")?, row.try_get("region")?);
        let outcome: String = row.try_get("outcome")?;
        let counts: [i64; 3] = [row.try_get("orders")?, row.try_get("items")?, row.try_get("rupiah")?];
        for (span, period) in [("d", day), ("m", month_start(day))] {
            let key = (span, period, shop, product, sector.clone(), region.clone(), outcome.clone());
            let sum = out.entry(key).or_default();
            for (total, n) in sum.iter_mut().zip(counts) {
                *total += n;
            }
        }
    }
    Ok(out)
}

/// Writes the rows a few hundred at a time (`lines`: product, sector and buyer region instead of outcome).
async fn insert(conn: &mut AnyConnection, table: &str, lines: bool, rows: Rows) -> anyhow::Result<()> {
    let rows: Vec<_> = rows.into_iter().collect();
    let width = if lines { 9 } else { 7 };
    let columns = if lines { "product_id, sector, buyer_region" } else { "outcome" };
    for chunk in rows.chunks(CHUNK) {
        let values: Vec<String> = (0..chunk.len())
            .map(|i| {
                let marks: Vec<String> = (1..=width).map(|k| format!("${}", i * width + k)).collect();
                format!("({})", marks.join(", "))
            })
            .collect();
        let sql = format!(
            "INSERT INTO {table} (span, period, shop_id, orders, items, rupiah, {columns}) VALUES {}",
            values.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for ((span, period, shop, product, sector, region, outcome), [orders, items, rupiah]) in chunk {
            query = query.bind(*span).bind(*period).bind(*shop).bind(*orders).bind(*items).bind(*rupiah);
            query = if lines {
                query.bind(*product).bind(sector.as_str()).bind(region.as_str())
            } else {
                query.bind(outcome.as_str())
            };
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}
