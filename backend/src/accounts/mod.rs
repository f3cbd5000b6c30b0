//! Accounts: sign-up, sign-in and out, reset links, and the signed-in user's own account.

pub mod handlers;
pub mod me;
pub mod queries;
pub mod reset;

use utoipa_axum::{router::OpenApiRouter, routes};

use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(handlers::sign_up))
        .routes(routes!(handlers::sign_in))
        .routes(routes!(handlers::sign_out))
        .routes(routes!(reset::reset_info))
        .routes(routes!(reset::reset_password))
        .routes(routes!(me::session_state))
        .routes(routes!(me::me, me::update_me))
        .routes(routes!(me::change_password))
        .routes(routes!(me::sessions, me::sign_out_everywhere))
        .routes(routes!(me::end_session))
}
