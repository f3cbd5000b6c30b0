//! The server's part in making the site installable and readable offline: the service worker at `/sw.js`
//! (written by `cargo xtask dist`; browsers check it again on every visit, so a new version takes over
//! on the next one), and the rule the service worker follows to know which pages it may keep: a page of
//! one person's own is `no-store`, so neither the browser nor the service worker keeps it.

use axum::{
    Router,
    http::{HeaderValue, header},
    response::Response,
};
use tower_http::{services::ServeFile, set_header::SetResponseHeaderLayer};

use super::pages::Head;
use crate::state::AppState;

/// The cart's page: one person's own, but its HTML holds nothing of the person (the app reads the cart
/// from the browser), so it may be kept for reading the cart offline.
const CART: &str = "/keranjang";

/// `/sw.js`, never kept without asking the server again (browsers also check it on every visit).
pub fn router(state: &AppState) -> Router<AppState> {
    let worker = ServeFile::new(state.config.dist_dir.join("sw.js")).precompressed_br().precompressed_gzip();
    let revalidated = SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Router::new().route_service("/sw.js", tower::ServiceBuilder::new().layer(revalidated).service(worker))
}

/// Marks a page of one person's own (but the cart's shell) `no-store`: the browser and the service
/// worker keep only public pages.
pub fn never_keep_personal(head: &Head, res: &mut Response) {
    if head.private && head.path != CART {
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
}
