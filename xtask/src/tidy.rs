//! `cargo xtask tidy`: keeps the repository honest — migrations in parity for both databases,
//! no unfinished-code macros outside tests, no transaction begun outside the database's one door, no
//! SQL in the backend outside a feature's queries,
//! the vendored licence present, every Rust file saying what it is for in a `//!` first line and
//! staying under the size limit.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::util;

const MAX_LINES: usize = 400;
/// Built with `concat!` so this file does not trip its own check.
const FORBIDDEN: [&str; 2] = [concat!("todo", "!("), concat!("unimplemented", "!(")];
/// Ways to start a transaction on the pool itself; only the database module may (`Db::begin_write` is the door).
const RAW_BEGIN: [&str; 2] = [concat!(".begin", "()"), concat!(".begin", "_with(")];
/// The one folder that may start transactions itself.
const DB_DOOR: &str = "backend/src/db/";
/// Ways to run SQL; in the backend only a feature's `queries.rs` (or `queries/` folder) and the database
/// module may.
const SQL: [&str; 2] = [concat!("sqlx::", "query"), concat!("sqlx::", "raw_sql")];
/// Where the backend's features live.
const BACKEND: &str = "backend/src/";

pub fn tidy() -> Result<()> {
    let root = util::root();
    let mut problems = Vec::new();
    migrations_in_parity(&root, &mut problems)?;
    licence_present(&root, &mut problems);
    let files = repo_files(&root)?;
    let rust: Vec<&PathBuf> = files.iter().filter(|f| f.extension().is_some_and(|e| e == "rs")).collect();
    for rel in &rust {
        let text = std::fs::read_to_string(root.join(rel)).with_context(|| format!("reading {}", rel.display()))?;
        check_rust_file(rel, &text, &mut problems);
    }
    if problems.is_empty() {
        println!("tidy: {} files checked ({} Rust), all clean", files.len(), rust.len());
        return Ok(());
    }
    println!("tidy found {} problem(s):", problems.len());
    for p in &problems {
        println!("  - {p}");
    }
    bail!("tidy found {} problem(s)", problems.len())
}

