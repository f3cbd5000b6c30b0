//! Creating, renaming and removing albums of a village's gallery.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::{Album, AlbumForm, AuditAction};

use super::queries;
use crate::{
    admin::{audit, profile::VillageAdminOrDistrict, versions},
    db::now_ms,
    error::{AppError, AppResult, Within},
    extract::ApiJson,
    state::AppState,
};

/// The village's albums with their photos, in order.
#[utoipa::path(get, path = "/api/v1/admin/villages/{id}/albums", tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = Vec<Album>), (status = 403, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<Vec<Album>>> {
    Ok(Json(queries::albums(&state.db, guard.village.id, None).await?))
}

/// Creates an album.
#[utoipa::path(post, path = "/api/v1/admin/villages/{id}/albums", tag = "admin", request_body = AlbumForm,
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 201, body = Album), (status = 403, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    ApiJson(form): ApiJson<AlbumForm>,
) -> AppResult<(StatusCode, Json<Album>)> {
    AppError::check(form.validate())?;
    let mut tx = state.db.begin_write().await?;
    let id = queries::create_album(&mut tx, village.id, &form, admin.id, now_ms()).await?;
    let summary = format!("Album {}, Desa {}", form.title.trim(), village.name);
    audit::record(&mut tx, admin.id, AuditAction::AlbumSaved, &format!("album:{id}"), &summary, village.code.as_str())
        .await?;
    tx.commit().await?;
    let album = queries::albums(&state.db, village.id, Some(id))
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("Album ini", Within::Village))?;
    Ok((StatusCode::CREATED, Json(album)))
}

/// Renames or reorders an album; 409 when someone saved it since `version` was loaded.
#[utoipa::path(put, path = "/api/v1/admin/villages/{id}/albums/{album_id}", tag = "admin", request_body = AlbumForm,
    params(("id" = i64, Path, description = "The village's id"), ("album_id" = i64, Path, description = "The album")),
    responses((status = 200, body = Album), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn update(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
    ApiJson(form): ApiJson<AlbumForm>,
) -> AppResult<Json<Album>> {
    AppError::check(form.validate())?;
    let mut tx = state.db.begin_write().await?;
    if !queries::update_album(&mut tx, village.id, id, &form, admin.id, now_ms()).await? {
        let filter = "t.id = $1 AND t.village_id = $2";
        return Err(versions::refusal(&state.db, "albums", "updated_by", filter, &[id, village.id], "Album").await?);
    }
    let summary = format!("Album {}, Desa {}", form.title.trim(), village.name);
    audit::record(&mut tx, admin.id, AuditAction::AlbumSaved, &format!("album:{id}"), &summary, village.code.as_str())
        .await?;
    tx.commit().await?;
    Ok(Json(
        queries::albums(&state.db, village.id, Some(id))
            .await?
            .pop()
            .ok_or_else(|| AppError::not_found("Album ini", Within::Village))?,
    ))
}

/// Removes an album and its photos.
#[utoipa::path(delete, path = "/api/v1/admin/villages/{id}/albums/{album_id}", tag = "admin",
    params(("id" = i64, Path, description = "The village's id"), ("album_id" = i64, Path, description = "The album")),
    responses((status = 204, description = "Removed"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn remove(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    let album = queries::albums(&state.db, village.id, Some(id))
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("Album ini", Within::Village))?;
    let mut tx = state.db.begin_write().await?;
    queries::delete_album(&mut tx, village.id, id).await?;
    let summary = format!("Album {} ({} foto), Desa {}", album.title, album.photos.len(), village.name);
    audit::record(
        &mut tx,
        admin.id,
        AuditAction::AlbumRemoved,
        &format!("album:{id}"),
        &summary,
        village.code.as_str(),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
