//! `/keranjang`: the cart grouped by shop, each with its subtotal; quantity steppers that respect the
//! minimum order and stock, removal, problems beside their line, closed shops shown closed; the total
//! and "Lanjut ke pembayaran".

use std::collections::HashMap;
use std::rc::Rc;

use shared::CartView;
use shared::cart::{CartLine, CartShop};
use shared::format::rupiah;
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
    use_title(page_title("Keranjang"));
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
            <EmptyState message="Keranjang Anda masih kosong.">
                <a class="button button--primary" href="/produk">{ "Lihat produk desa" }</a>
            </EmptyState>
        },
    };
    html! {
        <div class="container page cart-page">
            <h1>{ "Keranjang" }</h1>
            if let Some(view) = cart.view().filter(|v| !v.gone.is_empty()) {
                <p class="notice" role="status">
                    { format!("{} produk sudah tidak dijual dan dikeluarkan dari keranjang.", view.gone.len()) }
                </p>
            }
            if *failed == Some(ApiError::Network) && cart.view().is_some() {
                <p class="notice" role="status">
                    { "Tanpa koneksi: keranjang ditampilkan seperti terakhir dimuat. Harga dan stok diperiksa lagi \
                       saat Anda online." }
                </p>
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
                    Err(error) => next.insert(product_id, line_message(&error)),
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
                    <span>{ "Total" }</span>
                    <strong>{ rupiah(view.total) }</strong>
                </p>
                if skipped > 0 {
                    <p class="cart-summary__note">
                        { format!("{skipped} produk bertanda merah tidak ikut dipesan.") }
                    </p>
                }
                <button type="button" class="button button--primary cart-summary__go" onclick={go}
                    disabled={orderable_count == 0 || busy.is_some()}>
                    { "Lanjut ke pembayaran" }
                </button>
            </div>
        </>
    }
}

/// What to say beside a line when its change was refused.
fn line_message(error: &ApiError) -> String {
    error.fields().first().map_or_else(|| error.message(), |f| f.message.clone())
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
    let shop = &props.shop;
    html! {
        <section class={classes!("cart-shop", shop.on_holiday.then_some("cart-shop--closed"))}
            aria-label={format!("Pesanan dari {}", shop.shop_name)}>
            <header class="cart-shop__head">
                <h2 class="cart-shop__name">
                    <a href={Route::Shop { slug: shop.shop_slug.clone() }.to_path()}>{ &shop.shop_name }</a>
                </h2>
                <p class="cart-shop__village">{ format!("Desa {}", shop.village_name) }</p>
            </header>
            if shop.on_holiday {
                <p class="cart-shop__closed" role="status">
                    <strong>{ "Toko sedang libur." }</strong>
                    { " Produk dari toko ini belum dapat dipesan." }
                    if !shop.holiday_note.trim().is_empty() { { format!(" {}", shop.holiday_note.trim()) } }
                </p>
            }
            <ul class="cart-lines">
                { for shop.lines.iter().map(|line| {
                    let id = line.product.id;
                    let remove = props.onchange.reform(move |_: MouseEvent| (id, 0));
                    let set = props.onchange.reform(move |q: i64| (id, q));
                    let busy = props.busy == Some(id);
                    let problem = props.errors.get(&id).cloned().or_else(|| line.problem.clone());
                    html! {
                        <li key={id} class={classes!("cart-line", problem.is_some().then_some("has-problem"))}>
                            <a class="cart-line__photo" href={line.product.path()} tabindex="-1" aria-hidden="true">
                                <Cover url={line.product.photo.as_ref().map(|p| AttrValue::from(p.thumb.url.clone()))}
                                    name={line.product.name.clone()} sector={Some(line.product.sector)} />
                            </a>
                            <div class="cart-line__info">
                                <a class="cart-line__name" href={line.product.path()}>{ &line.product.name }</a>
                                <p class="cart-line__price">{ line.product.price_label() }</p>
                                if let Some(problem) = problem {
                                    <p class="cart-line__problem" role="alert">{ problem }</p>
                                }
                                <QuantityStepper value={line.quantity} min={line.min_order.max(1)}
                                    max={line.product.stock} unit={line.product.unit}
                                    label={format!("Jumlah {}", line.product.name)} onchange={set}
                                    disabled={busy || shop.on_holiday} />
                                <div class="cart-line__foot">
                                    <span class="cart-line__subtotal">{ rupiah(line.subtotal) }</span>
                                    <button type="button" class="button button--ghost cart-line__remove"
                                        onclick={remove} disabled={busy}
                                        aria-label={format!("Hapus {} dari keranjang", line.product.name)}>
                                        { "Hapus" }
                                    </button>
                                </div>
                            </div>
                        </li>
                    }
                }) }
            </ul>
            <p class="cart-shop__subtotal"><span>{ "Subtotal" }</span><strong>{ rupiah(shop.subtotal) }</strong></p>
        </section>
    }
}
