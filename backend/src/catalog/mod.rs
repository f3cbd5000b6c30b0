//! The catalog and its search (`/produk`): listed products from every village, found by words that
//! tolerate spelling variants and typos, narrowed by place, category, enterprise kind, price and
//! stock, sorted and paged by key. The index is kept in the database, the same on SQLite and PostgreSQL.

pub mod cursor;
pub mod index;
mod queries;
pub mod query;
pub mod search;
mod top;
pub mod words;

use axum::{
    Json,
    extract::State,
    http::{Uri, header},
    response::{IntoResponse, Response},
};
use shared::api::{self, Endpoint};
use shared::{CatalogPage, CatalogQuery, Facets};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    error::{AppError, AppResult},
    extract::ApiQuery,
    page_cache::Kind,
    state::AppState,
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(catalog)).routes(routes!(facets))
}

/// The query, checked, with its words expanded to indexed words.
async fn prepare(state: &AppState, q: &CatalogQuery) -> AppResult<search::Expansion> {
    if let Some(problem) = q.problem() {
        return Err(AppError::BadRequest(problem));
    }
    Ok(match q.words() {
        Some(text) => search::expand(&state.db, text).await?,
        None => search::Expansion::Everything,
    })
}

/// A page of listed products: matching every search word (spelling variants and small typos
/// included), within the filters, in the order asked for; `next` is the cursor of the next page. The same
/// search is answered from memory for `LAPAK_PAGE_CACHE_MS`, like village pages, until anything changes.
#[utoipa::path(get, path = api::catalog::Catalog::PATH, tag = "catalog", params(CatalogQuery),
    responses((status = 200, body = CatalogPage), (status = 400, body = shared::Problem)))]
pub async fn catalog(
    State(state): State<AppState>,
    uri: Uri,
    ApiQuery(q): ApiQuery<CatalogQuery>,
) -> AppResult<Response> {
    state.pages.json(Kind::Catalog, uri.query().unwrap_or_default(), page(&state, &q)).await
}

/// The page of products `q` asks for (its cursor's, or the first).
pub async fn page(state: &AppState, q: &CatalogQuery) -> AppResult<CatalogPage> {
    let expansion = prepare(state, q).await?;
    let after = query::cursor(q, &expansion)?;
    Ok(query::list(&state.db, q, &expansion, after).await?)
}

/// How many products `q` finds, in all and per category and kecamatan.
pub async fn counts(state: &AppState, q: &CatalogQuery) -> AppResult<Facets> {
    let expansion = prepare(state, q).await?;
    Ok(query::facets(&state.db, q, &expansion).await?)
}

/// How many results the same search has in each category and kecamatan (each facet ignoring its own
/// filter), and in all; kept by browsers and caches for a minute.
#[utoipa::path(get, path = api::catalog::Facets::PATH, tag = "catalog", params(CatalogQuery),
    responses((status = 200, body = Facets), (status = 400, body = shared::Problem)))]
pub async fn facets(State(state): State<AppState>, ApiQuery(q): ApiQuery<CatalogQuery>) -> AppResult<Response> {
    let facets = counts(&state, &q).await?;
    Ok(([(header::CACHE_CONTROL, "public, max-age=60")], Json(facets)).into_response())
}
