//! HTTP handlers for villages.

use axum::{
    Json,
    body::Bytes,
    extract::{Path, State},
    response::{IntoResponse, Redirect, Response},
};
use shared::api::{self, Endpoint};
use shared::{Page, VillageDetail, VillageQuery, VillageSummary};

use super::queries::Lookup;
use crate::{
    error::{AppError, AppResult},
    extract::ApiQuery,
    page_cache::{Kind, json_body},
    state::AppState,
};

/// Villages on the portal, filtered and paginated, ordered by name.
#[utoipa::path(get, path = api::villages::Villages::PATH, tag = "villages", params(VillageQuery),
    responses((status = 200, body = Page<VillageSummary>), (status = 400, body = shared::Problem)))]
pub async fn list_villages(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<VillageQuery>,
) -> AppResult<Json<Page<VillageSummary>>> {
    Ok(Json(super::directory(&state.db, &query).await?))
}

/// A village's whole profile. An old slug answers 308 with the village's current address.
#[utoipa::path(get, path = api::villages::Village::PATH, tag = "villages",
    params(("slug" = String, Path, description = "The village's slug, e.g. `darmaji`")),
    responses((status = 200, body = VillageDetail), (status = 308, description = "The village moved to a new slug"),
        (status = 404, body = shared::Problem)))]
pub async fn village_detail(State(state): State<AppState>, Path(slug): Path<String>) -> AppResult<Response> {
    if let Some(body) = state.pages.get(Kind::Village, &slug) {
        return Ok(json_body(body));
    }
    let generation = state.pages.generation();
    match super::detail::detail_by_slug(&state.db, &slug).await? {
        Lookup::Found(detail) => {
            let body = Bytes::from(serde_json::to_vec(&detail).map_err(|e| AppError::Internal(e.into()))?);
            state.pages.put(Kind::Village, &slug, generation, body.clone());
            Ok(json_body(body))
        }
        Lookup::Moved(to) => Ok(Redirect::permanent(&format!("/api/v1/villages/{to}")).into_response()),
        Lookup::Missing => Err(AppError::NotFound(format!("Desa dengan alamat \"{slug}\" tidak ditemukan."))),
    }
}
