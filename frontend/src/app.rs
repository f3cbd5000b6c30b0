//! The public site's routes (every public bundle's), its header, and the portal: the front door's
//! bundle (the home page and a village's page).

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::layout::{Header, NavItem, Target};
use crate::islands::{Island, IslandHost};
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::village::VillagePage;
use crate::public::PublicSite;
use crate::root::RootProps;
use crate::root::use_lang;
use crate::routing::app_routes;
use shared::Lang;
use shared::texts::site as t;

app_routes! { shared::routes::App::is_public, not_found NotFound = "/404";
    Home = Home,
    Directory = Directory,
    Village { slug: String } = Village,
    VillageNews { slug: String } = VillageNews,
    NewsArticle { slug: String, news: String } = NewsArticle,
    /// The village potential map.
    VillageMap = VillageMap,
    /// A bulk or export inquiry about the village's flagship product.
    VillageInquiry { slug: String } = VillageInquiry,
    Enterprise { slug: String } = Enterprise,
    Catalog = Catalog,
    /// `/produk/{id}-{slug}`: only the id counts.
    Product { segment: String } = Product,
    /// Every visible review of a product, page by page (`?page=2`).
    ProductReviews { segment: String } = ProductReviews,
    Shop { slug: String } = Shop,
    Cart = Cart,
    Checkout = Checkout,
    /// An order's tracking page, for its buyer.
    Order { code: String } = Order,
    /// The consultation desk with its published FAQ.
    Desk = Desk,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Village { slug } => html! { <VillagePage {slug} /> },
        Route::NotFound => html! { <NotFoundPage /> },
        _ => html! { <OtherApp /> },
    }
}

thread_local! {
    /// The address this document was loaded at.
    static LOADED_AT: String = current_address();
}

fn current_address() -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) {
        return href;
    }
    String::new()
}

/// Notes the address the document was loaded at; each app calls it when it starts.
pub fn remember_load() {
    LOADED_AT.with(|_| ());
}

/// A page of the other public app, reached without a page load: load it from the server, which
/// serves that app. (Links between the two apps are plain links, so this is only a safety net.) When the
/// server sent this app for the very address, it has no such page (an unknown product, say): not found.
#[component]
pub fn OtherApp() -> Html {
    let loaded_here = LOADED_AT.with(|at| *at == current_address());
    use_effect_with((), move |()| {
        if let (false, Some(window)) = (loaded_here, web_sys::window()) {
            let _ = window.location().reload();
        }
    });
    if loaded_here {
        html! { <NotFoundPage /> }
    } else {
        Html::default()
    }
}

/// The whole portal.
#[component]
pub fn App(root: &RootProps) -> Html {
    html! { <PublicSite root={root.clone()} app={shared::routes::App::Portal} pages={switch} /> }
}

/// The header of the public pages, in every public app: a link to a page of the same app stays in it,
/// one to another app loads that app.
#[component]
pub fn PublicHeader() -> Html {
    let route = use_route::<Route>();
    let here = route.as_ref().and_then(Route::app);
    let buying = route.as_ref().is_some_and(|r| matches!(r, Route::Cart | Route::Checkout | Route::Order { .. }));
    let on_market = !buying && here == Some(shared::routes::App::Market);
    let on_villages = !buying
        && !on_market
        && route.as_ref().is_some_and(|r| !matches!(r, Route::Home | Route::Desk | Route::NotFound));
    let lang = use_lang();
    let target = |to: Route, path: &str| {
        if to.app() == here { Target::Here(to) } else { Target::Away(lang.path(path).into()) }
    };
    let items = vec![
        NavItem::new(t::home(lang), target(Route::Home, "/"), route == Some(Route::Home)),
        NavItem::new(t::villages(lang), target(Route::Directory, "/desa"), on_villages),
        NavItem::new(t::products(lang), target(Route::Catalog, "/produk"), on_market),
    ];
    let extra = html! { <><LanguageSwitch /><IslandHost island={Island::Cart} /></> };
    html! { <Header<Route> {items} person={html! { <IslandHost island={Island::Account} /> }} {extra} /> }
}

