//! The buyer's complaint on their order's page: within the days after shipping or pickup, "Ajukan
//! komplain" opens a form (what went wrong, what happened, up to three photos for a signed-in buyer);
//! then the complaint's progress, the buyer's own moves and WhatsApp to the seller.

use std::rc::Rc;

use shared::complaint::{COMPLAINT_DAYS, Complaint, ComplaintForm, PHOTOS_MAX};
use shared::complaint_flow::ComplaintReason;
use shared::{Image, Order};
use yew::prelude::*;

use crate::api;
use crate::components::complaint_card::ComplaintCard;
use crate::components::complaint_moves::{ComplaintMoves, Side};
use crate::components::form::{FormAlert, Submission, TextField, submit};
use crate::components::photo_picker::PhotoPicker;
use crate::components::select_field::SelectField;
use crate::dates::date_time;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct OrderComplaintProps {
    pub order: Rc<Order>,
    /// A guest's proof that the order is theirs.
    pub phone: Option<String>,
}

/// "Komplain": the way to open one, or the one opened.
#[component]
pub fn OrderComplaint(props: &OrderComplaintProps) -> Html {
    // The complaint as the latest answer gave it, over the one the order loaded with.
    let latest = use_state(|| None::<Complaint>);
    let order = &props.order;
    let complaint = (*latest).clone().filter(|c| c.order_code == order.code).or_else(|| order.complaint.clone());
    let on_done = {
        let latest = latest.clone();
        Callback::from(move |c: Complaint| latest.set(Some(c)))
    };
    let now = js_sys::Date::now() as i64;
    let Some(complaint) = complaint else {
        let Some(until) = order.complaint_until.filter(|until| now <= *until) else { return Html::default() };
        return html! {
            <section class="order-part order-complaint" aria-labelledby="komplain">
                <h2 id="komplain">{ "Ada masalah dengan pesanan?" }</h2>
                <p class="muted">
                    { format!("Barang tidak sampai, rusak, atau tidak sesuai? Ajukan komplain sampai {} \
                       ({COMPLAINT_DAYS} hari setelah dikirim atau siap diambil). Pesanan tidak selesai otomatis \
                       selama komplain berjalan.", date_time(until)) }
                </p>
                <OpenComplaint code={order.code.clone()} phone={props.phone.clone()} {on_done} />
            </section>
        };
    };
    let message = format!("Halo {}, tentang komplain pesanan saya {}.", order.shop.name, order.code);
    let side = Side::Buyer { code: order.code.clone(), phone: props.phone.clone() };
    html! {
        <section class="order-part order-complaint" aria-labelledby="komplain">
            <h2 id="komplain">{ "Komplain" }</h2>
            <ComplaintCard complaint={complaint.clone()} />
            <ComplaintMoves {side} allowed={complaint.allowed.clone()} {on_done} />
            <a class="button button--wa" href={order.shop.whatsapp.whatsapp_url(&message)} target="_blank"
                rel="noopener noreferrer">{ "Bicarakan dengan penjual lewat WhatsApp" }</a>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct OpenComplaintProps {
    code: String,
    phone: Option<String>,
    on_done: Callback<Complaint>,
}

/// "Ajukan komplain", then its form.
#[component]
fn OpenComplaint(props: &OpenComplaintProps) -> Html {
    let session = use_session();
    let open = use_state(|| false);
    let reason = use_state(|| ComplaintReason::NotReceived);
    let text = use_state(String::new);
    let photos = use_state(Vec::<Image>::new);
    let uploading = use_state(|| false);
    let submission = use_state(Submission::default);
    if !*open {
        let onclick = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| open.set(true))
        };
        return html! {
            <button type="button" class="button button--secondary" {onclick}>{ "Ajukan komplain" }</button>
        };
    }
    let onsubmit = {
        let (reason, text, photos, submission) = (reason.clone(), text.clone(), photos.clone(), submission.clone());
        let (code, phone, done) = (props.code.clone(), props.phone.clone(), props.on_done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let form = ComplaintForm {
                reason: *reason,
                description: text.trim().to_owned(),
                photo_ids: photos.iter().map(|p| p.id).collect(),
            };
            let local = form.validate();
            let done = done.clone();
            submit(&submission, local, api::orders::open_complaint(code.clone(), phone.clone(), form), move |c| {
                done.emit(c)
            });
        })
    };
    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |code: String| {
            reason.set(ComplaintReason::from_code(&code).unwrap_or(ComplaintReason::NotReceived))
        })
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |typed: String| text.set(typed))
    };
    let on_photos = {
        let photos = photos.clone();
        Callback::from(move |chosen: Vec<Image>| photos.set(chosen))
    };
    let on_busy = {
        let uploading = uploading.clone();
        Callback::from(move |busy: bool| uploading.set(busy))
    };
    let reasons: Vec<(String, String)> =
        ComplaintReason::ALL.iter().map(|r| (r.code().to_owned(), r.label().to_owned())).collect();
    html! {
        <form class="form complaint-form" novalidate=true {onsubmit} aria-label="Ajukan komplain">
            <FormAlert message={submission.message()} />
            <SelectField form="komplain-baru" name="reason" label="Masalahnya" value={reason.code()} options={reasons}
                onchange={on_reason} error={submission.field("reason")} />
            <TextField form="komplain-baru" name="description" label="Ceritakan yang terjadi" rows={4}
                value={(*text).clone()} oninput={on_text} error={submission.field("description")}
                hint="Misalnya: kemasan sobek, isi kurang, barang berbeda dari foto." />
            if session.user().is_some() {
                <PhotoPicker id="komplain-foto" label="Foto (boleh dikosongkan)" photos={(*photos).clone()}
                    max={PHOTOS_MAX} on_change={on_photos} {on_busy} error={submission.field("photo_ids")} />
            } else {
                <p class="form-note">{ "Masuk ke akun Anda untuk menambahkan foto; atau kirim fotonya lewat WhatsApp." }</p>
            }
            <button type="submit" class="button button--primary" disabled={submission.busy || *uploading}>
                { if submission.busy { "Mengirim…" } else { "Kirim komplain" } }
            </button>
        </form>
    }
}
