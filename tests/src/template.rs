//! Fresh databases for tests, copied from a template prepared once (migrations, 91,599 regions, demo data).

use std::path::{Path, PathBuf};

use backend::config::Config;
use sqlx::Connection;
use tokio::sync::OnceCell;

/// The database engines every integration test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// One test's database, removed when the test ends.
pub struct Database {
    pub url: String,
    pub data_dir: PathBuf,
    engine: Engine,
    name: String,
    _dir: tempfile::TempDir,
}

static SQLITE_TEMPLATE: OnceCell<PathBuf> = OnceCell::const_new();
static POSTGRES_TEMPLATE: OnceCell<Option<(String, PathBuf)>> = OnceCell::const_new();

impl Database {
    /// A new database with the template's contents; `None` when PostgreSQL is unreachable outside CI.
    pub async fn fresh(engine: Engine) -> Option<Database> {
        let dir = tempfile::tempdir().expect("temporary folder");
        let data_dir = dir.path().to_path_buf();
        match engine {
            Engine::Sqlite => {
                let template = SQLITE_TEMPLATE.get_or_init(|| async { build_sqlite_template().await }).await;
                std::fs::copy(template.join("lapak.db"), data_dir.join("lapak.db")).expect("copy template");
                link_media(template, &data_dir);
                let url = format!("sqlite://{}/lapak.db", data_dir.display());
                Some(Database { url, data_dir, engine, name: String::new(), _dir: dir })
            }
            Engine::Postgres => {
                let (template, media) =
                    POSTGRES_TEMPLATE.get_or_init(|| async { build_postgres_template().await }).await.as_ref()?;
                let name = format!("lapak_test_{}", uuid_like());
                let mut admin = admin_connection().await.expect("PostgreSQL was reachable a moment ago");
                sqlx::raw_sql(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
                    .execute(&mut admin)
                    .await
                    .expect("copy template");
                link_media(media, &data_dir);
                let url = database_url(&name);
                Some(Database { url, data_dir, engine, name, _dir: dir })
            }
        }
    }

    /// Drops a PostgreSQL test database (the SQLite file goes with its temporary folder).
    pub fn remove(&mut self) {
        if self.engine != Engine::Postgres {
            return;
        }
        let name = std::mem::take(&mut self.name);
        // Drop runs inside the test's runtime: use a thread with its own.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            rt.block_on(async {
                if let Ok(mut admin) = admin_connection().await {
                    let _ = sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&mut admin)
                        .await;
                }
            });
        })
        .join();
    }
}

/// The template's fingerprint: a changed schema or demo file prepares a new one.
fn fingerprint() -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    backend::db::migrations::fingerprint().hash(&mut h);
    backend::demo::source().hash(&mut h);
    format!("{:012x}", h.finish() >> 16)
}

fn templates_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("lapak-test-templates")
}

/// Prepares the SQLite template in a folder of its own, then moves it into place in one rename, so
/// test processes running side by side never see half a template.
async fn build_sqlite_template() -> PathBuf {
    let done = templates_dir().join(format!("sqlite-{}", fingerprint()));
    if done.join("lapak.db").exists() {
        return done;
    }
    std::fs::create_dir_all(templates_dir()).expect("templates folder");
    let work = templates_dir().join(format!("building-sqlite-{}", uuid_like()));
    let mut config = base_config(&work);
    config.database_url = format!("sqlite://{}/lapak.db", work.display());
    let state = backend::prepare(config).await.expect("SQLite template prepares");
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)").execute(&state.db.pool).await.expect("checkpoint");
    state.db.pool.close().await;
    if std::fs::rename(&work, &done).is_err() {
        let _ = std::fs::remove_dir_all(&work);
    }
    done
}

