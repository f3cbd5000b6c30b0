//! What the buyer does next with an order, by its status: wait, pay (bank accounts or QRIS, then the
//! receipt photo), confirm the goods arrived, or cancel — only the moves the server allows.

use std::rc::Rc;

use shared::format::rupiah;
use shared::texts::{forms, order as t};
use shared::{ActionKind, Lang, Order, OrderAction, OrderStatus, PaymentMethod};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::form::TextField;
use crate::dates::date_time_in;
use crate::root::use_lang;
use crate::upload::shrink;

#[derive(Properties, PartialEq)]
pub struct NextStepProps {
    pub order: Rc<Order>,
    /// The guest's proof.
    pub phone: Option<String>,
    pub on_update: Callback<Order>,
}

#[component]
pub fn NextStep(props: &NextStepProps) -> Html {
    let lang = use_lang();
    let order = &props.order;
    let (title, text) = what_now(lang, order);
    let when = |at: i64| date_time_in(lang, at);
    let deadline = match order.status {
        OrderStatus::New => order.answer_by.map(|at| t::answer_by(lang, when(at))),
        OrderStatus::AwaitingPayment => order.pay_by.map(|at| t::pay_by(lang, when(at))),
        OrderStatus::Shipped | OrderStatus::ReadyForPickup => {
            order.completes_at.map(|at| t::completes_at(lang, when(at)))
        }
        _ => None,
    };
    let may = |kind| order.allowed.contains(&kind);
    html! {
        <section class={classes!("next-step", format!("next-step--{}", order.status.code()))} aria-labelledby="langkah">
            <h2 id="langkah" class="next-step__title">{ title }</h2>
            <p>{ text }</p>
            if let Some(deadline) = deadline { <p class="next-step__deadline">{ deadline }</p> }
            if order.status == OrderStatus::AwaitingPayment { { pay_to(lang, order) } }
            if let (OrderStatus::PaymentReview, Some(receipt)) = (order.status, &order.receipt) {
                <img class="next-step__receipt" src={receipt.thumb.url.clone()} width={receipt.thumb.width.to_string()}
                    height={receipt.thumb.height.to_string()} alt={t::receipt_sent(lang)} loading="lazy" />
            }
            if may(ActionKind::SendReceipt) {
                <ReceiptForm order={order.clone()} phone={props.phone.clone()} on_update={props.on_update.clone()}
                    again={order.status == OrderStatus::PaymentReview} />
            }
            if may(ActionKind::Complete) {
                <Move order={order.clone()} phone={props.phone.clone()} on_update={props.on_update.clone()}
                    kind={ActionKind::Complete} primary=true question={t::complete_question(lang)} />
            }
            if may(ActionKind::Cancel) {
                <Move order={order.clone()} phone={props.phone.clone()} on_update={props.on_update.clone()}
                    kind={ActionKind::Cancel} primary=false question={t::cancel_question(lang)} />
            }
        </section>
    }
}

/// Where the order stands and what the buyer does now: a title and a sentence.
fn what_now(lang: Lang, order: &Order) -> (&'static str, String) {
    let total = order.total.map_or_else(|| rupiah(order.items_total), rupiah);
    match order.status {
        OrderStatus::New => (t::new_title(lang), t::new_text(lang).into()),
        OrderStatus::AwaitingPayment => (t::pay_title(lang), t::pay_text(lang, total, order.payment.label_in(lang))),
        OrderStatus::PaymentReview => (t::receipt_title(lang), t::receipt_text(lang).into()),
        OrderStatus::Preparing if order.payment == PaymentMethod::Cash => {
            (t::preparing_title(lang), t::preparing_cash(lang, total))
        }
        OrderStatus::Preparing => (t::preparing_title(lang), t::preparing_paid(lang).into()),
        OrderStatus::Shipped => (t::shipped_title(lang), t::shipped_text(lang).into()),
        OrderStatus::ReadyForPickup => (t::ready_title(lang), t::ready_text(lang, &order.shop.pickup_address)),
        OrderStatus::Completed => (t::completed_title(lang), t::completed_text(lang).into()),
        OrderStatus::Cancelled => (t::cancelled_title(lang), cancel_reason(lang, order)),
    }
}

