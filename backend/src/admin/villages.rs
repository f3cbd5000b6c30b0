//! Villages in the admin area: the ones an admin manages, creating one from the region table, and
//! the guard for acting on one village as its district admin.

use axum::{
    Json,
    extract::{FromRequestParts, State},
    http::{StatusCode, request::Parts},
};
use shared::api::{self, Endpoint};
use shared::{AdminVillage, AuditAction, NewVillage, RegionCode};

use super::{audit, queries};
use crate::{
    auth::{Admin, CurrentUser, DistrictAdmin, guards::path_id},
    db::now_ms,
    error::{AppError, AppResult},
    extract::ValidJson,
    regions::queries as regions,
    state::AppState,
    villages::queries::{self as villages},
};

/// A village as guards and audit lines need it.
#[derive(Clone, Debug)]
pub struct VillageRow {
    pub id: i64,
    pub name: String,
    pub code: RegionCode,
}

/// The village with this id; 404 when there is none.
pub async fn village_row(state: &AppState, id: i64) -> AppResult<VillageRow> {
    queries::village(&state.db, id).await?.ok_or_else(|| AppError::NotFound("Desa tidak ditemukan.".into()))
}

/// A district admin whose region contains the village in the path (`{id}`); its village admin alone does
/// not pass.
pub struct DistrictAdminOfVillage {
    pub admin: CurrentUser,
    pub village: VillageRow,
}

impl FromRequestParts<AppState> for DistrictAdminOfVillage {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let DistrictAdmin(admin) = DistrictAdmin::from_request_parts(parts, state).await?;
        let village = village_row(state, path_id(parts, state, "id", "Desa").await?).await?;
        if !admin.covers_region(&village.code) {
            return Err(AppError::Forbidden("Desa ini berada di luar wilayah Anda.".into()));
        }
        Ok(DistrictAdminOfVillage { admin, village })
    }
}

/// The villages this admin manages, by name, with their admins and waiting shop applications.
#[utoipa::path(get, path = api::admin::Villages::PATH, tag = "admin",
    responses((status = 200, body = Vec<AdminVillage>), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, Admin(admin): Admin) -> AppResult<Json<Vec<AdminVillage>>> {
    Ok(Json(queries::admin_villages(&state.db, &admin.village_condition("v")).await?))
}

/// Creates a village from a desa code of the region table, within the district admin's region.
#[utoipa::path(post, path = api::admin::AddVillage::PATH, tag = "admin", request_body = NewVillage,
    responses((status = 201, body = AdminVillage), (status = 403, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    DistrictAdmin(admin): DistrictAdmin,
    ValidJson(form): ValidJson<NewVillage>,
) -> AppResult<(StatusCode, Json<AdminVillage>)> {
    let (_, code) = form.into_parts();
    if !admin.covers_region(&code) {
        return Err(AppError::Forbidden("Kode desa ini berada di luar wilayah Anda.".into()));
    }
    let Some(name) = regions::name_of(&state.db.pool, &code).await? else {
        return Err(AppError::field("code", "Kode ini tidak ada di tabel wilayah Kemendagri."));
    };
    if queries::village_exists(&state.db, &code).await? {
        return Err(AppError::Conflict(format!("Desa {name} ({code}) sudah ada di Lapak Desa.")));
    }
    let mut tx = state.db.begin_write().await?;
    let new = villages::NewVillage::from_region(code.clone());
    let (id, _) = villages::create(&mut tx, &new, now_ms()).await.map_err(|e| match e.downcast::<sqlx::Error>() {
        Ok(sqlx::Error::Database(d)) if d.is_unique_violation() => {
            AppError::Conflict(format!("Desa {name} ({code}) sudah ada di Lapak Desa."))
        }
        Ok(other) => other.into(),
        Err(other) => AppError::Internal(other),
    })?;
    let summary = format!("Desa {name} ({code})");
    audit::record(&mut tx, admin.id, AuditAction::VillageCreated, &format!("village:{id}"), &summary, code.as_str())
        .await?;
    tx.commit().await?;
    let created = queries::admin_village(&state.db, id).await?;
    let created = created.ok_or_else(|| anyhow::anyhow!("village {id} vanished after creation"))?;
    Ok((StatusCode::CREATED, Json(created)))
}
