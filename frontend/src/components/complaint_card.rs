//! A complaint as the buyer, the seller and the village admin all read it: what went wrong (with the
//! buyer's photos), where it stands and how it is settled, the refund with its transfer receipt, and every
//! step, newest first.

use shared::Image;
use shared::complaint::{Complaint, ComplaintEvent, Refund};
use shared::complaint_flow::ComplaintStatus;
use shared::format::rupiah;
use yew::prelude::*;

use crate::dates::date_time;

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
    let c = &props.complaint;
    html! {
        <div class="complaint">
            <p class="complaint__head">
                <strong>{ c.reason.label() }</strong>
                <span class={classes!("badge", tone(c.status))}>{ c.status.label() }</span>
            </p>
            <p class="complaint__meta muted">
                { format!("Pesanan {} · {} · diajukan {}", c.order_code, c.shop_name, date_time(c.opened_at)) }
            </p>
            <p class="complaint__text">{ &c.description }</p>
            if !c.photos.is_empty() {
                <ul class="complaint__photos" aria-label="Foto dari pembeli">
                    { for c.photos.iter().map(|p| html! { <li key={p.id}>{ photo(p, "Foto dari pembeli") }</li> }) }
                </ul>
            }
            if let Some(outcome) = c.outcome {
                <p><strong>{ "Penyelesaian: " }</strong>{ outcome.label() }</p>
            }
            if c.status == ComplaintStatus::AwaitingSeller {
                <p class="form-note">
                    { format!("Penjual menjawab paling lambat {}; setelah itu admin desa yang memutuskan.", date_time(c.answer_by)) }
                </p>
            }
            if let Some(refund) = &c.refund { { refunded(refund) } }
            <ol class="order-timeline complaint__steps" aria-label="Langkah komplain, terbaru di atas">
                { for c.events.iter().rev().map(step) }
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
fn refunded(refund: &Refund) -> Html {
    html! {
        <div class="complaint__refund">
            <p>
                <strong>{ format!("Dana dikembalikan {}", rupiah(refund.amount)) }</strong>
                { format!(" · transfer tanggal {}", refund.paid_on) }
            </p>
            <ul class="complaint__lines">
                { for refund.lines.iter().map(|l| html! {
                    <li key={l.line_id}>{ format!("{} × {} — {}", l.name, l.quantity, rupiah(l.amount)) }</li>
                }) }
                if refund.delivery_fee > 0 {
                    <li>{ format!("Ongkos kirim — {}", rupiah(refund.delivery_fee)) }</li>
                }
            </ul>
            <figure class="receipt">
                { photo(&refund.receipt, "Foto bukti transfer pengembalian dana") }
                <figcaption class="form-note">{ "Bukti transfer dari penjual. Ketuk untuk memperbesar." }</figcaption>
            </figure>
        </div>
    }
}

fn step(event: &ComplaintEvent) -> Html {
    let role = event.actor.label();
    let who = if event.actor_name == role { role.to_owned() } else { format!("{} ({role})", event.actor_name) };
    html! {
        <li class="order-timeline__item">
            <p class="order-timeline__move">{ event.status.label() }</p>
            <p class="order-timeline__meta"><time>{ date_time(event.at) }</time>{ format!(" · {who}") }</p>
            if !event.note.trim().is_empty() {
                <p class="order-timeline__note">{ event.note.trim() }</p>
            }
        </li>
    }
}
