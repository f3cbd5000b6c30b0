//! The checkout form: buyer, address, each shop's choices and the totals; it asks for a quote whenever the
//! address's desa or a delivery changes, and places the orders with one idempotency key per attempt (kept
//! when the network failed, so sending again cannot order twice). On an English page the order page it
//! ends on is English too (the router's base `/en`).

use std::cell::Cell;
use std::rc::Rc;

use shared::api::orders;
use shared::format::rupiah;
use shared::phone::percent_encode;
use shared::texts::{cart, checkout as t, forms};
use shared::{CartView, FieldError, Placed, Quote};
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use super::address_part::AddressPart;
use super::draft::{Draft, Fee, fee, follow};
use super::shop_choice::ShopChoice;
use crate::api::{self, ApiError};
use crate::app::Route;
use crate::cart_store::use_cart;
use crate::components::form::{FormAlert, TextField};
use crate::pages::order::{remember_phone, remember_placed};
use crate::root::use_lang;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct CheckoutFormProps {
    pub view: Rc<CartView>,
    /// The goods come from the cart (and leave it once ordered).
    pub from_cart: bool,
    /// Prices the goods again (after a price or stock changed).
    pub on_reload: Callback<()>,
}

/// A fresh idempotency key: a random UUID (v4).
fn new_key() -> String {
    let mut bytes = [0_u8; 16];
    let crypto = web_sys::window().and_then(|w| w.crypto().ok());
    if crypto.is_none_or(|c| c.get_random_values_with_u8_array(&mut bytes).is_err()) {
        bytes.iter_mut().for_each(|b| *b = (js_sys::Math::random() * 256.0) as u8);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// Whether the server surely did not place the order (so the next attempt takes a new key).
fn refused(error: &ApiError) -> bool {
    error.status().is_some_and(|s| (400..500).contains(&s))
}

#[component]
pub fn CheckoutForm(props: &CheckoutFormProps) -> Html {
    let session = use_session();
    let lang = use_lang();
    let cart = use_cart();
    let navigator = use_navigator();
    let view = props.view.clone();
    let draft = use_state(Draft::default);
    let quote = use_state(|| None::<Rc<Quote>>);
    let conflict = use_state(|| None::<ApiError>);
    // Once "Buat pesanan" was pressed, what is missing shows (and clears) as the buyer types.
    let checked = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let key = use_state(new_key);
    let tries = use_state(|| 0_u32);
    let member = session.user().is_some();
    let quotable = draft.checkout(&view, true).validate().is_empty();
    {
        // A signed-in buyer's name and number, unless something was typed already; again once their first
        // saved address is picked, which starts from the form as it was before they were filled in.
        let (draft, me) = (draft.clone(), session.user());
        use_effect_with((me.as_ref().map(|m| m.id), draft.saved), move |_| {
            if let Some(me) = me.filter(|_| draft.buyer_name.is_empty() && draft.buyer_whatsapp.is_empty()) {
                let mut next = (*draft).clone();
                let phone = me.phone.display();
                follow(&mut next.address.recipient, "", &me.name);
                follow(&mut next.address.whatsapp, "", &phone);
                next.buyer_name = me.name.clone();
                next.buyer_whatsapp = phone;
                draft.set(next);
            }
        });
    }
    {
        // The quote checks the whole form as placing would: it is asked once the form is complete, and
        // again when the desa, whether an address is needed, or the goods change.
        let asked = draft.checkout(&view, true);
        let key = (draft.address.desa_code.clone(), asked.address.is_some(), quotable, Rc::as_ptr(&view) as usize);
        let (quote, conflict) = (quote.clone(), conflict.clone());
        use_effect_with(key, move |(_, _, quotable, _)| {
            let current = Rc::new(Cell::new(true));
            let live = current.clone();
            let quotable = *quotable;
            wasm_bindgen_futures::spawn_local(async move {
                if !quotable {
                    return;
                }
                let answer = api::call(orders::Quote {}, &asked).await;
                if live.get() {
                    match answer {
                        Ok(q) => quote.set(Some(Rc::new(q))),
                        Err(e) if e.status() == Some(409) => conflict.set(Some(e)),
                        // The form's own messages come with "Buat pesanan"; the fees stay unknown till then.
                        Err(_) => {}
                    }
                }
            });
            move || current.set(false)
        });
    }
    {
        // After a refused submit, bring the first message into view.
        use_effect_with(*tries, |tries| {
            if *tries > 0 {
                let first = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.query_selector(".form-alert, .has-error, [aria-invalid=true]").ok().flatten());
                if let Some(element) = first.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    element.scroll_into_view();
                }
            }
        });
    }
    let set_draft = {
        let draft = draft.clone();
        Callback::from(move |next: Draft| draft.set(next))
    };
    let on_name = {
        let draft = draft.clone();
        Callback::from(move |name: String| {
            let mut next = (*draft).clone();
            follow(&mut next.address.recipient, &draft.buyer_name, &name);
            next.buyer_name = name;
            draft.set(next);
        })
    };
    let on_phone = {
        let draft = draft.clone();
        Callback::from(move |phone: String| {
            let mut next = (*draft).clone();
            follow(&mut next.address.whatsapp, &draft.buyer_whatsapp, &phone);
            next.buyer_whatsapp = phone;
            draft.set(next);
        })
    };
    let onsubmit = {
        let (draft, quote, checked, failure, busy, key, tries) =
            (draft.clone(), quote.clone(), checked.clone(), failure.clone(), busy.clone(), key.clone(), tries.clone());
        let (view, cart, navigator, from_cart, conflict) =
            (view.clone(), cart.clone(), navigator.clone(), props.from_cart, conflict.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let errors = draft.errors(lang, &view, quote.as_deref());
            tries.set(*tries + 1);
            checked.set(true);
            failure.set(None);
            if !errors.is_empty() {
                return;
            }
            busy.set(true);
            let checkout = draft.checkout(&view, false);
            let (key, failure, busy, conflict, cart, navigator, tries) = (
                key.clone(),
                failure.clone(),
                busy.clone(),
                conflict.clone(),
                cart.clone(),
                navigator.clone(),
                tries.clone(),
            );
            let guest = !member;
            wasm_bindgen_futures::spawn_local(async move {
                match api::orders::place((*key).clone(), checkout.clone()).await {
                    Ok(placed) => {
                        placed_orders(&placed, guest.then_some(checkout.buyer_whatsapp.as_str()));
                        if let (true, Some(cart)) = (from_cart, cart) {
                            let ordered: Vec<i64> =
                                checkout.shops.iter().flat_map(|s| s.lines.iter().map(|l| l.product_id)).collect();
                            // The orders stand either way; a cart left as it was is only untidy.
                            let _ = cart.remove_all(&ordered).await;
                        }
                        if let (Some(navigator), Some(first)) = (navigator, placed.orders.first()) {
                            let route = Route::Order { code: first.code.clone() };
                            let _ = navigator.push_with_query(&route, &[("baru", "1")]);
                        }
                    }
                    Err(error) => {
                        if refused(&error) {
                            key.set(new_key());
                        }
                        if error.status() == Some(409) {
                            conflict.set(Some(error));
                        } else {
                            failure.set(Some(error));
                        }
                        busy.set(false);
                        tries.set(*tries + 1);
                    }
                }
            });
        })
    };
    let local = if *checked { draft.errors(lang, &view, quote.as_deref()) } else { Vec::new() };
    let errors: Vec<FieldError> = if local.is_empty() {
        failure.as_ref().map(|e| e.fields().to_vec()).unwrap_or_default()
    } else {
        local.clone()
    };
    let message = match &*failure {
        Some(ApiError::Network) => Some(t::network_retry(lang).to_owned()),
        Some(e) if e.fields().is_empty() => Some(e.message_in(lang)),
        Some(e) => Some(format!("{} {}", e.message_in(lang), forms::check_marked(lang))),
        None if !local.is_empty() => Some(forms::check_marked(lang).to_owned()),
        None => None,
    };
    let general = shared::problem::message_for(&errors, "shops").map(str::to_owned);
    let field = |name: &str| shared::problem::message_for(&errors, name).map(str::to_owned);
    let q = quote.as_deref();
    let fees: Vec<Fee> =
        view.shops.iter().map(|s| draft.delivery(s, q).map_or(Fee::Unknown, |m| fee(q, s.shop_id, m))).collect();
    let known_fees: i64 = fees.iter().map(|f| if let Fee::Known(n) = f { *n } else { 0 }).sum();
    let all_known = fees.iter().all(|f| matches!(f, Fee::Known(_)));
    let sign_in = format!("/masuk?lanjut={}", percent_encode(&lang.path("/pesan")));
    let fees_label = match (all_known, known_fees) {
        (true, _) => rupiah(known_fees),
        (false, 0) => t::later(lang).to_owned(),
        (false, _) => t::known_and_later(lang, rupiah(known_fees)),
    };
    let grand = if all_known {
        rupiah(view.total + known_fees)
    } else {
        t::plus_delivery(lang, rupiah(view.total + known_fees))
    };
    let reload = {
        let (conflict, on_reload, key) = (conflict.clone(), props.on_reload.clone(), key.clone());
        Callback::from(move |_: MouseEvent| {
            conflict.set(None);
            key.set(new_key());
            on_reload.emit(());
        })
    };
    html! {
        <form class="checkout" novalidate=true {onsubmit}>
            if let Some(changed) = &*conflict {
                <div class="form-alert checkout__conflict" role="alert">
                    <p>{ changed.message_in(lang) }</p>
                    <button type="button" class="button button--secondary" onclick={reload}>
                        { t::reload(lang) }
                    </button>
                </div>
            }
            <FormAlert {message} />
            <section class="checkout-part" aria-labelledby="checkout-pemesan">
                <h2 class="checkout-part__title" id="checkout-pemesan">{ t::buyer(lang) }</h2>
                <TextField name="buyer_name" label={t::buyer_name(lang)} value={draft.buyer_name.clone()}
                    oninput={on_name} error={field("buyer_name")} autocomplete="name" form="pesan" required=true />
                <TextField name="buyer_whatsapp" label={t::whatsapp(lang)} value={draft.buyer_whatsapp.clone()}
                    oninput={on_phone} error={field("buyer_whatsapp")} kind="tel" inputmode="tel" autocomplete="tel"
                    hint={t::whatsapp_hint(lang)} form="pesan" required=true />
                if !member {
                    <p class="muted checkout__sign-in">
                        { format!("{} ", t::have_account(lang)) }
                        <a href={sign_in}>{ t::sign_in(lang) }</a>
                        { format!(" {}", t::sign_in_why(lang)) }
                    </p>
                }
            </section>
            <AddressPart draft={(*draft).clone()} needs_address={draft.needs_address(&view)} {member}
                errors={errors.clone()} onchange={set_draft.clone()} />
            { for view.shops.iter().enumerate().map(|(i, shop)| {
                let onchange = {
                    let draft = draft.clone();
                    Callback::from(move |choice| {
                        let mut next = (*draft).clone();
                        next.set_shop(choice);
                        draft.set(next);
                    })
                };
                html! {
                    <ShopChoice key={shop.shop_id} index={i} shop={shop.clone()} draft={draft.shop(shop)}
                        quote={(*quote).clone()} {quotable} errors={errors.clone()}
                        total={draft.shop_total(shop, q)} {onchange} />
                }
            }) }
            if let Some(message) = general { <p class="form-alert" role="alert">{ message }</p> }
            <section class="checkout-part" aria-labelledby="checkout-ringkasan">
                <h2 class="checkout-part__title" id="checkout-ringkasan">{ t::summary(lang) }</h2>
                <dl class="checkout__totals">
                    <div><dt>{ t::items_total(lang) }</dt><dd>{ rupiah(view.total) }</dd></div>
                    <div><dt>{ t::delivery_fee(lang) }</dt><dd>{ fees_label }</dd></div>
                    <div class="checkout__grand"><dt>{ t::grand_total(lang) }</dt><dd>{ grand.clone() }</dd></div>
                </dl>
            </section>
            <div class="cart-summary checkout__summary">
                <p class="cart-summary__total"><span>{ cart::total(lang) }</span><strong>{ grand }</strong></p>
                <button type="submit" class="button button--primary cart-summary__go" disabled={*busy}>
                    { if *busy { t::placing(lang) } else { t::place(lang) } }
                </button>
            </div>
        </form>
    }
}

/// Keeps what the order page needs: every order of this checkout, and for a guest the number that opens
/// each one.
fn placed_orders(placed: &Placed, guest_phone: Option<&str>) {
    remember_placed(&placed.orders);
    if let Some(phone) = guest_phone {
        for order in &placed.orders {
            remember_phone(&order.code, phone);
        }
    }
}
