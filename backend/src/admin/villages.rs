//! Villages in the admin area: the ones an admin manages, creating one from the region table, and
//! the guard for acting on one village as its district admin.

use axum::{
    Json,
    extract::{FromRequestParts, State},
    http::{StatusCode, request::Parts},
};
use shared::{AdminVillage, AuditAction, GrantHolder, NewVillage, RegionCode, RegionLevel};
use sqlx::Row;

use super::audit;
use crate::{
    auth::{Admin, CurrentUser, DistrictAdmin, guards::path_id},
    db::{flag, now_ms},
    error::{AppError, AppResult},
    extract::ApiJson,
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

pub async fn village_row(state: &AppState, id: i64) -> AppResult<VillageRow> {
    let row = sqlx::query("SELECT id, name, region_code FROM villages WHERE id = $1")
        .bind(id)
        .fetch_optional(&state.db.pool)
        .await?
        .ok_or_else(|| AppError::NotFound("Desa tidak ditemukan.".into()))?;
    let code: String = row.try_get("region_code")?;
    Ok(VillageRow {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        code: RegionCode::parse(&code).map_err(|e| anyhow::anyhow!("village {id}: {e}"))?,
    })
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
#[utoipa::path(get, path = "/api/v1/admin/villages", tag = "admin",
    responses((status = 200, body = Vec<AdminVillage>), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, Admin(admin): Admin) -> AppResult<Json<Vec<AdminVillage>>> {
    Ok(Json(load(&state, &admin.village_condition("v")).await?))
}

/// Villages matching an SQL `condition` on `villages v`, with their admins.
async fn load(state: &AppState, condition: &str) -> AppResult<Vec<AdminVillage>> {
    let rows = sqlx::query(&format!(
        "SELECT v.id, v.slug, v.name, v.region_code, v.is_demo, kc.name AS kecamatan, kb.name AS kabupaten, \
                pr.name AS provinsi, \
                (SELECT COUNT(*) FROM shops s WHERE s.village_id = v.id AND s.status = 'pending') AS pending_shops \
         FROM villages v JOIN regions kc ON kc.code = v.kecamatan_code JOIN regions kb ON kb.code = v.kabupaten_code \
         JOIN regions pr ON pr.code = v.provinsi_code WHERE {condition} ORDER BY v.name, v.id"
    ))
    .fetch_all(&state.db.pool)
    .await?;
    let admins = sqlx::query(&format!(
        "SELECT g.id AS grant_id, g.village_id, u.id, u.name, u.phone FROM grants g \
         JOIN users u ON u.id = g.user_id JOIN villages v ON v.id = g.village_id \
         WHERE g.role = 'village_admin' AND {condition} ORDER BY u.name"
    ))
    .fetch_all(&state.db.pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let id: i64 = r.try_get("id")?;
        let mut holders = Vec::new();
        for a in admins.iter().filter(|a| a.try_get::<i64, _>("village_id").ok() == Some(id)) {
            holders
                .push(GrantHolder { grant_id: a.try_get("grant_id")?, user: crate::accounts::queries::user_ref(a)? });
        }
        out.push(AdminVillage {
            id,
            slug: r.try_get("slug")?,
            name: r.try_get("name")?,
            region: villages::region_path(r)?,
            admins: holders,
            pending_shops: r.try_get("pending_shops")?,
            is_demo: flag(r, "is_demo")?,
        });
    }
    Ok(out)
}

/// Creates a village from a desa code of the region table, within the district admin's region.
#[utoipa::path(post, path = "/api/v1/admin/villages", tag = "admin", request_body = NewVillage,
    responses((status = 201, body = AdminVillage), (status = 403, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    DistrictAdmin(admin): DistrictAdmin,
    ApiJson(form): ApiJson<NewVillage>,
) -> AppResult<(StatusCode, Json<AdminVillage>)> {
    let code = RegionCode::parse(form.code.trim()).map_err(|e| AppError::field("code", e.to_string()))?;
    if code.level() != RegionLevel::Desa {
        return Err(AppError::field("code", "Pilih kode desa/kelurahan (empat bagian, mis. 52.01.03.2016)."));
    }
    if !admin.covers_region(&code) {
        return Err(AppError::Forbidden("Kode desa ini berada di luar wilayah Anda.".into()));
    }
    let Some(name) = regions::name_of(&state.db.pool, &code).await? else {
        return Err(AppError::field("code", "Kode ini tidak ada di tabel wilayah Kemendagri."));
    };
    let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM villages WHERE region_code = $1")
        .bind(code.as_str())
        .fetch_one(&state.db.pool)
        .await?;
    if exists > 0 {
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
    let created = load(&state, &format!("v.id = {id}")).await?.into_iter().next();
    let created = created.ok_or_else(|| anyhow::anyhow!("village {id} vanished after creation"))?;
    Ok((StatusCode::CREATED, Json(created)))
}
