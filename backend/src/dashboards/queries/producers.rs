//! SQL of what reached member producers: the income summary rows of the filter's days, shops and goods,
//! summed per village and sector.

use sqlx::{AnyConnection, Row};

use crate::{dashboards::filter::Filter, error::AppResult};

/// What producers of one village earned in one sector.
pub struct VillageIncome {
    pub village: String,
    pub sector: String,
    /// Credited lines, units, their amount, and what the producers earned of it.
    pub lines: i64,
    pub items: i64,
    pub sold: i64,
    pub earned: i64,
}

/// The filter's producers' income per village and sector, most earned first.
pub async fn by_village_and_sector(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Vec<VillageIncome>> {
    let sql = format!(
        "SELECT v.name AS village, pi.sector, CAST(SUM(pi.lines) AS BIGINT) AS lines, \
            CAST(SUM(pi.items) AS BIGINT) AS items, CAST(SUM(pi.sold) AS BIGINT) AS sold, \
            CAST(SUM(pi.earned) AS BIGINT) AS earned \
         FROM producer_income pi JOIN shops s ON s.id = pi.shop_id JOIN villages v ON v.id = s.village_id \
         WHERE {} AND {} GROUP BY v.id, v.name, pi.sector HAVING SUM(pi.lines) > 0 \
         ORDER BY earned DESC, v.name, pi.sector",
        filter.summary_rows("pi", false),
        filter.goods("pi", "product_id")
    );
    let found = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    found
        .iter()
        .map(|row| {
            Ok(VillageIncome {
                village: row.try_get("village")?,
                sector: row.try_get("sector")?,
                lines: row.try_get("lines")?,
                items: row.try_get("items")?,
                sold: row.try_get("sold")?,
                earned: row.try_get("earned")?,
            })
        })
        .collect()
}
