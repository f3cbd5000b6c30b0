//! Extractors whose rejections are problem documents like every other API error.

use axum::{
    extract::{FromRequest, FromRequestParts, Request, rejection::JsonRejection},
    http::request::Parts,
};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;
use shared::{FieldError, Form, Valid};

use crate::error::AppError;

/// What serde says about a body, said in Indonesian: `shops[0].delivery: nilai "terbang" tidak dikenal
/// (pilihan: ambil, antar, kurir, ongkir_nanti)`.
fn in_indonesian(text: &str) -> String {
    let text = text
        .trim_start_matches("Failed to deserialize the JSON body into the target type: ")
        .trim_start_matches("Failed to parse the request body as JSON: ");
    let text = text.split(" at line ").next().unwrap_or(text);
    let (path, message) = match text.split_once(": ") {
        Some((path, message)) if !path.contains(' ') => (format!("{path}: "), message),
        _ => (String::new(), text),
    };
    let quoted = |m: &str| m.split('`').nth(1).unwrap_or_default().to_owned();
    let said = if let Some(rest) = message.strip_prefix("unknown variant ") {
        let choices = rest.split("expected one of ").nth(1).unwrap_or_default().replace('`', "");
        format!("nilai \"{}\" tidak dikenal (pilihan: {choices})", quoted(rest))
    } else if message.starts_with("missing field ") {
        format!("kolom \"{}\" wajib ada", quoted(message))
    } else if message.starts_with("unknown field ") {
        format!("kolom \"{}\" tidak dikenal", quoted(message))
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        let expected = message.split("expected ").nth(1).unwrap_or_default();
        format!("jenis isian salah (seharusnya {})", expected.replace("a string", "teks").replace("i64", "angka bulat"))
    } else if message.contains("EOF") || message.starts_with("expected") || message.contains("key must be") {
        "JSON rusak atau terpotong".to_owned()
    } else {
        message.to_owned()
    };
    format!("{path}{said}.")
}

/// Query parameters; a malformed query answers 400 with a problem document.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::try_from_uri(&parts.uri)
            .map(|q| ApiQuery(q.0))
            .map_err(|e| AppError::BadRequest(format!("Parameter tidak sah: {}", e.body_text())))
    }
}

/// The language of the page a request comes from, to say refusals in: the first of its `Accept-Language`
/// (the app's pages send theirs with every change they ask for); Indonesian without one.
pub struct PageLang(pub shared::Lang);

impl<S: Send + Sync> FromRequestParts<S> for PageLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let header = parts.headers.get(axum::http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
        Ok(PageLang(shared::Lang::of_accept_language(header)))
    }
}

/// A JSON body; malformed or oversized bodies answer with a problem document, and text holding control
/// characters (NUL anywhere; line breaks and tabs outside multi-line fields) answers 422 naming the field.
/// Only the fields the type reads are checked: unknown fields are ignored, as serde ignores them.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned + Serialize, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let value = match axum::Json::<Value>::from_request(req, state).await {
            Ok(axum::Json(value)) => value,
            Err(JsonRejection::BytesRejection(r)) if r.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(AppError::PayloadTooLarge);
            }
            Err(JsonRejection::MissingJsonContentType(_)) => {
                return Err(AppError::UnsupportedMedia(
                    "Kirim data sebagai JSON (Content-Type: application/json).".into(),
                ));
            }
            Err(e) => return Err(AppError::BadRequest(format!("Data tidak sah: {}", in_indonesian(&e.body_text())))),
        };
        let parsed = serde_path_to_error::deserialize(&value).map_err(|e| {
            let path = e.path().to_string();
            let text = if path == "." { e.inner().to_string() } else { format!("{path}: {}", e.inner()) };
            AppError::BadRequest(format!("Data tidak sah: {}", in_indonesian(&text)))
        })?;
        // The text as read, without the fields serde ignored: what the handler will see and store.
        let read = serde_json::to_value(&parsed).unwrap_or(value);
        let mut errors = Vec::new();
        control_characters(&read, "", None, &mut errors);
        AppError::check(errors)?;
        Ok(ApiJson(parsed))
    }
}

/// A JSON body read as [`ApiJson`] reads it, then parsed into a [`Valid`] form: a form with wrong fields
/// answers 422 listing them, before the handler runs. Extractors run in the order of the handler's
/// arguments, the body last: the guards before it (who may send this) answer first. A handler that must do
/// something before the form is checked (count an attempt, know the date) takes [`ApiJson`] and calls
/// `parse_in` itself.
pub struct ValidJson<T: Form>(pub Valid<T>);

impl<T, S> FromRequest<S> for ValidJson<T>
where
    T: Form<Context = ()> + DeserializeOwned + Serialize,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let ApiJson(form) = ApiJson::<T>::from_request(req, state).await?;
        Ok(ValidJson(form.parse()?))
    }
}

/// Every text (and key) in `value` holding characters it may not, as field errors named by their path
/// (`shops[0].note`); `name` is the key the value sits under, which says whether it may span lines.
fn control_characters(value: &Value, path: &str, name: Option<&str>, errors: &mut Vec<FieldError>) {
    match value {
        Value::String(text) => {
            let multi_line = name.is_some_and(shared::text::is_multi_line);
            if let Some(message) = shared::text::control_character_error(text, multi_line) {
                errors.push(FieldError::new(path, message));
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                control_characters(item, &format!("{path}[{i}]"), name, errors);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                let field = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                if let Some(message) = shared::text::control_character_error(key, false) {
                    errors.push(FieldError::new(&field, message));
                } else {
                    control_characters(item, &field, Some(key), errors);
                }
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::in_indonesian;

    #[test]
    fn serde_messages_read_in_indonesian() {
        let unknown = "Failed to deserialize the JSON body into the target type: shops[0].delivery: unknown variant \
                       `terbang`, expected one of `ambil`, `antar` at line 1 column 80";
        assert_eq!(
            in_indonesian(unknown),
            "shops[0].delivery: nilai \"terbang\" tidak dikenal (pilihan: ambil, antar)."
        );
        let missing =
            "Failed to deserialize the JSON body into the target type: missing field `shops` at line 1 column 2";
        assert_eq!(in_indonesian(missing), "kolom \"shops\" wajib ada.");
        let wrong = "Failed to deserialize the JSON body into the target type: shops[0].lines[0].quantity: invalid type: \
                     string \"dua\", expected i64 at line 1 column 9";
        assert_eq!(in_indonesian(wrong), "shops[0].lines[0].quantity: jenis isian salah (seharusnya angka bulat).");
        let broken = "Failed to parse the request body as JSON: EOF while parsing an object at line 1 column 10";
        assert_eq!(in_indonesian(broken), "JSON rusak atau terpotong.");
    }
}
