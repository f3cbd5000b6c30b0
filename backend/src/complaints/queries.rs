//! SQL of complaints: opening one per order, moving it with a guarded update, its steps, the refund and
//! its lines, the lists the order pages and the village admin read, and the dashboards' count per shop;
//! telling the admins a complaint waits for them is in `admins`.

pub mod admins;

use shared::{
    Phone,
    complaint::{ComplaintEvent, RefundedLine},
    complaint_flow::{ComplaintActor, ComplaintOutcome, ComplaintReason, ComplaintStatus},
};
use sqlx::{AnyConnection, Row, any::AnyRow};

use super::steps::Step;
use crate::{
    admin::queries::applications::decides_condition, auth::CurrentUser, error::AppResult, images::queries::PhotoList,
    orders::queries::code_of,
};

/// A complaint's photos, in order.
pub const PHOTOS: PhotoList = PhotoList { table: "complaint_photos", owner: "complaint_id" };

/// A complaint as stored, with what its steps and pages need of its order and shop.
pub struct StoredComplaint {
    pub id: i64,
    pub order_id: i64,
    pub order_code: String,
    pub shop_id: i64,
    pub shop_name: String,
    pub shop_whatsapp: Phone,
    pub owner_id: Option<i64>,
    pub village_id: i64,
    pub buyer_id: Option<i64>,
    pub buyer_name: String,
    pub buyer_phone: Phone,
    pub reason: ComplaintReason,
    pub description: String,
    pub status: ComplaintStatus,
    pub outcome: Option<ComplaintOutcome>,
    pub opened_at: i64,
    pub answer_by: i64,
    pub closed_at: Option<i64>,
    pub refund: Option<StoredRefund>,
}

/// A recorded refund, its receipt still an image id.
pub struct StoredRefund {
    pub amount: i64,
    pub delivery_fee: i64,
    pub paid_on: String,
    pub receipt_id: i64,
    pub recorded_at: i64,
}

const STORED: &str = "SELECT c.*, o.code AS order_code, o.buyer_id, o.buyer_name, o.buyer_phone, s.name AS shop_name, \
     s.whatsapp AS shop_whatsapp, s.owner_id, s.village_id FROM complaints c JOIN orders o ON o.id = c.order_id \
     JOIN shops s ON s.id = c.shop_id";

/// The complaint on the order, if one was opened.
pub async fn of_order(conn: &mut AnyConnection, order_id: i64) -> AppResult<Option<StoredComplaint>> {
    let row = sqlx::query(&format!("{STORED} WHERE c.order_id = $1")).bind(order_id).fetch_optional(conn).await?;
    row.map(|r| stored(&r)).transpose()
}

/// The complaint `id`, when it is about a shop of the village.
pub async fn in_village(conn: &mut AnyConnection, id: i64, village_id: i64) -> AppResult<Option<StoredComplaint>> {
    let row = sqlx::query(&format!("{STORED} WHERE c.id = $1 AND s.village_id = $2"))
        .bind(id)
        .bind(village_id)
        .fetch_optional(conn)
        .await?;
    row.map(|r| stored(&r)).transpose()
}

