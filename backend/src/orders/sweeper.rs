//! The background job: cancels orders the seller left unanswered or the buyer left unpaid past their
//! limits (stock returned, both sides told), completes shipped or collectable orders after the set days
//! (not while a complaint on the order runs, nor sooner than those days after it is settled), tells the
//! admins of a complaint whose seller's time to answer ran out that it waits for them, and forgets
//! rate-limit events whose window has ended. Safe with several servers running it: each move
//! is a guarded update, so an order another server already moved is skipped and counted once.

use std::time::Duration;

use shared::{ActionKind, OrderAction};

use super::{
    moves,
    queries::{self, Waiting},
    timeline::Move,
};
use crate::{
    complaints,
    db::{now_ms, retrying},
    error::{AppError, AppResult},
    rate_limit,
    state::AppState,
};

/// Runs [`sweep`] every `config.order_sweep` until the process ends (not at all when it is zero).
pub fn spawn(state: AppState) {
    let every = state.config.order_sweep;
    if every.is_zero() {
        return;
    }
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = sweep(&state, now_ms()).await {
                tracing::warn!(error = %e, "order sweep failed; trying again later");
            }
            if let Err(e) = rate_limit::forget_expired(&state.db, now_ms()).await {
                tracing::warn!(error = %e, "forgetting old rate-limit events failed; trying again later");
            }
        }
    });
}

/// Moves every order past its limit as of `now` (Unix ms) and tells the admins of every complaint whose
/// seller's time ran out; answers how many orders this run moved.
pub async fn sweep(state: &AppState, now: i64) -> AppResult<usize> {
    let ms = |d: Duration| i64::try_from(d.as_millis()).unwrap_or(i64::MAX);
    let hours = state.config.unpaid_limit.as_secs() / 3600;
    let unanswered = state.config.unaccepted_limit.as_secs() / 3600;
    let days = state.config.auto_complete.as_secs() / 86_400;
    let due = [
        (
            Waiting::ForSeller,
            now.saturating_sub(ms(state.config.unaccepted_limit)),
            ActionKind::Cancel,
            format!("Dibatalkan otomatis: penjual tidak menanggapi dalam {unanswered} jam. Stok dikembalikan."),
        ),
        (
            Waiting::ForPayment,
            now.saturating_sub(ms(state.config.unpaid_limit)),
            ActionKind::Cancel,
            format!("Dibatalkan otomatis: belum dibayar dalam {hours} jam."),
        ),
        (
            Waiting::ForReceipt,
            now.saturating_sub(ms(state.config.auto_complete)),
            ActionKind::Complete,
            format!("Selesai otomatis {days} hari setelah dikirim / siap diambil."),
        ),
    ];
    let mut moved = 0;
    for (waiting, before, kind, note) in due {
        let codes = queries::waiting_since(&state.db, waiting, before).await?;
        let action = OrderAction { note, ..OrderAction::of(kind) };
        for code in codes {
            if move_one(state, &code, &action, before, now).await? {
                moved += 1;
                // Made outside any request: the dashboards' kept tables must not outlive it, and its
                // notifications' pushes go now.
                state.dashboards.invalidate();
                state.push.wake();
            }
        }
    }
    if complaints::admins::tell_overdue(state, now).await? > 0 {
        state.push.wake();
    }
    Ok(moved)
}

/// Moves one order if it is still due; `false` when another server (or person) moved it first.
async fn move_one(state: &AppState, code: &str, action: &OrderAction, before: i64, now: i64) -> AppResult<bool> {
    retrying(|| async move {
        let mut tx = state.db.begin_write().await?;
        let Some(order) = queries::by_code(&mut tx, code).await? else { return Ok(false) };
        if order.status_at >= before || order.flow.status.is_final() {
            return Ok(false);
        }
        if action.action == ActionKind::Complete
            && complaints::queries::holds_completion(&mut tx, order.id, before).await?
        {
            return Ok(false);
        }
        match moves::make(&mut tx, state.config.time_zone, &order, action, &Move::system(), None, now).await {
            Ok(_) => {}
            Err(AppError::Conflict(_)) => return Ok(false),
            Err(e) => return Err(e),
        }
        tx.commit().await?;
        Ok(true)
    })
    .await
}
