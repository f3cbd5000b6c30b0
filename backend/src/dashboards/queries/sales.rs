//! SQL of the sales tables: the order summaries of the filter's days and shops, summed whole, per period
//! or per shop group, and the villages and kecamatan the tables list.

use std::collections::HashMap;

use shared::dashboard::NO_ENTERPRISE;
use sqlx::{AnyConnection, Row};

use super::{ORDER_SUMS, SHOP_ROWS, keyed};
use crate::{
    dashboards::{filter::Filter, tally::Tally},
    error::AppResult,
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
    keyed(conn, &sql).await
}

/// Every sale of the filter, summed.
pub async fn total(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Tally> {
    Ok(sums(conn, filter, "", false).await?.into_iter().map(|(_, t)| t).next().unwrap_or_default())
}

/// The sales of the filter per summary row's period (its first day; a day or a month); `daily`: day rows
/// only.
pub async fn per_period(conn: &mut AnyConnection, filter: &Filter, daily: bool) -> AppResult<Vec<(i64, Tally)>> {
    let group = "so.span || ':' || CAST(so.period AS TEXT)";
    let found = sums(conn, filter, group, daily).await?;
    Ok(found
        .into_iter()
        .map(|(key, tally)| (key.split(':').nth(1).and_then(|p| p.parse().ok()).unwrap_or_default(), tally))
        .collect())
}

/// The sales per village id.
pub async fn by_village(conn: &mut AnyConnection, filter: &Filter) -> AppResult<HashMap<String, Tally>> {
    by_shop_group(conn, filter, "CAST(v.id AS TEXT)").await
}

/// The sales per kecamatan code.
pub async fn by_kecamatan(conn: &mut AnyConnection, filter: &Filter) -> AppResult<HashMap<String, Tally>> {
    by_shop_group(conn, filter, "v.kecamatan_code").await
}

/// The sales per enterprise kind code (`NO_ENTERPRISE` for shops of none).
pub async fn by_enterprise_kind(conn: &mut AnyConnection, filter: &Filter) -> AppResult<HashMap<String, Tally>> {
    by_shop_group(conn, filter, &format!("COALESCE(e.kind, '{NO_ENTERPRISE}')")).await
}

/// The sales of the filter's days and shops, grouped by `group` (an SQL expression over the shop's `s`,
/// `v` and `e`): summed per shop first, then the few shops joined to their village and enterprise.
async fn by_shop_group(conn: &mut AnyConnection, filter: &Filter, group: &str) -> AppResult<HashMap<String, Tally>> {
    let sql = format!(
        "SELECT {group} AS key, {ORDER_SUMS} FROM (SELECT so.shop_id, so.outcome, \
             CAST(SUM(so.orders) AS BIGINT) AS orders, CAST(SUM(so.items) AS BIGINT) AS items, \
             CAST(SUM(so.rupiah) AS BIGINT) AS rupiah FROM sales_orders so \
             WHERE {rows} GROUP BY so.shop_id, so.outcome) so {SHOP_ROWS} GROUP BY {group}",
        rows = filter.summary_rows("so", false),
    );
    Ok(keyed(conn, &sql).await?.into_iter().collect())
}

/// The filter's villages as (id as text, name, kecamatan name).
pub async fn villages(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Vec<(String, String, String)>> {
    let villages = sqlx::query(&format!(
        "SELECT CAST(v.id AS TEXT) AS id, v.name, k.name AS kecamatan FROM villages v \
         JOIN regions k ON k.code = v.kecamatan_code WHERE {}",
        filter.villages()
    ))
    .fetch_all(conn)
    .await?;
    villages.iter().map(|v| Ok((v.try_get("id")?, v.try_get("name")?, v.try_get("kecamatan")?))).collect()
}

/// The kecamatan of the filter's villages as (code, name), each once.
pub async fn kecamatan(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Vec<(String, String)>> {
    let kecamatan = sqlx::query(&format!(
        "SELECT DISTINCT v.kecamatan_code AS code, k.name FROM villages v \
         JOIN regions k ON k.code = v.kecamatan_code WHERE {}",
        filter.villages()
    ))
    .fetch_all(conn)
    .await?;
    kecamatan.iter().map(|k| Ok((k.try_get("code")?, k.try_get("name")?))).collect()
}
