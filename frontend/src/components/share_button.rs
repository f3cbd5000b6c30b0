//! A "Bagikan" button: the phone's own share sheet (Web Share API) where the browser has one, otherwise
//! a WhatsApp link that opens a chat picker with the name and address ready to send.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use shared::texts::common as t;

use crate::links::whatsapp_share_url;
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct ShareButtonProps {
    /// What is shared: a product's or shop's name.
    pub title: AttrValue,
    /// Its absolute address.
    pub url: AttrValue,
    /// The button's text; "Bagikan" ("Share") when none.
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

#[component]
pub fn ShareButton(props: &ShareButtonProps) -> Html {
    let lang = use_lang();
    let onclick = {
        let (title, url) = (props.title.clone(), props.url.clone());
        Callback::from(move |event: MouseEvent| {
            if let Some(shared) = share_natively(&title, &url) {
                event.prevent_default();
                // Closing the share sheet rejects the promise: nothing to report.
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = wasm_bindgen_futures::JsFuture::from(shared).await;
                });
            }
        })
    };
    html! {
        <a class="button button--secondary" href={whatsapp_share_url(&props.title, &props.url)} target="_blank"
            rel="noopener noreferrer" {onclick}>
            { props.label.clone().unwrap_or(AttrValue::Static(t::share(lang))) }
        </a>
    }
}

/// Opens the share sheet with `navigator.share({title, text, url})`, when the browser has it.
fn share_natively(title: &str, url: &str) -> Option<Promise> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let share = Reflect::get(&navigator, &"share".into()).ok()?.dyn_into::<Function>().ok()?;
    let data = Object::new();
    for (key, value) in [("title", title), ("text", title), ("url", url)] {
        Reflect::set(&data, &key.into(), &value.into()).ok()?;
    }
    share.call1(&navigator, &data).ok()?.dyn_into::<Promise>().ok()
}
