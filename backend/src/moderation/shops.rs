//! The shops of a village as its admins see them: suspend one with a reason, reinstate it, and link it
//! to the village enterprise it represents (which shoppers then see on its products).

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::api::{self, Endpoint};
use shared::{
    AuditAction,
    product::Moderation,
    storefront::{ModeratedShop, ShopEnterprise},
};

use super::queries;
use crate::{
    admin::{audit, profile::VillageAdminOrDistrict},
    catalog::index,
    db::now_ms,
    error::{AppError, AppResult},
    extract::{ApiJson, ValidJson},
    state::AppState,
};

/// The village's approved shops (active or suspended), by name.
#[utoipa::path(get, path = api::moderation::Shops::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = Vec<ModeratedShop>), (status = 403, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<Vec<ModeratedShop>>> {
    let mut shops = Vec::new();
    for found in queries::village_shops(&state.db, guard.village.id).await? {
        let owner_id = found.shop.owner.as_ref().map(|o| o.id);
        let moderable = may_moderate(&guard, owner_id, found.by_village_admin).is_ok();
        shops.push(ModeratedShop { moderable, ..found.shop });
    }
    Ok(Json(shops))
}

/// Nobody suspends or reinstates their own shop; a shop of a village admin is the district's to watch.
fn may_moderate(guard: &VillageAdminOrDistrict, owner_id: Option<i64>, by_village_admin: bool) -> AppResult<()> {
    if owner_id == Some(guard.admin.id) {
        return Err(AppError::Forbidden("Anda tidak dapat memoderasi toko Anda sendiri.".into()));
    }
    if by_village_admin && !guard.admin.covers_region(&guard.village.code) {
        return Err(AppError::Forbidden(format!(
            "Toko ini milik admin Desa {}, jadi dimoderasi oleh admin kabupaten.",
            guard.village.name
        )));
    }
    Ok(())
}

/// Moves a shop of the village from one status to another; 404 outside the village, 409 from any other.
async fn move_shop(
    state: &AppState,
    guard: &VillageAdminOrDistrict,
    id: i64,
    (from, to): (&str, &str),
    reason: Option<&str>,
    action: AuditAction,
) -> AppResult<()> {
    let mut tx = state.db.begin_write().await?;
    let shop = queries::shop_state(&mut tx, id, guard.village.id)
        .await?
        .ok_or_else(|| AppError::NotFound("Toko ini tidak ditemukan di desa ini.".into()))?;
    let (name, status) = (shop.name, shop.status);
    may_moderate(guard, shop.owner_id, shop.by_village_admin)?;
    if status != from {
        let now = shared::ShopStatus::from_code(&status).map(|s| s.label()).unwrap_or("lain");
        return Err(AppError::Conflict(format!("Toko {name} berstatus {now}, jadi tidak bisa diubah begitu.")));
    }
    queries::decide(&mut tx, id, to, reason, guard.admin.id, now_ms()).await?;
    let summary = match reason {
        Some(r) => format!("{name}, Desa {}: {r}", guard.village.name),
        None => format!("{name}, Desa {}", guard.village.name),
    };
    audit::record(&mut tx, guard.admin.id, action, &format!("shop:{id}"), &summary, guard.village.code.as_str())
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Suspends an active shop: its products leave the catalog and it cannot change them; the owner sees why.
#[utoipa::path(post, path = api::moderation::SuspendShop::PATH, tag = "admin",
    request_body = Moderation,
    params(("id" = i64, Path, description = "The village's id"), ("shop_id" = i64, Path, description = "The shop")),
    responses((status = 204, description = "Suspended"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn suspend(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
    ValidJson(form): ValidJson<Moderation>,
) -> AppResult<StatusCode> {
    let reason = Some(form.reason.trim());
    move_shop(&state, &guard, id, ("active", "suspended"), reason, AuditAction::ShopSuspended).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Reinstates a suspended shop.
#[utoipa::path(post, path = api::moderation::ReinstateShop::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id"), ("shop_id" = i64, Path, description = "The shop")),
    responses((status = 204, description = "Active again"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem)))]
pub async fn reinstate(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    move_shop(&state, &guard, id, ("suspended", "active"), None, AuditAction::ShopReinstated).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Links a shop to one of the village's enterprises (or unlinks it); search learns the new name.
#[utoipa::path(put, path = api::moderation::SetEnterprise::PATH, tag = "admin",
    request_body = ShopEnterprise,
    params(("id" = i64, Path, description = "The village's id"), ("shop_id" = i64, Path, description = "The shop")),
    responses((status = 204, description = "Saved"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn set_enterprise(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
    ApiJson(form): ApiJson<ShopEnterprise>,
) -> AppResult<StatusCode> {
    let mut tx = state.db.begin_write().await?;
    let enterprise = match form.enterprise_id {
        Some(e) => Some(
            queries::enterprise_name(&mut tx, e, guard.village.id)
                .await?
                .ok_or_else(|| AppError::field("enterprise_id", "Pilih lembaga dari daftar lembaga desa ini."))?,
        ),
        None => None,
    };
    let name = queries::shop_name(&mut tx, id, guard.village.id)
        .await?
        .ok_or_else(|| AppError::NotFound("Toko ini tidak ditemukan di desa ini.".into()))?;
    queries::set_enterprise(&mut tx, id, form.enterprise_id).await?;
    index::reindex_where(&mut tx, "p.shop_id = $1", id).await?;
    let summary = format!("{name} → {}", enterprise.as_deref().unwrap_or("tanpa lembaga"));
    let subject = format!("shop:{id}");
    audit::record(
        &mut tx,
        guard.admin.id,
        AuditAction::ShopEnterpriseSet,
        &subject,
        &summary,
        guard.village.code.as_str(),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
