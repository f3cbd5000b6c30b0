//! The ratings buyers gave over the period, day by day for up to two months and otherwise month by month:
//! how many reviews came, their mean and how many of each star, for a seller's own shop or an admin's
//! villages. Hidden reviews do not count.

use std::collections::BTreeMap;

use shared::dashboard::{Cell, Chart, ChartKind, ColumnKind, Report, ReportKind};
use shared::format::decimal;
use sqlx::AnyConnection;

use super::{filter::Filter, queries, tally::column};
use crate::{
    error::AppResult,
    time_zone::{TimeZone, date_of, month_start, next_month},
};

/// How many reviews of each star (1 to 5) a day or month got.
type Stars = [i64; 5];

/// The visible reviews written in the filter's days by buyers of its shops (and products), bucketed.
pub async fn over_time(conn: &mut AnyConnection, filter: &Filter, zone: TimeZone) -> AppResult<Report> {
    let daily = filter.days.daily();
    let mut buckets: BTreeMap<i64, Stars> = BTreeMap::new();
    for (at, rating) in queries::ratings::written(conn, filter).await? {
        let day = zone.day_of(at);
        let bucket = if daily { day } else { month_start(day) };
        if let Some(slot) = usize::try_from(rating - 1).ok().and_then(|i| buckets.entry(bucket).or_default().get_mut(i))
        {
            *slot += 1;
        }
    }
    let mut rows = Vec::new();
    let mut at = if daily { filter.days.from } else { month_start(filter.days.from) };
    while at <= filter.days.to {
        let label = if daily { date_of(at) } else { date_of(at)[..7].to_owned() };
        rows.push(row(label, buckets.get(&at).copied().unwrap_or_default()));
        at = if daily { at + 1 } else { next_month(at) };
    }
    let mut columns = vec![
        column(if daily { "Tanggal" } else { "Bulan" }, ColumnKind::Text),
        column("Ulasan", ColumnKind::Count),
        column("Rata-rata bintang", ColumnKind::Text),
    ];
    columns.extend((1..=5).rev().map(|n| column(&format!("Bintang {n}"), ColumnKind::Count)));
    Ok(Report {
        kind: ReportKind::Ratings,
        title: ReportKind::Ratings.label().into(),
        note: "Ulasan yang ditulis pembeli dalam rentang tanggal (tanpa yang disembunyikan admin), dengan \
               rata-rata bintangnya."
            .into(),
        columns,
        rows,
        chart: Some(Chart { kind: ChartKind::Line, label_column: 0, value_column: 1 }),
    })
}

/// A period's row: its label, how many reviews, their mean ("4,5", "–" for none), then 5 to 1 stars.
fn row(label: String, stars: Stars) -> Vec<Cell> {
    let count: i64 = stars.iter().sum();
    let total: i64 = stars.iter().zip(1..).map(|(n, star)| n * star).sum();
    let mean = if count == 0 { "–".to_owned() } else { decimal(total as f64 / count as f64, 1) };
    let mut cells = vec![Cell::Text(label), Cell::Number(count), Cell::Text(mean)];
    cells.extend(stars.iter().rev().map(|n| Cell::Number(*n)));
    cells
}

#[cfg(test)]
mod tests {
    use shared::dashboard::Cell;

    #[test]
    fn a_row_counts_and_averages_its_stars() {
        let cells = super::row("2026-11".into(), [0, 1, 0, 1, 2]);
        let text = |c: &Cell| match c {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
        };
        assert_eq!(cells.iter().map(text).collect::<Vec<_>>(), ["2026-11", "4", "4", "2", "1", "0", "1", "0"]);
        let none = super::row("2026-12".into(), [0; 5]);
        assert_eq!(text(&none[2]), "–");
    }
}
