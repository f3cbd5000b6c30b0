//! The seller's moves on one order, as `order.allowed` lists them: accept (naming the delivery fee when
//! the buyer waits for it), reject, accept or reject a payment, ship (with an optional tracking number),
//! ready for pickup, cancel. Reasons are required where the buyer must read one; a refused move shows the
//! server's reason in Indonesian.

use std::rc::Rc;

use shared::api::orders::SellerAction;
use shared::{
    Order, OrderAction,
    format::rupiah,
    order_flow::{ActionKind, Actor, DeliveryMethod},
};
use yew::prelude::*;

use super::amount;
use crate::api;
use crate::components::form::{Submission, TextField, submit};

/// The moves that need a reason the buyer reads, opened with a first tap.
const WITH_REASON: [ActionKind; 3] = [ActionKind::Reject, ActionKind::RejectPayment, ActionKind::Cancel];

/// The button of a move, and for moves with a reason: the button that opens it and the field's label.
fn wording(kind: ActionKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        ActionKind::Confirm => ("Terima pesanan", "", ""),
        ActionKind::Reject => ("Tolak pesanan", "Tolak pesanan…", "Alasan menolak (dibaca pembeli)"),
        ActionKind::AcceptPayment => ("Uang sudah masuk — terima pembayaran", "", ""),
        ActionKind::RejectPayment => ("Tolak bukti bayar", "Bukti bayar tidak sesuai…", "Alasan (dibaca pembeli)"),
        ActionKind::Ship => ("Tandai sudah dikirim", "", ""),
        ActionKind::ReadyForPickup => ("Barang siap diambil", "", ""),
        ActionKind::Cancel => ("Batalkan pesanan", "Batalkan pesanan…", "Alasan membatalkan (dibaca pembeli)"),
        ActionKind::SendReceipt | ActionKind::Complete => (kind.label(), "", ""),
    }
}

/// What the page says once a move went through.
fn done_message(kind: ActionKind) -> &'static str {
    match kind {
        ActionKind::Confirm => "Pesanan diterima.",
        ActionKind::Reject => "Pesanan ditolak.",
        ActionKind::AcceptPayment => "Pembayaran diterima. Silakan siapkan barangnya.",
        ActionKind::RejectPayment => "Bukti bayar ditolak; pembeli diminta mengirim ulang.",
        ActionKind::Ship => "Pesanan ditandai sudah dikirim.",
        ActionKind::ReadyForPickup => "Pesanan ditandai siap diambil.",
        ActionKind::Cancel => "Pesanan dibatalkan.",
        ActionKind::SendReceipt | ActionKind::Complete => "Tersimpan.",
    }
}

/// The move as posted, from what was typed.
pub fn action_of(kind: ActionKind, note: &str, fee: &str, resi: &str, quoting: bool) -> OrderAction {
    OrderAction {
        action: kind,
        note: note.trim().to_owned(),
        delivery_fee: if kind == ActionKind::Confirm && quoting { amount(fee) } else { None },
        tracking_number: (kind == ActionKind::Ship && !resi.trim().is_empty()).then(|| resi.trim().to_owned()),
    }
}

#[derive(Properties, PartialEq)]
pub struct MovesProps {
    pub shop: i64,
    pub order: Rc<Order>,
    /// Called with the order as it stands after a move.
    pub on_moved: Callback<Order>,
}

