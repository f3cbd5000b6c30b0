//! `/pesan`: checkout — the cart's orderable goods (or one product bought at once: `?produk=12&jumlah=3`),
//! the buyer, the address, and per shop the delivery (priced by `POST /orders/quote` for the address) and
//! payment; then "Buat pesanan", one order per shop, safe to send again after a network failure. In English
//! at `/en/pesan`, ending on the English order page.

mod address_part;
mod draft;
mod form;
mod shop_choice;

use std::rc::Rc;

use shared::api::cart::GuestCart;
use shared::texts::{cart, checkout as t, head_buying as head};
use shared::{CartItem, CartView, Lang};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::cart_store::use_cart;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::skeleton::SkeletonList;
use crate::hooks::{page_title, use_title};
use crate::pages::cart::orderable;
use crate::root::use_lang;
use form::CheckoutForm;

/// The product bought at once from its page, from `?produk=12&jumlah=3`.
pub fn buy_now(query: &str) -> Option<CartItem> {
    let mut product_id = None;
    let mut quantity = 1;
    for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        match key.as_ref() {
            "produk" => product_id = value.parse::<i64>().ok().filter(|id| *id > 0),
            "jumlah" => quantity = value.parse::<i64>().ok().filter(|q| *q > 0).unwrap_or(1),
            _ => {}
        }
    }
    product_id.map(|product_id| CartItem { product_id, quantity })
}

/// The part of a cart that can be ordered now: open shops, lines without a problem.
pub fn orderable_part(view: &CartView) -> CartView {
    let shops: Vec<_> = view
        .shops
        .iter()
        .filter_map(|shop| {
            let lines: Vec<_> = shop.lines.iter().filter(|l| orderable(shop, l)).cloned().collect();
            let subtotal = lines.iter().map(|l| l.subtotal).sum();
            let weight_grams = lines.iter().map(|l| l.weight_grams * l.quantity).sum();
            (!lines.is_empty()).then(|| shared::cart::CartShop { lines, subtotal, weight_grams, ..shop.clone() })
        })
        .collect();
    let total = shops.iter().map(|s| s.subtotal).sum();
    CartView { shops, total, gone: view.gone.clone() }
}

#[component]
pub fn CheckoutPage() -> Html {
    let lang = use_lang();
    use_title(page_title(head::checkout(lang)));
    let location = use_location();
    let single = location.as_ref().and_then(|l| buy_now(l.query_str()));
    let cart = use_cart();
    let member = cart.as_ref().and_then(|c| c.member());
    let answer = use_state(|| None::<Result<(Rc<CartView>, Rc<CartView>), ApiError>>);
    let attempt = use_state(|| 0_u32);
    {
        let (answer, cart) = (answer.clone(), cart.clone());
        use_effect_with((single.clone(), member, *attempt), move |(single, member, _)| {
            let single = single.clone();
            let ready = single.is_some() || member.is_some();
            if ready {
                wasm_bindgen_futures::spawn_local(async move {
                    let priced = match (single, cart) {
                        (Some(item), _) => api::call(GuestCart {}, &vec![item]).await.map(Rc::new),
                        (None, Some(cart)) => cart.refresh().await,
                        (None, None) => Ok(Rc::new(CartView::default())),
                    };
                    answer.set(Some(priced.map(|all| {
                        let part = Rc::new(orderable_part(&all));
                        (all, part)
                    })));
                });
            }
        });
    }
    // The form stays (with what was typed) while the goods are priced again.
    let reload = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    let body = match &*answer {
        None => html! { <SkeletonList count={3} /> },
        Some(Err(error)) => html! { <ErrorState error={error.clone()} on_retry={reload} /> },
        Some(Ok((all, part))) if part.shops.is_empty() => nothing_to_order(lang, all),
        Some(Ok((all, part))) => html! {
            <>
                if part.shops.iter().map(|s| s.lines.len()).sum::<usize>()
                    < all.shops.iter().map(|s| s.lines.len()).sum::<usize>() {
                    <p class="notice">{ t::some_left_out(lang) }</p>
                }
                <CheckoutForm view={part.clone()} from_cart={single.is_none()} on_reload={reload} />
            </>
        },
    };
    html! {
        <div class="container page checkout-page">
            <p class="back-link"><a href={lang.path("/keranjang")}>{ t::back_to_cart(lang) }</a></p>
            <h1>{ head::checkout(lang) }</h1>
            { body }
        </div>
    }
}

/// Why nothing can be ordered: an empty cart, or each line's problem.
fn nothing_to_order(lang: Lang, all: &CartView) -> Html {
    let message = if all.shops.is_empty() { t::nothing_yet(lang) } else { t::cannot_order(lang) };
    let problems: Vec<String> = all
        .shops
        .iter()
        .flat_map(|shop| {
            shop.lines.iter().map(move |line| {
                let why = if shop.on_holiday {
                    cart::shop_closed(lang).to_owned()
                } else {
                    line.problem_in(lang).unwrap_or_default()
                };
                format!("{}: {why}", line.product.name_in(lang))
            })
        })
        .collect();
    html! {
        <EmptyState message={message}>
            if !problems.is_empty() {
                <ul class="empty-state__hint">{ for problems.into_iter().map(|p| html! { <li>{ p }</li> }) }</ul>
            }
            <a class="button button--primary" href={lang.path("/produk")}>{ cart::browse_products(lang) }</a>
        </EmptyState>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_product_bought_at_once() {
        assert_eq!(buy_now("?produk=12&jumlah=3"), Some(CartItem { product_id: 12, quantity: 3 }));
        assert_eq!(buy_now("produk=12"), Some(CartItem { product_id: 12, quantity: 1 }));
        assert_eq!(buy_now("?produk=x&jumlah=3"), None);
        assert_eq!(buy_now(""), None);
    }
}
