//! SQL of in-app notifications: a user's latest with the unread count, marking them read, writing one.

use shared::order::Notification;
use sqlx::{AnyConnection, Row};

use super::Note;
use crate::db::Db;

/// The user's latest `limit` notifications, newest first.
pub async fn latest(conn: &mut AnyConnection, user_id: i64, limit: i64) -> sqlx::Result<Vec<Notification>> {
    let rows = sqlx::query(
        "SELECT id, title, body, link, whatsapp_link, created_at, read_at FROM notifications WHERE user_id = $1 \
         ORDER BY id DESC LIMIT $2",
    )
    .bind(user_id)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Notification {
                id: r.try_get("id")?,
                title: r.try_get("title")?,
                body: r.try_get("body")?,
                link: r.try_get("link")?,
                whatsapp_link: r.try_get("whatsapp_link")?,
                created_at: r.try_get("created_at")?,
                read: r.try_get::<Option<i64>, _>("read_at")?.is_some(),
            })
        })
        .collect()
}

/// How many of the user's notifications are unread.
pub async fn unread_count(conn: &mut AnyConnection, user_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL")
        .bind(user_id)
        .fetch_one(conn)
        .await
}

/// Marks the user's unread notifications among `ids` read at `now` (all of them when `ids` is empty).
pub async fn mark_read(db: &Db, user_id: i64, ids: &[i64], now: i64) -> sqlx::Result<()> {
    // Ids are integers: writing them into the statement is safe.
    let only = if ids.is_empty() {
        String::new()
    } else {
        format!(" AND id IN ({})", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","))
    };
    let sql = format!("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL{only}");
    sqlx::query(&sql).persistent(false).bind(now).bind(user_id).execute(&db.pool).await?;
    Ok(())
}

/// Writes `note`, made at `now`.
pub async fn insert(conn: &mut AnyConnection, note: &Note, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO notifications (user_id, title, body, link, whatsapp_link, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(note.user_id)
    .bind(&note.title)
    .bind(&note.body)
    .bind(&note.link)
    .bind(&note.whatsapp_link)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}
