//! `/produk/{id}-{slug}/ulasan`: every visible review of a product, newest first, twenty a page
//! (`?page=2`), under its rating summary. Rendered by the server; the page links need no script.

use shared::api::products::Product;
use shared::product::product_id_of;
use shared::texts::product as t;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, Get};
use crate::app::Route;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::pagination::{Pagination, page_number, page_query};
use crate::components::review_list::{rating_summary, review_item};
use crate::components::skeleton::SkeletonProfile;
use crate::hooks::{Remote, page_title, use_endpoint, use_title};
use crate::pages::not_found::NotFoundPage;
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct ProductReviewsProps {
    /// `{id}-{slug}` from the address; only the id counts.
    pub segment: String,
}

#[component]
pub fn ProductReviewsPage(props: &ProductReviewsProps) -> Html {
    match product_id_of(&props.segment) {
        Some(id) => html! { <Reviews {id} /> },
        None => html! { <NotFoundPage /> },
    }
}

#[derive(Properties, PartialEq)]
struct ReviewsProps {
    id: i64,
}

#[component]
fn Reviews(props: &ReviewsProps) -> Html {
    let lang = use_lang();
    let location = use_location();
    let page = page_number(location.as_ref().map_or("", |l| l.query_str()));
    let detail = use_endpoint(Get::of(Product { id: props.id }));
    let list = use_endpoint(api::catalog::product_reviews(props.id, page));
    let name = match detail.get() {
        Remote::Loaded(d) => d.summary.name_in(lang).to_owned(),
        _ => String::new(),
    };
    use_title(page_title(&t::reviews_of(lang, &name)));
    let (d, found) = match (detail.get(), list.get()) {
        (Remote::Failed(e), _) | (_, Remote::Failed(e)) if e.is_not_found() => return html! { <NotFoundPage /> },
        (Remote::Failed(e), _) => return failed(e, detail.retry()),
        (_, Remote::Failed(e)) => return failed(e, list.retry()),
        (Remote::Loaded(d), Remote::Loaded(found)) => (d, found),
        _ => return html! { <SkeletonProfile /> },
    };
    let path = d.summary.path();
    let segment = path.trim_start_matches("/produk/").to_owned();
    let body = if found.items.is_empty() && found.total > 0 {
        let message = t::no_such_page(lang, page, found.page_count());
        html! {
            <EmptyState {message}>
                <a class="button button--secondary" href={lang.path(&Route::ProductReviews { segment }.to_path())}>
                    { t::newest_reviews(lang) }
                </a>
            </EmptyState>
        }
    } else if found.items.is_empty() {
        html! { <EmptyState message={t::no_reviews_yet(lang)} /> }
    } else {
        html! {
            <>
                <ul class="review-list">
                    { for found.items.iter().map(|r| review_item(lang, r, false, Html::default())) }
                </ul>
                <Pagination page={found.page} page_count={found.page_count()} route={Route::ProductReviews { segment }}
                    query_for={Callback::from(page_query)} />
            </>
        }
    };
    html! {
        <div class="container page product-reviews-page">
            <p class="back-link"><a href={lang.path(&path)}>{ format!("‹ {name}") }</a></p>
            <h1>{ t::reviews_of(lang, &name) }</h1>
            <section class="section product-reviews" aria-label={t::reviews(lang)}>
                { rating_summary(lang, &d.rating) }
                { body }
            </section>
        </div>
    }
}

fn failed(error: &api::ApiError, on_retry: Callback<()>) -> Html {
    html! { <div class="container page"><ErrorState error={error.clone()} {on_retry} /></div> }
}
