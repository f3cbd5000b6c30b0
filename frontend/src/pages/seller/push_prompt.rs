//! The seller's gentle offer of pushes, above their shop's tabs: shown only where this browser can receive
//! them and the person has not been asked yet nor said "nanti"; the browser asks only after a tap.

use yew::prelude::*;

use crate::push::{self, Permission};

/// Where "Nanti saja" is remembered in this browser.
const DISMISSED: &str = "lapak.push-offer-dismissed";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

#[component]
pub fn PushPrompt() -> Html {
    let shown = use_state(|| {
        push::permission() == Permission::Ask && storage().and_then(|s| s.get_item(DISMISSED).ok().flatten()).is_none()
    });
    let message = use_state(|| None::<String>);
    let busy = use_state(|| false);
    if !*shown && message.is_none() {
        return html! {};
    }
    let allow = {
        let (shown, message, busy) = (shown.clone(), message.clone(), busy.clone());
        Callback::from(move |_: MouseEvent| {
            let (shown, message, busy) = (shown.clone(), message.clone(), busy.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let said = match push::allow().await {
                    Ok(_) => "Pemberitahuan aktif: pesanan baru akan muncul di perangkat ini.".to_owned(),
                    Err(why) => why,
                };
                message.set(Some(said));
                busy.set(false);
                shown.set(false);
            });
        })
    };
    let later = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(storage) = storage() {
                let _ = storage.set_item(DISMISSED, "1");
            }
            shown.set(false);
        })
    };
    html! {
        <div class="push-offer" role="region" aria-label="Pemberitahuan pesanan">
            if let Some(text) = &*message {
                <p class="form-note" role="status">{ text }</p>
            } else {
                <p>{ "Mau tahu saat ada pesanan baru, walau aplikasi ditutup? Aktifkan pemberitahuan di perangkat ini." }</p>
                <div class="actions">
                    <button type="button" class="button button--primary" disabled={*busy} onclick={allow}>
                        { if *busy { "Menyiapkan…" } else { "Aktifkan pemberitahuan" } }
                    </button>
                    <button type="button" class="button button--ghost" onclick={later}>{ "Nanti saja" }</button>
                </div>
            }
        </div>
    }
}
