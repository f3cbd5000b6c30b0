//! `/jual/{toko}/pesanan/{kode}/cetak`: the order's invoice and packing label, printable on 58 mm receipt
//! paper (`?kertas=58`) or A4. The print styles (`@page slip58`, `@page a4`) hide everything else; on
//! receipt paper the page is made as long as the slip, so a roll printer does not feed blank paper.

use std::rc::Rc;

use shared::api::orders::ShopOrder;
use shared::{
    Lang, Me, Order,
    format::{rupiah, thousands},
    order::order_path,
    order_flow::{OrderStatus, PaymentMethod},
};
use yew::prelude::*;
use yew_router::prelude::*;

use super::order::weight;
use super::print_frame::{Paper, PrintTools, loaded_or, use_print};
use crate::api;
use crate::components::order_lines::{fee_label, total_label};
use crate::dates;
use crate::hooks::{Remote, page_title, use_remote, use_title};
use crate::root::use_origin;
use crate::session::SignedIn;
use crate::workspace::Route;

#[derive(Properties, PartialEq)]
pub struct PrintPageProps {
    pub shop: i64,
    pub code: String,
}

#[component]
pub fn PrintPage(props: &PrintPageProps) -> Html {
    use_title(page_title(&format!("Cetak {}", props.code)));
    let (shop, code) = (props.shop, props.code.clone());
    let render = Callback::from(move |_: Rc<Me>| html! { <PrintDesk {shop} code={code.clone()} /> });
    html! { <SignedIn {render} /> }
}

