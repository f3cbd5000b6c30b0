//! The schema's migrations for each engine, embedded at build time (`build.rs`) and read as sqlx's
//! `migrate!` reads a folder: same versions, descriptions and checksums.

use std::borrow::Cow;

use futures_util::future::BoxFuture;
use sqlx::{
    error::BoxDynError,
    migrate::{Migration, MigrationSource, MigrationType, Migrator},
};

use super::Engine;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/migrations.rs"));
}

/// The migration files of one engine: (file name, SQL), in order.
#[derive(Debug)]
struct Embedded(&'static [(&'static str, &'static str)]);

impl Embedded {
    fn of(engine: Engine) -> Embedded {
        Embedded(match engine {
            Engine::Sqlite => embedded::SQLITE,
            Engine::Postgres => embedded::POSTGRES,
        })
    }
}

impl<'s> MigrationSource<'s> for Embedded {
    fn resolve(self) -> BoxFuture<'s, Result<Vec<Migration>, BoxDynError>> {
        Box::pin(async move { self.0.iter().map(|&(name, sql)| migration(name, sql)).collect() })
    }
}

/// The file `0007_orders.sql` as sqlx reads it: version 7, description "orders".
fn migration(name: &str, sql: &'static str) -> Result<Migration, BoxDynError> {
    let (version, rest) = name.split_once('_').ok_or_else(|| format!("{name}: expected 0001_name.sql"))?;
    let kind = MigrationType::from_filename(rest);
    let description = rest.trim_end_matches(kind.suffix()).replace('_', " ");
    let version = version.parse().map_err(|_| format!("{name}: the version is not a number"))?;
    Ok(Migration::new(version, Cow::Owned(description), kind, Cow::Borrowed(sql), sql.starts_with("-- no-transaction")))
}

/// The migrator of `engine`.
pub async fn migrator(engine: Engine) -> Result<Migrator, sqlx::migrate::MigrateError> {
    Migrator::new(Embedded::of(engine)).await
}

/// A fingerprint of the schema (both engines' migrations), for caches of prepared databases.
pub fn fingerprint() -> String {
    let text =
        embedded::SQLITE.iter().chain(embedded::POSTGRES).flat_map(|(name, sql)| name.bytes().chain(sql.bytes()));
    format!("{:016x}", crate::hash::fnv1a(text))
}
