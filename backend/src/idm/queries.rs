//! SQL for a village's IDM: its history by year, setting and removing a year, and the latest year as the
//! village row keeps it.

use shared::{Idm, IdmStatus};
use sqlx::{AnyConnection, Row};

use crate::db::Db;

/// The IDM history of the village with this slug, oldest first.
pub async fn history(db: &Db, slug: &str) -> sqlx::Result<Vec<Idm>> {
    let rows = sqlx::query(
        "SELECT i.year, i.score FROM village_idm i JOIN villages v ON v.id = i.village_id WHERE v.slug = $1 ORDER BY i.year",
    )
    .bind(slug)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let (year, score): (i64, f64) = (r.try_get("year")?, r.try_get("score")?);
            Ok(Idm { status: IdmStatus::from_score(score), score, year: i32::try_from(year).unwrap_or_default() })
        })
        .collect()
}

/// The village's latest year and its score, if it has any.
pub async fn latest(conn: &mut AnyConnection, village_id: i64) -> sqlx::Result<Option<(i64, f64)>> {
    sqlx::query_as("SELECT year, score FROM village_idm WHERE village_id = $1 ORDER BY year DESC LIMIT 1")
        .bind(village_id)
        .fetch_optional(conn)
        .await
}

/// Stores the latest year, its score and status on the village row (or clears them).
pub async fn set_latest(
    conn: &mut AnyConnection,
    village_id: i64,
    latest: Option<(i64, f64)>,
    status: Option<IdmStatus>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE villages SET idm_year = $1, idm_score = $2, idm_status = $3 WHERE id = $4")
        .bind(latest.map(|l| l.0))
        .bind(latest.map(|l| l.1))
        .bind(status.map(IdmStatus::code))
        .bind(village_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Sets the score of a year, adding the year or correcting it.
pub async fn set_year(conn: &mut AnyConnection, village_id: i64, year: i32, score: f64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO village_idm (village_id, year, score) VALUES ($1, $2, $3) \
         ON CONFLICT (village_id, year) DO UPDATE SET score = excluded.score",
    )
    .bind(village_id)
    .bind(i64::from(year))
    .bind(score)
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes a year; false when the village has no score for it.
pub async fn delete_year(conn: &mut AnyConnection, village_id: i64, year: i32) -> sqlx::Result<bool> {
    let gone = sqlx::query("DELETE FROM village_idm WHERE village_id = $1 AND year = $2")
        .bind(village_id)
        .bind(i64::from(year))
        .execute(conn)
        .await?;
    Ok(gone.rows_affected() > 0)
}
