//! The buying controls: a quantity stepper within the minimum order and the stock, and a product page's
//! "Tambah ke keranjang" and "Beli sekarang" (on an English page, "Add to cart" and "Buy now", which opens
//! the English checkout).

use shared::Unit;
use shared::texts::cart as t;
use yew::prelude::*;
use yew_router::Routable;

use crate::app::Route;
use crate::cart_store::use_cart;
use crate::hooks::use_running;
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct BuyBoxProps {
    pub product_id: i64,
    pub name: AttrValue,
    pub stock: i64,
    pub min_order: i64,
    pub unit: Unit,
    /// The shop is closed for now: it can go in the cart, not be ordered.
    #[prop_or_default]
    pub on_holiday: bool,
}

/// How many, then into the cart or straight to checkout; sold out says so.
#[component]
pub fn BuyBox(props: &BuyBoxProps) -> Html {
    let min = props.min_order.max(1);
    let quantity = use_state(|| min);
    let status = use_state(|| None::<Result<(), String>>);
    let busy = use_state(|| false);
    let running = use_running();
    let cart = use_cart();
    let lang = use_lang();
    if props.stock <= 0 {
        return html! {
            <div class="buy-box">
                <button type="button" class="button button--primary buy-box__main" disabled=true>
                    { t::sold_out(lang) }
                </button>
            </div>
        };
    }
    if props.stock < min {
        return html! {
            <div class="buy-box">
                <p class="notice">{ t::stock_below_minimum(lang, props.stock) }</p>
            </div>
        };
    }
    let set = {
        let (quantity, status) = (quantity.clone(), status.clone());
        Callback::from(move |n: i64| {
            quantity.set(n);
            status.set(None);
        })
    };
    let add = {
        let (quantity, status, busy, id) = (quantity.clone(), status.clone(), busy.clone(), props.product_id);
        Callback::from(move |_: MouseEvent| {
            let Some(cart) = cart.clone() else { return };
            let (quantity, status, busy) = (*quantity, status.clone(), busy.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let done = cart.add(id, quantity).await;
                let problem = done.as_ref().ok().and_then(|view| {
                    view.shops
                        .iter()
                        .flat_map(|s| &s.lines)
                        .find(|l| l.product.id == id)
                        .and_then(|l| l.problem_in(lang))
                });
                status.set(Some(match (done, problem) {
                    (Err(e), _) => Err(e.fields().first().map_or_else(|| e.message_in(lang), |f| f.message.clone())),
                    (Ok(_), Some(problem)) => Err(t::in_cart_but(lang, problem)),
                    (Ok(_), None) => Ok(()),
                }));
                busy.set(false);
            });
        })
    };
    let buy = {
        let (quantity, id) = (quantity.clone(), props.product_id);
        // Checkout is another bundle's page: loaded afresh.
        Callback::from(move |_: MouseEvent| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().assign(&lang.path(&format!(
                    "{}?produk={id}&jumlah={}",
                    Route::Checkout.to_path(),
                    *quantity
                )));
            }
        })
    };
    let idle = *busy || !running;
    html! {
        <div class="buy-box">
            <div class="buy-box__quantity">
                <span class="buy-box__label" aria-hidden="true">{ t::quantity(lang) }</span>
                <QuantityStepper value={*quantity} {min} max={props.stock} unit={props.unit}
                    label={t::quantity_of(lang, &props.name)} onchange={set} disabled={idle} />
            </div>
            <div class="buy-box__actions">
                <button type="button" class="button button--secondary" onclick={add} disabled={idle}>
                    { t::add(lang) }
                </button>
                <button type="button" class="button button--primary" onclick={buy} disabled={idle || props.on_holiday}>
                    { t::buy_now(lang) }
                </button>
            </div>
            { match &*status {
                Some(Ok(())) => html! {
                    <p class="buy-box__status" role="status">
                        { format!("{} ", t::added(lang)) }
                        <a href={lang.path("/keranjang")}>{ t::see_cart(lang) }</a>
                    </p>
                },
                Some(Err(message)) => html! {
                    <p class="buy-box__status buy-box__status--problem" role="alert">{ message }</p>
                },
                None => Html::default(),
            } }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct QuantityStepperProps {
    pub value: i64,
    /// The minimum order (at least 1).
    pub min: i64,
    /// The stock.
    pub max: i64,
    pub unit: Unit,
    /// What the number is, for screen readers ("Jumlah Keripik Tempe").
    pub label: AttrValue,
    pub onchange: Callback<i64>,
    #[prop_or_default]
    pub disabled: bool,
}

/// − [n] + within the minimum order and the stock; a typed number counts when the field is left.
#[component]
pub fn QuantityStepper(props: &QuantityStepperProps) -> Html {
    let typed = use_state(|| props.value.to_string());
    {
        let typed = typed.clone();
        use_effect_with(props.value, move |value| typed.set(value.to_string()));
    }
    let (value, min, max) = (props.value, props.min.max(1), props.max);
    let step = |to: i64| props.onchange.reform(move |_: MouseEvent| to);
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| typed.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    let onchange = {
        let (typed, emit) = (typed.clone(), props.onchange.clone());
        Callback::from(move |_: Event| match typed.trim().parse::<i64>().map(|n| n.clamp(min, max.max(min))) {
            Ok(n) if n != value => {
                typed.set(n.to_string());
                emit.emit(n);
            }
            _ => typed.set(value.to_string()),
        })
    };
    let less = if value > max && max >= min { max } else { value - 1 };
    let lang = use_lang();
    html! {
        <div class="stepper" role="group" aria-label={props.label.clone()}>
            <button type="button" class="stepper__button" onclick={step(less)} disabled={props.disabled || value <= min}
                aria-label={t::less(lang)}>{ "−" }</button>
            <input class="stepper__input" type="number" inputmode="numeric" min={min.to_string()}
                max={max.max(min).to_string()} value={(*typed).clone()} {oninput} {onchange} disabled={props.disabled}
                aria-label={props.label.clone()} />
            <button type="button" class="stepper__button" onclick={step(value + 1)}
                disabled={props.disabled || value >= max} aria-label={t::more(lang)}>{ "+" }</button>
            <span class="stepper__unit">{ props.unit.label_in(lang) }</span>
        </div>
    }
}
