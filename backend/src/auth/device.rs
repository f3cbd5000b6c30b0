//! Device cookies (OWASP): a browser that signed in to an account holds a random token, kept in the
//! database only as its hash beside the account. Sign-in failures from such a browser are counted on
//! it alone, so strangers guessing elsewhere never lock the owner out of their own phone.

use axum::http::{HeaderMap, HeaderValue};
use cookie::SameSite;

use super::{queries, session, token};
use crate::{
    config::Config,
    db::{Db, now_ms},
};

/// How long a browser stays known after its last successful sign-in.
const TRUSTED_MS: i64 = 180 * 24 * 60 * 60 * 1000;

/// The cookie's name: `__Host-` prefixed when the site is served over https.
fn cookie_name(config: &Config) -> &'static str {
    if config.is_https() { "__Host-lapak_device" } else { "lapak_device" }
}

/// The device token the request carries, if any.
pub fn token_from(headers: &HeaderMap, config: &Config) -> Option<String> {
    session::token_cookie(headers, cookie_name(config))
}

/// `Set-Cookie` that keeps `token` in this browser; sent only to this site (`SameSite=Strict`).
pub fn set_cookie(config: &Config, token: &str) -> HeaderValue {
    session::token_set_cookie(config, cookie_name(config), SameSite::Strict, token, TRUSTED_MS / 1000)
}

/// Whether the browser holding `device` has signed in to account `user_id` recently enough.
pub async fn is_trusted(db: &Db, device: &str, user_id: i64) -> sqlx::Result<bool> {
    queries::device_known(db, &token::digest(device), user_id, now_ms() - TRUSTED_MS).await
}

/// Remembers that the browser holding `device` signed in to `user_id` now.
pub async fn trust(db: &Db, device: &str, user_id: i64) -> sqlx::Result<()> {
    queries::trust_device(db, &token::digest(device), user_id, now_ms()).await
}

/// Forgets every browser of `user_id` (its password was reset: whoever knew the old one loses the way in
/// that bypasses strangers' limits).
pub async fn forget_all<'e>(conn: impl sqlx::Executor<'e, Database = sqlx::Any>, user_id: i64) -> sqlx::Result<()> {
    queries::forget_devices(conn, user_id).await
}
