//! The buyer's side: opening a complaint on their order (its signed-in buyer, or a guest with the order's
//! WhatsApp number, as for the order itself) within `COMPLAINT_DAYS` of shipping or pickup, once per
//! order; then sending the goods back or withdrawing it.

use axum::{Json, extract::State, http::StatusCode};
use shared::api::{self, Endpoint};
use shared::{
    FieldError, OrderStatus,
    complaint::{COMPLAINT_DAYS, Complaint, ComplaintForm, answer_deadline, complaint_deadline},
    complaint_flow::{ComplaintAction, ComplaintActor, ComplaintStatus},
};

use super::{
    Find,
    queries::{self, NewComplaint, PHOTOS},
    steps::{self, Step},
};
use crate::{
    db::now_ms,
    error::{AppError, AppResult},
    extract::ValidJson,
    images::attached::check_usable,
    orders::buyer::OrderBuyer,
    state::AppState,
};

fn who(buyer: &OrderBuyer) -> Step {
    Step {
        actor: ComplaintActor::Buyer,
        actor_id: buyer.user.as_ref().map(|u| u.id),
        actor_name: buyer.order.buyer_name.clone(),
    }
}

/// Opens a complaint on the order; answers it as the buyer sees it.
#[utoipa::path(post, path = api::complaints::Open::PATH, tag = "orders", request_body = ComplaintForm,
    params(("code" = String, Path, description = "The order code"),
        ("X-Buyer-Phone" = Option<String>, Header, description = "For guests: the order's WhatsApp number")),
    responses((status = 201, body = Complaint), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem),
        (status = 429, body = shared::Problem)))]
pub async fn open(
    State(state): State<AppState>,
    buyer: OrderBuyer,
    ValidJson(form): ValidJson<ComplaintForm>,
) -> AppResult<(StatusCode, Json<Complaint>)> {
    let order = &buyer.order;
    if !matches!(order.flow.status, OrderStatus::Shipped | OrderStatus::ReadyForPickup | OrderStatus::Completed) {
        return Err(AppError::Conflict("Komplain bisa diajukan setelah pesanan dikirim atau siap diambil.".into()));
    }
    let now = now_ms();
    let sent = queries::sent_at(&mut *state.db.pool.acquire().await?, order.id).await?;
    if sent.is_none_or(|at| now > complaint_deadline(at)) {
        return Err(AppError::Conflict(format!(
            "Waktu mengajukan komplain sudah lewat: paling lambat {COMPLAINT_DAYS} hari setelah pesanan dikirim atau siap diambil."
        )));
    }
    if !form.photo_ids.is_empty() {
        let Some(user) = &buyer.user else {
            return Err(AppError::Invalid(vec![FieldError::new(
                "photo_ids",
                "Masuk ke akun Anda untuk menambahkan foto pada komplain.",
            )]));
        };
        check_usable(&state.db, "photo_ids", &form.photo_ids, user.id, &[]).await?;
    }
    let new = NewComplaint {
        order_id: order.id,
        shop_id: order.shop_id,
        reason: form.reason,
        description: form.description.trim(),
        at: now,
        answer_by: answer_deadline(now),
    };
    let who = who(&buyer);
    let mut tx = state.db.begin_write().await?;
    let id = queries::insert(&mut tx, &new)
        .await?
        .ok_or_else(|| AppError::Conflict("Pesanan ini sudah dikomplain: satu komplain untuk tiap pesanan.".into()))?;
    PHOTOS.replace(&mut tx, id, &form.photo_ids).await?;
    let stored =
        queries::of_order(&mut tx, order.id).await?.ok_or_else(|| anyhow::anyhow!("complaint {id} not read"))?;
    let status = ComplaintStatus::AwaitingSeller;
    queries::count(&mut tx, order.shop_id, status, 1).await?;
    queries::record_event(&mut tx, id, &who, status, form.reason.label(), now).await?;
    steps::tell(&mut tx, &stored, &who, status, form.reason.label()).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(steps::view(&state.db, &stored, ComplaintActor::Buyer, now).await?)))
}

/// The buyer's moves on the order's complaint: `kirim_balik` (goods sent back) or `tarik` (withdrawn).
#[utoipa::path(post, path = api::complaints::BuyerMove::PATH, tag = "orders", request_body = ComplaintAction,
    params(("code" = String, Path, description = "The order code"),
        ("X-Buyer-Phone" = Option<String>, Header, description = "For guests: the order's WhatsApp number")),
    responses((status = 200, body = Complaint), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem),
        (status = 429, body = shared::Problem)))]
pub async fn act(
    State(state): State<AppState>,
    buyer: OrderBuyer,
    ValidJson(action): ValidJson<ComplaintAction>,
) -> AppResult<Json<Complaint>> {
    let find = Find::Order(buyer.order.id);
    let complaint = super::apply(&state, find, &action, &who(&buyer), None).await?;
    Ok(Json(steps::view(&state.db, &complaint, ComplaintActor::Buyer, now_ms()).await?))
}
