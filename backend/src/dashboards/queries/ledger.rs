//! SQL of the sales ledger: reading back the sale of a stored order, changing one summary row, and
//! rebuilding every summary row from the orders (grouped per day, written a few hundred at a time).

use sqlx::{AnyConnection, Row};

use crate::{
    dashboards::ledger::{Sale, SoldLine, region_of},
    db::Db,
    error::{AppError, AppResult},
    time_zone::TimeZone,
};

/// The sale of the stored order `order_id` (its lines read back).
pub async fn stored_sale(conn: &mut AnyConnection, order_id: i64) -> AppResult<Sale> {
    let (shop_id, placed_at, dest, rupiah): (i64, i64, Option<String>, i64) =
        sqlx::query_as("SELECT shop_id, created_at, dest_desa_code, items_total FROM orders WHERE id = $1")
            .bind(order_id)
            .fetch_one(&mut *conn)
            .await?;
    let lines: Vec<(Option<i64>, String, i64, i64)> = sqlx::query_as(
        "SELECT product_id, sector, quantity, price FROM order_lines WHERE order_id = $1 ORDER BY product_id",
    )
    .bind(order_id)
    .fetch_all(&mut *conn)
    .await?;
    let lines = lines
        .into_iter()
        .map(|(product_id, sector, quantity, price)| SoldLine {
            product_id: product_id.unwrap_or_default(),
            sector,
            quantity,
            price,
        })
        .collect();
    Ok(Sale { shop_id, placed_at, buyer_region: region_of(dest.as_deref()), rupiah, lines })
}

/// A summary row's identifying column and its value.
#[derive(Clone, Copy)]
enum Key<'a> {
    Id(&'static str, i64),
    Text(&'static str, &'a str),
}

impl Key<'_> {
    fn column(self) -> &'static str {
        match self {
            Key::Id(column, _) | Key::Text(column, _) => column,
        }
    }
}

/// Adds `[orders, items, rupiah]` to the order summary of the shop's `outcome` (a code) in the `span`
/// (`d` or `m`) beginning on day `period`.
pub async fn add_to_orders(
    conn: &mut AnyConnection,
    (span, period): (&str, i64),
    shop_id: i64,
    outcome: &str,
    counts: [i64; 3],
) -> AppResult<()> {
    let keys = [Key::Id("shop_id", shop_id), Key::Text("outcome", outcome)];
    add(conn, "sales_orders", (span, period), &keys, counts).await
}

/// A line summary's key besides its span and period.
pub struct LineKey<'a> {
    pub shop_id: i64,
    pub product_id: i64,
    pub sector: &'a str,
    pub buyer_region: &'a str,
}

/// Adds `[orders, items, rupiah]` to the line summary `key` in the `span` (`d` or `m`) beginning on day
/// `period`.
pub async fn add_to_lines(
    conn: &mut AnyConnection,
    (span, period): (&str, i64),
    key: &LineKey<'_>,
    counts: [i64; 3],
) -> AppResult<()> {
    let keys = [
        Key::Id("shop_id", key.shop_id),
        Key::Id("product_id", key.product_id),
        Key::Text("sector", key.sector),
        Key::Text("buyer_region", key.buyer_region),
    ];
    add(conn, "sales_lines", (span, period), &keys, counts).await
}

/// One summary row: an upsert when adding, a guarded update when taking away (the row must be there).
async fn add(
    conn: &mut AnyConnection,
    table: &str,
    (span, period): (&str, i64),
    keys: &[Key<'_>],
    [orders, items, rupiah]: [i64; 3],
) -> AppResult<()> {
    let columns: Vec<&str> = keys.iter().map(|k| k.column()).collect();
    let marks: Vec<String> = (0..keys.len()).map(|i| format!("${}", i + 6)).collect();
    let sql = if orders > 0 {
        format!(
            "INSERT INTO {table} (span, period, orders, items, rupiah, {columns}) VALUES ($1, $2, $3, $4, $5, {marks}) \
             ON CONFLICT (span, period, {columns}) DO UPDATE SET \
             orders = {table}.orders + excluded.orders, items = {table}.items + excluded.items, \
             rupiah = {table}.rupiah + excluded.rupiah",
            columns = columns.join(", "),
            marks = marks.join(", "),
        )
    } else {
        let matches: Vec<String> = columns.iter().zip(&marks).map(|(c, m)| format!(" AND {c} = {m}")).collect();
        format!(
            "UPDATE {table} SET orders = orders + $3, items = items + $4, rupiah = rupiah + $5 \
             WHERE span = $1 AND period = $2{}",
            matches.concat()
        )
    };
    let mut query = sqlx::query(&sql).bind(span).bind(period).bind(orders).bind(items).bind(rupiah);
    for key in keys {
        query = match *key {
            Key::Id(_, id) => query.bind(id),
            Key::Text(_, text) => query.bind(text),
        };
    }
    if query.execute(&mut *conn).await?.rows_affected() != 1 {
        return Err(AppError::Internal(anyhow::anyhow!("sales ledger: no {table} row for {span} {period} to change")));
    }
    Ok(())
}

/// The time zone the summaries were kept for, if they were ever built.
pub async fn kept_time_zone(db: &Db) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT time_zone FROM sales_meta WHERE id = 1").fetch_optional(&db.pool).await
}

