//! The OpenAPI document, generated from the handlers' own types so it cannot drift from the API, and
//! completed in one place with what every operation answers.

mod answers;
#[cfg(test)]
mod endpoints;
mod methods;
mod patterns;
#[cfg(test)]
mod snapshot;

use serde_json::Value;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::{
    accounts, addresses, admin, cart, catalog, certificates, complaints, consultations, dashboards, enterprises,
    flagship, gallery, health, idm, images, inquiries, moderation, news, notifications, officials, orders,
    producer_ledger, products, push, regions, reviews, shops, state::AppState, village_map, villages,
};

#[derive(OpenApi)]
#[openapi(
    info(title = "Lapak Desa API", description = "Village information sites and their online marketplace.", version = "1"),
    tags(
        (name = "villages", description = "Village profiles and the directory"),
        (name = "accounts", description = "Sign-up, sign-in, sessions and the user's own account"),
        (name = "shops", description = "Shop applications, settings, listings, producers and public pages"),
        (name = "catalog", description = "The catalog, its search and product pages"),
        (name = "orders", description = "Cart, checkout, orders and their life cycle, addresses, notifications"),
        (name = "admin", description = "Village and district administration"),
        (name = "consultations", description = "The consultation desk, its consultants and FAQ"),
        (name = "images", description = "The image pipeline for every upload"),
        (name = "regions", description = "Kemendagri region codes"),
        (name = "health", description = "Probes")
    ),
    // Query parameters' types are not collected from the handlers like bodies are.
    components(schemas(shared::CatalogSort))
)]
struct ApiDoc;

pub use methods::{DocumentedMethods, refuse_undocumented};

/// The API's routes and its OpenAPI document (as JSON), completed with what every operation answers.
pub fn api(config: &crate::config::Config) -> (axum::Router<AppState>, Value) {
    let (router, openapi) = api_router(config).split_for_parts();
    let mut document = serde_json::to_value(&openapi).unwrap_or_default();
    answers::complete(&mut document);
    patterns::add(&mut document);
    (router, document)
}

/// Every API route, with its OpenAPI description.
fn api_router(config: &crate::config::Config) -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(health::router())
        .merge(accounts::router())
        .merge(shops::router())
        .merge(admin::router())
        .merge(moderation::router())
        .merge(catalog::router())
        .merge(products::router())
        .merge(officials::router())
        .merge(idm::router())
        .merge(enterprises::router())
        .merge(flagship::router())
        .merge(news::router())
        .merge(gallery::router())
        .merge(images::router(config.upload_limit_bytes))
        .merge(villages::router())
        .merge(village_map::router())
        .merge(regions::router())
        .merge(cart::router())
        .merge(addresses::router())
        .merge(notifications::router())
        .merge(orders::router(config.upload_limit_bytes))
        .merge(consultations::router())
        .merge(dashboards::router())
        .merge(inquiries::router())
        .merge(reviews::router())
        .merge(push::router())
        .merge(certificates::router())
        .merge(producer_ledger::router())
        .merge(complaints::router())
}
