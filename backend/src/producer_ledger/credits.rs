//! Credits to producers, written inside the transaction that completes an order (or refunds its lines),
//! so the ledger always matches the orders: each line of a member producer's product once as a sale,
//! with the producer and the shop's fee as they are at that moment, and at most once taken back.

use sqlx::AnyConnection;

use super::queries;
use crate::{error::AppResult, time_zone::TimeZone};

/// Credits the completed order's lines to their producers, on the local day of `now`.
pub async fn credit_order(conn: &mut AnyConnection, zone: TimeZone, order_id: i64, now: i64) -> AppResult<()> {
    let day = zone.day_of(now);
    for line in queries::producer_lines(&mut *conn, order_id).await? {
        queries::credit(&mut *conn, &line, order_id, day, now).await?;
    }
    Ok(())
}

/// Takes back the credits of the order's lines `line_ids` (a refund), on the local day of `when`: each
/// credited line once, with its sale's figures negated; lines never credited (no producer, or an order not
/// completed) and lines already taken back are left as they are.
pub async fn reverse_lines(
    conn: &mut AnyConnection,
    zone: TimeZone,
    order_id: i64,
    line_ids: &[i64],
    when: i64,
) -> AppResult<()> {
    let day = zone.day_of(when);
    let mut lines = line_ids.to_vec();
    lines.sort_unstable();
    lines.dedup();
    for line in lines {
        queries::reverse(&mut *conn, order_id, line, day, when).await?;
    }
    Ok(())
}
