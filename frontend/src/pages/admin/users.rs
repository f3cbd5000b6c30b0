//! `/admin/pengguna`: finding a person in the admin's care and giving them a one-time link to set a
//! new password.

use shared::api::admin;
use shared::{ResetLink, UserRef};
use yew::prelude::*;

use super::reset_link::ResetLinkBox;
use crate::api::{self, ApiError};
use crate::components::error_state::ErrorState;
use crate::components::form::TextField;
use crate::hooks::{Remote, use_endpoint};

#[component]
pub fn Users() -> Html {
    let q = use_state(String::new);
    let users = use_endpoint(api::admin::users(&q));
    let issued = use_state(|| None::<ResetLink>);
    let failure = use_state(|| None::<ApiError>);
    let issue = {
        let (issued, failure) = (issued.clone(), failure.clone());
        Callback::from(move |user: i64| {
            let (issued, failure) = (issued.clone(), failure.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::call(admin::ResetLink { id: user }, &()).await {
                    Ok(link) => {
                        failure.set(None);
                        issued.set(Some(link));
                    }
                    Err(e) => failure.set(Some(e)),
                }
            });
        })
    };
    let row = |u: &UserRef| {
        let (id, issue) = (u.id, issue.clone());
        html! {
            <li class="user-list__item" key={u.id}>
                <span><strong>{ &u.name }</strong>{ format!(" · {}", u.phone.display()) }</span>
                <button type="button" class="button button--secondary" onclick={Callback::from(move |_: MouseEvent| issue.emit(id))}>
                    { "Buat tautan atur sandi" }
                </button>
            </li>
        }
    };
    html! {
        <section class="panel">
            <h2>{ "Bantu pengguna masuk kembali" }</h2>
            <p class="muted">
                { "Cari penjual dan admin di desa atau wilayah Anda, lalu kirim tautan sekali pakai untuk mengatur \
                   kata sandi baru lewat WhatsApp ke nomor yang terdaftar." }
            </p>
            <TextField form="pengguna" name="q" label="Nama atau nomor HP" kind="search" value={(*q).clone()}
                oninput={Callback::from({ let q = q.clone(); move |v: String| q.set(v) })} />
            if let Some(link) = &*issued {
                <ResetLinkBox link={link.clone()} />
            }
            if let Some(error) = &*failure {
                <p class="form-alert" role="alert">{ error.message() }</p>
            }
            { match users.get() {
                Remote::Loading => html! { <p class="muted">{ "Mencari…" }</p> },
                Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={users.retry()} /> },
                Remote::Loaded(list) if list.is_empty() => html! { <p class="muted">{ "Tidak ada pengguna yang cocok di wilayah Anda." }</p> },
                Remote::Loaded(list) => html! { <ul class="user-list">{ for list.iter().map(row) }</ul> },
            } }
        </section>
    }
}