/// Files git tracks or would track (untracked but not ignored), that exist on disk.
fn repo_files(root: &Path) -> Result<Vec<PathBuf>> {
    let out = Command::new("git")
        .args(["ls-files", "--cached", "--others", "--exclude-standard", "-z"])
        .current_dir(root)
        .output()
        .context("running `git ls-files`")?;
    if !out.status.success() {
        bail!("`git ls-files` failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let names: BTreeSet<PathBuf> = out
        .stdout
        .split(|b| *b == 0)
        .filter(|n| !n.is_empty())
        .map(|n| PathBuf::from(String::from_utf8_lossy(n).into_owned()))
        .filter(|p| root.join(p).is_file())
        .collect();
    Ok(names.into_iter().collect())
}

fn migrations_in_parity(root: &Path, problems: &mut Vec<String>) -> Result<()> {
    let dir = root.join("backend/migrations");
    let list = |db: &str| -> Result<BTreeSet<String>> {
        let path = dir.join(db);
        let entries = std::fs::read_dir(&path).with_context(|| format!("reading {}", path.display()))?;
        Ok(entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
    };
    let (sqlite, postgres) = (list("sqlite")?, list("postgres")?);
    for name in sqlite.difference(&postgres) {
        problems.push(format!("backend/migrations/sqlite/{name} has no twin in backend/migrations/postgres"));
    }
    for name in postgres.difference(&sqlite) {
        problems.push(format!("backend/migrations/postgres/{name} has no twin in backend/migrations/sqlite"));
    }
    Ok(())
}

fn licence_present(root: &Path, problems: &mut Vec<String>) {
    match std::fs::read_to_string(root.join("vendor/wilayah/LICENSE")) {
        Ok(text) if text.contains("MIT") => {}
        Ok(_) => problems.push("vendor/wilayah/LICENSE does not name the MIT licence".into()),
        Err(_) => problems.push("vendor/wilayah/LICENSE (the region data's licence) is missing".into()),
    }
}

/// The per-file rules: a `//!` first line, at most [`MAX_LINES`] lines, no transaction begun outside
/// [`DB_DOOR`], and no unfinished-code macros outside tests (test folders, `tests.rs`, and everything
/// after a `#[cfg(test)]` line).
fn check_rust_file(rel: &Path, text: &str, problems: &mut Vec<String>) {
    let name = rel.display();
    raw_transactions(rel, text, problems);
    sql_outside_queries(rel, text, problems);
    if !text.starts_with("//!") {
        problems.push(format!("{name}: must start with a `//!` line saying what it is for"));
    }
    let lines = text.lines().count();
    if lines > MAX_LINES {
        problems.push(format!("{name}: {lines} lines (at most {MAX_LINES}): split it"));
    }
    let in_tests =
        rel.components().any(|c| c.as_os_str() == "tests") || rel.file_name().is_some_and(|f| f == "tests.rs");
    if in_tests {
        return;
    }
    for (i, line) in text.lines().enumerate() {
        if line.trim() == "#[cfg(test)]" {
            break;
        }
        if let Some(found) = FORBIDDEN.iter().find(|f| line.contains(*f)) {
            problems.push(format!("{name}:{}: `{found}` outside tests", i + 1));
        }
    }
}

/// Reports every transaction begun on the pool outside [`DB_DOOR`]: on SQLite such a transaction is
/// deferred, so one that reads and then writes fails with "busy" under contention instead of waiting its turn.
fn raw_transactions(rel: &Path, text: &str, problems: &mut Vec<String>) {
    if rel.starts_with(DB_DOOR) {
        return;
    }
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        if let Some(found) = RAW_BEGIN.iter().find(|f| line.contains(*f)) {
            problems.push(format!(
                "{}:{}: `{found}` starts a transaction outside {DB_DOOR}: use `Db::begin_write()`, which waits \
                 its turn and takes SQLite's write lock at once",
                rel.display(),
                i + 1
            ));
        }
    }
}

/// Reports SQL in the backend outside a feature's queries (and the database module): handlers only
/// extract, call and answer, so a feature's SQL is in one place.
fn sql_outside_queries(rel: &Path, text: &str, problems: &mut Vec<String>) {
    let queries = rel.components().any(|c| c.as_os_str() == "queries" || c.as_os_str() == "queries.rs");
    if !rel.starts_with(BACKEND) || rel.starts_with(DB_DOOR) || queries {
        return;
    }
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        if let Some(found) = SQL.iter().find(|f| line.contains(*f)) {
            problems.push(format!(
                "{}:{}: `{found}` outside a feature's queries: move the statement into its `queries.rs`",
                rel.display(),
                i + 1
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check_rust_file;
    use std::path::Path;

    fn problems(path: &str, text: &str) -> Vec<String> {
        let mut found = Vec::new();
        check_rust_file(Path::new(path), text, &mut found);
        found
    }

    #[test]
    fn clean_file_passes() {
        assert!(problems("src/a.rs", "//! A.\nfn a() {}\n").is_empty());
    }

    #[test]
    fn missing_doc_line_and_unfinished_code_are_reported() {
        let text = concat!("fn a() {\n    todo", "!()\n}\n");
        assert_eq!(problems("src/a.rs", text).len(), 2);
    }

    #[test]
    fn unfinished_code_in_tests_is_allowed() {
        let after_cfg = concat!("//! A.\n#[cfg(test)]\nmod t { fn x() { todo", "!() } }\n");
        assert!(problems("src/a.rs", after_cfg).is_empty());
        let in_folder = concat!("//! T.\nfn x() { unimplemented", "!() }\n");
        assert!(problems("tests/tests/a.rs", in_folder).is_empty());
    }

    #[test]
    fn raw_transactions_are_reported_outside_the_db_folder() {
        let text = concat!("//! A.\nasync fn a() {\n    let tx = db.pool.begin", "().await?;\n}\n");
        let found = problems("backend/src/shops/handlers.rs", text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("backend/src/shops/handlers.rs:3: "), "{found:?}");
        let custom = concat!("//! A.\nlet tx = pool.begin", "_with(\"BEGIN\").await?;\n");
        assert_eq!(problems("xtask/catalog-data/src/main.rs", custom).len(), 1);
        assert!(problems("backend/src/db/mod.rs", text).is_empty(), "the door itself may");
        let door = concat!("//! A.\nlet tx = db.begin_write().await?;\n// not pool.begin", "() but the door\n");
        assert!(problems("backend/src/shops/handlers.rs", door).is_empty());
    }

    #[test]
    fn sql_is_reported_outside_the_queries_of_a_feature() {
        let text = concat!("//! A.\nasync fn a() {\n    sqlx::", "query(\"SELECT 1\").execute(db).await?;\n}\n");
        let found = problems("backend/src/shops/handlers.rs", text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("backend/src/shops/handlers.rs:3: "), "{found:?}");
        assert!(problems("backend/src/shops/queries.rs", text).is_empty());
        assert!(problems("backend/src/orders/queries/place.rs", text).is_empty());
        assert!(problems("backend/src/db/mod.rs", text).is_empty(), "the database module may");
        assert!(problems("tests/tests/integration/a.rs", text).is_empty(), "only the backend is held to it");
    }

    #[test]
    fn long_files_are_reported() {
        let text = format!("//! Long.\n{}", "\n".repeat(450));
        assert_eq!(problems("src/a.rs", &text).len(), 1);
    }
}
