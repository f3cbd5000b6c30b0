//! `/admin/pengajuan-toko`: shop applications of the admin's villages, to approve or reject with a
//! reason; decided ones stay listed under their own tab.

use shared::api::admin;
use shared::{ShopApplicationView, ShopStatus, shop::Rejection};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::form::TextField;
use crate::components::skeleton::SkeletonList;
use crate::dates::date_time;
use crate::hooks::{Remote, use_endpoint};

const TABS: [ShopStatus; 3] = [ShopStatus::Pending, ShopStatus::Active, ShopStatus::Rejected];

#[component]
pub fn Applications() -> Html {
    let tab = use_state(|| ShopStatus::Pending);
    let list = use_endpoint(api::admin::applications(*tab));
    let changed = list.retry();
    html! {
        <section class="panel">
            <h2>{ "Pengajuan toko" }</h2>
            <div class="tabs" role="tablist">
                { for TABS.iter().map(|status| {
                    let (tab, status) = (tab.clone(), *status);
                    let selected = *tab == status;
                    html! {
                        <button type="button" role="tab" aria-selected={selected.to_string()}
                            class={classes!("tabs__tab", selected.then_some("is-active"))}
                            onclick={Callback::from(move |_: MouseEvent| tab.set(status))}>
                            { status.label() }
                        </button>
                    }
                }) }
            </div>
            { match list.get() {
                Remote::Loading => html! { <SkeletonList count={2} /> },
                Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
                Remote::Loaded(items) if items.is_empty() => html! {
                    <EmptyState message={if *tab == ShopStatus::Pending { "Tidak ada pengajuan yang menunggu." } else { "Belum ada toko di sini." }} />
                },
                Remote::Loaded(items) => html! {
                    <ul class="application-list">
                        { for items.iter().map(|a| html! { <Application key={a.id} application={a.clone()} on_change={changed.clone()} /> }) }
                    </ul>
                },
            } }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ApplicationProps {
    application: ShopApplicationView,
    on_change: Callback<()>,
}

#[component]
fn Application(props: &ApplicationProps) -> Html {
    let a = &props.application;
    let rejecting = use_state(|| false);
    let reason = use_state(String::new);
    let failure = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let decide = |reject: bool| {
        let (id, reason, failure, busy, done) =
            (a.id, reason.clone(), failure.clone(), busy.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            let (reason, failure, busy, done) = ((*reason).clone(), failure.clone(), busy.clone(), done.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let answer = if reject {
                    api::call(admin::RejectShop { id }, &Rejection { reason }).await
                } else {
                    api::call(admin::ApproveShop { id }, &()).await
                };
                busy.set(false);
                match answer {
                    Ok(_) => done.emit(()),
                    Err(e) => failure.set(Some(e)),
                }
            });
        })
    };
    let reason_error =
        failure.as_ref().and_then(|e| shared::problem::message_for(e.fields(), "reason").map(str::to_owned));
    let message =
        format!("Halo {}, ini admin Lapak Desa tentang pengajuan toko \u{201c}{}\u{201d}.", a.owner.name, a.name);
    html! {
        <li class="application">
            <p class="application__name"><strong>{ &a.name }</strong>{ format!(" · Desa {}", a.village.name) }</p>
            if !a.description.is_empty() {
                <p>{ &a.description }</p>
            }
            <p class="application__meta">
                { format!("Pemohon: {} · ", a.owner.name) }
                <a href={a.owner.phone.whatsapp_url(&message)} target="_blank" rel="noopener">{ a.owner.phone.display() }</a>
                { format!(" · diajukan {}", date_time(a.created_at)) }
            </p>
            if let Some(reason) = &a.status_reason {
                <p class="application__reason">{ format!("Alasan: {reason}") }</p>
            }
            if let Some(error) = failure.as_ref().filter(|e| e.fields().is_empty()) {
                <p class="form-alert" role="alert">{ error.message() }</p>
            }
            if a.status == ShopStatus::Pending {
                if *rejecting {
                    <TextField form={format!("tolak-{}", a.id)} name="reason" label="Alasan penolakan (dibaca pemohon)"
                        value={(*reason).clone()} error={reason_error}
                        oninput={Callback::from({ let reason = reason.clone(); move |v: String| reason.set(v) })} />
                    <div class="actions">
                        <button type="button" class="button button--danger" onclick={decide(true)} disabled={*busy}>{ "Tolak pengajuan" }</button>
                        <button type="button" class="button button--ghost"
                            onclick={Callback::from({ let rejecting = rejecting.clone(); move |_: MouseEvent| rejecting.set(false) })}>
                            { "Batal" }
                        </button>
                    </div>
                } else {
                    <div class="actions">
                        <button type="button" class="button button--primary" onclick={decide(false)} disabled={*busy}>{ "Setujui" }</button>
                        <button type="button" class="button button--secondary"
                            onclick={Callback::from({ let rejecting = rejecting.clone(); move |_: MouseEvent| rejecting.set(true) })}>
                            { "Tolak…" }
                        </button>
                    </div>
                }
            }
        </li>
    }
}
