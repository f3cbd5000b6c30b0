//! Reviews as every page shows them, read-only: stars drawn as text, the rating summary with a bar per
//! star count, the compact "★ 4,6 (12)" near a price or a shop's name, and one review (buyer, "Pembeli
//! terverifikasi", date, words, photos, the seller's reply). The same on the server and in the browser.

use shared::Lang;
use shared::review::{RatingBrief, RatingSummary, Review};
use shared::texts::product as t;
use yew::prelude::*;

use crate::dates::date_in;
use crate::lang_text::as_written;
use crate::root::use_lang;
use shared::format::numeral_in;

/// "★★★★☆" for 4 of 5 stars.
pub fn star_text(rating: u8) -> String {
    let full = usize::from(rating.min(5));
    format!("{}{}", "★".repeat(full), "☆".repeat(5 - full))
}

/// How many whole stars the average draws (4.6 draws 5, 4.4 draws 4).
fn average_stars(tenths: i64) -> u8 {
    u8::try_from(((tenths + 5) / 10).clamp(0, 5)).unwrap_or(0)
}

/// The share of `part` in `whole`, in whole percent.
fn percent(part: i64, whole: i64) -> i64 {
    if whole <= 0 { 0 } else { (part * 100 / whole).clamp(0, 100) }
}

#[derive(Properties, PartialEq)]
pub struct StarsProps {
    pub rating: u8,
    #[prop_or_default]
    pub class: Classes,
}

/// Stars drawn in text, read as "4 dari 5 bintang".
#[component]
pub fn Stars(props: &StarsProps) -> Html {
    let lang = use_lang();
    html! {
        <span class={classes!("stars", props.class.clone())} role="img"
            aria-label={t::stars_label(lang, props.rating.min(5))}>
            { star_text(props.rating) }
        </span>
    }
}

/// "★ 4,6 (12)" ("★ 4.6 (12)" in English), nothing without reviews.
pub fn compact_rating(lang: Lang, summary: RatingBrief) -> Html {
    let Some(average) = summary.average_label().map(|a| numeral_in(lang, &a)) else { return Html::default() };
    html! {
        <span class="rating-compact" title={t::average_title(lang, summary.count, &average)}>
            <span class="rating-compact__star" aria-hidden="true">{ "★" }</span>
            <strong>{ format!(" {average}") }</strong>
            <span class="rating-compact__count">{ format!(" ({})", summary.count) }</span>
            <span class="visually-hidden">{ format!(" {}", t::of_reviews(lang, summary.count)) }</span>
        </span>
    }
}

/// The average, its stars, "dari 12 ulasan" and a bar per star count, five stars first.
pub fn rating_summary(lang: Lang, summary: &RatingSummary) -> Html {
    let Some(tenths) = summary.brief().average_tenths() else { return Html::default() };
    html! {
        <div class="rating-summary">
            <div class="rating-summary__head">
                <p class="rating-summary__average">{ numeral_in(lang, &format!("{},{}", tenths / 10, tenths % 10)) }</p>
                <div>
                    <Stars rating={average_stars(tenths)} class="rating-summary__stars" />
                    <p class="rating-summary__count">{ t::of_reviews(lang, summary.count) }</p>
                </div>
            </div>
            <ul class="rating-bars" aria-label={t::per_star(lang)}>
                { for (1..=5).rev().map(|stars: usize| {
                    let n = summary.by_stars.get(stars - 1).copied().unwrap_or(0);
                    html! {
                        <li class="rating-bars__row">
                            <span class="rating-bars__label">{ format!("{stars} ★") }</span>
                            <svg class="rating-bars__bar" viewBox="0 0 100 8" preserveAspectRatio="none"
                                aria-hidden="true" focusable="false">
                                <rect class="rating-bars__track" width="100" height="8" rx="4" />
                                <rect class="rating-bars__fill" width={percent(n, summary.count).to_string()}
                                    height="8" rx="4" />
                            </svg>
                            <span class="rating-bars__count">
                                { n.to_string() }<span class="visually-hidden">{ t::with_stars(lang, n, stars) }</span>
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

/// One review as a list item; `product` names what was bought (the shop's and the admin's lists), `extra`
/// goes at its end (a reply form, the admin's buttons). The buyer's and the seller's words are marked
/// Indonesian on a page in another language.
pub fn review_item(lang: Lang, review: &Review, product: bool, extra: Html) -> Html {
    let words = as_written(lang);
    html! {
        <li class={classes!("review", review.hidden_reason.is_some().then_some("review--hidden"))}
            key={review.id} id={format!("ulasan-{}", review.id)}>
            <div class="review__head">
                <Stars rating={review.rating} />
                <span class="review__buyer">{ &review.buyer }</span>
                if review.verified {
                    <span class="badge badge--verified">{ t::verified_buyer(lang) }</span>
                }
                <span class="review__date">{ date_in(lang, review.created_at) }</span>
            </div>
            if product {
                <p class="review__product">
                    { match review.product_id {
                        Some(id) => html! { <a href={lang.path(&format!("/produk/{id}"))}>{ &review.product_name }</a> },
                        None => html! { { &review.product_name } },
                    } }
                </p>
            }
            if !review.text.trim().is_empty() {
                <p class="review__text" lang={words}>{ review.text.trim() }</p>
            }
            if !review.photos.is_empty() {
                <ul class="review__photos" aria-label={t::buyer_photos(lang)}>
                    { for review.photos.iter().enumerate().map(|(i, photo)| html! {
                        <li key={photo.id}>
                            <a href={photo.full.url.clone()} target="_blank" rel="noopener">
                                <img class="review__photo" src={photo.thumb.url.clone()}
                                    alt={t::photo_by(lang, i + 1, &review.buyer)} loading="lazy"
                                    width={photo.thumb.width.to_string()} height={photo.thumb.height.to_string()} />
                            </a>
                        </li>
                    }) }
                </ul>
            }
            if let Some(reply) = &review.reply {
                <div class="review__reply">
                    <p class="review__reply-by">{ t::seller_reply(lang, date_in(lang, reply.at)) }</p>
                    <p class="review__text" lang={words}>{ reply.text.trim() }</p>
                </div>
            }
            { extra }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_stars_in_text() {
        assert_eq!(star_text(4), "★★★★☆");
        assert_eq!(star_text(0), "☆☆☆☆☆");
        assert_eq!(star_text(9), "★★★★★");
    }

    #[test]
    fn whole_stars_follow_the_rounded_average() {
        assert_eq!(average_stars(46), 5);
        assert_eq!(average_stars(44), 4);
    }

    #[test]
    fn bars_are_shares_of_the_count() {
        assert_eq!(percent(4, 5), 80);
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(5, 5), 100);
    }
}
