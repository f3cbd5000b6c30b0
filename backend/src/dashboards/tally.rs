//! Sums read from the sales summaries (`queries` reads them), and the columns every sales table shares.

use shared::dashboard::{Cell, Column, ColumnKind, share};

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
