//! Moving an order along its life cycle: checked against the table in `shared::order_flow`, applied with
//! a guarded update (`… WHERE status = <the status it was read in>`) so each move happens once even when
//! several servers or people try at the same moment; cancelling gives the stock back, completing credits
//! the lines of member producers' products to them (`producer_ledger::credits`).

use shared::{
    ActionKind, Actor, Form, ImageVariant, OrderAction, OrderStatus, order::order_path, order_flow::ActionContext,
};
use sqlx::AnyConnection;

use super::{
    queries::{self, Change, Stored},
    timeline::Move,
};
use crate::{
    dashboards::{
        ledger::{self, Outcome},
        queries::ledger::stored_sale,
    },
    db::{now_ms, retrying},
    error::{AppError, AppResult, Within},
    notifications::{Note, notify},
    producer_ledger,
    state::AppState,
    time_zone::TimeZone,
};

/// Makes `action` on the order `code` as `who`; `receipt` is the photo sent with a `kirim_bukti`, and then
/// the answer is the receipt it replaced (its sizes as stored), whose files the caller removes.
/// 404 unknown order, 422 wrong fields, 409 a move the order does not allow now (with the reason).
pub async fn apply(
    state: &AppState,
    code: &str,
    action: &OrderAction,
    who: &Move,
    receipt: Option<&[ImageVariant]>,
) -> AppResult<Option<String>> {
    let receipt = receipt.map(serde_json::to_string).transpose().map_err(|e| AppError::Internal(e.into()))?;
    let receipt = receipt.as_deref();
    retrying(|| async move {
        let mut tx = state.db.begin_write().await?;
        let order = queries::by_code(&mut tx, code)
            .await?
            .ok_or_else(|| AppError::not_found("Pesanan ini", Within::Anywhere))?;
        make(&mut tx, state.config.time_zone, &order, action, who, receipt, now_ms()).await?;
        tx.commit().await?;
        Ok(receipt.and(order.receipt))
    })
    .await
}

/// The move itself, inside the caller's transaction (cancelling returns the stock; a receipt replaces the
/// one the order was read with, and counts towards the order's most receipts).
pub async fn make(
    conn: &mut AnyConnection,
    zone: TimeZone,
    order: &Stored,
    action: &OrderAction,
    who: &Move,
    receipt: Option<&str>,
    now: i64,
) -> AppResult<()> {
    let flow = order.flow;
    let context = ActionContext { actor: who.actor, delivery: flow.delivery, fee_known: order.delivery_fee.is_some() };
    let action = action.clone().parse_in(&context)?;
    let to = flow.next(action.action, who.actor).map_err(|r| AppError::Conflict(r.reason))?;
    if action.action == ActionKind::SendReceipt && receipt.is_none() {
        return Err(AppError::field("action", "Kirim bukti bayar dengan mengunggah fotonya."));
    }
    let tracking = action.tracking_number.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let change = Change { delivery_fee: action.delivery_fee, tracking_number: tracking, receipt };
    if !queries::move_to(&mut *conn, order, to, change, now).await? {
        return Err(AppError::Conflict("Pesanan ini baru saja berubah. Muat ulang halaman untuk melihatnya.".into()));
    }
    if receipt.is_some() {
        super::receipts::check_count(&mut *conn, order.id).await?;
    }
    if to == OrderStatus::Cancelled {
        queries::return_stock(&mut *conn, order.id, now).await?;
    }
    if to == OrderStatus::Completed {
        producer_ledger::credits::credit_order(&mut *conn, zone, order.id, now).await?;
    }
    let (from, to_outcome) = (Outcome::of(flow.status), Outcome::of(to));
    if from != to_outcome {
        let sale = stored_sale(&mut *conn, order.id).await?;
        ledger::shift(&mut *conn, zone, &sale, from, to_outcome).await?;
    }
    let note = action.note.trim();
    queries::record_event(&mut *conn, order.id, who, Some(flow.status), to, note, now).await?;
    tell(conn, order, who, to, note).await
}

/// Tells the other side of the order (the background job's moves both sides).
async fn tell(conn: &mut AnyConnection, order: &Stored, who: &Move, to: OrderStatus, note: &str) -> AppResult<()> {
    let code = &order.code;
    let body = if note.is_empty() { to.label().to_owned() } else { format!("{}: {note}", to.label()) };
    let title = format!("Pesanan {code}: {}", to.label());
    if who.actor != Actor::Seller
        && let Some(owner) = order.owner_id
    {
        let message = format!("Halo {}, tentang pesanan {code} di {}.", order.buyer_name, order.shop_name);
        let note = Note {
            user_id: owner,
            title: title.clone(),
            body: format!("{} — {body}", order.buyer_name),
            link: format!("/jual/{}/pesanan/{code}", order.shop_id),
            whatsapp_link: Some(order.buyer_phone.whatsapp_url(&message)),
        };
        notify(&mut *conn, &note).await?;
    }
    if who.actor != Actor::Buyer
        && let Some(buyer) = order.buyer_id
    {
        let message = format!("Halo {}, tentang pesanan saya {code}.", order.shop_name);
        let note = Note {
            user_id: buyer,
            title,
            body: format!("{} — {body}", order.shop_name),
            link: order_path(code),
            whatsapp_link: Some(order.shop_whatsapp.whatsapp_url(&message)),
        };
        notify(&mut *conn, &note).await?;
    }
    Ok(())
}
