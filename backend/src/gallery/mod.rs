//! A village's gallery: albums of captioned photos, kept by the village's admins, shown on its page.

mod albums;
mod photos;
mod queries;

use utoipa_axum::{router::OpenApiRouter, routes};

use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(albums::list, albums::create))
        .routes(routes!(albums::update, albums::remove))
        .routes(routes!(photos::add))
        .routes(routes!(photos::update, photos::remove))
}
