//! `/admin/desa/{id}/lapak`: the village's marketplace as its admins watch over it — shops (suspend with
//! a reason, reinstate, say which enterprise one represents) and listings (hide with a reason the seller
//! reads, show again).

use std::future::Future;
use std::rc::Rc;

use shared::api::{enterprises, moderation};
use shared::{
    EnterpriseRecord, ProductStatus, ShopStatus,
    format::rupiah,
    product::{ModeratedProduct, Moderation},
    storefront::{ModeratedShop, ShopEnterprise},
};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::reason_action::ReasonAction;
use crate::components::select_field::SelectField;
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, use_remote};

#[derive(Properties, PartialEq)]
pub struct MarketProps {
    pub village: i64,
}

#[component]
pub fn Market(props: &MarketProps) -> Html {
    let village = props.village;
    let shops = use_remote(village, |id| api::fetch_one(moderation::Shops { id }));
    let products = use_remote(village, |id| api::fetch_one(moderation::Products { id }));
    let enterprises = use_remote(village, |id| api::fetch_one(enterprises::Enterprises { id }));
    // A shop's suspension changes what its listings show, so every change reloads both lists.
    let changed = {
        let (shops, products) = (shops.retry(), products.retry());
        Callback::from(move |()| {
            shops.emit(());
            products.emit(());
        })
    };
    let enterprises: Rc<Vec<EnterpriseRecord>> = match enterprises.get() {
        Remote::Loaded(list) => list.clone(),
        _ => Rc::new(Vec::new()),
    };
    html! {
        <>
            <section class="panel" aria-labelledby="lapak-toko">
                <h2 id="lapak-toko">{ "Toko di desa ini" }</h2>
                <p class="muted">{ "Toko yang sudah disetujui. Pengajuan baru ada di menu Pengajuan toko." }</p>
                { match shops.get() {
                    Remote::Loading => html! { <SkeletonList count={2} /> },
                    Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={shops.retry()} /> },
                    Remote::Loaded(items) if items.is_empty() => html! { <EmptyState message="Belum ada toko aktif di desa ini." /> },
                    Remote::Loaded(items) => html! {
                        <ul class="record-list">
                            { for items.iter().map(|s| html! {
                                <ShopItem key={s.id} {village} shop={s.clone()} enterprises={enterprises.clone()}
                                    on_change={changed.clone()} />
                            }) }
                        </ul>
                    },
                } }
            </section>
            <section class="panel" aria-labelledby="lapak-produk">
                <h2 id="lapak-produk">{ "Produk" }</h2>
                <p class="muted">{ "Semua produk toko desa ini kecuali draf. Sembunyikan produk yang melanggar aturan; penjual membaca alasannya." }</p>
                { match products.get() {
                    Remote::Loading => html! { <SkeletonList count={3} /> },
                    Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={products.retry()} /> },
                    Remote::Loaded(items) if items.is_empty() => html! { <EmptyState message="Belum ada produk di desa ini." /> },
                    Remote::Loaded(items) => html! {
                        <ul class="record-list">
                            { for items.iter().map(|p| html! {
                                <ProductItem key={p.card.id} {village} product={p.clone()} on_change={changed.clone()} />
                            }) }
                        </ul>
                    },
                } }
            </section>
        </>
    }
}

/// Runs one moderation call: busy meanwhile, then `done` (reload), or the refusal kept to show.
pub(super) fn act(
    busy: &UseStateHandle<bool>,
    failure: &UseStateHandle<Option<ApiError>>,
    done: &Callback<()>,
    call: impl Future<Output = Result<(), ApiError>> + 'static,
) {
    if **busy {
        return;
    }
    busy.set(true);
    failure.set(None);
    let (busy, failure, done) = (busy.clone(), failure.clone(), done.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let answer = call.await;
        busy.set(false);
        match answer {
            Ok(()) => done.emit(()),
            Err(error) => failure.set(Some(error)),
        }
    });
}

