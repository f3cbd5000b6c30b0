//! `/konsultasi`: the consultation desk — what it is, how it works, the published questions and answers by
//! topic, and the way in (asking, one's own consultations, the staff queue). The desk's other pages live in
//! the modules below.

mod form;
mod mine;
mod queue;
mod staff;
mod thread;
mod visits;

use std::rc::Rc;

use shared::{ConsultationStatus, ConsultationSummary, FaqEntry, Me, Topic};
use yew::prelude::*;
use yew_router::prelude::*;

pub use form::NewConsultationPage;
pub use mine::MyConsultationsPage;
pub use queue::QueuePage;
pub use thread::ConsultationPage;

use crate::api;
use crate::components::error_state::ErrorState;
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, page_title, use_remote, use_title};
use crate::session::use_session;
use crate::when;
use crate::workspace::Route;

/// The badge colour of a status.
pub fn status_tone(status: ConsultationStatus) -> &'static str {
    match status {
        ConsultationStatus::New => "badge--wait",
        ConsultationStatus::InProgress => "badge--draft",
        ConsultationStatus::Answered => "badge--ok",
        ConsultationStatus::Closed => "badge--archived",
    }
}

#[component]
pub fn DeskPage() -> Html {
    use_title(page_title("Konsultasi usaha desa"));
    let me = use_session().user();
    html! {
        <div class="container page page--narrow desk">
            <h1>{ "Konsultasi usaha desa" }</h1>
            <p class="lead">
                { "Punya kendala usaha? Tanyakan permodalan, perizinan dan sertifikasi (PIRT, halal, merek), \
                   pemasaran, produksi dan kemasan, atau ekspor. Petugas dinas kabupaten — Dinas Koperasi & UMKM, \
                   Dinas Perindustrian, DPMPTSP, Dinas Kesehatan dan lainnya — menjawab langsung." }
            </p>
            <ol class="desk-steps">
                <li>{ "Tulis pertanyaan Anda, sebutkan desanya, lampirkan foto bila perlu." }</li>
                <li>{ "Petugas dinas membalas; pemberitahuan masuk ke akun Anda, lengkap dengan tautan WhatsApp." }</li>
                <li>{ "Bila perlu, petugas menjadwalkan kunjungan lapangan ke tempat usaha Anda." }</li>
            </ol>
            <div class="actions desk__actions">
                <Link<Route> classes="button button--primary" to={Route::DeskNew}>{ "Ajukan konsultasi" }</Link<Route>>
                if me.is_some() {
                    <Link<Route> classes="button button--secondary" to={Route::DeskMine}>{ "Konsultasi saya" }</Link<Route>>
                }
            </div>
            if let Some(me) = me {
                <StaffLink {me} />
            } else {
                <p class="muted">{ "Masuk atau daftar dulu untuk mengajukan konsultasi; tanya-jawab di bawah bisa dibaca siapa saja." }</p>
            }
            <Faq />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct StaffLinkProps {
    me: Rc<Me>,
}

/// The way to the queue, for those who answer.
#[component]
fn StaffLink(props: &StaffLinkProps) -> Html {
    let desk = use_remote(props.me.id, |_| api::consultations::desk(()));
    match desk.get() {
        Remote::Loaded(access) if access.staff => html! {
            <p class="notice desk__staff">
                { "Anda petugas meja konsultasi. " }
                <Link<Route> to={Route::DeskQueue}>{ "Buka antrian konsultasi" }</Link<Route>>
            </p>
        },
        _ => Html::default(),
    }
}

/// The published questions and answers, grouped by topic.
#[component]
fn Faq() -> Html {
    let entries = use_remote((), api::consultations::faq);
    let body = match entries.get() {
        Remote::Loading => html! { <SkeletonList count={3} /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={entries.retry()} /> },
        Remote::Loaded(list) if list.is_empty() => {
            html! { <p class="muted">{ "Belum ada tanya-jawab yang diterbitkan." }</p> }
        }
        Remote::Loaded(list) => html! {
            { for Topic::ALL.iter().map(|topic| {
                let mine: Vec<&FaqEntry> = list.iter().filter(|e| e.topic == *topic).collect();
                if mine.is_empty() {
                    return Html::default();
                }
                html! {
                    <section class="faq-topic" key={topic.code()}>
                        <h3>{ topic.label() }</h3>
                        { for mine.into_iter().map(|e| html! {
                            <details class="faq" key={e.id}>
                                <summary class="faq__question">{ &e.question }</summary>
                                <p class="faq__answer">{ &e.answer }</p>
                                <p class="faq__date">{ format!("Dijawab {}", when::date(e.published_at)) }</p>
                            </details>
                        }) }
                    </section>
                }
            }) }
        },
    };
    html! {
        <section class="desk__faq" aria-labelledby="tanya-jawab">
            <h2 id="tanya-jawab">{ "Tanya-jawab" }</h2>
            <p class="muted">{ "Pertanyaan yang sudah dijawab, ditulis ulang tanpa nama, nomor, desa atau toko penanya." }</p>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SummaryListProps {
    pub items: Vec<ConsultationSummary>,
    /// Staff lists name the asker.
    #[prop_or_default]
    pub staff: bool,
}

/// Consultations as cards leading to their threads.
#[component]
pub fn SummaryList(props: &SummaryListProps) -> Html {
    html! {
        <ul class="desk-list">
            { for props.items.iter().map(|c| {
                let mut meta = vec![c.topic.label().to_owned(), format!("Desa {}", c.village_name)];
                if props.staff {
                    meta.push(c.submitter_name.clone());
                }
                let replies = if c.messages == 0 { "belum dibalas".to_owned() } else { format!("{} balasan", c.messages) };
                let handled = match (&c.office, &c.assignee_name) {
                    (Some(office), Some(name)) => Some(format!("{} · {name}", office.label())),
                    (Some(office), None) => Some(office.label().to_owned()),
                    (None, Some(name)) => Some(name.clone()),
                    (None, None) => None,
                };
                html! {
                    <li key={c.id}>
                        <Link<Route> classes="desk-card" to={Route::DeskThread { id: c.id }}>
                            <span class="desk-card__top">
                                <span class={classes!("badge", status_tone(c.status))}>{ c.status.label() }</span>
                                <span class="desk-card__date">{ when::date_time(c.updated_at) }</span>
                            </span>
                            <strong class="desk-card__title">{ &c.title }</strong>
                            <span class="desk-card__meta">{ meta.join(" · ") }</span>
                            <span class="desk-card__meta">
                                { replies }
                                if let Some(handled) = handled {
                                    { format!(" · {handled}") }
                                }
                            </span>
                        </Link<Route>>
                    </li>
                }
            }) }
        </ul>
    }
}
