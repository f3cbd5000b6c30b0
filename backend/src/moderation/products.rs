//! Listings of a village as its admins see them, and hiding one with a reason (or showing it again).

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::api::{self, Endpoint};
use shared::{AuditAction, product::ModeratedProduct, product::Moderation};

use super::queries;
use crate::{
    admin::{audit, profile::VillageAdminOrDistrict},
    db::now_ms,
    error::{AppError, AppResult},
    extract::ValidJson,
    state::AppState,
};

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

/// Sets or clears a product's hiding; answers its name for the audit log, 404 outside the village.
async fn set_hidden(
    state: &AppState,
    guard: &VillageAdminOrDistrict,
    id: i64,
    reason: Option<&str>,
    action: AuditAction,
) -> AppResult<()> {
    let mut tx = state.db.begin_write().await?;
    let name = queries::product_name(&mut tx, id, guard.village.id)
        .await?
        .ok_or_else(|| AppError::NotFound("Produk ini tidak ditemukan di desa ini.".into()))?;
    queries::set_hidden(&mut tx, id, reason, reason.map(|_| guard.admin.id), now_ms()).await?;
    let summary = match reason {
        Some(r) => format!("{name}, Desa {}: {r}", guard.village.name),
        None => format!("{name}, Desa {}", guard.village.name),
    };
    audit::record(&mut tx, guard.admin.id, action, &format!("product:{id}"), &summary, guard.village.code.as_str())
        .await?;
    tx.commit().await?;
    Ok(())
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
    set_hidden(&state, &guard, id, Some(form.reason.trim()), AuditAction::ProductHidden).await?;
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
    set_hidden(&state, &guard, id, None, AuditAction::ProductUnhidden).await?;
    Ok(StatusCode::NO_CONTENT)
}
