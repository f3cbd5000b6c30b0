//! SQL of orders, one file per topic (checking a checkout, placing it, lists); here one stored order
//! with its lines and timeline, and moving it along its life cycle.

pub mod checkout;
pub mod lists;
pub mod place;

use shared::{
    Actor, DeliveryMethod, OrderFlow, OrderStatus, PaymentMethod, Phone, Unit,
    order::{OrderEvent, OrderLine},
};
use sqlx::{AnyConnection, Row, any::AnyRow};

use super::timeline::Move;
use crate::{
    db::Db,
    error::{AppError, AppResult},
};

/// An order as stored, with its shop: what guards and moves need, and the rest of what its page shows.
pub struct Stored {
    pub id: i64,
    pub code: String,
    pub shop_id: i64,
    pub shop_name: String,
    pub owner_id: Option<i64>,
    pub buyer_id: Option<i64>,
    pub buyer_name: String,
    pub buyer_phone: Phone,
    pub shop_whatsapp: Phone,
    pub flow: OrderFlow,
    pub delivery_fee: Option<i64>,
    pub items_total: i64,
    pub status_at: i64,
    /// The latest receipt photo's sizes, as stored (JSON).
    pub receipt: Option<String>,
    pub page: StoredPage,
}

/// The columns only an order's page shows, as stored (the JSON ones still text).
pub struct StoredPage {
    pub shop_slug: String,
    pub village_name: String,
    pub pickup_address: String,
    /// The shop's bank accounts (JSON).
    pub bank_accounts: String,
    pub qris_id: Option<i64>,
    pub qris_variants: Option<String>,
    /// The address as placed (JSON).
    pub address: Option<String>,
    pub note: String,
    pub weight_grams: i64,
    pub tracking_number: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

const STORED: &str = "SELECT o.*, s.name AS shop_name, s.slug AS shop_slug, s.whatsapp AS shop_whatsapp, s.owner_id, \
     s.pickup_address, s.bank_accounts, s.qris_id, qi.variants AS qris_variants, v.name AS village_name \
     FROM orders o JOIN shops s ON s.id = o.shop_id JOIN villages v ON v.id = s.village_id \
     LEFT JOIN images qi ON qi.id = s.qris_id";

/// The error for a stored value that does not read back.
pub fn internal(what: &str) -> AppError {
    AppError::Internal(anyhow::anyhow!("stored order has a bad {what}"))
}

/// A code column read back as its value.
pub fn code_of<T>(row: &AnyRow, column: &str, from_code: fn(&str) -> Option<T>) -> AppResult<T> {
    let code: String = row.try_get(column)?;
    from_code(&code).ok_or_else(|| internal(column))
}

fn phone(row: &AnyRow, column: &str) -> AppResult<Phone> {
    Phone::parse(&row.try_get::<String, _>(column)?).map_err(|_| internal(column))
}

/// The order with this code, if there is one.
pub async fn by_code(conn: &mut AnyConnection, code: &str) -> AppResult<Option<Stored>> {
    if !shared::order::is_order_code(code) {
        return Ok(None);
    }
    let row = sqlx::query(&format!("{STORED} WHERE o.code = $1")).bind(code).fetch_optional(conn).await?;
    row.map(stored).transpose()
}

fn stored(row: AnyRow) -> AppResult<Stored> {
    Ok(Stored {
        id: row.try_get("id")?,
        code: row.try_get("code")?,
        shop_id: row.try_get("shop_id")?,
        shop_name: row.try_get("shop_name")?,
        owner_id: row.try_get("owner_id")?,
        buyer_id: row.try_get("buyer_id")?,
        buyer_name: row.try_get("buyer_name")?,
        buyer_phone: phone(&row, "buyer_phone")?,
        shop_whatsapp: phone(&row, "shop_whatsapp")?,
        flow: OrderFlow {
            status: code_of(&row, "status", OrderStatus::from_code)?,
            payment: code_of(&row, "payment", PaymentMethod::from_code)?,
            delivery: code_of(&row, "delivery", DeliveryMethod::from_code)?,
        },
        delivery_fee: row.try_get("delivery_fee")?,
        items_total: row.try_get("items_total")?,
        status_at: row.try_get("status_at")?,
        receipt: row.try_get("receipt")?,
        page: StoredPage {
            shop_slug: row.try_get("shop_slug")?,
            village_name: row.try_get("village_name")?,
            pickup_address: row.try_get("pickup_address")?,
            bank_accounts: row.try_get("bank_accounts")?,
            qris_id: row.try_get("qris_id")?,
            qris_variants: row.try_get("qris_variants")?,
            address: row.try_get("address")?,
            note: row.try_get("note")?,
            weight_grams: row.try_get("weight_grams")?,
            tracking_number: row.try_get("tracking_number")?,
            created_at: row.try_get("created_at")?,
            updated_at: row.try_get("updated_at")?,
        },
    })
}

/// The order's lines, in the order they were placed, with the stars each was given.
pub async fn lines(conn: &mut AnyConnection, order_id: i64) -> AppResult<Vec<OrderLine>> {
    sqlx::query(
        "SELECT l.id, l.product_id, l.name, l.unit, l.price, l.weight_grams, l.quantity, r.rating \
         FROM order_lines l LEFT JOIN reviews r ON r.line_id = l.id WHERE l.order_id = $1 ORDER BY l.position",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?
    .iter()
    .map(|l| {
        let (price, quantity): (i64, i64) = (l.try_get("price")?, l.try_get("quantity")?);
        let rating: Option<i64> = l.try_get("rating")?;
        Ok(OrderLine {
            id: l.try_get("id")?,
            product_id: l.try_get("product_id")?,
            name: l.try_get("name")?,
            unit: code_of(l, "unit", Unit::from_code)?,
            price,
            weight_grams: l.try_get("weight_grams")?,
            quantity,
            subtotal: price * quantity,
            rating: rating.and_then(|r| u8::try_from(r).ok()),
        })
    })
    .collect()
}

/// Records a move at `at` (inside the caller's transaction).
pub async fn record_event(
    conn: &mut AnyConnection,
    order_id: i64,
    who: &Move,
    from: Option<OrderStatus>,
    to: OrderStatus,
    note: &str,
    at: i64,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO order_events (order_id, at, actor, actor_id, actor_name, from_status, to_status, note) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(order_id)
    .bind(at)
    .bind(who.actor.code())
    .bind(who.actor_id)
    .bind(&who.actor_name)
    .bind(from.map(OrderStatus::code))
    .bind(to.code())
    .bind(note)
    .execute(conn)
    .await?;
    Ok(())
}

/// The order's moves, oldest first.
pub async fn events(conn: &mut AnyConnection, order_id: i64) -> AppResult<Vec<OrderEvent>> {
    let rows = sqlx::query(
        "SELECT at, actor, actor_name, from_status, to_status, note FROM order_events WHERE order_id = $1 ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            let status = |code: String| {
                OrderStatus::from_code(&code).ok_or_else(|| AppError::Internal(anyhow::anyhow!("status {code}")))
            };
            let actor: String = row.try_get("actor")?;
            Ok(OrderEvent {
                at: row.try_get("at")?,
                actor: Actor::from_code(&actor).ok_or_else(|| AppError::Internal(anyhow::anyhow!("actor {actor}")))?,
                actor_name: row.try_get("actor_name")?,
                from: row.try_get::<Option<String>, _>("from_status")?.map(status).transpose()?,
                to: status(row.try_get("to_status")?)?,
                note: row.try_get("note")?,
            })
        })
        .collect()
}

