//! SQL of pushes on their way: queued per person with the in-app notification (`push_outbox`), handed
//! out once as one delivery per device (`push_deliveries`), each leased by the server posting it, then
//! done, set for its next try, or dropped.

use sqlx::{AnyConnection, Row};

use crate::{db::Db, notifications::Note};

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

/// The oldest `limit` queued pushes.
pub async fn queued(db: &Db, limit: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar("SELECT id FROM push_outbox ORDER BY id LIMIT $1").bind(limit).fetch_all(&db.pool).await
}

/// Whose sessions count as alive: used since `seen_since` and begun after `begun_since` (Unix ms).
pub struct Alive {
    pub seen_since: i64,
    pub begun_since: i64,
}

/// Takes the queued push `id` off the queue and makes it a delivery, due at `now`, to each of its person's
/// devices whose session is alive; false when another server took it first.
pub async fn hand_out(conn: &mut AnyConnection, id: i64, alive: &Alive, now: i64) -> sqlx::Result<bool> {
    let taken = sqlx::query("DELETE FROM push_outbox WHERE id = $1 RETURNING user_id, title, body, link, created_at")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(push) = taken else { return Ok(false) };
    sqlx::query(
        "INSERT INTO push_deliveries (subscription_id, user_id, title, body, link, attempts, due_at, created_at) \
         SELECT p.id, p.user_id, $1, $2, $3, 0, $4, $5 FROM push_subscriptions p JOIN sessions s ON s.id = p.session_id \
         WHERE p.user_id = $6 AND s.last_seen_at > $7 AND s.created_at > $8",
    )
    .bind(push.try_get::<String, _>("title")?)
    .bind(push.try_get::<String, _>("body")?)
    .bind(push.try_get::<String, _>("link")?)
    .bind(now)
    .bind(push.try_get::<i64, _>("created_at")?)
    .bind(push.try_get::<i64, _>("user_id")?)
    .bind(alive.seen_since)
    .bind(alive.begun_since)
    .execute(conn)
    .await?;
    Ok(true)
}

/// A push on its way to one device.
pub struct Delivery {
    pub id: i64,
    pub subscription_id: i64,
    pub user_id: i64,
    pub title: String,
    pub body: String,
    pub link: String,
    /// Tries made before this one.
    pub attempts: i64,
    /// When its notification was made (Unix ms).
    pub created_at: i64,
}

/// Leases the `limit` deliveries due at `now` (the oldest due first) until `lease_until`, when they are
/// due again unless done first; a delivery another server leased meanwhile is not taken twice.
pub async fn lease_due(
    conn: &mut AnyConnection,
    now: i64,
    lease_until: i64,
    limit: i64,
) -> sqlx::Result<Vec<Delivery>> {
    let rows = sqlx::query(
        "UPDATE push_deliveries SET due_at = $1 WHERE due_at <= $2 AND id IN \
            (SELECT id FROM push_deliveries WHERE due_at <= $2 ORDER BY due_at, id LIMIT $3) \
         RETURNING id, subscription_id, user_id, title, body, link, attempts, created_at",
    )
    .bind(lease_until)
    .bind(now)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Delivery {
                id: r.try_get("id")?,
                subscription_id: r.try_get("subscription_id")?,
                user_id: r.try_get("user_id")?,
                title: r.try_get("title")?,
                body: r.try_get("body")?,
                link: r.try_get("link")?,
                attempts: r.try_get("attempts")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// When the next delivery is due (Unix ms), if one waits.
pub async fn next_due(db: &Db) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT MIN(due_at) FROM push_deliveries").fetch_one(&db.pool).await
}

/// Sets the delivery `id`'s next try, after `attempts` tries.
pub async fn try_later(conn: &mut AnyConnection, id: i64, attempts: i64, due_at: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE push_deliveries SET attempts = $1, due_at = $2 WHERE id = $3")
        .bind(attempts)
        .bind(due_at)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Drops the delivery `id`: delivered, or given up.
pub async fn done(conn: &mut AnyConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM push_deliveries WHERE id = $1").bind(id).execute(conn).await?;
    Ok(())
}

/// Where a delivery goes: its device's push service and keys.
pub struct Target {
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
}

/// The device `subscription_id`, while it is still `user_id`'s (not subscribed since by another account).
pub async fn target(db: &Db, subscription_id: i64, user_id: i64) -> sqlx::Result<Option<Target>> {
    let row = sqlx::query("SELECT endpoint, p256dh, auth FROM push_subscriptions WHERE id = $1 AND user_id = $2")
        .bind(subscription_id)
        .bind(user_id)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| Ok(Target { endpoint: r.try_get("endpoint")?, p256dh: r.try_get("p256dh")?, auth: r.try_get("auth")? }))
        .transpose()
}

/// Forgets a device its push service no longer knows, or whose address pushes may not go to (unless it
/// was subscribed anew meanwhile); its deliveries go with it.
pub async fn forget(conn: &mut AnyConnection, id: i64, endpoint: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM push_subscriptions WHERE id = $1 AND endpoint = $2")
        .bind(id)
        .bind(endpoint)
        .execute(conn)
        .await?;
    Ok(())
}
