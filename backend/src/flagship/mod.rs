//! A village's flagship product ("satu desa, satu produk unggulan"): its admins tell its story, add
//! photos and name the enterprise behind it; the village page and the portal show it.

use axum::{Json, extract::State};
use shared::{AuditAction, FlagshipForm, FlagshipRecord, Sector};
use sqlx::Row;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    admin::{audit, profile::VillageAdminOrDistrict, versions},
    db::{Db, now_ms},
    error::{AppError, AppResult},
    extract::ApiJson,
    images::{attached, queries::PhotoList},
    markdown,
    state::AppState,
};

/// The flagship product's photos, in order.
const PHOTOS: PhotoList = PhotoList { table: "flagship_photos", owner: "village_id" };

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(flagship, save_flagship))
}

async fn load(db: &Db, village_id: i64) -> AppResult<FlagshipRecord> {
    let r = sqlx::query(
        "SELECT flagship_version, flagship_name, flagship_sector, flagship_description, flagship_story_md, \
                flagship_enterprise_id FROM villages WHERE id = $1",
    )
    .bind(village_id)
    .fetch_one(&db.pool)
    .await?;
    let form = FlagshipForm {
        version: r.try_get("flagship_version")?,
        name: r.try_get::<Option<String>, _>("flagship_name")?.unwrap_or_default(),
        sector: r.try_get::<Option<String>, _>("flagship_sector")?.and_then(|c| Sector::from_code(&c)),
        description: r.try_get("flagship_description")?,
        story_md: r.try_get("flagship_story_md")?,
        enterprise_id: r.try_get("flagship_enterprise_id")?,
        photo_ids: PHOTOS.ids(db, village_id).await?,
    };
    Ok(FlagshipRecord { form, photos: PHOTOS.load(db, village_id).await? })
}

/// The flagship product as its admins edit it, with its version.
#[utoipa::path(get, path = "/api/v1/admin/villages/{id}/flagship", tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = FlagshipRecord), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn flagship(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<FlagshipRecord>> {
    Ok(Json(load(&state.db, guard.village.id).await?))
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
    if let Some(enterprise) = form.enterprise_id {
        let ours: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM enterprises WHERE id = $1 AND village_id = $2")
            .bind(enterprise)
            .bind(village.id)
            .fetch_one(&state.db.pool)
            .await?;
        if ours == 0 {
            return Err(AppError::field("enterprise_id", "Pilih salah satu lembaga desa ini."));
        }
    }
    let kept = PHOTOS.ids(&state.db, village.id).await?;
    attached::check_usable(&state.db, "photo_ids", &form.photo_ids, admin.id, &kept).await?;
    let empty = form.is_empty();
    let mut tx = state.db.begin_write().await?;
    let saved = sqlx::query(
        "UPDATE villages SET flagship_name = $1, flagship_sector = $2, flagship_description = $3, \
            flagship_story_md = $4, flagship_story_html = $5, flagship_enterprise_id = $6, \
            flagship_version = flagship_version + 1, flagship_updated_by = $7, updated_at = $8 \
         WHERE id = $9 AND flagship_version = $10",
    )
    .bind((!empty).then(|| form.name.trim().to_owned()))
    .bind(form.sector.filter(|_| !empty).map(Sector::code))
    .bind(if empty { "" } else { form.description.trim() })
    .bind(if empty { "" } else { form.story_md.as_str() })
    .bind(if empty { String::new() } else { markdown::to_safe_html(&form.story_md) })
    .bind(form.enterprise_id.filter(|_| !empty))
    .bind(admin.id)
    .bind(now_ms())
    .bind(village.id)
    .bind(form.version)
    .execute(&mut *tx)
    .await?;
    if saved.rows_affected() != 1 {
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
    Ok(Json(load(&state.db, village.id).await?))
}
