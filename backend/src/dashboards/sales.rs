//! Sales from the order summaries: over time, by village, by kecamatan and by enterprise kind.

use std::collections::HashMap;

use shared::{
    EnterpriseKind,
    dashboard::{Cell, Chart, ChartKind, NO_ENTERPRISE, Report, ReportKind},
};
use sqlx::{AnyConnection, Row};

use super::{
    filter::Filter,
    tally::{ORDER_SUMS, SALES_NOTE, SHOP_ROWS, Tally, tally_columns},
};
use crate::{
    error::AppResult,
    time_zone::{date_of, month_start, next_month},
};

/// What `sales_orders so` rows of the filter's days and shops add up to, per `group` (an SQL expression
/// over `so`, or empty for one sum); `daily`: day rows only.
async fn sums(conn: &mut AnyConnection, filter: &Filter, group: &str, daily: bool) -> AppResult<Vec<(String, Tally)>> {
    let rows = filter.summary_rows("so", daily);
    let (key, group_by) = if group.is_empty() {
        ("''".to_owned(), String::new())
    } else {
        (group.to_owned(), format!(" GROUP BY {group}"))
    };
    let sql = format!("SELECT {key} AS key, {ORDER_SUMS} FROM sales_orders so WHERE {rows}{group_by}");
    let found = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    found.iter().map(|row| Ok((row.try_get::<String, _>("key")?, Tally::read(row)?))).collect()
}

/// The sales of the filter's days and shops, grouped by `group` (an SQL expression over the shop's `s`,
/// `v` and `e`): summed per shop first, then the few shops joined to their village and enterprise.
async fn tallies(conn: &mut AnyConnection, filter: &Filter, group: &str) -> AppResult<HashMap<String, Tally>> {
    let sql = format!(
        "SELECT {group} AS key, {ORDER_SUMS} FROM (SELECT so.shop_id, so.outcome, \
             CAST(SUM(so.orders) AS BIGINT) AS orders, CAST(SUM(so.items) AS BIGINT) AS items, \
             CAST(SUM(so.rupiah) AS BIGINT) AS rupiah FROM sales_orders so \
             WHERE {rows} GROUP BY so.shop_id, so.outcome) so {SHOP_ROWS} GROUP BY {group}",
        rows = filter.summary_rows("so", false),
    );
    let found = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    found.iter().map(|row| Ok((row.try_get::<String, _>("key")?, Tally::read(row)?))).collect()
}

/// Every sale of the filter, summed.
pub async fn total(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Tally> {
    Ok(sums(conn, filter, "", false).await?.into_iter().map(|(_, t)| t).next().unwrap_or_default())
}

fn report(kind: ReportKind, first: &[&str], rows: Vec<Vec<Cell>>, chart: Option<Chart>) -> Report {
    Report { kind, title: kind.label().into(), note: SALES_NOTE.into(), columns: tally_columns(first), rows, chart }
}

/// Day by day for up to two months, otherwise month by month; every day or month shown, sales or not.
pub async fn over_time(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Report> {
    let daily = filter.days.daily();
    let group = "so.span || ':' || CAST(so.period AS TEXT)";
    let mut buckets: HashMap<i64, Tally> = HashMap::new();
    for (key, tally) in sums(conn, filter, group, daily).await? {
        let period: i64 = key.split(':').nth(1).and_then(|p| p.parse().ok()).unwrap_or_default();
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
    let sales: HashMap<String, Tally> = tallies(conn, filter, "CAST(v.id AS TEXT)").await?;
    let villages = sqlx::query(&format!(
        "SELECT CAST(v.id AS TEXT) AS id, v.name, k.name AS kecamatan FROM villages v \
         JOIN regions k ON k.code = v.kecamatan_code WHERE {}",
        filter.villages()
    ))
    .fetch_all(&mut *conn)
    .await?;
    let mut rows = Vec::with_capacity(villages.len());
    for v in &villages {
        let id: String = v.try_get("id")?;
        rows.push((vec![v.try_get("name")?, v.try_get("kecamatan")?], sales.get(&id).copied().unwrap_or_default()));
    }
    Ok(report(ReportKind::Villages, &["Desa", "Kecamatan"], ranked(rows), bars(0, 4)))
}

/// Every kecamatan with villages in the filter.
pub async fn by_kecamatan(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Report> {
    let sales: HashMap<String, Tally> = tallies(conn, filter, "v.kecamatan_code").await?;
    let kecamatan = sqlx::query(&format!(
        "SELECT DISTINCT v.kecamatan_code AS code, k.name FROM villages v \
         JOIN regions k ON k.code = v.kecamatan_code WHERE {}",
        filter.villages()
    ))
    .fetch_all(&mut *conn)
    .await?;
    let mut rows = Vec::with_capacity(kecamatan.len());
    for k in &kecamatan {
        let code: String = k.try_get("code")?;
        rows.push((vec![k.try_get("name")?], sales.get(&code).copied().unwrap_or_default()));
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
    let group = format!("COALESCE(e.kind, '{NO_ENTERPRISE}')");
    let sales: HashMap<String, Tally> = tallies(conn, filter, &group).await?;
    let codes = EnterpriseKind::ALL.iter().map(|k| k.code()).chain([NO_ENTERPRISE]);
    let rows = codes.map(|code| (vec![kind_label(code)], sales.get(code).copied().unwrap_or_default())).collect();
    Ok(report(ReportKind::EnterpriseKinds, &["Jenis lembaga"], ranked(rows), bars(0, 3)))
}