/// Forgets every summary row.
pub async fn clear(conn: &mut AnyConnection) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sales_orders").execute(&mut *conn).await?;
    sqlx::query("DELETE FROM sales_lines").execute(&mut *conn).await?;
    Ok(())
}

/// Records that the summaries are kept for `zone`.
pub async fn keep_time_zone(conn: &mut AnyConnection, zone: TimeZone) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO sales_meta (id, time_zone) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET time_zone = $1")
        .bind(zone.code())
        .execute(conn)
        .await?;
    Ok(())
}

const OUTCOME: &str = "CASE o.status WHEN 'selesai' THEN 'done' WHEN 'dibatalkan' THEN 'cancelled' ELSE 'open' END";

/// Orders or their lines summed per local day and key: (day, shop, product, sector, buyer's kabupaten,
/// outcome) and [orders, items, rupiah]. Order sums have no product, sector or region; line sums no outcome.
pub type Group = ((i64, i64, i64, String, String, String), [i64; 3]);

async fn groups(conn: &mut AnyConnection, sql: &str) -> anyhow::Result<Vec<Group>> {
    let rows = sqlx::query(sql).fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| {
            let day: i64 = row.try_get("day")?;
            let (shop, product): (i64, i64) = (row.try_get("shop_id")?, row.try_get("product_id")?);
            let (sector, region): (String, String) = (row.try_get("sector")?, row.try_get("region")?);
            let outcome: String = row.try_get("outcome")?;
            let counts: [i64; 3] = [row.try_get("orders")?, row.try_get("items")?, row.try_get("rupiah")?];
            Ok(((day, shop, product, sector, region, outcome), counts))
        })
        .collect()
}

/// Every order summed per local day (in `zone`), shop and outcome.
pub async fn order_groups(conn: &mut AnyConnection, zone: TimeZone) -> anyhow::Result<Vec<Group>> {
    let day = zone.day_sql("o.created_at");
    let sql = format!(
        "SELECT {day} AS day, o.shop_id, CAST(0 AS BIGINT) AS product_id, '' AS sector, '' AS region, \
             {OUTCOME} AS outcome, COUNT(*) AS orders, \
             CAST(SUM(l.items) AS BIGINT) AS items, CAST(SUM(o.items_total) AS BIGINT) AS rupiah \
         FROM orders o JOIN (SELECT order_id, SUM(quantity) AS items FROM order_lines GROUP BY order_id) l \
             ON l.order_id = o.id \
         GROUP BY 1, 2, 6"
    );
    groups(conn, &sql).await
}

/// Every line of an order not cancelled summed per local day (in `zone`), shop, product, sector and
/// buyer's kabupaten.
pub async fn line_groups(conn: &mut AnyConnection, zone: TimeZone) -> anyhow::Result<Vec<Group>> {
    let day = zone.day_sql("o.created_at");
    let sql = format!(
        "SELECT {day} AS day, o.shop_id, COALESCE(l.product_id, 0) AS product_id, l.sector, \
             COALESCE(SUBSTR(o.dest_desa_code, 1, 5), '') AS region, '' AS outcome, COUNT(*) AS orders, \
             CAST(SUM(l.quantity) AS BIGINT) AS items, CAST(SUM(l.quantity * l.price) AS BIGINT) AS rupiah \
         FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.status <> 'dibatalkan' \
         GROUP BY 1, 2, 3, 4, 5"
    );
    groups(conn, &sql).await
}

/// A summary row to write: (span, period, shop, product, sector, buyer region, outcome) and its counts.
pub type SummaryRow = ((&'static str, i64, i64, i64, String, String, String), [i64; 3]);

const CHUNK: usize = 400;

/// Writes order summary rows (`lines` false: their outcome) or line summary rows (`lines` true: their
/// product, sector and buyer region), a few hundred at a time.
pub async fn insert(conn: &mut AnyConnection, lines: bool, rows: &[SummaryRow]) -> anyhow::Result<()> {
    let table = if lines { "sales_lines" } else { "sales_orders" };
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
