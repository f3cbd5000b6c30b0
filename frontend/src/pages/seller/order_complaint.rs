//! The complaint on one of the shop's orders, for its seller: what the buyer says (with photos), the
//! seller's answer (agree with a settlement, or disagree with a reason: then the village admin decides),
//! the return and replacement steps, recording the money sent back with its transfer receipt, and
//! WhatsApp to the buyer.

use std::rc::Rc;

use shared::api::complaints::RecordRefund;
use shared::complaint::{Complaint, RefundForm};
use shared::format::rupiah;
use shared::{Image, Order, complaint_flow::ComplaintMove};
use yew::prelude::*;

use crate::api;
use crate::components::complaint_card::ComplaintCard;
use crate::components::complaint_moves::{ComplaintMoves, Side};
use crate::components::form::{FormAlert, Submission, TextField, submit};
use crate::components::photo_picker::PhotoPicker;

#[derive(Properties, PartialEq)]
pub struct SellerComplaintProps {
    pub shop: i64,
    pub order: Rc<Order>,
}

#[component]
pub fn SellerComplaint(props: &SellerComplaintProps) -> Html {
    let latest = use_state(|| None::<Complaint>);
    let o = &*props.order;
    let Some(complaint) = (*latest).clone().filter(|c| c.order_code == o.code).or_else(|| o.complaint.clone()) else {
        return Html::default();
    };
    let on_done = {
        let latest = latest.clone();
        Callback::from(move |c: Complaint| latest.set(Some(c)))
    };
    let side = Side::Seller { shop: props.shop, code: o.code.clone() };
    let message = format!("Halo {}, tentang komplain pesanan {} di {}.", o.buyer_name, o.code, o.shop.name);
    let refunding = complaint.allowed.contains(&ComplaintMove::RecordRefund);
    html! {
        <section class="panel seller-complaint" aria-labelledby="komplain">
            <h2 id="komplain">{ "Komplain pembeli" }</h2>
            <ComplaintCard complaint={complaint.clone()} />
            <ComplaintMoves {side} allowed={complaint.allowed.clone()} on_done={on_done.clone()} />
            if refunding {
                <RefundRecorder shop={props.shop} order={props.order.clone()} {on_done} />
            }
            <a class="button button--wa button--block" href={o.buyer_whatsapp.whatsapp_url(&message)} target="_blank"
                rel="noopener">{ "Bicarakan dengan pembeli di WhatsApp" }</a>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RefundRecorderProps {
    shop: i64,
    order: Rc<Order>,
    on_done: Callback<Complaint>,
}

/// "Catat pengembalian dana": which goods (all by default), the delivery fee or not, the transfer's date
/// and the photo of its receipt.
#[component]
fn RefundRecorder(props: &RefundRecorderProps) -> Html {
    let o = &*props.order;
    let chosen = use_state(|| o.lines.iter().map(|l| l.id).collect::<Vec<i64>>());
    let delivery = use_state(|| false);
    let paid_on = use_state(crate::dates::today_where_shops_are);
    let receipt = use_state(Vec::<Image>::new);
    let uploading = use_state(|| false);
    let submission = use_state(Submission::default);
    let fee = if *delivery { o.delivery_fee.unwrap_or(0) } else { 0 };
    let amount: i64 = o.lines.iter().filter(|l| chosen.contains(&l.id)).map(|l| l.subtotal).sum::<i64>() + fee;
    let onsubmit = {
        let (chosen, delivery, paid_on, receipt, submission) =
            (chosen.clone(), delivery.clone(), paid_on.clone(), receipt.clone(), submission.clone());
        let (shop, code, done) = (props.shop, o.code.clone(), props.on_done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let form = RefundForm {
                line_ids: (*chosen).clone(),
                include_delivery: *delivery,
                paid_on: paid_on.trim().to_owned(),
                receipt_id: receipt.first().map_or(0, |r| r.id),
            };
            let local = form.validate();
            let done = done.clone();
            submit(&submission, local, api::call(RecordRefund { id: shop, code: code.clone() }, &form), move |c| {
                done.emit(c)
            });
        })
    };
    let toggle = |id: i64| {
        let chosen = chosen.clone();
        Callback::from(move |_: Event| {
            let mut next = (*chosen).clone();
            if next.contains(&id) {
                next.retain(|l| *l != id)
            } else {
                next.push(id)
            }
            chosen.set(next);
        })
    };
    let on_delivery = {
        let delivery = delivery.clone();
        Callback::from(move |_: Event| delivery.set(!*delivery))
    };
    let on_date = {
        let paid_on = paid_on.clone();
        Callback::from(move |typed: String| paid_on.set(typed))
    };
    let on_receipt = {
        let receipt = receipt.clone();
        Callback::from(move |chosen: Vec<Image>| receipt.set(chosen))
    };
    let on_busy = {
        let uploading = uploading.clone();
        Callback::from(move |busy: bool| uploading.set(busy))
    };
    html! {
        <form class="form refund-form" novalidate=true {onsubmit} aria-label="Catat pengembalian dana">
            <h3>{ "Catat pengembalian dana" }</h3>
            <FormAlert message={submission.message()} />
            <fieldset class="refund-form__lines">
                <legend>{ "Barang yang uangnya dikembalikan" }</legend>
                { for o.lines.iter().map(|l| html! {
                    <label class="check" key={l.id}>
                        <input type="checkbox" name="line_ids" checked={chosen.contains(&l.id)} onchange={toggle(l.id)} />
                        { format!(" {} × {} — {}", l.name, l.quantity, rupiah(l.subtotal)) }
                    </label>
                }) }
                if let Some(error) = submission.field("line_ids") { <p class="form-field__error">{ error }</p> }
                if o.delivery_fee.is_some_and(|f| f > 0) {
                    <label class="check">
                        <input type="checkbox" name="include_delivery" checked={*delivery} onchange={on_delivery} />
                        { format!(" Ongkos kirim juga — {}", rupiah(o.delivery_fee.unwrap_or(0))) }
                    </label>
                }
            </fieldset>
            <p class="refund-form__amount"><strong>{ format!("Jumlah ditransfer: {}", rupiah(amount)) }</strong></p>
            <TextField form="dana" name="paid_on" label="Tanggal transfer" kind="date" value={(*paid_on).clone()}
                oninput={on_date} error={submission.field("paid_on")} />
            <PhotoPicker id="dana-bukti" label="Foto bukti transfer" photos={(*receipt).clone()} max={1}
                on_change={on_receipt} {on_busy} error={submission.field("receipt_id")} />
            <button type="submit" class="button button--primary button--block" disabled={submission.busy || *uploading}>
                { if submission.busy { "Menyimpan…" } else { "Simpan pengembalian dana" } }
            </button>
        </form>
    }
}
