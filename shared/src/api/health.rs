//! Probes for the process and its database.

use super::endpoints;

endpoints! {
    /// The process is alive.
    Health {}: get "/api/v1/health" => Status;
    /// The process can serve: its database answers. 503 when it does not.
    Ready {}: get "/api/v1/ready" => Status;
}

/// A probe's answer.
#[derive(serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Status {
    /// `ok` when healthy.
    pub status: &'static str,
}
