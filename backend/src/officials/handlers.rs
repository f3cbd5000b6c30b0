//! Adding, changing and removing a village's officials, by the village's admins.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::{AuditAction, Official, OfficialForm};

use super::queries;
use crate::{
    admin::{audit, profile::VillageAdminOrDistrict, versions},
    db::now_ms,
    error::{AppError, AppResult, Within},
    extract::ApiJson,
    images::attached,
    state::AppState,
    villages::queries as villages,
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
    let slug = villages::slug_of(&state.db, guard.village.id).await?;
    Ok(Json(queries::of_village(&state.db, &slug).await?))
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
    let id = queries::create(&mut tx, village.id, &form, admin.id, now).await?;
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
    let official = queries::one(&state.db, village.id, id)
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
    let current = queries::one(&state.db, village.id, ids.1)
        .await?
        .ok_or_else(|| AppError::not_found("Perangkat desa ini", Within::Village))?;
    check(&state, &form, admin.id, current.photo.map(|p| p.id)).await?;
    let mut tx = state.db.begin_write().await?;
    if !queries::update(&mut tx, village.id, ids.1, &form, admin.id, now_ms()).await? {
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
        queries::one(&state.db, village.id, ids.1)
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
    let official = queries::one(&state.db, village.id, ids.1)
        .await?
        .ok_or_else(|| AppError::not_found("Perangkat desa ini", Within::Village))?;
    let mut tx = state.db.begin_write().await?;
    queries::delete(&mut tx, village.id, ids.1).await?;
    let summary = format!("{} ({}), Desa {}", official.name, official.position, village.name);
    let subject = format!("official:{}", ids.1);
    audit::record(&mut tx, admin.id, AuditAction::OfficialRemoved, &subject, &summary, village.code.as_str()).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
