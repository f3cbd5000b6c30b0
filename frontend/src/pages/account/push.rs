//! The account page's push section: allowing notifications on this device (the browser asks only when the
//! person taps), stopping them here, and the other devices that receive them, each removable.

use shared::api::push as endpoints;
use yew::prelude::*;

use super::sessions::device_name;
use crate::api::{self};
use crate::components::error_state::ErrorState;
use crate::components::skeleton::SkeletonList;
use crate::dates::date_time;
use crate::hooks::{Remote, use_remote};
use crate::push::{self, Permission};

#[component]
pub fn PushSection() -> Html {
    let devices = use_remote((), |()| api::fetch_one(endpoints::Devices {}));
    let here = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let message = use_state(|| None::<String>);
    {
        let here = here.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move { here.set(push::this_device().await) });
        });
    }
    let allow = {
        let (devices, here, busy, message) = (devices.clone(), here.clone(), busy.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let (devices, here, busy, message) = (devices.clone(), here.clone(), busy.clone(), message.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match push::allow().await {
                    Ok(device) => {
                        here.set(Some(device.endpoint));
                        message.set(Some("Pemberitahuan aktif di perangkat ini.".into()));
                    }
                    Err(why) => message.set(Some(why)),
                }
                busy.set(false);
                devices.retry().emit(());
            });
        })
    };
    let remove = {
        let (devices, message) = (devices.clone(), message.clone());
        Callback::from(move |(id, here): (i64, bool)| {
            let (devices, message) = (devices.clone(), message.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let done = push::stop(id, here).await;
                message.set(Some(done.map_or_else(|why| why, |()| "Pemberitahuan dimatikan.".to_owned())));
                devices.retry().emit(());
            });
        })
    };

    let listed = match devices.get() {
        Remote::Loaded(list) => Some(list.clone()),
        _ => None,
    };
    let on_here = listed.as_ref().is_some_and(|list| list.iter().any(|d| Some(&d.endpoint) == here.as_ref()));
    let control = match push::permission() {
        Permission::Unsupported => html! {
            <p class="muted">{ "Browser ini tidak bisa menerima pemberitahuan. Di iPhone, tambahkan Lapak Desa ke layar utama lebih dulu." }</p>
        },
        Permission::Denied => html! {
            <p class="muted">{ "Pemberitahuan diblokir di browser ini. Izinkan lewat pengaturan situs di browser, lalu muat ulang halaman." }</p>
        },
        _ if on_here => html! { <p><span class="badge">{ "Aktif di perangkat ini" }</span></p> },
        _ => html! {
            <button type="button" class="button" disabled={*busy} onclick={allow}>
                { if *busy { "Menyiapkan…" } else { "Aktifkan pemberitahuan di perangkat ini" } }
            </button>
        },
    };
    let list = match devices.get() {
        Remote::Loading => html! { <SkeletonList count={1} /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={devices.retry()} /> },
        Remote::Loaded(list) if list.is_empty() => html! {},
        Remote::Loaded(list) => html! {
            <ul class="session-list">
                { for list.iter().map(|d| {
                    let (id, remove) = (d.id, remove.clone());
                    let is_here = Some(&d.endpoint) == here.as_ref();
                    html! {
                        <li class="session-list__item" key={d.id}>
                            <div>
                                <p class="session-list__device">
                                    { device_name(&d.user_agent) }
                                    if is_here { <span class="badge">{ "Perangkat ini" }</span> }
                                </p>
                                <p class="session-list__meta">{ format!("Diaktifkan {}", date_time(d.created_at)) }</p>
                            </div>
                            <button type="button" class="button button--ghost" onclick={Callback::from(move |_: MouseEvent| remove.emit((id, is_here)))}>
                                { "Matikan" }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        },
    };
    html! {
        <section class="panel" aria-labelledby="pemberitahuan">
            <h2 id="pemberitahuan">{ "Pemberitahuan di HP" }</h2>
            <p>{ "Dapat kabar pesanan baru, bukti bayar dan perubahan status pesanan langsung di HP, walau aplikasi sedang ditutup." }</p>
            { control }
            if let Some(text) = &*message {
                <p class="form-note" role="status">{ text }</p>
            }
            { list }
        </section>
    }
}
