//! The one error type of the API, answered as `application/problem+json` that never leaks internals.

use axum::{
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use shared::{FieldError, Problem, ProblemCode};

/// Everything a handler can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request itself is wrong; the message says how, for a person.
    #[error("{0}")]
    BadRequest(String),
    /// Nothing exists at this address; the message says what was looked for.
    #[error("{0}")]
    NotFound(String),
    /// Nobody is signed in, or the session has ended.
    #[error("not signed in")]
    Unauthorized,
    /// Sign-in with a login or password that does not match (never saying which).
    #[error("wrong credentials")]
    WrongCredentials,
    /// Signed in, but this is not theirs to see or change; the message says why.
    #[error("{0}")]
    Forbidden(String),
    /// A state-changing request without the app's CSRF header, or sent from another site.
    #[error("cross-site request refused")]
    CsrfMissing,
    /// The request clashes with what is there (already exists, already decided).
    #[error("{0}")]
    Conflict(String),
    /// A save of a record someone else saved since it was loaded; the message says what to do.
    #[error("{0}")]
    StaleVersion(String),
    /// Too few of a product are left for an order; the message names it and what is left.
    #[error("{0}")]
    StockShort(String),
    /// A form with fields that are wrong, each with its message.
    #[error("invalid form")]
    Invalid(Vec<FieldError>),
    /// Too many attempts: try again after this many seconds.
    #[error("{message}")]
    TooManyRequests { message: String, retry_after_secs: u64 },
    /// The address exists, but not for this method; `allow` lists the methods it takes.
    #[error("method not allowed")]
    MethodNotAllowed { allow: String },
    #[error("request body too large")]
    PayloadTooLarge,
    /// The body is of a kind this address does not take; the message says which it takes.
    #[error("{0}")]
    UnsupportedMedia(String),
    /// A dependency (the database) cannot be reached right now.
    #[error("service unavailable")]
    Unavailable,
    /// Another transaction held what this one needed (SQLite busy, PostgreSQL deadlock or serialization
    /// failure): the work can simply run again.
    #[error("busy")]
    Busy,
    /// A bug or an unexpected failure: logged in full, answered without details.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// What is wrong with a form: a 422 that lists it.
impl From<Vec<FieldError>> for AppError {
    fn from(errors: Vec<FieldError>) -> Self {
        AppError::Invalid(errors)
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => AppError::Unavailable,
            other if crate::db::is_retryable(&other) => AppError::Busy,
            other => AppError::Internal(other.into()),
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// Where a missing record was looked for, as its 404 says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Within {
    /// Anywhere the reader may look.
    Anywhere,
    /// Among the records of the village in the path.
    Village,
    /// Among the photos of the album in the path.
    Album,
    /// Among the listings of the shop of the one asking.
    OwnShop,
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Unauthorized | AppError::WrongCredentials => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) | AppError::CsrfMissing => StatusCode::FORBIDDEN,
            AppError::Conflict(_) | AppError::StaleVersion(_) | AppError::StockShort(_) => StatusCode::CONFLICT,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMedia(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Unavailable | AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable code a program branches on.
    pub fn code(&self) -> ProblemCode {
        match self {
            AppError::BadRequest(_) => ProblemCode::BadRequest,
            AppError::NotFound(_) => ProblemCode::NotFound,
            AppError::Unauthorized => ProblemCode::Unauthenticated,
            AppError::WrongCredentials => ProblemCode::WrongCredentials,
            AppError::Forbidden(_) => ProblemCode::Forbidden,
            AppError::CsrfMissing => ProblemCode::CsrfMissing,
            AppError::Conflict(_) => ProblemCode::Conflict,
            AppError::StaleVersion(_) => ProblemCode::StaleVersion,
            AppError::StockShort(_) => ProblemCode::StockShort,
            AppError::Invalid(_) => ProblemCode::Validation,
            AppError::TooManyRequests { .. } => ProblemCode::RateLimited,
            AppError::MethodNotAllowed { .. } => ProblemCode::MethodNotAllowed,
            AppError::PayloadTooLarge => ProblemCode::PayloadTooLarge,
            AppError::UnsupportedMedia(_) => ProblemCode::UnsupportedMediaType,
            AppError::Unavailable => ProblemCode::Unavailable,
            AppError::Busy => ProblemCode::Busy,
            AppError::Internal(_) => ProblemCode::Internal,
        }
    }

    /// The problem document a client sees: titles in English (stable), details in Indonesian.
    pub fn problem(&self) -> Problem {
        let status = self.status();
        let detail = match self {
            AppError::BadRequest(m)
            | AppError::NotFound(m)
            | AppError::Forbidden(m)
            | AppError::Conflict(m)
            | AppError::StaleVersion(m)
            | AppError::StockShort(m)
            | AppError::UnsupportedMedia(m) => m.clone(),
            AppError::TooManyRequests { message, .. } => message.clone(),
            AppError::Unauthorized => "Silakan masuk terlebih dahulu.".into(),
            AppError::CsrfMissing => {
                "Permintaan ditolak karena tidak datang dari aplikasi Lapak Desa. Muat ulang halaman lalu coba lagi."
                    .into()
            }
            AppError::WrongCredentials => "Nomor HP/e-mail atau kata sandi salah.".into(),
            AppError::Invalid(fields) => match fields.as_slice() {
                [only] => only.message.clone(),
                _ => "Periksa kembali isian yang ditandai.".into(),
            },
            AppError::MethodNotAllowed { allow } => {
                format!("Metode HTTP ini tidak didukung di alamat ini (yang didukung: {allow}).")
            }
            AppError::PayloadTooLarge => "Data yang dikirim terlalu besar.".into(),
            AppError::Unavailable => "Layanan sedang tidak dapat dihubungi. Coba lagi sebentar lagi.".into(),
            AppError::Busy => "Sedang banyak yang memesan bersamaan. Coba lagi sebentar lagi.".into(),
            AppError::Internal(_) => "Terjadi kesalahan di server. Coba lagi sebentar lagi.".into(),
        };
        let fields = match self {
            AppError::Invalid(fields) => fields.clone(),
            _ => Vec::new(),
        };
        let title = status.canonical_reason().unwrap_or("Error").to_owned();
        Problem { status: status.as_u16(), code: self.code(), title, detail, fields }
    }

    /// A 404 for `what` the path names ("Berita ini", "Konsultasi"), looked for `within` a scope.
    pub fn not_found(what: &str, within: Within) -> AppError {
        let scope = match within {
            Within::Anywhere => "",
            Within::Village => " di desa ini",
            Within::Album => " di album ini",
            Within::OwnShop => " di toko Anda",
        };
        AppError::NotFound(format!("{what} tidak ditemukan{scope}."))
    }

    /// A 400 from a validation message written mid-sentence ("page dimulai dari 1"): capitalised, with a
    /// full stop.
    pub fn bad_request(message: &str) -> AppError {
        let mut chars = message.chars();
        let sentence =
            chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>() + ".").unwrap_or_default();
        AppError::BadRequest(sentence)
    }

    /// One field of a form is wrong.
    pub fn field(field: &str, message: impl Into<String>) -> AppError {
        AppError::Invalid(vec![FieldError::new(field, message)])
    }

    /// `Ok` when a form has no errors, else the 422 that lists them.
    pub fn check(errors: Vec<FieldError>) -> AppResult<()> {
        if errors.is_empty() { Ok(()) } else { Err(AppError::Invalid(errors)) }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match &self {
            AppError::Internal(e) => tracing::error!(error = ?e, "internal error"),
            AppError::Unavailable => tracing::warn!("dependency unavailable"),
            _ => {}
        }
        let mut response = problem_response(&self.problem());
        if let AppError::TooManyRequests { retry_after_secs, .. } = &self
            && let Ok(value) = header::HeaderValue::from_str(&retry_after_secs.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        if let AppError::MethodNotAllowed { allow } = &self
            && let Ok(value) = header::HeaderValue::from_str(allow)
        {
            response.headers_mut().insert(header::ALLOW, value);
        }
        if let AppError::Busy = &self {
            response.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
        }
        response
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
        assert_eq!(p.code, ProblemCode::NotFound);
    }

    #[test]
    fn codes_are_snake_case_words_beside_the_status() {
        let form = AppError::field("phone", "Nomor HP wajib diisi.");
        let json = serde_json::to_value(form.problem()).unwrap();
        assert_eq!((json["status"].as_u64(), json["code"].as_str()), (Some(422), Some("validation")));
        let stale = AppError::StaleVersion("Berita ini sudah diubah.".into()).problem();
        assert_eq!((stale.status, serde_json::to_value(stale.code).unwrap()), (409, "stale_version".into()));
    }

    #[test]
    fn not_found_says_where_it_looked() {
        let p = AppError::not_found("Berita ini", Within::Village).problem();
        assert_eq!(p.detail, "Berita ini tidak ditemukan di desa ini.");
        assert_eq!(AppError::not_found("Konsultasi", Within::Anywhere).to_string(), "Konsultasi tidak ditemukan.");
    }
}
