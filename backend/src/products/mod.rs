//! Products that shops sell: the public product page and a seller's listings.

pub mod queries;
mod seller;

use axum::{
    Json,
    extract::{Path, State},
};
use shared::ProductDetail;
use shared::api::{self, Endpoint};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    error::{AppError, AppResult},
    state::AppState,
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(product))
        .routes(routes!(seller::list, seller::create))
        .routes(routes!(seller::update, seller::remove))
}

/// A listed product with its photos and the chain behind it (producer, shop or enterprise, village).
#[utoipa::path(get, path = api::products::Product::PATH, tag = "catalog",
    params(("id" = i64, Path, description = "The product's id")),
    responses((status = 200, body = ProductDetail), (status = 404, body = shared::Problem)))]
pub async fn product(State(state): State<AppState>, Path(id): Path<String>) -> AppResult<Json<ProductDetail>> {
    let gone = || AppError::NotFound("Produk ini tidak ditemukan atau sedang tidak dijual.".into());
    let id: i64 = id.parse().map_err(|_| gone())?;
    Ok(Json(queries::detail(&state.db, id).await?.ok_or_else(gone)?))
}