/// The reason given when the order was cancelled, if any.
fn cancel_reason(lang: Lang, order: &Order) -> String {
    match order.events.iter().rev().find(|e| e.to == OrderStatus::Cancelled).map(|e| e.note.trim()) {
        Some(note) if !note.is_empty() => t::cancel_reason(lang, note),
        _ => t::not_continued(lang).into(),
    }
}

/// Where to pay: the shop's bank accounts, or its QRIS code.
fn pay_to(lang: Lang, order: &Order) -> Html {
    match (order.payment, &order.shop.qris) {
        (PaymentMethod::Transfer, _) if !order.shop.bank_accounts.is_empty() => html! {
            <ul class="bank-accounts" aria-label={t::seller_accounts(lang)}>
                { for order.shop.bank_accounts.iter().map(|a| html! {
                    <li class="bank-account">
                        <span class="bank-account__bank">{ &a.bank }</span>
                        <span class="bank-account__number">{ &a.number }</span>
                        <span class="bank-account__holder">{ t::account_holder(lang, &a.holder) }</span>
                        <CopyButton text={a.number.clone()} />
                    </li>
                }) }
            </ul>
        },
        (PaymentMethod::Qris, Some(qris)) => html! {
            <img class="next-step__qris" src={qris.card.url.clone()} width={qris.card.width.to_string()}
                height={qris.card.height.to_string()} alt={t::qris_of(lang, &order.shop.name)} />
        },
        _ => html! { <p class="muted">{ t::ask_how_to_pay(lang) }</p> },
    }
}

#[derive(Properties, PartialEq)]
struct CopyButtonProps {
    text: String,
}

#[component]
fn CopyButton(props: &CopyButtonProps) -> Html {
    let lang = use_lang();
    let copied = use_state(|| false);
    let onclick = {
        let (copied, text) = (copied.clone(), props.text.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&text);
                copied.set(true);
            }
        })
    };
    html! {
        <button type="button" class="button button--ghost bank-account__copy" {onclick}
            aria-label={t::copy_account(lang, &props.text)}>
            { if *copied { t::copied(lang) } else { t::copy(lang) } }
        </button>
    }
}

#[derive(Properties, PartialEq)]
struct ActionProps {
    order: Rc<Order>,
    phone: Option<String>,
    on_update: Callback<Order>,
    #[prop_or_default]
    kind: Option<ActionKind>,
    #[prop_or_default]
    primary: bool,
    #[prop_or_default]
    question: AttrValue,
    #[prop_or_default]
    again: bool,
}

