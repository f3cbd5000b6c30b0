//! Member producers of a shop run for people without a smartphone (BUMDes, koperasi, sentra IKM).

use shared::api::shops;
use shared::shop::NewProducer;
use yew::prelude::*;

use crate::api;
use crate::components::error_state::ErrorState;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::hooks::{Remote, use_remote};

#[derive(Properties, PartialEq)]
pub struct ProducersProps {
    pub shop: i64,
}

#[component]
pub fn Producers(props: &ProducersProps) -> Html {
    let shop = props.shop;
    let list = use_remote(shop, |id| api::fetch_one(shops::Producers { id }));
    let form = use_state(NewProducer::default);
    let submission = use_state(Submission::default);
    let onsubmit = {
        let (form, submission, list) = (form.clone(), submission.clone(), list.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (cleared, list) = (form.clone(), list.clone());
            submit(&submission, form.validate(), api::call(shops::AddProducer { id: shop }, &form), move |_| {
                cleared.set(NewProducer::default());
                list.retry().emit(());
            });
        })
    };
    let remove = {
        let (list, submission) = (list.clone(), submission.clone());
        Callback::from(move |producer: i64| {
            let (list, submission) = (list.clone(), submission.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::call(shops::RemoveProducer { id: shop, producer_id: producer }, &()).await {
                    Ok(()) => list.retry().emit(()),
                    Err(error) => submission.set(Submission { error: Some(error), ..Default::default() }),
                }
            });
        })
    };
    let form_id = format!("produsen-{shop}");
    html! {
        <div class="producers">
            <h4>{ "Produsen anggota" }</h4>
            <p class="producers__hint">
                { "Untuk toko BUMDes, koperasi atau sentra IKM yang menjualkan hasil warga yang tidak memakai ponsel pintar." }
            </p>
            { match list.get() {
                Remote::Loading => html! { <p class="muted">{ "Memuat…" }</p> },
                Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
                Remote::Loaded(items) if items.is_empty() => html! { <p class="muted">{ "Belum ada produsen." }</p> },
                Remote::Loaded(items) => html! {
                    <ul class="producer-list">
                        { for items.iter().map(|p| {
                            let (id, remove) = (p.id, remove.clone());
                            let place = if p.dusun.is_empty() { String::new() } else { format!(" · Dusun {}", p.dusun) };
                            html! {
                                <li key={p.id}>
                                    <span><strong>{ &p.name }</strong>{ place }{ if p.makes.is_empty() { String::new() } else { format!(" · {}", p.makes) } }</span>
                                    <button type="button" class="button button--ghost" onclick={Callback::from(move |_: MouseEvent| remove.emit(id))}>
                                        { "Hapus" }
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                },
            } }
            <form class="form form--inline" {onsubmit} novalidate=true>
                <FormAlert message={submission.message()} />
                <TextField form={form_id.clone()} name="name" label="Nama produsen" value={form.name.clone()}
                    oninput={setter(&form, |f, v| f.name = v)} error={submission.field("name")} required=true />
                <TextField form={form_id.clone()} name="dusun" label="Dusun" value={form.dusun.clone()}
                    oninput={setter(&form, |f, v| f.dusun = v)} error={submission.field("dusun")} />
                <TextField form={form_id} name="makes" label="Yang dibuat" value={form.makes.clone()}
                    oninput={setter(&form, |f, v| f.makes = v)} error={submission.field("makes")}
                    hint="Mis. keripik pisang, tenun ikat" />
                <button type="submit" class="button button--secondary" disabled={submission.busy}>{ "Tambah produsen" }</button>
            </form>
        </div>
    }
}
