//! Rate limits kept in the database, so every server counts the same: at most so many events per key
//! (a client address, a WhatsApp number) within a window, refused with 429, `Retry-After` and a reason in
//! Indonesian. Used for guest checkouts, guesses at a guest order and sign-ups.

pub mod queries;

use std::time::Duration;

use crate::{
    config::Config,
    db::{Db, now_ms},
    error::{AppError, AppResult},
};

/// At most `events` within `window`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub events: i64,
    pub window: Duration,
}

/// What is counted: each rule has its own events, limit and refusal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Orders placed without an account, per client address.
    GuestCheckoutByAddress,
    /// Orders placed without an account, per WhatsApp number.
    GuestCheckoutByPhone,
    /// Looking up a guest order by code and WhatsApp number with a wrong pair, per client address.
    OrderLookup,
    /// Sign-ups (and with them the question whether a number is registered), per client address.
    SignUp,
}

impl Rule {
    fn code(self) -> &'static str {
        match self {
            Rule::GuestCheckoutByAddress => "guest_checkout_address",
            Rule::GuestCheckoutByPhone => "guest_checkout_phone",
            Rule::OrderLookup => "order_lookup",
            Rule::SignUp => "sign_up",
        }
    }

    fn limit(self, config: &Config) -> Limit {
        match self {
            Rule::GuestCheckoutByAddress => config.guest_checkouts_per_address,
            Rule::GuestCheckoutByPhone => config.guest_checkouts_per_phone,
            Rule::OrderLookup => config.order_lookups_per_address,
            Rule::SignUp => config.sign_ups_per_address,
        }
    }

    fn refusal(self) -> &'static str {
        match self {
            Rule::GuestCheckoutByAddress => "Terlalu banyak pesanan tanpa akun dari jaringan ini",
            Rule::GuestCheckoutByPhone => "Terlalu banyak pesanan tanpa akun dengan nomor WhatsApp ini",
            Rule::OrderLookup => "Terlalu banyak percobaan membuka pesanan dengan kode atau nomor yang salah",
            Rule::SignUp => "Terlalu banyak pendaftaran dari jaringan ini",
        }
    }
}

/// One counted event (none when the same request was counted already), which a request that should not
/// count after all gives back.
#[derive(Debug)]
#[must_use = "an event is kept unless given back"]
pub struct Taken {
    id: Option<i64>,
}

/// Counts one event of `rule` for `key`, or answers 429 when the key has used up its limit (then nothing is
/// counted). `request` names a request that may be sent again (a checkout's buyer and Idempotency-Key):
/// sent again, it counts once. The event is written before the count is read, each in its own statement:
/// however many servers take at once, no more than the limit are let through.
pub async fn take(db: &Db, config: &Config, rule: Rule, key: &str, request: Option<&str>) -> AppResult<Taken> {
    let limit = rule.limit(config);
    let now = now_ms();
    let window = i64::try_from(limit.window.as_millis()).unwrap_or(i64::MAX);
    let id = queries::insert_event(db, rule.code(), key, request, now.saturating_add(window)).await?;
    let Some(id) = id else { return Ok(Taken { id: None }) };
    let (count, first_free) = queries::live_events(db, rule.code(), key, now, id).await?;
    if count < limit.events {
        return Ok(Taken { id: Some(id) });
    }
    give_back(db, Taken { id: Some(id) }).await?;
    let retry_after_secs =
        u64::try_from(first_free.unwrap_or(now + window).saturating_sub(now).max(1000) / 1000).unwrap_or(1);
    let minutes = retry_after_secs.div_ceil(60);
    Err(AppError::TooManyRequests {
        message: format!("{}. Coba lagi dalam {minutes} menit.", rule.refusal()),
        retry_after_secs,
    })
}

/// Forgets an event: the request it was taken for does not count (it failed, or was answered again).
pub async fn give_back(db: &Db, taken: Taken) -> AppResult<()> {
    if let Some(id) = taken.id {
        queries::delete_event(db, id).await?;
    }
    Ok(())
}

/// Forgets every event whose window has ended by `now` (the background job calls it).
pub async fn forget_expired(db: &Db, now: i64) -> AppResult<u64> {
    Ok(queries::delete_expired(db, now).await?)
}
