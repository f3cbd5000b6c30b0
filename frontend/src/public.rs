//! What every public bundle (portal, browse, market, purchase) is made of: the router on the page's
//! address and seeds, the cart, the public header and footer, the bundle's own pages, and plain links
//! to those pages followed without loading the bundle again.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::Element;
use yew::prelude::*;
use yew_router::prelude::*;

use shared::Lang;
use shared::routes::App;

use crate::app::{PublicHeader, Route};
use crate::cart_store::CartProvider;
use crate::components::layout::Frame;
use crate::root::{PageRouter, RootProps, use_lang};

#[derive(Properties, PartialEq)]
pub struct PublicSiteProps {
    pub root: RootProps,
    /// The bundle's app: links to its pages stay in it.
    pub app: App,
    /// The bundle's pages (others: `app::OtherApp`).
    pub pages: Callback<Route, Html>,
    /// What the pages, header included, stand in: `with_cart` for the bundles whose pages buy.
    #[prop_or_default]
    pub within: Option<Callback<Html, Html>>,
}

/// A public bundle's whole page.
#[component]
pub fn PublicSite(props: &PublicSiteProps) -> Html {
    let frame = html! {
        <Frame header={html! { <PublicHeader /> }}>
            <Switch<Route> render={props.pages.clone()} />
        </Frame>
    };
    html! {
        <PageRouter root={props.root.clone()}>
            { match &props.within { Some(within) => within.emit(frame), None => frame } }
            <InAppLinks app={props.app} />
        </PageRouter>
    }
}

/// The pages with the page's cart (which the header's cart island keeps in step with the session).
pub fn with_cart(pages: Html) -> Html {
    html! { <CartProvider>{ pages }</CartProvider> }
}

#[derive(Properties, PartialEq)]
struct InAppLinksProps {
    app: App,
}

/// Follows plain links to other pages of this app (product cards, a product's shop) without loading
/// the app again: on a slow phone, moving between the catalog, products and shops stays quick.
#[component]
fn InAppLinks(props: &InAppLinksProps) -> Html {
    let navigator = use_navigator();
    let lang = use_lang();
    let app = props.app;
    use_effect_with((app, lang), move |&(app, lang)| {
        let document = web_sys::window().and_then(|w| w.document());
        let listener = navigator.map(|navigator| {
            Closure::<dyn Fn(MouseEvent)>::new(move |event: MouseEvent| follow(app, lang, &navigator, &event))
        });
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

/// Navigates within `app` when `event` is a plain click on a link to one of its pages in `lang` (a link to
/// the other language loads the page).
fn follow(app: App, lang: Lang, navigator: &Navigator, event: &MouseEvent) {
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
    let (link_lang, path) = Lang::of_path(path);
    if link_lang != lang {
        return;
    }
    let Some(route) = Route::recognize(path).filter(|r| r.app() == Some(app)) else {
        return;
    };
    event.prevent_default();
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    let _ = navigator.push_with_query(&route, &pairs);
}
