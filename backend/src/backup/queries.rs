//! The SQLite statements of backup and restore: the online copy, the check of a copy, and whether a
//! database is in use or holds data.

use std::{fmt, path::Path, time::Duration};

use anyhow::{Context, bail};
use sqlx::{
    ConnectOptions, Connection, SqliteConnection,
    sqlite::{SqliteConnectOptions, SqliteLockingMode},
};

/// What a database holds, for messages and for "is it empty".
pub struct Held {
    villages: i64,
    users: i64,
    orders: i64,
}

impl Held {
    pub fn is_empty(&self) -> bool {
        self.villages == 0 && self.users == 0 && self.orders == 0
    }
}

impl fmt::Display for Held {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} desa, {} akun, {} pesanan", self.villages, self.users, self.orders)
    }
}

/// Writes a consistent copy of the live database `source` to the new file `copy`.
pub async fn vacuum_into(source: &Path, copy: &Path, busy: Duration) -> anyhow::Result<()> {
    let mut conn = SqliteConnectOptions::new()
        .filename(source)
        .create_if_missing(false)
        .busy_timeout(busy)
        .connect()
        .await
        .with_context(|| format!("tidak bisa membuka {}", source.display()))?;
    let target = copy.to_str().with_context(|| format!("nama folder {} tidak bisa dipakai", copy.display()))?;
    sqlx::query("VACUUM INTO $1")
        .bind(target)
        .execute(&mut conn)
        .await
        .with_context(|| format!("menyalin ke {}", copy.display()))?;
    conn.close().await?;
    Ok(())
}

/// Checks the copy at `path` page by page (`PRAGMA integrity_check`) and says what it holds.
pub async fn verify(path: &Path) -> anyhow::Result<Held> {
    let mut conn = SqliteConnectOptions::new().filename(path).read_only(true).connect().await?;
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut conn).await?;
    if verdict != "ok" {
        bail!("integrity_check: {verdict}");
    }
    let held = held(&mut conn).await?;
    conn.close().await?;
    Ok(held)
}

/// `None` when another process (a running server) has the database at `path` open; otherwise what it
/// holds (nothing when it has no tables yet).
pub async fn held_alone(path: &Path) -> anyhow::Result<Option<Held>> {
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(false)
        .locking_mode(SqliteLockingMode::Exclusive)
        .busy_timeout(Duration::from_millis(500))
        .connect()
        .await
        .with_context(|| format!("tidak bisa membuka {}", path.display()))?;
    // In exclusive locking mode the first transaction keeps the whole file locked: it cannot begin while any
    // other connection has the database open.
    if let Err(e) = sqlx::query("BEGIN EXCLUSIVE").execute(&mut conn).await {
        if crate::db::is_retryable(&e) {
            return Ok(None);
        }
        return Err(e.into());
    }
    let tables: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'orders'")
        .fetch_one(&mut conn)
        .await?;
    let held = if tables == 0 { Held { villages: 0, users: 0, orders: 0 } } else { held(&mut conn).await? };
    sqlx::query("ROLLBACK").execute(&mut conn).await?;
    conn.close().await?;
    Ok(Some(held))
}

async fn held(conn: &mut SqliteConnection) -> anyhow::Result<Held> {
    let count = |table: &'static str| format!("SELECT COUNT(*) FROM {table}");
    let villages: i64 = sqlx::query_scalar(&count("villages")).fetch_one(&mut *conn).await?;
    let users: i64 = sqlx::query_scalar(&count("users")).fetch_one(&mut *conn).await?;
    let orders: i64 = sqlx::query_scalar(&count("orders")).fetch_one(&mut *conn).await?;
    Ok(Held { villages, users, orders })
}
