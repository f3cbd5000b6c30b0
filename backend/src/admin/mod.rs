//! The admin area's API: villages and their admins, district admins, the shop-application queue,
//! help for users who lost their password, and the audit log.

pub mod applications;
pub mod audit;
pub mod grants;
pub mod profile;
pub mod queries;
pub mod users;
pub mod versions;
pub mod villages;

use utoipa_axum::{router::OpenApiRouter, routes};

use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(villages::list, villages::create))
        .routes(routes!(grants::add_village_admin))
        .routes(routes!(profile::profile, profile::save_profile))
        .routes(routes!(grants::list_district_admins, grants::add_district_admin))
        .routes(routes!(grants::revoke))
        .routes(routes!(applications::queue))
        .routes(routes!(applications::approve))
        .routes(routes!(applications::reject))
        .routes(routes!(users::search))
        .routes(routes!(users::reset_link))
        .routes(routes!(audit::list))
}
