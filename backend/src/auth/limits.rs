//! Sign-in rate limits, kept in the database so every server counts the same failures: per account
//! (the login as typed, whether or not it exists) and, more generously, per client address.

use std::net::{IpAddr, SocketAddr};

use axum::{extract::ConnectInfo, http::request::Parts};

use crate::{
    config::Config,
    db::{Db, now_ms},
    error::{AppError, AppResult},
};

/// The two keys a sign-in attempt is counted under.
pub struct AttemptKeys {
    pub account: String,
    pub address: String,
}

/// Answers 429 when either key has used up its failures in the window.
pub async fn check(db: &Db, config: &Config, keys: &AttemptKeys) -> AppResult<()> {
    let window_ms = i64::try_from(config.sign_in_window.as_millis()).unwrap_or(i64::MAX);
    let since = now_ms() - window_ms;
    for (scope, key, limit) in [
        ("account", &keys.account, config.sign_in_limit_account),
        ("address", &keys.address, config.sign_in_limit_address),
    ] {
        let (count, oldest): (i64, Option<i64>) =
            sqlx::query_as("SELECT COUNT(*), MIN(at) FROM sign_in_failures WHERE scope = $1 AND key = $2 AND at > $3")
                .bind(scope)
                .bind(key)
                .bind(since)
                .fetch_one(&db.pool)
                .await?;
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

/// Counts a failed attempt under both keys, and forgets failures older than the window.
pub async fn record_failure(db: &Db, config: &Config, keys: &AttemptKeys) -> AppResult<()> {
    let now = now_ms();
    let mut tx = db.pool.begin().await?;
    for (scope, key) in [("account", &keys.account), ("address", &keys.address)] {
        sqlx::query("INSERT INTO sign_in_failures (scope, key, at) VALUES ($1, $2, $3)")
            .bind(scope)
            .bind(key)
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    let window_ms = i64::try_from(config.sign_in_window.as_millis()).unwrap_or(i64::MAX);
    sqlx::query("DELETE FROM sign_in_failures WHERE at < $1").bind(now - window_ms).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

/// After a successful sign-in the account's failures no longer count.
pub async fn clear_account(db: &Db, keys: &AttemptKeys) -> AppResult<()> {
    sqlx::query("DELETE FROM sign_in_failures WHERE scope = 'account' AND key = $1")
        .bind(&keys.account)
        .execute(&db.pool)
        .await?;
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
