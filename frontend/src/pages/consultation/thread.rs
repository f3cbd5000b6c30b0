//! `/konsultasi/{id}`: one consultation — the question with its photos, the conversation and a reply box,
//! field visits, and for its staff the tools of `staff.rs`; the asker may close it once answered.

use std::rc::Rc;

use shared::api::consultations;
use shared::{
    Consultation, ConsultationStatus, DeskSide, Me,
    consultation::{Reply, StatusChange},
};
use yew::prelude::*;
use yew_router::prelude::*;

use super::{staff::StaffTools, status_tone, visits::Visits};
use crate::api::{self, ApiError};
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::skeleton::SkeletonList;
use crate::dates;
use crate::hooks::{Remote, page_title, use_remote, use_title};
use crate::session::SignedIn;
use crate::workspace::Route;

#[derive(Properties, PartialEq)]
pub struct ConsultationPageProps {
    pub id: i64,
}

#[component]
pub fn ConsultationPage(props: &ConsultationPageProps) -> Html {
    use_title(page_title("Konsultasi"));
    let id = props.id;
    html! { <SignedIn render={Callback::from(move |_: Rc<Me>| html! { <Thread {id} /> })} /> }
}

/// Loads the consultation; every change answers with it as it now stands, which replaces the loaded one.
#[component]
fn Thread(props: &ConsultationPageProps) -> Html {
    let loaded = use_remote(props.id, |id| api::fetch_one(consultations::Thread { id }));
    let changed = use_state(|| None::<Rc<Consultation>>);
    let consultation = match (loaded.get(), &*changed) {
        (Remote::Loaded(_), Some(c)) if c.id == props.id => c.clone(),
        (Remote::Loaded(c), _) => c.clone(),
        (Remote::Loading, _) => return html! { <div class="container page"><SkeletonList count={4} /></div> },
        (Remote::Failed(error), _) => {
            let body = if error.is_not_found() {
                html! {
                    <EmptyState message="Konsultasi ini tidak ditemukan, atau bukan untuk akun Anda.">
                        <Link<Route> classes="button button--secondary" to={Route::DeskMine}>{ "Konsultasi saya" }</Link<Route>>
                    </EmptyState>
                }
            } else {
                html! { <ErrorState error={error.clone()} on_retry={loaded.retry()} /> }
            };
            return html! { <div class="container page page--narrow"><h1>{ "Konsultasi" }</h1>{ body }</div> };
        }
    };
    let on_change = {
        let changed = changed.clone();
        Callback::from(move |c: Consultation| changed.set(Some(Rc::new(c))))
    };
    html! { <ThreadView {consultation} {on_change} /> }
}

#[derive(Properties, PartialEq)]
pub struct ThreadProps {
    pub consultation: Rc<Consultation>,
    pub on_change: Callback<Consultation>,
}

#[component]
fn ThreadView(props: &ThreadProps) -> Html {
    let c = &*props.consultation;
    let staff = c.viewer.side == DeskSide::Staff;
    let (back, back_label) =
        if staff { (Route::DeskQueue, "‹ Antrian konsultasi") } else { (Route::DeskMine, "‹ Konsultasi saya") };
    html! {
        <div class="container page page--narrow desk-thread">
            <Link<Route> classes="back-link" to={back}>{ back_label }</Link<Route>>
            <h1 class="desk-thread__title">{ &c.title }</h1>
            <p class="desk-thread__meta">
                <span class={classes!("badge", status_tone(c.status))}>{ c.status.label() }</span>
                <span>{ format!("{} · Desa {} · {}", c.topic.label(), c.village.name, dates::date_time(c.created_at)) }</span>
            </p>
            if !staff {
                <Close consultation={props.consultation.clone()} on_change={props.on_change.clone()} />
            }
            <section class="panel" aria-labelledby="pertanyaan">
                <h2 id="pertanyaan">{ "Pertanyaan" }</h2>
                <p class="desk-thread__text">{ &c.description }</p>
                if !c.photos.is_empty() {
                    <div class="desk-photos">
                        { for c.photos.iter().enumerate().map(|(i, p)| html! {
                            <a href={p.full.url.clone()} target="_blank" rel="noopener" key={p.id}>
                                <img src={p.thumb.url.clone()} alt={format!("Foto {}", i + 1)} loading="lazy"
                                    width={p.thumb.width.to_string()} height={p.thumb.height.to_string()} />
                            </a>
                        }) }
                    </div>
                }
                <p class="panel__meta">
                    { format!("Ditanyakan oleh {}", c.submitter.name) }
                    if let Some(shop) = &c.shop {
                        { format!(" untuk toko {}", shop.name) }
                    }
                    if let Some(phone) = &c.submitter.phone {
                        { format!(" · {}", phone.display()) }
                    }
                </p>
                if let Some(link) = &c.viewer.whatsapp_link {
                    <a class="button button--wa button--block" href={link.clone()} target="_blank" rel="noopener">
                        { "Kabari penanya lewat WhatsApp" }
                    </a>
                }
            </section>
            <Conversation consultation={props.consultation.clone()} on_change={props.on_change.clone()} />
            if staff {
                <StaffTools consultation={props.consultation.clone()} on_change={props.on_change.clone()} />
            }
            <Visits consultation={props.consultation.clone()} on_change={props.on_change.clone()} />
            if !staff && c.faq.as_ref().is_some_and(|f| f.published) {
                <p class="notice">{ "Pertanyaan ini ditulis ulang tanpa nama, nomor, desa atau toko Anda, lalu diterbitkan di tanya-jawab meja konsultasi." }</p>
            }
        </div>
    }
}

