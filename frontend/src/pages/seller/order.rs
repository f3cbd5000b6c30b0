//! `/jual/{toko}/pesanan/{kode}`: one order for its seller — what to do next and the moves that do it, its
//! complaint, the buyer with a WhatsApp button, where the goods go, the goods and money, the payment (with the
//! buyer's receipt photo), the history, and the packing slip to print.

use std::rc::Rc;

use shared::api::orders::ShopOrder;
use shared::{
    Me, Order,
    order_flow::{DeliveryMethod, OrderStatus},
};
use yew::prelude::*;
use yew_router::prelude::*;

use super::Refused;
use super::order_complaint::SellerComplaint;
use super::order_moves::Moves;
use super::orders::{seller_next_step, status_tone};
use crate::api;
use crate::components::order_lines::OrderLines;
use crate::components::order_timeline::OrderTimeline;
use crate::components::skeleton::SkeletonList;
use crate::dates;
use crate::hooks::{Remote, page_title, use_remote, use_title};
use crate::session::SignedIn;
use crate::workspace::Route;

#[derive(Properties, PartialEq)]
pub struct SellOrderPageProps {
    pub shop: i64,
    pub code: String,
}

#[component]
pub fn SellOrderPage(props: &SellOrderPageProps) -> Html {
    use_title(page_title(&format!("Pesanan {}", props.code)));
    let (shop, code) = (props.shop, props.code.clone());
    let render = Callback::from(move |_: Rc<Me>| html! { <OrderDesk {shop} code={code.clone()} /> });
    html! { <SignedIn {render} /> }
}

#[derive(Properties, PartialEq)]
struct OrderDeskProps {
    shop: i64,
    code: String,
}

/// Loads the order; a move answers with the order as it now stands, which replaces the loaded one.
#[component]
fn OrderDesk(props: &OrderDeskProps) -> Html {
    // Keyed by the endpoint, with the print page: one instantiation of the hook for both.
    let loaded = use_remote(ShopOrder { id: props.shop, code: props.code.clone() }, api::fetch_one);
    let moved = use_state(|| None::<Rc<Order>>);
    let order = match (loaded.get(), &*moved) {
        (Remote::Loaded(_), Some(order)) if order.code == props.code => order.clone(),
        (Remote::Loaded(order), _) => order.clone(),
        (Remote::Loading, _) => return html! { <div class="container page"><SkeletonList count={4} /></div> },
        (Remote::Failed(error), _) => {
            let back = Route::SellPart { shop: props.shop, part: "pesanan".into() };
            return html! {
                <Refused title="Pesanan" error={error.clone()} on_retry={loaded.retry()} {back}
                    back_label="Ke daftar pesanan" />
            };
        }
    };
    let on_moved = {
        let moved = moved.clone();
        Callback::from(move |order: Order| moved.set(Some(Rc::new(order))))
    };
    html! { <OrderView shop={props.shop} {order} {on_moved} /> }
}

#[derive(Properties, PartialEq)]
struct OrderViewProps {
    shop: i64,
    order: Rc<Order>,
    on_moved: Callback<Order>,
}

