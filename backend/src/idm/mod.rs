//! A village's development status by year (Indeks Desa Membangun): kept by its admins, the latest
//! year also stored on the village for lists and filters, the history shown as a chart on its page.

mod queries;

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::api::{self, Endpoint};
use shared::{AuditAction, Form, Idm, IdmStatus, idm::IdmEntry};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    admin::{audit, profile::VillageAdminOrDistrict},
    error::{AppError, AppResult},
    extract::ApiJson,
    state::AppState,
    villages::queries as villages,
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(save, remove))
}

/// Copies the latest year onto the village (or clears it when no year is left).
async fn refresh_latest(conn: &mut sqlx::AnyConnection, village: i64) -> sqlx::Result<()> {
    let latest = queries::latest(&mut *conn, village).await?;
    let status = latest.map(|(_, score)| IdmStatus::from_score(score));
    queries::set_latest(conn, village, latest, status).await
}

/// The IDM history of the village with this id, oldest first.
async fn history_of(state: &AppState, village_id: i64) -> sqlx::Result<Vec<Idm>> {
    queries::history(&state.db, &villages::slug_of(&state.db, village_id).await?).await
}

/// The village's IDM by year, oldest first.
#[utoipa::path(get, path = api::idm::Records::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = Vec<Idm>), (status = 403, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<Vec<Idm>>> {
    Ok(Json(history_of(&state, guard.village.id).await?))
}

/// Sets the score of a year (adding the year or correcting it).
#[utoipa::path(put, path = api::idm::Save::PATH, tag = "admin", request_body = IdmEntry,
    params(("id" = i64, Path, description = "The village's id"), ("year" = i32, Path, description = "The year")),
    responses((status = 200, body = Vec<Idm>), (status = 403, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn save(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path(ids): Path<(i64, i32)>,
    ApiJson(entry): ApiJson<IdmEntry>,
) -> AppResult<Json<Vec<Idm>>> {
    let year = ids.1;
    let entry = entry.parse_in(&year)?;
    let mut tx = state.db.begin_write().await?;
    queries::set_year(&mut tx, village.id, year, entry.score).await?;
    refresh_latest(&mut tx, village.id).await?;
    let summary = format!("IDM {year} Desa {}: {:.4}", village.name, entry.score);
    audit::record(
        &mut tx,
        admin.id,
        AuditAction::IdmSaved,
        &format!("village:{}", village.id),
        &summary,
        village.code.as_str(),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(history_of(&state, village.id).await?))
}

/// Removes a year from the history.
#[utoipa::path(delete, path = api::idm::Remove::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id"), ("year" = i32, Path, description = "The year")),
    responses((status = 204, description = "Removed"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn remove(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path(ids): Path<(i64, i32)>,
) -> AppResult<StatusCode> {
    let mut tx = state.db.begin_write().await?;
    if !queries::delete_year(&mut tx, village.id, ids.1).await? {
        return Err(AppError::NotFound(format!("Tidak ada skor IDM tahun {} untuk desa ini.", ids.1)));
    }
    refresh_latest(&mut tx, village.id).await?;
    let summary = format!("IDM {} Desa {}", ids.1, village.name);
    audit::record(
        &mut tx,
        admin.id,
        AuditAction::IdmRemoved,
        &format!("village:{}", village.id),
        &summary,
        village.code.as_str(),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
