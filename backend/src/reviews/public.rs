//! A product's visible reviews, page by page: the API and the page `/produk/{id}-{slug}/ulasan`.

use axum::{
    Json,
    extract::{Path, State},
};
use serde::Deserialize;
use shared::api::{self, Endpoint};
use shared::{
    Page, PageRequest,
    review::{Review, ReviewDesk},
};
use utoipa::IntoParams;

use super::queries;
use crate::{
    error::{AppError, AppResult},
    extract::ApiQuery,
    state::AppState,
};

/// Which page of the reviews.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReviewsQuery {
    /// 1-based page number.
    page: Option<u32>,
    /// Reviews per page (at most 50).
    per_page: Option<u32>,
}

impl ReviewsQuery {
    /// The page asked for; 400 for a bad one.
    pub fn request(&self) -> AppResult<PageRequest> {
        PageRequest::new(self.page, self.per_page)
            .map_err(|m| AppError::BadRequest(format!("Parameter tidak sah: {m}.")))
    }
}

/// The page `query` asks for of a desk's reviews (the seller's, a village admin's) of `of`, with their
/// rating.
pub async fn desk(state: &AppState, of: queries::Of, query: &ReviewsQuery) -> AppResult<ReviewDesk> {
    let page = query.request()?;
    let (items, total) = queries::desk_page(&state.db, of, page.limit(), page.offset()).await?;
    let rating = queries::summary(&state.db, of).await?;
    Ok(ReviewDesk { rating, reviews: Page { items, total, page: page.page, per_page: page.per_page } })
}

/// A listed product's visible reviews, newest first.
#[utoipa::path(get, path = api::reviews::ProductReviews::PATH, tag = "catalog",
    params(("id" = i64, Path, description = "The product's id"), ReviewsQuery),
    responses((status = 200, body = Page<Review>), (status = 400, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn product_reviews(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    ApiQuery(query): ApiQuery<ReviewsQuery>,
) -> AppResult<Json<Page<Review>>> {
    Ok(Json(of_product(&state, id, query.page, query.per_page).await?))
}

/// Page `page` (1-based; the first when `None`) of a listed product's visible reviews, `per_page` a page;
/// 404 for a product not on sale.
pub async fn of_product(
    state: &AppState,
    id: i64,
    page: Option<u32>,
    per_page: Option<u32>,
) -> AppResult<Page<Review>> {
    let page =
        PageRequest::new(page, per_page).map_err(|m| AppError::BadRequest(format!("Parameter tidak sah: {m}.")))?;
    if !queries::product_listed(&state.db, id).await? {
        return Err(AppError::NotFound("Produk ini tidak ditemukan atau sedang tidak dijual.".into()));
    }
    let total = queries::summary(&state.db, queries::Of::Product(id)).await?.count;
    let items = queries::of_product(&state.db, id, page.limit(), page.offset()).await?;
    Ok(Page { items, total, page: page.page, per_page: page.per_page })
}
