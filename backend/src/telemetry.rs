//! Structured logs: `RUST_LOG` filters; one line per request with its id, status and latency. The line
//! names the route, never what was in the address: no token, session id, order code or query value.

use axum::{extract::MatchedPath, http::Request};
use tower_http::{
    request_id::RequestId,
    trace::{DefaultOnResponse, TraceLayer},
};
use tracing::Level;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber (once; later calls do nothing).
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_target(false).with_ansi(ansi).compact().try_init();
}

/// The per-request log line: a span carrying the request id, method and route, closed by the response.
pub fn request_log<B>() -> TraceLayer<
    tower_http::classify::SharedClassifier<tower_http::classify::ServerErrorsAsFailures>,
    impl Fn(&Request<B>) -> tracing::Span + Clone,
    (),
    DefaultOnResponse,
> {
    TraceLayer::new_for_http()
        .make_span_with(|req: &Request<B>| {
            let id = req.extensions().get::<RequestId>().and_then(|id| id.header_value().to_str().ok()).unwrap_or("-");
            let path = logged_path(req.extensions().get::<MatchedPath>().map(MatchedPath::as_str), req.uri().path());
            tracing::info_span!("request", id = %id, method = %req.method(), path = %path)
        })
        .on_request(())
        .on_response(DefaultOnResponse::new().level(Level::INFO).latency_unit(tower_http::LatencyUnit::Micros))
}

/// What the log says of a request's address: the route's pattern (`/api/v1/orders/{code}`) when it has
/// no catch-all part, else the path with every segment that could be a secret replaced. The query is
/// never logged.
pub fn logged_path(route: Option<&str>, path: &str) -> String {
    match route {
        Some(route) if !route.contains("{*") => route.to_owned(),
        _ => path
            .split('/')
            .map(|segment| if is_plain(segment) { segment } else { "{redacted}" })
            .collect::<Vec<_>>()
            .join("/"),
    }
}

/// Whether a path segment is plainly not a secret: lower-case words, numbers, dots and hyphens (slugs,
/// page names, hashed asset names), with no run of letters and digits long enough to be a token or a
/// digest. Tokens are mixed-case base64 (43 characters); anything percent-encoded is redacted too.
fn is_plain(segment: &str) -> bool {
    const LONGEST_WORD: usize = 20;
    segment.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.' || b == b'_')
        && segment.split(['-', '.', '_']).all(|word| word.len() < LONGEST_WORD)
}

#[cfg(test)]
mod tests {
    use super::logged_path;

    #[test]
    fn routes_are_logged_by_pattern() {
        assert_eq!(logged_path(Some("/api/v1/orders/{code}"), "/api/v1/orders/LD-7Q2K9"), "/api/v1/orders/{code}");
    }

    #[test]
    fn catch_all_paths_lose_anything_secret_looking() {
        let token = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo";
        let logged = logged_path(Some("/api/{*rest}"), &format!("/api/v1/auth/reset/{token}"));
        assert_eq!(logged, "/api/v1/auth/reset/{redacted}");
        let digest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(logged_path(None, &format!("/x/{digest}")), "/x/{redacted}");
        assert_eq!(logged_path(None, "/akun/atur-sandi%23abc"), "/akun/{redacted}");
        assert_eq!(
            logged_path(None, "/desa/senggigi/berita/festival-budaya-2026"),
            "/desa/senggigi/berita/festival-budaya-2026"
        );
        assert_eq!(logged_path(None, "/frontend-3f2a9c1b.wasm"), "/frontend-3f2a9c1b.wasm");
    }
}
