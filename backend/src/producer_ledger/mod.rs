//! What each producer earned: every completed order line of a member producer's product is credited to
//! that producer inside the completing transaction (`credits.rs`, called by `orders::moves`), a refund
//! takes lines back (`credits::reverse_lines`), and the shop keeps each producer's fee, payouts,
//! balance and statements (`seller.rs`).

pub mod credits;
pub mod queries;
mod seller;

use utoipa_axum::{router::OpenApiRouter, routes};

use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(seller::accounts))
        .routes(routes!(seller::set_terms))
        .routes(routes!(seller::pay))
        .routes(routes!(seller::statement))
}
