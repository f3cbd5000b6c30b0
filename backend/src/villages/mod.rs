//! Villages: the directory, the profile, and creating villages from the region table.

pub mod detail;
mod handlers;
pub mod page_cache;
pub mod queries;
pub mod slug;

use utoipa_axum::{router::OpenApiRouter, routes};

use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(handlers::list_villages)).routes(routes!(handlers::village_detail))
}
