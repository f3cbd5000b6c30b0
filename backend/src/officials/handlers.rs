//! Adding, changing and removing a village's officials, by the village's admins.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::api::{self, Endpoint};
use shared::{AuditAction, Form, Official, OfficialForm, Valid};
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
    extract::{ApiJson, ValidJson},
    images::attached,
    state::AppState,
    villages::queries as villages,
};

/// An official of the village; 404 when there is none.
async fn official(db: &Db, village_id: i64, id: i64) -> AppResult<Official> {
    let official = queries::one(db, village_id, id).await?;
    official.ok_or_else(|| AppError::not_found("Perangkat desa ini", Within::Village))
}

/// The audit log's summary of a saved official.
fn saved_summary(form: &OfficialForm, village: &VillageRow) -> String {
    format!("{} ({}), Desa {}", form.name.trim(), form.position.trim(), village.name)
}

/// An official of the village, being saved over the version it was loaded at.
struct OfficialOf<'a> {
    village: &'a VillageRow,
    id: i64,
    /// The photo the official has, which a save may keep.
    photo: Option<i64>,
}

impl VersionedRecord for OfficialOf<'_> {
    type Form = OfficialForm;
    type Record = Official;
    /// The photo the official has.
    type Checked = Option<i64>;
    const NOUN: &'static str = "Data perangkat desa";
    const TABLE: &'static str = "officials";
    const PHOTO_FIELD: &'static str = "photo_id";
    const SAVED: AuditAction = AuditAction::OfficialSaved;

    fn village(&self) -> &VillageRow {
        self.village
    }

    fn keys(&self) -> Vec<i64> {
        vec![self.id, self.village.id]
    }

    async fn check(&self, _db: &Db, _form: &Valid<OfficialForm>) -> AppResult<Option<i64>> {
        Ok(self.photo)
    }

    fn photos(form: &Valid<OfficialForm>) -> Vec<i64> {
        form.photo_id.into_iter().collect()
    }

    fn kept_photos(photo: &Option<i64>) -> Vec<i64> {
        photo.iter().copied().collect()
    }

    async fn update(
        &self,
        conn: &mut AnyConnection,
        form: &Valid<OfficialForm>,
        _: &Option<i64>,
        stamp: Stamp,
    ) -> AppResult<bool> {
        Ok(queries::update(conn, self.village.id, self.id, form, stamp.by, stamp.now).await?)
    }

    fn subject(&self) -> String {
        format!("official:{}", self.id)
    }

    fn summary(&self, form: &Valid<OfficialForm>, _: &Option<i64>) -> String {
        saved_summary(form, self.village)
    }

    async fn reload(&self, db: &Db) -> AppResult<Official> {
        official(db, self.village.id, self.id).await
    }
}

impl RemovableRecord for OfficialOf<'_> {
    const REMOVED: AuditAction = AuditAction::OfficialRemoved;

    async fn delete(&self, conn: &mut AnyConnection) -> AppResult<()> {
        Ok(queries::delete(conn, self.village.id, self.id).await?)
    }

    async fn removed_summary(&self, _db: &Db, official: &Official) -> AppResult<String> {
        Ok(format!("{} ({}), Desa {}", official.name, official.position, self.village.name))
    }
}

/// The village's officials, in their order.
#[utoipa::path(get, path = api::officials::Officials::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = Vec<Official>), (status = 403, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<Vec<Official>>> {
    let slug = villages::slug_of(&state.db, guard.village.id).await?;
    Ok(Json(queries::of_village(&state.db, &slug).await?))
}

/// Adds an official.
#[utoipa::path(post, path = api::officials::AddOfficial::PATH, tag = "admin", request_body = OfficialForm,
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 201, body = Official), (status = 403, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    ValidJson(form): ValidJson<OfficialForm>,
) -> AppResult<(StatusCode, Json<Official>)> {
    attached::check_usable(&state.db, "photo_id", &OfficialOf::photos(&form), admin.id, &[]).await?;
    let now = now_ms();
    let mut tx = state.db.begin_write().await?;
    let id = queries::create(&mut tx, village.id, &form, admin.id, now).await?;
    let summary = saved_summary(&form, &village);
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
    Ok((StatusCode::CREATED, Json(official(&state.db, village.id, id).await?)))
}

/// Changes an official of this village.
#[utoipa::path(put, path = api::officials::UpdateOfficial::PATH, tag = "admin",
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
    // Found first: an official that is gone is 404 whatever the form says.
    let photo = official(&state.db, village.id, ids.1).await?.photo.map(|p| p.id);
    let form = form.parse()?;
    let official = OfficialOf { village: &village, id: ids.1, photo };
    Ok(Json(versions::save(&state.db, &admin, &official, &form).await?))
}

/// Removes an official of this village.
#[utoipa::path(delete, path = api::officials::RemoveOfficial::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id"), ("official_id" = i64, Path, description = "The official")),
    responses((status = 204, description = "Removed"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn remove(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path(ids): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    // Removing keeps no photo.
    versions::remove(&state.db, &admin, &OfficialOf { village: &village, id: ids.1, photo: None }).await?;
    Ok(StatusCode::NO_CONTENT)
}
