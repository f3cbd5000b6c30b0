//! Village news and announcements: written by the village's admins, read on the village page, at
//! `/desa/{slug}/berita` and each at `/desa/{slug}/berita/{news}` with its own link preview.

mod admin;
pub mod queries;

use axum::{
    Json,
    extract::{Path, State},
};
use shared::api::{self, Endpoint};
use shared::{NewsArticle, NewsSummary, Page, PageRequest};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    db::Db,
    error::{AppError, AppResult},
    extract::ApiQuery,
    state::AppState,
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(news_page))
        .routes(routes!(news_article))
        .routes(routes!(admin::list, admin::create))
        .routes(routes!(admin::update, admin::remove))
}

/// `?page=&per_page=` of the news list.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NewsQuery {
    /// 1-based page number.
    #[param(minimum = 1)]
    pub page: Option<u32>,
    /// Items per page, 1–50.
    #[param(minimum = 1, maximum = 50)]
    pub per_page: Option<u32>,
}

/// A village's published news and announcements, newest first.
#[utoipa::path(get, path = api::news::Published::PATH, tag = "villages", params(
        ("slug" = String, Path, description = "The village's slug"), NewsQuery),
    responses((status = 200, body = Page<NewsSummary>), (status = 400, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn news_page(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ApiQuery(query): ApiQuery<NewsQuery>,
) -> AppResult<Json<Page<NewsSummary>>> {
    Ok(Json(village_news(&state.db, &slug, &query).await?))
}

/// A page of a village's published news, newest first (404 for a slug no village has now).
pub async fn village_news(db: &Db, slug: &str, query: &NewsQuery) -> AppResult<Page<NewsSummary>> {
    let page = PageRequest::new(query.page, query.per_page).map_err(|m| AppError::bad_request(&m))?;
    if !queries::village_exists(db, slug).await? {
        return Err(AppError::NotFound(format!("Desa dengan alamat \"{slug}\" tidak ditemukan.")));
    }
    Ok(queries::page(db, slug, page).await?)
}

/// One published item.
#[utoipa::path(get, path = api::news::Article::PATH, tag = "villages", params(
        ("slug" = String, Path, description = "The village's slug"), ("news" = String, Path, description = "The item's slug")),
    responses((status = 200, body = NewsArticle), (status = 404, body = shared::Problem)))]
pub async fn news_article(
    State(state): State<AppState>,
    Path((village, slug)): Path<(String, String)>,
) -> AppResult<Json<NewsArticle>> {
    Ok(Json(published(&state.db, &village, &slug).await?))
}

/// A published item of a village (404 for one not published, not due yet, or unknown).
pub async fn published(db: &Db, village: &str, slug: &str) -> AppResult<NewsArticle> {
    let article = queries::article(db, village, slug).await?;
    article.ok_or_else(|| AppError::NotFound("Berita ini tidak ditemukan atau belum terbit.".into()))
}
