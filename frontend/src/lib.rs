//! The Lapak Desa web apps, compiled to WebAssembly: the public portal (`frontend`: home, directory,
//! village pages), the other public pages (`browse`: catalog, shops, a village's news, enterprise pages,
//! cart), the workspace (`workspace`: accounts, selling, the consultation desk) and the admin area
//! (`admin`), four bundles so that each carries only its own pages.

pub mod admin_area;
pub mod api;
pub mod app;
pub mod browse;
mod cart_store;
pub mod catalog_query;
mod components;
pub mod filters;
mod hooks;
mod links;
mod offline;
pub mod pages;
pub mod root;
mod routing;
pub mod seed;
mod session;
#[cfg(feature = "ssr")]
pub mod ssr;
mod upload;
mod when;
pub mod workspace;

/// The page's `#app` element.
fn app_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("app")
}

/// Replaces the boot skeleton in `#app` with the app `A`.
pub fn start<A: yew::BaseComponent<Properties = ()>>() {
    let Some(root) = app_element() else {
        return;
    };
    // The static skeleton from the HTML: Yew renders into an empty root.
    root.set_inner_html("");
    yew::Renderer::<A>::with_root(root).render();
}

/// Starts the public app `A`: hydrates the page the server rendered (from its seeds), or renders
/// into the boot skeleton of a page it did not render.
pub fn start_public<A: yew::BaseComponent<Properties = root::RootProps>>() {
    app::remember_load();
    let Some(element) = app_element() else {
        return;
    };
    let origin = root::Origin::of_browser();
    #[cfg(feature = "hydration")]
    if let Some(seeds) = seed::Seeds::from_document() {
        let props = root::RootProps { url: None, seeds, origin };
        yew::Renderer::<A>::with_root_and_props(element, props).hydrate();
        return;
    }
    element.set_inner_html("");
    yew::Renderer::<A>::with_root_and_props(element, root::RootProps { origin, ..Default::default() }).render();
}
