//! Reviews: the buyer of a completed order rates each line once within `shared::review::REVIEW_DAYS`
//! (`write.rs`), the seller replies once (`seller.rs`), the village admin hides one with a reason
//! (`admin.rs`), and product pages list the visible ones (`public.rs`; their summaries fill product
//! pages and storefronts).

mod admin;
pub mod public;
pub mod queries;
mod seller;
mod write;

use utoipa_axum::{router::OpenApiRouter, routes};

use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(public::product_reviews))
        .routes(routes!(write::write))
        .routes(routes!(seller::list))
        .routes(routes!(seller::reply))
        .routes(routes!(admin::list))
        .routes(routes!(admin::hide))
        .routes(routes!(admin::unhide))
}
