//! Starts the Lapak Desa web app: replaces the boot skeleton in `#app` with the Yew app.

mod api;
mod app;
mod components;
mod filters;
mod hooks;
mod links;
mod pages;

fn main() {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    // The static skeleton from index.html: Yew renders into an empty root.
    root.set_inner_html("");
    yew::Renderer::<app::App>::with_root(root).render();
}
