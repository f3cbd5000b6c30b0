//! SQL of push notifications: the VAPID key pair, a person's devices, and the pushes waiting to go out
//! (queued with the in-app notification, claimed once by whichever server sends them).

use shared::push::PushDevice;
use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::{db::Db, notifications::Note};

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

/// Queues `note` as a push when its user has a device to receive it.
pub async fn queue(conn: &mut AnyConnection, note: &Note, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO push_outbox (user_id, title, body, link, created_at) \
         SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM push_subscriptions WHERE user_id = $6)",
    )
    .bind(note.user_id)
    .bind(&note.title)
    .bind(&note.body)
    .bind(&note.link)
    .bind(now)
    .bind(note.user_id)
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

/// A push waiting to go out.
pub struct Queued {
    pub id: i64,
    pub user_id: i64,
    pub title: String,
    pub body: String,
    pub link: String,
}

/// The oldest `limit` pushes waiting.
pub async fn waiting(db: &Db, limit: i64) -> sqlx::Result<Vec<Queued>> {
    let rows = sqlx::query("SELECT id, user_id, title, body, link FROM push_outbox ORDER BY id LIMIT $1")
        .bind(limit)
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(Queued {
                id: r.try_get("id")?,
                user_id: r.try_get("user_id")?,
                title: r.try_get("title")?,
                body: r.try_get("body")?,
                link: r.try_get("link")?,
            })
        })
        .collect()
}

/// Takes the waiting push `id` off the queue; `false` when another server took it first.
pub async fn claim(conn: &mut AnyConnection, id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("DELETE FROM push_outbox WHERE id = $1").bind(id).execute(conn).await?;
    Ok(done.rows_affected() > 0)
}

/// Where a push goes: one device of the person.
pub struct Target {
    pub id: i64,
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
}

/// The user's devices whose session was used since `seen_since` and began after `begun_since`.
pub async fn targets(db: &Db, user_id: i64, seen_since: i64, begun_since: i64) -> sqlx::Result<Vec<Target>> {
    let rows = sqlx::query(
        "SELECT p.id, p.endpoint, p.p256dh, p.auth FROM push_subscriptions p JOIN sessions s ON s.id = p.session_id \
         WHERE p.user_id = $1 AND s.last_seen_at > $2 AND s.created_at > $3 ORDER BY p.id",
    )
    .bind(user_id)
    .bind(seen_since)
    .bind(begun_since)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Target {
                id: r.try_get("id")?,
                endpoint: r.try_get("endpoint")?,
                p256dh: r.try_get("p256dh")?,
                auth: r.try_get("auth")?,
            })
        })
        .collect()
}

/// Forgets a device its push service no longer knows (unless it was subscribed anew meanwhile).
pub async fn forget(conn: &mut AnyConnection, id: i64, endpoint: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM push_subscriptions WHERE id = $1 AND endpoint = $2")
        .bind(id)
        .bind(endpoint)
        .execute(conn)
        .await?;
    Ok(())
}
