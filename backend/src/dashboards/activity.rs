//! What else moved in the period: shops that opened, consultations asked, bulk inquiries received; and the
//! complaints of each shop and how they were settled.

use shared::{
    ShopStatus,
    dashboard::{Cell, ColumnKind, Report, ReportKind},
};
use sqlx::AnyConnection;

use super::{filter::Filter, queries::activity as queries, sales::kind_label, tally::column};
use crate::{error::AppResult, time_zone::TimeZone};

/// Shops that opened in the period, newest first.
pub async fn new_shops(conn: &mut AnyConnection, filter: &Filter, zone: TimeZone) -> AppResult<Report> {
    let mut rows = Vec::new();
    for shop in queries::new_shops(conn, filter).await? {
        rows.push(vec![
            Cell::Text(shop.name),
            Cell::Text(shop.village),
            Cell::Text(kind_label(&shop.kind)),
            Cell::Text(zone.date_time(shop.created_at)[..10].to_owned()),
            Cell::Text(ShopStatus::from_code(&shop.status).map_or(shop.status, |s| s.label().to_owned())),
            Cell::Number(shop.products),
        ]);
    }
    let columns = [
        ("Toko", ColumnKind::Text),
        ("Desa", ColumnKind::Text),
        ("Jenis lembaga", ColumnKind::Text),
        ("Dibuka", ColumnKind::Text),
        ("Status", ColumnKind::Text),
        ("Produk dijual", ColumnKind::Count),
    ];
    Ok(Report {
        kind: ReportKind::NewShops,
        title: ReportKind::NewShops.label().into(),
        note: "Toko yang diajukan dalam rentang tanggal, dengan keadaannya hari ini.".into(),
        columns: columns.iter().map(|(l, k)| column(l, *k)).collect(),
        rows,
        chart: None,
    })
}

/// A table of `counts` (code down, code across, how many): one row per code of `down` and one column per
/// code of `across`, with a total.
fn cross(
    counts: &[(String, String, i64)],
    down: Vec<(&'static str, &'static str)>,
    across: Vec<(&'static str, &'static str)>,
) -> (Vec<shared::dashboard::Column>, Vec<Vec<Cell>>) {
    let count = |d: &str, a: &str| counts.iter().filter(|(x, y, _)| x == d && y == a).map(|c| c.2).sum::<i64>();
    let mut rows: Vec<Vec<Cell>> = down
        .iter()
        .map(|(d, label)| {
            let mut row = vec![Cell::Text((*label).into())];
            row.extend(across.iter().map(|(a, _)| Cell::Number(count(d, a))));
            row.push(Cell::Number(across.iter().map(|(a, _)| count(d, a)).sum()));
            row
        })
        .collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.last().map(Cell::number)));
    let mut columns = vec![column("", ColumnKind::Text)];
    columns.extend(across.iter().map(|(_, label)| column(label, ColumnKind::Count)));
    columns.push(column("Jumlah", ColumnKind::Count));
    (columns, rows)
}

fn choices<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(&'static str, &'static str)> {
    all.iter().map(|v| (code(*v), label(*v))).collect()
}

/// Consultations asked in the period, by topic and where they stand.
pub async fn consultations(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Report> {
    use shared::consultation::{ConsultationStatus as S, Topic as T};
    let counts = queries::consultation_counts(conn, filter).await?;
    let (mut columns, rows) = cross(&counts, choices(T::ALL, T::code, T::label), choices(S::ALL, S::code, S::label));
    columns[0].label = "Topik".into();
    let last = columns.len() - 1;
    Ok(Report {
        kind: ReportKind::Consultations,
        title: ReportKind::Consultations.label().into(),
        note: "Konsultasi yang diajukan dalam rentang tanggal, dengan keadaannya hari ini.".into(),
        columns,
        rows,
        chart: Some(shared::dashboard::Chart {
            kind: shared::dashboard::ChartKind::Bars,
            label_column: 0,
            value_column: last,
        }),
    })
}

/// Bulk and export inquiries received in the period, by kind and where they stand.
pub async fn inquiries(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Report> {
    use shared::inquiry::{InquiryKind as K, InquiryStatus as S};
    let counts = queries::inquiry_counts(conn, filter).await?;
    let (mut columns, rows) = cross(&counts, choices(K::ALL, K::code, K::label), choices(S::ALL, S::code, S::label));
    columns[0].label = "Jenis permintaan".into();
    let last = columns.len() - 1;
    Ok(Report {
        kind: ReportKind::Inquiries,
        title: ReportKind::Inquiries.label().into(),
        note: "Permintaan partai besar dan ekspor yang masuk dalam rentang tanggal, dengan keadaannya hari ini.".into(),
        columns,
        rows,
        chart: Some(shared::dashboard::Chart {
            kind: shared::dashboard::ChartKind::Bars,
            label_column: 0,
            value_column: last,
        }),
    })
}

/// Every complaint of each shop as it stands today: still running, and each way it ended.
pub async fn complaints(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Report> {
    use shared::complaint_flow::ComplaintStatus as S;
    let ends = [S::Refunded, S::Replaced, S::Rejected, S::Withdrawn];
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut keys: Vec<(String, String)> = Vec::new();
    for (shop, village, status, n) in queries::complaint_counts(conn, filter).await? {
        let at = match keys.iter().position(|k| k.0 == shop && k.1 == village) {
            Some(at) => at,
            None => {
                keys.push((shop.clone(), village.clone()));
                let mut row = vec![Cell::Text(shop), Cell::Text(village)];
                row.extend(std::iter::repeat_n(Cell::Number(0), ends.len() + 2));
                rows.push(row);
                keys.len() - 1
            }
        };
        let column = S::from_code(&status).map_or(2, |s| ends.iter().position(|e| *e == s).map_or(2, |i| i + 3));
        let row = &mut rows[at];
        row[column] = Cell::Number(row[column].number() + n);
        let last = row.len() - 1;
        row[last] = Cell::Number(row[last].number() + n);
    }
    rows.sort_by_key(|row| std::cmp::Reverse(row.last().map(Cell::number)));
    let mut columns = vec![column("Toko", ColumnKind::Text), column("Desa", ColumnKind::Text)];
    columns.push(column("Berjalan", ColumnKind::Count));
    columns.extend(ends.iter().map(|s| column(s.label(), ColumnKind::Count)));
    columns.push(column("Jumlah", ColumnKind::Count));
    let last = columns.len() - 1;
    Ok(Report {
        kind: ReportKind::Complaints,
        title: ReportKind::Complaints.label().into(),
        note: "Semua komplain atas pesanan toko, keadaan hari ini: yang masih berjalan dan cara selesainya.".into(),
        columns,
        rows,
        chart: Some(shared::dashboard::Chart {
            kind: shared::dashboard::ChartKind::Bars,
            label_column: 0,
            value_column: last,
        }),
    })
}
