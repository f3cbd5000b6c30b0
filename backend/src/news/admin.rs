//! Writing, publishing, archiving and removing a village's news, by the village's admins.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::{AuditAction, NewsForm, NewsRecord, NewsStatus};

use super::queries;
use crate::{
    admin::{audit, profile::VillageAdminOrDistrict, versions},
    db::now_ms,
    error::{AppError, AppResult, Within},
    extract::ApiJson,
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

/// Every item of the village, drafts included, newest first.
#[utoipa::path(get, path = "/api/v1/admin/villages/{id}/news", tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = Vec<NewsRecord>), (status = 403, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<Vec<NewsRecord>>> {
    Ok(Json(queries::records(&state.db, guard.village.id, None).await?))
}

/// Writes a news item (a draft, or published at once); its address comes from the title and stays.
#[utoipa::path(post, path = "/api/v1/admin/villages/{id}/news", tag = "admin", request_body = NewsForm,
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 201, body = NewsRecord), (status = 403, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    ApiJson(form): ApiJson<NewsForm>,
) -> AppResult<(StatusCode, Json<NewsRecord>)> {
    AppError::check(form.validate())?;
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
    let summary = format!("{} ({}), Desa {}", form.title.trim(), form.status.label(), village.name);
    audit::record(&mut tx, admin.id, AuditAction::NewsSaved, &format!("news:{id}"), &summary, village.code.as_str())
        .await?;
    tx.commit().await?;
    let record = queries::records(&state.db, village.id, Some(id))
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("Berita ini", Within::Village))?;
    Ok((StatusCode::CREATED, Json(record)))
}

/// Changes, publishes or archives an item; 409 when someone saved it since `version` was loaded.
#[utoipa::path(put, path = "/api/v1/admin/villages/{id}/news/{news_id}", tag = "admin", request_body = NewsForm,
    params(("id" = i64, Path, description = "The village's id"), ("news_id" = i64, Path, description = "The item")),
    responses((status = 200, body = NewsRecord), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn update(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
    ApiJson(form): ApiJson<NewsForm>,
) -> AppResult<Json<NewsRecord>> {
    AppError::check(form.validate())?;
    let current = queries::records(&state.db, village.id, Some(id))
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("Berita ini", Within::Village))?;
    let cover: Vec<i64> = form.cover_id.into_iter().collect();
    let kept: Vec<i64> = current.form.cover_id.into_iter().collect();
    attached::check_usable(&state.db, "cover_id", &cover, admin.id, &kept).await?;
    let now = now_ms();
    let mut tx = state.db.begin_write().await?;
    let dated = published_at(&form, now);
    if !queries::update(&mut tx, village.id, id, &form, dated, admin.id, now).await? {
        let filter = "t.id = $1 AND t.village_id = $2";
        return Err(versions::refusal(&state.db, "news", "updated_by", filter, &[id, village.id], "Berita").await?);
    }
    let summary = format!("{} ({}), Desa {}", form.title.trim(), form.status.label(), village.name);
    audit::record(&mut tx, admin.id, AuditAction::NewsSaved, &format!("news:{id}"), &summary, village.code.as_str())
        .await?;
    tx.commit().await?;
    Ok(Json(
        queries::records(&state.db, village.id, Some(id))
            .await?
            .pop()
            .ok_or_else(|| AppError::not_found("Berita ini", Within::Village))?,
    ))
}

/// Removes an item for good (archiving keeps it).
#[utoipa::path(delete, path = "/api/v1/admin/villages/{id}/news/{news_id}", tag = "admin",
    params(("id" = i64, Path, description = "The village's id"), ("news_id" = i64, Path, description = "The item")),
    responses((status = 204, description = "Removed"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn remove(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    let record = queries::records(&state.db, village.id, Some(id))
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("Berita ini", Within::Village))?;
    let mut tx = state.db.begin_write().await?;
    queries::delete(&mut tx, village.id, id).await?;
    let summary = format!("{}, Desa {}", record.form.title, village.name);
    audit::record(&mut tx, admin.id, AuditAction::NewsRemoved, &format!("news:{id}"), &summary, village.code.as_str())
        .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
