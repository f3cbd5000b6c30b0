//! The body of every API error: an RFC 9457 problem document, with per-field messages for forms.

use serde::{Deserialize, Serialize};

/// `application/problem+json`: what went wrong, for people and programs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// The HTTP status code.
    pub status: u16,
    /// What kind of problem this is, for programs to branch on: stable, while `detail` may be reworded.
    pub code: ProblemCode,
    /// A short summary that is the same for every problem of this kind.
    pub title: String,
    /// What happened this time, in words a person understands.
    pub detail: String,
    /// For a form that was refused: what is wrong with each field (empty otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// The kind of a problem, stable for programs (`detail` is for people). Most say which error it is; a few
/// name a refusal a client handles on its own (`stale_version`, `stock_short`, `csrf_missing`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// 400: the address, a parameter or the body cannot be read.
    BadRequest,
    /// 401: nobody is signed in, or the session has ended.
    Unauthenticated,
    /// 401: a sign-in whose login or password does not match (never saying which).
    WrongCredentials,
    /// 403: signed in, but this is not theirs to see or change.
    Forbidden,
    /// 403: a state-changing request without the app's `X-Lapak-Csrf` header, or sent from another site.
    CsrfMissing,
    /// 404: nothing exists at this address.
    NotFound,
    /// 405: the address exists, but not for this method (`Allow` lists those it takes).
    MethodNotAllowed,
    /// 409: the request clashes with what is there (already exists, already decided, moved on).
    Conflict,
    /// 409: someone saved the record after it was loaded; reload it, then save again.
    StaleVersion,
    /// 409: too few of a product are left for the order.
    StockShort,
    /// 413: the body is too large.
    PayloadTooLarge,
    /// 415: the body is of a kind this address does not take.
    UnsupportedMediaType,
    /// 422: a form with fields that are wrong, each listed in `fields`.
    Validation,
    /// 429: too many attempts (`Retry-After` says when to try again).
    RateLimited,
    /// 500: a failure on the server.
    Internal,
    /// 503: the database cannot be reached right now.
    Unavailable,
    /// 503: the database was busy with other work: the same request can simply be sent again.
    Busy,
    /// 503: the request took too long.
    Timeout,
}

impl ProblemCode {
    pub const ALL: &'static [ProblemCode] = &[
        ProblemCode::BadRequest,
        ProblemCode::Unauthenticated,
        ProblemCode::WrongCredentials,
        ProblemCode::Forbidden,
        ProblemCode::CsrfMissing,
        ProblemCode::NotFound,
        ProblemCode::MethodNotAllowed,
        ProblemCode::Conflict,
        ProblemCode::StaleVersion,
        ProblemCode::StockShort,
        ProblemCode::PayloadTooLarge,
        ProblemCode::UnsupportedMediaType,
        ProblemCode::Validation,
        ProblemCode::RateLimited,
        ProblemCode::Internal,
        ProblemCode::Unavailable,
        ProblemCode::Busy,
        ProblemCode::Timeout,
    ];
}

/// One field of a form and what is wrong with it, in Indonesian.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's name as in the request body, e.g. `phone`.
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> FieldError {
        FieldError { field: field.to_owned(), message: message.into() }
    }
}

/// The message for `field` among `errors`, if it has one.
pub fn message_for<'a>(errors: &'a [FieldError], field: &str) -> Option<&'a str> {
    errors.iter().find(|e| e.field == field).map(|e| e.message.as_str())
}
