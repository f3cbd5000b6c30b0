//! The consultation desk: villagers and sellers ask, consultants of the government offices (granted by a
//! district admin for a region, limited to the desk) and the village's admins answer in a thread, assign,
//! visit and move the status; answered questions become anonymised public FAQ entries.

pub mod consultants;
mod desk;
pub mod faq;
pub mod guard;
mod notes;
pub mod queries;
mod submit;
mod thread;
mod view;
mod visits;

use utoipa_axum::{router::OpenApiRouter, routes};

use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(submit::submit))
        .routes(routes!(submit::mine))
        .routes(routes!(desk::queue))
        .routes(routes!(desk::access))
        .routes(routes!(faq::list))
        .routes(routes!(thread::show))
        .routes(routes!(thread::reply))
        .routes(routes!(thread::change_status))
        .routes(routes!(desk::assign))
        .routes(routes!(visits::create))
        .routes(routes!(visits::update))
        .routes(routes!(faq::publish, faq::unpublish))
        .routes(routes!(consultants::list, consultants::grant))
        .routes(routes!(consultants::revoke))
}
