//! The public portal: its routes and the layout every page shares.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::layout::{Frame, Header, NavItem, Target};
use crate::pages::directory::DirectoryPage;
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::village::VillagePage;

/// Every page address the portal knows (accounts and the admin area are the workspace app's).
#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/desa")]
    Directory,
    #[at("/desa/:slug")]
    Village { slug: String },
    #[at("/desa/:slug/berita")]
    VillageNews { slug: String },
    #[at("/desa/:slug/berita/:news")]
    NewsArticle { slug: String, news: String },
    #[at("/lembaga/:slug")]
    Enterprise { slug: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// Whether the page belongs to the browse app (`browse.html`) rather than the portal.
    pub fn is_browse(&self) -> bool {
        matches!(self, Route::VillageNews { .. } | Route::NewsArticle { .. } | Route::Enterprise { .. })
    }
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Directory => html! { <DirectoryPage /> },
        Route::Village { slug } => html! { <VillagePage {slug} /> },
        Route::NotFound => html! { <NotFoundPage /> },
        _ => html! { <OtherApp /> },
    }
}

/// A page of the other public app, reached without a page load: load it from the server, which
/// serves that app. (Links between the two apps are plain links, so this is only a safety net.)
#[component]
pub fn OtherApp() -> Html {
    use_effect_with((), |()| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    Html::default()
}

/// The whole portal: router, header, the current page, footer.
#[component]
pub fn App() -> Html {
    html! {
        <BrowserRouter>
            <Frame header={html! { <PublicHeader /> }}><Switch<Route> render={switch} /></Frame>
        </BrowserRouter>
    }
}

/// The header of the public pages, in either public app: its links stay in the portal when it is the
/// portal, and load the portal from the browse app.
#[component]
pub fn PublicHeader() -> Html {
    let route = use_route::<Route>();
    let in_portal = !route.as_ref().is_some_and(Route::is_browse);
    let on_villages = route.as_ref().is_some_and(|r| !matches!(r, Route::Home | Route::NotFound));
    let target = |to: Route, path: &'static str| if in_portal { Target::Here(to) } else { Target::Away(path) };
    let items = vec![
        NavItem::new("Beranda", target(Route::Home, "/"), route == Some(Route::Home)),
        NavItem::new("Desa", target(Route::Directory, "/desa"), on_villages),
    ];
    html! {
        <Header<Route> {items} admin={(Target::Away("/admin"), false)} account={(Target::Away("/akun"), false)}
            sign_in={Target::Away("/masuk")} />
    }
}

#[cfg(test)]
mod tests {
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
}
