//! `/konsultasi/antrian`: the staff queue — the consultations of the villages a consultant or admin covers,
//! filtered by status, topic, village and office, a page at a time.

use std::rc::Rc;

use shared::api::consultations;
use shared::routes::Page;
use shared::{ConsultationStatus, Me, Office, Topic, consultation::DeskAccess};
use yew::prelude::*;
use yew_router::prelude::*;

use super::{SummaryList, address};
use crate::api::{
    self,
    consultations::{QueueFilter, queue},
};
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::select_field::SelectField;
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, page_title, use_remote, use_title};
use crate::session::SignedIn;
use crate::workspace::Route;

#[component]
pub fn QueuePage() -> Html {
    use_title(page_title("Antrian konsultasi"));
    html! { <SignedIn render={Callback::from(|me: Rc<Me>| html! { <Desk key={me.id} /> })} /> }
}

/// Loads the person's place at the desk first: the queue is for staff only.
#[component]
fn Desk() -> Html {
    let access = use_remote((), |()| api::fetch_one(consultations::Desk {}));
    let body = match access.get() {
        Remote::Loading => html! { <SkeletonList count={3} /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={access.retry()} /> },
        Remote::Loaded(access) if !access.staff => html! {
            <EmptyState message="Antrian ini untuk konsultan dinas, admin desa dan admin kabupaten.">
                <Link<Route> classes="button button--secondary" to={Route::DeskMine}>{ "Konsultasi saya" }</Link<Route>>
            </EmptyState>
        },
        Remote::Loaded(access) => html! { <Queue access={access.clone()} /> },
    };
    html! {
        <div class="container page page--narrow">
            <a class="back-link" href={address(Page::Desk)}>{ "‹ Meja konsultasi" }</a>
            <h1>{ "Antrian konsultasi" }</h1>
            { body }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct QueueProps {
    access: Rc<DeskAccess>,
}

/// An option list: "semua" first, then each value.
fn choices<T: Copy>(all: &[T], code: fn(T) -> &'static str, label: fn(T) -> &'static str) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), "Semua".to_owned())];
    options.extend(all.iter().map(|v| (code(*v).to_owned(), label(*v).to_owned())));
    options
}

#[component]
fn Queue(props: &QueueProps) -> Html {
    let filter = use_state(|| QueueFilter { page: 1, ..Default::default() });
    let list = use_remote((*filter).clone(), |filter| api::fetch(queue(&filter)));
    let change = |apply: fn(&mut QueueFilter, String)| {
        let filter = filter.clone();
        Callback::from(move |value: String| {
            let mut next = (*filter).clone();
            apply(&mut next, value);
            next.page = 1;
            filter.set(next);
        })
    };
    let go = |page: u32| {
        let filter = filter.clone();
        Callback::from(move |_: MouseEvent| filter.set(QueueFilter { page, ..(*filter).clone() }))
    };
    let mut villages = vec![(String::new(), "Semua desa".to_owned())];
    villages.extend(props.access.villages.iter().map(|v| (v.id.to_string(), v.name.clone())));
    let scope: Vec<String> =
        props.access.consultant.iter().map(|c| format!("{} — {}", c.office.label(), c.region.name)).collect();
    let results = match list.get() {
        Remote::Loading => html! { <SkeletonList count={3} /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
        Remote::Loaded(page) if page.items.is_empty() => {
            html! { <EmptyState message="Tidak ada konsultasi yang cocok dengan saringan ini." /> }
        }
        Remote::Loaded(page) => {
            let pages = u32::try_from((page.total + i64::from(page.per_page) - 1) / i64::from(page.per_page.max(1)))
                .unwrap_or(1)
                .max(1);
            html! {
                <>
                    <p class="result-count">{ format!("{} konsultasi", page.total) }</p>
                    <SummaryList items={page.items.clone()} staff=true />
                    if pages > 1 {
                        <nav class="pagination" aria-label="Halaman">
                            <button type="button" class="button pagination__link" disabled={page.page <= 1}
                                onclick={go(page.page.saturating_sub(1).max(1))}>{ "‹ Sebelumnya" }</button>
                            <span class="pagination__status">{ format!("Halaman {} dari {pages}", page.page) }</span>
                            <button type="button" class="button pagination__link" disabled={page.page >= pages}
                                onclick={go(page.page + 1)}>{ "Berikutnya ›" }</button>
                        </nav>
                    }
                </>
            }
        }
    };
    html! {
        <>
            if !scope.is_empty() {
                <p class="muted">{ format!("Anda konsultan: {}.", scope.join("; ")) }</p>
            }
            <div class="form-grid desk-filters">
                <SelectField form="antrian" name="status" label="Status"
                    value={filter.status.map(|s| s.code()).unwrap_or_default()}
                    options={choices(ConsultationStatus::ALL, ConsultationStatus::code, ConsultationStatus::label)}
                    onchange={change(|f, v| f.status = ConsultationStatus::from_code(&v))} />
                <SelectField form="antrian" name="topik" label="Topik"
                    value={filter.topic.map(|t| t.code()).unwrap_or_default()}
                    options={choices(Topic::ALL, Topic::code, Topic::label)}
                    onchange={change(|f, v| f.topic = Topic::from_code(&v))} />
                <SelectField form="antrian" name="desa" label="Desa"
                    value={filter.village.map(|v| v.to_string()).unwrap_or_default()} options={villages}
                    onchange={change(|f, v| f.village = v.parse().ok())} />
                <SelectField form="antrian" name="kantor" label="Dinas"
                    value={filter.office.map(|o| o.code()).unwrap_or_default()}
                    options={choices(Office::ALL, Office::code, Office::label)}
                    onchange={change(|f, v| f.office = Office::from_code(&v))} />
            </div>
            { results }
        </>
    }
}
