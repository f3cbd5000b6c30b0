//! Public pages rendered on the server by the components the browser hydrates: the page's data is
//! read in-process, keyed by the API address the page would ask (its seeds), rendered into the shell
//! of its app and embedded once for the hydrating app.

use axum::{
    http::{StatusCode, Uri},
    response::Response,
};
use bytes::Bytes;
use frontend::seed::{Seed, SeedMap, state_script};
use frontend::ssr::PublicApp;
use serde::Serialize;

use super::pages::{App, Body, Head};
use super::{html_response, not_found_head};
use crate::{error::AppResult, state::AppState, villages::page_cache::Kind};

/// The answers a page is rendered from.
#[derive(Default)]
pub struct Seeds(SeedMap);

impl Seeds {
    /// What the API answers at `url`.
    pub fn answer<T: Serialize>(mut self, url: String, value: &T) -> Seeds {
        let seed = serde_json::to_value(value).map_or(Seed::Status(500), Seed::Ok);
        self.0.insert(url, seed);
        self
    }

    /// What the API answers at `url`: the value, or the status of the error.
    pub fn outcome<T: Serialize>(self, url: String, outcome: &AppResult<T>) -> Seeds {
        match outcome {
            Ok(value) => self.answer(url, value),
            Err(error) => self.status(url, error.status()),
        }
    }

    /// The API answers `status` (an error) at `url`.
    pub fn status(mut self, url: String, status: StatusCode) -> Seeds {
        self.0.insert(url, Seed::Status(status.as_u16()));
        self
    }
}

/// The whole page at `url` (path and query): `head`, and the content its app renders from `seeds`.
/// A render that fails (a panic in a component) leaves the app to render the page in the browser.
pub async fn rendered(state: &AppState, head: &Head, url: &str, seeds: Seeds) -> String {
    let body = body(state, head.app, url, seeds.0).await;
    state.shells.of(head.app).render(head, &state.config.public_url, body.as_ref())
}

/// The rendered page of the portal's side kept for `url` (path and query), or the generation to
/// render it under and keep it with [`kept_page`].
pub fn kept(state: &AppState, url: &str) -> Result<Response, u64> {
    match state.pages.get(Kind::Portal, url) {
        Some(html) => Ok(html_response(StatusCode::OK, html)),
        None => Err(state.pages.generation()),
    }
}

/// The page at `url` (a 200), kept in the page cache unless something changed since `generation`.
pub async fn kept_page(state: &AppState, head: &Head, url: &str, seeds: Seeds, generation: u64) -> Response {
    let failed = seeds.0.values().any(|seed| matches!(seed, Seed::Status(status) if *status >= 500));
    let html = Bytes::from(rendered(state, head, url, seeds).await);
    // A page rendered around a failure (a database error) is not kept.
    if !failed {
        state.pages.put(Kind::Portal, url, generation, html.clone());
    }
    html_response(StatusCode::OK, html)
}

/// The "not found" page of `app` at `url` (404), rendered from `seeds` (the API's 404 for what the page
/// asks), so it says what its page says of an unknown address.
pub async fn missing(state: &AppState, app: App, url: &str, seeds: Seeds) -> Response {
    let head = Head { app, ..not_found_head(state) };
    html_response(StatusCode::NOT_FOUND, rendered(state, &head, url, seeds).await)
}

/// The address of a request: its path and query.
pub fn address(uri: &Uri) -> String {
    uri.path_and_query().map_or_else(|| uri.path().to_owned(), |p| p.as_str().to_owned())
}

async fn body(state: &AppState, app: App, url: &str, seeds: SeedMap) -> Option<Body> {
    let public = match app {
        App::Portal => PublicApp::Portal,
        App::Browse => PublicApp::Browse,
        App::Workspace | App::Admin => return None,
    };
    let script = state_script(&seeds);
    let render = frontend::ssr::render(public, url.to_owned(), state.config.public_url.clone(), seeds);
    match tokio::spawn(render).await {
        Ok(html) => Some(Body { html, state: script }),
        Err(error) => {
            tracing::error!(%url, %error, "rendering the page on the server failed");
            None
        }
    }
}
