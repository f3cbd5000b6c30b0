//! Adding photos to an album, changing their captions and order, removing them.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::{AuditAction, GalleryPhoto, PhotoForm, gallery::ALBUM_MAX_PHOTOS};
use sqlx::Row;

use crate::{
    admin::{audit, profile::VillageAdminOrDistrict, versions},
    db::{Db, now_ms},
    error::{AppError, AppResult, Within},
    extract::ApiJson,
    images::attached,
    state::AppState,
};

const SELECT: &str = "SELECT p.id, p.caption, p.sort_order, p.version, i.id AS image_id, i.variants \
    FROM album_photos p JOIN albums a ON a.id = p.album_id JOIN images i ON i.id = p.image_id";

/// A photo of an album of this village.
async fn one(db: &Db, village_id: i64, album_id: i64, id: i64) -> AppResult<GalleryPhoto> {
    let row = sqlx::query(&format!("{SELECT} WHERE a.village_id = $1 AND a.id = $2 AND p.id = $3"))
        .bind(village_id)
        .bind(album_id)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .ok_or_else(|| AppError::not_found("Foto ini", Within::Album))?;
    Ok(super::photo(&row)?)
}

/// The album's title and photo count, when it is this village's.
async fn album(db: &Db, village_id: i64, album_id: i64) -> AppResult<(String, i64)> {
    let row = sqlx::query(
        "SELECT a.title, (SELECT COUNT(*) FROM album_photos p WHERE p.album_id = a.id) AS photos FROM albums a \
         WHERE a.id = $1 AND a.village_id = $2",
    )
    .bind(album_id)
    .bind(village_id)
    .fetch_optional(&db.pool)
    .await?
    .ok_or_else(|| AppError::not_found("Album ini", Within::Village))?;
    Ok((row.try_get("title")?, row.try_get("photos")?))
}

/// Adds an uploaded picture to an album, with its caption.
#[utoipa::path(post, path = "/api/v1/admin/villages/{id}/albums/{album_id}/photos", tag = "admin",
    request_body = PhotoForm,
    params(("id" = i64, Path, description = "The village's id"), ("album_id" = i64, Path, description = "The album")),
    responses((status = 201, body = GalleryPhoto), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn add(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path((_village, album_id)): Path<(i64, i64)>,
    ApiJson(form): ApiJson<PhotoForm>,
) -> AppResult<(StatusCode, Json<GalleryPhoto>)> {
    AppError::check(form.validate())?;
    let (title, count) = album(&state.db, village.id, album_id).await?;
    if count >= ALBUM_MAX_PHOTOS {
        return Err(AppError::field(
            "image_id",
            format!("Album ini sudah berisi {ALBUM_MAX_PHOTOS} foto. Buat album baru untuk foto berikutnya."),
        ));
    }
    let image = form.image_id.ok_or_else(|| AppError::field("image_id", "Pilih foto yang akan ditambahkan."))?;
    attached::check_usable(&state.db, "image_id", &[image], admin.id, &[]).await?;
    let now = now_ms();
    let mut tx = state.db.begin_write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO album_photos (album_id, image_id, caption, sort_order, updated_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(album_id)
    .bind(image)
    .bind(form.caption.trim())
    .bind(form.sort_order)
    .bind(admin.id)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    let summary = format!("Foto di album {title}, Desa {}", village.name);
    let subject = format!("gallery_photo:{id}");
    audit::record(&mut tx, admin.id, AuditAction::PhotoSaved, &subject, &summary, village.code.as_str()).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(one(&state.db, village.id, album_id, id).await?)))
}

/// Changes a photo's caption and place; 409 when someone saved it since `version` was loaded.
#[utoipa::path(put, path = "/api/v1/admin/villages/{id}/albums/{album_id}/photos/{photo_id}", tag = "admin",
    request_body = PhotoForm,
    params(("id" = i64, Path, description = "The village's id"), ("album_id" = i64, Path, description = "The album"),
        ("photo_id" = i64, Path, description = "The photo")),
    responses((status = 200, body = GalleryPhoto), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn update(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path((_village, album_id, id)): Path<(i64, i64, i64)>,
    ApiJson(form): ApiJson<PhotoForm>,
) -> AppResult<Json<GalleryPhoto>> {
    AppError::check(form.validate())?;
    let (title, _) = album(&state.db, village.id, album_id).await?;
    let mut tx = state.db.begin_write().await?;
    let saved = sqlx::query(
        "UPDATE album_photos SET caption = $1, sort_order = $2, updated_by = $3, updated_at = $4, \
            version = version + 1 WHERE id = $5 AND album_id = $6 AND version = $7",
    )
    .bind(form.caption.trim())
    .bind(form.sort_order)
    .bind(admin.id)
    .bind(now_ms())
    .bind(id)
    .bind(album_id)
    .bind(form.version)
    .execute(&mut *tx)
    .await?;
    if saved.rows_affected() != 1 {
        let filter = "t.id = $1 AND t.album_id = $2";
        return Err(versions::refusal(&state.db, "album_photos", "updated_by", filter, &[id, album_id], "Foto").await?);
    }
    let summary = format!("Foto di album {title}, Desa {}", village.name);
    let subject = format!("gallery_photo:{id}");
    audit::record(&mut tx, admin.id, AuditAction::PhotoSaved, &subject, &summary, village.code.as_str()).await?;
    tx.commit().await?;
    Ok(Json(one(&state.db, village.id, album_id, id).await?))
}

/// Removes a photo from its album.
#[utoipa::path(delete, path = "/api/v1/admin/villages/{id}/albums/{album_id}/photos/{photo_id}", tag = "admin",
    params(("id" = i64, Path, description = "The village's id"), ("album_id" = i64, Path, description = "The album"),
        ("photo_id" = i64, Path, description = "The photo")),
    responses((status = 204, description = "Removed"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn remove(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path((_village, album_id, id)): Path<(i64, i64, i64)>,
) -> AppResult<StatusCode> {
    one(&state.db, village.id, album_id, id).await?;
    let (title, _) = album(&state.db, village.id, album_id).await?;
    let mut tx = state.db.begin_write().await?;
    sqlx::query("DELETE FROM album_photos WHERE id = $1 AND album_id = $2")
        .bind(id)
        .bind(album_id)
        .execute(&mut *tx)
        .await?;
    let summary = format!("Foto dari album {title}, Desa {}", village.name);
    let subject = format!("gallery_photo:{id}");
    audit::record(&mut tx, admin.id, AuditAction::PhotoRemoved, &subject, &summary, village.code.as_str()).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
