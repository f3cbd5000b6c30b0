//! The OpenAPI document, generated from the handlers' own types so it cannot drift from the API.

use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::{health, regions, state::AppState, villages};

#[derive(OpenApi)]
#[openapi(
    info(title = "Lapak Desa API", description = "Village information sites and their online marketplace.", version = "1"),
    tags(
        (name = "villages", description = "Village profiles and the directory"),
        (name = "regions", description = "Kemendagri region codes"),
        (name = "health", description = "Probes")
    )
)]
struct ApiDoc;

/// Every API route, with its OpenAPI description.
pub fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(health::router())
        .merge(villages::router())
        .merge(regions::router())
}
