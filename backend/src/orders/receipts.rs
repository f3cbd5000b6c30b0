//! Payment receipt photos: the buyer sends at most [`RECEIPTS_MAX`] per order, and a new one replaces the
//! last: the replaced photo's files leave the media store, and so do the files of a photo whose move was
//! refused, so an order keeps one receipt's files at most.

use axum::{
    Json,
    body::Bytes,
    extract::State,
    http::{HeaderMap, header},
};
use serde::Deserialize;
use shared::api::{self, Endpoint};
use shared::{
    ActionKind, Actor, Form, ImageVariant, OrderAction,
    order::{Order, RECEIPTS_MAX},
    order_flow::ActionContext,
};
use sqlx::AnyConnection;
use utoipa::IntoParams;

use super::{buyer::OrderBuyer, moves, queries};
use crate::{
    error::{AppError, AppResult},
    extract::ApiQuery,
    images::{Folder, process_and_put_in},
    media::Media,
    state::AppState,
};

/// A note sent with a receipt.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReceiptNote {
    /// E.g. "Transfer dari BRI a.n. Baiq".
    catatan: Option<String>,
}

/// Sends a photo of the transfer or QRIS receipt (the body is the picture, `Content-Type: image/jpeg`,
/// `image/png` or `image/webp`); the seller then checks it. It replaces the receipt sent before; an order
/// takes at most five (409 after). Nothing is stored when it is refused.
#[utoipa::path(post, path = api::orders::SendReceipt::PATH, tag = "orders",
    request_body(content = Vec<u8>, content_type = "image/jpeg", description = "A JPEG, PNG or WebP"),
    params(("code" = String, Path, description = "The order code"), ReceiptNote,
        ("X-Buyer-Phone" = Option<String>, Header, description = "For guests: the order's WhatsApp number")),
    responses((status = 200, body = Order), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 413, body = shared::Problem), (status = 415, body = shared::Problem),
        (status = 429, body = shared::Problem)))]
pub async fn receipt(
    State(state): State<AppState>,
    buyer: OrderBuyer,
    ApiQuery(note): ApiQuery<ReceiptNote>,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Json<Order>> {
    let declared = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    if !matches!(declared, "image/jpeg" | "image/png" | "image/webp") {
        return Err(AppError::UnsupportedMedia("Kirim foto bukti bayar sebagai JPEG, PNG atau WebP.".into()));
    }
    let action = OrderAction { note: note.catatan.unwrap_or_default(), ..OrderAction::of(ActionKind::SendReceipt) };
    // Refused before the picture is processed and stored.
    buyer.order.flow.next(ActionKind::SendReceipt, Actor::Buyer).map_err(|r| AppError::Conflict(r.reason))?;
    let context = ActionContext {
        actor: Actor::Buyer,
        delivery: buyer.order.flow.delivery,
        fee_known: buyer.order.delivery_fee.is_some(),
    };
    action.check(&context)?;
    check_count(&mut *state.db.pool.acquire().await?, buyer.order.id).await?;
    let sizes = process_and_put_in(&state.media, Folder::Receipts, body.to_vec()).await?;
    match moves::apply(&state, &buyer.order.code, &action, &buyer.who(), Some(&sizes)).await {
        Ok(replaced) => {
            if let Some(replaced) = replaced {
                let replaced: Vec<ImageVariant> =
                    serde_json::from_str(&replaced).map_err(|e| AppError::Internal(e.into()))?;
                remove(&state.media, &replaced).await;
            }
        }
        Err(refused) => {
            remove(&state.media, &sizes).await;
            return Err(refused);
        }
    }
    Ok(Json(buyer.reloaded(&state).await?))
}

/// 409 when the order has taken all the receipts it may (inside a move's transaction, after its guarded
/// update: two uploads at once are counted one after the other).
pub async fn check_count(conn: &mut AnyConnection, order_id: i64) -> AppResult<()> {
    if queries::receipts_sent(conn, order_id).await? >= i64::try_from(RECEIPTS_MAX).unwrap_or(i64::MAX) {
        return Err(AppError::Conflict(format!(
            "Bukti bayar pesanan ini sudah dikirim {RECEIPTS_MAX} kali. Hubungi penjual lewat WhatsApp."
        )));
    }
    Ok(())
}

/// Deletes a receipt's files; a file that cannot be deleted is logged and left (the answer stands).
async fn remove(media: &Media, sizes: &[ImageVariant]) {
    for size in sizes {
        let Some(key) = size.url.strip_prefix("/media/") else { continue };
        if let Err(e) = media.delete(key).await {
            tracing::warn!(error = %e, key, "a replaced receipt file stays in the media store");
        }
    }
}
