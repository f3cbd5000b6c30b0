//! SQL of field visits: adding one to a consultation, the status of one, changing it, and marking the
//! consultation changed.

use shared::{Valid, VisitStatus, consultation::VisitForm};
use sqlx::AnyConnection;

use super::code_of;
use crate::error::AppResult;

/// Adds a visit as `form` says, by `author`.
pub async fn insert(
    conn: &mut AnyConnection,
    thread: i64,
    form: &Valid<VisitForm>,
    author: i64,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO consultation_visits (consultation_id, status, scheduled_for, place, note, created_by, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(thread)
    .bind(form.status.code())
    .bind(form.scheduled_for)
    .bind(form.place.trim())
    .bind(form.note.trim())
    .bind(author)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// The status of the visit `id` of the consultation, if it has one.
pub async fn status(conn: &mut AnyConnection, id: i64, thread: i64) -> AppResult<Option<VisitStatus>> {
    let row = sqlx::query("SELECT status FROM consultation_visits WHERE id = $1 AND consultation_id = $2")
        .bind(id)
        .bind(thread)
        .fetch_optional(conn)
        .await?;
    row.map(|r| code_of(&r, "status", VisitStatus::from_code)).transpose()
}

/// Changes the visit `id` as `form` says (a missing date keeps the one it had).
pub async fn update(conn: &mut AnyConnection, id: i64, form: &Valid<VisitForm>, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE consultation_visits SET status = $1, scheduled_for = COALESCE($2, scheduled_for), place = $3, \
         note = $4, updated_at = $5 WHERE id = $6",
    )
    .bind(form.status.code())
    .bind(form.scheduled_for)
    .bind(form.place.trim())
    .bind(form.note.trim())
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Marks the consultation changed at `now`.
pub async fn touch(conn: &mut AnyConnection, thread: i64, now: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE consultations SET updated_at = $1 WHERE id = $2").bind(now).bind(thread).execute(conn).await?;
    Ok(())
}
