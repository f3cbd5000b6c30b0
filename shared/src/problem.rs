//! The body of every API error: an RFC 9457 problem document.

use serde::{Deserialize, Serialize};

/// `application/problem+json`: what went wrong, for people and programs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// The HTTP status code.
    pub status: u16,
    /// A short summary that is the same for every problem of this kind.
    pub title: String,
    /// What happened this time, in words a person understands.
    pub detail: String,
}
