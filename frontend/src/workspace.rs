//! The workspace app: signing in and up, the account page, the seller's dashboard and the consultation
//! desk's own pages, served for `/masuk`, `/daftar`, `/akun…`, `/konsultasi/…` and `/jual…` as a bundle of
//! its own (the admin area is another, `admin_area`; the desk itself, `/konsultasi`, is a public page).

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::layout::{Frame, Header, NavItem, PersonLinks, Target};
use crate::pages::account::notifications::{UnreadProvider, menu_label, use_unread_count};
use crate::pages::account::{AccountPage, MyOrdersPage, NotificationsPage, SetPasswordPage, SignInPage, SignUpPage};
use crate::pages::consultation::{ConsultationPage, MyConsultationsPage, NewConsultationPage, QueuePage};
use crate::pages::not_found::NotFoundPage;
use crate::pages::seller::{PrintPage, ProducerPage, ProducerPrintPage, SellOrderPage, SellPage, SellPartPage};
use crate::routing::app_routes;
use crate::session::use_session;

app_routes! { |app| app == shared::routes::App::Workspace, not_found NotFound = "/akun/404";
    SignIn = SignIn,
    SignUp = SignUp,
    Account = Account,
    SetPassword = SetPassword,
    MyOrders = MyOrders,
    Notifications = Notifications,
    DeskNew = DeskNew,
    DeskMine = DeskMine,
    DeskQueue = DeskQueue,
    DeskThread { id: i64 } = DeskThread,
    Sell = Sell,
    SellPart { shop: i64, part: String } = SellPart,
    SellOrder { shop: i64, code: String } = SellOrder,
    SellOrderPrint { shop: i64, code: String } = SellOrderPrint,
    SellProducer { shop: i64, producer: i64 } = SellProducer,
    SellProducerPrint { shop: i64, producer: i64 } = SellProducerPrint,
}

fn switch(route: Route) -> Html {
    match route {
        Route::SignIn => html! { <SignInPage /> },
        Route::SignUp => html! { <SignUpPage /> },
        Route::Account => html! { <AccountPage /> },
        Route::SetPassword => html! { <SetPasswordPage /> },
        Route::MyOrders => html! { <MyOrdersPage /> },
        Route::Notifications => html! { <NotificationsPage /> },
        Route::DeskNew => html! { <NewConsultationPage /> },
        Route::DeskMine => html! { <MyConsultationsPage /> },
        Route::DeskQueue => html! { <QueuePage /> },
        Route::DeskThread { id } => html! { <ConsultationPage {id} /> },
        Route::Sell => html! { <SellPage /> },
        Route::SellPart { shop, part } => html! { <SellPartPage {shop} {part} /> },
        Route::SellOrder { shop, code } => html! { <SellOrderPage {shop} {code} /> },
        Route::SellOrderPrint { shop, code } => html! { <PrintPage {shop} {code} /> },
        Route::SellProducer { shop, producer } => html! { <ProducerPage {shop} {producer} /> },
        Route::SellProducerPrint { shop, producer } => html! { <ProducerPrintPage {shop} {producer} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

#[component]
pub fn Workspace() -> Html {
    html! {
        <BrowserRouter>
            <UnreadProvider>
                <Frame header={html! { <WorkspaceHeader /> }}><Switch<Route> render={switch} /></Frame>
            </UnreadProvider>
        </BrowserRouter>
    }
}

#[component]
fn WorkspaceHeader() -> Html {
    let route = use_route::<Route>();
    let session = use_session();
    let seller = session.user().is_some_and(|me| !me.shops.is_empty());
    let on_account = matches!(route, Some(Route::Account | Route::SignIn | Route::SignUp | Route::SetPassword));
    let on_sell = matches!(
        route,
        Some(
            Route::Sell
                | Route::SellPart { .. }
                | Route::SellOrder { .. }
                | Route::SellOrderPrint { .. }
                | Route::SellProducer { .. }
                | Route::SellProducerPrint { .. }
        )
    );
    let unread = use_unread_count();
    let mut items = vec![
        NavItem::new("Beranda", Target::Away("/".into()), false),
        NavItem::new("Desa", Target::Away("/desa".into()), false),
    ];
    if seller {
        items.push(NavItem::new("Jual", Target::Here(Route::Sell), on_sell));
    }
    if session.user().is_some() {
        let on_desk =
            matches!(route, Some(Route::DeskNew | Route::DeskMine | Route::DeskQueue | Route::DeskThread { .. }));
        items.push(NavItem::new("Konsultasi", Target::Away("/konsultasi".into()), on_desk));
    }
    if let Some(unread) = unread {
        let on_notifications = matches!(route, Some(Route::Notifications));
        let (label, full) = menu_label(unread);
        let item = NavItem::new(label, Target::Here(Route::Notifications), on_notifications);
        items.push(NavItem { label_for: Some(full), ..item });
    }
    html! {
        <Header<Route> {items} person={html! {
            <PersonLinks<Route> admin={(Target::Away("/admin".into()), false)}
                account={(Target::Here(Route::Account), on_account)} sign_in={Target::Here(Route::SignIn)} />
        }} />
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
        assert_eq!(Route::recognize("/akun/lain"), Some(Route::NotFound));
        assert_eq!(Route::recognize("/admin"), Some(Route::NotFound), "the admin area is another app");
        assert_eq!(Route::recognize("/jual"), Some(Route::Sell));
        assert_eq!(Route::recognize("/jual/12/produk"), Some(Route::SellPart { shop: 12, part: "produk".into() }));
        assert_eq!(Route::SellPart { shop: 4, part: "pengaturan".into() }.to_path(), "/jual/4/pengaturan");
        assert_eq!(Route::recognize("/jual/3/pesanan"), Some(Route::SellPart { shop: 3, part: "pesanan".into() }));
        let order = Route::SellOrder { shop: 3, code: "LD-7K3M9Q2X".into() };
        assert_eq!(Route::recognize("/jual/3/pesanan/LD-7K3M9Q2X"), Some(order));
        let print = Route::SellOrderPrint { shop: 3, code: "LD-7K3M9Q2X".into() };
        assert_eq!(Route::recognize("/jual/3/pesanan/LD-7K3M9Q2X/cetak"), Some(print));
        assert_eq!(Route::recognize("/akun/pesanan"), Some(Route::MyOrders));
        assert_eq!(Route::recognize("/akun/notifikasi"), Some(Route::Notifications));
        assert_eq!(Route::recognize("/konsultasi"), Some(Route::NotFound), "the desk is a public page");
        assert_eq!(Route::recognize("/konsultasi/baru"), Some(Route::DeskNew));
        assert_eq!(Route::recognize("/konsultasi/saya"), Some(Route::DeskMine));
        assert_eq!(Route::recognize("/konsultasi/antrian"), Some(Route::DeskQueue));
        assert_eq!(Route::recognize("/konsultasi/12"), Some(Route::DeskThread { id: 12 }));
        assert_eq!(Route::DeskThread { id: 7 }.to_path(), "/konsultasi/7");
    }
}
