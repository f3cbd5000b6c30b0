//! `/akun/pesanan`: the signed-in buyer's orders, newest first, each leading to its tracking page
//! (`/pesanan/{kode}`, the shop app), with "Pesan lagi" that puts the order's goods back in the cart.

use std::rc::Rc;

use shared::api::{cart::SetItem, orders};
use shared::{
    Me, OrderSummary,
    cart::CartItem,
    format::rupiah,
    order::order_path,
    order_flow::{OrderStatus, PaymentMethod},
};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::skeleton::SkeletonList;
use crate::dates;
use crate::hooks::{Remote, page_title, use_remote, use_title};
use crate::pages::seller::orders::status_tone;
use crate::session::SignedIn;
use crate::workspace::Route;

/// The cart page of the shop app.
const CART: &str = "/keranjang";

#[component]
pub fn MyOrdersPage() -> Html {
    use_title(page_title("Pesanan saya"));
    html! { <SignedIn render={Callback::from(|_: Rc<Me>| html! { <MyOrders /> })} /> }
}

#[component]
fn MyOrders() -> Html {
    let list = use_remote((), |()| api::fetch_one(orders::Mine {}));
    let body = match list.get() {
        Remote::Loading => html! { <SkeletonList count={3} /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
        Remote::Loaded(data) if data.orders.is_empty() => html! {
            <EmptyState message="Anda belum pernah memesan.">
                <a class="button button--primary" href="/produk">{ "Lihat produk desa" }</a>
            </EmptyState>
        },
        Remote::Loaded(data) => {
            let mut orders = data.orders.clone();
            orders.sort_by_key(|o| std::cmp::Reverse(o.created_at));
            html! {
                <ul class="order-list">
                    { for orders.into_iter().map(|o| html! { <Row key={o.code.clone()} order={o.clone()} /> }) }
                </ul>
            }
        }
    };
    html! {
        <div class="container page page--narrow">
            <Link<Route> classes="back-link" to={Route::Account}>{ "‹ Akun saya" }</Link<Route>>
            <h1>{ "Pesanan saya" }</h1>
            { body }
        </div>
    }
}

/// What the buyer does next with an order in `status`, when it is up to them.
pub fn buyer_next_step(status: OrderStatus, payment: PaymentMethod) -> Option<&'static str> {
    match status {
        OrderStatus::AwaitingPayment if payment.is_prepaid() => Some("Bayar, lalu kirim foto bukti bayar."),
        OrderStatus::Shipped => Some("Sudah sampai? Konfirmasi pesanan diterima."),
        OrderStatus::ReadyForPickup => Some("Barang siap diambil di toko."),
        _ => None,
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    order: OrderSummary,
}

#[component]
fn Row(props: &RowProps) -> Html {
    let o = &props.order;
    let more = if o.items > 1 { format!(" · {} barang", o.items) } else { String::new() };
    let total = o.total.map_or_else(|| "Menunggu ongkir".to_owned(), rupiah);
    html! {
        <li class="order-list__item">
            // A plain link: the tracking page belongs to the shop app.
            <a class="order-card" href={order_path(&o.code)}>
                <span class="order-card__top">
                    <span class={classes!("badge", status_tone(o.status))}>{ o.status.label() }</span>
                    <span class="order-card__date">{ dates::date_time(o.created_at) }</span>
                </span>
                <strong class="order-card__buyer">{ &o.shop_name }</strong>
                <span class="order-card__items">{ format!("{}{more}", o.first_item) }</span>
                <span class="order-card__bottom">
                    <span class="order-card__code">{ &o.code }</span>
                    <strong class="order-card__total">{ total }</strong>
                </span>
                if let Some(next) = buyer_next_step(o.status, o.payment) {
                    <span class="order-card__next">{ next }</span>
                }
            </a>
            <Reorder code={o.code.clone()} />
        </li>
    }
}

/// What putting an order's goods back in the cart came to.
#[derive(Clone, PartialEq)]
struct Reordered {
    added: usize,
    problems: Vec<String>,
}

/// The message of a refused cart line: the field's message when the server gave one.
fn line_problem(name: &str, error: &ApiError) -> String {
    let why = error.fields().first().map_or_else(|| error.message(), |f| f.message.clone());
    format!("{name}: {why}")
}

/// Puts each of the order's products in the cart with the quantity ordered.
async fn reorder(code: String) -> Result<Reordered, ApiError> {
    let order = api::fetch_one(orders::Order { code }).await?;
    let mut done = Reordered { added: 0, problems: Vec::new() };
    for line in &order.lines {
        let Some(product_id) = line.product_id else {
            done.problems.push(format!("{}: produk ini sudah tidak dijual.", line.name));
            continue;
        };
        match api::call(SetItem { product_id }, &CartItem { product_id, quantity: line.quantity }).await {
            Ok(_) => done.added += 1,
            Err(error) => done.problems.push(line_problem(&line.name, &error)),
        }
    }
    Ok(done)
}

#[derive(Properties, PartialEq)]
struct ReorderProps {
    code: String,
}

/// "Pesan lagi": when every product went in, straight to the cart; else what did not, and the cart link.
#[component]
fn Reorder(props: &ReorderProps) -> Html {
    let busy = use_state(|| false);
    let answer = use_state(|| None::<Result<Reordered, ApiError>>);
    let onclick = {
        let (busy, answer, code) = (busy.clone(), answer.clone(), props.code.clone());
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            answer.set(None);
            let (busy, answer, code) = (busy.clone(), answer.clone(), code.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = reorder(code).await;
                let all_in = matches!(&result, Ok(done) if done.problems.is_empty() && done.added > 0);
                if let (true, Some(window)) = (all_in, web_sys::window()) {
                    let _ = window.location().set_href(CART);
                    return;
                }
                busy.set(false);
                answer.set(Some(result));
            });
        })
    };
    html! {
        <div class="order-list__again">
            <button type="button" class="button button--secondary" {onclick} disabled={*busy}>
                { if *busy { "Memasukkan ke keranjang…" } else { "Pesan lagi" } }
            </button>
            { match &*answer {
                None => Html::default(),
                Some(Err(error)) => html! { <p class="form-alert" role="alert">{ error.message() }</p> },
                Some(Ok(done)) => html! {
                    <div class="form-alert reorder__problems" role="alert">
                        <p>{ if done.added > 0 {
                            format!("{} produk masuk keranjang. Yang tidak bisa:", done.added)
                        } else {
                            "Tidak ada produk yang bisa dipesan lagi:".to_owned()
                        } }</p>
                        <ul>{ for done.problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                        if done.added > 0 {
                            <a class="button button--primary" href={CART}>{ "Buka keranjang" }</a>
                        }
                    </div>
                },
            } }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::FieldError;

    #[test]
    fn says_why_a_product_did_not_go_back_in_the_cart() {
        let error = ApiError::Problem {
            status: 422,
            detail: "Periksa isian.".into(),
            fields: vec![FieldError::new("quantity", "Stok tinggal 2.")],
        };
        assert_eq!(line_problem("Madu", &error), "Madu: Stok tinggal 2.");
        assert_eq!(line_problem("Madu", &ApiError::Status(404)), "Madu: Permintaan tidak dapat dilayani (kode 404).");
    }

    #[test]
    fn tells_the_buyer_when_it_is_their_turn() {
        assert!(buyer_next_step(OrderStatus::AwaitingPayment, PaymentMethod::Transfer).is_some());
        assert!(buyer_next_step(OrderStatus::New, PaymentMethod::Cash).is_none());
    }
}
