//! The public portal: its routes and the layout every page shares.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::layout::{Frame, Header, NavItem, Target};
use crate::pages::directory::DirectoryPage;
use crate::pages::enterprise::EnterprisePage;
use crate::pages::home::HomePage;
use crate::pages::news::{NewsArticlePage, NewsListPage};
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

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Directory => html! { <DirectoryPage /> },
        Route::Village { slug } => html! { <VillagePage {slug} /> },
        Route::VillageNews { slug } => html! { <NewsListPage {slug} /> },
        Route::NewsArticle { slug, news } => html! { <NewsArticlePage {slug} {news} /> },
        Route::Enterprise { slug } => html! { <EnterprisePage {slug} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

/// The whole portal: router, header, the current page, footer.
#[component]
pub fn App() -> Html {
    html! {
        <BrowserRouter>
            <Frame header={html! { <PortalHeader /> }}><Switch<Route> render={switch} /></Frame>
        </BrowserRouter>
    }
}

#[component]
fn PortalHeader() -> Html {
    let route = use_route::<Route>();
    let on_villages = matches!(
        route,
        Some(Route::Directory | Route::Village { .. } | Route::VillageNews { .. } | Route::NewsArticle { .. })
            | Some(Route::Enterprise { .. })
    );
    let items = vec![
        NavItem::new("Beranda", Target::Here(Route::Home), route == Some(Route::Home)),
        NavItem::new("Desa", Target::Here(Route::Directory), on_villages),
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
