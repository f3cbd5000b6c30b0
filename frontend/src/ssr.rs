//! Rendering the public pages on the server with the components the browser runs and hydrates.

use yew::ServerRenderer;

use crate::root::{Origin, RootProps};
use crate::seed::{SeedMap, Seeds};

/// The public app that shows a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublicApp {
    /// The front door: home and village pages (`app::App`).
    Portal,
    /// The other public pages (`browse::Browse`).
    Browse,
}

/// The HTML inside `#app` for the page at `url` (path and query), rendered from `seeds` with share
/// links under `origin`; the browser's first render of the same page is the same.
pub async fn render(app: PublicApp, url: String, origin: String, seeds: SeedMap) -> String {
    let props = move || RootProps { url: Some(url.into()), seeds: Seeds::new(seeds), origin: Origin(origin.into()) };
    match app {
        PublicApp::Portal => ServerRenderer::<crate::app::App>::with_props(props).render().await,
        PublicApp::Browse => ServerRenderer::<crate::browse::Browse>::with_props(props).render().await,
    }
}
