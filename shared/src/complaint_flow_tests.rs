//! The complaint's transition table checked for every status × move × outcome × actor × whether the
//! seller's time is over, against a separate list of the moves that are allowed.

use super::*;
use ComplaintActor as Who;
use ComplaintMove as M;
use ComplaintStatus as S;

/// When a row applies: any time, only while the seller may still answer, or only after.
#[derive(Clone, Copy, PartialEq)]
enum Time {
    Any,
    Within,
    Over,
}

/// An allowed move: from, move, outcome (`None`: any outcome not named by another row is refused),
/// who, when, to.
type Row = (S, M, Option<ComplaintOutcome>, Who, Time, S);

const O_REFUND: Option<ComplaintOutcome> = Some(ComplaintOutcome::Refund);
const O_RETURN: Option<ComplaintOutcome> = Some(ComplaintOutcome::ReturnAndRefund);
const O_REPLACE: Option<ComplaintOutcome> = Some(ComplaintOutcome::Replacement);
const O_REJECT: Option<ComplaintOutcome> = Some(ComplaintOutcome::Rejected);

/// Every allowed move.
const ALLOWED: &[Row] = &[
    (S::AwaitingSeller, M::Agree, O_REFUND, Who::Seller, Time::Within, S::AwaitingRefund),
    (S::AwaitingSeller, M::Agree, O_RETURN, Who::Seller, Time::Within, S::AwaitingReturn),
    (S::AwaitingSeller, M::Agree, O_REPLACE, Who::Seller, Time::Within, S::AwaitingReplacement),
    (S::AwaitingSeller, M::Disagree, None, Who::Seller, Time::Within, S::AwaitingAdmin),
    (S::AwaitingSeller, M::Decide, O_REFUND, Who::Admin, Time::Over, S::AwaitingRefund),
    (S::AwaitingSeller, M::Decide, O_RETURN, Who::Admin, Time::Over, S::AwaitingReturn),
    (S::AwaitingSeller, M::Decide, O_REPLACE, Who::Admin, Time::Over, S::AwaitingReplacement),
    (S::AwaitingSeller, M::Decide, O_REJECT, Who::Admin, Time::Over, S::Rejected),
    (S::AwaitingAdmin, M::Decide, O_REFUND, Who::Admin, Time::Any, S::AwaitingRefund),
    (S::AwaitingAdmin, M::Decide, O_RETURN, Who::Admin, Time::Any, S::AwaitingReturn),
    (S::AwaitingAdmin, M::Decide, O_REPLACE, Who::Admin, Time::Any, S::AwaitingReplacement),
    (S::AwaitingAdmin, M::Decide, O_REJECT, Who::Admin, Time::Any, S::Rejected),
    (S::AwaitingSeller, M::Withdraw, None, Who::Buyer, Time::Any, S::Withdrawn),
    (S::AwaitingAdmin, M::Withdraw, None, Who::Buyer, Time::Any, S::Withdrawn),
    (S::AwaitingReturn, M::SendBack, None, Who::Buyer, Time::Any, S::ReturnSent),
    (S::ReturnSent, M::ConfirmReturn, None, Who::Seller, Time::Any, S::AwaitingRefund),
    (S::AwaitingRefund, M::RecordRefund, None, Who::Seller, Time::Any, S::Refunded),
    (S::AwaitingReplacement, M::Reship, None, Who::Seller, Time::Any, S::Replaced),
];

fn expected(flow: ComplaintFlow, kind: M, outcome: Option<ComplaintOutcome>, actor: Who) -> Option<S> {
    ALLOWED.iter().find_map(|&(from, k, o, who, time, to)| {
        let time_ok = match time {
            Time::Any => true,
            Time::Within => !flow.seller_time_over,
            Time::Over => flow.seller_time_over,
        };
        (from == flow.status && k == kind && o == outcome && who == actor && time_ok).then_some(to)
    })
}

fn outcomes() -> impl Iterator<Item = Option<ComplaintOutcome>> {
    std::iter::once(None).chain(ComplaintOutcome::ALL.iter().copied().map(Some))
}

#[test]
fn every_state_move_outcome_and_actor_follows_the_table() {
    let mut checked = 0;
    for &status in S::ALL {
        for seller_time_over in [false, true] {
            let flow = ComplaintFlow { status, seller_time_over };
            for &kind in M::ALL {
                for outcome in outcomes() {
                    for &actor in Who::ALL {
                        let got = flow.next(kind, outcome, actor);
                        match expected(flow, kind, outcome, actor) {
                            Some(to) => assert_eq!(got, Ok(to), "{status:?} {kind:?} {outcome:?} {actor:?}"),
                            None => {
                                let refusal = got.expect_err(&format!("{status:?} {kind:?} {outcome:?} {actor:?}"));
                                assert!(refusal.reason.ends_with('.'), "{}", refusal.reason);
                            }
                        }
                        checked += 1;
                    }
                }
            }
        }
    }
    assert_eq!(checked, S::ALL.len() * 2 * M::ALL.len() * 5 * Who::ALL.len());
}

#[test]
fn every_allowed_row_is_reachable_and_final_states_take_no_move() {
    for &(from, kind, outcome, actor, time, to) in ALLOWED {
        let flow = ComplaintFlow { status: from, seller_time_over: time == Time::Over };
        assert_eq!(flow.next(kind, outcome, actor), Ok(to));
        assert!(!from.is_final());
    }
    for status in S::ALL.iter().filter(|s| s.is_final()) {
        for &actor in Who::ALL {
            assert!(ComplaintFlow { status: *status, seller_time_over: true }.allowed(actor).is_empty());
        }
    }
}

#[test]
fn pages_offer_the_moves_each_side_may_make() {
    let open = ComplaintFlow { status: S::AwaitingSeller, seller_time_over: false };
    assert_eq!(open.allowed(Who::Seller), [M::Agree, M::Disagree]);
    assert_eq!(open.allowed(Who::Buyer), [M::Withdraw]);
    assert!(open.allowed(Who::Admin).is_empty());
    let late = ComplaintFlow { seller_time_over: true, ..open };
    assert!(late.allowed(Who::Seller).is_empty());
    assert_eq!(late.allowed(Who::Admin), [M::Decide]);
    let refund = ComplaintFlow { status: S::AwaitingRefund, seller_time_over: true };
    assert_eq!(refund.allowed(Who::Seller), [M::RecordRefund]);
    assert!(S::AwaitingRefund.holds_completion());
    assert!(!S::Rejected.holds_completion());
}

#[test]
fn reasons_are_asked_for_disagreeing_and_rejecting() {
    let disagree = ComplaintAction { note: "  ".into(), ..ComplaintAction::of(M::Disagree) };
    assert_eq!(disagree.validate()[0].field, "note");
    let reject = ComplaintAction {
        outcome: O_REJECT,
        note: "Foto tidak menunjukkan kerusakan.".into(),
        ..ComplaintAction::of(M::Decide)
    };
    assert!(reject.validate().is_empty());
    let no_outcome = ComplaintAction::of(M::Agree);
    assert_eq!(no_outcome.validate()[0].field, "outcome");
    let stray = ComplaintAction { outcome: O_REFUND, ..ComplaintAction::of(M::SendBack) };
    assert_eq!(stray.validate()[0].field, "outcome");
}
