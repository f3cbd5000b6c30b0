//! Orders: checkout (one order per shop, atomic, idempotent, never overselling), the life cycle of
//! `shared::order_flow` for buyers and sellers, and the background job that enforces its time limits.

pub mod buyer;
mod checkout;
mod code;
mod guest;
pub mod list;
pub mod moves;
mod place;
pub mod queries;
mod receipts;
pub mod sweeper;
pub mod timeline;
pub mod view;

use axum::extract::DefaultBodyLimit;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::state::AppState;

pub fn router(upload_limit: usize) -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(place::quote))
        .routes(routes!(place::place))
        .routes(routes!(buyer::show))
        .routes(routes!(buyer::act))
        .routes(routes!(buyer::mine))
        .routes(routes!(seller::list))
        .routes(routes!(seller::show))
        .routes(routes!(seller::act))
        .routes(routes!(seller::export))
        .merge(OpenApiRouter::new().routes(routes!(receipts::receipt)).layer(DefaultBodyLimit::max(upload_limit)))
}

mod seller;
