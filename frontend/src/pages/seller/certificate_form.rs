//! The editor of one certificate of a product: its kind, its number (checked for the shape the kind
//! has), who issued it, until when it is valid (a halal certificate from BPJPH may have no end), and a
//! photo of the document.

use shared::Image;
use shared::api::certificates::{AddCertificate, UpdateCertificate};
use shared::certificate::{Certificate, CertificateForm, CertificateKind, CertificateStatus};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::photo_picker::PhotoPicker;
use crate::components::select_field::SelectField;
use crate::dates;

#[derive(Properties, PartialEq)]
pub struct CertificateEditorProps {
    pub shop: i64,
    pub product: i64,
    /// None: a new certificate.
    pub record: Option<Certificate>,
    /// After a save.
    pub done: Callback<()>,
    pub cancel: Callback<()>,
}

#[component]
pub fn CertificateEditor(props: &CertificateEditorProps) -> Html {
    let record = props.record.as_ref();
    let form = use_state(|| {
        record.map_or_else(CertificateForm::default, |c| CertificateForm {
            kind: c.kind,
            number: c.number.clone(),
            issuer: c.issuer.clone(),
            expires_on: c.expires_on.clone(),
            photo_id: Some(c.photo.id),
        })
    });
    // "Tidak ada masa berlaku", for a halal certificate only.
    let no_end = use_state(|| record.is_some_and(|c| c.expires_on.is_none()));
    let photos = use_state(|| record.map(|c| vec![c.photo.clone()]).unwrap_or_default());
    let uploading = use_state(|| false);
    let submission = use_state(Submission::default);
    let (shop, product, id) = (props.shop, props.product, record.map(|c| c.id));
    let endless = *no_end && form.kind.may_have_no_expiry();
    let onsubmit = {
        let (form, photos, submission, done) = (form.clone(), photos.clone(), submission.clone(), props.done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = CertificateForm {
                expires_on: if endless { None } else { form.expiry().map(str::to_owned) },
                photo_id: photos.first().map(|p| p.id),
                ..(*form).clone()
            };
            let today = dates::today_where_shops_are();
            let (done, local) = (done.clone(), body.validate(&today));
            let save = async move {
                match id {
                    None => api::call(AddCertificate { id: shop, product_id: product }, &body).await,
                    Some(certificate_id) => api::call(UpdateCertificate { id: shop, certificate_id }, &body).await,
                }
            };
            submit(&submission, local, save, move |_| done.emit(()));
        })
    };
    let on_kind = {
        let form = form.clone();
        Callback::from(move |code: String| {
            let kind = CertificateKind::from_code(&code).unwrap_or(form.kind);
            form.set(CertificateForm { kind, ..(*form).clone() })
        })
    };
    let on_no_end = {
        let no_end = no_end.clone();
        Callback::from(move |e: Event| no_end.set(e.target_unchecked_into::<HtmlInputElement>().checked()))
    };
    let waits_again = record.is_some_and(|c| c.status == CertificateStatus::Verified);
    html! {
        <form class="form panel" {onsubmit} novalidate=true>
            <h3>{ if id.is_some() { "Ubah sertifikat" } else { "Tambah sertifikat" } }</h3>
            <FormAlert message={submission.message()} />
            if waits_again {
                <p class="notice">
                    { "Sertifikat ini sudah diverifikasi. Jika jenis, nomor, masa berlaku atau fotonya diubah, \
                       sertifikat menunggu verifikasi admin desa lagi dan tidak tampil sampai diverifikasi." }
                </p>
            }
            <SelectField form="sertifikat" name="kind" label="Jenis sertifikat" value={form.kind.code()}
                options={CertificateKind::ALL.iter().map(|k| (k.code().to_owned(), k.description().to_owned())).collect::<Vec<_>>()}
                onchange={on_kind} error={submission.field("kind")} />
            <TextField form="sertifikat" name="number" label="Nomor sertifikat" value={form.number.clone()}
                oninput={setter(&form, |f, v| f.number = v)} error={submission.field("number")} required=true
                hint={form.kind.number_hint()} />
            <TextField form="sertifikat" name="issuer" label="Diterbitkan oleh" value={form.issuer.clone()}
                oninput={setter(&form, |f, v| f.issuer = v)} error={submission.field("issuer")} required=true
                hint={format!("Mis. {}", form.kind.usual_issuer())} />
            if form.kind.may_have_no_expiry() {
                <label class="check">
                    <input class="check__box" type="checkbox" name="no_end" checked={*no_end} onchange={on_no_end} />
                    <span>{ "Tidak ada masa berlaku (sertifikat halal BPJPH berlaku selama bahan dan proses tidak berubah)" }</span>
                </label>
            }
            if !endless {
                <TextField form="sertifikat" name="expires_on" label="Berlaku sampai" kind="date"
                    value={form.expires_on.clone().unwrap_or_default()}
                    oninput={setter(&form, |f, v| f.expires_on = Some(v))} error={submission.field("expires_on")}
                    hint="Tanggal terakhir sertifikat berlaku, seperti tertulis di dokumennya." />
            }
            <PhotoPicker id="sertifikat-photo" label="Foto dokumen sertifikat" photos={(*photos).clone()} max={1}
                on_change={Callback::from({ let photos = photos.clone(); move |p: Vec<Image>| photos.set(p) })}
                on_busy={Callback::from({ let uploading = uploading.clone(); move |b| uploading.set(b) })}
                error={submission.field("photo_id")} />
            <div class="actions">
                <button type="submit" class="button button--primary" disabled={submission.busy || *uploading}>
                    { "Simpan sertifikat" }
                </button>
                <button type="button" class="button button--ghost" onclick={props.cancel.reform(|_: MouseEvent| ())}>{ "Batal" }</button>
            </div>
        </form>
    }
}
