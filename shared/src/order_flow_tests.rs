//! The transition table checked for every status × move × actor × payment × delivery against a separate
//! list of the moves that are allowed.

use super::*;
use ActionKind as A;
use OrderStatus as S;

/// Which payments / deliveries a row applies to.
#[derive(Clone, Copy)]
enum Pay {
    Any,
    Prepaid,
    Cash,
}

#[derive(Clone, Copy)]
enum Via {
    Any,
    Pickup,
    Sent,
}

/// An allowed move: from, move, who, for which payment and delivery, to.
type Row = (S, A, &'static [Actor], Pay, Via, S);

/// Every allowed move.
const ALLOWED: &[Row] = &[
    (S::New, A::Confirm, &[Actor::Seller], Pay::Prepaid, Via::Any, S::AwaitingPayment),
    (S::New, A::Confirm, &[Actor::Seller], Pay::Cash, Via::Any, S::Preparing),
    (S::New, A::Reject, &[Actor::Seller], Pay::Any, Via::Any, S::Cancelled),
    (S::New, A::Cancel, &[Actor::Buyer, Actor::Seller, Actor::System], Pay::Any, Via::Any, S::Cancelled),
    (S::AwaitingPayment, A::SendReceipt, &[Actor::Buyer], Pay::Prepaid, Via::Any, S::PaymentReview),
    (S::PaymentReview, A::SendReceipt, &[Actor::Buyer], Pay::Prepaid, Via::Any, S::PaymentReview),
    (S::AwaitingPayment, A::AcceptPayment, &[Actor::Seller], Pay::Prepaid, Via::Any, S::Preparing),
    (S::PaymentReview, A::AcceptPayment, &[Actor::Seller], Pay::Prepaid, Via::Any, S::Preparing),
    (S::PaymentReview, A::RejectPayment, &[Actor::Seller], Pay::Prepaid, Via::Any, S::AwaitingPayment),
    (S::AwaitingPayment, A::Cancel, &[Actor::Seller, Actor::System], Pay::Any, Via::Any, S::Cancelled),
    (S::PaymentReview, A::Cancel, &[Actor::Seller], Pay::Any, Via::Any, S::Cancelled),
    (S::Preparing, A::Cancel, &[Actor::Seller], Pay::Any, Via::Any, S::Cancelled),
    (S::Preparing, A::Ship, &[Actor::Seller], Pay::Any, Via::Sent, S::Shipped),
    (S::Preparing, A::ReadyForPickup, &[Actor::Seller], Pay::Any, Via::Pickup, S::ReadyForPickup),
    (S::Shipped, A::Complete, &[Actor::Buyer, Actor::System], Pay::Any, Via::Any, S::Completed),
    (S::ReadyForPickup, A::Complete, &[Actor::Buyer, Actor::System], Pay::Any, Via::Any, S::Completed),
];

fn expected(flow: OrderFlow, kind: ActionKind, actor: Actor) -> Option<OrderStatus> {
    ALLOWED.iter().find_map(|&(from, k, actors, pay, via, to)| {
        let pay_ok = match pay {
            Pay::Any => true,
            Pay::Prepaid => flow.payment.is_prepaid(),
            Pay::Cash => !flow.payment.is_prepaid(),
        };
        let via_ok = match via {
            Via::Any => true,
            Via::Pickup => flow.delivery == DeliveryMethod::Pickup,
            Via::Sent => flow.delivery != DeliveryMethod::Pickup,
        };
        (from == flow.status && k == kind && actors.contains(&actor) && pay_ok && via_ok).then_some(to)
    })
}

fn every_flow() -> impl Iterator<Item = OrderFlow> {
    OrderStatus::ALL.iter().flat_map(|&status| {
        PaymentMethod::ALL.iter().flat_map(move |&payment| {
            DeliveryMethod::ALL.iter().map(move |&delivery| OrderFlow { status, payment, delivery })
        })
    })
}

#[test]
fn every_move_matches_the_table() {
    let mut checked = 0;
    for flow in every_flow() {
        for &kind in ActionKind::ALL {
            for &actor in Actor::ALL {
                let got = flow.next(kind, actor);
                match expected(flow, kind, actor) {
                    Some(to) => assert_eq!(got, Ok(to), "{flow:?} {kind:?} by {actor:?}"),
                    None => {
                        let refusal = got.expect_err(&format!("{flow:?} {kind:?} by {actor:?} must be refused"));
                        assert!(refusal.reason.ends_with('.'), "{flow:?} {kind:?} {actor:?}: {}", refusal.reason);
                    }
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 8 * 3 * 4 * 9 * 3);
}

#[test]
fn finished_orders_never_move() {
    for flow in every_flow().filter(|f| f.status.is_final()) {
        for &actor in Actor::ALL {
            assert!(flow.allowed(actor).is_empty(), "{flow:?}");
        }
    }
}

/// The states an order of this kind can reach from `from`.
fn reachable(flow: OrderFlow) -> Vec<OrderStatus> {
    let mut seen = vec![flow.status];
    let mut frontier = vec![flow.status];
    while let Some(status) = frontier.pop() {
        let here = OrderFlow { status, ..flow };
        for &actor in Actor::ALL {
            for kind in here.allowed(actor) {
                let to = here.next(kind, actor).unwrap();
                if !seen.contains(&to) {
                    seen.push(to);
                    frontier.push(to);
                }
            }
        }
    }
    seen
}

#[test]
fn every_order_can_still_end_both_ways() {
    // From every state an order can be in, some moves complete it and some cancel it (until it has left).
    for new in every_flow().filter(|f| f.status == S::New) {
        for status in reachable(new).into_iter().filter(|s| !s.is_final()) {
            let then = reachable(OrderFlow { status, ..new });
            assert!(then.contains(&S::Completed), "{new:?} from {status:?} cannot complete");
            let left = matches!(status, S::Shipped | S::ReadyForPickup);
            assert_eq!(then.contains(&S::Cancelled), !left, "{new:?} from {status:?}");
        }
    }
}

#[test]
fn cash_orders_skip_payment_and_pickups_are_never_shipped() {
    for new in every_flow().filter(|f| f.status == S::New) {
        let states = reachable(new);
        assert_eq!(states.contains(&S::AwaitingPayment), new.payment.is_prepaid(), "{new:?}");
        assert_eq!(states.contains(&S::Shipped), new.delivery != DeliveryMethod::Pickup, "{new:?}");
        assert_eq!(states.contains(&S::ReadyForPickup), new.delivery == DeliveryMethod::Pickup, "{new:?}");
    }
}

#[test]
fn pages_offer_only_allowed_moves() {
    let flow = OrderFlow { status: S::New, payment: PaymentMethod::Transfer, delivery: DeliveryMethod::Courier };
    assert_eq!(flow.allowed(Actor::Seller), vec![A::Confirm, A::Reject, A::Cancel]);
    assert_eq!(flow.allowed(Actor::Buyer), vec![A::Cancel]);
    let shipped = OrderFlow { status: S::Shipped, ..flow };
    assert_eq!(shipped.allowed(Actor::Buyer), vec![A::Complete]);
    assert!(shipped.allowed(Actor::Seller).is_empty());
}

#[test]
fn refusals_say_why() {
    let flow = OrderFlow { status: S::Shipped, payment: PaymentMethod::Cash, delivery: DeliveryMethod::Seller };
    assert_eq!(
        flow.next(A::Cancel, Actor::Seller).unwrap_err().reason,
        "Pesanan yang sudah dikirim atau siap diambil tidak dapat dibatalkan."
    );
    let new = OrderFlow { status: S::Preparing, ..flow };
    assert!(new.next(A::Cancel, Actor::Buyer).unwrap_err().reason.contains("WhatsApp"));
}

#[test]
fn moves_check_their_fields() {
    let quoted = DeliveryMethod::Quoted;
    let confirm = OrderAction::of(A::Confirm);
    assert_eq!(confirm.validate(Actor::Seller, quoted, false)[0].field, "delivery_fee");
    assert!(
        OrderAction { delivery_fee: Some(15_000), ..confirm.clone() }.validate(Actor::Seller, quoted, false).is_empty()
    );
    assert!(
        !OrderAction { delivery_fee: Some(-1), ..confirm.clone() }.validate(Actor::Seller, quoted, false).is_empty()
    );
    assert!(
        !OrderAction { delivery_fee: Some(1), ..confirm }
            .validate(Actor::Seller, DeliveryMethod::Pickup, true)
            .is_empty()
    );
    assert_eq!(OrderAction::of(A::Reject).validate(Actor::Seller, quoted, true)[0].field, "note");
    assert_eq!(OrderAction::of(A::Cancel).validate(Actor::Seller, quoted, true)[0].field, "note");
    assert!(OrderAction::of(A::Cancel).validate(Actor::Buyer, quoted, true).is_empty());
    let receipt_note = OrderAction { note: "x".repeat(NOTE_MAX + 1), ..OrderAction::of(A::SendReceipt) };
    assert_eq!(receipt_note.validate(Actor::Buyer, quoted, true)[0].field, "note");
    let tracked = OrderAction { tracking_number: Some("JP123".into()), ..OrderAction::of(A::Complete) };
    assert_eq!(tracked.validate(Actor::Buyer, quoted, true)[0].field, "tracking_number");
}
