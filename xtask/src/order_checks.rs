//! What a database must show after a durability run: nothing half-written anywhere, every acknowledged
//! checkout there with all its orders and lines, one checkout per buyer (and so per `Idempotency-Key`), and
//! each product's stock equal to its starting stock less the lines of the run's orders.

use std::collections::HashMap;

use anyhow::{Result, bail};

use crate::order_load::Acked;
use crate::sql::Database;

/// The shape of the run's checkout and where its products' stock started.
pub struct Expected<'a> {
    /// The run's buyer name: its orders are those with it.
    pub buyer: &'a str,
    /// Orders (one per shop) and lines in one checkout.
    pub orders_per_checkout: usize,
    pub lines_per_checkout: usize,
    /// `(product id, stock when the run began)`.
    pub stock: &'a [(i64, i64)],
    /// The `Idempotency-Key` prefix of the run.
    pub key_prefix: &'a str,
}

/// What the database holds of the run.
pub struct Found {
    pub checkouts: usize,
    pub orders: usize,
}

/// Checks `db` against the run; `all_acked`: every checkout written must also have been acknowledged (the
/// clients kept retrying until answered), otherwise the database may hold fewer (a backup taken mid-run).
pub fn check(db: &Database, run: &Expected, acked: &[Acked], all_acked: bool) -> Result<Found> {
    let mut problems = Vec::new();
    let half_written = [
        (
            "orders without lines",
            "SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)",
        ),
        (
            "lines without an order",
            "SELECT COUNT(*) FROM order_lines l WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = l.order_id)",
        ),
        (
            "orders without a timeline",
            "SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id)",
        ),
    ];
    for (what, sql) in half_written {
        let n = db.number(sql)?;
        if n != 0 {
            problems.push(format!("{n} {what}"));
        }
    }
    let claimed = db.number(&format!(
        "SELECT COUNT(*) FROM idempotency_keys WHERE key LIKE '{}-%' AND response = ''",
        run.key_prefix
    ))?;
    if claimed != 0 {
        problems.push(format!("{claimed} idempotency keys claimed without their answer"));
    }
    // code → (buyer number, lines)
    let rows = db.rows(&format!(
        "SELECT o.code, o.buyer_phone, COUNT(l.position) FROM orders o JOIN order_lines l ON l.order_id = o.id \
         WHERE o.buyer_name = '{}' GROUP BY o.code, o.buyer_phone",
        run.buyer
    ))?;
    let mut orders: HashMap<String, (String, usize)> = HashMap::new();
    let mut per_buyer: HashMap<String, (usize, usize)> = HashMap::new();
    for row in &rows {
        let [code, phone, lines] = row.as_slice() else { bail!("an unexpected row {row:?}") };
        let lines: usize = lines.parse()?;
        orders.insert(code.clone(), (phone.clone(), lines));
        let seen = per_buyer.entry(phone.clone()).or_default();
        seen.0 += 1;
        seen.1 += lines;
    }
    for (phone, (n, lines)) in &per_buyer {
        if (*n, *lines) != (run.orders_per_checkout, run.lines_per_checkout) {
            problems.push(format!(
                "buyer {phone} has {n} orders with {lines} lines, not {} with {}",
                run.orders_per_checkout, run.lines_per_checkout
            ));
        }
    }
    let mut missing = 0;
    for a in acked {
        if a.codes.len() != run.orders_per_checkout {
            problems.push(format!("checkout {} was answered with {} orders", a.key, a.codes.len()));
        }
        for code in &a.codes {
            match orders.get(code) {
                None => missing += 1,
                Some((phone, _)) if !phone.ends_with(&a.phone[1..]) => {
                    problems.push(format!("order {code} of {} belongs to {phone}", a.phone));
                }
                Some(_) => {}
            }
        }
    }
    if all_acked && missing == 0 && per_buyer.len() != acked.len() {
        problems.push(format!("{} checkouts written, {} acknowledged", per_buyer.len(), acked.len()));
    }
    if missing > 0 {
        problems.push(format!("{missing} acknowledged orders are missing"));
    }
    for &(product, start) in run.stock {
        let stock = db.number(&format!("SELECT stock FROM products WHERE id = {product}"))?;
        let sold = db.number(&format!(
            "SELECT COALESCE(SUM(l.quantity), 0) FROM order_lines l JOIN orders o ON o.id = l.order_id \
             WHERE l.product_id = {product} AND o.buyer_name = '{}'",
            run.buyer
        ))?;
        if stock != start - sold {
            problems.push(format!("product {product}: stock {stock}, but {start} at the start less {sold} sold"));
        }
    }
    if !problems.is_empty() {
        bail!("{} on {}: {}", problems.len(), db.engine(), problems.join("; "));
    }
    Ok(Found { checkouts: per_buyer.len(), orders: orders.len() })
}
