//! Public pages rendered on the server by the components the browser hydrates: the page's data is
//! read in-process, keyed by the API address the page would ask (its seeds), rendered into the shell
//! of its app and embedded once for the hydrating app.

use axum::http::StatusCode;
use frontend::seed::{Seed, SeedMap, state_script};
use frontend::ssr::PublicApp;
use serde::Serialize;

use super::pages::{App, Body, Head};
use crate::state::AppState;

/// The answers a page is rendered from.
#[derive(Default)]
pub struct Seeds(SeedMap);

impl Seeds {
    /// What the API answers at `url`.
    pub fn answer<T: Serialize>(mut self, url: String, value: &T) -> Seeds {
        let seed = serde_json::to_value(value).map_or_else(|e| problem(StatusCode::INTERNAL_SERVER_ERROR, e), Seed::Ok);
        self.0.insert(url, seed);
        self
    }

    /// The API answers `status` (an error) at `url`, saying `detail`.
    pub fn problem(mut self, url: String, status: StatusCode, detail: impl ToString) -> Seeds {
        self.0.insert(url, problem(status, detail));
        self
    }
}

fn problem(status: StatusCode, detail: impl ToString) -> Seed {
    Seed::Problem { status: status.as_u16(), detail: detail.to_string() }
}

/// The whole page at `url` (path and query): `head`, and the content its app renders from `seeds`.
/// A render that fails (a panic in a component) leaves the app to render the page in the browser.
pub async fn rendered(state: &AppState, head: &Head, url: &str, seeds: Seeds) -> String {
    let body = body(state, head.app, url, seeds.0).await;
    state.shells.of(head.app).render(head, &state.config.public_url, body.as_ref())
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
