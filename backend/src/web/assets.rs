//! The built frontend's files: precompressed, hashed names cached for a year, everything else revalidated.

use axum::{
    extract::Request,
    http::{HeaderValue, header},
    middleware::{self, Next},
    response::Response,
};
use tower_http::services::ServeDir;

use crate::state::AppState;

/// Serves `dist/`; a path that is not a file gets the app's "not found" page.
pub fn service(
    state: &AppState,
) -> impl tower::Service<Request, Response = Response, Error = std::convert::Infallible, Future: Send>
+ Clone
+ Send
+ Sync
+ 'static {
    let missing = state.clone();
    let files = ServeDir::new(&state.config.dist_dir).precompressed_br().precompressed_gzip().fallback(
        tower::service_fn(move |_req: Request| {
            let state = missing.clone();
            async move { Ok::<_, std::convert::Infallible>(super::not_found(&state)) }
        }),
    );
    let hidden = state.clone();
    tower::ServiceBuilder::new()
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            let state = hidden.clone();
            async move {
                // Dotfiles (the build stamp, editor leftovers) are not part of the site.
                if req.uri().path().split('/').any(|part| part.starts_with('.')) {
                    return super::not_found(&state);
                }
                next.run(req).await
            }
        }))
        .layer(middleware::from_fn(cache_control))
        .service(files)
}

async fn cache_control(req: Request, next: Next) -> Response {
    let immutable = is_hashed(req.uri().path());
    let mut res = next.run(req).await;
    if res.status().is_success() && !res.headers().contains_key(header::CACHE_CONTROL) {
        let value = if immutable { "public, max-age=31536000, immutable" } else { "public, max-age=3600" };
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    res
}

/// `frontend-3fa9c0d1e2.js`: a name that changes whenever the content does.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default();
    stem.rsplit_once('-').is_some_and(|(_, hash)| hash.len() >= 8 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn recognises_hashed_names() {
        assert!(super::is_hashed("/frontend-3fa9c0d1e2.js"));
        assert!(super::is_hashed("/frontend_bg-3fa9c0d1e2.wasm"));
        assert!(!super::is_hashed("/favicon.svg"));
        assert!(!super::is_hashed("/buwun-sejati"));
    }
}
