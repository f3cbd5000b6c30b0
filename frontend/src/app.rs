//! The routes of the app and the layout every page shares.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::layout::{Footer, Header};
use crate::pages::directory::DirectoryPage;
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::village::VillagePage;

/// Every page address the app knows.
#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/desa")]
    Directory,
    #[at("/desa/:slug")]
    Village { slug: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Directory => html! { <DirectoryPage /> },
        Route::Village { slug } => html! { <VillagePage {slug} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

/// The whole app: router, header, the current page, footer.
#[component]
pub fn App() -> Html {
    html! {
        <BrowserRouter>
            <ScrollToTop />
            <Header />
            <main id="isi" class="main">
                <Switch<Route> render={switch} />
            </main>
            <Footer />
        </BrowserRouter>
    }
}

/// Scrolls back to the top whenever the address changes, as a full page load would.
#[component]
fn ScrollToTop() -> Html {
    let location = use_location();
    let address = location.map(|l| format!("{}{}", l.path(), l.query_str()));
    use_effect_with(address, |_| {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    Html::default()
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
    }
}
