//! Sales from the order summaries: over time, by village, by kecamatan and by enterprise kind.

use std::collections::HashMap;

use shared::{
    EnterpriseKind,
    dashboard::{Cell, Chart, ChartKind, NO_ENTERPRISE, Report, ReportKind},
};
use sqlx::AnyConnection;

use super::{
    filter::Filter,
    queries::sales as queries,
    tally::{SALES_NOTE, Tally, tally_columns},
};
use crate::{
    error::AppResult,
    time_zone::{date_of, month_start, next_month},
};

/// Every sale of the filter, summed.
pub async fn total(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Tally> {
    queries::total(conn, filter).await
}

fn report(kind: ReportKind, first: &[&str], rows: Vec<Vec<Cell>>, chart: Option<Chart>) -> Report {
    Report { kind, title: kind.label().into(), note: SALES_NOTE.into(), columns: tally_columns(first), rows, chart }
}

/// Day by day for up to two months, otherwise month by month; every day or month shown, sales or not.
pub async fn over_time(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Report> {
    let daily = filter.days.daily();
    let mut buckets: HashMap<i64, Tally> = HashMap::new();
    for (period, tally) in queries::per_period(conn, filter, daily).await? {
        let bucket = if daily { period } else { month_start(period) };
        buckets.entry(bucket).or_default().add(tally);
    }
    let mut rows = Vec::new();
    let mut at = if daily { filter.days.from } else { month_start(filter.days.from) };
    while at <= filter.days.to {
        let label = if daily { date_of(at) } else { date_of(at)[..7].to_owned() };
        let mut row = vec![Cell::Text(label)];
        row.extend(buckets.get(&at).copied().unwrap_or_default().cells());
        rows.push(row);
        at = if daily { at + 1 } else { next_month(at) };
    }
    let first = if daily { "Tanggal" } else { "Bulan" };
    let chart = Chart { kind: ChartKind::Line, label_column: 0, value_column: 3 };
    Ok(report(ReportKind::Sales, &[first], rows, Some(chart)))
}

/// Rows with their tally, largest Rupiah first (then by name).
fn ranked(mut rows: Vec<(Vec<String>, Tally)>) -> Vec<Vec<Cell>> {
    rows.sort_by(|a, b| b.1.rupiah.cmp(&a.1.rupiah).then(b.1.orders.cmp(&a.1.orders)).then(a.0.cmp(&b.0)));
    rows.into_iter().map(|(names, tally)| names.into_iter().map(Cell::Text).chain(tally.cells()).collect()).collect()
}

fn bars(label_column: usize, value_column: usize) -> Option<Chart> {
    Some(Chart { kind: ChartKind::Bars, label_column, value_column })
}

/// Every village of the filter, with or without sales.
pub async fn by_village(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Report> {
    let sales: HashMap<String, Tally> = queries::by_village(conn, filter).await?;
    let villages = queries::villages(conn, filter).await?;
    let mut rows = Vec::with_capacity(villages.len());
    for (id, name, kecamatan) in villages {
        let tally = sales.get(&id).copied().unwrap_or_default();
        rows.push((vec![name, kecamatan], tally));
    }
    Ok(report(ReportKind::Villages, &["Desa", "Kecamatan"], ranked(rows), bars(0, 4)))
}

/// Every kecamatan with villages in the filter.
pub async fn by_kecamatan(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Report> {
    let sales: HashMap<String, Tally> = queries::by_kecamatan(conn, filter).await?;
    let kecamatan = queries::kecamatan(conn, filter).await?;
    let mut rows = Vec::with_capacity(kecamatan.len());
    for (code, name) in kecamatan {
        rows.push((vec![name], sales.get(&code).copied().unwrap_or_default()));
    }
    Ok(report(ReportKind::Kecamatan, &["Kecamatan"], ranked(rows), bars(0, 3)))
}

/// The label of an enterprise kind code, or of shops of no enterprise.
pub fn kind_label(code: &str) -> String {
    match EnterpriseKind::from_code(code) {
        Some(kind) => kind.label().into(),
        None => "Perorangan (tanpa lembaga)".into(),
    }
}

/// Every enterprise kind, and shops of none.
pub async fn by_enterprise_kind(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Report> {
    let sales: HashMap<String, Tally> = queries::by_enterprise_kind(conn, filter).await?;
    let codes = EnterpriseKind::ALL.iter().map(|k| k.code()).chain([NO_ENTERPRISE]);
    let rows = codes.map(|code| (vec![kind_label(code)], sales.get(code).copied().unwrap_or_default())).collect();
    Ok(report(ReportKind::EnterpriseKinds, &["Jenis lembaga"], ranked(rows), bars(0, 3)))
}
