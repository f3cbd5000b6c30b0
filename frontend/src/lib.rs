//! The Lapak Desa web apps, compiled to WebAssembly, one bundle per family of pages so that each carries
//! only its own (`shared::routes::App`): the portal (`frontend`: home, a village), the rest of the
//! village side (`browse`), the marketplace (`market`: catalog, products, shops, cart), buying
//! (`purchase`: checkout, order tracking), the workspace (accounts, selling, the desk) and the admin area.

// Without the client apps (the backend's build) a few helpers they share with the public apps go unused.
#![cfg_attr(not(feature = "client-apps"), allow(dead_code))]

#[cfg(feature = "client-apps")]
pub mod admin_area;
pub mod api;
pub mod app;
pub mod browse;
mod cart_store;
pub mod catalog_query;
mod components;
/// The page number a paged list reads from its address (`?page=N`); the server reads it the same way.
pub use components::pagination::page_number;
mod dates;
pub mod directory_query;
mod hooks;
pub mod islands;
pub mod lang_text;
mod links;
pub mod market;
mod offline;
mod page_state;
pub mod pages;
mod public;
#[cfg(feature = "client-apps")]
pub mod purchase;
#[cfg(feature = "client-apps")]
mod push;
pub mod root;
mod routing;
pub mod seed;
mod session;
#[cfg(feature = "ssr")]
pub mod ssr;
#[cfg(feature = "client-apps")]
mod upload;
#[cfg(feature = "client-apps")]
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
