//! SQL of the rate limits: counting an event (once per request), how many a key holds in its window, and
//! forgetting events given back or past their window.

use crate::db::Db;

/// Counts an event of `rule` for `key`, kept until `expires_at`; its id, or `None` when the same request
/// was counted already.
pub async fn insert_event(
    db: &Db,
    rule: &str,
    key: &str,
    request: Option<&str>,
    expires_at: i64,
) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar(
        "INSERT INTO rate_events (rule, key, request, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING \
         RETURNING id",
    )
    .bind(rule)
    .bind(key)
    .bind(request)
    .bind(expires_at)
    .fetch_optional(&db.pool)
    .await
}

/// How many other events of `rule` for `key` (all but `except`) are still counted at `now`, and when the
/// first of them expires.
pub async fn live_events(db: &Db, rule: &str, key: &str, now: i64, except: i64) -> sqlx::Result<(i64, Option<i64>)> {
    sqlx::query_as(
        "SELECT COUNT(*), MIN(expires_at) FROM rate_events WHERE rule = $1 AND key = $2 AND expires_at > $3 \
         AND id <> $4",
    )
    .bind(rule)
    .bind(key)
    .bind(now)
    .bind(except)
    .fetch_one(&db.pool)
    .await
}

/// Forgets one event.
pub async fn delete_event(db: &Db, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM rate_events WHERE id = $1").bind(id).execute(&db.pool).await?;
    Ok(())
}

/// Forgets every event whose window has ended by `now`; how many.
pub async fn delete_expired(db: &Db, now: i64) -> sqlx::Result<u64> {
    let gone = sqlx::query("DELETE FROM rate_events WHERE expires_at <= $1").bind(now).execute(&db.pool).await?;
    Ok(gone.rows_affected())
}
