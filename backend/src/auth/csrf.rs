//! Cross-site request forgery protection: a state-changing API request must carry the custom header
//! the app's own client sends. A cross-site form cannot add headers, and a cross-site script that
//! tries needs a CORS preflight this server never grants.

use axum::{
    extract::Request,
    http::{HeaderName, Method},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::error::AppError;

/// The header, and the value the frontend sends.
pub const HEADER: HeaderName = HeaderName::from_static("x-lapak-csrf");
pub const VALUE: &str = "1";

/// Refuses POST/PUT/PATCH/DELETE under `/api/` without the header, or sent from another site.
pub async fn guard(req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || !req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let has_header = req.headers().get(&HEADER).is_some_and(|v| v.as_bytes() == VALUE.as_bytes());
    let cross_site = req.headers().get("sec-fetch-site").is_some_and(|v| v.as_bytes() == b"cross-site");
    if !has_header || cross_site {
        return AppError::CsrfMissing.into_response();
    }
    next.run(req).await
}
