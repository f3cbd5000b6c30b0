//! The market app: the catalog, products, shops and the cart — what a shared product link opens.

use yew::prelude::*;

use crate::app::{OtherApp, Route};
use crate::pages::cart::CartPage;
use crate::pages::catalog::CatalogPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::product::ProductPage;
use crate::pages::product_reviews::ProductReviewsPage;
use crate::pages::shop::ShopPage;
use crate::public::{PublicSite, with_cart};
use crate::root::RootProps;

fn pages(route: Route) -> Html {
    match route {
        Route::Catalog => html! { <CatalogPage /> },
        Route::Product { segment } => html! { <ProductPage {segment} /> },
        Route::ProductReviews { segment } => html! { <ProductReviewsPage {segment} /> },
        Route::Shop { slug } => html! { <ShopPage {slug} /> },
        Route::Cart => html! { <CartPage /> },
        Route::NotFound => html! { <NotFoundPage /> },
        _ => html! { <OtherApp /> },
    }
}

#[component]
pub fn Market(root: &RootProps) -> Html {
    html! { <PublicSite root={root.clone()} app={shared::routes::App::Market} {pages} within={with_cart} /> }
}
