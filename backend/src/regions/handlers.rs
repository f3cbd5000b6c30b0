//! HTTP handlers for regions.

use axum::{Json, extract::State};
use serde::Deserialize;
use shared::api::{self, Endpoint};
use shared::{Region, RegionCode, RegionLevel};
use utoipa::IntoParams;

use super::queries;
use crate::{
    db::Db,
    error::{AppError, AppResult},
    extract::ApiQuery,
    state::AppState,
};

/// Which regions to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegionQuery {
    /// List the children of this region (e.g. the kecamatan of `52.01`).
    #[param(pattern = r"^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$")]
    pub parent: Option<String>,
    /// List every region of this level instead (`provinsi`, `kabupaten`, `kecamatan`).
    pub level: Option<RegionLevel>,
    /// `true`: every region of the official table (for region pickers), not only those with villages.
    pub all: Option<bool>,
}

/// Regions that have villages on the portal (or, with `all=true`, every region), with how many.
#[utoipa::path(get, path = api::regions::Regions::PATH, tag = "regions", params(RegionQuery),
    responses((status = 200, body = Vec<Region>), (status = 400, body = shared::Problem)))]
pub async fn list_regions(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<RegionQuery>,
) -> AppResult<Json<Vec<Region>>> {
    Ok(Json(listed(&state.db, &query).await?))
}

/// The regions `query` asks for.
pub async fn listed(db: &Db, query: &RegionQuery) -> AppResult<Vec<Region>> {
    let (parent, level) = match (query.parent.as_deref(), query.level) {
        (Some(_), Some(_)) => return Err(AppError::BadRequest("Pilih parent atau level, tidak keduanya.".into())),
        (Some(parent), None) => {
            let parent = RegionCode::parse(parent).map_err(|e| AppError::BadRequest(format!("parent: {e}")))?;
            let child = match parent.level() {
                RegionLevel::Provinsi => RegionLevel::Kabupaten,
                RegionLevel::Kabupaten => RegionLevel::Kecamatan,
                RegionLevel::Kecamatan => RegionLevel::Desa,
                RegionLevel::Desa => {
                    return Err(AppError::BadRequest("Desa tidak memiliki wilayah di bawahnya.".into()));
                }
            };
            (Some(parent), child)
        }
        (None, level) => (None, level.unwrap_or(RegionLevel::Provinsi)),
    };
    if query.all == Some(true) {
        if parent.is_none() && level != RegionLevel::Provinsi {
            return Err(AppError::BadRequest("Dengan all=true, pilih parent (kecuali untuk level=provinsi).".into()));
        }
        return Ok(queries::all_children(db, parent.as_ref(), level).await?);
    }
    Ok(queries::with_villages(db, parent.as_ref(), level).await?)
}
