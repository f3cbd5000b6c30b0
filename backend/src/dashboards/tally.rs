//! Sums read from the sales summaries, and the columns every sales table shares.

use shared::dashboard::{Cell, Column, ColumnKind, share};
use sqlx::{Row, any::AnyRow};

use crate::error::AppResult;

/// What `sales_orders` rows add up to, as SQL select items over the alias `so`.
pub const ORDER_SUMS: &str = "\
    CAST(COALESCE(SUM(CASE WHEN so.outcome <> 'cancelled' THEN so.orders ELSE 0 END), 0) AS BIGINT) AS orders, \
    CAST(COALESCE(SUM(CASE WHEN so.outcome <> 'cancelled' THEN so.items ELSE 0 END), 0) AS BIGINT) AS items, \
    CAST(COALESCE(SUM(CASE WHEN so.outcome <> 'cancelled' THEN so.rupiah ELSE 0 END), 0) AS BIGINT) AS rupiah, \
    CAST(COALESCE(SUM(CASE WHEN so.outcome = 'done' THEN so.orders ELSE 0 END), 0) AS BIGINT) AS done, \
    CAST(COALESCE(SUM(CASE WHEN so.outcome = 'cancelled' THEN so.orders ELSE 0 END), 0) AS BIGINT) AS cancelled";

/// The shop (`s`), village (`v`) and enterprise (`e`) of rows with a `shop_id` (over the alias `so`).
pub const SHOP_ROWS: &str = "JOIN shops s ON s.id = so.shop_id \
    JOIN villages v ON v.id = s.village_id LEFT JOIN enterprises e ON e.id = s.enterprise_id";

/// What `sales_lines` rows (goods of orders not cancelled) add up to, over the alias `sl`.
pub const LINE_SUMS: &str = "CAST(COALESCE(SUM(sl.orders), 0) AS BIGINT) AS orders, \
    CAST(COALESCE(SUM(sl.items), 0) AS BIGINT) AS items, CAST(COALESCE(SUM(sl.rupiah), 0) AS BIGINT) AS rupiah, \
    CAST(0 AS BIGINT) AS done, CAST(0 AS BIGINT) AS cancelled";

/// `sales_lines sl` alone: it carries its shop and sector, so filters need no join (`Filter::goods`).
pub const LINE_ROWS: &str = "FROM sales_lines sl";

/// Orders (not cancelled), their items and Rupiah, and how many were completed and cancelled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub orders: i64,
    pub items: i64,
    pub rupiah: i64,
    pub done: i64,
    pub cancelled: i64,
}

impl Tally {
    pub fn read(row: &AnyRow) -> AppResult<Tally> {
        Ok(Tally {
            orders: row.try_get("orders")?,
            items: row.try_get("items")?,
            rupiah: row.try_get("rupiah")?,
            done: row.try_get("done")?,
            cancelled: row.try_get("cancelled")?,
        })
    }

    pub fn add(&mut self, other: Tally) {
        self.orders += other.orders;
        self.items += other.items;
        self.rupiah += other.rupiah;
        self.done += other.done;
        self.cancelled += other.cancelled;
    }

    /// Every order placed, cancelled ones included.
    pub fn placed(self) -> i64 {
        self.orders + self.cancelled
    }

    pub fn done_share(self) -> i64 {
        share(self.done, self.placed())
    }

    pub fn cancelled_share(self) -> i64 {
        share(self.cancelled, self.placed())
    }

    /// Orders, items, Rupiah, then the completion and cancellation rates.
    pub fn cells(self) -> Vec<Cell> {
        vec![
            Cell::Number(self.orders),
            Cell::Number(self.items),
            Cell::Number(self.rupiah),
            Cell::Number(self.done_share()),
            Cell::Number(self.cancelled_share()),
        ]
    }

    /// Orders, items and Rupiah only.
    pub fn amounts(self) -> Vec<Cell> {
        vec![Cell::Number(self.orders), Cell::Number(self.items), Cell::Number(self.rupiah)]
    }

    /// Items and Rupiah (for sums over product lines, where one order may count in several rows).
    pub fn goods(self) -> Vec<Cell> {
        vec![Cell::Number(self.items), Cell::Number(self.rupiah)]
    }
}

pub fn column(label: &str, kind: ColumnKind) -> Column {
    Column { label: label.into(), kind }
}

/// The columns of `Tally::cells`, after `first`.
pub fn tally_columns(first: &[&str]) -> Vec<Column> {
    let mut columns: Vec<Column> = first.iter().map(|l| column(l, ColumnKind::Text)).collect();
    columns.extend(amount_columns());
    columns.push(column("Selesai", ColumnKind::Permille));
    columns.push(column("Batal", ColumnKind::Permille));
    columns
}

/// The columns of `Tally::amounts`.
pub fn amount_columns() -> Vec<Column> {
    vec![
        column("Pesanan", ColumnKind::Count),
        column("Barang", ColumnKind::Count),
        column("Nilai (Rp)", ColumnKind::Rupiah),
    ]
}

/// The columns of `Tally::goods`.
pub fn goods_columns() -> Vec<Column> {
    vec![column("Barang", ColumnKind::Count), column("Nilai (Rp)", ColumnKind::Rupiah)]
}

/// What the sales figures count.
pub const SALES_NOTE: &str = "Pesanan yang dibuat dalam rentang tanggal, tanpa pesanan batal; nilai barang tanpa \
    ongkir. Selesai dan batal: bagian dari semua pesanan yang dibuat.";
