//! `/jual/{toko}/pesanan`: the shop's orders, newest first, behind status tabs with how many stand in
//! each, what waits for the seller, a date filter, and the orders of a date range as a CSV file.

use shared::{
    OrderList, OrderSummary,
    format::rupiah,
    order_flow::{DeliveryMethod, OrderStatus},
};
use yew::prelude::*;
use yew_router::prelude::*;

use super::order_dates::{CsvExport, DateFilter};
use crate::api::{self, orders::ShopOrderFilter as OrderFilter};
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::skeleton::SkeletonList;
use crate::dates;
use crate::hooks::{Remote, use_remote};
use crate::workspace::Route;

/// Query pairs of the list's address.
pub(super) type Query = Vec<(&'static str, String)>;

/// The tabs in the order a seller works through them, with short names.
const TABS: [(OrderStatus, &str); 8] = [
    (OrderStatus::New, "Baru"),
    (OrderStatus::PaymentReview, "Cek bayar"),
    (OrderStatus::AwaitingPayment, "Menunggu bayar"),
    (OrderStatus::Preparing, "Diproses"),
    (OrderStatus::ReadyForPickup, "Siap diambil"),
    (OrderStatus::Shipped, "Dikirim"),
    (OrderStatus::Completed, "Selesai"),
    (OrderStatus::Cancelled, "Dibatalkan"),
];

/// The short name of a status, as the seller's tabs and cards say it.
pub fn status_short(status: OrderStatus) -> &'static str {
    TABS.iter().find(|(s, _)| *s == status).map_or(status.label(), |(_, label)| label)
}

/// The badge class of an order's status.
pub fn status_tone(status: OrderStatus) -> &'static str {
    match status {
        OrderStatus::New | OrderStatus::PaymentReview => "badge--wait",
        OrderStatus::AwaitingPayment | OrderStatus::Preparing => "badge--draft",
        OrderStatus::Shipped | OrderStatus::ReadyForPickup | OrderStatus::Completed => "badge--ok",
        OrderStatus::Cancelled => "badge--bad",
    }
}

/// What the seller does next with an order in `status`, if anything.
pub fn seller_next_step(status: OrderStatus, delivery: DeliveryMethod) -> Option<&'static str> {
    match status {
        OrderStatus::New => Some("Pesanan baru — terima atau tolak."),
        OrderStatus::PaymentReview => Some("Bukti bayar masuk — cek rekening Anda, lalu terima atau tolak."),
        OrderStatus::AwaitingPayment => Some("Menunggu pembeli membayar."),
        OrderStatus::Preparing if delivery == DeliveryMethod::Pickup => {
            Some("Siapkan barang, lalu tandai siap diambil.")
        }
        OrderStatus::Preparing => Some("Kemas barang, lalu tandai dikirim."),
        OrderStatus::Shipped | OrderStatus::ReadyForPickup => Some("Menunggu pembeli menerima barang."),
        OrderStatus::Completed | OrderStatus::Cancelled => None,
    }
}

/// The list's filter as its address holds it (`?status=baru&dari=2026-11-01&sampai=2026-11-30`).
pub fn parse_filter(query: &str) -> OrderFilter {
    let mut filter = OrderFilter::default();
    for (name, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        match name.as_ref() {
            "status" => filter.status = OrderStatus::from_code(&value),
            "dari" => filter.from = Some(value.into_owned()).filter(|v| !v.is_empty()),
            "sampai" => filter.to = Some(value.into_owned()).filter(|v| !v.is_empty()),
            _ => {}
        }
    }
    filter
}

pub(super) fn filter_query(filter: &OrderFilter) -> Query {
    let mut pairs = Vec::new();
    if let Some(status) = filter.status {
        pairs.push(("status", status.code().to_owned()));
    }
    if let Some(from) = filter.from.clone().filter(|d| !d.is_empty()) {
        pairs.push(("dari", from));
    }
    if let Some(to) = filter.to.clone().filter(|d| !d.is_empty()) {
        pairs.push(("sampai", to));
    }
    pairs
}

fn count_of(list: &OrderList, status: OrderStatus) -> i64 {
    list.counts.iter().find(|c| c.status == status).map_or(0, |c| c.count)
}

#[derive(Properties, PartialEq)]
pub struct OrdersProps {
    pub shop: i64,
}

