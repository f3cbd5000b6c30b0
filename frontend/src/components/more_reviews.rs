//! "Lihat semua ulasan" under a product's newest reviews: each tap loads the next page of its reviews
//! (`ProductReviews`, ten at a time) and adds those not shown yet below. An island of the product page,
//! asking nothing until tapped; until the page runs its button waits, disabled.

use shared::Page;
use shared::api::reviews::ProductReviews;
use shared::review::Review;
use yew::prelude::*;

use crate::api::{self, ApiError, Get};
use crate::components::review_list::review_item;
use crate::hooks::use_running;

/// Reviews per page loaded.
pub const PER_PAGE: u32 = 10;

/// Page `page` (1-based) of a product's reviews.
pub fn reviews_page(product_id: i64, page: u32) -> Get<ProductReviews> {
    Get::with(ProductReviews { id: product_id }, format!("page={page}&per_page={PER_PAGE}"))
}

#[derive(Properties, PartialEq)]
pub struct MoreReviewsProps {
    pub product_id: i64,
    /// The reviews the page already shows.
    pub shown: Vec<i64>,
    /// How many reviews the product has.
    pub total: i64,
}

#[derive(Clone, Default, PartialEq)]
struct Loaded {
    /// Pages loaded so far.
    pages: u32,
    /// The reviews they added, in order.
    added: Vec<Review>,
    /// Whether the last page was the end.
    done: bool,
}

#[component]
pub fn MoreReviews(props: &MoreReviewsProps) -> Html {
    let loaded = use_state(Loaded::default);
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let running = use_running();
    let shown_count = props.shown.len() + loaded.added.len();
    let more = !loaded.done && i64::try_from(shown_count).unwrap_or(i64::MAX) < props.total;
    let onclick = {
        let (loaded, busy, failure) = (loaded.clone(), busy.clone(), failure.clone());
        let (id, shown) = (props.product_id, props.shown.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            failure.set(None);
            let (loaded, busy, failure, shown) = (loaded.clone(), busy.clone(), failure.clone(), shown.clone());
            let next = loaded.pages + 1;
            wasm_bindgen_futures::spawn_local(async move {
                let answer: Result<Page<Review>, ApiError> = api::fetch(reviews_page(id, next)).await;
                busy.set(false);
                match answer {
                    Ok(page) => {
                        let mut now = (*loaded).clone();
                        now.done = page.items.is_empty() || next >= page.page_count();
                        for review in page.items {
                            let seen = shown.contains(&review.id) || now.added.iter().any(|r| r.id == review.id);
                            if !seen {
                                now.added.push(review);
                            }
                        }
                        now.pages = next;
                        loaded.set(now);
                    }
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };
    let label = match (*busy, loaded.pages) {
        (true, _) => "Memuat ulasan…",
        (false, 0) => "Lihat semua ulasan",
        (false, _) => "Muat ulasan lainnya",
    };
    html! {
        <div class="reviews-more">
            if !loaded.added.is_empty() {
                <ul class="review-list" aria-label="Ulasan lainnya">
                    { for loaded.added.iter().map(|r| review_item(r, false, Html::default())) }
                </ul>
            }
            if let Some(error) = &*failure {
                <p class="form-alert" role="alert">{ error.message() }</p>
            }
            if more {
                <button type="button" class="button button--secondary reviews-more__button" {onclick}
                    disabled={!running || *busy} aria-busy={busy.then_some("true")}>
                    { label }
                </button>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn asks_ten_reviews_a_page() {
        assert_eq!(super::reviews_page(7, 2).url(), "/api/v1/products/7/reviews?page=2&per_page=10");
    }
}
