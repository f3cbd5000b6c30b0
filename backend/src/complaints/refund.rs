//! The seller records the money sent back on a complaint settled by a refund: which order lines (each
//! whole, at its ordered subtotal), whether the delivery fee too, the transfer's date and its receipt photo.
//! The refunded lines are kept one by one ([`refunded_lines`]); an order still on its way completes in the
//! same write, and the producers' credits of the refunded lines are taken back in it. Stock does not come back by itself: goods sent back may be damaged, so the seller adds
//! what can be sold again to the product's stock.

use axum::{
    Json,
    extract::{Path, State},
};
use shared::api::{self, Endpoint};
use shared::{
    ActionKind, OrderAction, OrderStatus,
    complaint::{Complaint, RefundForm, RefundedLine},
    complaint_flow::{ComplaintActor, ComplaintMove},
    format::rupiah,
};
use sqlx::AnyConnection;

use super::{
    Find,
    queries::{self, RefundRecord},
    seller::{shop_order, who},
    steps,
};
use crate::{
    db::{now_ms, retrying},
    error::{AppError, AppResult},
    extract::ValidJson,
    images::attached::check_usable,
    orders::{moves, timeline::Move},
    shops::owner::ShopOwner,
    state::AppState,
};

/// The order lines a refund on the order's complaint paid back (line, quantity, Rupiah), read inside the
/// caller's transaction: empty when nothing was refunded. The producers' ledger reverses these.
pub async fn refunded_lines(conn: &mut AnyConnection, order_id: i64) -> AppResult<Vec<RefundedLine>> {
    Ok(queries::refunded_lines(conn, order_id).await?)
}

/// Records the refund and settles the complaint; answers it as the seller sees it.
#[utoipa::path(post, path = api::complaints::RecordRefund::PATH, tag = "orders", request_body = RefundForm,
    params(("id" = i64, Path, description = "The shop's id"), ("code" = String, Path, description = "The order code")),
    responses((status = 200, body = Complaint), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn record(
    State(state): State<AppState>,
    owner: ShopOwner,
    Path((_shop, code)): Path<(i64, String)>,
    ValidJson(form): ValidJson<RefundForm>,
) -> AppResult<Json<Complaint>> {
    let order = shop_order(&state, &owner, &code).await?;
    let zone = state.config.time_zone;
    let now = now_ms();
    let paid = zone.day_start(&form.paid_on).filter(|day| *day <= now);
    if paid.is_none_or(|day| day + 86_400_000 <= order.page.created_at) {
        return Err(AppError::field("paid_on", "Tanggal transfer antara tanggal pesanan dan hari ini."));
    }
    check_usable(&state.db, "receipt_id", &[form.receipt_id], owner.user.id, &[]).await?;
    let step = who(&owner, &order);
    let (form, order, step, db) = (&form, &order, &step, &state.db);
    let complaint = retrying(|| async move {
        let mut tx = db.begin_write().await?;
        let complaint = Find::Order(order.id).load(&mut tx).await?;
        let to = steps::flow(&complaint, now)
            .next(ComplaintMove::RecordRefund, None, ComplaintActor::Seller)
            .map_err(|r| AppError::Conflict(r.reason))?;
        let lines = queries::order_lines(&mut tx, order.id).await?;
        let chosen = form
            .line_ids
            .iter()
            .map(|id| lines.iter().find(|l| l.id == *id))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| AppError::field("line_ids", "Barang ini tidak ada di pesanan ini."))?;
        let delivery_fee = if form.include_delivery { order.delivery_fee.unwrap_or(0) } else { 0 };
        let refund =
            RefundRecord { lines: &chosen, delivery_fee, paid_on: &form.paid_on, receipt_id: form.receipt_id, at: now };
        queries::record_refund(&mut tx, complaint.id, &refund).await?;
        let amount = chosen.iter().map(|l| l.subtotal).sum::<i64>() + delivery_fee;
        let note = format!("{} dikembalikan lewat transfer tanggal {}.", rupiah(amount), form.paid_on);
        steps::advance(&mut tx, &complaint, to, None, step, &note, now).await?;
        let current = crate::orders::queries::by_code(&mut tx, &order.code).await?;
        if let Some(current) =
            current.filter(|o| matches!(o.flow.status, OrderStatus::Shipped | OrderStatus::ReadyForPickup))
        {
            let done = OrderAction {
                note: "Selesai: komplain diselesaikan dengan pengembalian dana.".into(),
                ..OrderAction::of(ActionKind::Complete)
            };
            moves::make(&mut tx, zone, &current, &done, &Move::system(), None, now).await?;
        }
        // What the refunded lines credited their producers (on completion, before or just above) goes back.
        let refunded: Vec<i64> = chosen.iter().map(|l| l.id).collect();
        crate::producer_ledger::credits::reverse_lines(&mut tx, zone, order.id, &refunded, now).await?;
        let complaint = Find::Order(order.id).load(&mut tx).await?;
        tx.commit().await?;
        Ok(complaint)
    })
    .await?;
    Ok(Json(steps::view(&state.db, &complaint, ComplaintActor::Seller, now).await?))
}
