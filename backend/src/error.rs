//! The one error type of the API, answered as `application/problem+json` that never leaks internals.

use axum::{
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use shared::Problem;

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request itself is wrong; the message says how, for a person.
    #[error("{0}")]
    BadRequest(String),
    /// Nothing exists at this address; the message says what was looked for.
    #[error("{0}")]
    NotFound(String),
    #[error("request body too large")]
    PayloadTooLarge,
    /// A dependency (the database) cannot be reached right now.
    #[error("service unavailable")]
    Unavailable,
    /// A bug or an unexpected failure: logged in full, answered without details.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => AppError::Unavailable,
            other => AppError::Internal(other.into()),
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The problem document a client sees: titles in English (stable), details in Indonesian.
    pub fn problem(&self) -> Problem {
        let status = self.status();
        let detail = match self {
            AppError::BadRequest(m) | AppError::NotFound(m) => m.clone(),
            AppError::PayloadTooLarge => "Data yang dikirim terlalu besar.".into(),
            AppError::Unavailable => "Layanan sedang tidak dapat dihubungi. Coba lagi sebentar lagi.".into(),
            AppError::Internal(_) => "Terjadi kesalahan di server. Coba lagi sebentar lagi.".into(),
        };
        Problem { status: status.as_u16(), title: status.canonical_reason().unwrap_or("Error").to_owned(), detail }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match &self {
            AppError::Internal(e) => tracing::error!(error = ?e, "internal error"),
            AppError::Unavailable => tracing::warn!("dependency unavailable"),
            _ => {}
        }
        problem_response(&self.problem())
    }
}

/// A problem document as an HTTP response.
pub fn problem_response(problem: &Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(problem).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/problem+json")], body).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_hide_their_cause() {
        let err = AppError::Internal(anyhow::anyhow!("no such table: villages at /srv/data/lapak.db"));
        let p = err.problem();
        assert_eq!(p.status, 500);
        assert!(!p.detail.contains("villages"));
        assert!(!p.detail.contains("/srv"));
    }

    #[test]
    fn client_errors_keep_their_message() {
        let p = AppError::NotFound("Desa tidak ditemukan.".into()).problem();
        assert_eq!((p.status, p.title.as_str(), p.detail.as_str()), (404, "Not Found", "Desa tidak ditemukan."));
    }
}
