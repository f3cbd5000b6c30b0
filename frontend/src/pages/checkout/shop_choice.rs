//! One shop's part of the checkout: its goods, how they come (each way with its fee for the address, or
//! why it cannot be used), how they are paid, a note for the seller, and that order's total.

use std::rc::Rc;

use shared::cart::{CartShop, NoDelivery};
use shared::format::{rupiah, thousands};
use shared::texts::{cart, checkout as t};
use shared::{DeliveryMethod, FieldError, PaymentMethod, Quote};
use yew::prelude::*;

use super::draft::{Fee, ShopDraft, fee, offered};
use crate::components::form::TextField;
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct ShopChoiceProps {
    /// The shop's place in the checkout (`shops[i]` in field errors).
    pub index: usize,
    pub shop: CartShop,
    pub draft: ShopDraft,
    pub quote: Option<Rc<Quote>>,
    /// Whether the form is complete enough for the fees to be asked for.
    pub quotable: bool,
    /// Every field error of the form (this shop's are shown here).
    pub errors: Vec<FieldError>,
    /// The order's total when its fee is known.
    pub total: Option<i64>,
    pub onchange: Callback<ShopDraft>,
}

#[component]
pub fn ShopChoice(props: &ShopChoiceProps) -> Html {
    let lang = use_lang();
    let (i, shop, draft) = (props.index, &props.shop, &props.draft);
    let error =
        |name: &str| shared::problem::message_for(&props.errors, &format!("shops[{i}].{name}")).map(str::to_owned);
    let quote = props.quote.as_deref();
    let deliveries = offered(&shop.delivery).into_iter().map(|method| {
        let fee = fee(quote, shop.shop_id, method);
        let unavailable = matches!(fee, Fee::Unavailable(..));
        let chosen = draft.delivery == Some(method) && !unavailable;
        let (draft, onchange) = (draft.clone(), props.onchange.clone());
        let pick = Callback::from(move |_: Event| onchange.emit(ShopDraft { delivery: Some(method), ..draft.clone() }));
        let (price, why) = match fee {
            Fee::Known(0) => (t::free(lang).to_owned(), None),
            Fee::Known(fee) => (rupiah(fee), None),
            Fee::Later => (String::new(), None),
            Fee::Unknown if props.quotable => (t::calculating(lang).to_owned(), None),
            Fee::Unknown => (String::new(), None),
            Fee::Unavailable(reason, why) => (String::new(), Some(NoDelivery::written_in(lang, method, reason, &why))),
        };
        let hint = match method {
            DeliveryMethod::Pickup => Some(t::pickup_at(lang, &shop.village_name)),
            DeliveryMethod::Quoted => Some(t::quoted_hint(lang).to_owned()),
            _ => None,
        };
        html! {
            <label class={classes!("choice", unavailable.then_some("is-disabled"))}>
                <input class="choice__input" type="radio" name={format!("shops-{i}-delivery")}
                    checked={chosen} disabled={unavailable} onchange={pick} />
                <span class="choice__label">{ method.label_in(lang) }</span>
                if !price.is_empty() { <span class="choice__price">{ price }</span> }
                if let Some(why) = why { <span class="choice__why">{ why }</span> }
                else if let Some(hint) = hint { <span class="choice__hint">{ hint }</span> }
            </label>
        }
    });
    let payments = shop.payments.iter().map(|&method| {
        let chosen = draft.payment == Some(method);
        let (draft, onchange) = (draft.clone(), props.onchange.clone());
        let pick = Callback::from(move |_: Event| onchange.emit(ShopDraft { payment: Some(method), ..draft.clone() }));
        let hint = match method {
            PaymentMethod::Cash => None,
            PaymentMethod::Transfer => Some(t::transfer_hint(lang)),
            PaymentMethod::Qris => Some(t::qris_hint(lang)),
        };
        html! {
            <label class="choice">
                <input class="choice__input" type="radio" name={format!("shops-{i}-payment")}
                    checked={chosen} onchange={pick} />
                <span class="choice__label">{ method.label_in(lang) }</span>
                if let Some(hint) = hint { <span class="choice__hint">{ hint }</span> }
            </label>
        }
    });
    let note = {
        let (draft, onchange) = (draft.clone(), props.onchange.clone());
        Callback::from(move |note: String| onchange.emit(ShopDraft { note, ..draft.clone() }))
    };
    let heading = format!("checkout-shop-{i}");
    let delivery_error = error("delivery");
    let payment_error = error("payment");
    html! {
        <section class="checkout-part checkout-shop" aria-labelledby={heading.clone()}>
            <h2 class="checkout-part__title" id={heading}>{ &shop.shop_name }</h2>
            <p class="muted checkout-shop__village">{ cart::village(lang, &shop.village_name) }</p>
            <ul class="checkout-items">
                { for shop.lines.iter().enumerate().map(|(j, line)| {
                    let problem =
                        ["quantity", "price", "product_id"].iter().find_map(|f| error(&format!("lines[{j}].{f}")));
                    html! {
                        <li class="checkout-items__line">
                            <span class="checkout-items__name">{ line.product.name_in(lang) }</span>
                            <span class="checkout-items__qty">
                                { format!("{} {} × {}", thousands(line.quantity), line.product.unit.label_in(lang),
                                    rupiah(line.product.price)) }
                            </span>
                            <span class="checkout-items__subtotal">{ rupiah(line.subtotal) }</span>
                            if let Some(problem) = problem {
                                <span class="checkout-items__problem" role="alert">{ problem }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
            <fieldset class={classes!("choices", delivery_error.is_some().then_some("has-error"))}>
                <legend class="choices__legend">{ t::delivery(lang) }</legend>
                if !props.quotable && props.quote.is_none() {
                    <p class="choices__hint">{ t::fees_later(lang) }</p>
                }
                { for deliveries }
                if let Some(message) = delivery_error { <p class="form-field__error">{ message }</p> }
            </fieldset>
            <fieldset class={classes!("choices", payment_error.is_some().then_some("has-error"))}>
                <legend class="choices__legend">{ t::payment(lang) }</legend>
                { for payments }
                if let Some(message) = payment_error { <p class="form-field__error">{ message }</p> }
            </fieldset>
            <TextField name={format!("shops[{i}].note")} label={t::note(lang)}
                value={draft.note.clone()} oninput={note} error={error("note")} rows={2} form="pesan"
                hint={t::note_hint(lang)} />
            <p class="checkout-shop__total">
                <span>{ t::order_total(lang) }</span>
                <strong>{ props.total.map_or_else(|| t::plus_delivery(lang, rupiah(shop.subtotal)), rupiah) }</strong>
            </p>
        </section>
    }
}
