//! Creating, renaming and removing albums of a village's gallery.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::api::{self, Endpoint};
use shared::{Album, AlbumForm, AuditAction, Valid};
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
    state::AppState,
};

/// An album of the village, with its photos; 404 when there is none.
async fn album(db: &Db, village_id: i64, id: i64) -> AppResult<Album> {
    let album = queries::albums(db, village_id, Some(id)).await?.pop();
    album.ok_or_else(|| AppError::not_found("Album ini", Within::Village))
}

/// An album of the village, being saved over the version it was loaded at.
struct AlbumOf<'a> {
    village: &'a VillageRow,
    id: i64,
}

impl VersionedRecord for AlbumOf<'_> {
    type Form = AlbumForm;
    type Record = Album;
    type Checked = ();
    const NOUN: &'static str = "Album";
    const TABLE: &'static str = "albums";
    const SAVED: AuditAction = AuditAction::AlbumSaved;

    fn village(&self) -> &VillageRow {
        self.village
    }

    fn keys(&self) -> Vec<i64> {
        vec![self.id, self.village.id]
    }

    async fn check(&self, _db: &Db, _form: &Valid<AlbumForm>) -> AppResult<()> {
        Ok(())
    }

    async fn update(&self, conn: &mut AnyConnection, form: &Valid<AlbumForm>, _: &(), stamp: Stamp) -> AppResult<bool> {
        Ok(queries::update_album(conn, self.village.id, self.id, form, stamp.by, stamp.now).await?)
    }

    fn subject(&self) -> String {
        format!("album:{}", self.id)
    }

    fn summary(&self, form: &Valid<AlbumForm>, _: &()) -> String {
        format!("Album {}, Desa {}", form.title.trim(), self.village.name)
    }

    async fn reload(&self, db: &Db) -> AppResult<Album> {
        album(db, self.village.id, self.id).await
    }
}

impl RemovableRecord for AlbumOf<'_> {
    const REMOVED: AuditAction = AuditAction::AlbumRemoved;

    async fn delete(&self, conn: &mut AnyConnection) -> AppResult<()> {
        Ok(queries::delete_album(conn, self.village.id, self.id).await?)
    }

    async fn removed_summary(&self, _db: &Db, album: &Album) -> AppResult<String> {
        Ok(format!("Album {} ({} foto), Desa {}", album.title, album.photos.len(), self.village.name))
    }
}

/// The village's albums with their photos, in order.
#[utoipa::path(get, path = api::gallery::Albums::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = Vec<Album>), (status = 403, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<Vec<Album>>> {
    Ok(Json(queries::albums(&state.db, guard.village.id, None).await?))
}

/// Creates an album.
#[utoipa::path(post, path = api::gallery::AddAlbum::PATH, tag = "admin", request_body = AlbumForm,
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 201, body = Album), (status = 403, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    ValidJson(form): ValidJson<AlbumForm>,
) -> AppResult<(StatusCode, Json<Album>)> {
    let mut tx = state.db.begin_write().await?;
    let id = queries::create_album(&mut tx, village.id, &form, admin.id, now_ms()).await?;
    let summary = format!("Album {}, Desa {}", form.title.trim(), village.name);
    audit::record(&mut tx, admin.id, AuditAction::AlbumSaved, &format!("album:{id}"), &summary, village.code.as_str())
        .await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(album(&state.db, village.id, id).await?)))
}

/// Renames or reorders an album; 409 when someone saved it since `version` was loaded.
#[utoipa::path(put, path = api::gallery::UpdateAlbum::PATH, tag = "admin", request_body = AlbumForm,
    params(("id" = i64, Path, description = "The village's id"), ("album_id" = i64, Path, description = "The album")),
    responses((status = 200, body = Album), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn update(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
    ValidJson(form): ValidJson<AlbumForm>,
) -> AppResult<Json<Album>> {
    Ok(Json(versions::save(&state.db, &admin, &AlbumOf { village: &village, id }, &form).await?))
}

/// Removes an album and its photos.
#[utoipa::path(delete, path = api::gallery::RemoveAlbum::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id"), ("album_id" = i64, Path, description = "The album")),
    responses((status = 204, description = "Removed"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn remove(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    versions::remove(&state.db, &admin, &AlbumOf { village: &village, id }).await?;
    Ok(StatusCode::NO_CONTENT)
}