#[component]
fn OrderView(props: &OrderViewProps) -> Html {
    let o = &*props.order;
    let shop = props.shop;
    let print = |query: Vec<(&'static str, &'static str)>, label: &'static str| {
        html! {
            <Link<Route, Vec<(&'static str, &'static str)>> classes="button button--secondary"
                to={Route::SellOrderPrint { shop, code: o.code.clone() }} query={Some(query)}>
                { label }
            </Link<Route, Vec<(&'static str, &'static str)>>>
        }
    };
    html! {
        <div class="container page page--narrow seller-order">
            <Link<Route> classes="back-link" to={Route::SellPart { shop, part: "pesanan".into() }}>
                { "‹ Semua pesanan" }
            </Link<Route>>
            <div class="seller-order__head">
                <h1 class="seller-order__code">{ format!("Pesanan {}", o.code) }</h1>
                <p class="seller-order__meta">
                    <span class={classes!("badge", status_tone(o.status))}>{ o.status.label() }</span>
                    <span>{ dates::date_time(o.created_at) }</span>
                </p>
            </div>
            <NextStep order={props.order.clone()} />
            <Moves {shop} order={props.order.clone()} on_moved={props.on_moved.clone()} />
            <SellerComplaint {shop} order={props.order.clone()} />
            <section class="panel" aria-labelledby="pembeli">
                <h2 id="pembeli">{ "Pembeli" }</h2>
                <p class="seller-order__buyer"><strong>{ &o.buyer_name }</strong></p>
                <p class="seller-order__phone">{ o.buyer_whatsapp.display() }</p>
                <a class="button button--wa button--block" href={o.whatsapp_link.clone()} target="_blank"
                    rel="noopener">{ "Chat pembeli di WhatsApp" }</a>
                if !o.note.trim().is_empty() {
                    <p class="seller-order__note"><strong>{ "Catatan pembeli: " }</strong>{ o.note.trim() }</p>
                }
            </section>
            <Delivery order={props.order.clone()} />
            <section class="panel" aria-labelledby="barang">
                <h2 id="barang">{ "Barang" }</h2>
                <OrderLines order={o.clone()} />
            </section>
            <Payment order={props.order.clone()} />
            <section class="panel" aria-labelledby="cetak">
                <h2 id="cetak">{ "Cetak nota dan label kirim" }</h2>
                <div class="actions">
                    { print(vec![("kertas", "58")], "Struk 58 mm") }
                    { print(Vec::new(), "Kertas A4") }
                </div>
            </section>
            <section class="panel" aria-labelledby="riwayat">
                <h2 id="riwayat">{ "Riwayat" }</h2>
                <OrderTimeline events={o.events.clone()} />
            </section>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct OrderProps {
    order: Rc<Order>,
}

/// What the seller does next, in one sentence, and by when.
#[component]
fn NextStep(props: &OrderProps) -> Html {
    let o = &*props.order;
    let Some(step) = seller_next_step(o.status, o.delivery) else {
        let text = if o.status == OrderStatus::Completed {
            "Pesanan ini sudah selesai."
        } else {
            "Pesanan ini sudah dibatalkan."
        };
        return html! { <p class="next-step next-step--done" role="status">{ text }</p> };
    };
    let quoted = o.status == OrderStatus::New && o.delivery == DeliveryMethod::Quoted && o.delivery_fee.is_none();
    let deadline = match o.status {
        OrderStatus::New => o
            .answer_by
            .map(|t| format!("Batal otomatis bila belum diterima atau ditolak sampai {}.", dates::date_time(t))),
        OrderStatus::AwaitingPayment => {
            o.pay_by.map(|t| format!("Batal otomatis bila belum dibayar sampai {}.", dates::date_time(t)))
        }
        OrderStatus::Shipped | OrderStatus::ReadyForPickup => {
            o.completes_at.map(|t| format!("Selesai otomatis pada {}.", dates::date_time(t)))
        }
        _ => None,
    };
    html! {
        <div class={classes!("next-step", (!o.allowed.is_empty()).then_some("next-step--act"))} role="status">
            <p class="next-step__text">{ step }</p>
            if quoted {
                <p class="next-step__hint">
                    { "Pembeli menunggu ongkos kirim dari Anda: isi ongkir saat menerima pesanan." }
                </p>
            }
            if let Some(deadline) = deadline {
                <p class="next-step__hint">{ deadline }</p>
            }
        </div>
    }
}

/// How the goods reach the buyer: the address (or pickup at the shop), the fee and the tracking number.
#[component]
fn Delivery(props: &OrderProps) -> Html {
    let o = &*props.order;
    html! {
        <section class="panel" aria-labelledby="pengiriman">
            <h2 id="pengiriman">{ "Pengiriman" }</h2>
            <dl class="shop-facts">
                <dt>{ "Cara" }</dt>
                <dd>{ o.delivery.label() }</dd>
                if let Some(address) = &o.address {
                    <dt>{ "Penerima" }</dt>
                    <dd>{ format!("{} · {}", address.address.recipient, address.address.whatsapp) }</dd>
                    <dt>{ "Alamat" }</dt>
                    <dd>{ address.one_line() }</dd>
                } else {
                    <dt>{ "Diambil di" }</dt>
                    <dd>{ pickup_place(o) }</dd>
                }
                <dt>{ "Berat" }</dt>
                <dd>{ weight(o.weight_grams) }</dd>
                if let Some(resi) = o.tracking_number.as_ref().filter(|t| !t.trim().is_empty()) {
                    <dt>{ "No. resi" }</dt>
                    <dd>{ resi }</dd>
                }
            </dl>
        </section>
    }
}

/// Where the buyer collects the goods: the shop's pickup address, or its name when it has none.
fn pickup_place(o: &Order) -> String {
    let address = o.shop.pickup_address.trim();
    if address.is_empty() { o.shop.name.clone() } else { address.to_owned() }
}

/// "750 g" or "1,5 kg".
pub fn weight(grams: i64) -> String {
    if grams < 1000 {
        format!("{grams} g")
    } else {
        format!("{} kg", shared::format::decimal(grams as f64 / 1000.0, 2))
    }
}

/// How the buyer pays, and the receipt photo once sent.
#[component]
fn Payment(props: &OrderProps) -> Html {
    let o = &*props.order;
    let state = match o.status {
        _ if !o.payment.is_prepaid() => "Dibayar tunai saat barang diterima atau diambil.",
        OrderStatus::New => "Pembeli membayar setelah Anda menerima pesanan.",
        OrderStatus::AwaitingPayment => "Belum ada bukti bayar.",
        OrderStatus::PaymentReview => "Bukti bayar sudah dikirim: cek apakah uangnya sudah masuk.",
        OrderStatus::Cancelled => "Pesanan dibatalkan.",
        _ => "Pembayaran sudah diterima.",
    };
    html! {
        <section class="panel" aria-labelledby="pembayaran">
            <h2 id="pembayaran">{ "Pembayaran" }</h2>
            <p><strong>{ o.payment.label() }</strong>{ format!(" — {state}") }</p>
            if let Some(receipt) = &o.receipt {
                <figure class="receipt">
                    <a href={receipt.full.url.clone()} target="_blank" rel="noopener">
                        <img class="receipt__photo" src={receipt.card.url.clone()} alt="Foto bukti bayar dari pembeli"
                            width={receipt.card.width.to_string()} height={receipt.card.height.to_string()} />
                    </a>
                    <figcaption class="form-note">{ "Ketuk foto untuk memperbesar." }</figcaption>
                </figure>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::weight;

    #[test]
    fn writes_weights_for_people() {
        assert_eq!(weight(750), "750 g");
        assert_eq!(weight(1500), "1,5 kg");
        assert_eq!(weight(2000), "2 kg");
    }
}
