//! The browse app: the public pages beyond the portal's front door — the village directory, a village's
//! news, an enterprise's page, the village potential map, the consultation desk and the marketplace
//! (catalog, products, shops, the cart, checkout and order tracking) — as a bundle of its own, so the
//! first load of `/` stays small. It shares the portal's routes and header; the portal's own pages are
//! loaded from the server.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::Element;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{OtherApp, PublicHeader, Route};
use crate::cart_store::{CartProvider, CartSync};
use crate::components::layout::Frame;
use crate::pages::cart::CartPage;
use crate::pages::catalog::CatalogPage;
use crate::pages::checkout::CheckoutPage;
use crate::pages::consultation::DeskPage;
use crate::pages::directory::DirectoryPage;
use crate::pages::enterprise::EnterprisePage;
use crate::pages::news::{NewsArticlePage, NewsListPage};
use crate::pages::not_found::NotFoundPage;
use crate::pages::order::OrderPage;
use crate::pages::product::ProductPage;
use crate::pages::shop::ShopPage;
use crate::pages::village_inquiry::VillageInquiryPage;
use crate::pages::village_map::VillageMapPage;
use crate::root::{PageRouter, RootProps};

fn switch(route: Route) -> Html {
    match route {
        Route::Directory => html! { <DirectoryPage /> },
        Route::VillageNews { slug } => html! { <NewsListPage {slug} /> },
        Route::NewsArticle { slug, news } => html! { <NewsArticlePage {slug} {news} /> },
        Route::Enterprise { slug } => html! { <EnterprisePage {slug} /> },
        Route::VillageMap => html! { <VillageMapPage /> },
        Route::VillageInquiry { slug } => html! { <VillageInquiryPage {slug} /> },
        Route::Catalog => html! { <CatalogPage /> },
        Route::Product { segment } => html! { <ProductPage {segment} /> },
        Route::Shop { slug } => html! { <ShopPage {slug} /> },
        Route::Cart => html! { <CartPage /> },
        Route::Checkout => html! { <CheckoutPage /> },
        Route::Order { code } => html! { <OrderPage {code} /> },
        Route::Desk => html! { <DeskPage /> },
        Route::NotFound => html! { <NotFoundPage /> },
        _ => html! { <OtherApp /> },
    }
}

#[component]
pub fn Browse(root: &RootProps) -> Html {
    html! {
        <PageRouter root={root.clone()}>
            <CartProvider>
                <Frame header={html! { <PublicHeader /> }}><CartSync /><Switch<Route> render={switch} /></Frame>
            </CartProvider>
            <InAppLinks />
        </PageRouter>
    }
}

/// Follows plain links to other pages of this app (product cards, a product's shop) without loading
/// the app again: on a slow phone, moving between the catalog, products and shops stays quick.
#[component]
fn InAppLinks() -> Html {
    let navigator = use_navigator();
    use_effect_with((), move |()| {
        let document = web_sys::window().and_then(|w| w.document());
        let listener = navigator
            .map(|navigator| Closure::<dyn Fn(MouseEvent)>::new(move |event: MouseEvent| follow(&navigator, &event)));
        if let (Some(document), Some(listener)) = (&document, &listener) {
            let _ = document.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
        }
        move || {
            if let (Some(document), Some(listener)) = (document, listener) {
                let _ = document.remove_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
            }
        }
    });
    Html::default()
}

/// Navigates within the app when `event` is a plain click on a link to one of its pages.
fn follow(navigator: &Navigator, event: &MouseEvent) {
    let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
    if event.default_prevented() || event.button() != 0 || modified {
        return;
    }
    let link =
        event.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|e| e.closest("a[href]").ok().flatten());
    let Some(link) = link.filter(|a| !a.has_attribute("target") && !a.has_attribute("download")) else {
        return;
    };
    let Some(href) =
        link.get_attribute("href").filter(|h| h.starts_with('/') && !h.starts_with("//") && !h.contains('#'))
    else {
        return;
    };
    let (path, query) = href.split_once('?').unwrap_or((&href, ""));
    let Some(route) = Route::recognize(path).filter(|r| r.is_browse()) else {
        return;
    };
    event.prevent_default();
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    let _ = navigator.push_with_query(&route, &pairs);
}
