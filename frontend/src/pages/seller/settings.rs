//! `/jual/{toko}/pengaturan`: what the owner keeps of their shop — name, description, WhatsApp, logo,
//! pickup address, bank accounts and QRIS, delivery, the most units per order, holidays — beside what only
//! the village admin sets (its status and the enterprise it represents).

use shared::api::shops::SaveSettings;
use shared::{Image, ShopSettings, ShopSettingsRecord, ShopStatus, storefront::BankAccount};
use yew::prelude::*;

use super::bank_accounts::BankAccounts;
use super::delivery::{DeliveryDraft, DeliveryEditor, checkbox};
use crate::api::{self, ApiError};
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::photo_picker::PhotoPicker;

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub record: ShopSettingsRecord,
    /// Loads the settings again (after a refused stale save).
    pub reload: Callback<()>,
    /// The settings as saved.
    pub on_saved: Callback<ShopSettingsRecord>,
}

#[component]
pub fn Settings(props: &SettingsProps) -> Html {
    let record = &props.record;
    let form = use_state(|| record.settings.clone());
    let logo = use_state(|| record.logo.clone().into_iter().collect::<Vec<Image>>());
    let qris = use_state(|| record.qris.clone().into_iter().collect::<Vec<Image>>());
    let delivery = use_state(|| DeliveryDraft::of(&record.settings.delivery));
    // Uploads under way in the logo and the QRIS pickers.
    let uploading = use_state(|| [false, false]);
    let submission = use_state(Submission::default);
    let saved = use_state(|| false);
    let shop = record.id;
    let onsubmit = {
        let (form, logo, qris, delivery, submission, saved, on_saved) = (
            form.clone(),
            logo.clone(),
            qris.clone(),
            delivery.clone(),
            submission.clone(),
            saved.clone(),
            props.on_saved.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            saved.set(false);
            let body = ShopSettings {
                logo_id: logo.first().map(|i| i.id),
                qris_id: qris.first().map(|i| i.id),
                delivery: delivery.options(),
                ..(*form).clone()
            };
            let (form, logo, qris, delivery, saved, on_saved) =
                (form.clone(), logo.clone(), qris.clone(), delivery.clone(), saved.clone(), on_saved.clone());
            submit(&submission, body.validate(), api::call(SaveSettings { id: shop }, &body), move |record| {
                form.set(record.settings.clone());
                logo.set(record.logo.clone().into_iter().collect());
                qris.set(record.qris.clone().into_iter().collect());
                delivery.set(DeliveryDraft::of(&record.settings.delivery));
                saved.set(true);
                on_saved.emit(record);
            });
        })
    };
    let busy_in = |slot: usize| {
        let uploading = uploading.clone();
        Callback::from(move |busy: bool| {
            let mut next = *uploading;
            next[slot] = busy;
            uploading.set(next);
        })
    };
    let pictures = |state: &UseStateHandle<Vec<Image>>| {
        let state = state.clone();
        Callback::from(move |p: Vec<Image>| state.set(p))
    };
    let conflict = matches!(&submission.error, Some(ApiError::Problem { status: 409, .. }));
    let active = record.status == ShopStatus::Active;
    let enterprise = match &record.enterprise {
        Some(e) => format!("{} ({})", e.name, e.kind.label()),
        None => "Belum ditautkan ke lembaga desa".to_owned(),
    };
    html! {
        <form class="form panel" {onsubmit} novalidate=true>
            <h2>{ "Pengaturan toko" }</h2>
            <dl class="shop-facts">
                <dt>{ "Status" }</dt>
                <dd>{ record.status.label() }</dd>
                <dt>{ "Lembaga desa" }</dt>
                <dd>{ enterprise }</dd>
            </dl>
            <p class="form-field__hint">{ "Status dan lembaga diatur oleh admin desa." }</p>
            <FormAlert message={submission.message()} />
            if conflict {
                <button type="button" class="button button--secondary" onclick={props.reload.reform(|_: MouseEvent| ())}>
                    { "Muat ulang" }
                </button>
            }
            <TextField form="toko" name="name" label="Nama toko" value={form.name.clone()}
                oninput={setter(&form, |f, v| f.name = v)} error={submission.field("name")} required=true />
            <TextField form="toko" name="description" label="Deskripsi toko" rows={3} value={form.description.clone()}
                oninput={setter(&form, |f, v| f.description = v)} error={submission.field("description")}
                hint="Siapa Anda dan apa yang Anda jual." />
            <TextField form="toko" name="whatsapp" label="Nomor WhatsApp toko" kind="tel" inputmode="tel"
                value={form.whatsapp.clone()} oninput={setter(&form, |f, v| f.whatsapp = v)}
                error={submission.field("whatsapp")} hint="Pembeli memesan dan bertanya lewat nomor ini." required=true />
            <PhotoPicker id="toko-logo" label="Logo toko" photos={(*logo).clone()} max={1} on_change={pictures(&logo)}
                on_busy={busy_in(0)} error={submission.field("logo_id")} />
            <TextField form="toko" name="pickup_address" label="Alamat pengambilan" rows={2}
                value={form.pickup_address.clone()} oninput={setter(&form, |f, v| f.pickup_address = v)}
                error={submission.field("pickup_address")} hint="Jalan, dusun, patokan: tempat pembeli mengambil barang." />
            <DeliveryEditor value={(*delivery).clone()} error={submission.field("delivery")}
                on_change={Callback::from({ let delivery = delivery.clone(); move |d: DeliveryDraft| delivery.set(d) })} />
            <BankAccounts accounts={form.bank_accounts.clone()} error={submission.field("bank_accounts")}
                on_change={Callback::from({
                    let form = form.clone();
                    move |bank_accounts: Vec<BankAccount>| form.set(ShopSettings { bank_accounts, ..(*form).clone() })
                })} />
            <PhotoPicker id="toko-qris" label="Gambar QRIS" photos={(*qris).clone()} max={1} on_change={pictures(&qris)}
                on_busy={busy_in(1)} error={submission.field("qris_id")} />
            <TextField form="toko" name="order_quantity_max" label="Paling banyak per pesanan" inputmode="numeric"
                value={form.order_quantity_max.map(|n| n.to_string()).unwrap_or_default()}
                oninput={setter(&form, |f, v| f.order_quantity_max = most_per_order(&v))}
                error={submission.field("order_quantity_max")}
                hint="Jumlah terbanyak satu produk dalam satu pesanan, agar stok tidak habis oleh satu pembeli. Kosongkan bila tidak dibatasi." />
            <fieldset class="form-field">
                <legend class="form-field__label">{ "Libur" }</legend>
                { checkbox("toko-libur", "Toko sedang libur (pesanan menunggu)", form.on_holiday, Callback::from({
                    let form = form.clone();
                    move |on_holiday: bool| form.set(ShopSettings { on_holiday, ..(*form).clone() })
                })) }
                if form.on_holiday {
                    <TextField form="toko" name="holiday_note" label="Catatan libur" value={form.holiday_note.clone()}
                        oninput={setter(&form, |f, v| f.holiday_note = v)} error={submission.field("holiday_note")}
                        hint="Mis. Libur Lebaran sampai 10 April." />
                }
            </fieldset>
            <button type="submit" class="button button--primary"
                disabled={!active || submission.busy || uploading.iter().any(|b| *b)}>
                { "Simpan pengaturan" }
            </button>
            if *saved {
                <p class="form-success" role="status">{ "Pengaturan toko tersimpan." }</p>
            }
        </form>
    }
}

/// The "most per order" field as typed: empty is no limit; digits too many for a number become one the
/// shared validation refuses, so the seller sees why.
fn most_per_order(typed: &str) -> Option<i64> {
    let digits: String = typed.chars().filter(char::is_ascii_digit).collect();
    (!digits.is_empty()).then(|| digits.parse().unwrap_or(i64::MAX))
}
