//! The body of every API error: an RFC 9457 problem document, with per-field messages for forms.

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
    /// For a form that was refused: what is wrong with each field (empty otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
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
