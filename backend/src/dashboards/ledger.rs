//! The sales ledger: the summaries the dashboards read, changed inside the transaction of every order
//! that is placed, completed or cancelled, so they always match the orders.

use shared::OrderStatus;
use sqlx::AnyConnection;

use crate::{
    error::{AppError, AppResult},
    time_zone::{TimeZone, month_start},
};

/// Where an order stands for the figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Open,
    Done,
    Cancelled,
}

impl Outcome {
    pub fn of(status: OrderStatus) -> Outcome {
        match status {
            OrderStatus::Completed => Outcome::Done,
            OrderStatus::Cancelled => Outcome::Cancelled,
            _ => Outcome::Open,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Outcome::Open => "open",
            Outcome::Done => "done",
            Outcome::Cancelled => "cancelled",
        }
    }
}

/// One product line of an order, as the ledger counts it.
#[derive(Clone, Debug)]
pub struct SoldLine {
    pub product_id: i64,
    pub quantity: i64,
    pub price: i64,
}

/// An order as the ledger counts it.
#[derive(Clone, Debug)]
pub struct Sale {
    pub shop_id: i64,
    pub placed_at: i64,
    /// The buyer's kabupaten code (`52.01`); empty when the goods are collected.
    pub buyer_region: String,
    /// The goods' total (without delivery).
    pub rupiah: i64,
    pub lines: Vec<SoldLine>,
}

/// The kabupaten part of a desa code, or `""`.
pub fn region_of(desa_code: Option<&str>) -> String {
    desa_code.and_then(|c| c.get(..5)).unwrap_or_default().to_owned()
}

/// Counts a newly placed order.
pub async fn record(conn: &mut AnyConnection, zone: TimeZone, sale: &Sale) -> AppResult<()> {
    change(conn, zone, sale, Outcome::Open, 1).await
}

/// Moves an order's figures from one outcome to another (nothing when both are the same).
pub async fn shift(conn: &mut AnyConnection, zone: TimeZone, sale: &Sale, from: Outcome, to: Outcome) -> AppResult<()> {
    if from == to {
        return Ok(());
    }
    change(conn, zone, sale, from, -1).await?;
    change(conn, zone, sale, to, 1).await
}

/// The sale of the stored order `order_id` (its lines read back).
pub async fn stored_sale(conn: &mut AnyConnection, order_id: i64) -> AppResult<Sale> {
    let (shop_id, placed_at, dest, rupiah): (i64, i64, Option<String>, i64) =
        sqlx::query_as("SELECT shop_id, created_at, dest_desa_code, items_total FROM orders WHERE id = $1")
            .bind(order_id)
            .fetch_one(&mut *conn)
            .await?;
    let lines: Vec<(Option<i64>, i64, i64)> =
        sqlx::query_as("SELECT product_id, quantity, price FROM order_lines WHERE order_id = $1 ORDER BY product_id")
            .bind(order_id)
            .fetch_all(&mut *conn)
            .await?;
    let lines = lines
        .into_iter()
        .map(|(product_id, quantity, price)| SoldLine { product_id: product_id.unwrap_or_default(), quantity, price })
        .collect();
    Ok(Sale { shop_id, placed_at, buyer_region: region_of(dest.as_deref()), rupiah, lines })
}

/// Adds (`sign` 1) or takes away (`sign` -1) the sale under `outcome`, on its day and its month. Rows
/// are touched in key order (shop, then products by id), so concurrent orders never deadlock.
async fn change(conn: &mut AnyConnection, zone: TimeZone, sale: &Sale, outcome: Outcome, sign: i64) -> AppResult<()> {
    let day = zone.day_of(sale.placed_at);
    let items: i64 = sale.lines.iter().map(|l| l.quantity).sum();
    let mut lines = sale.lines.clone();
    lines.sort_by_key(|l| l.product_id);
    for (span, period) in [("d", day), ("m", month_start(day))] {
        let counts = [sign, sign * items, sign * sale.rupiah];
        let key = ("shop_id", sale.shop_id, None);
        add(conn, "sales_orders", span, period, key, outcome, counts).await?;
    }
    for line in &lines {
        for (span, period) in [("d", day), ("m", month_start(day))] {
            let counts = [sign, sign * line.quantity, sign * line.quantity * line.price];
            let key = ("product_id", line.product_id, Some(sale.buyer_region.as_str()));
            add(conn, "sales_lines", span, period, key, outcome, counts).await?;
        }
    }
    Ok(())
}

/// One summary row: an upsert when adding, a guarded update when taking away (the row must be there).
async fn add(
    conn: &mut AnyConnection,
    table: &str,
    span: &str,
    period: i64,
    (id_column, id, region): (&str, i64, Option<&str>),
    outcome: Outcome,
    [orders, items, rupiah]: [i64; 3],
) -> AppResult<()> {
    let (region_column, region_value) = if region.is_some() { (", buyer_region", ", $8") } else { ("", "") };
    let done = if orders > 0 {
        let sql = format!(
            "INSERT INTO {table} (span, period, {id_column}, outcome, orders, items, rupiah{region_column}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7{region_value}) \
             ON CONFLICT (span, period, {id_column}{region_column}, outcome) DO UPDATE SET \
             orders = {table}.orders + excluded.orders, items = {table}.items + excluded.items, \
             rupiah = {table}.rupiah + excluded.rupiah"
        );
        bind(sqlx::query(&sql), span, period, id, outcome, [orders, items, rupiah], region).execute(&mut *conn).await?
    } else {
        let region_match = if region.is_some() { " AND buyer_region = $8" } else { "" };
        let sql = format!(
            "UPDATE {table} SET orders = orders + $5, items = items + $6, rupiah = rupiah + $7 \
             WHERE span = $1 AND period = $2 AND {id_column} = $3 AND outcome = $4{region_match}"
        );
        bind(sqlx::query(&sql), span, period, id, outcome, [orders, items, rupiah], region).execute(&mut *conn).await?
    };
    if done.rows_affected() != 1 {
        let missing = anyhow::anyhow!("sales ledger: no {table} row for {span} {period} {id} {}", outcome.code());
        return Err(AppError::Internal(missing));
    }
    Ok(())
}

type Query<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

fn bind<'q>(
    query: Query<'q>,
    span: &'q str,
    period: i64,
    id: i64,
    outcome: Outcome,
    [orders, items, rupiah]: [i64; 3],
    region: Option<&'q str>,
) -> Query<'q> {
    let query = query.bind(span).bind(period).bind(id).bind(outcome.code()).bind(orders).bind(items).bind(rupiah);
    match region {
        Some(region) => query.bind(region),
        None => query,
    }
}
