//! SQL of credits: the lines an order credits to producers, each credit and its reversal (once per line),
//! whether a producer has any, and the dashboards' summary of producers' income (and its rebuilding).

use shared::producer_ledger::Fee;
use sqlx::{AnyConnection, Row};

use super::fee_of;

/// An order line whose product a member producer of the order's shop made.
pub struct ProducerLine {
    pub line_id: i64,
    /// The product (0 once it is deleted) and its sector when sold, for the dashboards' summary.
    pub product_id: i64,
    pub sector: String,
    pub shop_id: i64,
    pub producer_id: i64,
    pub quantity: i64,
    pub amount: i64,
    pub fee: Fee,
}

/// The order's lines made by a member producer of its shop, with that producer's fee now, by line.
pub async fn producer_lines(conn: &mut AnyConnection, order_id: i64) -> sqlx::Result<Vec<ProducerLine>> {
    let rows = sqlx::query(
        "SELECT l.id, l.product_id, l.sector, o.shop_id, pr.id AS producer_id, l.quantity, l.quantity * l.price AS amount, pr.fee_kind, \
            pr.fee_value \
         FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id \
            JOIN producers pr ON pr.id = p.producer_id AND pr.shop_id = o.shop_id \
         WHERE l.order_id = $1 ORDER BY l.id",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ProducerLine {
                line_id: r.try_get("id")?,
                product_id: r.try_get::<Option<i64>, _>("product_id")?.unwrap_or_default(),
                sector: r.try_get("sector")?,
                shop_id: r.try_get("shop_id")?,
                producer_id: r.try_get("producer_id")?,
                quantity: r.try_get("quantity")?,
                amount: r.try_get("amount")?,
                fee: fee_of(r)?,
            })
        })
        .collect()
}

/// Credits the line's sale to its producer (once: a line already credited is left as it is, and the
/// answer is false).
pub async fn credit(
    conn: &mut AnyConnection,
    line: &ProducerLine,
    order_id: i64,
    day: i64,
    at: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO producer_credits (shop_id, producer_id, line_id, order_id, kind, day, at, quantity, amount, fee) \
         VALUES ($1, $2, $3, $4, 'jual', $5, $6, $7, $8, $9) ON CONFLICT (line_id, kind) DO NOTHING",
    )
    .bind(line.shop_id)
    .bind(line.producer_id)
    .bind(line.line_id)
    .bind(order_id)
    .bind(day)
    .bind(at)
    .bind(line.quantity)
    .bind(line.amount)
    .bind(line.fee.of_line(line.quantity, line.amount))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A credit's figures: units, their amount and the shop's fee.
#[derive(Clone, Copy)]
pub struct Figures {
    pub quantity: i64,
    pub amount: i64,
    pub fee: i64,
}

/// A credited sale, as a refund takes it back: its day, line and figures as credited.
pub struct CreditedSale {
    pub day: i64,
    pub shop_id: i64,
    pub producer_id: i64,
    pub product_id: i64,
    pub sector: String,
    pub figures: Figures,
}

/// The sale credited for line `line_id` of the order, if there is one.
pub async fn credited(conn: &mut AnyConnection, order_id: i64, line_id: i64) -> sqlx::Result<Option<CreditedSale>> {
    let row = sqlx::query(
        "SELECT c.day, c.shop_id, c.producer_id, c.quantity, c.amount, c.fee, l.product_id, l.sector \
         FROM producer_credits c JOIN order_lines l ON l.id = c.line_id \
         WHERE c.line_id = $1 AND c.order_id = $2 AND c.kind = 'jual'",
    )
    .bind(line_id)
    .bind(order_id)
    .fetch_optional(conn)
    .await?;
    row.as_ref().map(credited_sale).transpose()
}

fn credited_sale(r: &sqlx::any::AnyRow) -> sqlx::Result<CreditedSale> {
    Ok(CreditedSale {
        day: r.try_get("day")?,
        shop_id: r.try_get("shop_id")?,
        producer_id: r.try_get("producer_id")?,
        product_id: r.try_get::<Option<i64>, _>("product_id")?.unwrap_or_default(),
        sector: r.try_get("sector")?,
        figures: Figures { quantity: r.try_get("quantity")?, amount: r.try_get("amount")?, fee: r.try_get("fee")? },
    })
}

