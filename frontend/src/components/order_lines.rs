//! An order's goods and money, for the buyer's tracking page and the seller's order page alike: each line
//! with quantity × price, then the items total, the delivery fee (or "dikonfirmasi penjual") and the total.

use shared::format::{rupiah, thousands};
use shared::order::OrderLine;
use shared::{DeliveryMethod, Order};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OrderLinesProps {
    pub order: Order,
}

#[component]
pub fn OrderLines(props: &OrderLinesProps) -> Html {
    let order = &props.order;
    html! {
        <div class="order-lines">
            <ul class="order-lines__list" aria-label="Barang yang dipesan">
                { for order.lines.iter().map(line) }
            </ul>
            <dl class="order-lines__totals">
                <div class="order-lines__row">
                    <dt>{ format!("Total harga barang ({})", pieces(order)) }</dt>
                    <dd>{ rupiah(order.items_total) }</dd>
                </div>
                <div class="order-lines__row">
                    <dt>{ format!("Ongkos kirim · {}", order.delivery.label()) }</dt>
                    <dd>{ fee_label(order.delivery, order.delivery_fee) }</dd>
                </div>
                <div class="order-lines__row order-lines__row--total">
                    <dt>{ "Total" }</dt>
                    <dd>{ total_label(order.items_total, order.total) }</dd>
                </div>
            </dl>
        </div>
    }
}

fn line(line: &OrderLine) -> Html {
    let name = match line.product_id {
        Some(id) => html! { <a href={format!("/produk/{id}")}>{ &line.name }</a> },
        None => html! { { &line.name } },
    };
    html! {
        <li class="order-lines__line">
            <span class="order-lines__name">{ name }</span>
            <span class="order-lines__qty">
                { format!("{} {} × {}", thousands(line.quantity), line.unit.label(), rupiah(line.price)) }
            </span>
            <span class="order-lines__subtotal">{ rupiah(line.subtotal) }</span>
        </li>
    }
}

/// "3 barang".
fn pieces(order: &Order) -> String {
    format!("{} barang", thousands(order.lines.iter().map(|l| l.quantity).sum()))
}

/// The delivery fee as the buyer reads it.
pub fn fee_label(delivery: DeliveryMethod, fee: Option<i64>) -> String {
    match fee {
        Some(0) if delivery == DeliveryMethod::Pickup => "Gratis".to_owned(),
        Some(fee) => rupiah(fee),
        None => "Dikonfirmasi penjual".to_owned(),
    }
}

/// The total, or the items total and a note while the fee is not named yet.
pub fn total_label(items_total: i64, total: Option<i64>) -> String {
    match total {
        Some(total) => rupiah(total),
        None => format!("{} + ongkir", rupiah(items_total)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fees_and_totals() {
        assert_eq!(fee_label(DeliveryMethod::Pickup, Some(0)), "Gratis");
        assert_eq!(fee_label(DeliveryMethod::Seller, Some(5000)), "Rp 5.000");
        assert_eq!(fee_label(DeliveryMethod::Quoted, None), "Dikonfirmasi penjual");
        assert_eq!(total_label(20_000, Some(25_000)), "Rp 25.000");
        assert_eq!(total_label(20_000, None), "Rp 20.000 + ongkir");
    }
}
