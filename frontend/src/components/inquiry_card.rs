//! One bulk or export inquiry as its shop (workspace) or the admins (admin area) see it: what is asked, by
//! whom, from which language's page (an English one is marked, to reply in English), its history, a
//! WhatsApp reply to the buyer (in the buyer's language) and the status moves they may make.

use shared::api::inquiries;
use shared::inquiry::{FROM_ENGLISH_PAGE, InquiryStatusChange, country_name, needed_by_label, number_display};
use shared::{Inquiry, InquiryKind, InquiryStatus, Lang, format::thousands};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::dates::date_time;

/// Whose desk the inquiry is on: the moves go to that side's address.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Desk {
    Shop(i64),
    Admin,
}

/// The badge class of a status.
pub fn status_tone(status: InquiryStatus) -> &'static str {
    match status {
        InquiryStatus::New => "badge--wait",
        InquiryStatus::Contacted => "badge--draft",
        InquiryStatus::Done => "badge--ok",
        InquiryStatus::Cancelled => "badge--bad",
    }
}

/// What the button that moves an inquiry to `status` says.
fn move_label(status: InquiryStatus) -> &'static str {
    match status {
        InquiryStatus::New => "Tandai baru",
        InquiryStatus::Contacted => "Tandai sudah dihubungi",
        InquiryStatus::Done => "Tandai selesai",
        InquiryStatus::Cancelled => "Batalkan",
    }
}

#[derive(Properties, PartialEq)]
pub struct InquiryCardProps {
    pub inquiry: Inquiry,
    pub desk: Desk,
}

#[component]
pub fn InquiryCard(props: &InquiryCardProps) -> Html {
    // The inquiry as last moved here (newer than the list's copy).
    let moved = use_state(|| None::<Inquiry>);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let i = (*moved).as_ref().filter(|m| m.id == props.inquiry.id).unwrap_or(&props.inquiry);
    let move_to = |status: InquiryStatus| {
        let (moved, busy, error, desk, id) = (moved.clone(), busy.clone(), error.clone(), props.desk, i.id);
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            let (moved, busy, error) = (moved.clone(), busy.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let change = InquiryStatusChange { status, note: String::new() };
                let answer = match desk {
                    Desk::Shop(shop) => api::call(inquiries::ShopStatus { id: shop, inquiry_id: id }, &change).await,
                    Desk::Admin => api::call(inquiries::VillageStatus { id }, &change).await,
                };
                busy.set(false);
                match answer {
                    Ok(inquiry) => {
                        error.set(None);
                        moved.set(Some(inquiry));
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let place = match (&i.shop_name, i.flagship) {
        (_, true) => format!("Produk unggulan Desa {}", i.village_name),
        (Some(shop), false) => format!("{shop} · Desa {}", i.village_name),
        (None, false) => format!("Desa {}", i.village_name),
    };
    let buyer = match &i.organisation {
        Some(org) => format!("{} ({org})", i.buyer_name),
        None => i.buyer_name.clone(),
    };
    html! {
        <li class="inquiry-card" aria-labelledby={format!("permintaan-{}", i.id)}>
            <p class="inquiry-card__top">
                <span class={classes!("badge", status_tone(i.status))}>{ i.status.label() }</span>
                <span class={classes!("tag", if i.kind == InquiryKind::Export { "tag--export" } else { "tag--kind" })}>
                    { i.kind.label() }
                </span>
                <span class="inquiry-card__date">{ format!("#{} · {}", i.id, date_time(i.created_at)) }</span>
            </p>
            <h3 class="inquiry-card__subject" id={format!("permintaan-{}", i.id)}>
                <a href={i.link.clone()} target="_blank" rel="noopener">{ &i.subject }</a>
            </h3>
            <p class="inquiry-card__place">{ place }</p>
            if i.lang == Lang::En {
                <p class="inquiry-card__english">{ FROM_ENGLISH_PAGE }</p>
            }
            <dl class="inquiry-card__facts">
                <div><dt>{ "Jumlah" }</dt><dd>{ format!("{} {}", thousands(i.quantity), i.unit) }</dd></div>
                <div><dt>{ "Tujuan" }</dt><dd>{ format!("{} ({})", i.destination, country_name(&i.dest_country)) }</dd></div>
                if let Some(needed_by) = &i.needed_by {
                    <div><dt>{ "Dibutuhkan" }</dt><dd>{ needed_by_label(needed_by) }</dd></div>
                }
                <div><dt>{ "Pembeli" }</dt><dd>{ buyer }</dd></div>
                <div><dt>{ "WhatsApp" }</dt><dd>{ number_display(&i.buyer_whatsapp) }</dd></div>
                if let Some(email) = &i.buyer_email {
                    <div><dt>{ "E-mail" }</dt><dd><a href={format!("mailto:{email}")}>{ email.clone() }</a></dd></div>
                }
            </dl>
            if !i.message.is_empty() {
                <blockquote class="inquiry-card__message">{ &i.message }</blockquote>
            }
            if !i.events.is_empty() {
                <ul class="inquiry-card__events" aria-label="Riwayat status">
                    { for i.events.iter().map(|e| html! {
                        <li>
                            { format!("{} oleh {} · {}", e.to.label(), e.actor_name, date_time(e.at)) }
                            if !e.note.is_empty() { <span class="muted">{ format!(" — {}", e.note) }</span> }
                        </li>
                    }) }
                </ul>
            }
            <div class="actions inquiry-card__actions">
                <a class="button button--wa" href={i.whatsapp_link.clone()} target="_blank" rel="noopener noreferrer">
                    { "Balas lewat WhatsApp" }
                </a>
                { for i.allowed.iter().map(|status| html! {
                    <button type="button" class={classes!("button", "button--small",
                        if *status == InquiryStatus::Cancelled { "button--ghost" } else { "button--secondary" })}
                        disabled={*busy} onclick={move_to(*status)}>
                        { move_label(*status) }
                    </button>
                }) }
            </div>
            if let Some(e) = &*error {
                <p class="form-alert" role="alert">{ e.message() }</p>
            }
        </li>
    }
}
