//! Shops: a seller's or village enterprise's stall in one village, from application to its producers,
//! its settings and its public page.

pub mod handlers;
pub mod owner;
pub mod queries;
pub mod settings;
pub mod storefront;

use utoipa_axum::{router::OpenApiRouter, routes};

use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(handlers::apply))
        .routes(routes!(handlers::producers, handlers::add_producer))
        .routes(routes!(handlers::remove_producer))
        .routes(routes!(settings::get, settings::put))
        .routes(routes!(storefront::get))
}
