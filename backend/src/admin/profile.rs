//! Keeping a village's profile current: its admins (and the district admins of its region) read and
//! save it; a save made against an older version is refused rather than overwriting someone's work.

use axum::{
    Json,
    extract::{FromRequestParts, State},
    http::request::Parts,
};
use shared::{AuditAction, Phone, ProfileForm};

use super::{
    audit, queries, versions,
    villages::{VillageRow, village_row},
};
use crate::{
    auth::{Admin, CurrentUser, guards::path_id},
    db::now_ms,
    error::{AppError, AppResult},
    extract::ApiJson,
    state::AppState,
};

/// An admin of the village in the path (`{id}`): its village admin, or a district admin whose region
/// contains it.
pub struct VillageAdminOrDistrict {
    pub admin: CurrentUser,
    pub village: VillageRow,
}

impl FromRequestParts<AppState> for VillageAdminOrDistrict {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let Admin(admin) = Admin::from_request_parts(parts, state).await?;
        let village = village_row(state, path_id(parts, state, "id", "Desa").await?).await?;
        if !admin.administers(village.id, &village.code) {
            return Err(AppError::Forbidden("Anda bukan admin desa ini.".into()));
        }
        Ok(VillageAdminOrDistrict { admin, village })
    }
}

/// The profile as its admins edit it, with its version.
#[utoipa::path(get, path = "/api/v1/admin/villages/{id}/profile", tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = ProfileForm), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn profile(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<ProfileForm>> {
    Ok(Json(queries::profile(&state.db, guard.village.id).await?))
}

/// Saves the profile; 409 when someone saved it since `version` was loaded.
#[utoipa::path(put, path = "/api/v1/admin/villages/{id}/profile", tag = "admin", request_body = ProfileForm,
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = ProfileForm), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn save_profile(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    ApiJson(form): ApiJson<ProfileForm>,
) -> AppResult<Json<ProfileForm>> {
    AppError::check(form.validate())?;
    let phone = Some(form.phone.trim()).filter(|p| !p.is_empty()).map(Phone::parse).transpose();
    let phone = phone.map_err(|e| AppError::field("phone", e.to_string()))?;
    let email = Some(form.email.trim().to_lowercase()).filter(|e| !e.is_empty());
    let now = now_ms();
    let mut tx = state.db.begin_write().await?;
    let saved = queries::save_profile(&mut tx, village.id, &form, (phone.as_ref(), email), admin.id, now).await?;
    if !saved {
        return Err(versions::refusal(&state.db, "villages", "updated_by", "t.id = $1", &[village.id], "Profil").await?);
    }
    if village.name != form.name.trim() {
        // Its products are found by the village's name.
        crate::catalog::index::reindex_where(&mut tx, "s.village_id = $1", village.id).await?;
    }
    let summary = format!("Profil Desa {}", form.name.trim());
    let subject = format!("village:{}", village.id);
    audit::record(&mut tx, admin.id, AuditAction::VillageProfileUpdated, &subject, &summary, village.code.as_str())
        .await?;
    tx.commit().await?;
    Ok(Json(queries::profile(&state.db, village.id).await?))
}
