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
    /// The product's sector when it was sold (kept on the order line).
    pub sector: String,
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
    change(conn, zone, sale, Outcome::Open, 1, true).await
}

/// Moves an order's figures from one outcome to another (nothing when both are the same).
pub async fn shift(conn: &mut AnyConnection, zone: TimeZone, sale: &Sale, from: Outcome, to: Outcome) -> AppResult<()> {
    if from == to {
        return Ok(());
    }
    // The goods leave the line summaries when the order is cancelled (and come back if it ever stopped
    // being so); other moves leave them as they are.
    let goods = (from == Outcome::Cancelled) != (to == Outcome::Cancelled);
    change(conn, zone, sale, from, -1, goods).await?;
    change(conn, zone, sale, to, 1, goods).await
}

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

/// Adds (`sign` 1) or takes away (`sign` -1) the sale under `outcome`, on its day and its month, and
/// with `goods` its lines too (unless `outcome` is cancelled: the line summaries count the goods of
/// orders not cancelled). Rows are touched in key order (shop, then products by id), so concurrent
/// orders never deadlock.
async fn change(
    conn: &mut AnyConnection,
    zone: TimeZone,
    sale: &Sale,
    outcome: Outcome,
    sign: i64,
    goods: bool,
) -> AppResult<()> {
    let day = zone.day_of(sale.placed_at);
    let items: i64 = sale.lines.iter().map(|l| l.quantity).sum();
    let shop = Key::Id("shop_id", sale.shop_id);
    for (span, period) in [("d", day), ("m", month_start(day))] {
        let counts = [sign, sign * items, sign * sale.rupiah];
        add(conn, "sales_orders", (span, period), &[shop, Key::Text("outcome", outcome.code())], counts).await?;
    }
    if !goods || outcome == Outcome::Cancelled {
        return Ok(());
    }
    let mut lines = sale.lines.clone();
    lines.sort_by(|a, b| (a.product_id, &a.sector).cmp(&(b.product_id, &b.sector)));
    for line in &lines {
        let keys = [
            shop,
            Key::Id("product_id", line.product_id),
            Key::Text("sector", &line.sector),
            Key::Text("buyer_region", &sale.buyer_region),
        ];
        for (span, period) in [("d", day), ("m", month_start(day))] {
            let counts = [sign, sign * line.quantity, sign * line.quantity * line.price];
            add(conn, "sales_lines", (span, period), &keys, counts).await?;
        }
    }
    Ok(())
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
