//! The forms of a producer's page: recording a payout (amount, cash or transfer, day, note, a photo of
//! the receipt) and setting the shop's fee for the producer with their WhatsApp number.

use shared::Image;
use shared::api::producer_ledger::{Pay, SetTerms};
use shared::producer_ledger::{Fee, FeeKind, PayoutForm, PayoutMethod, ProducerAccount, TermsForm};
use yew::prelude::*;

use super::{amount, amount_text};
use crate::api;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::photo_picker::PhotoPicker;
use crate::components::select_field::SelectField;
use crate::dates;

#[derive(Properties, PartialEq)]
pub struct PayoutBoxProps {
    pub shop: i64,
    pub producer: i64,
    /// After a payout is recorded.
    pub on_paid: Callback<()>,
}

/// "Catat pembayaran": money handed to the producer.
#[component]
pub fn PayoutBox(props: &PayoutBoxProps) -> Html {
    let form = use_state(|| PayoutForm { paid_on: dates::today_where_shops_are(), ..PayoutForm::default() });
    let typed = use_state(String::new);
    let photos = use_state(Vec::<Image>::new);
    let uploading = use_state(|| false);
    let submission = use_state(Submission::default);
    let done = use_state(|| None::<String>);
    let onsubmit = {
        let (form, typed, photos, submission, done) =
            (form.clone(), typed.clone(), photos.clone(), submission.clone(), done.clone());
        let (shop, producer, on_paid) = (props.shop, props.producer, props.on_paid.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let sent = PayoutForm {
                amount: amount(&typed).unwrap_or(0),
                receipt_id: photos.first().map(|p| p.id),
                ..(*form).clone()
            };
            let (form, typed, photos, done, on_paid) =
                (form.clone(), typed.clone(), photos.clone(), done.clone(), on_paid.clone());
            let call = api::call(Pay { id: shop, producer_id: producer }, &sent);
            submit(&submission, sent.validate(), call, move |payout| {
                done.set(Some(format!("Pembayaran {} dicatat.", shared::format::rupiah(payout.amount))));
                form.set(PayoutForm { paid_on: dates::today_where_shops_are(), ..PayoutForm::default() });
                typed.set(String::new());
                photos.set(Vec::new());
                on_paid.emit(());
            });
        })
    };
    let methods = [PayoutMethod::Tunai, PayoutMethod::Transfer]
        .iter()
        .map(|m| (m.code().to_owned(), m.label().to_owned()))
        .collect::<Vec<_>>();
    let on_method = {
        let form = form.clone();
        Callback::from(move |code: String| {
            let mut next = (*form).clone();
            next.method = PayoutMethod::from_code(&code).unwrap_or_default();
            form.set(next);
        })
    };
    let on_typed = {
        let typed = typed.clone();
        Callback::from(move |value: String| typed.set(value))
    };
    let on_photos = {
        let photos = photos.clone();
        Callback::from(move |list: Vec<Image>| photos.set(list))
    };
    let on_busy = {
        let uploading = uploading.clone();
        Callback::from(move |busy: bool| uploading.set(busy))
    };
    html! {
        <section class="panel" aria-labelledby="bayar">
            <h2 id="bayar">{ "Catat pembayaran" }</h2>
            <form class="form" {onsubmit} novalidate=true>
                <FormAlert message={submission.message()} />
                if let Some(message) = &*done {
                    <p class="form-note" role="status">{ message.clone() }</p>
                }
                <TextField form="bayar" name="amount" label="Jumlah (Rp)" value={(*typed).clone()} oninput={on_typed}
                    inputmode="numeric" error={submission.field("amount")} required=true />
                <SelectField form="bayar" name="method" label="Cara bayar" value={form.method.code()}
                    options={methods} onchange={on_method} />
                <TextField form="bayar" name="paid_on" label="Tanggal bayar" kind="date" value={form.paid_on.clone()}
                    oninput={setter(&form, |f, v| f.paid_on = v)} error={submission.field("paid_on")} required=true />
                <TextField form="bayar" name="note" label="Catatan" value={form.note.clone()}
                    oninput={setter(&form, |f, v| f.note = v)} error={submission.field("note")} />
                <PhotoPicker id="bayar-receipt" label="Foto bukti (boleh dikosongkan)" photos={(*photos).clone()}
                    max={1} on_change={on_photos} {on_busy} error={submission.field("receipt_id")} />
                <button type="submit" class="button button--primary" disabled={submission.busy || *uploading}>
                    { if submission.busy { "Menyimpan…" } else { "Simpan pembayaran" } }
                </button>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct TermsBoxProps {
    pub shop: i64,
    pub producer: i64,
    pub account: ProducerAccount,
    pub on_saved: Callback<()>,
}

/// "Bagi hasil": the shop's fee for this producer and their WhatsApp number.
#[component]
pub fn TermsBox(props: &TermsBoxProps) -> Html {
    let a = &props.account;
    let kind = use_state(|| a.fee.kind);
    let value = use_state(|| amount_text(Some(a.fee.value)));
    let phone = use_state(|| a.phone.clone().unwrap_or_default());
    let submission = use_state(Submission::default);
    let onsubmit = {
        let (kind, value, phone, submission) = (kind.clone(), value.clone(), phone.clone(), submission.clone());
        let (shop, producer, on_saved) = (props.shop, props.producer, props.on_saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let form =
                TermsForm { fee: Fee { kind: *kind, value: amount(&value).unwrap_or(0) }, phone: (*phone).clone() };
            let on_saved = on_saved.clone();
            let call = api::call(SetTerms { id: shop, producer_id: producer }, &form);
            submit(&submission, form.validate(), call, move |_| on_saved.emit(()));
        })
    };
    let kinds = vec![
        (FeeKind::Persen.code().to_owned(), "Persen dari penjualan".to_owned()),
        (FeeKind::PerSatuan.code().to_owned(), "Rupiah per satuan".to_owned()),
    ];
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |code: String| kind.set(FeeKind::from_code(&code).unwrap_or_default()))
    };
    let keep = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |v: String| state.set(v))
    };
    let value_label = if *kind == FeeKind::Persen { "Bagian toko (%)" } else { "Potongan per satuan (Rp)" };
    html! {
        <section class="panel" aria-labelledby="bagi-hasil">
            <h2 id="bagi-hasil">{ "Bagi hasil" }</h2>
            <p class="muted">
                { "Berlaku untuk pesanan yang selesai setelah disimpan. Persen dibulatkan ke bawah: pecahan rupiah menjadi milik produsen." }
            </p>
            <form class="form" {onsubmit} novalidate=true>
                <FormAlert message={submission.message()} />
                <SelectField form="bagi" name="fee.kind" label="Cara bagi hasil" value={kind.code()} options={kinds}
                    onchange={on_kind} />
                <TextField form="bagi" name="fee.value" label={value_label} value={(*value).clone()}
                    oninput={keep(&value)} inputmode="numeric" error={submission.field("fee.value")} />
                <TextField form="bagi" name="phone" label="WhatsApp produsen" value={(*phone).clone()}
                    oninput={keep(&phone)} kind="tel" error={submission.field("phone")}
                    hint="Boleh dikosongkan bila produsen tidak memakai ponsel." />
                <button type="submit" class="button button--secondary" disabled={submission.busy}>{ "Simpan bagi hasil" }</button>
            </form>
        </section>
    }
}
