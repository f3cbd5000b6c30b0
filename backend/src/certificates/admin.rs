//! The village's admins (and its district admins) read the certificates of its products, waiting ones
//! first, and verify one against its document or refuse it with a reason the seller reads; both go to
//! the audit log, in the same write as the decision.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::api::{self, Endpoint};
use shared::certificate::{Certificate, CertificateStatus};
use shared::{AuditAction, product::Moderation};

use super::queries;
use crate::{
    admin::{audit, profile::VillageAdminOrDistrict},
    db::now_ms,
    error::{AppError, AppResult, Within},
    extract::ValidJson,
    state::AppState,
};

/// The certificates of the village's products, waiting ones first.
#[utoipa::path(get, path = api::certificates::VillageCertificates::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = Vec<Certificate>), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<Vec<Certificate>>> {
    Ok(Json(queries::of_village(&state.db, guard.village.id).await?))
}

/// Verifies a certificate: shoppers see it until it expires.
#[utoipa::path(post, path = api::certificates::Verify::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id"), ("certificate_id" = i64, Path, description = "The certificate")),
    responses((status = 204, description = "Verified"), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem)))]
pub async fn verify(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    decide(&state, &guard, id, None).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Refuses a certificate with a reason the seller reads.
#[utoipa::path(post, path = api::certificates::Refuse::PATH, tag = "admin", request_body = Moderation,
    params(("id" = i64, Path, description = "The village's id"), ("certificate_id" = i64, Path, description = "The certificate")),
    responses((status = 204, description = "Refused"), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn refuse(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
    ValidJson(form): ValidJson<Moderation>,
) -> AppResult<StatusCode> {
    decide(&state, &guard, id, Some(form.reason.trim())).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Verifies (`reason` none) or refuses the village's certificate `id`, with its audit row, in one write.
async fn decide(state: &AppState, guard: &VillageAdminOrDistrict, id: i64, reason: Option<&str>) -> AppResult<()> {
    let mut tx = state.db.begin_write().await?;
    let name = queries::in_village(&mut tx, id, guard.village.id)
        .await?
        .ok_or_else(|| AppError::not_found("Sertifikat ini", Within::Village))?;
    let (status, action) = match reason {
        None => (CertificateStatus::Verified, AuditAction::CertificateVerified),
        Some(_) => (CertificateStatus::Refused, AuditAction::CertificateRefused),
    };
    queries::decide(&mut tx, id, status, reason, guard.admin.id, now_ms()).await?;
    let summary = match reason {
        Some(r) => format!("{name}, Desa {}: {r}", guard.village.name),
        None => format!("{name}, Desa {}", guard.village.name),
    };
    let subject = format!("certificate:{id}");
    audit::record(&mut tx, guard.admin.id, action, &subject, &summary, guard.village.code.as_str()).await?;
    tx.commit().await?;
    Ok(())
}
