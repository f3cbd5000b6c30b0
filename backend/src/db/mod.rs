//! The database: one `sqlx::Any` pool over SQLite or PostgreSQL, chosen by the URL scheme.

use std::{str::FromStr, sync::Arc, time::Duration};

use anyhow::Context;
use sqlx::{
    AnyPool, Executor,
    any::{AnyConnectOptions, AnyPoolOptions},
};
use tokio::sync::{Mutex, OwnedMutexGuard};

use crate::config::Config;

pub mod migrations;

/// Which database engine a pool talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// The pool every query goes through, and the engine behind it.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub engine: Engine,
    /// The kabupaten's time zone: what "today" is for dates stored as days (a certificate's expiry).
    pub time_zone: crate::time_zone::TimeZone,
    /// On SQLite, write transactions of [`Db::begin_write`] take turns here, first come first served,
    /// instead of polling SQLite's busy handler (which lets latecomers overtake and stretches the tail).
    writer: Arc<Mutex<()>>,
}

/// A write transaction; on SQLite it holds the turn to write until it commits or is dropped.
pub struct WriteTx {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    _turn: Option<OwnedMutexGuard<()>>,
}

impl WriteTx {
    pub async fn commit(self) -> sqlx::Result<()> {
        self.tx.commit().await
    }

    pub async fn rollback(self) -> sqlx::Result<()> {
        self.tx.rollback().await
    }
}

impl std::ops::Deref for WriteTx {
    type Target = sqlx::AnyConnection;

    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

impl Db {
    /// Connects (creating the SQLite file and its folder when missing) and sets each connection up.
    pub async fn connect(config: &Config) -> anyhow::Result<Db> {
        sqlx::any::install_default_drivers();
        let engine = if config.is_sqlite() { Engine::Sqlite } else { Engine::Postgres };
        let mut url = config.database_url.clone();
        if engine == Engine::Sqlite {
            prepare_sqlite_file(&url)?;
            if !url.contains('?') {
                url.push_str("?mode=rwc");
            }
        }
        let options = AnyConnectOptions::from_str(&url).context("DATABASE_URL is not a valid database address")?;
        let busy_ms = config.sqlite_busy_timeout.as_millis();
        let pool = AnyPoolOptions::new()
            .max_connections(config.db_max_connections)
            .acquire_timeout(Duration::from_secs(5))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if engine == Engine::Sqlite {
                        let pragmas = format!(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                             PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {busy_ms}; \
                             PRAGMA mmap_size = 268435456; PRAGMA temp_store = MEMORY;"
                        );
                        conn.execute(pragmas.as_str()).await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await
            .with_context(|| format!("cannot connect to the database ({})", redact(&config.database_url)))?;
        Ok(Db { pool, engine, time_zone: config.time_zone, writer: Arc::new(Mutex::new(())) })
    }

    /// Today's date in the kabupaten, `YYYY-MM-DD`.
    pub fn today(&self) -> String {
        self.time_zone.date(now_ms())
    }

    /// Brings the schema up to date.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        let migrator = migrations::migrator(self.engine).await.context("reading the migrations")?;
        migrator.run(&self.pool).await.context("database migration failed")
    }

    /// The one door for write transactions (`cargo xtask tidy` refuses `.begin()` outside this folder): on
    /// SQLite it waits its turn among this server's writers, then takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so concurrent writers never fail half-way; on PostgreSQL a normal transaction.
    pub async fn begin_write(&self) -> sqlx::Result<WriteTx> {
        match self.engine {
            Engine::Sqlite => {
                let turn = self.writer.clone().lock_owned().await;
                // Started in its own task: a request cancelled half-way through a custom BEGIN (the client
                // went away) would otherwise leave the connection inside a transaction nobody can end,
                // holding SQLite's write lock for good. A finished but unwanted transaction rolls back.
                let pool = self.pool.clone();
                let tx = tokio::spawn(async move { pool.begin_with("BEGIN IMMEDIATE").await })
                    .await
                    .map_err(|e| sqlx::Error::Protocol(format!("starting a write transaction: {e}")))??;
                Ok(WriteTx { tx, _turn: Some(turn) })
            }
            Engine::Postgres => Ok(WriteTx { tx: self.pool.begin().await?, _turn: None }),
        }
    }

    /// Whether the database answers a trivial query.
    pub async fn is_reachable(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }
}

/// Reads a flag column: BOOLEAN on PostgreSQL, INTEGER 0/1 on SQLite (which `Any` cannot read as bool).
pub fn flag(row: &sqlx::any::AnyRow, column: &str) -> sqlx::Result<bool> {
    use sqlx::Row;
    row.try_get::<bool, _>(column).or_else(|_| row.try_get::<i64, _>(column).map(|v| v != 0))
}

/// Whether a failed statement may succeed when its transaction is run again: SQLite busy or locked,
/// PostgreSQL serialization failure or deadlock.
pub fn is_retryable(e: &sqlx::Error) -> bool {
    let Some(db) = e.as_database_error() else { return false };
    let code = db.code().unwrap_or_default();
    matches!(code.as_ref(), "5" | "6" | "261" | "262" | "517" | "40001" | "40P01")
        || db.message().contains("database is locked")
}

/// Ids written into a statement's `IN (…)`: integers, so inlining them is safe; `NULL` (which matches
/// nothing) for none. Such statements vary, so run them with `.persistent(false)`.
pub fn id_list(ids: &[i64]) -> String {
    if ids.is_empty() { "NULL".into() } else { ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",") }
}

/// Milliseconds since the Unix epoch: how every table stores time.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// The file an `sqlite://…` URL names (none for an in-memory database).
pub fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let path = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| std::path::PathBuf::from(path))
}

fn prepare_sqlite_file(url: &str) -> anyhow::Result<()> {
    let Some(path) = sqlite_file(url) else { return Ok(()) };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create the folder {}", dir.display()))?;
    }
    Ok(())
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let userinfo = &url[s + 3..at];
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{}{}@{}", &url[..s + 3], user, &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

/// Runs `work` (a whole transaction) again while the database says it was busy, with growing pauses;
/// gives up with [`AppError::Busy`] (503, retry later) after a few seconds, never with a 500.
pub async fn retrying<T, F, Fut>(mut work: F) -> crate::error::AppResult<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = crate::error::AppResult<T>>,
{
    let mut pause = Duration::from_millis(4);
    for _ in 0..10 {
        match work().await {
            Err(crate::error::AppError::Busy) => {
                let jitter = Duration::from_micros(u64::from(now_ms().unsigned_abs() as u32 % 4000));
                tokio::time::sleep(pause + jitter).await;
                pause = (pause * 2).min(Duration::from_millis(500));
            }
            done => return done,
        }
    }
    work().await
}

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_passwords() {
        assert_eq!(super::redact("postgres://u:secret@h/db"), "postgres://u@h/db");
        assert_eq!(super::redact("sqlite://./data/x.db"), "sqlite://./data/x.db");
    }
}