/// A move the buyer confirms before it is sent (cancel with an optional reason; the goods arrived).
#[component]
fn Move(props: &ActionProps) -> Html {
    let lang = use_lang();
    let open = use_state(|| false);
    let note = use_state(String::new);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let Some(kind) = props.kind else { return Html::default() };
    let toggle = |to: bool| {
        let (open, error) = (open.clone(), error.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(to);
            error.set(None);
        })
    };
    let confirm = {
        let (busy, error, note) = (busy.clone(), error.clone(), note.clone());
        let (code, phone, on_update) = (props.order.code.clone(), props.phone.clone(), props.on_update.clone());
        Callback::from(move |_: MouseEvent| {
            let action = OrderAction { note: note.trim().to_owned(), ..OrderAction::of(kind) };
            let (busy, error, code, phone, on_update) =
                (busy.clone(), error.clone(), code.clone(), phone.clone(), on_update.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match api::orders::buyer_action(code, phone, action).await {
                    Ok(order) => on_update.emit(order),
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let class = if props.primary { "button button--primary" } else { "button button--ghost next-step__cancel" };
    if !*open {
        return html! { <button type="button" {class} onclick={toggle(true)}>{ kind.label_in(lang) }</button> };
    }
    let on_note = {
        let note = note.clone();
        Callback::from(move |text: String| note.set(text))
    };
    let note_error = error.as_ref().and_then(|e| shared::problem::message_for(e.fields(), "note")).map(str::to_owned);
    let confirm_class = if props.primary { "button button--primary" } else { "button button--danger" };
    html! {
        <div class="next-step__confirm" role="group" aria-label={kind.label_in(lang)}>
            <p>{ props.question.clone() }</p>
            if kind == ActionKind::Cancel {
                <TextField name="note" label={t::cancel_reason_label(lang)} value={(*note).clone()} oninput={on_note}
                    rows={2} form="batal" error={note_error} />
            }
            if let Some(e) = &*error { <p class="form-alert" role="alert">{ e.message_in(lang) }</p> }
            <div class="actions">
                <button type="button" class={confirm_class}
                    onclick={confirm} disabled={*busy}>
                    { if kind == ActionKind::Cancel { t::yes_cancel(lang) } else { t::yes_received(lang) } }
                </button>
                <button type="button" class="button button--ghost" onclick={toggle(false)} disabled={*busy}>
                    { t::no(lang) }
                </button>
            </div>
        </div>
    }
}

/// The receipt photo (shrunk in the browser when it can read it) and an optional note.
#[component]
fn ReceiptForm(props: &ActionProps) -> Html {
    let lang = use_lang();
    let file = use_state(|| None::<web_sys::File>);
    let note = use_state(String::new);
    let busy = use_state(|| false);
    let error = use_state(|| None::<String>);
    let onpick = {
        let (file, error) = (file.clone(), error.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            file.set(input.files().and_then(|f| f.get(0)));
            error.set(None);
        })
    };
    let on_note = {
        let note = note.clone();
        Callback::from(move |text: String| note.set(text))
    };
    let onsubmit = {
        let (file, note, busy, error) = (file.clone(), note.clone(), busy.clone(), error.clone());
        let (code, phone, on_update) = (props.order.code.clone(), props.phone.clone(), props.on_update.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(picked) = (*file).clone() else {
                error.set(Some(t::choose_receipt(lang).into()));
                return;
            };
            let (busy, error, code, phone, on_update, note) =
                (busy.clone(), error.clone(), code.clone(), phone.clone(), on_update.clone(), (*note).clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let photo: web_sys::Blob = match shrink(&picked).await {
                    Ok(blob) => blob,
                    Err(_) => picked.into(),
                };
                match api::orders::send_receipt(code, phone, photo, note).await {
                    Ok(order) => on_update.emit(order),
                    Err(e) => error.set(Some(e.message_in(lang))),
                }
                busy.set(false);
            });
        })
    };
    let form = html! {
        <form class="form receipt-form" novalidate=true {onsubmit}>
            <div class={classes!("form-field", error.is_some().then_some("has-error"))}>
                <label class="form-field__label" for="bukti-foto">{ t::receipt_photo(lang) }</label>
                <input class="form-field__input" id="bukti-foto" type="file" accept="image/*" onchange={onpick}
                    aria-describedby="bukti-foto-hint" />
                <p class="form-field__hint" id="bukti-foto-hint">
                    { t::receipt_hint(lang, shared::order::RECEIPTS_MAX) }
                </p>
                if let Some(message) = &*error { <p class="form-field__error" role="alert">{ message.clone() }</p> }
            </div>
            <TextField name="note" label={t::note_optional(lang)} value={(*note).clone()} oninput={on_note}
                form="bukti" />
            <button type="submit" class="button button--primary" disabled={*busy}>
                { if *busy { forms::sending(lang) } else { t::send_receipt(lang) } }
            </button>
        </form>
    };
    if props.again {
        html! { <details class="receipt-again"><summary>{ t::send_receipt_again(lang) }</summary>{ form }</details> }
    } else {
        form
    }
}
