//! A one-time reset link, shown once right after it was made, with a button that sends it by WhatsApp.

use shared::ResetLink;
use yew::prelude::*;

use crate::dates::date_time;

#[derive(Properties, PartialEq)]
pub struct ResetLinkBoxProps {
    pub link: ResetLink,
}

#[component]
pub fn ResetLinkBox(props: &ResetLinkBoxProps) -> Html {
    let link = &props.link;
    let copied = use_state(|| false);
    let copy = {
        let (url, copied) = (link.url.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&url);
                copied.set(true);
            }
        })
    };
    html! {
        <div class="reset-link" role="status">
            <p class="reset-link__title">
                { format!("Tautan untuk {} ({}) — hanya ditampilkan sekali", link.user.name, link.user.phone.display()) }
            </p>
            <p class="reset-link__url"><code>{ &link.url }</code></p>
            <p class="muted">{ format!("Berlaku sampai {}, sekali pakai.", date_time(link.expires_at)) }</p>
            <div class="actions">
                <a class="button button--wa" href={link.whatsapp_url.clone()} target="_blank" rel="noopener">
                    { "Kirim lewat WhatsApp" }
                </a>
                <button type="button" class="button button--secondary" onclick={copy}>
                    { if *copied { "Tersalin" } else { "Salin tautan" } }
                </button>
            </div>
        </div>
    }
}
