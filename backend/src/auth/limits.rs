//! Sign-in rate limits, kept in the database so every server counts the same failures. A browser the
//! account has signed in on before (a device cookie, see `device`) is limited on its own; any other
//! attempt counts per account and address, per account from all unknown devices, and, more generously,
//! per address. So strangers can use up only the unknown devices' chances, never the owner's phone.

use std::net::{IpAddr, SocketAddr};

use axum::{extract::ConnectInfo, http::request::Parts};

use super::queries;
use crate::{
    config::Config,
    db::{Db, now_ms},
    error::{AppError, AppResult},
};

/// What a sign-in attempt is counted under: the login as typed, the client's address, and the device
/// token's hash when the browser is known to the account.
pub struct AttemptKeys {
    pub account: String,
    pub address: String,
    pub trusted_device: Option<String>,
}

impl AttemptKeys {
    /// The counters this attempt is held to and adds to: (scope, key, limit).
    fn counters(&self, config: &Config) -> Vec<(&'static str, String, i64)> {
        match &self.trusted_device {
            Some(device) => vec![("device", format!("{device}|{}", self.account), config.sign_in_limit_device)],
            None => vec![
                ("account_address", format!("{}|{}", self.account, self.address), config.sign_in_limit_account),
                ("account", self.account.clone(), config.sign_in_limit_untrusted),
                ("address", self.address.clone(), config.sign_in_limit_address),
            ],
        }
    }
}

fn window_ms(config: &Config) -> i64 {
    i64::try_from(config.sign_in_window.as_millis()).unwrap_or(i64::MAX)
}

/// Answers 429 (with `Retry-After`) when any counter of the attempt has used up its failures.
pub async fn check(db: &Db, config: &Config, keys: &AttemptKeys) -> AppResult<()> {
    let window_ms = window_ms(config);
    let since = now_ms() - window_ms;
    for (scope, key, limit) in keys.counters(config) {
        let (count, oldest) = queries::failures_since(db, scope, &key, since).await?;
        if count >= limit {
            let wait_ms = oldest.unwrap_or(since) + window_ms - now_ms();
            let retry_after_secs = u64::try_from(wait_ms.max(1000) / 1000).unwrap_or(1);
            let minutes = retry_after_secs.div_ceil(60);
            return Err(AppError::TooManyRequests {
                message: format!("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit."),
                retry_after_secs,
            });
        }
    }
    Ok(())
}

/// Counts a failed attempt under each of its counters, and forgets failures older than the window.
pub async fn record_failure(db: &Db, config: &Config, keys: &AttemptKeys) -> AppResult<()> {
    let now = now_ms();
    let mut tx = db.begin_write().await?;
    for (scope, key, _) in keys.counters(config) {
        queries::add_failure(&mut tx, scope, key, now).await?;
    }
    queries::forget_failures_before(&mut tx, now - window_ms(config)).await?;
    tx.commit().await?;
    Ok(())
}

/// After a successful sign-in, the failures of this device, or of this account from this address, no
/// longer count. (Failures from everywhere else still do: the owner signing in does not hand strangers
/// fresh chances.)
pub async fn clear(db: &Db, config: &Config, keys: &AttemptKeys) -> AppResult<()> {
    if let Some((scope, key, _)) = keys.counters(config).into_iter().next() {
        queries::clear_failures(db, scope, key).await?;
    }
    Ok(())
}

/// The client's address, as an extractor.
pub struct ClientAddress(pub String);

impl axum::extract::FromRequestParts<crate::state::AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &crate::state::AppState) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(client_address(parts, &state.config)))
    }
}

/// The client's address: the TCP peer, or behind a trusted proxy the last `X-Forwarded-For` hop.
pub fn client_address(parts: &Parts, config: &Config) -> String {
    if config.trust_forwarded_for {
        let forwarded = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse::<IpAddr>().ok());
        if let Some(ip) = forwarded {
            return ip.to_string();
        }
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}
