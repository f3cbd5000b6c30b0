//! How a shop's goods reach buyers, as its settings edit them: pickup, the seller's own delivery with a
//! fee per area, courier rates per province or kabupaten, and fees named after the order.

use std::rc::Rc;

use shared::{
    DeliveryOptions, Region,
    storefront::{CourierRate, RATES_MAX, SellerDelivery},
};
use yew::prelude::*;

use super::{amount, amount_text};
use crate::api;
use crate::components::form::TextField;
use crate::components::select_field::SelectField;
use crate::hooks::{Remote, use_remote};

/// The delivery options as typed: fees stay text until saved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeliveryDraft {
    pub pickup: bool,
    /// The seller delivers.
    pub seller: bool,
    pub same_desa: String,
    pub same_kecamatan: String,
    pub same_kabupaten: String,
    pub courier: Vec<RateDraft>,
    pub quoted: bool,
}

/// One courier rate as typed: a province (`52`) or kabupaten (`52.01`) code and Rupiah per kg.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RateDraft {
    pub region: String,
    pub per_kg: String,
}

impl DeliveryDraft {
    pub fn of(options: &DeliveryOptions) -> DeliveryDraft {
        let seller = options.seller.clone().unwrap_or_default();
        DeliveryDraft {
            pickup: options.pickup,
            seller: options.seller.is_some(),
            same_desa: amount_text(seller.same_desa),
            same_kecamatan: amount_text(seller.same_kecamatan),
            same_kabupaten: amount_text(seller.same_kabupaten),
            courier: options
                .courier
                .iter()
                .map(|r| RateDraft { region: r.region.clone(), per_kg: r.per_kg.to_string() })
                .collect(),
            quoted: options.quoted,
        }
    }

    /// What is sent; the shared check then names what is missing.
    pub fn options(&self) -> DeliveryOptions {
        DeliveryOptions {
            pickup: self.pickup,
            seller: self.seller.then(|| SellerDelivery {
                same_desa: amount(&self.same_desa),
                same_kecamatan: amount(&self.same_kecamatan),
                same_kabupaten: amount(&self.same_kabupaten),
            }),
            courier: self
                .courier
                .iter()
                .map(|r| CourierRate { region: r.region.clone(), per_kg: amount(&r.per_kg).unwrap_or(0) })
                .collect(),
            quoted: self.quoted,
        }
    }
}

/// A labelled checkbox.
pub fn checkbox(id: &str, label: &str, checked: bool, on_change: Callback<bool>) -> Html {
    let onchange = on_change.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlInputElement>().checked());
    html! {
        <label class="checkbox-field" for={id.to_owned()}>
            <input type="checkbox" id={id.to_owned()} {checked} {onchange} />
            <span>{ label.to_owned() }</span>
        </label>
    }
}

#[derive(Properties, PartialEq)]
pub struct DeliveryEditorProps {
    pub value: DeliveryDraft,
    pub on_change: Callback<DeliveryDraft>,
    #[prop_or_default]
    pub error: Option<String>,
}

