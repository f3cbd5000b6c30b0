//! The seller's side: their shop's reviews (hidden ones with the admin's reason) and their one reply.

use axum::{
    Json,
    extract::{Path, State},
};
use shared::api::{self, Endpoint};
use shared::review::{ReplyForm, Review, ReviewDesk};

use super::public::{ReviewsQuery, desk};
use super::queries;
use crate::{
    db::now_ms,
    error::{AppError, AppResult},
    extract::{ApiQuery, ValidJson},
    shops::owner::ShopOwner,
    state::AppState,
};

/// The shop's reviews, newest first, hidden ones too, a page at a time, with the shop's rating.
#[utoipa::path(get, path = api::reviews::ShopReviews::PATH, tag = "shops",
    params(("id" = i64, Path, description = "The shop's id"), ReviewsQuery),
    responses((status = 200, body = ReviewDesk), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn list(
    State(state): State<AppState>,
    owner: ShopOwner,
    ApiQuery(query): ApiQuery<ReviewsQuery>,
) -> AppResult<Json<ReviewDesk>> {
    Ok(Json(desk(&state, queries::Of::Shop(owner.shop_id), &query).await?))
}

/// The seller answers a review of their shop, once.
#[utoipa::path(post, path = api::reviews::Reply::PATH, tag = "shops", request_body = ReplyForm,
    params(("id" = i64, Path, description = "The shop's id"), ("review_id" = i64, Path, description = "The review")),
    responses((status = 200, body = Review), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn reply(
    State(state): State<AppState>,
    owner: ShopOwner,
    Path((_shop, id)): Path<(i64, i64)>,
    ValidJson(form): ValidJson<ReplyForm>,
) -> AppResult<Json<Review>> {
    let mut tx = state.db.begin_write().await?;
    if !queries::reply(&mut tx, id, owner.shop_id, form.text.trim(), now_ms()).await? {
        return Err(if queries::of_shop(&mut tx, id, owner.shop_id).await? {
            AppError::Conflict("Ulasan ini sudah Anda balas; balasan hanya sekali.".into())
        } else {
            AppError::NotFound("Ulasan ini tidak ditemukan di toko Anda.".into())
        });
    }
    tx.commit().await?;
    let review = queries::one(&state.db, id).await?.ok_or_else(|| anyhow::anyhow!("review {id} not read back"))?;
    Ok(Json(review))
}
