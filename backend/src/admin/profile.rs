//! Keeping a village's profile current: its admins (and the district admins of its region) read and
//! save it; a save made against an older version is refused rather than overwriting someone's work.

use axum::{
    Json,
    extract::{FromRequestParts, State},
    http::request::Parts,
};
use shared::{AuditAction, Phone, ProfileForm};
use sqlx::Row;

use super::{
    audit, versions,
    villages::{VillageRow, village_row},
};
use crate::{
    auth::{Admin, CurrentUser, guards::path_id},
    db::now_ms,
    error::{AppError, AppResult},
    extract::ApiJson,
    markdown,
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

async fn load(state: &AppState, id: i64) -> AppResult<ProfileForm> {
    let r = sqlx::query(
        "SELECT version, name, tagline, history_md, vision_md, mission_md, population, households, area_km2, \
                dusun_count, lat, lon, office_address, contact_phone, contact_email, opening_hours \
         FROM villages WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&state.db.pool)
    .await?;
    let phone: Option<String> = r.try_get("contact_phone")?;
    Ok(ProfileForm {
        version: r.try_get("version")?,
        name: r.try_get("name")?,
        tagline: r.try_get("tagline")?,
        history_md: r.try_get("history_md")?,
        vision_md: r.try_get("vision_md")?,
        mission_md: r.try_get("mission_md")?,
        population: r.try_get("population")?,
        households: r.try_get("households")?,
        area_km2: r.try_get("area_km2")?,
        dusun_count: r.try_get("dusun_count")?,
        lat: r.try_get("lat")?,
        lon: r.try_get("lon")?,
        office_address: r.try_get("office_address")?,
        phone: phone.and_then(|p| Phone::parse(&p).ok()).map(|p| p.display()).unwrap_or_default(),
        email: r.try_get::<Option<String>, _>("contact_email")?.unwrap_or_default(),
        opening_hours: r.try_get("opening_hours")?,
    })
}

/// The profile as its admins edit it, with its version.
#[utoipa::path(get, path = "/api/v1/admin/villages/{id}/profile", tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = ProfileForm), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn profile(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<ProfileForm>> {
    Ok(Json(load(&state, guard.village.id).await?))
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
    let saved = sqlx::query(
        "UPDATE villages SET name = $1, tagline = $2, history_md = $3, history_html = $4, vision_md = $5, \
            vision_html = $6, mission_md = $7, mission_html = $8, population = $9, households = $10, area_km2 = $11, \
            dusun_count = $12, lat = $13, lon = $14, office_address = $15, contact_phone = $16, contact_email = $17, \
            opening_hours = $18, version = version + 1, updated_by = $19, updated_at = $20 \
         WHERE id = $21 AND version = $22",
    )
    .bind(form.name.trim())
    .bind(form.tagline.trim())
    .bind(&form.history_md)
    .bind(markdown::to_safe_html(&form.history_md))
    .bind(&form.vision_md)
    .bind(markdown::to_safe_html(&form.vision_md))
    .bind(&form.mission_md)
    .bind(markdown::to_safe_html(&form.mission_md))
    .bind(form.population)
    .bind(form.households)
    .bind(form.area_km2)
    .bind(form.dusun_count)
    .bind(form.lat)
    .bind(form.lon)
    .bind(form.office_address.trim())
    .bind(phone.as_ref().map(Phone::as_str))
    .bind(email)
    .bind(form.opening_hours.trim())
    .bind(admin.id)
    .bind(now)
    .bind(village.id)
    .bind(form.version)
    .execute(&mut *tx)
    .await?;
    if saved.rows_affected() != 1 {
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
    Ok(Json(load(&state, village.id).await?))
}
