//! `/konsultasi/saya`: the signed-in person's own consultations, most recently changed first, and for those
//! who answer, the way to their queue.

use std::rc::Rc;

use shared::Me;
use shared::api::consultations;
use shared::routes::Page;
use yew::prelude::*;
use yew_router::prelude::*;

use super::{SummaryList, address};
use crate::api;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, page_title, use_remote, use_title};
use crate::session::SignedIn;
use crate::workspace::Route;

#[component]
pub fn MyConsultationsPage() -> Html {
    use_title(page_title("Konsultasi saya"));
    html! { <SignedIn render={Callback::from(|_: Rc<Me>| html! { <Mine /> })} /> }
}

#[component]
fn Mine() -> Html {
    let list = use_remote((), |()| api::fetch_one(consultations::Mine {}));
    let body = match list.get() {
        Remote::Loading => html! { <SkeletonList count={3} /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
        Remote::Loaded(items) if items.is_empty() => html! {
            <EmptyState message="Anda belum pernah mengajukan konsultasi.">
                <Link<Route> classes="button button--primary" to={Route::DeskNew}>{ "Ajukan konsultasi" }</Link<Route>>
            </EmptyState>
        },
        Remote::Loaded(items) => html! { <SummaryList items={(**items).clone()} /> },
    };
    html! {
        <div class="container page page--narrow">
            <a class="back-link" href={address(Page::Desk)}>{ "‹ Meja konsultasi" }</a>
            <h1>{ "Konsultasi saya" }</h1>
            <p class="actions">
                <Link<Route> classes="button button--secondary" to={Route::DeskNew}>{ "Ajukan konsultasi baru" }</Link<Route>>
            </p>
            <StaffLink />
            { body }
        </div>
    }
}

/// The way to the queue, for those who answer.
#[component]
fn StaffLink() -> Html {
    let desk = use_remote((), |()| api::fetch_one(consultations::Desk {}));
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
