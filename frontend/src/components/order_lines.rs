//! An order's goods and money, for the buyer's tracking page and the seller's order page alike: each line
//! with quantity × price, then the items total, the delivery fee (or "dikonfirmasi penjual") and the total,
//! in the page's language (the seller's pages are Indonesian).

use shared::format::{rupiah, thousands};
use shared::order::OrderLine;
use shared::texts::{cart, checkout, order as t};
use shared::{DeliveryMethod, Lang, Order};
use yew::prelude::*;

use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct OrderLinesProps {
    pub order: Order,
}

#[component]
pub fn OrderLines(props: &OrderLinesProps) -> Html {
    let lang = use_lang();
    let order = &props.order;
    html! {
        <div class="order-lines">
            <ul class="order-lines__list" aria-label={t::goods_ordered(lang)}>
                { for order.lines.iter().map(|l| line(lang, l)) }
            </ul>
            <dl class="order-lines__totals">
                <div class="order-lines__row">
                    <dt>{ t::items_total_of(lang, pieces(lang, order)) }</dt>
                    <dd>{ rupiah(order.items_total) }</dd>
                </div>
                <div class="order-lines__row">
                    <dt>{ t::delivery_fee_of(lang, order.delivery.label_in(lang)) }</dt>
                    <dd>{ fee_label(lang, order.delivery, order.delivery_fee) }</dd>
                </div>
                <div class="order-lines__row order-lines__row--total">
                    <dt>{ cart::total(lang) }</dt>
                    <dd>{ total_label(lang, order.items_total, order.total) }</dd>
                </div>
            </dl>
        </div>
    }
}

fn line(lang: Lang, line: &OrderLine) -> Html {
    let name = match line.product_id {
        Some(id) => html! { <a href={lang.path(&format!("/produk/{id}"))}>{ &line.name }</a> },
        None => html! { { &line.name } },
    };
    html! {
        <li class="order-lines__line">
            <span class="order-lines__name">{ name }</span>
            <span class="order-lines__qty">
                { format!("{} {} × {}", thousands(line.quantity), line.unit.label_in(lang), rupiah(line.price)) }
            </span>
            <span class="order-lines__subtotal">{ rupiah(line.subtotal) }</span>
        </li>
    }
}

/// "3 barang".
fn pieces(lang: Lang, order: &Order) -> String {
    let n = order.lines.iter().map(|l| l.quantity).sum();
    t::pieces(lang, n, thousands(n))
}

/// The delivery fee as the buyer reads it.
pub fn fee_label(lang: Lang, delivery: DeliveryMethod, fee: Option<i64>) -> String {
    match fee {
        Some(0) if delivery == DeliveryMethod::Pickup => checkout::free(lang).to_owned(),
        Some(fee) => rupiah(fee),
        None => t::fee_confirmed(lang).to_owned(),
    }
}

/// The total, or the items total and a note while the fee is not named yet.
pub fn total_label(lang: Lang, items_total: i64, total: Option<i64>) -> String {
    match total {
        Some(total) => rupiah(total),
        None => checkout::plus_delivery(lang, rupiah(items_total)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fees_and_totals() {
        let id = Lang::Id;
        assert_eq!(fee_label(id, DeliveryMethod::Pickup, Some(0)), "Gratis");
        assert_eq!(fee_label(id, DeliveryMethod::Seller, Some(5000)), "Rp 5.000");
        assert_eq!(fee_label(id, DeliveryMethod::Quoted, None), "Dikonfirmasi penjual");
        assert_eq!(total_label(id, 20_000, Some(25_000)), "Rp 25.000");
        assert_eq!(total_label(id, 20_000, None), "Rp 20.000 + ongkir");
    }

    #[test]
    fn names_fees_and_totals_in_english() {
        assert_eq!(fee_label(Lang::En, DeliveryMethod::Pickup, Some(0)), "Free");
        assert_eq!(fee_label(Lang::En, DeliveryMethod::Quoted, None), "Confirmed by the seller");
        assert_eq!(total_label(Lang::En, 20_000, None), "Rp 20.000 + delivery");
        assert_eq!(t::pieces(Lang::En, 1, thousands(1)), "1 item");
        assert_eq!(t::pieces(Lang::En, 1200, thousands(1200)), "1.200 items");
        assert_eq!(t::pieces(Lang::Id, 1200, thousands(1200)), "1.200 barang");
    }
}
