//! The workspace app: signing in and up, the account page, the seller's dashboard and the admin area,
//! served for `/masuk`, `/daftar`, `/akun…`, `/jual…` and `/admin…` as a bundle of its own.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::layout::{Frame, Header, NavItem, Target};
use crate::pages::account::{AccountPage, SetPasswordPage, SignInPage, SignUpPage};
use crate::pages::admin::AdminPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::seller::{SellPage, SellPartPage};
use crate::session::use_session;

/// Every page address the workspace knows.
#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    #[at("/masuk")]
    SignIn,
    #[at("/daftar")]
    SignUp,
    #[at("/akun")]
    Account,
    #[at("/akun/atur-sandi")]
    SetPassword,
    #[at("/admin")]
    Admin,
    #[at("/admin/:section")]
    AdminSection { section: String },
    #[at("/admin/desa/:id/:part")]
    VillagePart { id: i64, part: String },
    #[at("/jual")]
    Sell,
    #[at("/jual/:shop/:part")]
    SellPart { shop: i64, part: String },
    #[not_found]
    #[at("/akun/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::SignIn => html! { <SignInPage /> },
        Route::SignUp => html! { <SignUpPage /> },
        Route::Account => html! { <AccountPage /> },
        Route::SetPassword => html! { <SetPasswordPage /> },
        Route::Admin => html! { <AdminPage section={String::new()} /> },
        Route::AdminSection { section } => html! { <AdminPage {section} /> },
        Route::VillagePart { id, part } => html! { <AdminPage section="desa" village={Some(id)} {part} /> },
        Route::Sell => html! { <SellPage /> },
        Route::SellPart { shop, part } => html! { <SellPartPage {shop} {part} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

#[component]
pub fn Workspace() -> Html {
    html! {
        <BrowserRouter>
            <Frame header={html! { <WorkspaceHeader /> }}><Switch<Route> render={switch} /></Frame>
        </BrowserRouter>
    }
}

#[component]
fn WorkspaceHeader() -> Html {
    let route = use_route::<Route>();
    let seller = use_session().user().is_some_and(|me| !me.shops.is_empty());
    let on_admin = matches!(route, Some(Route::Admin | Route::AdminSection { .. } | Route::VillagePart { .. }));
    let on_account = matches!(route, Some(Route::Account | Route::SignIn | Route::SignUp | Route::SetPassword));
    let on_sell = matches!(route, Some(Route::Sell | Route::SellPart { .. }));
    let mut items =
        vec![NavItem::new("Beranda", Target::Away("/"), false), NavItem::new("Desa", Target::Away("/desa"), false)];
    if seller {
        items.push(NavItem::new("Jual", Target::Here(Route::Sell), on_sell));
    }
    html! {
        <Header<Route> {items} admin={(Target::Here(Route::Admin), on_admin)}
            account={(Target::Here(Route::Account), on_account)} sign_in={Target::Here(Route::SignIn)} />
    }
}

#[cfg(test)]
mod tests {
    use super::Route;
    use yew_router::Routable;

    #[test]
    fn recognises_workspace_addresses() {
        assert_eq!(Route::recognize("/masuk"), Some(Route::SignIn));
        assert_eq!(Route::recognize("/akun/atur-sandi"), Some(Route::SetPassword));
        assert_eq!(Route::recognize("/admin"), Some(Route::Admin));
        assert_eq!(Route::recognize("/admin/desa"), Some(Route::AdminSection { section: "desa".into() }));
        assert_eq!(Route::recognize("/akun/lain"), Some(Route::NotFound));
        assert_eq!(Route::recognize("/admin/desa/7/profil"), Some(Route::VillagePart { id: 7, part: "profil".into() }));
        assert_eq!(Route::recognize("/admin/desa/7/berita"), Some(Route::VillagePart { id: 7, part: "berita".into() }));
        assert_eq!(Route::VillagePart { id: 3, part: "galeri".into() }.to_path(), "/admin/desa/3/galeri");
        assert_eq!(Route::recognize("/jual"), Some(Route::Sell));
        assert_eq!(Route::recognize("/jual/12/produk"), Some(Route::SellPart { shop: 12, part: "produk".into() }));
        assert_eq!(Route::SellPart { shop: 4, part: "pengaturan".into() }.to_path(), "/jual/4/pengaturan");
    }
}
