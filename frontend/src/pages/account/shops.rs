//! The account page's shops section: the person's shops and applications with their status, a form
//! to apply for a shop in a village, and the member producers of an active shop.

use std::rc::Rc;

use shared::api::shops;
use shared::{Me, MyShop, ShopStatus, VillageQuery, shop::ShopApplication};
use yew::prelude::*;
use yew_router::prelude::*;

use super::producers::Producers;
use crate::api;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::dates::date_time;
use crate::hooks::{Remote, use_remote};
use crate::session::use_session;
use crate::workspace::Route;

#[derive(Properties, PartialEq)]
pub struct ShopsProps {
    pub me: Rc<Me>,
}

#[component]
pub fn ShopsSection(props: &ShopsProps) -> Html {
    html! {
        <section class="panel" aria-labelledby="toko-saya">
            <h2 id="toko-saya">{ "Toko saya" }</h2>
            if props.me.shops.is_empty() {
                <p>{ "Anda belum punya toko. Ajukan toko di desa Anda; admin desa akan memeriksanya." }</p>
            }
            <ul class="shop-list">
                { for props.me.shops.iter().map(|shop| html! { <ShopItem key={shop.id} shop={shop.clone()} /> }) }
            </ul>
            <ApplyForm me={props.me.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ShopItemProps {
    shop: MyShop,
}

#[component]
fn ShopItem(props: &ShopItemProps) -> Html {
    let shop = &props.shop;
    let tone = match shop.status {
        ShopStatus::Active => "badge--ok",
        ShopStatus::Pending => "badge--wait",
        ShopStatus::Rejected | ShopStatus::Suspended => "badge--bad",
    };
    html! {
        <li class="shop-list__item">
            <p class="shop-list__name">
                <strong>{ &shop.name }</strong>
                <span class={classes!("badge", tone)}>{ shop.status.label() }</span>
            </p>
            <p class="shop-list__meta">{ format!("Desa {} · diajukan {}", shop.village.name, date_time(shop.created_at)) }</p>
            if let Some(reason) = &shop.status_reason {
                <p class="shop-list__reason">{ format!("Alasan: {reason}") }</p>
            }
            <Link<Route> classes="button button--secondary button--small"
                to={Route::SellPart { shop: shop.id, part: "produk".into() }}>
                { if shop.status == ShopStatus::Active { "Kelola produk dan pengaturan" } else { "Buka halaman toko" } }
            </Link<Route>>
            if shop.status == ShopStatus::Active {
                <Producers shop={shop.id} />
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct ApplyProps {
    me: Rc<Me>,
}

/// Applying for a shop: the village (searched by name), the shop's name, description and number.
#[component]
fn ApplyForm(props: &ApplyProps) -> Html {
    let session = use_session();
    let open = use_state(|| false);
    let search = use_state(String::new);
    let query = VillageQuery {
        q: Some((*search).clone()).filter(|q| !q.trim().is_empty()),
        per_page: Some(20),
        ..Default::default()
    };
    let villages = use_remote(query, |query| api::fetch(api::villages(&query)));
    let form = use_state(|| ShopApplication { whatsapp: props.me.phone.display(), ..Default::default() });
    let submission = use_state(Submission::default);

    let onsubmit = {
        let (form, submission, session, open) = (form.clone(), submission.clone(), session.clone(), open.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (session, open) = (session.clone(), open.clone());
            submit(&submission, form.validate(), api::call(shops::Apply {}, &form), move |_| {
                open.set(false);
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(me) = api::account::me().await {
                        session.set.emit(me);
                    }
                });
            });
        })
    };
    if !*open {
        let open = open.clone();
        return html! {
            <button type="button" class="button button--primary" onclick={Callback::from(move |_: MouseEvent| open.set(true))}>
                { "Ajukan toko baru" }
            </button>
        };
    }
    let on_village = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            let mut next = (*form).clone();
            next.village = value;
            form.set(next);
        })
    };
    let options = match villages.get() {
        Remote::Loaded(page) => {
            page.items.iter().map(|v| (v.slug.clone(), format!("{} — {}", v.name, v.region.kabupaten))).collect()
        }
        _ => Vec::new(),
    };
    let village_error = submission.field("village");
    html! {
        <form class="form form--boxed" {onsubmit} novalidate=true>
            <h3>{ "Ajukan toko" }</h3>
            <FormAlert message={submission.message()} />
            <TextField form="toko" name="cari-desa" label="Cari desa" value={(*search).clone()} kind="search"
                oninput={Callback::from({ let search = search.clone(); move |v: String| search.set(v) })}
                hint="Ketik nama desa, lalu pilih dari daftar." />
            <div class={classes!("form-field", village_error.is_some().then_some("has-error"))}>
                <label class="form-field__label" for="toko-village">{ "Desa" }</label>
                <select class="form-field__input" id="toko-village" name="village" onchange={on_village}
                    aria-invalid={village_error.is_some().then_some("true")}>
                    <option value="" selected={form.village.is_empty()}>{ "— pilih desa —" }</option>
                    { for options.into_iter().map(|(slug, label)| html! {
                        <option value={slug.clone()} selected={form.village == slug}>{ label }</option>
                    }) }
                </select>
                if let Some(error) = village_error {
                    <p class="form-field__error">{ error }</p>
                }
            </div>
            <TextField form="toko" name="name" label="Nama toko" value={form.name.clone()}
                oninput={setter(&form, |f, v| f.name = v)} error={submission.field("name")} required=true />
            <TextField form="toko" name="description" label="Deskripsi singkat (tidak wajib)" value={form.description.clone()}
                oninput={setter(&form, |f, v| f.description = v)} error={submission.field("description")} />
            <TextField form="toko" name="whatsapp" label="Nomor WhatsApp toko" kind="tel" inputmode="tel"
                value={form.whatsapp.clone()} oninput={setter(&form, |f, v| f.whatsapp = v)}
                error={submission.field("whatsapp")} hint="Pembeli menghubungi toko lewat nomor ini." required=true />
            <button type="submit" class="button button--primary" disabled={submission.busy}>{ "Kirim pengajuan" }</button>
        </form>
    }
}
