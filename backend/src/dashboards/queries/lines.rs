//! SQL of the product-line tables: line summaries of the filter's days, shops and goods, summed per
//! group or per product (the best sellers), and the names of the regions the goods went to.

use std::collections::HashMap;

use shared::{RegionCode, dashboard::MarketLevel};
use sqlx::{AnyConnection, Row};

use super::{LINE_ROWS, LINE_SUMS, keyed, tally};
use crate::{
    dashboards::{filter::Filter, tally::Tally},
    error::AppResult,
};

fn lines_where(filter: &Filter) -> String {
    format!("{} AND {}", filter.summary_rows("sl", false), filter.goods("sl", "product_id"))
}

/// Sums of the filter's line summaries per `group` (an SQL expression over `sl`).
async fn sums(conn: &mut AnyConnection, filter: &Filter, group: &str) -> AppResult<HashMap<String, Tally>> {
    let sql = format!("SELECT {group} AS key, {LINE_SUMS} {LINE_ROWS} WHERE {} GROUP BY {group}", lines_where(filter));
    Ok(keyed(conn, &sql).await?.into_iter().collect())
}

/// The filter's goods per sector code.
pub async fn by_sector(conn: &mut AnyConnection, filter: &Filter) -> AppResult<HashMap<String, Tally>> {
    sums(conn, filter, "sl.sector").await
}

/// The filter's goods per buyer's region at `level` (province or kabupaten code; empty when collected).
pub async fn by_buyer_region(
    conn: &mut AnyConnection,
    filter: &Filter,
    level: MarketLevel,
) -> AppResult<HashMap<String, Tally>> {
    let group = match level {
        MarketLevel::Province => "SUBSTR(sl.buyer_region, 1, 2)",
        MarketLevel::Kabupaten => "sl.buyer_region",
    };
    sums(conn, filter, group).await
}

/// A best-selling product: its name, shop, village and sector code, and what its lines add up to.
pub struct TopProduct {
    pub product: String,
    pub shop: String,
    pub village: String,
    pub sector: String,
    pub tally: Tally,
}

/// The `top` products of the filter selling for the most Rupiah (then in most orders).
pub async fn top_products(conn: &mut AnyConnection, filter: &Filter, top: i64) -> AppResult<Vec<TopProduct>> {
    let sql = format!(
        "SELECT p.name AS product, s.name AS shop, v.name AS village, p.sector, t.orders, t.items, t.rupiah, \
             t.done, t.cancelled \
         FROM (SELECT sl.product_id, {LINE_SUMS} {LINE_ROWS} WHERE {} GROUP BY sl.product_id \
             ORDER BY rupiah DESC, orders DESC, sl.product_id LIMIT {top}) t \
         JOIN products p ON p.id = t.product_id JOIN shops s ON s.id = p.shop_id \
         JOIN villages v ON v.id = s.village_id ORDER BY t.rupiah DESC, t.orders DESC, t.product_id",
        lines_where(filter)
    );
    let found = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    found
        .iter()
        .map(|row| {
            Ok(TopProduct {
                sector: row.try_get("sector")?,
                product: row.try_get("product")?,
                shop: row.try_get("shop")?,
                village: row.try_get("village")?,
                tally: tally(row)?,
            })
        })
        .collect()
}

/// The names of the regions with these codes, by code.
pub async fn region_names(conn: &mut AnyConnection, codes: &[RegionCode]) -> sqlx::Result<HashMap<String, String>> {
    if codes.is_empty() {
        return Ok(HashMap::new());
    }
    let codes: Vec<String> = codes.iter().map(|c| format!("'{}'", c.as_str())).collect();
    let sql = format!("SELECT code, name FROM regions WHERE code IN ({})", codes.join(", "));
    Ok(sqlx::query_as(&sql).fetch_all(&mut *conn).await?.into_iter().collect())
}
