//! The sales ledger: the summaries the dashboards read, changed inside the transaction of every order
//! that is placed, completed or cancelled, so they always match the orders (a stored order's sale is read
//! back by `queries::ledger::stored_sale`).

use shared::OrderStatus;
use sqlx::AnyConnection;

use super::queries::ledger::{self as queries, LineKey};
use crate::{
    error::AppResult,
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
    for (span, period) in [("d", day), ("m", month_start(day))] {
        let counts = [sign, sign * items, sign * sale.rupiah];
        queries::add_to_orders(conn, (span, period), sale.shop_id, outcome.code(), counts).await?;
    }
    if !goods || outcome == Outcome::Cancelled {
        return Ok(());
    }
    let mut lines = sale.lines.clone();
    lines.sort_by(|a, b| (a.product_id, &a.sector).cmp(&(b.product_id, &b.sector)));
    for line in &lines {
        let key = LineKey {
            shop_id: sale.shop_id,
            product_id: line.product_id,
            sector: &line.sector,
            buyer_region: &sale.buyer_region,
        };
        for (span, period) in [("d", day), ("m", month_start(day))] {
            let counts = [sign, sign * line.quantity, sign * line.quantity * line.price];
            queries::add_to_lines(conn, (span, period), &key, counts).await?;
        }
    }
    Ok(())
}
