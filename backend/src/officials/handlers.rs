//! Adding, changing and removing a village's officials, by the village's admins.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::{AuditAction, Official, OfficialForm};

use crate::{
    admin::{audit, profile::VillageAdminOrDistrict, versions},
    db::now_ms,
    error::{AppError, AppResult, Within},
    extract::ApiJson,
    images::attached,
    state::AppState,
};

/// The photo must be a picture this admin uploaded, or the one the official already has.
async fn check(state: &AppState, form: &OfficialForm, uploader: i64, kept: Option<i64>) -> AppResult<()> {
    AppError::check(form.validate())?;
    let photo: Vec<i64> = form.photo_id.into_iter().collect();
    let kept: Vec<i64> = kept.into_iter().collect();
    attached::check_usable(&state.db, "photo_id", &photo, uploader, &kept).await
}

/// The village's officials, in their order.
#[utoipa::path(get, path = "/api/v1/admin/villages/{id}/officials", tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = Vec<Official>), (status = 403, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<Vec<Official>>> {
    let slug: String = sqlx::query_scalar("SELECT slug FROM villages WHERE id = $1")
        .bind(guard.village.id)
        .fetch_one(&state.db.pool)
        .await?;
    Ok(Json(super::of_village(&state.db, &slug).await?))
}

/// Adds an official.
#[utoipa::path(post, path = "/api/v1/admin/villages/{id}/officials", tag = "admin", request_body = OfficialForm,
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 201, body = Official), (status = 403, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    ApiJson(form): ApiJson<OfficialForm>,
) -> AppResult<(StatusCode, Json<Official>)> {
    check(&state, &form, admin.id, None).await?;
    let now = now_ms();
    let mut tx = state.db.begin_write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO officials (village_id, name, position, photo_id, sort_order, updated_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
    )
    .bind(village.id)
    .bind(form.name.trim())
    .bind(form.position.trim())
    .bind(form.photo_id)
    .bind(form.sort_order)
    .bind(admin.id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let summary = format!("{} ({}), Desa {}", form.name.trim(), form.position.trim(), village.name);
    audit::record(
        &mut tx,
        admin.id,
        AuditAction::OfficialSaved,
        &format!("official:{id}"),
        &summary,
        village.code.as_str(),
    )
    .await?;
    tx.commit().await?;
    let official = super::one(&state.db, village.id, id)
        .await?
        .ok_or_else(|| AppError::not_found("Perangkat desa ini", Within::Village))?;
    Ok((StatusCode::CREATED, Json(official)))
}

/// Changes an official of this village.
#[utoipa::path(put, path = "/api/v1/admin/villages/{id}/officials/{official_id}", tag = "admin",
    request_body = OfficialForm,
    params(("id" = i64, Path, description = "The village's id"), ("official_id" = i64, Path, description = "The official")),
    responses((status = 200, body = Official), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn update(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path(ids): Path<(i64, i64)>,
    ApiJson(form): ApiJson<OfficialForm>,
) -> AppResult<Json<Official>> {
    let current = super::one(&state.db, village.id, ids.1)
        .await?
        .ok_or_else(|| AppError::not_found("Perangkat desa ini", Within::Village))?;
    check(&state, &form, admin.id, current.photo.map(|p| p.id)).await?;
    let mut tx = state.db.begin_write().await?;
    let changed = sqlx::query(
        "UPDATE officials SET name = $1, position = $2, photo_id = $3, sort_order = $4, updated_at = $5, \
            updated_by = $6, version = version + 1 \
         WHERE id = $7 AND village_id = $8 AND version = $9",
    )
    .bind(form.name.trim())
    .bind(form.position.trim())
    .bind(form.photo_id)
    .bind(form.sort_order)
    .bind(now_ms())
    .bind(admin.id)
    .bind(ids.1)
    .bind(village.id)
    .bind(form.version)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() != 1 {
        let filter = "t.id = $1 AND t.village_id = $2";
        return Err(versions::refusal(
            &state.db,
            "officials",
            "updated_by",
            filter,
            &[ids.1, village.id],
            "Data perangkat desa",
        )
        .await?);
    }
    let summary = format!("{} ({}), Desa {}", form.name.trim(), form.position.trim(), village.name);
    let subject = format!("official:{}", ids.1);
    audit::record(&mut tx, admin.id, AuditAction::OfficialSaved, &subject, &summary, village.code.as_str()).await?;
    tx.commit().await?;
    Ok(Json(
        super::one(&state.db, village.id, ids.1)
            .await?
            .ok_or_else(|| AppError::not_found("Perangkat desa ini", Within::Village))?,
    ))
}

/// Removes an official of this village.
#[utoipa::path(delete, path = "/api/v1/admin/villages/{id}/officials/{official_id}", tag = "admin",
    params(("id" = i64, Path, description = "The village's id"), ("official_id" = i64, Path, description = "The official")),
    responses((status = 204, description = "Removed"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn remove(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path(ids): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    let official = super::one(&state.db, village.id, ids.1)
        .await?
        .ok_or_else(|| AppError::not_found("Perangkat desa ini", Within::Village))?;
    let mut tx = state.db.begin_write().await?;
    sqlx::query("DELETE FROM officials WHERE id = $1 AND village_id = $2")
        .bind(ids.1)
        .bind(village.id)
        .execute(&mut *tx)
        .await?;
    let summary = format!("{} ({}), Desa {}", official.name, official.position, village.name);
    let subject = format!("official:{}", ids.1);
    audit::record(&mut tx, admin.id, AuditAction::OfficialRemoved, &subject, &summary, village.code.as_str()).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
