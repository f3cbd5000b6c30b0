//! `/keranjang`: the cart grouped by shop, each with its subtotal; quantity steppers that respect the
//! minimum order and stock, removal, problems beside their line, closed shops shown closed; the total
//! and "Lanjut ke pembayaran" — in the page's language (`/en/keranjang`).

use std::collections::HashMap;
use std::rc::Rc;

use shared::cart::{CartLine, CartShop};
use shared::format::rupiah;
use shared::texts::{cart as t, forms, head_buying as head};
use shared::{CartView, Lang};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::ApiError;
use crate::app::Route;
use crate::cart_store::{Cart, online, use_cart};
use crate::components::cover::Cover;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::skeleton::SkeletonList;
use crate::hooks::{page_title, use_title};
use crate::root::use_lang;
pub use buy::{BuyBox, QuantityStepper};

mod buy;

/// Whether a line can be ordered as it is.
pub fn orderable(shop: &CartShop, line: &CartLine) -> bool {
    !shop.on_holiday && line.problem.is_none()
}

/// How many lines of the cart cannot be ordered as they are.
fn blocked(view: &CartView) -> usize {
    view.shops.iter().map(|s| s.lines.iter().filter(|l| !orderable(s, l)).count()).sum()
}

#[component]
pub fn CartPage() -> Html {
    let lang = use_lang();
    use_title(page_title(head::cart(lang)));
    let cart = use_cart();
    let failed = use_state(|| None::<ApiError>);
    let attempt = use_state(|| 0_u32);
    {
        let (cart, failed) = (cart.clone(), failed.clone());
        let member = cart.as_ref().and_then(Cart::member);
        use_effect_with((member, *attempt), move |(member, _)| {
            if let (Some(_), Some(cart)) = (member, cart) {
                wasm_bindgen_futures::spawn_local(async move {
                    let mut error = cart.refresh().await.err();
                    let offline = !online() || error == Some(ApiError::Network);
                    if offline && cart.show_last_priced(!online()) {
                        error = Some(ApiError::Network);
                    }
                    failed.set(error);
                });
            }
        });
    }
    let Some(cart) = cart else { return Html::default() };
    let body = match (cart.view(), &*failed) {
        (_, Some(error)) if cart.view().is_none() => {
            let retry = {
                let (attempt, failed) = (attempt.clone(), failed.clone());
                Callback::from(move |()| {
                    failed.set(None);
                    attempt.set(*attempt + 1);
                })
            };
            html! { <ErrorState error={error.clone()} on_retry={retry} /> }
        }
        (None, _) if cart.count() > 0 || cart.member().is_none() => html! { <SkeletonList count={3} /> },
        (Some(view), _) if !view.shops.is_empty() => html! { <CartContents {view} cart={cart.clone()} /> },
        _ => html! {
            <EmptyState message={t::empty(lang)}>
                <a class="button button--primary" href={lang.path("/produk")}>{ t::browse_products(lang) }</a>
            </EmptyState>
        },
    };
    html! {
        <div class="container page cart-page">
            <h1>{ head::cart(lang) }</h1>
            if let Some(view) = cart.view().filter(|v| !v.gone.is_empty()) {
                <p class="notice" role="status">{ t::gone(lang, view.gone.len() as i64) }</p>
            }
            if *failed == Some(ApiError::Network) && cart.view().is_some() {
                <p class="notice" role="status">{ t::offline(lang) }</p>
            }
            { body }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CartContentsProps {
    view: Rc<CartView>,
    cart: Cart,
}

/// The shops with their lines, then the total and the way on.
#[component]
fn CartContents(props: &CartContentsProps) -> Html {
    let lang = use_lang();
    let busy = use_state(|| None::<i64>);
    let errors = use_state(HashMap::<i64, String>::new);
    let change = {
        let (cart, busy, errors) = (props.cart.clone(), busy.clone(), errors.clone());
        Callback::from(move |(product_id, quantity): (i64, i64)| {
            if busy.is_some() {
                return;
            }
            busy.set(Some(product_id));
            let (cart, busy, errors) = (cart.clone(), busy.clone(), errors.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut next = (*errors).clone();
                match cart.set(product_id, quantity).await {
                    Ok(_) => next.remove(&product_id),
                    Err(error) => next.insert(product_id, line_message(lang, &error)),
                };
                errors.set(next);
                busy.set(None);
            });
        })
    };
    let view = &props.view;
    let skipped = blocked(view);
    let orderable_count = view.shops.iter().map(|s| s.lines.iter().filter(|l| orderable(s, l)).count()).sum::<usize>();
    let navigator = use_navigator();
    let go = Callback::from(move |_: MouseEvent| {
        if let Some(navigator) = &navigator {
            navigator.push(&Route::Checkout);
        }
    });
    html! {
        <>
            { for view.shops.iter().map(|shop| html! {
                <ShopPart key={shop.shop_id} shop={shop.clone()} busy={*busy} errors={(*errors).clone()}
                    onchange={change.clone()} />
            }) }
            <div class="cart-summary">
                <p class="cart-summary__total">
                    <span>{ t::total(lang) }</span>
                    <strong>{ rupiah(view.total) }</strong>
                </p>
                if skipped > 0 {
                    <p class="cart-summary__note">{ t::skipped(lang, skipped as i64) }</p>
                }
                <button type="button" class="button button--primary cart-summary__go" onclick={go}
                    disabled={orderable_count == 0 || busy.is_some()}>
                    { t::go_on(lang) }
                </button>
            </div>
        </>
    }
}

/// What to say beside a line when its change was refused.
fn line_message(lang: Lang, error: &ApiError) -> String {
    error.fields().first().map_or_else(|| error.message_in(lang), |f| f.message.clone())
}

#[derive(Properties, PartialEq)]
struct ShopPartProps {
    shop: CartShop,
    busy: Option<i64>,
    errors: HashMap<i64, String>,
    onchange: Callback<(i64, i64)>,
}

#[component]
fn ShopPart(props: &ShopPartProps) -> Html {
    let lang = use_lang();
    let shop = &props.shop;
    html! {
        <section class={classes!("cart-shop", shop.on_holiday.then_some("cart-shop--closed"))}
            aria-label={t::order_from(lang, &shop.shop_name)}>
            <header class="cart-shop__head">
                <h2 class="cart-shop__name">
                    <a href={lang.path(&Route::Shop { slug: shop.shop_slug.clone() }.to_path())}>{ &shop.shop_name }</a>
                </h2>
                <p class="cart-shop__village">{ t::village(lang, &shop.village_name) }</p>
            </header>
            if shop.on_holiday {
                <p class="cart-shop__closed" role="status">
                    <strong>{ t::shop_closed(lang) }</strong>
                    { format!(" {}", t::shop_closed_more(lang)) }
                    if !shop.holiday_note.trim().is_empty() { { format!(" {}", shop.holiday_note.trim()) } }
                </p>
            }
            <ul class="cart-lines">
                { for shop.lines.iter().map(|line| {
                    let problem = props.errors.get(&line.product.id).cloned().or_else(|| line.problem_in(lang));
                    let busy = props.busy == Some(line.product.id);
                    cart_line(lang, line, problem, busy, shop.on_holiday, &props.onchange)
                }) }
            </ul>
            <p class="cart-shop__subtotal">
                <span>{ t::subtotal(lang) }</span><strong>{ rupiah(shop.subtotal) }</strong>
            </p>
        </section>
    }
}

/// One product of the cart: its photo and name, price, problem, quantity, subtotal and "Hapus".
fn cart_line(
    lang: Lang,
    line: &CartLine,
    problem: Option<String>,
    busy: bool,
    closed: bool,
    onchange: &Callback<(i64, i64)>,
) -> Html {
    let id = line.product.id;
    let remove = onchange.reform(move |_: MouseEvent| (id, 0));
    let set = onchange.reform(move |q: i64| (id, q));
    let (name, href) = (line.product.name_in(lang), lang.path(&line.product.path()));
    let price = format!("{} / {}", rupiah(line.product.price), line.product.unit.label_in(lang));
    html! {
        <li key={id} class={classes!("cart-line", problem.is_some().then_some("has-problem"))}>
            <a class="cart-line__photo" href={href.clone()} tabindex="-1" aria-hidden="true">
                <Cover url={line.product.photo.as_ref().map(|p| AttrValue::from(p.thumb.url.clone()))}
                    name={name.to_owned()} sector={Some(line.product.sector)} />
            </a>
            <div class="cart-line__info">
                <a class="cart-line__name" {href}>{ name }</a>
                <p class="cart-line__price">{ price }</p>
                if let Some(problem) = problem {
                    <p class="cart-line__problem" role="alert">{ problem }</p>
                }
                <QuantityStepper value={line.quantity} min={line.min_order.max(1)}
                    max={line.product.stock} unit={line.product.unit}
                    label={t::quantity_of(lang, name)} onchange={set} disabled={busy || closed} />
                <div class="cart-line__foot">
                    <span class="cart-line__subtotal">{ rupiah(line.subtotal) }</span>
                    <button type="button" class="button button--ghost cart-line__remove"
                        onclick={remove} disabled={busy} aria-label={t::remove_from_cart(lang, name)}>
                        { forms::remove(lang) }
                    </button>
                </div>
            </div>
        </li>
    }
}
