//! SQL of the public FAQ: the published entries, and a consultation's entry published, edited or taken
//! down.

use shared::{FaqEntry, Topic};
use sqlx::{AnyConnection, Row};

use super::code_of;
use crate::{db::Db, error::AppResult};

/// The published entries, newest first, at most `limit`.
pub async fn published(db: &Db, limit: i64) -> AppResult<Vec<FaqEntry>> {
    let rows = sqlx::query(
        "SELECT id, topic, faq_question, faq_answer, faq_published_at FROM consultations \
         WHERE faq_published = $1 ORDER BY faq_published_at DESC, id DESC LIMIT $2",
    )
    .bind(true)
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(FaqEntry {
                id: r.try_get("id")?,
                topic: code_of(r, "topic", Topic::from_code)?,
                question: r.try_get::<Option<String>, _>("faq_question")?.unwrap_or_default(),
                answer: r.try_get::<Option<String>, _>("faq_answer")?.unwrap_or_default(),
                published_at: r.try_get::<Option<i64>, _>("faq_published_at")?.unwrap_or_default(),
            })
        })
        .collect::<AppResult<Vec<_>>>()
}

/// Whether the consultation's entry was ever published.
pub async fn ever_published(conn: &mut AnyConnection, id: i64) -> sqlx::Result<bool> {
    let first = sqlx::query_scalar::<_, Option<i64>>("SELECT faq_published_at FROM consultations WHERE id = $1")
        .bind(id)
        .fetch_one(conn)
        .await?;
    Ok(first.is_some())
}

/// Publishes (or edits) the consultation's entry with this question and answer.
pub async fn publish(conn: &mut AnyConnection, id: i64, question: &str, answer: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE consultations SET faq_question = $1, faq_answer = $2, faq_published = $3, \
         faq_published_at = COALESCE(faq_published_at, $4), updated_at = $4 WHERE id = $5",
    )
    .bind(question)
    .bind(answer)
    .bind(true)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Takes the consultation's entry off the public page (its text is kept).
pub async fn unpublish(conn: &mut AnyConnection, id: i64, now: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE consultations SET faq_published = $1, updated_at = $2 WHERE id = $3")
        .bind(false)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}
