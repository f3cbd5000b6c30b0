//! Where the goods go: a signed-in buyer picks one of their saved addresses or types a new one (and may
//! keep it); a guest types it. Not asked when every shop's goods are collected.

use shared::api::addresses::{Addresses, RemoveAddress};
use shared::texts::{checkout as t, forms};
use shared::{Address, FieldError, Phone, PlacedAddress};
use yew::prelude::*;

use super::draft::Draft;
use crate::api;
use crate::components::address_form::AddressForm;
use crate::hooks::{Remote, use_remote};
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct AddressPartProps {
    pub draft: Draft,
    /// Whether any shop's goods are delivered (else no address is asked for).
    pub needs_address: bool,
    /// Signed in: saved addresses and "simpan alamat".
    pub member: bool,
    pub errors: Vec<FieldError>,
    pub onchange: Callback<Draft>,
}

#[component]
pub fn AddressPart(props: &AddressPartProps) -> Html {
    let lang = use_lang();
    let saved = use_remote(props.member, |member| async move {
        if member { api::fetch_one(Addresses {}).await } else { Ok(Vec::new()) }
    });
    let list: Vec<PlacedAddress> = match saved.get() {
        Remote::Loaded(list) => list.as_ref().clone(),
        _ => Vec::new(),
    };
    {
        // The first saved address is picked for the buyer, unless they began typing one.
        let (draft, onchange, first) = (props.draft.clone(), props.onchange.clone(), list.first().cloned());
        use_effect_with(first.as_ref().and_then(|a| a.id), move |_| {
            if let Some(first) = first.filter(|_| draft.saved.is_none() && draft.address.desa_code.is_empty()) {
                onchange.emit(Draft { saved: first.id, address: first.address.clone(), ..draft });
            }
        });
    }
    let general = shared::problem::message_for(&props.errors, "address").map(str::to_owned);
    if !props.needs_address {
        return html! {
            <section class="checkout-part" aria-labelledby="checkout-alamat">
                <h2 class="checkout-part__title" id="checkout-alamat">{ t::address(lang) }</h2>
                <p class="muted">{ t::all_collected(lang) }</p>
            </section>
        };
    }
    let draft = &props.draft;
    let choose = |choice: Option<PlacedAddress>| {
        let (draft, onchange) = (draft.clone(), props.onchange.clone());
        Callback::from(move |_: Event| {
            let next = match &choice {
                Some(saved) => Draft { saved: saved.id, address: saved.address.clone(), ..draft.clone() },
                None => Draft {
                    saved: None,
                    address: Address {
                        recipient: draft.buyer_name.clone(),
                        whatsapp: draft.buyer_whatsapp.clone(),
                        ..Address::default()
                    },
                    ..draft.clone()
                },
            };
            onchange.emit(next);
        })
    };
    let on_address = {
        let (draft, onchange) = (draft.clone(), props.onchange.clone());
        Callback::from(move |address: Address| onchange.emit(Draft { address, ..draft.clone() }))
    };
    let on_keep = {
        let (draft, onchange) = (draft.clone(), props.onchange.clone());
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
            onchange.emit(Draft { save_address: checked, ..draft.clone() });
        })
    };
    let forget = |id: i64| {
        let (draft, onchange, retry) = (draft.clone(), props.onchange.clone(), saved.retry());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            let (draft, onchange, retry) = (draft.clone(), onchange.clone(), retry.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if api::call(RemoveAddress { id }, &()).await.is_ok() && draft.saved == Some(id) {
                    onchange.emit(Draft { saved: None, address: Address::default(), ..draft });
                }
                retry.emit(());
            });
        })
    };
    let typing = draft.saved.is_none();
    html! {
        <section class="checkout-part" aria-labelledby="checkout-alamat">
            <h2 class="checkout-part__title" id="checkout-alamat">{ t::address(lang) }</h2>
            if let Some(message) = general { <p class="form-field__error" role="alert">{ message }</p> }
            if !list.is_empty() {
                <fieldset class="choices">
                    <legend class="visually-hidden">{ t::choose_address(lang) }</legend>
                    { for list.iter().map(|saved| html! {
                        <div class="choice-row" key={saved.id.unwrap_or_default()}>
                        <label class="choice">
                            <input class="choice__input" type="radio" name="alamat-tersimpan"
                                checked={draft.saved.is_some() && draft.saved == saved.id}
                                onchange={choose(Some(saved.clone()))} />
                            <span class="choice__label">
                                { format!("{} · {}", saved.address.recipient, phone_text(&saved.address.whatsapp)) }
                            </span>
                            <span class="choice__hint">{ saved.one_line() }</span>
                        </label>
                        if let Some(id) = saved.id {
                            <button type="button" class="button button--ghost choice__remove" onclick={forget(id)}
                                aria-label={t::remove_address(lang, saved.one_line())}>{ forms::remove(lang) }</button>
                        }
                        </div>
                    }) }
                    <label class="choice">
                        <input class="choice__input" type="radio" name="alamat-tersimpan" checked={typing}
                            onchange={choose(None)} />
                        <span class="choice__label">{ t::new_address(lang) }</span>
                    </label>
                </fieldset>
            }
            if typing {
                <AddressForm value={draft.address.clone()} onchange={on_address} errors={props.errors.clone()} />
                if props.member {
                    <label class="check">
                        <input class="check__box" type="checkbox" checked={draft.save_address} onchange={on_keep} />
                        { t::keep_address(lang) }
                    </label>
                }
            }
        </section>
    }
}

/// A number as people read it (`0812-3456-7890`), or as it was typed.
fn phone_text(text: &str) -> String {
    Phone::parse(text).map_or_else(|_| text.to_owned(), |p| p.display())
}