#[component]
fn PrintDesk(props: &PrintPageProps) -> Html {
    let location = use_location();
    let paper = Paper::from_query(location.as_ref().map_or("", |l| l.query_str()));
    let loaded = use_remote(ShopOrder { id: props.shop, code: props.code.clone() }, api::fetch_one);
    let on_print = use_print(paper, matches!(loaded.get(), Remote::Loaded(_)));
    let order = match loaded_or(&loaded, "Cetak pesanan") {
        Ok(order) => order,
        Err(instead) => return instead,
    };
    let (shop, code) = (props.shop, props.code.clone());
    let back = html! {
        <Link<Route> classes="back-link" to={Route::SellOrder { shop, code: code.clone() }}>
            { "‹ Kembali ke pesanan" }
        </Link<Route>>
    };
    let note = html! {
        <p class="form-note">
            { if paper == Paper::Receipt {
                "Di jendela cetak, pilih printer struk 58 mm (mis. lewat aplikasi RawBT) dan kertas 58 mm."
            } else {
                "Di jendela cetak, pilih kertas A4. Potong label kirim di garis putus-putus, tempel di paket."
            } }
        </p>
    };
    html! {
        <div class="container page print-page">
            <PrintTools {back} title={format!("Cetak {}", order.code)} {paper} page={Route::SellOrderPrint { shop, code }}
                {on_print} {note} />
            <Slip order={order.clone()} {paper} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SlipProps {
    order: Rc<Order>,
    paper: Paper,
}

/// Whether the money is in, when the slip should say so (cash is paid at hand-over, so only once done).
fn payment_state(o: &Order) -> Option<&'static str> {
    match o.status {
        OrderStatus::Cancelled => Some("DIBATALKAN"),
        OrderStatus::Completed => Some("LUNAS"),
        _ if o.payment == PaymentMethod::Cash => None,
        OrderStatus::Preparing | OrderStatus::Shipped | OrderStatus::ReadyForPickup => Some("LUNAS"),
        _ => Some("BELUM DIBAYAR"),
    }
}

/// An amount that never breaks across lines on narrow paper: `Rp 60.000`.
pub(super) fn money(amount: i64) -> String {
    keep_together(&rupiah(amount))
}

pub(super) fn keep_together(text: &str) -> String {
    text.replace(' ', "\u{a0}")
}

/// The invoice, then the packing label below a cut line.
#[component]
fn Slip(props: &SlipProps) -> Html {
    let o = &*props.order;
    let class = if props.paper == Paper::Receipt { "slip--58" } else { "slip--a4" };
    let pieces: i64 = o.lines.iter().map(|l| l.quantity).sum();
    let grams = keep_together(&weight(o.weight_grams));
    let origin = use_origin();
    html! {
        <article class={classes!("slip", class)} aria-label="Pratinjau cetak">
            <section class="slip__invoice">
                <header class="slip__shop">
                    <strong class="slip__shop-name">{ &o.shop.name }</strong>
                    <span>{ format!("Desa {}", o.shop.village_name) }</span>
                    <span>{ format!("WA {}", o.shop.whatsapp.display()) }</span>
                </header>
                <p class="slip__title">{ "NOTA PESANAN" }</p>
                <dl class="slip__facts">
                    <dt>{ "Kode" }</dt><dd><strong>{ &o.code }</strong></dd>
                    <dt>{ "Tanggal" }</dt><dd>{ dates::date_time(o.created_at) }</dd>
                    <dt>{ "Pembeli" }</dt><dd>{ format!("{} ({})", o.buyer_name, o.buyer_whatsapp.display()) }</dd>
                    <dt>{ "Bayar" }</dt><dd>{ o.payment.label() }</dd>
                    if let Some(state) = payment_state(o) {
                        <dt>{ "Status" }</dt><dd><strong>{ state }</strong></dd>
                    }
                    <dt>{ "Kirim" }</dt><dd>{ o.delivery.label() }</dd>
                </dl>
                <div class="slip__lines" role="table" aria-label="Barang">
                    <div class="slip__line slip__line--head" role="row">
                        <span role="columnheader">{ "Barang" }</span>
                        <span role="columnheader">{ "Jumlah × harga" }</span>
                        <span role="columnheader">{ "Subtotal" }</span>
                    </div>
                    { for o.lines.iter().map(|l| html! {
                        <div class="slip__line" role="row">
                            <span class="slip__name" role="cell">{ &l.name }</span>
                            <span class="slip__qty" role="cell">
                                { format!("{} {} × {}", thousands(l.quantity), l.unit.label(), money(l.price)) }
                            </span>
                            <span class="slip__amount" role="cell">{ money(l.subtotal) }</span>
                        </div>
                    }) }
                </div>
                <dl class="slip__totals">
                    <dt>{ format!("Harga barang ({} barang)", thousands(pieces)) }</dt><dd>{ money(o.items_total) }</dd>
                    <dt>{ "Ongkos kirim" }</dt>
                    <dd>{ keep_together(&fee_label(Lang::Id, o.delivery, o.delivery_fee)) }</dd>
                    <dt class="slip__grand">{ "TOTAL" }</dt>
                    <dd class="slip__grand">{ keep_together(&total_label(Lang::Id, o.items_total, o.total)) }</dd>
                </dl>
                if !o.note.trim().is_empty() {
                    <p class="slip__note">{ format!("Catatan: {}", o.note.trim()) }</p>
                }
                <p class="slip__thanks">{ "Terima kasih telah berbelanja produk desa." }</p>
                <p class="slip__url">{ origin.url(&order_path(&o.code)) }</p>
            </section>
            <section class="slip__label" aria-label="Label kirim">
                <p class="slip__cut">{ "potong di sini" }</p>
                <p class="slip__label-head">{ "KEPADA" }</p>
                { recipient(o) }
                <p class="slip__label-head">{ "DARI" }</p>
                <p>{ format!("{} · WA {}", o.shop.name, o.shop.whatsapp.display()) }</p>
                <p class="slip__label-meta">
                    { format!("{} · {} barang · {} · {}", o.code, thousands(pieces), grams, o.delivery.label()) }
                </p>
                if let Some(resi) = o.tracking_number.as_ref().filter(|t| !t.trim().is_empty()) {
                    <p class="slip__label-meta">{ format!("Resi: {resi}") }</p>
                }
                <ul class="slip__checklist" aria-label="Daftar kemas">
                    { for o.lines.iter().map(|l| html! {
                        <li>{ format!("☐ {} {} {}", thousands(l.quantity), l.unit.label(), l.name) }</li>
                    }) }
                </ul>
            </section>
        </article>
    }
}

/// Who receives the parcel, or that the buyer collects it.
fn recipient(o: &Order) -> Html {
    match &o.address {
        Some(a) => html! {
            <>
                <p class="slip__to">{ &a.address.recipient }</p>
                <p>{ format!("WA {}", a.address.whatsapp) }</p>
                <p class="slip__address">{ a.one_line() }</p>
            </>
        },
        None => html! {
            <>
                <p class="slip__to">{ &o.buyer_name }</p>
                <p>{ format!("WA {}", o.buyer_whatsapp.display()) }</p>
                <p class="slip__address">{ "DIAMBIL SENDIRI DI TOKO" }</p>
            </>
        },
    }
}