/// The same page in the other language (`/produk/12-kopi` ⇄ `/en/produk/12-kopi`): its code ("EN"),
/// named in full for screen readers.
#[component]
fn LanguageSwitch() -> Html {
    let lang = use_lang();
    let location = use_location();
    let other = lang.other();
    let here = location.map(|l| {
        let path = Lang::of_path(l.path()).1.to_owned();
        let query = l.query_str().to_owned();
        if query.is_empty() || query == "?" { path } else { format!("{path}{query}") }
    });
    let href = other.path(here.as_deref().unwrap_or("/"));
    html! {
        <a class="site-header__lang" {href} hreflang={other.code()} lang={other.code()}
            title={t::language_switch_title(lang)} aria-label={t::language_switch(lang)}>
            { other.code().to_uppercase() }
        </a>
    }
}

#[cfg(test)]
mod tests {
    use shared::routes::App;

    use super::*;

    #[test]
    fn recognises_page_addresses() {
        assert_eq!(Route::recognize("/"), Some(Route::Home));
        assert_eq!(Route::recognize("/desa"), Some(Route::Directory));
        assert_eq!(Route::recognize("/desa/buwun-sejati"), Some(Route::Village { slug: "buwun-sejati".into() }));
        assert_eq!(Route::recognize("/produk/xyz/abc"), Some(Route::NotFound));
        assert_eq!(Route::Village { slug: "darmaji".into() }.to_path(), "/desa/darmaji");
        assert_eq!(Route::recognize("/desa/darmaji/berita"), Some(Route::VillageNews { slug: "darmaji".into() }));
        let article = Route::NewsArticle { slug: "darmaji".into(), news: "panen-raya".into() };
        assert_eq!(Route::recognize("/desa/darmaji/berita/panen-raya"), Some(article.clone()));
        assert_eq!(article.to_path(), "/desa/darmaji/berita/panen-raya");
        assert_eq!(
            Route::recognize("/lembaga/bumdes-darma-tani"),
            Some(Route::Enterprise { slug: "bumdes-darma-tani".into() })
        );
    }

    #[test]
    fn recognises_marketplace_addresses() {
        assert_eq!(Route::recognize("/produk"), Some(Route::Catalog));
        let product = Route::Product { segment: "12-keripik-tempe".into() };
        assert_eq!(Route::recognize("/produk/12-keripik-tempe"), Some(product.clone()));
        assert_eq!(product.to_path(), "/produk/12-keripik-tempe");
        assert_eq!(Route::recognize("/toko/lapak-bumdes"), Some(Route::Shop { slug: "lapak-bumdes".into() }));
        assert_eq!(Route::Shop { slug: "lapak".into() }.to_path(), "/toko/lapak");
        assert_eq!(Route::recognize("/toko"), Some(Route::NotFound));
        for route in [Route::Catalog, product, Route::Shop { slug: "x".into() }, Route::Cart] {
            assert_eq!(route.app(), Some(App::Market), "{route:?}");
        }
        assert_eq!(Route::Home.app(), Some(App::Portal));
        assert_eq!(Route::Enterprise { slug: "x".into() }.app(), Some(App::Browse));
        assert_eq!(Route::NotFound.app(), None);
    }

    #[test]
    fn the_flagship_inquiry_is_a_browse_page() {
        let inquiry = Route::VillageInquiry { slug: "darmaji".into() };
        assert_eq!(Route::recognize("/desa/darmaji/permintaan"), Some(inquiry.clone()));
        assert_eq!(inquiry.app(), Some(App::Browse));
    }

    #[test]
    fn the_village_map_is_a_browse_page() {
        assert_eq!(Route::recognize("/peta"), Some(Route::VillageMap));
        assert_eq!(Route::VillageMap.app(), Some(App::Browse));
    }

    #[test]
    fn the_desk_is_a_browse_page_and_its_other_pages_are_not_public() {
        assert_eq!(Route::recognize("/konsultasi"), Some(Route::Desk));
        assert_eq!(Route::Desk.app(), Some(App::Browse));
        assert_eq!(Route::recognize("/konsultasi/baru"), Some(Route::NotFound));
    }

    #[test]
    fn recognises_buying_addresses() {
        assert_eq!(Route::recognize("/keranjang"), Some(Route::Cart));
        assert_eq!(Route::recognize("/pesan"), Some(Route::Checkout));
        let order = Route::Order { code: "LD-7K3M9Q2X".into() };
        assert_eq!(Route::recognize("/pesanan/LD-7K3M9Q2X"), Some(order.clone()));
        assert_eq!(order.to_path(), shared::order::order_path("LD-7K3M9Q2X"));
        for route in [Route::Checkout, order] {
            assert_eq!(route.app(), Some(App::Purchase), "{route:?}");
        }
    }
}
