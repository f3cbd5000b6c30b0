//! Adding photos to an album, changing their captions and order, removing them.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::api::{self, Endpoint};
use shared::{AuditAction, GalleryPhoto, PhotoForm, Valid, gallery::ALBUM_MAX_PHOTOS};
use sqlx::AnyConnection;

use super::queries;
use crate::{
    admin::{
        audit,
        profile::VillageAdminOrDistrict,
        versions::{self, RemovableRecord, Stamp, VersionedRecord},
        villages::VillageRow,
    },
    db::{Db, now_ms},
    error::{AppError, AppResult, Within},
    extract::ValidJson,
    images::attached,
    state::AppState,
};

/// A photo of an album of this village.
async fn one(db: &Db, village_id: i64, album_id: i64, id: i64) -> AppResult<GalleryPhoto> {
    let photo = queries::photo(db, village_id, album_id, id).await?;
    photo.ok_or_else(|| AppError::not_found("Foto ini", Within::Album))
}

/// The album's title and photo count, when it is this village's.
async fn album(db: &Db, village_id: i64, album_id: i64) -> AppResult<(String, i64)> {
    let album = queries::album(db, village_id, album_id).await?;
    album.ok_or_else(|| AppError::not_found("Album ini", Within::Village))
}

/// A photo of an album of the village, being saved over the version it was loaded at.
struct PhotoOf<'a> {
    village: &'a VillageRow,
    album_id: i64,
    id: i64,
}

impl VersionedRecord for PhotoOf<'_> {
    type Form = PhotoForm;
    type Record = GalleryPhoto;
    /// The album's title.
    type Checked = String;
    const NOUN: &'static str = "Foto";
    const TABLE: &'static str = "album_photos";
    const FILTER: &'static str = "t.id = $1 AND t.album_id = $2";
    const SAVED: AuditAction = AuditAction::PhotoSaved;

    fn village(&self) -> &VillageRow {
        self.village
    }

    fn keys(&self) -> Vec<i64> {
        vec![self.id, self.album_id]
    }

    async fn check(&self, db: &Db, _form: &Valid<PhotoForm>) -> AppResult<String> {
        Ok(album(db, self.village.id, self.album_id).await?.0)
    }

    async fn update(
        &self,
        conn: &mut AnyConnection,
        form: &Valid<PhotoForm>,
        _: &String,
        stamp: Stamp,
    ) -> AppResult<bool> {
        Ok(queries::update_photo(conn, self.album_id, self.id, form, stamp.by, stamp.now).await?)
    }

    fn subject(&self) -> String {
        format!("gallery_photo:{}", self.id)
    }

    fn summary(&self, _form: &Valid<PhotoForm>, title: &String) -> String {
        format!("Foto di album {title}, Desa {}", self.village.name)
    }

    async fn reload(&self, db: &Db) -> AppResult<GalleryPhoto> {
        one(db, self.village.id, self.album_id, self.id).await
    }
}

impl RemovableRecord for PhotoOf<'_> {
    const REMOVED: AuditAction = AuditAction::PhotoRemoved;

    async fn delete(&self, conn: &mut AnyConnection) -> AppResult<()> {
        Ok(queries::delete_photo(conn, self.album_id, self.id).await?)
    }

    /// Names the album (404 when it is gone).
    async fn removed_summary(&self, db: &Db, _: &GalleryPhoto) -> AppResult<String> {
        let (title, _) = album(db, self.village.id, self.album_id).await?;
        Ok(format!("Foto dari album {title}, Desa {}", self.village.name))
    }
}

/// Adds an uploaded picture to an album, with its caption.
#[utoipa::path(post, path = api::gallery::AddPhoto::PATH, tag = "admin",
    request_body = PhotoForm,
    params(("id" = i64, Path, description = "The village's id"), ("album_id" = i64, Path, description = "The album")),
    responses((status = 201, body = GalleryPhoto), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn add(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path((_village, album_id)): Path<(i64, i64)>,
    ValidJson(form): ValidJson<PhotoForm>,
) -> AppResult<(StatusCode, Json<GalleryPhoto>)> {
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
    let id = queries::add_photo(&mut tx, album_id, image, &form, admin.id, now).await?;
    let summary = format!("Foto di album {title}, Desa {}", village.name);
    let subject = format!("gallery_photo:{id}");
    audit::record(&mut tx, admin.id, AuditAction::PhotoSaved, &subject, &summary, village.code.as_str()).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(one(&state.db, village.id, album_id, id).await?)))
}

/// Changes a photo's caption and place; 409 when someone saved it since `version` was loaded.
#[utoipa::path(put, path = api::gallery::UpdatePhoto::PATH, tag = "admin",
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
    ValidJson(form): ValidJson<PhotoForm>,
) -> AppResult<Json<GalleryPhoto>> {
    Ok(Json(versions::save(&state.db, &admin, &PhotoOf { village: &village, album_id, id }, &form).await?))
}

/// Removes a photo from its album.
#[utoipa::path(delete, path = api::gallery::RemovePhoto::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id"), ("album_id" = i64, Path, description = "The album"),
        ("photo_id" = i64, Path, description = "The photo")),
    responses((status = 204, description = "Removed"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn remove(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path((_village, album_id, id)): Path<(i64, i64, i64)>,
) -> AppResult<StatusCode> {
    versions::remove(&state.db, &admin, &PhotoOf { village: &village, album_id, id }).await?;
    Ok(StatusCode::NO_CONTENT)
}