/// The complaints about the village's shops: those still running first, newest first within each.
pub async fn of_village(conn: &mut AnyConnection, village_id: i64) -> AppResult<Vec<StoredComplaint>> {
    let rows = sqlx::query(&format!(
        "{STORED} WHERE s.village_id = $1 ORDER BY CASE WHEN c.closed_at IS NULL THEN 0 ELSE 1 END, c.opened_at DESC \
         LIMIT 200"
    ))
    .bind(village_id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(stored).collect()
}

fn stored(r: &AnyRow) -> AppResult<StoredComplaint> {
    let phone = |column: &str| -> AppResult<Phone> {
        Phone::parse(&r.try_get::<String, _>(column)?).map_err(|_| crate::orders::queries::internal(column))
    };
    let outcome: Option<String> = r.try_get("outcome")?;
    let refund = match (r.try_get::<Option<i64>, _>("refund_amount")?, r.try_get::<Option<i64>, _>("refund_receipt")?) {
        (Some(amount), Some(receipt_id)) => Some(StoredRefund {
            amount,
            delivery_fee: r.try_get::<Option<i64>, _>("refund_delivery")?.unwrap_or(0),
            paid_on: r.try_get::<Option<String>, _>("refund_paid_on")?.unwrap_or_default(),
            receipt_id,
            recorded_at: r.try_get::<Option<i64>, _>("refunded_at")?.unwrap_or(0),
        }),
        _ => None,
    };
    Ok(StoredComplaint {
        id: r.try_get("id")?,
        order_id: r.try_get("order_id")?,
        order_code: r.try_get("order_code")?,
        shop_id: r.try_get("shop_id")?,
        shop_name: r.try_get("shop_name")?,
        shop_whatsapp: phone("shop_whatsapp")?,
        owner_id: r.try_get("owner_id")?,
        village_id: r.try_get("village_id")?,
        buyer_id: r.try_get("buyer_id")?,
        buyer_name: r.try_get("buyer_name")?,
        buyer_phone: phone("buyer_phone")?,
        reason: code_of(r, "reason", ComplaintReason::from_code)?,
        description: r.try_get("description")?,
        status: code_of(r, "status", ComplaintStatus::from_code)?,
        outcome: outcome.as_deref().and_then(ComplaintOutcome::from_code),
        opened_at: r.try_get("opened_at")?,
        answer_by: r.try_get("answer_by")?,
        closed_at: r.try_get("closed_at")?,
        refund,
    })
}

/// When the order was last shipped or made ready for pickup, if it was.
pub async fn sent_at(conn: &mut AnyConnection, order_id: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "SELECT MAX(at) FROM order_events WHERE order_id = $1 AND to_status IN ('dikirim', 'siap_diambil')",
    )
    .bind(order_id)
    .fetch_one(conn)
    .await
}

/// A complaint about to be opened.
pub struct NewComplaint<'a> {
    pub order_id: i64,
    pub shop_id: i64,
    pub reason: ComplaintReason,
    pub description: &'a str,
    pub at: i64,
    pub answer_by: i64,
}

/// Opens the complaint; `None` when the order has one (the unique order decides between two sent at once).
pub async fn insert(conn: &mut AnyConnection, new: &NewComplaint<'_>) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "INSERT INTO complaints (order_id, shop_id, reason, description, status, opened_at, answer_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $6) ON CONFLICT (order_id) DO NOTHING RETURNING id",
    )
    .bind(new.order_id)
    .bind(new.shop_id)
    .bind(new.reason.code())
    .bind(new.description)
    .bind(ComplaintStatus::AwaitingSeller.code())
    .bind(new.at)
    .bind(new.answer_by)
    .fetch_optional(conn)
    .await
}

/// Moves the complaint from `from` to `to` (naming its outcome, closing it when `to` is final); false when
/// someone moved it first.
pub async fn move_to(
    conn: &mut AnyConnection,
    id: i64,
    from: ComplaintStatus,
    to: ComplaintStatus,
    outcome: Option<ComplaintOutcome>,
    now: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE complaints SET status = $1, outcome = COALESCE($2, outcome), closed_at = $3, updated_at = $4 \
         WHERE id = $5 AND status = $6",
    )
    .bind(to.code())
    .bind(outcome.map(ComplaintOutcome::code))
    .bind(to.is_final().then_some(now))
    .bind(now)
    .bind(id)
    .bind(from.code())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a step at `at`.
pub async fn record_event(
    conn: &mut AnyConnection,
    id: i64,
    who: &Step,
    status: ComplaintStatus,
    note: &str,
    at: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO complaint_events (complaint_id, at, actor, actor_id, actor_name, status, note) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(at)
    .bind(who.actor.code())
    .bind(who.actor_id)
    .bind(&who.actor_name)
    .bind(status.code())
    .bind(note)
    .execute(conn)
    .await?;
    Ok(())
}

/// The complaint's steps, oldest first.
pub async fn events(conn: &mut AnyConnection, id: i64) -> AppResult<Vec<ComplaintEvent>> {
    let rows = sqlx::query(
        "SELECT at, actor, actor_name, status, note FROM complaint_events WHERE complaint_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ComplaintEvent {
                at: r.try_get("at")?,
                actor: code_of(r, "actor", ComplaintActor::from_code)?,
                actor_name: r.try_get("actor_name")?,
                status: code_of(r, "status", ComplaintStatus::from_code)?,
                note: r.try_get("note")?,
            })
        })
        .collect()
}

/// An order line as a refund pays it back: whole, at its ordered subtotal.
pub struct OrderedLine {
    pub id: i64,
    pub quantity: i64,
    pub subtotal: i64,
}

