//! Credits to producers, written inside the transaction that completes an order (or refunds its lines),
//! so the ledger always matches the orders: each line of a member producer's product once as a sale,
//! with the producer and the shop's fee as they are at that moment, and at most once taken back. The
//! dashboards' summary of producers' income (`producer_income`) changes in the same statements' turn, and
//! is rebuilt from the credits when the time zone changes.

use sqlx::AnyConnection;

use super::queries::credits::{self as queries, Figures, IncomeKey};
use crate::{
    error::AppResult,
    time_zone::{TimeZone, month_start},
};

/// Credits the completed order's lines to their producers, on the local day of `now`.
pub async fn credit_order(conn: &mut AnyConnection, zone: TimeZone, order_id: i64, now: i64) -> AppResult<()> {
    let day = zone.day_of(now);
    for line in queries::producer_lines(&mut *conn, order_id).await? {
        if queries::credit(&mut *conn, &line, order_id, day, now).await? {
            let figures = Figures {
                quantity: line.quantity,
                amount: line.amount,
                fee: line.fee.of_line(line.quantity, line.amount),
            };
            let key = IncomeKey { shop_id: line.shop_id, product_id: line.product_id, sector: &line.sector };
            summarize(conn, day, &key, figures, 1).await?;
        }
    }
    Ok(())
}

/// Takes back the credits of the order's lines `line_ids` (a refund), dated the local day of `when`:
/// each credited line once, with its sale's figures negated; lines never credited (no producer, or an
/// order not completed) and lines already taken back are left as they are. The complaints' refund calls
/// it inside its own transaction.
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
    for line_id in lines {
        let Some(sale) = queries::credited(&mut *conn, order_id, line_id).await? else {
            continue;
        };
        if queries::reverse(&mut *conn, &sale, (order_id, line_id), day, when).await? {
            let key = IncomeKey { shop_id: sale.shop_id, product_id: sale.product_id, sector: &sale.sector };
            // Off the sale's own day, so a summary row never goes below nothing.
            summarize(conn, sale.day, &key, sale.figures, -1).await?;
        }
    }
    Ok(())
}

/// Dates every credit again on its local day in `zone` and rebuilds the income summary from the credits
/// (the sales not taken back): when the kabupaten's time zone changes, with the sales summaries.
pub async fn rebuild_income(conn: &mut AnyConnection, zone: TimeZone) -> AppResult<()> {
    for (id, at) in queries::moments(&mut *conn).await? {
        queries::redate(&mut *conn, id, zone.day_of(at)).await?;
    }
    queries::clear_income(&mut *conn).await?;
    for sale in queries::standing_sales(&mut *conn).await? {
        let key = IncomeKey { shop_id: sale.shop_id, product_id: sale.product_id, sector: &sale.sector };
        summarize(conn, sale.day, &key, sale.figures, 1).await?;
    }
    Ok(())
}

/// Adds the line to (or takes it from) the income summary of its day and its month.
async fn summarize(conn: &mut AnyConnection, day: i64, key: &IncomeKey<'_>, f: Figures, sign: i64) -> AppResult<()> {
    for period in [("d", day), ("m", month_start(day))] {
        queries::add_income(&mut *conn, period, key, f, sign).await?;
    }
    Ok(())
}
