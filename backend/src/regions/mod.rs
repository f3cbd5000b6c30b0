//! The Kemendagri region table: loaded once from the vendored CSV, listed for filters and pickers.

mod handlers;
pub mod queries;

use utoipa_axum::{router::OpenApiRouter, routes};

use crate::state::AppState;

pub use handlers::{RegionQuery, listed};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(handlers::list_regions))
}
