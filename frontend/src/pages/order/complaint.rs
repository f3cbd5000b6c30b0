//! The buyer's complaint on their order's page: within the days after shipping or pickup, "Ajukan
//! komplain" opens a form (what went wrong, what happened, up to three photos for a signed-in buyer);
//! then the complaint's progress, the buyer's own moves and WhatsApp to the seller.

use std::rc::Rc;

use shared::complaint::{COMPLAINT_DAYS, Complaint, ComplaintForm, PHOTOS_MAX};
use shared::complaint_flow::ComplaintReason;
use shared::texts::{complaint as t, forms};
use shared::{Image, Order};
use yew::prelude::*;

use crate::api;
use crate::components::complaint_card::ComplaintCard;
use crate::components::complaint_moves::{ComplaintMoves, Side};
use crate::components::form::{FormAlert, Submission, TextField, submit};
use crate::components::photo_picker::PhotoPicker;
use crate::components::select_field::SelectField;
use crate::dates::date_time_in;
use crate::root::use_lang;
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
    let lang = use_lang();
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
                <h2 id="komplain">{ t::problem(lang) }</h2>
                <p class="muted">{ t::invite(lang, date_time_in(lang, until), COMPLAINT_DAYS) }</p>
                <OpenComplaint code={order.code.clone()} phone={props.phone.clone()} {on_done} />
            </section>
        };
    };
    let message = format!("Halo {}, tentang komplain pesanan saya {}.", order.shop.name, order.code);
    let side = Side::Buyer { code: order.code.clone(), phone: props.phone.clone() };
    html! {
        <section class="order-part order-complaint" aria-labelledby="komplain">
            <h2 id="komplain">{ t::title(lang) }</h2>
            <ComplaintCard complaint={complaint.clone()} />
            <ComplaintMoves {side} allowed={complaint.allowed.clone()} {on_done} />
            <a class="button button--wa" href={order.shop.whatsapp.whatsapp_url(&message)} target="_blank"
                rel="noopener noreferrer">{ t::talk_to_seller(lang) }</a>
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
    let lang = use_lang();
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
            <button type="button" class="button button--secondary" {onclick}>{ t::open(lang) }</button>
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
            let local = form.validate_in(lang);
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
        ComplaintReason::ALL.iter().map(|r| (r.code().to_owned(), r.label_in(lang).to_owned())).collect();
    html! {
        <form class="form complaint-form" novalidate=true {onsubmit} aria-label={t::open(lang)}>
            <FormAlert message={submission.message_in(lang)} />
            <SelectField form="komplain-baru" name="reason" label={t::what(lang)} value={reason.code()}
                options={reasons} onchange={on_reason} error={submission.field("reason")} />
            <TextField form="komplain-baru" name="description" label={t::tell(lang)} rows={4}
                value={(*text).clone()} oninput={on_text} error={submission.field("description")}
                hint={t::tell_hint(lang)} />
            if session.user().is_some() {
                <PhotoPicker id="komplain-foto" label={forms::photos_optional(lang)} photos={(*photos).clone()}
                    max={PHOTOS_MAX} on_change={on_photos} {on_busy} error={submission.field("photo_ids")} />
            } else {
                <p class="form-note">{ t::photos_need_sign_in(lang) }</p>
            }
            <button type="submit" class="button button--primary" disabled={submission.busy || *uploading}>
                { if submission.busy { forms::sending(lang) } else { t::send(lang) } }
            </button>
        </form>
    }
}
