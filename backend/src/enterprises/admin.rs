//! Adding, changing and removing a village's enterprises, by the village's admins.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::{AuditAction, EnterpriseForm, EnterpriseRecord};

use super::{PHOTOS, queries};
use crate::{
    admin::{audit, profile::VillageAdminOrDistrict, versions},
    db::now_ms,
    error::{AppError, AppResult, Within},
    extract::ApiJson,
    images::attached,
    state::AppState,
    villages::queries as villages,
};

/// The village's enterprises as its admins edit them, by name.
#[utoipa::path(get, path = "/api/v1/admin/villages/{id}/enterprises", tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = Vec<EnterpriseRecord>), (status = 403, body = shared::Problem)))]
pub async fn list(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
) -> AppResult<Json<Vec<EnterpriseRecord>>> {
    Ok(Json(queries::records(&state.db, guard.village.id, None).await?))
}

/// Adds an enterprise; its slug comes from its name and stays when the name changes.
#[utoipa::path(post, path = "/api/v1/admin/villages/{id}/enterprises", tag = "admin", request_body = EnterpriseForm,
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 201, body = EnterpriseRecord), (status = 403, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    ApiJson(form): ApiJson<EnterpriseForm>,
) -> AppResult<(StatusCode, Json<EnterpriseRecord>)> {
    AppError::check(form.validate())?;
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
    PHOTOS.replace(&mut tx, id, &form.photo_ids).await?;
    // Its shops' products are found by its name and kind.
    crate::catalog::index::reindex_where(&mut tx, "s.enterprise_id = $1", id).await?;
    let summary = format!("{} ({}), Desa {}", form.name.trim(), form.kind.label(), village.name);
    let subject = format!("enterprise:{id}");
    audit::record(&mut tx, admin.id, AuditAction::EnterpriseSaved, &subject, &summary, village.code.as_str()).await?;
    tx.commit().await?;
    let record = queries::records(&state.db, village.id, Some(id))
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("Lembaga ini", Within::Village))?;
    Ok((StatusCode::CREATED, Json(record)))
}

/// Changes an enterprise of this village; 409 when someone saved it since `version` was loaded.
#[utoipa::path(put, path = "/api/v1/admin/villages/{id}/enterprises/{enterprise_id}", tag = "admin",
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
    ApiJson(form): ApiJson<EnterpriseForm>,
) -> AppResult<Json<EnterpriseRecord>> {
    AppError::check(form.validate())?;
    let kept = PHOTOS.ids(&state.db, id).await?;
    attached::check_usable(&state.db, "photo_ids", &form.photo_ids, admin.id, &kept).await?;
    let now = now_ms();
    let mut tx = state.db.begin_write().await?;
    if !queries::update(&mut tx, village.id, id, &form, admin.id, now).await? {
        let filter = "t.id = $1 AND t.village_id = $2";
        return Err(
            versions::refusal(&state.db, "enterprises", "updated_by", filter, &[id, village.id], "Lembaga").await?
        );
    }
    PHOTOS.replace(&mut tx, id, &form.photo_ids).await?;
    // Its shops' products are found by its name and kind.
    crate::catalog::index::reindex_where(&mut tx, "s.enterprise_id = $1", id).await?;
    let summary = format!("{} ({}), Desa {}", form.name.trim(), form.kind.label(), village.name);
    let subject = format!("enterprise:{id}");
    audit::record(&mut tx, admin.id, AuditAction::EnterpriseSaved, &subject, &summary, village.code.as_str()).await?;
    tx.commit().await?;
    Ok(Json(
        queries::records(&state.db, village.id, Some(id))
            .await?
            .pop()
            .ok_or_else(|| AppError::not_found("Lembaga ini", Within::Village))?,
    ))
}

/// Removes an enterprise of this village; its shops and the flagship product stay, without it.
#[utoipa::path(delete, path = "/api/v1/admin/villages/{id}/enterprises/{enterprise_id}", tag = "admin",
    params(("id" = i64, Path, description = "The village's id"),
        ("enterprise_id" = i64, Path, description = "The enterprise")),
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
        .ok_or_else(|| AppError::not_found("Lembaga ini", Within::Village))?;
    let mut tx = state.db.begin_write().await?;
    let products = queries::products_of(&mut tx, id).await?;
    queries::delete(&mut tx, village.id, id).await?;
    // Its shops' products are no longer found by its name.
    crate::catalog::index::reindex(&mut tx, &products).await?;
    let summary = format!("{} ({}), Desa {}", record.form.name, record.form.kind.label(), village.name);
    let subject = format!("enterprise:{id}");
    audit::record(&mut tx, admin.id, AuditAction::EnterpriseRemoved, &subject, &summary, village.code.as_str()).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
