//! A village's admins (and its district admins) watch over its marketplace: they hide a listing with
//! a reason the seller reads, suspend or reinstate a shop, and say which enterprise a shop represents.

pub mod hiding;
mod products;
mod queries;
mod shops;

use utoipa_axum::{router::OpenApiRouter, routes};

use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(products::list))
        .routes(routes!(products::hide))
        .routes(routes!(products::unhide))
        .routes(routes!(shops::list))
        .routes(routes!(shops::suspend))
        .routes(routes!(shops::reinstate))
        .routes(routes!(shops::set_enterprise))
}
