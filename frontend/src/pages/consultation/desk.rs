//! `/konsultasi`: the consultation desk — what it is, how it works, the published questions and answers by
//! topic, and the way in. A page of islands, rendered on the server from the FAQ and kept for everyone,
//! so what is one person's own (their consultations) is an island that shows it once it knows who is
//! signed in; the desk's other pages are the workspace app's.

use shared::api::consultations;
use shared::routes::Page;
use shared::{FaqEntry, Topic};
use yew::prelude::*;

use super::address;
use crate::api::Get;
use crate::components::error_state::ErrorState;
use crate::components::skeleton::SkeletonList;
use crate::dates;
use crate::hooks::{Remote, page_title, use_endpoint, use_title};
use crate::islands::{Island, IslandHost};
use crate::session::use_session;

#[component]
pub fn DeskPage() -> Html {
    use_title(page_title("Konsultasi Usaha Desa"));
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
            <IslandHost island={Island::DeskWayIn} />
            <Faq />
        </div>
    }
}

/// The way in: asking, and, for the person signed in, their own consultations (where those who answer find
/// their queue). Known only in the browser, after the first render: the server's page is everyone's.
#[component]
pub fn DeskWayIn() -> Html {
    let me = use_session().user();
    html! {
        <>
            <div class="actions desk__actions">
                <a class="button button--primary" href={address(Page::DeskNew)}>{ "Ajukan konsultasi" }</a>
                if me.is_some() {
                    <a class="button button--secondary" href={address(Page::DeskMine)}>{ "Konsultasi saya" }</a>
                }
            </div>
            if me.is_none() {
                <p class="muted">{ "Masuk atau daftar dulu untuk mengajukan konsultasi; tanya-jawab di bawah bisa dibaca siapa saja." }</p>
            }
        </>
    }
}

/// The published questions and answers, grouped by topic.
#[component]
fn Faq() -> Html {
    let entries = use_endpoint(Get::of(consultations::Faq {}));
    let body = match entries.get() {
        Remote::Loading => html! { <SkeletonList count={3} /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={entries.retry()} /> },
        Remote::Loaded(list) if list.is_empty() => {
            html! { <p class="muted">{ "Belum ada tanya-jawab yang diterbitkan." }</p> }
        }
        Remote::Loaded(list) => html! {
            { for Topic::ALL.iter().filter_map(|topic| {
                let answered: Vec<&FaqEntry> = list.iter().filter(|e| e.topic == *topic).collect();
                (!answered.is_empty()).then(|| html! {
                    <section class="faq-topic" key={topic.code()}>
                        <h3>{ topic.label() }</h3>
                        { for answered.into_iter().map(|e| html! {
                            <details class="faq" key={e.id}>
                                <summary class="faq__question">{ &e.question }</summary>
                                <p class="faq__answer">{ &e.answer }</p>
                                <p class="faq__date">{ format!("Dijawab {}", dates::date(e.published_at)) }</p>
                            </details>
                        }) }
                    </section>
                })
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
