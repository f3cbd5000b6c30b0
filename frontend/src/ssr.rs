//! Rendering the public pages on the server with the components the browser runs and hydrates.

use shared::routes::App;
use yew::ServerRenderer;

use crate::root::{Origin, RootProps};
use crate::seed::{SeedMap, Seeds};

/// The HTML inside `#app` for the page at `url` (path and query) of `app`, rendered from `seeds` with
/// share links under `origin`; the browser's first render of the same page is the same. `None` for an
/// app whose pages are never rendered on the server.
pub async fn render(app: App, url: String, origin: String, seeds: SeedMap) -> Option<String> {
    let props = move || RootProps { url: Some(url.into()), seeds: Seeds::new(seeds), origin: Origin(origin.into()) };
    Some(match app {
        App::Portal => ServerRenderer::<crate::app::App>::with_props(props).render().await,
        App::Browse => ServerRenderer::<crate::browse::Browse>::with_props(props).render().await,
        App::Market => ServerRenderer::<crate::market::Market>::with_props(props).render().await,
        App::Purchase | App::Workspace | App::Admin => return None,
    })
}