#[component]
pub fn Moves(props: &MovesProps) -> Html {
    let open = use_state(|| None::<ActionKind>);
    let note = use_state(String::new);
    let fee = use_state(String::new);
    let resi = use_state(String::new);
    let submission = use_state(Submission::default);
    let done = use_state(|| None::<ActionKind>);
    let o = &*props.order;
    let quoting = o.delivery == DeliveryMethod::Quoted && o.delivery_fee.is_none();
    let send = {
        let (open, note, fee, resi, submission, done) =
            (open.clone(), note.clone(), fee.clone(), resi.clone(), submission.clone(), done.clone());
        let (shop, code, delivery, fee_known) = (props.shop, o.code.clone(), o.delivery, o.delivery_fee.is_some());
        let on_moved = props.on_moved.clone();
        Callback::from(move |kind: ActionKind| {
            let action = action_of(kind, &note, &fee, &resi, quoting);
            let local = action.validate(Actor::Seller, delivery, fee_known);
            let (open, note, resi, done, on_moved) =
                (open.clone(), note.clone(), resi.clone(), done.clone(), on_moved.clone());
            submit(
                &submission,
                local,
                api::call(SellerAction { id: shop, code: code.clone() }, &action),
                move |order| {
                    open.set(None);
                    note.set(String::new());
                    resi.set(String::new());
                    done.set(Some(kind));
                    on_moved.emit(order);
                },
            );
        })
    };
    let opener = |kind: Option<ActionKind>| {
        let (open, note, submission, done) = (open.clone(), note.clone(), submission.clone(), done.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(kind);
            note.set(String::new());
            submission.set(Submission::default());
            done.set(None);
        })
    };
    let done_note = done.map(|kind| {
        html! {
            <div class="form-success" role="status">
                <p class="moves__done">{ done_message(kind) }</p>
                <a href={o.whatsapp_link.clone()} target="_blank" rel="noopener">{ "Kabari pembeli lewat WhatsApp" }</a>
            </div>
        }
    });
    if o.allowed.is_empty() && done_note.is_none() {
        return Html::default();
    }
    let busy = submission.busy;
    let forward: Vec<ActionKind> = o.allowed.iter().copied().filter(|k| !WITH_REASON.contains(k)).collect();
    // A new order is turned down with "tolak"; cancelling it too would be the same move twice.
    let rejectable = o.allowed.contains(&ActionKind::Reject);
    let back: Vec<ActionKind> = o
        .allowed
        .iter()
        .copied()
        .filter(|k| WITH_REASON.contains(k) && !(rejectable && *k == ActionKind::Cancel))
        .collect();
    let forward_move = |kind: ActionKind| {
        let onclick = send.reform(move |_: MouseEvent| kind);
        let field = match kind {
            ActionKind::Confirm if quoting => {
                let typed = amount(&fee);
                let hint = typed.map_or_else(
                    || "Ongkos kirim ke alamat pembeli, dalam rupiah.".to_owned(),
                    |v| format!("Ongkir {} · total {}", rupiah(v), rupiah(o.items_total + v)),
                );
                html! {
                    <TextField form="langkah" name="delivery_fee" label="Ongkos kirim (Rp)" inputmode="numeric"
                        value={(*fee).clone()} hint={hint} error={submission.field("delivery_fee")} required=true
                        oninput={Callback::from({ let fee = fee.clone(); move |v| fee.set(v) })} />
                }
            }
            ActionKind::Ship => html! {
                <TextField form="langkah" name="tracking_number" label="Nomor resi (bila lewat kurir, boleh kosong)"
                    value={(*resi).clone()} error={submission.field("tracking_number")}
                    oninput={Callback::from({ let resi = resi.clone(); move |v| resi.set(v) })} />
            },
            _ => Html::default(),
        };
        html! {
            <div class="moves__move">
                { field }
                <button type="button" class="button button--primary button--block moves__button" {onclick}
                    disabled={busy}>
                    { wording(kind).0 }
                </button>
            </div>
        }
    };
    let reason_form = |kind: ActionKind| {
        let (confirm, _, field_label) = wording(kind);
        html! {
            <div class="moves__reason">
                <TextField form="langkah" name="note" label={field_label} rows={3} value={(*note).clone()}
                    error={submission.field("note")} required=true
                    oninput={Callback::from({ let note = note.clone(); move |v| note.set(v) })} />
                <div class="actions">
                    <button type="button" class="button button--danger" disabled={busy}
                        onclick={send.reform(move |_: MouseEvent| kind)}>{ confirm }</button>
                    <button type="button" class="button button--ghost" onclick={opener(None)}>{ "Tidak jadi" }</button>
                </div>
            </div>
        }
    };
    let body = match *open {
        Some(kind) => reason_form(kind),
        None => html! {
            <>
                { for forward.iter().map(|k| forward_move(*k)) }
                if !back.is_empty() {
                    <div class="actions moves__back">
                        { for back.iter().map(|k| html! {
                            <button type="button" class="button button--ghost"
                                onclick={opener(Some(*k))}>{ wording(*k).1 }</button>
                        }) }
                    </div>
                }
            </>
        },
    };
    html! {
        <section class="panel moves" aria-labelledby="langkah">
            <h2 id="langkah">{ "Langkah Anda" }</h2>
            // Stable wrappers: what changes after a move is replaced inside them.
            <div class="moves__news">
                { done_note.unwrap_or_default() }
                if let Some(message) = submission.message() {
                    <p class="form-alert" role="alert">{ message }</p>
                }
            </div>
            <div class="moves__body">{ body }</div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_posted_move() {
        let a = action_of(ActionKind::Confirm, "", "Rp 15.000", "", true);
        assert_eq!(a.delivery_fee, Some(15_000));
        assert_eq!(action_of(ActionKind::Confirm, "", "15000", "", false).delivery_fee, None);
        assert_eq!(action_of(ActionKind::Ship, "", "", " JP123 ", false).tracking_number.as_deref(), Some("JP123"));
        assert_eq!(action_of(ActionKind::Ship, "", "", "  ", false).tracking_number, None);
        assert_eq!(action_of(ActionKind::Reject, " habis ", "", "", false).note, "habis");
    }

    #[test]
    fn a_reason_is_asked_before_turning_the_buyer_down() {
        let a = action_of(ActionKind::Reject, "", "", "", false);
        assert!(!a.validate(Actor::Seller, DeliveryMethod::Pickup, true).is_empty());
        let quoted = action_of(ActionKind::Confirm, "", "", "", true);
        assert!(!quoted.validate(Actor::Seller, DeliveryMethod::Quoted, false).is_empty());
    }
}
