//! A village's development status by year (Indeks Desa Membangun): kept by its admins, the latest
//! year also stored on the village for lists and filters, the history shown as a chart on its page.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::{AuditAction, Idm, IdmStatus, idm::IdmEntry};
use sqlx::Row;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    admin::{audit, profile::VillageAdminOrDistrict},
    db::Db,
    error::{AppError, AppResult},
    extract::ApiJson,
    state::AppState,
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(save, remove))
}

/// The IDM history of the village with this slug, oldest first.
pub async fn history(db: &Db, slug: &str) -> sqlx::Result<Vec<Idm>> {
    let rows = sqlx::query(
        "SELECT i.year, i.score FROM village_idm i JOIN villages v ON v.id = i.village_id WHERE v.slug = $1 ORDER BY i.year",
    )
    .bind(slug)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let (year, score): (i64, f64) = (r.try_get("year")?, r.try_get("score")?);
            Ok(Idm { status: IdmStatus::from_score(score), score, year: i32::try_from(year).unwrap_or_default() })
        })
        .collect()
}

async fn slug_of(state: &AppState, id: i64) -> sqlx::Result<String> {
    sqlx::query_scalar("SELECT slug FROM villages WHERE id = $1").bind(id).fetch_one(&state.db.pool).await
}

/// Copies the latest year onto the village (or clears it when no year is left).
async fn refresh_latest(conn: &mut sqlx::AnyConnection, village: i64) -> sqlx::Result<()> {
    let latest: Option<(i64, f64)> =
        sqlx::query_as("SELECT year, score FROM village_idm WHERE village_id = $1 ORDER BY year DESC LIMIT 1")
            .bind(village)
            .fetch_optional(&mut *conn)
            .await?;
    let status = latest.map(|(_, score)| IdmStatus::from_score(score).code());
    sqlx::query("UPDATE villages SET idm_year = $1, idm_score = $2, idm_status = $3 WHERE id = $4")
        .bind(latest.map(|l| l.0))
        .bind(latest.map(|l| l.1))
        .bind(status)
        .bind(village)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The village's IDM by year, oldest first.
#[utoipa::path(get, path = "/api/v1/admin/villages/{id}/idm", tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = Vec<Idm>), (status = 403, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<Vec<Idm>>> {
    Ok(Json(history(&state.db, &slug_of(&state, guard.village.id).await?).await?))
}

/// Sets the score of a year (adding the year or correcting it).
#[utoipa::path(put, path = "/api/v1/admin/villages/{id}/idm/{year}", tag = "admin", request_body = IdmEntry,
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
    AppError::check(shared::idm::check_entry(year, entry.score))?;
    let mut tx = state.db.begin_write().await?;
    sqlx::query(
        "INSERT INTO village_idm (village_id, year, score) VALUES ($1, $2, $3) \
         ON CONFLICT (village_id, year) DO UPDATE SET score = excluded.score",
    )
    .bind(village.id)
    .bind(i64::from(year))
    .bind(entry.score)
    .execute(&mut *tx)
    .await?;
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
    Ok(Json(history(&state.db, &slug_of(&state, village.id).await?).await?))
}

/// Removes a year from the history.
#[utoipa::path(delete, path = "/api/v1/admin/villages/{id}/idm/{year}", tag = "admin",
    params(("id" = i64, Path, description = "The village's id"), ("year" = i32, Path, description = "The year")),
    responses((status = 204, description = "Removed"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn remove(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    Path(ids): Path<(i64, i32)>,
) -> AppResult<StatusCode> {
    let mut tx = state.db.begin_write().await?;
    let gone = sqlx::query("DELETE FROM village_idm WHERE village_id = $1 AND year = $2")
        .bind(village.id)
        .bind(i64::from(ids.1))
        .execute(&mut *tx)
        .await?;
    if gone.rows_affected() == 0 {
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
