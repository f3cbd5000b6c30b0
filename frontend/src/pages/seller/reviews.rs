//! `/jual/{toko}/ulasan`: what buyers said of the shop's products, newest first, twenty a page, under the
//! shop's rating; each unanswered review gets one reply, and a review the village admin hid says why.

use shared::Lang;
use shared::api::reviews::{Reply, ShopReviews};
use shared::review::{ReplyForm, Review};
use yew::prelude::*;

use crate::api;
use crate::api::catalog::desk_reviews;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::form::{FormAlert, Submission, TextField, submit};
use crate::components::page_buttons::PageButtons;
use crate::components::review_list::{rating_summary, review_item};
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, use_remote};

#[derive(Properties, PartialEq)]
pub struct ReviewsProps {
    pub shop: i64,
}

#[component]
pub fn Reviews(props: &ReviewsProps) -> Html {
    let page = use_state(|| 1u32);
    let list = use_remote((props.shop, *page), |(id, page)| api::fetch(desk_reviews(ShopReviews { id }, page)));
    let on_page = {
        let page = page.clone();
        Callback::from(move |n: u32| page.set(n))
    };
    // Reviews answered here, newer than the list loaded.
    let answered = use_state(Vec::<Review>::new);
    let on_replied = {
        let answered = answered.clone();
        Callback::from(move |review: Review| {
            let mut next = (*answered).clone();
            next.retain(|r| r.id != review.id);
            next.push(review);
            answered.set(next);
        })
    };
    let body = match list.get() {
        Remote::Loading => html! { <SkeletonList count={3} /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
        Remote::Loaded(desk) if desk.reviews.total == 0 => html! {
            <EmptyState message="Belum ada ulasan. Ulasan muncul setelah pembeli menerima pesanannya." />
        },
        Remote::Loaded(desk) => {
            let items: Vec<Review> = desk
                .reviews
                .items
                .iter()
                .map(|r| answered.iter().find(|a| a.id == r.id).unwrap_or(r).clone())
                .collect();
            html! {
                <>
                    { rating_summary(Lang::Id, &desk.rating) }
                    <ul class="review-list review-list--desk">
                        { for items.iter().map(|r| review_item(Lang::Id, r, true, html! {
                            <>
                                if let Some(reason) = &r.hidden_reason {
                                    <p class="review__hidden" role="note">
                                        <span class="badge badge--bad">{ "Disembunyikan admin desa" }</span>
                                        { format!(" Alasan: {reason}") }
                                    </p>
                                }
                                if r.reply.is_none() {
                                    <ReplyBox key={r.id} shop={props.shop} review_id={r.id}
                                        on_replied={on_replied.clone()} />
                                }
                            </>
                        })) }
                    </ul>
                    <PageButtons page={desk.reviews.page} page_count={desk.reviews.page_count()} {on_page} />
                </>
            }
        }
    };
    html! {
        <section class="panel" aria-labelledby="ulasan-toko">
            <h2 id="ulasan-toko">{ "Ulasan pembeli" }</h2>
            <p class="muted">
                { "Ulasan dari pembeli yang pesanannya sudah selesai. Balas dengan sopan; balasan tampil di halaman \
                   produk dan hanya bisa dikirim sekali." }
            </p>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ReplyBoxProps {
    shop: i64,
    review_id: i64,
    on_replied: Callback<Review>,
}

/// "Balas", then the reply's field and "Kirim balasan".
#[component]
fn ReplyBox(props: &ReplyBoxProps) -> Html {
    let open = use_state(|| false);
    let text = use_state(String::new);
    let submission = use_state(Submission::default);
    if !*open {
        let onclick = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| open.set(true))
        };
        return html! { <button type="button" class="button button--secondary review__answer" {onclick}>{ "Balas" }</button> };
    }
    let onsubmit = {
        let (text, submission, on_replied) = (text.clone(), submission.clone(), props.on_replied.clone());
        let endpoint = Reply { id: props.shop, review_id: props.review_id };
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let form = ReplyForm { text: text.trim().to_owned() };
            let local = form.validate();
            let on_replied = on_replied.clone();
            submit(&submission, local, api::call(endpoint.clone(), &form), move |review| on_replied.emit(review));
        })
    };
    let oninput = {
        let text = text.clone();
        Callback::from(move |typed: String| text.set(typed))
    };
    let cancel = {
        let (open, submission) = (open.clone(), submission.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            submission.set(Submission::default());
        })
    };
    html! {
        <form class="form review__reply-form" novalidate=true {onsubmit}>
            <FormAlert message={submission.message()} />
            <TextField form={format!("balas-{}", props.review_id)} name="text" label="Balasan Anda" rows={3}
                value={(*text).clone()} {oninput} error={submission.field("text")}
                hint="Dibaca semua pembeli; hanya bisa dikirim sekali." />
            <div class="actions">
                <button type="submit" class="button button--primary" disabled={submission.busy}>
                    { if submission.busy { "Mengirim…" } else { "Kirim balasan" } }
                </button>
                <button type="button" class="button button--ghost" onclick={cancel}>{ "Batal" }</button>
            </div>
        </form>
    }
}
