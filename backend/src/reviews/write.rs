//! The buyer rates one line of their completed order: its signed-in buyer, or a guest with the order's
//! WhatsApp number (`X-Buyer-Phone`, wrong guesses limited as for the order itself), within
//! `REVIEW_DAYS` of completion, once per line (the database refuses a second, even one sent at once).

use axum::{Json, extract::State, http::StatusCode};
use shared::api::{self, Endpoint};
use shared::{
    FieldError, OrderStatus,
    review::{REVIEW_DAYS, Review, ReviewForm, open_for_review},
};

use super::queries::{self, NewReview, PHOTOS};
use crate::{
    db::now_ms,
    error::{AppError, AppResult},
    extract::ValidJson,
    images::attached::check_usable,
    orders::buyer::OrderBuyer,
    state::AppState,
};

/// Rates a line of the order; answers the review as pages show it.
#[utoipa::path(post, path = api::reviews::Write::PATH, tag = "orders", request_body = ReviewForm,
    params(("code" = String, Path, description = "The order code"),
        ("X-Buyer-Phone" = Option<String>, Header, description = "For guests: the order's WhatsApp number")),
    responses((status = 201, body = Review), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem),
        (status = 429, body = shared::Problem)))]
pub async fn write(
    State(state): State<AppState>,
    buyer: OrderBuyer,
    ValidJson(form): ValidJson<ReviewForm>,
) -> AppResult<(StatusCode, Json<Review>)> {
    let order = &buyer.order;
    if order.flow.status != OrderStatus::Completed {
        return Err(AppError::Conflict("Ulasan bisa ditulis setelah pesanan selesai.".into()));
    }
    let now = now_ms();
    if !open_for_review(order.status_at, now) {
        return Err(AppError::Conflict(format!(
            "Waktu memberi ulasan sudah lewat: ulasan ditulis paling lambat {REVIEW_DAYS} hari setelah pesanan selesai."
        )));
    }
    let line = queries::line(&state.db, form.line_id, order.id)
        .await?
        .ok_or_else(|| AppError::Invalid(vec![FieldError::new("line_id", "Barang ini tidak ada di pesanan ini.")]))?;
    if !form.photo_ids.is_empty() {
        let Some(user) = &buyer.user else {
            return Err(AppError::Invalid(vec![FieldError::new(
                "photo_ids",
                "Masuk ke akun Anda untuk menambahkan foto pada ulasan.",
            )]));
        };
        check_usable(&state.db, "photo_ids", &form.photo_ids, user.id, &[]).await?;
    }
    let new = NewReview {
        line: &line,
        order_id: order.id,
        shop_id: order.shop_id,
        buyer_id: order.buyer_id,
        buyer_name: &order.buyer_name,
        rating: form.rating,
        text: form.text.trim(),
        at: now,
    };
    let mut tx = state.db.begin_write().await?;
    let id = queries::insert(&mut tx, &new).await?.ok_or_else(|| {
        AppError::Conflict("Barang ini sudah Anda ulas: satu ulasan untuk tiap barang pesanan.".into())
    })?;
    PHOTOS.replace(&mut tx, id, &form.photo_ids).await?;
    tx.commit().await?;
    let review = queries::one(&state.db, id).await?.ok_or_else(|| anyhow::anyhow!("review {id} not read back"))?;
    Ok((StatusCode::CREATED, Json(review)))
}
