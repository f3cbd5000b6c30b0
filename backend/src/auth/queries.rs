//! SQL of signing in: sessions (by their token's hash) with the roles of their user, known devices, and
//! the failed attempts the sign-in limits count.

use shared::{RegionCode, Role};
use sqlx::Row;

use super::{CurrentUser, Scope};
use crate::{
    db::Db,
    error::{AppError, AppResult},
};

/// One of a user's sessions, for the account page.
pub struct SessionRow {
    pub id: i64,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub user_agent: String,
}

/// The user of a session with the roles they hold, and when the session began and was last used.
pub struct SessionUser {
    pub user: CurrentUser,
    pub created_at: i64,
    pub last_seen_at: i64,
}

/// Stores a session (its token's hash alone) for `user_id`, begun and last used `now`.
pub async fn insert_session(db: &Db, token_hash: &str, user_id: i64, now: i64, user_agent: &str) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, user_agent) VALUES ($1, $2, $3, $3, $4)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(now)
    .bind(user_agent)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The session whose token has this hash, with its user and their grants; `None` when there is none.
pub async fn session_user(db: &Db, token_hash: &str) -> AppResult<Option<SessionUser>> {
    let rows = sqlx::query(
        "SELECT s.id AS session_id, s.user_id, s.created_at, s.last_seen_at, u.name, \
                g.id AS grant_id, g.role, g.village_id, g.region_code \
         FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN grants g ON g.user_id = u.id \
         WHERE s.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_all(&db.pool)
    .await?;
    let Some(first) = rows.first() else { return Ok(None) };
    let mut user = CurrentUser {
        id: first.try_get("user_id")?,
        name: first.try_get("name")?,
        session_id: first.try_get("session_id")?,
        scopes: Vec::new(),
    };
    for row in &rows {
        let Some(grant_id) = row.try_get::<Option<i64>, _>("grant_id")? else { continue };
        let role: String = row.try_get("role")?;
        let scope = match Role::from_code(&role) {
            Some(Role::VillageAdmin) => Scope::Village { grant_id, village_id: row.try_get("village_id")? },
            Some(Role::DistrictAdmin) => {
                let code: String = row.try_get("region_code")?;
                let region = RegionCode::parse(&code).map_err(|e| anyhow::anyhow!("grant {grant_id}: {e}"))?;
                Scope::District { grant_id, region }
            }
            None => return Err(AppError::from(anyhow::anyhow!("grant {grant_id} has unknown role {role}"))),
        };
        user.scopes.push(scope);
    }
    Ok(Some(SessionUser {
        user,
        created_at: first.try_get("created_at")?,
        last_seen_at: first.try_get("last_seen_at")?,
    }))
}

/// Records that the session was used at `now`.
pub async fn touch_session(db: &Db, session_id: i64, now: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
        .bind(now)
        .bind(session_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Ends the session with this id (it expired).
pub async fn delete_session(db: &Db, session_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE id = $1").bind(session_id).execute(&db.pool).await?;
    Ok(())
}

/// Ends the session whose token has this hash, if there is one.
pub async fn delete_session_by_hash(db: &Db, token_hash: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(&db.pool).await?;
    Ok(())
}

/// A user's sessions, most recently used first.
pub async fn sessions_of(db: &Db, user_id: i64) -> sqlx::Result<Vec<SessionRow>> {
    let rows = sqlx::query(
        "SELECT id, created_at, last_seen_at, user_agent FROM sessions WHERE user_id = $1 \
         ORDER BY last_seen_at DESC, id DESC",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(SessionRow {
                id: r.try_get("id")?,
                created_at: r.try_get("created_at")?,
                last_seen_at: r.try_get("last_seen_at")?,
                user_agent: r.try_get("user_agent")?,
            })
        })
        .collect()
}

/// Ends one of a user's sessions; whether it existed.
pub async fn delete_session_of(db: &Db, user_id: i64, session_id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("DELETE FROM sessions WHERE id = $1 AND user_id = $2")
        .bind(session_id)
        .bind(user_id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Ends every session of a user but the one with id `keep` (`-1` keeps none).
pub async fn delete_sessions_of<'e>(
    conn: impl sqlx::Executor<'e, Database = sqlx::Any>,
    user_id: i64,
    keep: i64,
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id <> $2").bind(user_id).bind(keep).execute(conn).await?;
    Ok(())
}

/// Whether the device with this token hash signed in to `user_id` after `since`.
pub async fn device_known(db: &Db, device_hash: &str, user_id: i64, since: i64) -> sqlx::Result<bool> {
    let known: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM trusted_devices WHERE device_hash = $1 AND user_id = $2 AND trusted_at > $3",
    )
    .bind(device_hash)
    .bind(user_id)
    .bind(since)
    .fetch_one(&db.pool)
    .await?;
    Ok(known > 0)
}

/// Remembers that the device with this token hash signed in to `user_id` at `now`.
pub async fn trust_device(db: &Db, device_hash: &str, user_id: i64, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO trusted_devices (device_hash, user_id, trusted_at) VALUES ($1, $2, $3) \
         ON CONFLICT (device_hash, user_id) DO UPDATE SET trusted_at = excluded.trusted_at",
    )
    .bind(device_hash)
    .bind(user_id)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Forgets every device of `user_id`.
pub async fn forget_devices<'e>(conn: impl sqlx::Executor<'e, Database = sqlx::Any>, user_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM trusted_devices WHERE user_id = $1").bind(user_id).execute(conn).await?;
    Ok(())
}

/// How many failed sign-ins the counter (`scope`, `key`) holds after `since`, and when the oldest was.
pub async fn failures_since(db: &Db, scope: &str, key: &str, since: i64) -> sqlx::Result<(i64, Option<i64>)> {
    sqlx::query_as("SELECT COUNT(*), MIN(at) FROM sign_in_failures WHERE scope = $1 AND key = $2 AND at > $3")
        .bind(scope)
        .bind(key)
        .bind(since)
        .fetch_one(&db.pool)
        .await
}

/// Counts a failed sign-in at `at` under the counter (`scope`, `key`).
pub async fn add_failure(conn: &mut sqlx::AnyConnection, scope: &str, key: String, at: i64) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO sign_in_failures (scope, key, at) VALUES ($1, $2, $3)")
        .bind(scope)
        .bind(key)
        .bind(at)
        .execute(conn)
        .await?;
    Ok(())
}

/// Forgets every failed sign-in from before `before`.
pub async fn forget_failures_before(conn: &mut sqlx::AnyConnection, before: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sign_in_failures WHERE at < $1").bind(before).execute(conn).await?;
    Ok(())
}

/// Forgets the failed sign-ins of the counter (`scope`, `key`).
pub async fn clear_failures(db: &Db, scope: &str, key: String) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM sign_in_failures WHERE scope = $1 AND key = $2")
        .bind(scope)
        .bind(key)
        .execute(&db.pool)
        .await?;
    Ok(())
}
