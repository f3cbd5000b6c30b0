//! SQL of the ratings over time: the visible reviews written in a dashboard's days for its shops.

use sqlx::{AnyConnection, Row};

use crate::{dashboards::filter::Filter, error::AppResult};

/// When each visible review of the filter's shops (and products) was written in its days, and its stars.
pub async fn written(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Vec<(i64, i64)>> {
    let sql = format!(
        "SELECT r.created_at, r.rating FROM reviews r LEFT JOIN products p ON p.id = r.product_id \
         WHERE r.hidden_reason IS NULL AND r.created_at >= {} AND r.created_at < {} AND r.shop_id IN {} AND {}",
        filter.since_ms,
        filter.until_ms,
        filter.shop_ids(),
        filter.goods("p", "id"),
    );
    let rows = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    rows.iter().map(|row| Ok((row.try_get("created_at")?, row.try_get("rating")?))).collect()
}