/// Prepares the PostgreSQL template. The database outlives any checkout, so its pictures live beside it in
/// a machine-wide folder named after it (never in one checkout's `target/`): a database and its pictures
/// are always built together, and a database whose pictures are gone is built again.
async fn build_postgres_template() -> Option<(String, PathBuf)> {
    let mut admin = match admin_connection().await {
        Ok(admin) => admin,
        Err(e) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("PostgreSQL is required under CI=true but unreachable at {}: {e}", admin_url())
        }
        Err(e) => {
            eprintln!("SKIPPED on PostgreSQL: unreachable at {} ({e}); set LAPAK_TEST_POSTGRES", admin_url());
            return None;
        }
    };
    let name = format!("lapak_tpl_{}", fingerprint());
    let shared = std::env::temp_dir().join("lapak-test-templates");
    let media = shared.join(&name);
    // Test processes running at once take turns: one builds, the others find the finished template.
    sqlx::query("SELECT pg_advisory_lock(7270)").execute(&mut admin).await.expect("template lock");
    let template = find_or_build_postgres_template(&mut admin, &name, &shared, &media).await;
    sqlx::query("SELECT pg_advisory_unlock(7270)").execute(&mut admin).await.expect("template unlock");
    template
}

async fn find_or_build_postgres_template(
    admin: &mut sqlx::PgConnection,
    name: &str,
    shared: &Path,
    media: &Path,
) -> Option<(String, PathBuf)> {
    let (name, media) = (name.to_owned(), media.to_path_buf());
    let exists: Option<i32> = sqlx::query_scalar("SELECT 1 FROM pg_database WHERE datname = $1")
        .bind(&name)
        .fetch_optional(&mut *admin)
        .await
        .expect("list databases");
    if exists.is_some() {
        if media.join("media").exists() {
            return Some((name, media));
        }
        sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .execute(&mut *admin)
            .await
            .expect("drop a template whose pictures are gone");
    }
    let building = format!("lapak_building_{}", uuid_like());
    sqlx::raw_sql(&format!("CREATE DATABASE {building}")).execute(&mut *admin).await.expect("create template database");
    let work = shared.join(format!("building-{}", uuid_like()));
    let mut config = base_config(&work);
    config.database_url = database_url(&building);
    let state = backend::prepare(config).await.expect("PostgreSQL template prepares");
    state.db.pool.close().await;
    let _ = std::fs::remove_dir_all(&media);
    std::fs::rename(&work, &media).expect("move the template's pictures into place");
    // The server may still be ending the closed pool's sessions for a moment, and a session left behind
    // by a task of the prepared state would hold the rename off for good: nobody else uses this database,
    // so end its sessions before each try.
    let mut attempts = 0;
    loop {
        let _ = sqlx::query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        )
        .bind(&building)
        .execute(&mut *admin)
        .await;
        let Err(e) = sqlx::raw_sql(&format!("ALTER DATABASE {building} RENAME TO {name}")).execute(&mut *admin).await
        else {
            break;
        };
        attempts += 1;
        assert!(attempts < 100, "name the finished template: {e}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Some((name, media))
}

fn base_config(data_dir: &Path) -> Config {
    let mut config = Config::from_lookup(|_| None).expect("default configuration");
    config.data_dir = data_dir.to_path_buf();
    config.dist_dir = data_dir.join("no-frontend");
    config
}

/// Tests share the template's generated pictures (each of its folders linked), while what a test
/// uploads lands in the test's own media folder.
fn link_media(template: &Path, data_dir: &Path) {
    let media = data_dir.join("media");
    std::fs::create_dir_all(&media).expect("media folder");
    for entry in std::fs::read_dir(template.join("media")).expect("the template's media") {
        let entry = entry.expect("a media entry");
        std::os::unix::fs::symlink(entry.path(), media.join(entry.file_name())).expect("link media");
    }
}

fn admin_url() -> String {
    std::env::var("LAPAK_TEST_POSTGRES").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn database_url(name: &str) -> String {
    let admin = admin_url();
    let base = admin.rsplit_once('/').map_or(admin.as_str(), |(base, _)| base);
    format!("{base}/{name}")
}

async fn admin_connection() -> sqlx::Result<sqlx::PgConnection> {
    sqlx::PgConnection::connect(&admin_url()).await
}

fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().subsec_nanos();
    format!("{}_{}_{}", std::process::id(), nanos, COUNTER.fetch_add(1, Ordering::Relaxed))
}