/// What a move changes besides the status: the delivery fee and tracking number it names, and the
/// receipt it sends (JSON).
pub struct Change<'a> {
    pub delivery_fee: Option<i64>,
    pub tracking_number: Option<&'a str>,
    pub receipt: Option<&'a str>,
}

/// Moves the order to `to` at `now` if it still stands where it was read (and, with a receipt, still holds
/// the receipt it was read with); false when someone moved it first.
pub async fn move_to(
    conn: &mut AnyConnection,
    order: &Stored,
    to: OrderStatus,
    change: Change<'_>,
    now: i64,
) -> sqlx::Result<bool> {
    let moved = sqlx::query(
        "UPDATE orders SET status = $1, status_at = $2, updated_at = $2, \
         delivery_fee = COALESCE($3, delivery_fee), tracking_number = COALESCE($4, tracking_number), \
         receipt = COALESCE($5, receipt) WHERE id = $6 AND status = $7 \
         AND ($5 IS NULL OR receipt IS NOT DISTINCT FROM $8)",
    )
    .bind(to.code())
    .bind(now)
    .bind(change.delivery_fee)
    .bind(change.tracking_number)
    .bind(change.receipt)
    .bind(order.id)
    .bind(order.flow.status.code())
    .bind(order.receipt.as_deref())
    .execute(conn)
    .await?;
    Ok(moved.rows_affected() > 0)
}

/// Gives the stock of a cancelled order's lines back to their products.
pub async fn return_stock(conn: &mut AnyConnection, order_id: i64, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE products SET stock = stock + (SELECT SUM(l.quantity) FROM order_lines l \
         WHERE l.order_id = $1 AND l.product_id = products.id), version = version + 1, updated_at = $2 \
         WHERE id IN (SELECT product_id FROM order_lines WHERE order_id = $1 AND product_id IS NOT NULL)",
    )
    .bind(order_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// How many receipts the buyer has sent for the order.
pub async fn receipts_sent(conn: &mut AnyConnection, order_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM order_events WHERE order_id = $1 AND actor = 'pembeli' AND to_status = 'cek_bayar'",
    )
    .bind(order_id)
    .fetch_one(conn)
    .await
}

/// Orders that wait too long for the next move, as the background job finds them.
#[derive(Clone, Copy, Debug)]
pub enum Waiting {
    /// New, for the seller to answer.
    ForSeller,
    /// Accepted, for the buyer to pay.
    ForPayment,
    /// Shipped or ready for pickup, for the buyer to confirm.
    ForReceipt,
}

impl Waiting {
    fn condition(self) -> &'static str {
        match self {
            Waiting::ForSeller => "o.status = 'baru'",
            Waiting::ForPayment => "o.status = 'menunggu_bayar'",
            // Not while a complaint runs, nor sooner than the set days after one is settled.
            Waiting::ForReceipt => {
                "o.status IN ('dikirim', 'siap_diambil') AND NOT EXISTS (SELECT 1 FROM complaints c \
                 WHERE c.order_id = o.id AND (c.closed_at IS NULL OR c.closed_at >= $1))"
            }
        }
    }
}

/// The codes of orders `waiting` since before `before`, longest waiting first (at most 500).
pub async fn waiting_since(db: &Db, waiting: Waiting, before: i64) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar(&format!(
        "SELECT o.code FROM orders o WHERE {} AND o.status_at < $1 ORDER BY o.status_at LIMIT 500",
        waiting.condition()
    ))
    .bind(before)
    .fetch_all(&db.pool)
    .await
}
