//! Writing, publishing, archiving and removing a village's news, by the village's admins.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::api::{self, Endpoint};
use shared::{AuditAction, NewsForm, NewsRecord, NewsStatus, Valid};
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

/// When the item is dated: as the admin set it, else now once it leaves the drafts.
fn published_at(form: &NewsForm, now: i64) -> Option<i64> {
    match form.status {
        NewsStatus::Draft => form.published_at,
        NewsStatus::Published | NewsStatus::Archived => Some(form.published_at.unwrap_or(now)),
    }
}

/// An item of the village, as its admins edit it; 404 when there is none.
async fn item(db: &Db, village_id: i64, id: i64) -> AppResult<NewsRecord> {
    let record = queries::records(db, village_id, Some(id)).await?.pop();
    record.ok_or_else(|| AppError::not_found("Berita ini", Within::Village))
}

/// The audit log's summary of a saved item.
fn saved_summary(form: &NewsForm, village: &VillageRow) -> String {
    format!("{} ({}), Desa {}", form.title.trim(), form.status.label(), village.name)
}

/// A news item of the village, being saved over the version it was loaded at.
struct NewsItem<'a> {
    village: &'a VillageRow,
    id: i64,
}

impl VersionedRecord for NewsItem<'_> {
    type Form = NewsForm;
    type Record = NewsRecord;
    /// The item as it stands.
    type Checked = NewsRecord;
    const NOUN: &'static str = "Berita";
    const TABLE: &'static str = "news";
    const PHOTO_FIELD: &'static str = "cover_id";
    const SAVED: AuditAction = AuditAction::NewsSaved;

    fn village(&self) -> &VillageRow {
        self.village
    }

    fn keys(&self) -> Vec<i64> {
        vec![self.id, self.village.id]
    }

    async fn check(&self, db: &Db, _form: &Valid<NewsForm>) -> AppResult<NewsRecord> {
        item(db, self.village.id, self.id).await
    }

    fn photos(form: &Valid<NewsForm>) -> Vec<i64> {
        form.cover_id.into_iter().collect()
    }

    fn kept_photos(current: &NewsRecord) -> Vec<i64> {
        current.form.cover_id.into_iter().collect()
    }

    async fn update(
        &self,
        conn: &mut AnyConnection,
        form: &Valid<NewsForm>,
        _: &NewsRecord,
        stamp: Stamp,
    ) -> AppResult<bool> {
        Ok(queries::update(conn, self.village.id, self.id, form, published_at(form, stamp.now), stamp.by, stamp.now)
            .await?)
    }

    fn subject(&self) -> String {
        format!("news:{}", self.id)
    }

    fn summary(&self, form: &Valid<NewsForm>, _: &NewsRecord) -> String {
        saved_summary(form, self.village)
    }

    async fn reload(&self, db: &Db) -> AppResult<NewsRecord> {
        item(db, self.village.id, self.id).await
    }
}

impl RemovableRecord for NewsItem<'_> {
    const REMOVED: AuditAction = AuditAction::NewsRemoved;

    async fn delete(&self, conn: &mut AnyConnection) -> AppResult<()> {
        Ok(queries::delete(conn, self.village.id, self.id).await?)
    }

    async fn removed_summary(&self, _db: &Db, record: &NewsRecord) -> AppResult<String> {
        Ok(format!("{}, Desa {}", record.form.title, self.village.name))
    }
}

/// Every item of the village, drafts included, newest first.
#[utoipa::path(get, path = api::news::Records::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = Vec<NewsRecord>), (status = 403, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<Vec<NewsRecord>>> {
    Ok(Json(queries::records(&state.db, guard.village.id, None).await?))
}

/// Writes a news item (a draft, or published at once); its address comes from the title and stays.
#[utoipa::path(post, path = api::news::Add::PATH, tag = "admin", request_body = NewsForm,
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 201, body = NewsRecord), (status = 403, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    ValidJson(form): ValidJson<NewsForm>,
) -> AppResult<(StatusCode, Json<NewsRecord>)> {
    let cover: Vec<i64> = form.cover_id.into_iter().collect();
    attached::check_usable(&state.db, "cover_id", &cover, admin.id, &[]).await?;
    let now = now_ms();
    let mut tx = state.db.begin_write().await?;
    let new = queries::NewNews {
        village_id: village.id,
        title: form.title.trim(),
        kind: form.kind,
        summary: form.summary.trim(),
        body_md: &form.body_md,
        cover_id: form.cover_id,
        status: form.status,
        published_at: published_at(&form, now),
        by: Some(admin.id),
    };
    let (id, _) = queries::create(&mut tx, &new, now).await?;
    let summary = saved_summary(&form, &village);
    audit::record(&mut tx, admin.id, AuditAction::NewsSaved, &format!("news:{id}"), &summary, village.code.as_str())
        .await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(item(&state.db, village.id, id).await?)))
}

/// Changes, publishes or archives an item; 409 when someone saved it since `version` was loaded.
#[utoipa::path(put, path = api::news::Update::PATH, tag = "admin", request_body = NewsForm,
    params(("id" = i64, Path, description = "The village's id"), ("news_id" = i64, Path, description = "The item")),
    responses((status = 200, body = NewsRecord), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn update(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
    ValidJson(form): ValidJson<NewsForm>,
) -> AppResult<Json<NewsRecord>> {
    Ok(Json(versions::save(&state.db, &admin, &NewsItem { village: &village, id }, &form).await?))
}

/// Removes an item for good (archiving keeps it).
#[utoipa::path(delete, path = api::news::Remove::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id"), ("news_id" = i64, Path, description = "The item")),
    responses((status = 204, description = "Removed"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn remove(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    versions::remove(&state.db, &admin, &NewsItem { village: &village, id }).await?;
    Ok(StatusCode::NO_CONTENT)
}