/// The lines `ids` of the order `order_id` (those that are its lines).
pub async fn order_lines(conn: &mut AnyConnection, order_id: i64) -> sqlx::Result<Vec<OrderedLine>> {
    let rows = sqlx::query("SELECT id, quantity, price FROM order_lines WHERE order_id = $1 ORDER BY position")
        .bind(order_id)
        .fetch_all(conn)
        .await?;
    rows.iter()
        .map(|r| {
            let (quantity, price): (i64, i64) = (r.try_get("quantity")?, r.try_get("price")?);
            Ok(OrderedLine { id: r.try_get("id")?, quantity, subtotal: quantity * price })
        })
        .collect()
}

/// What the seller sent back, as recorded.
pub struct RefundRecord<'a> {
    pub lines: &'a [&'a OrderedLine],
    pub delivery_fee: i64,
    pub paid_on: &'a str,
    pub receipt_id: i64,
    pub at: i64,
}

/// Writes the refund on the complaint and each of its lines.
pub async fn record_refund(conn: &mut AnyConnection, id: i64, refund: &RefundRecord<'_>) -> sqlx::Result<()> {
    let amount: i64 = refund.lines.iter().map(|l| l.subtotal).sum::<i64>() + refund.delivery_fee;
    sqlx::query(
        "UPDATE complaints SET refund_amount = $1, refund_delivery = $2, refund_paid_on = $3, refund_receipt = $4, \
         refunded_at = $5 WHERE id = $6",
    )
    .bind(amount)
    .bind(refund.delivery_fee)
    .bind(refund.paid_on)
    .bind(refund.receipt_id)
    .bind(refund.at)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    for line in refund.lines {
        sqlx::query(
            "INSERT INTO complaint_refund_lines (complaint_id, line_id, quantity, amount) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(line.id)
        .bind(line.quantity)
        .bind(line.subtotal)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The lines a refund on the order's complaint paid back, in the order's order.
pub async fn refunded_lines(conn: &mut AnyConnection, order_id: i64) -> sqlx::Result<Vec<RefundedLine>> {
    let rows = sqlx::query(
        "SELECT r.line_id, l.name, r.quantity, r.amount FROM complaint_refund_lines r \
         JOIN order_lines l ON l.id = r.line_id JOIN complaints c ON c.id = r.complaint_id \
         WHERE c.order_id = $1 ORDER BY l.position",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(RefundedLine {
                line_id: r.try_get("line_id")?,
                name: r.try_get("name")?,
                quantity: r.try_get("quantity")?,
                amount: r.try_get("amount")?,
            })
        })
        .collect()
}

/// Whether a complaint on the order keeps it from completing on its own as of `before`: one still
/// running, or one settled since then (the days count again from its close).
pub async fn holds_completion(conn: &mut AnyConnection, order_id: i64, before: i64) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM complaints WHERE order_id = $1 AND (closed_at IS NULL OR closed_at >= $2)",
    )
    .bind(order_id)
    .bind(before)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// Whether `admin` decides the complaint `id`: an admin of its village, unless it is about their own shop
/// or a fellow village admin's; a district admin of its region for a village without an admin of its
/// own, and for the shops of the village's admins (as for shop applications).
pub async fn decides(conn: &mut AnyConnection, id: i64, admin: &CurrentUser) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM complaints c JOIN shops s ON s.id = c.shop_id JOIN villages v ON v.id = s.village_id \
         WHERE c.id = $1 AND {}",
        decides_condition(admin)
    ))
    .bind(id)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// Adds `sign` (1 or -1) to how many of the shop's complaints stand in `status` (the dashboards' summary).
pub async fn count(conn: &mut AnyConnection, shop_id: i64, status: ComplaintStatus, sign: i64) -> sqlx::Result<()> {
    // A row that would be inserted below zero breaks its CHECK before any conflict is looked at: one that
    // goes down is always there already.
    let sql = if sign < 0 {
        "UPDATE complaint_counts SET n = n + $3 WHERE shop_id = $1 AND status = $2"
    } else {
        "INSERT INTO complaint_counts (shop_id, status, n) VALUES ($1, $2, $3) \
         ON CONFLICT (shop_id, status) DO UPDATE SET n = complaint_counts.n + excluded.n"
    };
    sqlx::query(sql).bind(shop_id).bind(status.code()).bind(sign).execute(conn).await?;
    Ok(())
}