#[component]
pub fn Orders(props: &OrdersProps) -> Html {
    let shop = props.shop;
    let location = use_location();
    let filter = parse_filter(location.as_ref().map_or("", |l| l.query_str()));
    let list = use_remote(api::orders::shop_orders(shop, &filter), api::fetch);
    let body = match list.get() {
        Remote::Loading => html! { <SkeletonList count={3} /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
        Remote::Loaded(data) => html! {
            <>
                <Waiting shop={shop} list={(**data).clone()} filter={filter.clone()} />
                <StatusTabs shop={shop} list={(**data).clone()} filter={filter.clone()} />
                <DateFilter {shop} filter={filter.clone()} />
                <OrderRows shop={shop} list={(**data).clone()} filter={filter.clone()} />
            </>
        },
    };
    html! {
        <section class="panel orders" aria-labelledby="pesanan-toko">
            <h2 id="pesanan-toko">{ "Pesanan" }</h2>
            { body }
            <CsvExport {shop} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ListProps {
    shop: i64,
    list: OrderList,
    filter: OrderFilter,
}

/// What waits for the seller, at the top: new orders and receipts to check.
#[component]
fn Waiting(props: &ListProps) -> Html {
    let waiting = [
        (OrderStatus::New, "pesanan baru — terima atau tolak"),
        (OrderStatus::PaymentReview, "bukti bayar perlu dicek"),
    ];
    let items: Vec<Html> = waiting
        .iter()
        .filter_map(|(status, text)| {
            let count = count_of(&props.list, *status);
            (count > 0 && props.filter.status != Some(*status)).then(|| {
                let filter = OrderFilter { status: Some(*status), ..props.filter.clone() };
                html! {
                    <Link<Route, Query> classes="orders__waiting" to={list_route(props.shop)}
                        query={Some(filter_query(&filter))}>
                        <strong>{ count }</strong>{ format!(" {text}") }<span aria-hidden="true">{ " ›" }</span>
                    </Link<Route, Query>>
                }
            })
        })
        .collect();
    if items.is_empty() {
        return Html::default();
    }
    html! { <div class="orders__attention" role="status">{ for items }</div> }
}

pub(super) fn list_route(shop: i64) -> Route {
    Route::SellPart { shop, part: "pesanan".into() }
}

/// "Semua" and one tab per status, each with its count.
#[component]
fn StatusTabs(props: &ListProps) -> Html {
    let total: i64 = props.list.counts.iter().map(|c| c.count).sum();
    let tab = |status: Option<OrderStatus>, label: &str, count: i64| {
        let current = props.filter.status == status;
        let filter = OrderFilter { status, ..props.filter.clone() };
        let urgent = matches!(status, Some(OrderStatus::New | OrderStatus::PaymentReview)) && count > 0;
        html! {
            <Link<Route, Query> classes={classes!("tabs__tab", current.then_some("is-active"))}
                to={list_route(props.shop)} query={Some(filter_query(&filter))}>
                <span aria-current={current.then_some("page")}>
                    { label.to_owned() }
                    <span class={classes!("count-badge", urgent.then_some("count-badge--urgent"))}>{ count }</span>
                </span>
            </Link<Route, Query>>
        }
    };
    html! {
        <nav class="tabs orders__tabs" aria-label="Status pesanan">
            { tab(None, "Semua", total) }
            { for TABS.iter().map(|(status, label)| tab(Some(*status), label, count_of(&props.list, *status))) }
        </nav>
    }
}

#[component]
fn OrderRows(props: &ListProps) -> Html {
    if props.list.orders.is_empty() {
        let message = match (props.filter.status, props.filter.from.is_none() && props.filter.to.is_none()) {
            (None, true) => {
                "Belum ada pesanan. Bagikan tautan toko Anda lewat WhatsApp agar pembeli datang.".to_owned()
            }
            (None, false) => "Tidak ada pesanan pada tanggal itu.".to_owned(),
            (Some(status), _) => format!("Tidak ada pesanan berstatus \u{201c}{}\u{201d}.", status.label()),
        };
        return html! { <EmptyState {message} /> };
    }
    let mut orders = props.list.orders.clone();
    orders.sort_by_key(|o| std::cmp::Reverse(o.created_at));
    html! {
        <ul class="order-list">
            { for orders.iter().map(|o| html! { <Row key={o.code.clone()} shop={props.shop} order={o.clone()} /> }) }
        </ul>
    }
}

/// Whether the order waits for the seller (their next step shows on its card).
fn waits_for_seller(status: OrderStatus) -> bool {
    matches!(status, OrderStatus::New | OrderStatus::PaymentReview | OrderStatus::Preparing)
}

#[derive(Properties, PartialEq)]
struct RowProps {
    shop: i64,
    order: OrderSummary,
}

#[component]
fn Row(props: &RowProps) -> Html {
    let o = &props.order;
    let more = if o.items > 1 { format!(" · {} barang", o.items) } else { String::new() };
    let total = o.total.map_or_else(|| "Ongkir belum ditentukan".to_owned(), rupiah);
    let next = seller_next_step(o.status, o.delivery);
    html! {
        <li class="order-list__item">
            <Link<Route> classes="order-card" to={Route::SellOrder { shop: props.shop, code: o.code.clone() }}>
                <span class="order-card__top">
                    <span class={classes!("badge", status_tone(o.status))}>{ status_short(o.status) }</span>
                    <span class="order-card__date">{ dates::date_time(o.created_at) }</span>
                </span>
                <strong class="order-card__buyer">{ &o.buyer_name }</strong>
                <span class="order-card__items">{ format!("{}{more}", o.first_item) }</span>
                <span class="order-card__meta">{ format!("{} · {}", o.delivery.label(), o.payment.label()) }</span>
                <span class="order-card__bottom">
                    <span class="order-card__code">{ &o.code }</span>
                    <strong class="order-card__total">{ total }</strong>
                </span>
                if let Some(next) = next.filter(|_| waits_for_seller(o.status)) {
                    <span class="order-card__next">{ next }</span>
                }
            </Link<Route>>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_filter_from_the_address() {
        let f = parse_filter("?status=cek_bayar&dari=2026-11-01&sampai=2026-11-30");
        assert_eq!(f.status, Some(OrderStatus::PaymentReview));
        assert_eq!((f.from.as_deref(), f.to.as_deref()), (Some("2026-11-01"), Some("2026-11-30")));
        assert_eq!(parse_filter("status=entah"), OrderFilter::default());
        assert_eq!(filter_query(&f).len(), 3);
        assert!(filter_query(&OrderFilter::default()).is_empty());
    }

    #[test]
    fn every_open_order_has_a_next_step() {
        for status in OrderStatus::ALL.iter().filter(|s| !s.is_final()) {
            assert!(seller_next_step(*status, DeliveryMethod::Seller).is_some());
        }
        assert_eq!(TABS.len(), OrderStatus::ALL.len());
    }
}
