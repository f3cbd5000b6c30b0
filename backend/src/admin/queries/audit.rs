//! SQL of the audit log: writing an entry, and a page of the entries under a region condition.

use shared::{AuditAction, AuditEntry, UserRef};
use sqlx::Row;

use crate::{accounts::queries::phone, db::Db, error::AppResult};

/// Writes that `actor` did `action` to `subject` (e.g. `shop:12`) at `at`, within `region_code`.
pub async fn insert(
    conn: &mut sqlx::AnyConnection,
    actor: i64,
    action: AuditAction,
    subject: &str,
    summary: &str,
    region_code: &str,
    at: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, action, subject, summary, region_code) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(at)
    .bind(actor)
    .bind(action.code())
    .bind(subject)
    .bind(summary)
    .bind(region_code)
    .execute(conn)
    .await?;
    Ok(())
}

/// How many entries meet `condition` (on `audit_log a`).
pub async fn count(db: &Db, condition: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM audit_log a WHERE {condition}")).fetch_one(&db.pool).await
}

/// The entries meeting `condition` (on `audit_log a`), newest first: `limit` of them after `offset`.
pub async fn page(db: &Db, condition: &str, limit: i64, offset: i64) -> AppResult<Vec<AuditEntry>> {
    let rows = sqlx::query(&format!(
        "SELECT a.id, a.at, a.action, a.subject, a.summary, a.region_code, \
                u.id AS actor_id, u.name AS actor_name, u.phone AS actor_phone \
         FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE {condition} \
         ORDER BY a.at DESC, a.id DESC LIMIT $1 OFFSET $2"
    ))
    .bind(limit)
    .bind(offset)
    .fetch_all(&db.pool)
    .await?;
    let entries = rows
        .iter()
        .map(|r| {
            let action: String = r.try_get("action")?;
            Ok(AuditEntry {
                id: r.try_get("id")?,
                at: r.try_get("at")?,
                actor: UserRef {
                    id: r.try_get("actor_id")?,
                    name: r.try_get("actor_name")?,
                    phone: phone(r, "actor_phone")?,
                },
                action: AuditAction::from_code(&action).ok_or_else(|| anyhow::anyhow!("unknown action {action}"))?,
                subject: r.try_get("subject")?,
                summary: r.try_get("summary")?,
                region_code: r.try_get("region_code")?,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(entries)
}
