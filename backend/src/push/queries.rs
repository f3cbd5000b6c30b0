//! SQL of push notifications: the VAPID key pair and a person's devices; the pushes on their way are in
//! `outbox`.

pub mod outbox;

use shared::push::PushDevice;
use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::db::Db;

/// The stored VAPID private key (base64url), if one was made.
pub async fn vapid_key(db: &Db) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT private_key FROM push_keys WHERE id = 1").fetch_optional(&db.pool).await
}

/// Stores a key pair unless one is there already.
pub async fn store_vapid_key(conn: &mut AnyConnection, private: &str, public: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO push_keys (id, private_key, public_key, created_at) VALUES (1, $1, $2, $3) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(private)
    .bind(public)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// A device's subscription, about to be kept.
pub struct NewDevice<'a> {
    pub user_id: i64,
    pub session_id: i64,
    pub endpoint: &'a str,
    pub p256dh: &'a str,
    pub auth: &'a str,
    pub user_agent: &'a str,
}

/// Keeps the subscription (taking over one with the same endpoint); answers its id.
pub async fn subscribe(conn: &mut AnyConnection, new: &NewDevice<'_>, now: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO push_subscriptions (user_id, session_id, endpoint, p256dh, auth, user_agent, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, session_id = excluded.session_id, \
            p256dh = excluded.p256dh, auth = excluded.auth, user_agent = excluded.user_agent, \
            created_at = excluded.created_at \
         RETURNING id",
    )
    .bind(new.user_id)
    .bind(new.session_id)
    .bind(new.endpoint)
    .bind(new.p256dh)
    .bind(new.auth)
    .bind(new.user_agent)
    .bind(now)
    .fetch_one(conn)
    .await
}

fn device(r: &AnyRow) -> sqlx::Result<PushDevice> {
    Ok(PushDevice {
        id: r.try_get("id")?,
        endpoint: r.try_get("endpoint")?,
        user_agent: r.try_get("user_agent")?,
        created_at: r.try_get("created_at")?,
    })
}

/// The user's devices, newest first.
pub async fn devices(db: &Db, user_id: i64) -> sqlx::Result<Vec<PushDevice>> {
    let rows = sqlx::query(
        "SELECT id, endpoint, user_agent, created_at FROM push_subscriptions WHERE user_id = $1 \
         ORDER BY created_at DESC, id DESC",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(device).collect()
}

/// The device `id`, if it is the user's.
pub async fn device_of(conn: &mut AnyConnection, id: i64, user_id: i64) -> sqlx::Result<Option<PushDevice>> {
    let row = sqlx::query(
        "SELECT id, endpoint, user_agent, created_at FROM push_subscriptions WHERE id = $1 AND user_id = $2",
    )
    .bind(id)
    .bind(user_id)
    .fetch_optional(conn)
    .await?;
    row.as_ref().map(device).transpose()
}

/// Removes the user's device `id`; whether it was theirs.
pub async fn remove(conn: &mut AnyConnection, id: i64, user_id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("DELETE FROM push_subscriptions WHERE id = $1 AND user_id = $2")
        .bind(id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}
