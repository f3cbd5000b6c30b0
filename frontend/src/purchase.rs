//! The purchase app: checkout and an order's tracking page.

use yew::prelude::*;

use crate::app::{OtherApp, Route};
use crate::pages::checkout::CheckoutPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::order::OrderPage;
use crate::public::{PublicSite, with_cart};
use crate::root::RootProps;

fn pages(route: Route) -> Html {
    match route {
        Route::Checkout => html! { <CheckoutPage /> },
        Route::Order { code } => html! { <OrderPage {code} /> },
        Route::NotFound => html! { <NotFoundPage /> },
        _ => html! { <OtherApp /> },
    }
}

#[component]
pub fn Purchase(root: &RootProps) -> Html {
    html! { <PublicSite root={root.clone()} app={shared::routes::App::Purchase} {pages} within={with_cart} /> }
}