/// Takes back the credited sale of line `line_id` (its figures negated); false when it already was.
pub async fn reverse(
    conn: &mut AnyConnection,
    sale: &CreditedSale,
    (order_id, line_id): (i64, i64),
    day: i64,
    at: i64,
) -> sqlx::Result<bool> {
    let f = sale.figures;
    let done = sqlx::query(
        "INSERT INTO producer_credits (shop_id, producer_id, line_id, order_id, kind, day, at, quantity, amount, fee) \
         VALUES ($1, $2, $3, $4, 'refund', $5, $6, $7, $8, $9) ON CONFLICT (line_id, kind) DO NOTHING",
    )
    .bind(sale.shop_id)
    .bind(sale.producer_id)
    .bind(line_id)
    .bind(order_id)
    .bind(day)
    .bind(at)
    .bind(-f.quantity)
    .bind(-f.amount)
    .bind(-f.fee)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The key of a row of the producers' income summary besides its span and period.
pub struct IncomeKey<'a> {
    pub shop_id: i64,
    pub product_id: i64,
    pub sector: &'a str,
}

/// Adds the figures of one line to the income summary row in the `span` (`d` or `m`) beginning on day
/// `period`; with `sign` −1 a refund takes them from the row its sale was added to (a guarded update:
/// the row is there).
pub async fn add_income(
    conn: &mut AnyConnection,
    (span, period): (&str, i64),
    key: &IncomeKey<'_>,
    f: Figures,
    sign: i64,
) -> sqlx::Result<()> {
    let sql = if sign > 0 {
        "INSERT INTO producer_income (span, period, shop_id, product_id, sector, lines, items, sold, earned) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (span, shop_id, period, product_id, sector) DO UPDATE SET \
         lines = producer_income.lines + excluded.lines, items = producer_income.items + excluded.items, \
         sold = producer_income.sold + excluded.sold, earned = producer_income.earned + excluded.earned"
    } else {
        "UPDATE producer_income SET lines = lines + $6, items = items + $7, sold = sold + $8, earned = earned + $9 \
         WHERE span = $1 AND period = $2 AND shop_id = $3 AND product_id = $4 AND sector = $5"
    };
    sqlx::query(sql)
        .bind(span)
        .bind(period)
        .bind(key.shop_id)
        .bind(key.product_id)
        .bind(key.sector)
        .bind(sign)
        .bind(sign * f.quantity)
        .bind(sign * f.amount)
        .bind(sign * (f.amount - f.fee))
        .execute(conn)
        .await?;
    Ok(())
}

/// Whether the producer has anything in the ledger (such a producer stays on the shop's list).
pub async fn has_entries(conn: &mut AnyConnection, producer_id: i64) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM producer_credits WHERE producer_id = $1) \
            + (SELECT COUNT(*) FROM producer_payouts WHERE producer_id = $1)",
    )
    .bind(producer_id)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// Every credit's id and moment, for dating them again in another time zone.
pub async fn moments(conn: &mut AnyConnection) -> sqlx::Result<Vec<(i64, i64)>> {
    sqlx::query_as("SELECT id, at FROM producer_credits ORDER BY id").fetch_all(conn).await
}

/// Dates credit `id` on local day `day`.
pub async fn redate(conn: &mut AnyConnection, id: i64, day: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE producer_credits SET day = $1 WHERE id = $2").bind(day).bind(id).execute(conn).await?;
    Ok(())
}

/// Empties the income summary, before it is rebuilt from the credits.
pub async fn clear_income(conn: &mut AnyConnection) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM producer_income").execute(conn).await?;
    Ok(())
}

/// Every credited sale not taken back by a refund: what the income summary holds.
pub async fn standing_sales(conn: &mut AnyConnection) -> sqlx::Result<Vec<CreditedSale>> {
    let rows = sqlx::query(
        "SELECT c.day, c.shop_id, c.producer_id, c.quantity, c.amount, c.fee, l.product_id, l.sector \
         FROM producer_credits c JOIN order_lines l ON l.id = c.line_id \
         WHERE c.kind = 'jual' \
            AND NOT EXISTS (SELECT 1 FROM producer_credits r WHERE r.line_id = c.line_id AND r.kind = 'refund') \
         ORDER BY c.id",
    )
    .fetch_all(conn)
    .await?;
    rows.iter().map(credited_sale).collect()
}
