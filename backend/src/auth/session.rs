//! Sessions in the database (so several servers share them), named by a random token in an
//! `HttpOnly`, `SameSite=Lax` cookie whose hash alone is stored; idle and absolute expiry by role.

use axum::http::{HeaderMap, HeaderValue, header};
use cookie::{Cookie, SameSite};

use super::{
    queries::{self, SessionRow},
    token,
};
use crate::{
    config::Config,
    db::{Db, now_ms},
    error::AppResult,
};

const MINUTE_MS: i64 = 60_000;
const HOUR_MS: i64 = 60 * MINUTE_MS;
const DAY_MS: i64 = 24 * HOUR_MS;

/// How long a session lives without use, and at most.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lifetime {
    pub idle_ms: i64,
    pub absolute_ms: i64,
}

/// Shoppers and sellers stay signed in for weeks.
pub const MEMBER: Lifetime = Lifetime { idle_ms: 30 * DAY_MS, absolute_ms: 90 * DAY_MS };
/// Admins hold more power, so their sessions end sooner.
pub const ADMIN: Lifetime = Lifetime { idle_ms: 12 * HOUR_MS, absolute_ms: 7 * DAY_MS };
/// `last_seen_at` is written at most this often, so reading pages does not write on every request.
const TOUCH_EVERY_MS: i64 = 5 * MINUTE_MS;

impl Lifetime {
    pub fn for_user(is_admin: bool) -> Lifetime {
        if is_admin { ADMIN } else { MEMBER }
    }

    /// Whether a session created and last seen at these times is still alive at `now`.
    pub fn is_alive(self, created_at: i64, last_seen_at: i64, now: i64) -> bool {
        now - last_seen_at < self.idle_ms && now - created_at < self.absolute_ms
    }
}

/// The cookie's name: `__Host-` prefixed (and `Secure`) when the site is served over https.
pub fn cookie_name(config: &Config) -> &'static str {
    if config.is_https() { "__Host-lapak_session" } else { "lapak_session" }
}

/// The session token the request carries, if any.
pub fn token_from(headers: &HeaderMap, config: &Config) -> Option<String> {
    token_cookie(headers, cookie_name(config))
}

/// The token in the cookie called `name`, if the request carries one of the right shape.
pub fn token_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_owned())
        .filter(|v| token::looks_valid(v))
}

/// `Set-Cookie` that stores `token` in the browser for the member lifetime (the server ends it sooner
/// for admins or when idle).
pub fn set_cookie(config: &Config, token: &str) -> HeaderValue {
    cookie(config, token, MEMBER.absolute_ms / 1000)
}

/// `Set-Cookie` that removes the session cookie.
pub fn clear_cookie(config: &Config) -> HeaderValue {
    cookie(config, "", 0)
}

fn cookie(config: &Config, value: &str, max_age_secs: i64) -> HeaderValue {
    token_set_cookie(config, cookie_name(config), SameSite::Lax, value, max_age_secs)
}

/// `Set-Cookie` for a token cookie: `HttpOnly`, for the whole site, `Secure` over https.
pub fn token_set_cookie(
    config: &Config,
    name: &'static str,
    same_site: SameSite,
    value: &str,
    max_age_secs: i64,
) -> HeaderValue {
    let cookie = Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(same_site)
        .max_age(cookie::time::Duration::seconds(max_age_secs))
        .secure(config.is_https())
        .build();
    // Names are constants and values URL-safe tokens: always a valid header.
    HeaderValue::from_str(&cookie.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Starts a session for `user_id` and returns its token (shown to the browser once, never stored).
pub async fn create(db: &Db, user_id: i64, user_agent: &str) -> AppResult<String> {
    let token = token::generate()?;
    let now = now_ms();
    let agent: String = user_agent.chars().take(200).collect();
    queries::insert_session(db, &token::digest(&token), user_id, now, &agent).await?;
    Ok(token)
}

/// Ends the session with this token (signing out), if it exists.
pub async fn delete_by_token(db: &Db, token: &str) -> sqlx::Result<()> {
    queries::delete_session_by_hash(db, &token::digest(token)).await
}

/// Records use of a session when the last record is older than a few minutes.
pub async fn touch(db: &Db, session_id: i64, last_seen_at: i64) -> sqlx::Result<()> {
    let now = now_ms();
    if now - last_seen_at >= TOUCH_EVERY_MS {
        queries::touch_session(db, session_id, now).await?;
    }
    Ok(())
}

/// A user's live sessions, most recently used first.
pub async fn list(db: &Db, user_id: i64) -> sqlx::Result<Vec<SessionRow>> {
    queries::sessions_of(db, user_id).await
}

/// Ends one of a user's sessions; whether it existed.
pub async fn delete_one(db: &Db, user_id: i64, session_id: i64) -> sqlx::Result<bool> {
    queries::delete_session_of(db, user_id, session_id).await
}

/// Ends every session of a user except `keep` (pass `None` to end them all).
pub async fn delete_all<'e>(
    conn: impl sqlx::Executor<'e, Database = sqlx::Any>,
    user_id: i64,
    keep: Option<i64>,
) -> sqlx::Result<()> {
    queries::delete_sessions_of(conn, user_id, keep.unwrap_or(-1)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admins_expire_sooner() {
        let now = 100 * DAY_MS;
        let two_days_idle = (now - 10 * DAY_MS, now - 2 * DAY_MS);
        assert!(MEMBER.is_alive(two_days_idle.0, two_days_idle.1, now));
        assert!(!ADMIN.is_alive(two_days_idle.0, two_days_idle.1, now));
        assert!(!MEMBER.is_alive(now - 91 * DAY_MS, now - MINUTE_MS, now), "absolute expiry");
        assert!(!MEMBER.is_alive(now - 40 * DAY_MS, now - 31 * DAY_MS, now), "idle expiry");
    }

    #[test]
    fn cookies_follow_the_scheme() {
        let mut config = Config::from_lookup(|_| None).unwrap();
        let header = set_cookie(&config, "t");
        let plain = Cookie::parse(header.to_str().unwrap()).unwrap();
        assert_eq!((plain.name(), plain.value(), plain.path()), ("lapak_session", "t", Some("/")));
        assert_eq!((plain.http_only(), plain.same_site(), plain.secure()), (Some(true), Some(SameSite::Lax), None));
        assert_eq!(plain.max_age(), Some(cookie::time::Duration::seconds(MEMBER.absolute_ms / 1000)));
        config.public_url = "https://lapakdesa.example".into();
        let header = set_cookie(&config, "t");
        let secure = Cookie::parse(header.to_str().unwrap()).unwrap();
        assert_eq!((secure.name(), secure.secure()), ("__Host-lapak_session", Some(true)));
        let cleared = Cookie::parse(clear_cookie(&config).to_str().unwrap().to_owned()).unwrap();
        assert_eq!((cleared.value(), cleared.max_age()), ("", Some(cookie::time::Duration::ZERO)));
    }

    #[test]
    fn reads_the_token_among_other_cookies() {
        let config = Config::from_lookup(|_| None).unwrap();
        let token = token::generate().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_str(&format!("a=1; lapak_session={token}; b=2")).unwrap());
        assert_eq!(token_from(&headers, &config), Some(token));
        headers.insert(header::COOKIE, HeaderValue::from_static("lapak_session=short"));
        assert_eq!(token_from(&headers, &config), None);
    }
}
