//! `/admin/desa/{id}/ulasan`: the reviews of the village's shops, newest first, twenty a page, under their
//! rating, as its admins watch over them — hide one that breaks the rules with a reason the seller reads
//! (kept in the audit log), show it again.

use shared::Lang;
use shared::api::reviews::{Hide, Unhide, VillageReviews};
use shared::product::Moderation;
use shared::review::Review;
use yew::prelude::*;

use super::market::{act, alert};
use crate::api::catalog::desk_reviews;
use crate::api::{self, ApiError};
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::page_buttons::PageButtons;
use crate::components::reason_action::ReasonAction;
use crate::components::review_list::{rating_summary, review_item};
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, use_remote};

#[derive(Properties, PartialEq)]
pub struct ReviewsProps {
    pub village: i64,
}

#[component]
pub fn Reviews(props: &ReviewsProps) -> Html {
    let village = props.village;
    let page = use_state(|| 1u32);
    let list = use_remote((village, *page), |(id, page)| api::fetch(desk_reviews(VillageReviews { id }, page)));
    let changed = list.retry();
    let on_page = {
        let page = page.clone();
        Callback::from(move |n: u32| page.set(n))
    };
    html! {
        <section class="panel" aria-labelledby="ulasan-desa">
            <h2 id="ulasan-desa">{ "Ulasan pembeli" }</h2>
            <p class="muted">
                { "Ulasan atas produk toko di desa ini. Sembunyikan ulasan yang melanggar aturan (kata kasar, data \
                   pribadi, iklan); penjual membaca alasannya dan tindakan Anda tercatat di log audit." }
            </p>
            { match list.get() {
                Remote::Loading => html! { <SkeletonList count={3} /> },
                Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
                Remote::Loaded(desk) if desk.reviews.total == 0 => html! { <EmptyState message="Belum ada ulasan di desa ini." /> },
                Remote::Loaded(desk) => html! {
                    <>
                        { rating_summary(Lang::Id, &desk.rating) }
                        <ul class="review-list review-list--desk">
                            { for desk.reviews.items.iter().map(|r| html! {
                                <ReviewItem key={r.id} {village} review={r.clone()} on_change={changed.clone()} />
                            }) }
                        </ul>
                        <PageButtons page={desk.reviews.page} page_count={desk.reviews.page_count()} {on_page} />
                    </>
                },
            } }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ReviewItemProps {
    village: i64,
    review: Review,
    on_change: Callback<()>,
}

#[component]
fn ReviewItem(props: &ReviewItemProps) -> Html {
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let (village, id) = (props.village, props.review.id);
    let hide = {
        let (busy, failure, done) = (busy.clone(), failure.clone(), props.on_change.clone());
        Callback::from(move |form: Moderation| {
            act(&busy, &failure, &done, api::call(Hide { id: village, review_id: id }, &form))
        })
    };
    let unhide = {
        let (busy, failure, done) = (busy.clone(), failure.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            act(&busy, &failure, &done, api::call(Unhide { id: village, review_id: id }, &()))
        })
    };
    let actions = html! {
        <div class="review__moderation">
            if let Some(reason) = &props.review.hidden_reason {
                <p class="review__hidden">
                    <span class="badge badge--bad">{ "Disembunyikan" }</span>
                    { format!(" Alasan: {reason}") }
                </p>
            }
            { alert(&failure) }
            if props.review.hidden_reason.is_some() {
                <button type="button" class="button button--primary" onclick={unhide} disabled={*busy}>
                    { "Tampilkan lagi" }
                </button>
            } else {
                <ReasonAction form={format!("ulasan-{id}")} open_label="Sembunyikan…"
                    field_label="Alasan disembunyikan (dibaca penjual)" confirm_label="Sembunyikan ulasan"
                    on_confirm={hide} error={(*failure).clone()} busy={*busy} />
            }
        </div>
    };
    review_item(Lang::Id, &props.review, true, actions)
}
