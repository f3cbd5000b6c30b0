//! Adding, changing and removing a village's enterprises, by the village's admins.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::api::{self, Endpoint};
use shared::{AuditAction, EnterpriseForm, EnterpriseRecord, Valid};
use sqlx::AnyConnection;

use super::{PHOTOS, queries};
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
    villages::queries as villages,
};

/// An enterprise of the village, as its admins edit it; 404 when there is none.
async fn record(db: &Db, village_id: i64, id: i64) -> AppResult<EnterpriseRecord> {
    let record = queries::records(db, village_id, Some(id)).await?.pop();
    record.ok_or_else(|| AppError::not_found("Lembaga ini", Within::Village))
}

/// The audit log's summary of a saved enterprise.
fn saved_summary(form: &EnterpriseForm, village: &VillageRow) -> String {
    format!("{} ({}), Desa {}", form.name.trim(), form.kind.label(), village.name)
}

/// What a save changes beyond the enterprise's row: its photos, and its shops' products, found by its
/// name and kind.
async fn save_around(conn: &mut AnyConnection, id: i64, form: &Valid<EnterpriseForm>) -> anyhow::Result<()> {
    PHOTOS.replace(&mut *conn, id, &form.photo_ids).await?;
    crate::catalog::index::reindex_where(conn, "s.enterprise_id = $1", id).await
}

/// An enterprise of the village, being saved over the version it was loaded at.
struct EnterpriseOf<'a> {
    village: &'a VillageRow,
    id: i64,
}

impl VersionedRecord for EnterpriseOf<'_> {
    type Form = EnterpriseForm;
    type Record = EnterpriseRecord;
    /// The photos it has.
    type Checked = Vec<i64>;
    const NOUN: &'static str = "Lembaga";
    const TABLE: &'static str = "enterprises";
    const SAVED: AuditAction = AuditAction::EnterpriseSaved;

    fn village(&self) -> &VillageRow {
        self.village
    }

    fn keys(&self) -> Vec<i64> {
        vec![self.id, self.village.id]
    }

    async fn check(&self, db: &Db, _form: &Valid<EnterpriseForm>) -> AppResult<Vec<i64>> {
        Ok(PHOTOS.ids(db, self.id).await?)
    }

    fn photos(form: &Valid<EnterpriseForm>) -> Vec<i64> {
        form.photo_ids.clone()
    }

    fn kept_photos(kept: &Vec<i64>) -> Vec<i64> {
        kept.clone()
    }

    async fn update(
        &self,
        conn: &mut AnyConnection,
        form: &Valid<EnterpriseForm>,
        _: &Vec<i64>,
        stamp: Stamp,
    ) -> AppResult<bool> {
        Ok(queries::update(conn, self.village.id, self.id, form, stamp.by, stamp.now).await?)
    }

    async fn after_update(&self, conn: &mut AnyConnection, form: &Valid<EnterpriseForm>) -> AppResult<()> {
        Ok(save_around(conn, self.id, form).await?)
    }

    fn subject(&self) -> String {
        format!("enterprise:{}", self.id)
    }

    fn summary(&self, form: &Valid<EnterpriseForm>, _: &Vec<i64>) -> String {
        saved_summary(form, self.village)
    }

    async fn reload(&self, db: &Db) -> AppResult<EnterpriseRecord> {
        record(db, self.village.id, self.id).await
    }
}

impl RemovableRecord for EnterpriseOf<'_> {
    const REMOVED: AuditAction = AuditAction::EnterpriseRemoved;

    /// Its shops and the flagship product stay, without it; its shops' products are no longer found by
    /// its name.
    async fn delete(&self, conn: &mut AnyConnection) -> AppResult<()> {
        let products = queries::products_of(&mut *conn, self.id).await?;
        queries::delete(&mut *conn, self.village.id, self.id).await?;
        Ok(crate::catalog::index::reindex(conn, &products).await?)
    }

    async fn removed_summary(&self, _db: &Db, record: &EnterpriseRecord) -> AppResult<String> {
        Ok(format!("{} ({}), Desa {}", record.form.name, record.form.kind.label(), self.village.name))
    }
}

/// The village's enterprises as its admins edit them, by name.
#[utoipa::path(get, path = api::enterprises::Enterprises::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = Vec<EnterpriseRecord>), (status = 403, body = shared::Problem)))]
pub async fn list(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
) -> AppResult<Json<Vec<EnterpriseRecord>>> {
    Ok(Json(queries::records(&state.db, guard.village.id, None).await?))
}

/// Adds an enterprise; its slug comes from its name and stays when the name changes.
#[utoipa::path(post, path = api::enterprises::AddEnterprise::PATH, tag = "admin", request_body = EnterpriseForm,
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 201, body = EnterpriseRecord), (status = 403, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    ValidJson(form): ValidJson<EnterpriseForm>,
) -> AppResult<(StatusCode, Json<EnterpriseRecord>)> {
    attached::check_usable(&state.db, "photo_ids", &form.photo_ids, admin.id, &[]).await?;
    let village_slug = villages::slug_of(&state.db, village.id).await?;
    let now = now_ms();
    let mut tx = state.db.begin_write().await?;
    let new = queries::NewEnterprise {
        village_id: village.id,
        village_slug: &village_slug,
        name: form.name.trim(),
        kind: form.kind,
        description: form.description.trim(),
    };
    let (id, _) = queries::create(&mut tx, &new, now).await?;
    queries::save_details(&mut tx, id, &form, admin.id, now).await?;
    save_around(&mut tx, id, &form).await?;
    let summary = saved_summary(&form, &village);
    let subject = format!("enterprise:{id}");
    audit::record(&mut tx, admin.id, AuditAction::EnterpriseSaved, &subject, &summary, village.code.as_str()).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(record(&state.db, village.id, id).await?)))
}

/// Changes an enterprise of this village; 409 when someone saved it since `version` was loaded.
#[utoipa::path(put, path = api::enterprises::UpdateEnterprise::PATH, tag = "admin",
    request_body = EnterpriseForm,
    params(("id" = i64, Path, description = "The village's id"),
        ("enterprise_id" = i64, Path, description = "The enterprise")),
    responses((status = 200, body = EnterpriseRecord), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn update(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
    ValidJson(form): ValidJson<EnterpriseForm>,
) -> AppResult<Json<EnterpriseRecord>> {
    Ok(Json(versions::save(&state.db, &admin, &EnterpriseOf { village: &village, id }, &form).await?))
}

/// Removes an enterprise of this village; its shops and the flagship product stay, without it.
#[utoipa::path(delete, path = api::enterprises::RemoveEnterprise::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id"),
        ("enterprise_id" = i64, Path, description = "The enterprise")),
    responses((status = 204, description = "Removed"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn remove(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    versions::remove(&state.db, &admin, &EnterpriseOf { village: &village, id }).await?;
    Ok(StatusCode::NO_CONTENT)
}
