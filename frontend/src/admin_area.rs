//! The admin area app: `/admin…` for village, district and platform admins (villages' pages, shops and
//! listings, users, inquiries, consultants, the dashboards), a bundle of its own so that neither sellers'
//! nor shoppers' pages carry its code.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::layout::{Frame, Header, NavItem, PersonLinks, Target};
use crate::pages::account::notifications::{UnreadProvider, menu_label, use_unread_count};
use crate::pages::admin::AdminPage;
use crate::routing::app_routes;
use crate::session::use_session;

app_routes! { |app| app == shared::routes::App::Admin, not_found NotFound = "/admin/404";
    Admin = Admin,
    AdminSection { section: String } = AdminSection,
    VillagePart { id: i64, part: String } = AdminVillagePart,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Admin => html! { <AdminPage section={String::new()} /> },
        Route::AdminSection { section } => html! { <AdminPage {section} /> },
        Route::VillagePart { id, part } => html! { <AdminPage section="desa" village={Some(id)} {part} /> },
        Route::NotFound => html! { <crate::pages::not_found::NotFoundPage /> },
    }
}

#[component]
pub fn AdminArea() -> Html {
    html! {
        <BrowserRouter>
            <UnreadProvider>
                <Frame header={html! { <AdminHeader /> }}><Switch<Route> render={switch} /></Frame>
            </UnreadProvider>
        </BrowserRouter>
    }
}

/// The workspace's menu, every item but Admin a page of another app.
#[component]
fn AdminHeader() -> Html {
    let session = use_session();
    let unread = use_unread_count();
    let mut items = vec![
        NavItem::new("Beranda", Target::Away("/".into()), false),
        NavItem::new("Desa", Target::Away("/desa".into()), false),
    ];
    if session.user().is_some_and(|me| !me.shops.is_empty()) {
        items.push(NavItem::new("Jual", Target::Away("/jual".into()), false));
    }
    if session.user().is_some() {
        items.push(NavItem::new("Konsultasi", Target::Away("/konsultasi".into()), false));
    }
    if let Some(unread) = unread {
        let (label, full) = menu_label(unread);
        let item = NavItem::new(label, Target::Away("/akun/notifikasi".into()), false);
        items.push(NavItem { label_for: Some(full), ..item });
    }
    html! {
        <Header<Route> {items} person={html! {
            <PersonLinks<Route> admin={(Target::Here(Route::Admin), true)}
                account={(Target::Away("/akun".into()), false)} sign_in={Target::Away("/masuk".into())} />
        }} />
    }
}

#[cfg(test)]
mod tests {
    use super::Route;
    use yew_router::Routable;

    #[test]
    fn recognises_admin_addresses() {
        assert_eq!(Route::recognize("/admin"), Some(Route::Admin));
        assert_eq!(Route::recognize("/admin/desa"), Some(Route::AdminSection { section: "desa".into() }));
        assert_eq!(Route::recognize("/admin/desa/7/profil"), Some(Route::VillagePart { id: 7, part: "profil".into() }));
        assert_eq!(Route::recognize("/admin/desa/7/berita"), Some(Route::VillagePart { id: 7, part: "berita".into() }));
        assert_eq!(Route::VillagePart { id: 3, part: "galeri".into() }.to_path(), "/admin/desa/3/galeri");
        assert_eq!(Route::recognize("/admin/desa/7/profil/lain"), Some(Route::NotFound));
    }
}
