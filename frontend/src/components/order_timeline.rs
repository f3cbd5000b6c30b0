//! An order's history, newest first, for the buyer's tracking page and the seller's order page alike:
//! when, who, from which status to which, and the note that came with the move.

use shared::order::OrderEvent;
use yew::prelude::*;

use crate::dates::date_time;

#[derive(Properties, PartialEq)]
pub struct OrderTimelineProps {
    /// Every move, oldest first (as the API sends them).
    pub events: Vec<OrderEvent>,
}

#[component]
pub fn OrderTimeline(props: &OrderTimelineProps) -> Html {
    if props.events.is_empty() {
        return html! { <p class="muted">{ "Belum ada riwayat." }</p> };
    }
    html! {
        <ol class="order-timeline" aria-label="Riwayat pesanan, terbaru di atas">
            { for props.events.iter().rev().enumerate().map(|(i, e)| event(e, i == 0)) }
        </ol>
    }
}

fn event(event: &OrderEvent, latest: bool) -> Html {
    html! {
        <li class={classes!("order-timeline__item", latest.then_some("is-latest"))}>
            <p class="order-timeline__move">{ move_label(event) }</p>
            <p class="order-timeline__meta">
                <time>{ date_time(event.at) }</time>
                { format!(" · {}", who(event)) }
            </p>
            if !event.note.trim().is_empty() {
                <p class="order-timeline__note">{ event.note.trim() }</p>
            }
        </li>
    }
}

/// "Pesanan dibuat" or "Menunggu konfirmasi penjual → Menunggu pembayaran".
pub fn move_label(event: &OrderEvent) -> String {
    match event.from {
        None => format!("Pesanan dibuat · {}", event.to.label()),
        Some(from) if from == event.to => event.to.label().to_owned(),
        Some(from) => format!("{} → {}", from.label(), event.to.label()),
    }
}

/// "Budi (Pembeli)", or "Sistem" alone.
fn who(event: &OrderEvent) -> String {
    let name = event.actor_name.trim();
    let role = event.actor.label();
    if name.is_empty() || name == role { role.to_owned() } else { format!("{name} ({role})") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::{Actor, OrderStatus};

    fn at(from: Option<OrderStatus>, to: OrderStatus, actor: Actor, name: &str) -> OrderEvent {
        OrderEvent { at: 0, actor, actor_name: name.into(), from, to, note: String::new() }
    }

    #[test]
    fn says_what_moved_and_who_moved_it() {
        let placed = at(None, OrderStatus::New, Actor::Buyer, "Budi");
        assert_eq!(move_label(&placed), "Pesanan dibuat · Menunggu konfirmasi penjual");
        assert_eq!(who(&placed), "Budi (Pembeli)");
        let confirmed = at(Some(OrderStatus::New), OrderStatus::AwaitingPayment, Actor::Seller, "Lapak");
        assert_eq!(move_label(&confirmed), "Menunggu konfirmasi penjual → Menunggu pembayaran");
        assert_eq!(who(&at(None, OrderStatus::Cancelled, Actor::System, "Sistem")), "Sistem");
    }
}
