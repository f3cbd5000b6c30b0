//! `/jual/{toko}/produk`: the shop's listings with their status as shoppers meet it (draft, for sale,
//! sold out, hidden by the seller or by the village admin and why), quick hide/show and removal, and the
//! editor of one listing with its certificates.

use shared::api::products::{Listings, RemoveListing, UpdateListing};
use shared::{ProductForm, ProductRecord, ProductStatus, format::rupiah, format::thousands, product::product_path};
use yew::prelude::*;

use super::certificates::Certificates;
use super::product_form::ProductEditor;
use crate::api::{self, ApiError};
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::record_list::{Editing, RemoveButton, close_editor, removal};
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, use_remote};

#[derive(Properties, PartialEq)]
pub struct ProductsProps {
    pub shop: i64,
    /// Whether the shop may change anything (approved and not suspended).
    pub active: bool,
}

#[component]
pub fn Products(props: &ProductsProps) -> Html {
    let shop = props.shop;
    let list = use_remote(shop, |id| api::fetch_one(Listings { id }));
    let editing = use_state(|| Editing::<ProductRecord>::Nothing);
    let failure = use_state(|| None::<ApiError>);
    if *editing != Editing::Nothing {
        let (done, cancel) = (close_editor(&editing, Some(list.retry())), close_editor(&editing, None));
        let record = editing.record();
        let product = record.as_ref().map(|r| r.id);
        return html! {
            <>
                <ProductEditor {shop} {record} {done} {cancel} />
                if let Some(product) = product {
                    <Certificates {shop} {product} active={props.active} />
                }
            </>
        };
    }
    let remove = removal(
        move |product_id| api::call(RemoveListing { id: shop, product_id }, &()),
        failure.clone(),
        list.retry(),
    );
    let toggle = {
        let (failure, reload) = (failure.clone(), list.retry());
        Callback::from(move |record: ProductRecord| {
            let (failure, reload) = (failure.clone(), reload.clone());
            let status =
                if record.form.status == ProductStatus::Active { ProductStatus::Hidden } else { ProductStatus::Active };
            let form = ProductForm { status, ..record.form.clone() };
            failure.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                let checked = form.validate();
                let answer = match checked.first() {
                    Some(problem) => Err(ApiError::Problem {
                        status: 422,
                        detail: format!("{}: {}", record.form.name, problem.message),
                        fields: Vec::new(),
                    }),
                    None => api::call(UpdateListing { id: shop, product_id: record.id }, &form).await.map(|_| ()),
                };
                match answer {
                    Ok(()) => reload.emit(()),
                    Err(error) => failure.set(Some(error)),
                }
            });
        })
    };
    let add = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(Editing::New))
    };
    html! {
        <section class="panel" aria-labelledby="produk-toko">
            <h2 id="produk-toko">{ "Produk" }</h2>
            if let Some(error) = &*failure {
                <p class="form-alert" role="alert">{ error.message() }</p>
            }
            if props.active {
                <button type="button" class="button button--primary" onclick={add}>{ "Tambah produk" }</button>
            }
            { match list.get() {
                Remote::Loading => html! { <SkeletonList count={3} /> },
                Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
                Remote::Loaded(items) if items.is_empty() => html! {
                    <EmptyState message={if props.active {
                        "Belum ada produk. Tambahkan produk pertama Anda: foto, harga dan stok."
                    } else {
                        "Belum ada produk."
                    }} />
                },
                Remote::Loaded(items) => html! {
                    <ul class="record-list">
                        { for items.iter().map(|p| {
                            let edit = {
                                let (editing, p) = (editing.clone(), p.clone());
                                Callback::from(move |_: MouseEvent| editing.set(Editing::Existing(Box::new(p.clone()))))
                            };
                            let id = p.id;
                            html! {
                                <Row key={p.id} record={p.clone()} active={props.active} {edit}
                                    toggle={toggle.reform({ let p = p.clone(); move |_: MouseEvent| p.clone() })}
                                    remove={remove.reform(move |()| id)} />
                            }
                        }) }
                    </ul>
                },
            } }
        </section>
    }
}

/// The status a shopper would meet, as a label and a badge class.
pub fn status_badge(record: &ProductRecord) -> (&'static str, &'static str) {
    match record.form.status {
        _ if record.hidden_reason.is_some() => ("Disembunyikan admin desa", "badge--bad"),
        ProductStatus::Active if record.form.stock == 0 => ("Habis", "badge--wait"),
        ProductStatus::Active => (ProductStatus::Active.label(), "badge--ok"),
        ProductStatus::Draft => (ProductStatus::Draft.label(), "badge--draft"),
        ProductStatus::Hidden => (ProductStatus::Hidden.label(), "badge--archived"),
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    record: ProductRecord,
    active: bool,
    edit: Callback<MouseEvent>,
    toggle: Callback<MouseEvent>,
    remove: Callback<()>,
}

#[component]
fn Row(props: &RowProps) -> Html {
    let p = &props.record;
    let (label, tone) = status_badge(p);
    let price = format!("{} / {}", rupiah(p.form.price), p.form.unit.label());
    let stock = format!("Stok {}", thousands(p.form.stock));
    let shown = p.form.status == ProductStatus::Active;
    html! {
        <li class="record-list__item seller-product">
            if let Some(photo) = p.photos.first() {
                <img class="record-list__photo" src={photo.thumb.url.clone()} alt=""
                    width={photo.thumb.width.to_string()} height={photo.thumb.height.to_string()} loading="lazy" />
            } else {
                <span class="record-list__photo seller-product__nophoto" aria-hidden="true">{ "Tanpa foto" }</span>
            }
            <div class="record-list__text">
                // Hidden by the village admin: the reason stands in for the badge.
                if let Some(reason) = &p.hidden_reason {
                    <span class="seller-product__hidden">{ format!("{label}: {reason}") }</span>
                } else {
                    <span class={classes!("badge", tone)}>{ label }</span>
                }
                <strong class="seller-product__name">{ &p.form.name }</strong>
                <span class="seller-product__meta">{ format!("{price} · {stock}") }</span>
                if p.is_listed() {
                    <a class="record-list__link" href={product_path(p.id, &p.slug)} target="_blank" rel="noopener">
                        { "Lihat halaman produk" }
                    </a>
                }
            </div>
            if props.active {
                <div class="record-list__actions">
                    <button type="button" class="button button--secondary" onclick={props.edit.clone()}>{ "Ubah" }</button>
                    <button type="button" class="button button--ghost" onclick={props.toggle.clone()}>
                        { if shown { "Sembunyikan" } else { "Tampilkan" } }
                    </button>
                    <RemoveButton question="Hapus produk ini untuk selamanya?" on_remove={props.remove.clone()} />
                </div>
            }
        </li>
    }
}
