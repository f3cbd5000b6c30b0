//! Listings of a village as its admins see them, and hiding one with a reason (or showing it again).

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::api::{self, Endpoint};
use shared::{AuditAction, product::ModeratedProduct, product::Moderation};

use super::hiding::{Hideable, set_hidden};
use super::queries;
use crate::{admin::profile::VillageAdminOrDistrict, error::AppResult, extract::ValidJson, state::AppState};

/// Every listing of the village's shops, drafts excluded (they are the seller's own), newest first.
#[utoipa::path(get, path = api::moderation::Products::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = Vec<ModeratedProduct>), (status = 403, body = shared::Problem)))]
pub async fn list(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
) -> AppResult<Json<Vec<ModeratedProduct>>> {
    Ok(Json(queries::village_products(&state.db, guard.village.id).await?))
}

/// Hides a listing from shoppers; the seller sees the reason.
#[utoipa::path(post, path = api::moderation::HideProduct::PATH, tag = "admin",
    request_body = Moderation,
    params(("id" = i64, Path, description = "The village's id"), ("product_id" = i64, Path, description = "The product")),
    responses((status = 204, description = "Hidden"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn hide(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
    ValidJson(form): ValidJson<Moderation>,
) -> AppResult<StatusCode> {
    set_hidden(&state.db, &guard, Hideable::Product, id, Some(form.reason.trim()), AuditAction::ProductHidden).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Shows a hidden listing again.
#[utoipa::path(post, path = api::moderation::UnhideProduct::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id"), ("product_id" = i64, Path, description = "The product")),
    responses((status = 204, description = "Shown again"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn unhide(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    set_hidden(&state.db, &guard, Hideable::Product, id, None, AuditAction::ProductUnhidden).await?;
    Ok(StatusCode::NO_CONTENT)
}
