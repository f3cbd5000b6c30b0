//! Consultants as district admins manage them (`/api/v1/admin/consultants`): those answering within the
//! admin's regions, granting an existing account a region within the admin's own and an office, revoking.
//! Each change goes to the audit log in the same transaction.

use axum::{
    Json,
    extract::{FromRequestParts, State},
    http::{StatusCode, request::Parts},
};
use shared::api::{self, Endpoint};
use shared::{
    AuditAction, RegionCode,
    consultation::{ConsultantParsed, ConsultantView, NewConsultant},
};

use super::queries::consultants;
use crate::{
    accounts::queries as users,
    admin::audit,
    auth::{CurrentUser, DistrictAdmin, guards::path_id},
    db::now_ms,
    error::{AppError, AppResult},
    extract::ValidJson,
    notifications::{Note, notify},
    regions::queries as regions,
    state::AppState,
};

/// The consultants answering within the admin's regions.
#[utoipa::path(get, path = api::consultations::Consultants::PATH, tag = "consultations",
    responses((status = 200, body = Vec<ConsultantView>), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem)))]
pub async fn list(
    State(state): State<AppState>,
    DistrictAdmin(admin): DistrictAdmin,
) -> AppResult<Json<Vec<ConsultantView>>> {
    Ok(Json(consultants::within(&state.db, &admin.district_condition("k.region_code")).await?))
}

/// Makes an existing account (by WhatsApp number) a consultant of an office for a region within the
/// admin's own: they then see and answer that region's consultations, and nothing else of the admin area.
#[utoipa::path(post, path = api::consultations::AddConsultant::PATH, tag = "consultations", request_body = NewConsultant,
    responses((status = 201, body = ConsultantView), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn grant(
    State(state): State<AppState>,
    DistrictAdmin(admin): DistrictAdmin,
    ValidJson(form): ValidJson<NewConsultant>,
) -> AppResult<(StatusCode, Json<ConsultantView>)> {
    let ConsultantParsed { phone, region } = form.parsed();
    if !admin.covers_region(region) {
        return Err(AppError::Forbidden(format!("Wilayah {region} berada di luar wilayah Anda.")));
    }
    let mut tx = state.db.begin_write().await?;
    let region_name = regions::name_of(&mut *tx, region)
        .await?
        .ok_or_else(|| AppError::field("region", "Kode wilayah ini tidak ada di tabel wilayah Kemendagri."))?;
    let user = users::by_phone(&mut *tx, phone).await?.ok_or_else(|| {
        AppError::field("phone", "Belum ada akun dengan nomor ini. Minta petugasnya mendaftar di Lapak Desa dulu.")
    })?;
    if consultants::holds(&mut tx, user.id, region, form.office).await? {
        return Err(AppError::Conflict(format!(
            "{} sudah menjadi konsultan {} untuk {region_name}.",
            user.name,
            form.office.label()
        )));
    }
    let id = consultants::grant(&mut tx, user.id, region, form.office, admin.id, now_ms()).await?;
    let summary = format!(
        "{} ({}) menjadi konsultan {} untuk {region_name} ({region})",
        user.name,
        user.phone.display(),
        form.office.label()
    );
    let subject = format!("user:{}", user.id);
    audit::record(&mut tx, admin.id, AuditAction::ConsultantGranted, &subject, &summary, region.as_str()).await?;
    let note = Note {
        user_id: user.id,
        title: format!("Anda kini konsultan {} untuk {region_name}", form.office.label()),
        body: "Konsultasi dari desa-desa di wilayah ini menunggu jawaban Anda di antrian konsultasi.".into(),
        link: "/konsultasi/antrian".into(),
        whatsapp_link: None,
    };
    notify(&mut tx, &note).await?;
    let granted =
        consultants::one(&mut *tx, id).await?.ok_or_else(|| anyhow::anyhow!("consultant {id} missing once granted"))?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(granted)))
}

/// A district admin whose region contains the region the consultant in the path (`{id}`) answers for.
pub struct DistrictAdminOfConsultant {
    admin: CurrentUser,
    id: i64,
    region: RegionCode,
    summary: String,
}

impl FromRequestParts<AppState> for DistrictAdminOfConsultant {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let DistrictAdmin(admin) = DistrictAdmin::from_request_parts(parts, state).await?;
        let id = path_id(parts, state, "id", "Konsultan").await?;
        let consultant = consultants::one(&state.db.pool, id)
            .await?
            .ok_or_else(|| AppError::NotFound("Konsultan tidak ditemukan.".into()))?;
        let region = RegionCode::parse(&consultant.region.code).map_err(|e| anyhow::anyhow!("consultant {id}: {e}"))?;
        if !admin.covers_region(&region) {
            return Err(AppError::Forbidden("Konsultan ini berada di luar wilayah Anda.".into()));
        }
        let summary = format!(
            "{}: konsultan {} untuk {}",
            consultant.user.name,
            consultant.office.label(),
            consultant.region.name
        );
        Ok(DistrictAdminOfConsultant { admin, id, region, summary })
    }
}

/// Revokes a consultant role; what they already wrote stays in the threads.
#[utoipa::path(delete, path = api::consultations::RemoveConsultant::PATH, tag = "consultations",
    params(("id" = i64, Path, description = "The consultant role's id")),
    responses((status = 204, description = "Revoked"), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem)))]
pub async fn revoke(State(state): State<AppState>, guard: DistrictAdminOfConsultant) -> AppResult<StatusCode> {
    let mut tx = state.db.begin_write().await?;
    consultants::revoke(&mut tx, guard.id).await?;
    let subject = format!("consultant:{}", guard.id);
    let (actor, region) = (guard.admin.id, guard.region.as_str());
    audit::record(&mut tx, actor, AuditAction::ConsultantRevoked, &subject, &guard.summary, region).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
