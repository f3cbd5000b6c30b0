//! Reading a test's database from outside the server, with the engines' own command-line clients
//! (`sqlite3`, `psql`): what the crash, backup and two-server checks count.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::util;

/// A database to query: an SQLite file or a PostgreSQL URL.
#[derive(Clone, Debug)]
pub enum Database {
    Sqlite(PathBuf),
    Postgres(String),
}

impl Database {
    /// The `DATABASE_URL` a server is given for it.
    pub fn url(&self) -> String {
        match self {
            Database::Sqlite(path) => format!("sqlite://{}", path.display()),
            Database::Postgres(url) => url.clone(),
        }
    }

    pub fn engine(&self) -> &'static str {
        match self {
            Database::Sqlite(_) => "SQLite",
            Database::Postgres(_) => "PostgreSQL",
        }
    }

    /// Every row of `sql`, each as its columns' text.
    pub fn rows(&self, sql: &str) -> Result<Vec<Vec<String>>> {
        let mut command = match self {
            Database::Sqlite(path) => {
                let mut c = Command::new("sqlite3");
                c.args(["-batch", "-noheader", "-separator", "|"]).arg(path).arg(sql);
                c
            }
            Database::Postgres(url) => {
                let mut c = Command::new("psql");
                c.args([url.as_str(), "-X", "-q", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1", "-c", sql]);
                c
            }
        };
        let out = command.output().with_context(|| format!("running {}", util::describe(&command)))?;
        if !out.status.success() {
            bail!("{} failed on `{sql}`: {}", self.engine(), String::from_utf8_lossy(&out.stderr).trim());
        }
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        Ok(text.lines().filter(|l| !l.is_empty()).map(|l| l.split('|').map(str::to_owned).collect()).collect())
    }

    /// The single number `sql` answers.
    pub fn number(&self, sql: &str) -> Result<i64> {
        let rows = self.rows(sql)?;
        let cell = rows.first().and_then(|r| r.first()).with_context(|| format!("`{sql}` answered no row"))?;
        cell.trim().parse().with_context(|| format!("`{sql}` answered {cell:?}, not a number"))
    }
}

/// Runs `sql` on the PostgreSQL server's own `postgres` database (creating and dropping test databases).
pub fn postgres_admin(sql: &str) -> Result<()> {
    Database::Postgres(postgres_url("postgres")).rows(sql).map(drop)
}

/// The URL of database `name` on the local PostgreSQL server (`LAPAK_TEST_POSTGRES` names another).
pub fn postgres_url(name: &str) -> String {
    let admin =
        std::env::var("LAPAK_TEST_POSTGRES").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let base = admin.rsplit_once('/').map_or(admin.as_str(), |(base, _)| base);
    format!("{base}/{name}")
}

/// Makes sure the `sqlite3` command is there (installing Debian's package when we are root).
pub fn ensure_sqlite3() -> Result<()> {
    if util::on_path("sqlite3") {
        return Ok(());
    }
    if !util::is_root() {
        bail!("the sqlite3 command is missing: run `sudo apt-get install sqlite3`");
    }
    util::apt_install(&["sqlite3"])
}
