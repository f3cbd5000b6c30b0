//! The Lapak Desa web apps, compiled to WebAssembly: the public portal (`frontend`: home, directory,
//! village pages), the other public pages (`browse`: catalog, shops, a village's news, enterprise pages,
//! cart), the workspace (`workspace`: accounts, selling, the consultation desk) and the admin area
//! (`admin`), four bundles so that each carries only its own pages.

pub mod admin_area;
mod api;
pub mod app;
pub mod browse;
mod cart_store;
mod catalog_query;
mod components;
mod filters;
mod hooks;
mod links;
mod offline;
mod pages;
mod session;
mod upload;
mod when;
pub mod workspace;

/// Replaces the boot skeleton in `#app` with the app `A`.
pub fn start<A: yew::BaseComponent<Properties = ()>>() {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    // The static skeleton from the HTML: Yew renders into an empty root.
    root.set_inner_html("");
    yew::Renderer::<A>::with_root(root).render();
}
