//! Liveness and readiness probes for load balancers and orchestrators.

use axum::{Json, extract::State};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{error::AppError, state::AppState};

/// A probe's answer.
#[derive(Serialize, ToSchema)]
pub struct Status {
    /// `ok` when healthy.
    status: &'static str,
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(health)).routes(routes!(ready))
}

/// The process is alive.
#[utoipa::path(get, path = "/api/v1/health", tag = "health", responses((status = 200, body = Status)))]
pub async fn health() -> Json<Status> {
    Json(Status { status: "ok" })
}

/// The process can serve: its database answers. 503 when it does not.
#[utoipa::path(get, path = "/api/v1/ready", tag = "health",
    responses((status = 200, body = Status), (status = 503, body = shared::Problem)))]
pub async fn ready(State(state): State<AppState>) -> Result<Json<Status>, AppError> {
    if state.db.is_reachable().await { Ok(Json(Status { status: "ok" })) } else { Err(AppError::Unavailable) }
}
