//! Liveness and readiness probes for load balancers and orchestrators.

use axum::{Json, extract::State};
use shared::api::{self, Endpoint};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{error::AppError, state::AppState};
use shared::api::health::Status;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(health)).routes(routes!(ready))
}

/// The process is alive.
#[utoipa::path(get, path = api::health::Health::PATH, tag = "health", responses((status = 200, body = Status)))]
pub async fn health() -> Json<Status> {
    Json(Status { status: "ok" })
}

/// The process can serve: its database answers. 503 when it does not.
#[utoipa::path(get, path = api::health::Ready::PATH, tag = "health",
    responses((status = 200, body = Status), (status = 503, body = shared::Problem)))]
pub async fn ready(State(state): State<AppState>) -> Result<Json<Status>, AppError> {
    if state.db.is_reachable().await { Ok(Json(Status { status: "ok" })) } else { Err(AppError::Unavailable) }
}
