//! What else moved in the period: shops that opened, consultations asked, bulk inquiries received.

use shared::{
    ShopStatus,
    dashboard::{Cell, ColumnKind, Report, ReportKind},
};
use sqlx::{AnyConnection, Row};

use super::{filter::Filter, sales::kind_label, tally::column};
use crate::{error::AppResult, products::queries::LISTED, time_zone::TimeZone};

/// Shops that opened in the period, newest first.
pub async fn new_shops(conn: &mut AnyConnection, filter: &Filter, zone: TimeZone) -> AppResult<Report> {
    let sql = format!(
        "SELECT s.name, v.name AS village, COALESCE(e.kind, '') AS kind, s.status, s.created_at, \
             (SELECT COUNT(*) FROM products p WHERE p.shop_id = s.id AND {LISTED}) AS products \
         FROM shops s JOIN villages v ON v.id = s.village_id LEFT JOIN enterprises e ON e.id = s.enterprise_id \
         WHERE s.created_at >= {} AND s.created_at < {} AND {} ORDER BY s.created_at DESC, s.id DESC",
        filter.since_ms,
        filter.until_ms,
        filter.shops()
    );
    let mut rows = Vec::new();
    for row in sqlx::query(&sql).fetch_all(&mut *conn).await? {
        let status: String = row.try_get("status")?;
        let kind: String = row.try_get("kind")?;
        rows.push(vec![
            Cell::Text(row.try_get("name")?),
            Cell::Text(row.try_get("village")?),
            Cell::Text(kind_label(&kind)),
            Cell::Text(zone.date_time(row.try_get("created_at")?)[..10].to_owned()),
            Cell::Text(ShopStatus::from_code(&status).map_or(status, |s| s.label().to_owned())),
            Cell::Number(row.try_get("products")?),
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

/// How many shops opened in the period.
pub async fn new_shop_count(conn: &mut AnyConnection, filter: &Filter) -> AppResult<i64> {
    let sql = format!(
        "SELECT COUNT(*) FROM shops s JOIN villages v ON v.id = s.village_id \
         LEFT JOIN enterprises e ON e.id = s.enterprise_id \
         WHERE s.created_at >= {} AND s.created_at < {} AND {}",
        filter.since_ms,
        filter.until_ms,
        filter.shops()
    );
    Ok(sqlx::query_scalar(&sql).fetch_one(&mut *conn).await?)
}

/// How many products are for sale now: the shops' counters (kept by triggers, migration 0013), or with
/// a sector or product filter the products themselves (through the index `products_listed`).
pub async fn listed_count(conn: &mut AnyConnection, filter: &Filter) -> AppResult<i64> {
    let sql = if filter.sector.is_none() && filter.product.is_none() {
        format!(
            "SELECT CAST(COALESCE(SUM(s.listed_products), 0) AS BIGINT) FROM shops s \
             JOIN villages v ON v.id = s.village_id LEFT JOIN enterprises e ON e.id = s.enterprise_id \
             WHERE s.status = 'active' AND {}",
            filter.shops()
        )
    } else {
        format!(
            "SELECT COUNT(*) FROM products p JOIN shops s ON s.id = p.shop_id WHERE {LISTED} AND {} \
             AND p.shop_id IN {}",
            filter.goods("p", "id"),
            filter.shop_ids()
        )
    };
    Ok(sqlx::query_scalar(&sql).fetch_one(&mut *conn).await?)
}

/// Counts of `table` (`x`, with `village_id` and `created_at`) made in the period, one row per code of
/// `down` (the column `down_column`) and one column per code of `across`, with a total.
async fn cross(
    conn: &mut AnyConnection,
    filter: &Filter,
    table: &str,
    (down_column, down): (&str, Vec<(&'static str, &'static str)>),
    (across_column, across): (&str, Vec<(&'static str, &'static str)>),
) -> AppResult<(Vec<shared::dashboard::Column>, Vec<Vec<Cell>>)> {
    let sql = format!(
        "SELECT x.{down_column} AS down, x.{across_column} AS across, COUNT(*) AS n FROM {table} x \
         JOIN villages v ON v.id = x.village_id WHERE x.created_at >= {} AND x.created_at < {} AND {} \
         GROUP BY x.{down_column}, x.{across_column}",
        filter.since_ms,
        filter.until_ms,
        filter.villages()
    );
    let counts: Vec<(String, String, i64)> = sqlx::query_as(&sql).fetch_all(&mut *conn).await?;
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
    Ok((columns, rows))
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
    let down = ("topic", choices(T::ALL, T::code, T::label));
    let across = ("status", choices(S::ALL, S::code, S::label));
    let (mut columns, rows) = cross(conn, filter, "consultations", down, across).await?;
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
    let down = ("kind", choices(K::ALL, K::code, K::label));
    let across = ("status", choices(S::ALL, S::code, S::label));
    let (mut columns, rows) = cross(conn, filter, "inquiries", down, across).await?;
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

/// How many consultations are still waiting for an answer (new or in progress), whenever asked.
pub async fn waiting_consultations(conn: &mut AnyConnection, filter: &Filter) -> AppResult<i64> {
    let sql = format!(
        "SELECT COUNT(*) FROM consultations x JOIN villages v ON v.id = x.village_id \
         WHERE x.status IN ('baru', 'diproses') AND {}",
        filter.villages()
    );
    Ok(sqlx::query_scalar(&sql).fetch_one(&mut *conn).await?)
}

/// How many inquiries came in the period.
pub async fn inquiry_count(conn: &mut AnyConnection, filter: &Filter) -> AppResult<i64> {
    let sql = format!(
        "SELECT COUNT(*) FROM inquiries x JOIN villages v ON v.id = x.village_id \
         WHERE x.created_at >= {} AND x.created_at < {} AND {}",
        filter.since_ms,
        filter.until_ms,
        filter.villages()
    );
    Ok(sqlx::query_scalar(&sql).fetch_one(&mut *conn).await?)
}