#[component]
pub fn DeliveryEditor(props: &DeliveryEditorProps) -> Html {
    let draft = &props.value;
    // Each change goes up as a whole new draft.
    let edit = |apply: fn(&mut DeliveryDraft, String)| {
        let (draft, on_change) = (draft.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let mut next = draft.clone();
            apply(&mut next, value);
            on_change.emit(next);
        })
    };
    let provinces = use_remote((), |()| api::all_regions(None));
    let provinces: Rc<Vec<Region>> = match provinces.get() {
        Remote::Loaded(list) => list.clone(),
        _ => Rc::new(Vec::new()),
    };
    let change = |apply: fn(&mut DeliveryDraft, bool)| {
        let (draft, on_change) = (draft.clone(), props.on_change.clone());
        Callback::from(move |on: bool| {
            let mut next = draft.clone();
            apply(&mut next, on);
            on_change.emit(next);
        })
    };
    let rate_change = |i: usize| {
        let (draft, on_change) = (draft.clone(), props.on_change.clone());
        Callback::from(move |rate: Option<RateDraft>| {
            let mut next = draft.clone();
            match rate {
                Some(rate) => next.courier[i] = rate,
                None => drop(next.courier.remove(i)),
            }
            on_change.emit(next);
        })
    };
    let add_rate = {
        let (draft, on_change) = (draft.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = draft.clone();
            next.courier.push(RateDraft::default());
            on_change.emit(next);
        })
    };
    html! {
        <fieldset class={classes!("form-field", "delivery-editor", props.error.is_some().then_some("has-error"))}>
            <legend class="form-field__label">{ "Pengiriman" }</legend>
            { checkbox("kirim-pickup", "Diambil pembeli di alamat pengambilan (gratis)", draft.pickup, change(|d, on| d.pickup = on)) }
            { checkbox("kirim-seller", "Antar sendiri", draft.seller, change(|d, on| d.seller = on)) }
            if draft.seller {
                <div class="delivery-editor__group">
                    <p class="form-field__hint">{ "Ongkos antar per pesanan. Kosongkan wilayah yang tidak Anda layani; 0 berarti gratis." }</p>
                    <TextField form="kirim" name="same_desa" label="Dalam desa yang sama (Rp)" inputmode="numeric"
                        value={draft.same_desa.clone()} oninput={edit(|d, v| d.same_desa = v)} />
                    <TextField form="kirim" name="same_kecamatan" label="Dalam kecamatan yang sama (Rp)" inputmode="numeric"
                        value={draft.same_kecamatan.clone()} oninput={edit(|d, v| d.same_kecamatan = v)} />
                    <TextField form="kirim" name="same_kabupaten" label="Dalam kabupaten yang sama (Rp)" inputmode="numeric"
                        value={draft.same_kabupaten.clone()} oninput={edit(|d, v| d.same_kabupaten = v)} />
                </div>
            }
            <div class="delivery-editor__group">
                <p class="delivery-editor__title">{ "Tarif kurir per kg" }</p>
                <p class="form-field__hint">{ "Tujuan satu provinsi atau satu kabupaten; tarif kabupaten dipakai lebih dulu." }</p>
                { for draft.courier.iter().enumerate().map(|(i, rate)| html! {
                    <RateRow key={i} index={i} rate={rate.clone()} provinces={provinces.clone()} on_change={rate_change(i)} />
                }) }
                if draft.courier.len() < RATES_MAX {
                    <button type="button" class="button button--secondary button--small" onclick={add_rate}>
                        { "Tambah tarif kurir" }
                    </button>
                }
            </div>
            { checkbox("kirim-quoted", "Ongkir dikonfirmasi penjual setelah pesanan", draft.quoted, change(|d, on| d.quoted = on)) }
            if let Some(error) = &props.error {
                <p class="form-field__error" role="alert">{ error.clone() }</p>
            }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct RateRowProps {
    index: usize,
    rate: RateDraft,
    provinces: Rc<Vec<Region>>,
    /// The changed rate, or none when it is removed.
    on_change: Callback<Option<RateDraft>>,
}

/// One courier rate: a province, optionally one of its kabupaten, and the price per kg.
#[component]
fn RateRow(props: &RateRowProps) -> Html {
    let province = props.rate.region.split('.').next().unwrap_or_default().to_owned();
    let kabupaten = use_remote(province.clone(), |code: String| async move {
        if code.is_empty() { Ok(Vec::new()) } else { api::all_regions(Some(code)).await }
    });
    let rate = props.rate.clone();
    let with = |edit: fn(&mut RateDraft, String)| {
        let (rate, on_change) = (rate.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let mut next = rate.clone();
            edit(&mut next, value);
            on_change.emit(Some(next));
        })
    };
    let on_kabupaten = {
        let (rate, province, on_change) = (rate.clone(), province.clone(), props.on_change.clone());
        Callback::from(move |code: String| {
            let region = if code.is_empty() { province.clone() } else { code };
            on_change.emit(Some(RateDraft { region, ..rate.clone() }));
        })
    };
    let mut province_options = vec![(String::new(), "— pilih provinsi —".to_owned())];
    province_options.extend(props.provinces.iter().map(|r| (r.code.clone(), r.name.clone())));
    let mut kabupaten_options = vec![(String::new(), "Seluruh provinsi".to_owned())];
    if let Remote::Loaded(list) = kabupaten.get() {
        kabupaten_options.extend(list.iter().map(|r| (r.code.clone(), r.name.clone())));
    }
    let n = props.index + 1;
    let form = format!("tarif-{n}");
    html! {
        <div class="delivery-editor__rate" role="group" aria-label={format!("Tarif kurir ke-{n}")}>
            <SelectField form={form.clone()} name="provinsi" label={format!("Provinsi (tarif ke-{n})")} value={province.clone()}
                options={province_options} onchange={with(|r, v| r.region = v)} />
            if !province.is_empty() {
                <SelectField form={form.clone()} name="kabupaten" label="Kabupaten/kota" options={kabupaten_options}
                    value={if props.rate.region.contains('.') { props.rate.region.clone() } else { String::new() }}
                    onchange={on_kabupaten} />
            }
            <TextField form={form} name="per_kg" label="Rp per kg" inputmode="numeric" value={props.rate.per_kg.clone()}
                oninput={with(|r, v| r.per_kg = v)} />
            <button type="button" class="button button--ghost button--small"
                onclick={props.on_change.reform(|_: MouseEvent| None)}>{ format!("Hapus tarif ke-{n}") }</button>
        </div>
    }
}
