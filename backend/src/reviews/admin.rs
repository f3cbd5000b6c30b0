//! The village's admins (and its district admins) read the reviews of its shops and hide one with a
//! reason the seller reads, or show it again; both go to the audit log.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::api::{self, Endpoint};
use shared::{AuditAction, product::Moderation, review::ReviewDesk};

use super::public::{ReviewsQuery, desk};
use super::queries;
use crate::{
    admin::profile::VillageAdminOrDistrict,
    error::AppResult,
    extract::{ApiQuery, ValidJson},
    moderation::hiding::{Hideable, set_hidden},
    state::AppState,
};

/// The reviews of the village's shops, newest first, hidden ones too, a page at a time, with their rating.
#[utoipa::path(get, path = api::reviews::VillageReviews::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id"), ReviewsQuery),
    responses((status = 200, body = ReviewDesk), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn list(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
    ApiQuery(query): ApiQuery<ReviewsQuery>,
) -> AppResult<Json<ReviewDesk>> {
    Ok(Json(desk(&state, queries::Of::Village(guard.village.id), &query).await?))
}

/// Hides a review from shoppers (product page, summaries); the seller sees the reason.
#[utoipa::path(post, path = api::reviews::Hide::PATH, tag = "admin", request_body = Moderation,
    params(("id" = i64, Path, description = "The village's id"), ("review_id" = i64, Path, description = "The review")),
    responses((status = 204, description = "Hidden"), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn hide(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
    ValidJson(form): ValidJson<Moderation>,
) -> AppResult<StatusCode> {
    set_hidden(&state.db, &guard, Hideable::Review, id, Some(form.reason.trim()), AuditAction::ReviewHidden).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Shows a hidden review again.
#[utoipa::path(post, path = api::reviews::Unhide::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id"), ("review_id" = i64, Path, description = "The review")),
    responses((status = 204, description = "Shown again"), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem)))]
pub async fn unhide(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    set_hidden(&state.db, &guard, Hideable::Review, id, None, AuditAction::ReviewShown).await?;
    Ok(StatusCode::NO_CONTENT)
}
