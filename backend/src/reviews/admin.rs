//! The village's admins (and its district admins) read the reviews of its shops and hide one with a
//! reason the seller reads, or show it again; both go to the audit log.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::api::{self, Endpoint};
use shared::{AuditAction, product::Moderation, review::Review};

use super::queries;
use crate::{
    admin::{audit, profile::VillageAdminOrDistrict},
    db::now_ms,
    error::{AppError, AppResult},
    extract::ValidJson,
    state::AppState,
};

/// The reviews of the village's shops, newest first, hidden ones too.
#[utoipa::path(get, path = api::reviews::VillageReviews::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = Vec<Review>), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<Vec<Review>>> {
    Ok(Json(queries::of_village(&state.db, guard.village.id).await?))
}

/// Hides (with `reason`) or shows the review again, with its audit row; 404 outside the village.
async fn set_hidden(
    state: &AppState,
    guard: &VillageAdminOrDistrict,
    id: i64,
    reason: Option<&str>,
    action: AuditAction,
) -> AppResult<()> {
    let mut tx = state.db.begin_write().await?;
    let product = queries::in_village(&mut tx, id, guard.village.id)
        .await?
        .ok_or_else(|| AppError::NotFound("Ulasan ini tidak ditemukan di desa ini.".into()))?;
    queries::set_hidden(&mut tx, id, reason, reason.map(|_| guard.admin.id), now_ms()).await?;
    let summary = match reason {
        Some(r) => format!("Ulasan {product}, Desa {}: {r}", guard.village.name),
        None => format!("Ulasan {product}, Desa {}", guard.village.name),
    };
    audit::record(&mut tx, guard.admin.id, action, &format!("review:{id}"), &summary, guard.village.code.as_str())
        .await?;
    tx.commit().await?;
    Ok(())
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
    set_hidden(&state, &guard, id, Some(form.reason.trim()), AuditAction::ReviewHidden).await?;
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
    set_hidden(&state, &guard, id, None, AuditAction::ReviewShown).await?;
    Ok(StatusCode::NO_CONTENT)
}
