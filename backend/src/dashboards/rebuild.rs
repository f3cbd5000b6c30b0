//! Rebuilding the sales summaries from the orders (and the producers' income from their credits): when a
//! database first gets them, when the kabupaten's time zone changes (days begin at another hour), and in
//! tests that check the ledger kept them exactly.

use std::collections::BTreeMap;

use sqlx::AnyConnection;

use super::queries::ledger::{self as queries, Group, SummaryRow};
use crate::{db::Db, time_zone::TimeZone, time_zone::month_start};

/// A summary row's key (span, period, shop, product, sector, buyer region, outcome) and its counts (line
/// summaries leave the outcome empty: they count goods of orders not cancelled).
type Rows = BTreeMap<(&'static str, i64, i64, i64, String, String, String), [i64; 3]>;

/// Rebuilds the summaries unless they were kept for `zone`; answers whether it rebuilt.
pub async fn ensure(db: &Db, zone: TimeZone) -> anyhow::Result<bool> {
    let kept = queries::kept_time_zone(db).await?;
    if kept.as_deref() == Some(zone.code()) {
        return Ok(false);
    }
    let mut tx = db.begin_write().await?;
    rebuild(&mut tx, zone).await?;
    tx.commit().await?;
    Ok(true)
}

/// Replaces every summary row with the figures of the orders as they stand.
pub async fn rebuild(conn: &mut AnyConnection, zone: TimeZone) -> anyhow::Result<()> {
    queries::clear(&mut *conn).await?;
    let orders = queries::order_groups(&mut *conn, zone).await?;
    queries::insert(&mut *conn, false, &spread(orders)).await?;
    let lines = queries::line_groups(&mut *conn, zone).await?;
    queries::insert(&mut *conn, true, &spread(lines)).await?;
    crate::producer_ledger::credits::rebuild_income(&mut *conn, zone).await?;
    queries::keep_time_zone(conn, zone).await?;
    Ok(())
}

/// Each day's row, and its share of its month's row.
fn spread(groups: Vec<Group>) -> Vec<SummaryRow> {
    let mut out = Rows::new();
    for ((day, shop, product, sector, region, outcome), counts) in groups {
        for (span, period) in [("d", day), ("m", month_start(day))] {
            let key = (span, period, shop, product, sector.clone(), region.clone(), outcome.clone());
            let sum = out.entry(key).or_default();
            for (total, n) in sum.iter_mut().zip(counts) {
                *total += n;
            }
        }
    }
    out.into_iter().collect()
}
