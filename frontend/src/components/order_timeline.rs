//! An order's history, newest first, for the buyer's tracking page and the seller's order page alike:
//! when, who, from which status to which, and the note that came with the move, in the page's language.

use shared::Lang;
use shared::order::OrderEvent;
use shared::texts::order as t;
use yew::prelude::*;

use crate::dates::date_time_in;
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct OrderTimelineProps {
    /// Every move, oldest first (as the API sends them).
    pub events: Vec<OrderEvent>,
}

#[component]
pub fn OrderTimeline(props: &OrderTimelineProps) -> Html {
    let lang = use_lang();
    if props.events.is_empty() {
        return html! { <p class="muted">{ t::no_history(lang) }</p> };
    }
    html! {
        <ol class="order-timeline" aria-label={t::history_newest_first(lang)}>
            { for props.events.iter().rev().enumerate().map(|(i, e)| event(lang, e, i == 0)) }
        </ol>
    }
}

fn event(lang: Lang, event: &OrderEvent, latest: bool) -> Html {
    html! {
        <li class={classes!("order-timeline__item", latest.then_some("is-latest"))}>
            <p class="order-timeline__move">{ move_label(lang, event) }</p>
            <p class="order-timeline__meta">
                <time>{ date_time_in(lang, event.at) }</time>
                { format!(" · {}", who(lang, event)) }
            </p>
            if !event.note.trim().is_empty() {
                <p class="order-timeline__note">{ event.note.trim() }</p>
            }
        </li>
    }
}

/// "Pesanan dibuat" or "Menunggu konfirmasi penjual → Menunggu pembayaran".
pub fn move_label(lang: Lang, event: &OrderEvent) -> String {
    match event.from {
        None => t::placed_move(lang, event.to.label_in(lang)),
        Some(from) if from == event.to => event.to.label_in(lang).to_owned(),
        Some(from) => format!("{} → {}", from.label_in(lang), event.to.label_in(lang)),
    }
}

/// "Budi (Pembeli)", or "Sistem" alone (a name that is the role's Indonesian word is the role).
fn who(lang: Lang, event: &OrderEvent) -> String {
    let name = event.actor_name.trim();
    let role = event.actor.label_in(lang);
    if name.is_empty() || name == event.actor.label() { role.to_owned() } else { format!("{name} ({role})") }
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
        let id = Lang::Id;
        let placed = at(None, OrderStatus::New, Actor::Buyer, "Budi");
        assert_eq!(move_label(id, &placed), "Pesanan dibuat · Menunggu konfirmasi penjual");
        assert_eq!(who(id, &placed), "Budi (Pembeli)");
        let confirmed = at(Some(OrderStatus::New), OrderStatus::AwaitingPayment, Actor::Seller, "Lapak");
        assert_eq!(move_label(id, &confirmed), "Menunggu konfirmasi penjual → Menunggu pembayaran");
        assert_eq!(who(id, &at(None, OrderStatus::Cancelled, Actor::System, "Sistem")), "Sistem");
    }

    #[test]
    fn says_it_in_english_too() {
        let en = Lang::En;
        let placed = at(None, OrderStatus::New, Actor::Buyer, "Budi");
        assert_eq!(move_label(en, &placed), "Order placed · Waiting for the seller to confirm");
        assert_eq!(who(en, &placed), "Budi (Buyer)");
        let confirmed = at(Some(OrderStatus::New), OrderStatus::AwaitingPayment, Actor::Seller, "Lapak");
        assert_eq!(move_label(en, &confirmed), "Waiting for the seller to confirm → Waiting for payment");
        assert_eq!(who(en, &at(None, OrderStatus::Cancelled, Actor::System, "Sistem")), "System");
    }
}
