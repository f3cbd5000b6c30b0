//! The shop-application queue: a village's admin approves or rejects the shops people apply to open
//! there; the district admin does it for villages that have no admin yet and for the applications of
//! the village's own admins. Nobody decides on their own application.

use axum::{
    Json,
    extract::{FromRequestParts, State},
    http::request::Parts,
};
use serde::Deserialize;
use shared::api::{self, Endpoint};
use shared::{AuditAction, RegionCode, ShopApplicationView, ShopStatus, shop::Rejection};
use utoipa::IntoParams;

use super::{audit, queries};
use crate::{
    auth::{Admin, CurrentUser, guards::path_id},
    db::now_ms,
    error::{AppError, AppResult},
    extract::{ApiQuery, ValidJson},
    state::AppState,
};

/// Which applications to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// `pending` (default), `active`, `rejected` or `suspended`.
    status: Option<ShopStatus>,
}

/// Shop applications in the villages this admin decides for; the oldest waiting first.
#[utoipa::path(get, path = api::admin::ShopApplications::PATH, tag = "admin", params(QueueQuery),
    responses((status = 200, body = Vec<ShopApplicationView>), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem)))]
pub async fn queue(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiQuery(query): ApiQuery<QueueQuery>,
) -> AppResult<Json<Vec<ShopApplicationView>>> {
    let status = query.status.unwrap_or(ShopStatus::Pending);
    Ok(Json(queries::applications::in_status(&state.db, status, &admin).await?))
}

/// An admin who decides on the application in the path (`{id}`).
pub struct ShopModerator {
    admin: CurrentUser,
    shop: ShopApplicationView,
}

impl FromRequestParts<AppState> for ShopModerator {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let Admin(admin) = Admin::from_request_parts(parts, state).await?;
        let id = path_id(parts, state, "id", "Pengajuan toko").await?;
        let shop = queries::applications::application(&state.db, id)
            .await?
            .ok_or_else(|| AppError::NotFound("Pengajuan toko tidak ditemukan.".into()))?;
        if !queries::applications::decides_on(&state.db, id, &admin).await? {
            let code = RegionCode::parse(&shop.village.code).map_err(|e| anyhow::anyhow!("shop {id}: {e}"))?;
            let village = &shop.village.name;
            return Err(AppError::Forbidden(if shop.owner.id == admin.id {
                "Anda tidak dapat memutuskan pengajuan toko Anda sendiri; admin kabupaten yang memutuskannya.".into()
            } else if admin.is_village_admin_of(shop.village.id) {
                format!("Pengajuan ini dari admin Desa {village}, jadi diputuskan oleh admin kabupaten.")
            } else if admin.covers_region(&code) {
                format!("Desa {village} sudah memiliki admin desa; pengajuan toko diputuskan olehnya.")
            } else {
                "Toko ini berada di luar desa atau wilayah Anda.".into()
            }));
        }
        Ok(ShopModerator { admin, shop })
    }
}

/// Approves a waiting application: the shop opens.
#[utoipa::path(post, path = api::admin::ApproveShop::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The shop's id")),
    responses((status = 200, body = ShopApplicationView), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem)))]
pub async fn approve(State(state): State<AppState>, moderator: ShopModerator) -> AppResult<Json<ShopApplicationView>> {
    decide(&state, moderator, ShopStatus::Active, None).await
}

/// Rejects a waiting application, with a reason the applicant reads.
#[utoipa::path(post, path = api::admin::RejectShop::PATH, tag = "admin", request_body = Rejection,
    params(("id" = i64, Path, description = "The shop's id")),
    responses((status = 200, body = ShopApplicationView), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn reject(
    State(state): State<AppState>,
    moderator: ShopModerator,
    ValidJson(form): ValidJson<Rejection>,
) -> AppResult<Json<ShopApplicationView>> {
    decide(&state, moderator, ShopStatus::Rejected, Some(form.reason.trim())).await
}

async fn decide(
    state: &AppState,
    ShopModerator { admin, shop }: ShopModerator,
    status: ShopStatus,
    reason: Option<&str>,
) -> AppResult<Json<ShopApplicationView>> {
    let mut tx = state.db.begin_write().await?;
    if !queries::applications::decide(&mut tx, shop.id, status, reason, admin.id, now_ms()).await? {
        return Err(AppError::Conflict(format!("Pengajuan toko {} sudah diputuskan sebelumnya.", shop.name)));
    }
    let action = if status == ShopStatus::Active { AuditAction::ShopApproved } else { AuditAction::ShopRejected };
    let mut summary = format!("Toko {} milik {} di Desa {}", shop.name, shop.owner.name, shop.village.name);
    if let Some(reason) = reason {
        summary.push_str(&format!(": {reason}"));
    }
    audit::record(&mut tx, admin.id, action, &format!("shop:{}", shop.id), &summary, &shop.village.code).await?;
    tx.commit().await?;
    let decided = queries::applications::application(&state.db, shop.id).await?;
    Ok(Json(decided.ok_or_else(|| anyhow::anyhow!("shop {} vanished after the decision", shop.id))?))
}
