//! Accounts: signing in and up, the account page (with the buyer's orders and notifications), and setting a
//! password from a reset link.

pub mod notifications;
mod orders;
pub mod producers;
mod profile;
pub mod push;
mod sessions;
mod set_password;
mod shops;
pub mod sign_in;
mod sign_up;

use std::rc::Rc;

use shared::Me;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::{page_title, use_title};
use crate::session::SignedIn;
use crate::workspace::Route;
pub use notifications::NotificationsPage;
pub use orders::MyOrdersPage;
pub use set_password::SetPasswordPage;
pub use sign_in::SignInPage;
pub use sign_up::SignUpPage;

/// `/akun`: the signed-in person's profile, password, devices and shops.
#[component]
pub fn AccountPage() -> Html {
    use_title(page_title("Akun saya"));
    html! { <SignedIn render={Callback::from(|me: Rc<Me>| html! { <Account {me} /> })} /> }
}

#[derive(Properties, PartialEq)]
struct AccountProps {
    me: Rc<Me>,
}

#[component]
fn Account(props: &AccountProps) -> Html {
    let me = props.me.clone();
    html! {
        <div class="container page page--narrow">
            <h1>{ format!("Halo, {}", me.name) }</h1>
            if me.is_admin() {
                <p class="lead">
                    { "Anda juga admin. " }
                    <a href="/admin">{ "Buka halaman admin" }</a>
                </p>
            }
            <nav class="account-links" aria-label="Belanja">
                <Link<Route> classes="account-links__item" to={Route::MyOrders}>{ "Pesanan saya" }</Link<Route>>
                <Link<Route> classes="account-links__item" to={Route::Notifications}>{ "Notifikasi" }</Link<Route>>
            </nav>
            <shops::ShopsSection me={me.clone()} />
            <profile::ProfileSection me={me.clone()} />
            <profile::PasswordSection />
            <push::PushSection />
            <sessions::SessionsSection />
        </div>
    }
}