/// The refusal's message when it is not about the reason field (which shows under the field).
pub(super) fn alert(failure: &Option<ApiError>) -> Html {
    match failure.as_ref().filter(|e| e.fields().is_empty()) {
        Some(error) => html! { <p class="form-alert" role="alert">{ error.message() }</p> },
        None => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
struct ShopItemProps {
    village: i64,
    shop: ModeratedShop,
    enterprises: Rc<Vec<EnterpriseRecord>>,
    on_change: Callback<()>,
}

#[component]
fn ShopItem(props: &ShopItemProps) -> Html {
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let s = &props.shop;
    let (village, id) = (props.village, s.id);
    let suspend = {
        let (busy, failure, done) = (busy.clone(), failure.clone(), props.on_change.clone());
        Callback::from(move |form: Moderation| {
            act(&busy, &failure, &done, api::call(moderation::SuspendShop { id: village, shop_id: id }, &form))
        })
    };
    let reinstate = {
        let (busy, failure, done) = (busy.clone(), failure.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            act(&busy, &failure, &done, api::call(moderation::ReinstateShop { id: village, shop_id: id }, &()))
        })
    };
    let link = {
        let (busy, failure, done) = (busy.clone(), failure.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let link = ShopEnterprise { enterprise_id: value.parse().ok() };
            act(&busy, &failure, &done, api::call(moderation::SetEnterprise { id: village, shop_id: id }, &link))
        })
    };
    let linked = s
        .enterprise
        .as_ref()
        .and_then(|e| props.enterprises.iter().find(|r| r.slug == e.slug))
        .map(|r| r.id.to_string())
        .unwrap_or_default();
    let mut options = vec![(String::new(), "Tidak mewakili lembaga".to_owned())];
    options.extend(
        props.enterprises.iter().map(|e| (e.id.to_string(), format!("{} ({})", e.form.name, e.form.kind.label()))),
    );
    let tone = if s.status == ShopStatus::Active { "badge--ok" } else { "badge--bad" };
    html! {
        <li class="record-list__item market-item">
            <div class="record-list__text">
                <span class={classes!("badge", tone)}>{ s.status.label() }</span>
                <strong>{ &s.name }</strong>
                if let Some(owner) = &s.owner {
                    <span class="market-item__meta">
                        { format!("Pemilik: {} · ", owner.name) }
                        <a href={owner.phone.whatsapp_url(&format!("Halo {}, ini admin desa tentang toko \u{201c}{}\u{201d}.", owner.name, s.name))}
                            target="_blank" rel="noopener">{ owner.phone.display() }</a>
                    </span>
                }
                <span class="market-item__meta">{ format!("{} produk · {} tampil di katalog", s.products, s.listed) }</span>
                if let Some(reason) = &s.status_reason {
                    <span class="market-item__reason">{ format!("Alasan: {reason}") }</span>
                }
                if s.status == ShopStatus::Active {
                    <a class="record-list__link" href={format!("/toko/{}", s.slug)} target="_blank" rel="noopener">{ "Lihat toko" }</a>
                }
            </div>
            <div class="market-item__actions">
                <SelectField form={format!("toko-{id}")} name="enterprise_id" label="Lembaga yang diwakili" value={linked}
                    {options} onchange={link} disabled={*busy} />
                { alert(&failure) }
                if !s.moderable {
                    <span class="market-item__meta">{ "Toko admin desa: dimoderasi oleh admin kabupaten." }</span>
                } else if s.status == ShopStatus::Suspended {
                    <button type="button" class="button button--primary" onclick={reinstate} disabled={*busy}>
                        { "Aktifkan lagi" }
                    </button>
                } else {
                    <ReasonAction form={format!("tangguh-{id}")} open_label="Tangguhkan…"
                        field_label="Alasan penangguhan (dibaca penjual)" confirm_label="Tangguhkan toko"
                        on_confirm={suspend} error={(*failure).clone()} busy={*busy} />
                }
            </div>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct ProductItemProps {
    village: i64,
    product: ModeratedProduct,
    on_change: Callback<()>,
}

#[component]
fn ProductItem(props: &ProductItemProps) -> Html {
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let p = &props.product;
    let (village, id) = (props.village, p.card.id);
    let hide = {
        let (busy, failure, done) = (busy.clone(), failure.clone(), props.on_change.clone());
        Callback::from(move |form: Moderation| {
            act(&busy, &failure, &done, api::call(moderation::HideProduct { id: village, product_id: id }, &form))
        })
    };
    let unhide = {
        let (busy, failure, done) = (busy.clone(), failure.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            act(&busy, &failure, &done, api::call(moderation::UnhideProduct { id: village, product_id: id }, &()))
        })
    };
    let (label, tone) = match (&p.hidden_reason, p.status) {
        (Some(_), _) => ("Disembunyikan", "badge--bad"),
        (None, ProductStatus::Active) if p.card.stock == 0 => ("Habis", "badge--wait"),
        (None, ProductStatus::Active) => (ProductStatus::Active.label(), "badge--ok"),
        (None, status) => (status.label(), "badge--archived"),
    };
    let listed = p.hidden_reason.is_none() && p.status == ProductStatus::Active;
    html! {
        <li class="record-list__item market-item">
            if let Some(photo) = &p.card.photo {
                <img class="record-list__photo" src={photo.thumb.url.clone()} alt=""
                    width={photo.thumb.width.to_string()} height={photo.thumb.height.to_string()} loading="lazy" />
            }
            <div class="record-list__text">
                <span class={classes!("badge", tone)}>{ label }</span>
                <strong>{ &p.card.name }</strong>
                <span class="market-item__meta">{ format!("{} / {} · {}", rupiah(p.card.price), p.card.unit.label(), p.card.shop_name) }</span>
                if let Some(reason) = &p.hidden_reason {
                    <span class="market-item__reason">{ format!("Alasan: {reason}") }</span>
                }
                if listed {
                    <a class="record-list__link" href={p.card.path()} target="_blank" rel="noopener">{ "Lihat halaman produk" }</a>
                }
            </div>
            <div class="market-item__actions">
                { alert(&failure) }
                if p.hidden_reason.is_some() {
                    <button type="button" class="button button--primary" onclick={unhide} disabled={*busy}>{ "Tampilkan lagi" }</button>
                } else {
                    <ReasonAction form={format!("sembunyi-{id}")} open_label="Sembunyikan…"
                        field_label="Alasan disembunyikan (dibaca penjual)" confirm_label="Sembunyikan produk"
                        on_confirm={hide} error={(*failure).clone()} busy={*busy} />
                }
            </div>
        </li>
    }
}
