//! A shop's public page (`/toko/{slug}`): who sells, where, how goods travel, its member producers and how
//! its products are rated; its products come from the catalog (`toko=` filter).

use axum::{
    Json,
    extract::{Path, State},
};
use shared::Storefront;
use shared::api::{self, Endpoint};

use super::queries;
use crate::{
    db::Db,
    error::{AppError, AppResult},
    state::AppState,
};

/// An active shop's public page with its producers, `None` when there is no such shop or it is not open
/// to shoppers.
pub async fn storefront(db: &Db, slug: &str) -> anyhow::Result<Option<Storefront>> {
    let Some(mut shop) = queries::open_shop(db, slug).await? else { return Ok(None) };
    shop.producers = queries::producers(db, shop.id).await?;
    shop.rating = crate::reviews::queries::summary(db, crate::reviews::queries::Of::Shop(shop.id)).await?;
    Ok(Some(shop))
}

/// A shop's public page.
#[utoipa::path(get, path = api::shops::Storefront::PATH, tag = "shops",
    params(("slug" = String, Path, description = "The shop's slug")),
    responses((status = 200, body = Storefront), (status = 404, body = shared::Problem)))]
pub async fn get(State(state): State<AppState>, Path(slug): Path<String>) -> AppResult<Json<Storefront>> {
    let found = storefront(&state.db, &slug).await?;
    Ok(Json(found.ok_or_else(|| AppError::NotFound("Toko ini tidak ditemukan atau sedang tidak berjualan.".into()))?))
}
