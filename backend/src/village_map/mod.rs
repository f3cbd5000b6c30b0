//! The village potential map (`GET /api/v1/map`, public): every village's place, IDM status and its
//! history, flagship product and how many shops, listed products and enterprises it has, and the same
//! per kecamatan; kept in memory like the village pages and by browsers for a minute.

pub mod queries;
pub mod tiles;

use axum::{
    body::Bytes,
    extract::State,
    http::{HeaderValue, header},
    response::Response,
};
use shared::api::{self, Endpoint};
use shared::{
    MapQuery, VillageMap,
    village_map::{MapFilter, summarize},
};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    error::{AppError, AppResult},
    extract::ApiQuery,
    page_cache::{Kind, json_body},
    state::AppState,
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(village_map))
}

/// The villages on the map (all, or those of one kecamatan or flagship sector) with their kecamatan
/// added up, and the tile server the page draws the map from.
#[utoipa::path(get, path = api::village_map::VillageMap::PATH, tag = "villages", params(MapQuery),
    responses((status = 200, body = VillageMap), (status = 400, body = shared::Problem)))]
pub async fn village_map(State(state): State<AppState>, ApiQuery(query): ApiQuery<MapQuery>) -> AppResult<Response> {
    let filter = query.validate().map_err(AppError::BadRequest)?;
    let key = format!(
        "{}:{}",
        filter.kecamatan.as_deref().unwrap_or_default(),
        filter.sector.map(|s| s.code()).unwrap_or_default()
    );
    let body = match state.pages.get(Kind::Map, &key) {
        Some(body) => body,
        None => {
            let generation = state.pages.generation();
            let map = read(&state, &filter).await?;
            let body = Bytes::from(serde_json::to_vec(&map).map_err(|e| AppError::Internal(e.into()))?);
            state.pages.put(Kind::Map, &key, generation, body.clone());
            body
        }
    };
    let mut res = json_body(body);
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=60"));
    Ok(res)
}

/// The map of the villages `filter` leaves, read from the database (the `/peta` page renders the whole one).
pub async fn read(state: &AppState, filter: &MapFilter) -> AppResult<VillageMap> {
    let villages = queries::villages(&state.db, filter).await?;
    Ok(VillageMap {
        tiles: state.config.map_tiles.clone(),
        attribution: state.config.map_attribution.clone(),
        kecamatan: summarize(&villages),
        villages,
    })
}
