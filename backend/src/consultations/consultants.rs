//! Consultants as district admins manage them (`/api/v1/admin/consultants`): those answering within the
//! admin's regions, granting an existing account a region within the admin's own and an office, revoking.
//! Each change goes to the audit log in the same transaction.

use axum::{
    Json,
    extract::{FromRequestParts, State},
    http::{StatusCode, request::Parts},
};
use shared::{
    AuditAction, Office, Phone, RegionCode, RegionRef,
    consultation::{ConsultantView, NewConsultant, consultant_region},
};
use sqlx::{Row, any::AnyRow};

use super::queries::code_of;
use crate::{
    accounts::queries::{self as users, user_ref},
    admin::audit,
    auth::{CurrentUser, DistrictAdmin, guards::path_id},
    db::now_ms,
    error::{AppError, AppResult},
    extract::ApiJson,
    notifications::{Note, notify},
    regions::queries as regions,
    state::AppState,
};

const VIEW: &str = "SELECT k.id AS consultant_id, k.region_code, k.office, k.created_at AS granted_at, \
        r.name AS region_name, u.id, u.name, u.phone, b.name AS granted_by_name \
     FROM consultants k JOIN users u ON u.id = k.user_id JOIN regions r ON r.code = k.region_code \
     LEFT JOIN users b ON b.id = k.granted_by";

fn view(row: &AnyRow) -> AppResult<ConsultantView> {
    Ok(ConsultantView {
        id: row.try_get("consultant_id")?,
        user: user_ref(row)?,
        region: RegionRef { code: row.try_get("region_code")?, name: row.try_get("region_name")? },
        office: code_of(row, "office", Office::from_code)?,
        granted_by: row.try_get("granted_by_name")?,
        granted_at: row.try_get("granted_at")?,
    })
}

/// The consultants answering within the admin's regions.
#[utoipa::path(get, path = "/api/v1/admin/consultants", tag = "consultations",
    responses((status = 200, body = Vec<ConsultantView>), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem)))]
pub async fn list(
    State(state): State<AppState>,
    DistrictAdmin(admin): DistrictAdmin,
) -> AppResult<Json<Vec<ConsultantView>>> {
    let sql =
        format!("{VIEW} WHERE {} ORDER BY k.region_code, u.name, k.office", admin.district_condition("k.region_code"));
    let rows = sqlx::query(&sql).persistent(false).fetch_all(&state.db.pool).await?;
    Ok(Json(rows.iter().map(view).collect::<AppResult<Vec<_>>>()?))
}

/// Makes an existing account (by WhatsApp number) a consultant of an office for a region within the
/// admin's own: they then see and answer that region's consultations, and nothing else of the admin area.
#[utoipa::path(post, path = "/api/v1/admin/consultants", tag = "consultations", request_body = NewConsultant,
    responses((status = 201, body = ConsultantView), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn grant(
    State(state): State<AppState>,
    DistrictAdmin(admin): DistrictAdmin,
    ApiJson(form): ApiJson<NewConsultant>,
) -> AppResult<(StatusCode, Json<ConsultantView>)> {
    AppError::check(form.validate())?;
    let region = consultant_region(&form.region).map_err(|m| AppError::field("region", m))?;
    if !admin.covers_region(&region) {
        return Err(AppError::Forbidden(format!("Wilayah {region} berada di luar wilayah Anda.")));
    }
    let phone = Phone::parse(&form.phone).map_err(|e| AppError::field("phone", e.to_string()))?;
    let mut tx = state.db.begin_write().await?;
    let region_name = regions::name_of(&mut *tx, &region)
        .await?
        .ok_or_else(|| AppError::field("region", "Kode wilayah ini tidak ada di tabel wilayah Kemendagri."))?;
    let user = users::by_phone(&mut *tx, &phone).await?.ok_or_else(|| {
        AppError::field("phone", "Belum ada akun dengan nomor ini. Minta petugasnya mendaftar di Lapak Desa dulu.")
    })?;
    let taken: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM consultants WHERE user_id = $1 AND region_code = $2 AND office = $3")
            .bind(user.id)
            .bind(region.as_str())
            .bind(form.office.code())
            .fetch_one(&mut *tx)
            .await?;
    if taken > 0 {
        return Err(AppError::Conflict(format!(
            "{} sudah menjadi konsultan {} untuk {region_name}.",
            user.name,
            form.office.label()
        )));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO consultants (user_id, region_code, office, granted_by, created_at) VALUES ($1, $2, $3, $4, $5) \
         RETURNING id",
    )
    .bind(user.id)
    .bind(region.as_str())
    .bind(form.office.code())
    .bind(admin.id)
    .bind(now_ms())
    .fetch_one(&mut *tx)
    .await?;
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
    let row = sqlx::query(&format!("{VIEW} WHERE k.id = $1")).bind(id).fetch_one(&mut *tx).await?;
    let granted = view(&row)?;
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
        let row = sqlx::query(&format!("{VIEW} WHERE k.id = $1"))
            .bind(id)
            .fetch_optional(&state.db.pool)
            .await?
            .ok_or_else(|| AppError::NotFound("Konsultan tidak ditemukan.".into()))?;
        let consultant = view(&row)?;
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
#[utoipa::path(delete, path = "/api/v1/admin/consultants/{id}", tag = "consultations",
    params(("id" = i64, Path, description = "The consultant role's id")),
    responses((status = 204, description = "Revoked"), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem)))]
pub async fn revoke(State(state): State<AppState>, guard: DistrictAdminOfConsultant) -> AppResult<StatusCode> {
    let mut tx = state.db.begin_write().await?;
    sqlx::query("DELETE FROM consultants WHERE id = $1").bind(guard.id).execute(&mut *tx).await?;
    let subject = format!("consultant:{}", guard.id);
    let (actor, region) = (guard.admin.id, guard.region.as_str());
    audit::record(&mut tx, actor, AuditAction::ConsultantRevoked, &subject, &guard.summary, region).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
