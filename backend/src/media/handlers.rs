//! Serving stored media with long-lived caching.

use axum::{
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
};

use crate::{
    error::{AppError, AppResult, Within},
    state::AppState,
};

/// A stored file. Keys carry a content hash (or a random folder), so browsers and CDNs may keep them for a
/// year; payment receipts, whose random address only the order's two sides see, only browsers.
pub async fn media_file(State(state): State<AppState>, Path(key): Path<String>) -> AppResult<Response> {
    let content_type = content_type(&key).ok_or_else(|| AppError::not_found("Berkas", Within::Anywhere))?;
    if key.split('/').any(|part| part.is_empty() || part.starts_with('.')) {
        return Err(AppError::not_found("Berkas", Within::Anywhere));
    }
    let bytes = state.media.get(&key).await?.ok_or_else(|| AppError::not_found("Berkas", Within::Anywhere))?;
    // A receipt's address is only ever shown to the order's buyer and seller: no shared cache keeps it.
    let cache = if key.starts_with(crate::images::RECEIPTS) {
        "private, max-age=31536000, immutable"
    } else {
        "public, max-age=31536000, immutable"
    };
    Ok(([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, cache)], bytes).into_response())
}

fn content_type(key: &str) -> Option<&'static str> {
    match key.rsplit_once('.')?.1 {
        "jpg" | "jpeg" => Some("image/jpeg"),
        "png" => Some("image/png"),
        "webp" => Some("image/webp"),
        _ => None,
    }
}
