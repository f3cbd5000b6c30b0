//! Villages: the directory, the profile, and creating villages from the region table.

pub mod detail;
mod handlers;
pub mod queries;

use shared::{Page, VillageQuery, VillageSummary};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    db::Db,
    error::{AppError, AppResult},
    state::AppState,
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(handlers::list_villages)).routes(routes!(handlers::village_detail))
}

/// One page of the directory: the villages matching `query`, ordered by name (400 for filters the
/// directory does not know).
pub async fn directory(db: &Db, query: &VillageQuery) -> AppResult<Page<VillageSummary>> {
    let page = query.validate().map_err(|m| AppError::bad_request(&m))?;
    Ok(queries::list(db, query, page).await?)
}
