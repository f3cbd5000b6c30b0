//! The middleware every response passes through: request ids and logs, limits, security headers,
//! and problem documents for every API error, even those raised outside handlers.

use std::{any::Any, sync::Arc};

use axum::{
    Router,
    body::Body,
    extract::{Request, State},
    http::{HeaderName, HeaderValue, Response, StatusCode, header},
    middleware::{self, Next},
    response::IntoResponse,
};
use shared::ProblemCode;
use tower_http::{
    CompressionLevel,
    catch_panic::CatchPanicLayer,
    compression::CompressionLayer,
    limit::RequestBodyLimitLayer,
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer},
    set_header::SetResponseHeaderLayer,
    timeout::TimeoutLayer,
};

use crate::{config::Config, error::problem_response, openapi::DocumentedMethods, telemetry};

/// What pages may load: only this site's own files, the WASM it compiles, inline `data:` images, and
/// the village map's tiles from their one server (`LAPAK_MAP_TILES`).
pub fn content_security_policy(config: &Config) -> String {
    let tiles = config.map_tiles.as_deref().and_then(crate::village_map::tiles::origin);
    policy(&tiles.map(|origin| format!(" {origin}")).unwrap_or_default())
}

fn policy(tiles: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:{tiles}; \
         connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; \
         form-action 'self'"
    )
}

/// The policy without map tiles, for a tile origin that is not header-safe after all.
#[allow(clippy::expect_used, reason = "the policy without tiles is a constant text of header-safe characters")]
fn plain_policy() -> HeaderValue {
    HeaderValue::from_str(&policy("")).expect("a plain policy")
}

pub fn apply(router: Router, config: &Config, methods: Arc<DocumentedMethods>) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let header =
        |name, value: &'static str| SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value));
    // The tile origin was checked when the configuration was read: only header-safe characters.
    let csp = HeaderValue::from_str(&content_security_policy(config)).unwrap_or_else(|_| plain_policy());
    // Each layer wraps the ones before it: the last is the first a request meets.
    router
        // JSON bodies are held to `body_limit_bytes` by the extractors; only uploads may be larger.
        .layer(axum::extract::DefaultBodyLimit::max(config.body_limit_bytes))
        .layer(RequestBodyLimitLayer::new(config.body_limit_bytes.max(config.upload_limit_bytes)))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, config.request_timeout))
        .layer(middleware::from_fn(crate::auth::csrf::guard))
        .layer(middleware::from_fn(control_characters_refused))
        // Before the guards: a method the document does not list on its path is a 405, not a 403.
        .layer(middleware::from_fn_with_state(methods, crate::openapi::refuse_undocumented))
        .layer(middleware::from_fn_with_state(crate::auth::session::cookie_name(config), personal_never_stored))
        .layer(middleware::from_fn(api_errors_as_problems))
        .layer(CatchPanicLayer::custom(panic_response))
        // Pages and API answers compressed for slow connections (brotli or gzip, at a level cheap enough to
        // do per answer); the built files are precompressed and passed through.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(header(header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(SetResponseHeaderLayer::if_not_present(header::CONTENT_SECURITY_POLICY, csp))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(telemetry::request_log())
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
}

/// API answers about a person (their account, the admin area), and every API answer to someone signed
/// in, are never kept by browsers, proxies or the service worker (which keeps public answers for reading
/// pages offline): nothing of theirs stays on the phone for the next person.
async fn personal_never_stored(
    State(session_cookie): State<&'static str>,
    req: Request,
    next: Next,
) -> axum::response::Response {
    const PERSONAL: [&str; 4] = ["/api/v1/me", "/api/v1/auth/", "/api/v1/admin/", "/api/v1/shops"];
    let path = req.uri().path();
    let personal = PERSONAL.iter().any(|p| path.starts_with(p))
        || (path.starts_with("/api/") && crate::auth::session::token_cookie(req.headers(), session_cookie).is_some());
    let mut res = next.run(req).await;
    if personal {
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// A NUL or another control character in the address (a path segment on every route, a query parameter
/// of the API, once decoded) answers 400 before any handler or database sees it. A page's query is read
/// by the app in the browser, which treats it as data (e.g. `?lanjut=/%09/…` after signing in leads to
/// the account page): the page still opens.
async fn control_characters_refused(req: Request, next: Next) -> axum::response::Response {
    let refused = |text: &str| shared::text::control_character_error(text, false).is_some();
    let uri = req.uri();
    let in_path = refused(&percent_encoding::percent_decode_str(uri.path()).decode_utf8_lossy());
    let in_query = uri.path().starts_with("/api/")
        && uri.query().is_some_and(|query| {
            form_urlencoded::parse(query.as_bytes()).any(|(key, value)| refused(&key) || refused(&value))
        });
    if in_path || in_query {
        let detail =
            "Alamat atau parameternya memuat karakter kendali (mis. NUL atau baris baru) yang tidak diizinkan.";
        return crate::error::AppError::BadRequest(detail.into()).into_response();
    }
    next.run(req).await
}

fn panic_response(_: Box<dyn Any + Send + 'static>) -> Response<Body> {
    tracing::error!("handler panicked");
    crate::error::AppError::Internal(anyhow::anyhow!("panic")).into_response()
}

/// Errors produced by routing and limits (405, 413, 503 on timeout…) come as plain text; under `/api/`
/// they become problem documents like the handlers' own.
async fn api_errors_as_problems(req: Request, next: Next) -> axum::response::Response {
    let is_api = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    let status = res.status();
    let is_problem =
        res.headers().get(header::CONTENT_TYPE).is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if !is_api || is_problem || !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let (code, detail) = match status {
        StatusCode::METHOD_NOT_ALLOWED => {
            (ProblemCode::MethodNotAllowed, "Metode HTTP ini tidak didukung di alamat ini.")
        }
        StatusCode::PAYLOAD_TOO_LARGE => (ProblemCode::PayloadTooLarge, "Data yang dikirim terlalu besar."),
        StatusCode::SERVICE_UNAVAILABLE => {
            (ProblemCode::Timeout, "Permintaan terlalu lama diproses. Coba lagi sebentar lagi.")
        }
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            (ProblemCode::UnsupportedMediaType, "Kirim data sebagai JSON (Content-Type: application/json).")
        }
        _ if status.is_server_error() => {
            (ProblemCode::Internal, "Terjadi kesalahan di server. Coba lagi sebentar lagi.")
        }
        _ => (ProblemCode::BadRequest, "Permintaan tidak dapat diproses."),
    };
    let mut problem = problem_response(&shared::Problem {
        status: status.as_u16(),
        code,
        title: status.canonical_reason().unwrap_or("Error").to_owned(),
        detail: detail.to_owned(),
        fields: Vec::new(),
    });
    if let Some(allow) = res.headers().get(header::ALLOW) {
        problem.headers_mut().insert(header::ALLOW, allow.clone());
    }
    problem
}