/// The asker's "it is clear now" on an answered consultation.
#[component]
fn Close(props: &ThreadProps) -> Html {
    let c = &*props.consultation;
    let failure = use_state(|| None::<ApiError>);
    if c.status == ConsultationStatus::Closed {
        return html! { <p class="next-step next-step--done" role="status">{ "Konsultasi ini sudah ditutup." }</p> };
    }
    if !c.viewer.moves.contains(&ConsultationStatus::Closed) {
        let text = match c.status {
            ConsultationStatus::New => "Menunggu petugas dinas membaca konsultasi Anda.",
            _ => "Sedang ditangani petugas. Balasan akan muncul di bawah.",
        };
        return html! { <p class="next-step" role="status">{ text }</p> };
    }
    let onclick = {
        let (id, on_change, failure) = (c.id, props.on_change.clone(), failure.clone());
        Callback::from(move |_: MouseEvent| {
            let (on_change, failure) = (on_change.clone(), failure.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let closed = StatusChange { status: ConsultationStatus::Closed };
                match api::call(consultations::ChangeStatus { id }, &closed).await {
                    Ok(c) => on_change.emit(c),
                    Err(e) => failure.set(Some(e)),
                }
            });
        })
    };
    html! {
        <div class="next-step next-step--act" role="status">
            <p class="next-step__text">{ "Petugas sudah menjawab. Sudah jelas? Tutup konsultasi ini; bila belum, balas di bawah." }</p>
            <button type="button" class="button button--secondary" {onclick}>{ "Tutup, sudah jelas" }</button>
            if let Some(error) = &*failure {
                <p class="form-alert" role="alert">{ error.message() }</p>
            }
        </div>
    }
}

/// The replies, oldest first, and the box to write one.
#[component]
fn Conversation(props: &ThreadProps) -> Html {
    let c = &*props.consultation;
    let form = use_state(Reply::default);
    let submission = use_state(Submission::default);
    let onsubmit = {
        let (form, submission, on_change, id) = (form.clone(), submission.clone(), props.on_change.clone(), c.id);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (form_after, on_change) = (form.clone(), on_change.clone());
            submit(&submission, form.validate(), api::call(consultations::Reply { id }, &form), move |c| {
                form_after.set(Reply::default());
                on_change.emit(c);
            });
        })
    };
    html! {
        <section class="panel" aria-labelledby="percakapan">
            <h2 id="percakapan">{ "Percakapan" }</h2>
            if c.messages.is_empty() {
                <p class="muted">{ "Belum ada balasan." }</p>
            } else {
                <ol class="desk-messages">
                    { for c.messages.iter().map(|m| html! {
                        <li key={m.id} class={classes!("desk-message", (m.side == DeskSide::Staff).then_some("desk-message--staff"))}>
                            <p class="desk-message__head">
                                <strong>{ &m.author_name }</strong>
                                { format!(" · {} · {}", if m.side == DeskSide::Staff { "Petugas" } else { "Penanya" }, dates::date_time(m.created_at)) }
                            </p>
                            <p class="desk-message__body">{ &m.body }</p>
                        </li>
                    }) }
                </ol>
            }
            if c.viewer.can_reply {
                <form class="form" {onsubmit} novalidate=true>
                    <FormAlert message={submission.message()} />
                    <TextField form="balas" name="body" label="Tulis balasan" rows={4} value={form.body.clone()}
                        oninput={setter(&form, |f, v| f.body = v)} error={submission.field("body")} />
                    <button type="submit" class="button button--primary" disabled={submission.busy}>{ "Kirim balasan" }</button>
                </form>
            }
        </section>
    }
}
