//! A village's flagship product ("satu desa, satu produk unggulan"): its admins tell its story, add
//! photos and name the enterprise behind it; the village page and the portal show it.

mod queries;

use axum::{Json, extract::State};
use shared::{AuditAction, FlagshipForm, FlagshipRecord};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    admin::{audit, profile::VillageAdminOrDistrict, versions},
    db::now_ms,
    error::{AppError, AppResult},
    extract::ApiJson,
    images::{attached, queries::PhotoList},
    state::AppState,
};

/// The flagship product's photos, in order.
const PHOTOS: PhotoList = PhotoList { table: "flagship_photos", owner: "village_id" };

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(flagship, save_flagship))
}

/// The flagship product as its admins edit it, with its version.
#[utoipa::path(get, path = "/api/v1/admin/villages/{id}/flagship", tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = FlagshipRecord), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn flagship(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<FlagshipRecord>> {
    Ok(Json(queries::record(&state.db, guard.village.id).await?))
}

/// Saves the flagship product (an empty name removes it); 409 when someone saved it since `version`.
#[utoipa::path(put, path = "/api/v1/admin/villages/{id}/flagship", tag = "admin", request_body = FlagshipForm,
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = FlagshipRecord), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn save_flagship(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    ApiJson(form): ApiJson<FlagshipForm>,
) -> AppResult<Json<FlagshipRecord>> {
    AppError::check(form.validate())?;
    if let Some(enterprise) = form.enterprise_id
        && !queries::is_village_enterprise(&state.db, enterprise, village.id).await?
    {
        return Err(AppError::field("enterprise_id", "Pilih salah satu lembaga desa ini."));
    }
    let kept = PHOTOS.ids(&state.db, village.id).await?;
    attached::check_usable(&state.db, "photo_ids", &form.photo_ids, admin.id, &kept).await?;
    let empty = form.is_empty();
    let mut tx = state.db.begin_write().await?;
    if !queries::save(&mut tx, village.id, &form, admin.id, now_ms()).await? {
        let filter = "t.id = $1";
        return Err(versions::refusal(
            &state.db,
            "villages",
            "flagship_updated_by",
            filter,
            &[village.id],
            "Produk unggulan",
        )
        .await?);
    }
    PHOTOS.replace(&mut tx, village.id, if empty { &[] } else { &form.photo_ids }).await?;
    let summary = if empty {
        format!("Desa {}: tanpa produk unggulan", village.name)
    } else {
        format!("Desa {}: {}", village.name, form.name.trim())
    };
    let subject = format!("village:{}", village.id);
    audit::record(&mut tx, admin.id, AuditAction::FlagshipSaved, &subject, &summary, village.code.as_str()).await?;
    tx.commit().await?;
    Ok(Json(queries::record(&state.db, village.id).await?))
}
