//! Certificates of products: the seller adds, changes and removes them with a photo of the document
//! (`seller.rs`), the village admin verifies or refuses them with a reason (`admin.rs`); product pages,
//! catalog cards and the catalog's `sertifikat` filter show only verified ones within their dates
//! (`queries.rs`, compared with today's date when read, so an expired one disappears by itself).

mod admin;
pub mod queries;
mod seller;

use utoipa_axum::{router::OpenApiRouter, routes};

use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(seller::list, seller::add))
        .routes(routes!(seller::update, seller::remove))
        .routes(routes!(admin::list))
        .routes(routes!(admin::verify))
        .routes(routes!(admin::refuse))
}
