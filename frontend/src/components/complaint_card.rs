//! A complaint as the buyer, the seller and the village admin all read it: what went wrong (with the
//! buyer's photos), where it stands and how it is settled, the refund with its transfer receipt, and every
//! step, newest first, in the page's language.

use shared::complaint::{Complaint, ComplaintEvent, Refund};
use shared::complaint_flow::ComplaintStatus;
use shared::format::rupiah;
use shared::texts::complaint as t;
use shared::{Image, Lang};
use yew::prelude::*;

use crate::dates::date_time_in;
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct ComplaintCardProps {
    pub complaint: Complaint,
}

/// How a complaint's status is coloured: settled for the buyer, rejected, or still running.
pub fn tone(status: ComplaintStatus) -> &'static str {
    match status {
        ComplaintStatus::Refunded | ComplaintStatus::Replaced => "badge--ok",
        ComplaintStatus::Rejected | ComplaintStatus::Withdrawn => "badge--muted",
        _ => "badge--wait",
    }
}

#[component]
pub fn ComplaintCard(props: &ComplaintCardProps) -> Html {
    let lang = use_lang();
    let c = &props.complaint;
    let opened = date_time_in(lang, c.opened_at);
    html! {
        <div class="complaint">
            <p class="complaint__head">
                <strong>{ c.reason.label_in(lang) }</strong>
                <span class={classes!("badge", tone(c.status))}>{ c.status.label_in(lang) }</span>
            </p>
            <p class="complaint__meta muted">{ t::meta(lang, &c.order_code, &c.shop_name, opened) }</p>
            <p class="complaint__text">{ &c.description }</p>
            if !c.photos.is_empty() {
                <ul class="complaint__photos" aria-label={t::buyer_photos(lang)}>
                    { for c.photos.iter().map(|p| html! { <li key={p.id}>{ photo(p, t::buyer_photos(lang)) }</li> }) }
                </ul>
            }
            if let Some(outcome) = c.outcome {
                <p><strong>{ format!("{} ", t::settlement_is(lang)) }</strong>{ outcome.label_in(lang) }</p>
            }
            if c.status == ComplaintStatus::AwaitingSeller {
                <p class="form-note">{ t::seller_answers_by(lang, date_time_in(lang, c.answer_by)) }</p>
            }
            if let Some(refund) = &c.refund { { refunded(lang, refund) } }
            <ol class="order-timeline complaint__steps" aria-label={t::steps(lang)}>
                { for c.events.iter().rev().map(|e| step(lang, e)) }
            </ol>
        </div>
    }
}

fn photo(image: &Image, alt: &str) -> Html {
    html! {
        <a href={image.full.url.clone()} target="_blank" rel="noopener">
            <img class="complaint__photo" src={image.thumb.url.clone()} alt={alt.to_owned()} loading="lazy"
                width={image.thumb.width.to_string()} height={image.thumb.height.to_string()} />
        </a>
    }
}

/// The money sent back: how much, when, for which goods, and the receipt.
fn refunded(lang: Lang, refund: &Refund) -> Html {
    html! {
        <div class="complaint__refund">
            <p>
                <strong>{ t::refunded(lang, rupiah(refund.amount)) }</strong>
                { format!(" · {}", t::transferred_on(lang, &refund.paid_on)) }
            </p>
            <ul class="complaint__lines">
                { for refund.lines.iter().map(|l| html! {
                    <li key={l.line_id}>{ format!("{} × {} — {}", l.name, l.quantity, rupiah(l.amount)) }</li>
                }) }
                if refund.delivery_fee > 0 {
                    <li>{ t::refund_fee(lang, rupiah(refund.delivery_fee)) }</li>
                }
            </ul>
            <figure class="receipt">
                { photo(&refund.receipt, t::refund_receipt(lang)) }
                <figcaption class="form-note">{ t::refund_receipt_note(lang) }</figcaption>
            </figure>
        </div>
    }
}

fn step(lang: Lang, event: &ComplaintEvent) -> Html {
    let role = event.actor.label_in(lang);
    let who = if event.actor_name == event.actor.label() {
        role.to_owned()
    } else {
        format!("{} ({role})", event.actor_name)
    };
    html! {
        <li class="order-timeline__item">
            <p class="order-timeline__move">{ event.status.label_in(lang) }</p>
            <p class="order-timeline__meta"><time>{ date_time_in(lang, event.at) }</time>{ format!(" · {who}") }</p>
            if !event.note.trim().is_empty() {
                <p class="order-timeline__note">{ event.note.trim() }</p>
            }
        </li>
    }
}
