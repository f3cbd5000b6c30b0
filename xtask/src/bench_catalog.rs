//! `cargo xtask bench`, the catalog at scale: 100,000 generated products across 1,000 shops in 200
//! villages (xtask/catalog-data), on SQLite and on PostgreSQL; a search with one filter (the first page
//! of 24) and a product page's HTML under wrk at 50 connections; each database's size.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::bench::{Load, wrk};
use crate::bench_images::request;
use crate::server::Server;
use crate::util::{self, TempDir, stage};

/// A misspelt word and one filter: what a shopper on a village page's category would type.
pub const SEARCH: &str = "/api/v1/catalog?q=kripik&kategori=olahan";
/// A search over every product without words, newest first, one filter.
pub const BROWSE: &str = "/api/v1/catalog?kabupaten=52.01";
const POSTGRES_ADMIN: &str = "postgres://postgres@127.0.0.1:5432/postgres";
const POSTGRES_DB: &str = "lapak_bench_catalog";

/// What one database gave.
pub struct Figures {
    pub engine: &'static str,
    pub generate_s: f64,
    /// The generator's own summary (counts and database size).
    pub summary: String,
    pub search: Load,
    /// The same search with the page cache off (`LAPAK_PAGE_CACHE_MS=0`): every request does the work.
    pub search_uncached: Load,
    pub browse: Load,
    pub product: Load,
}

/// Builds the generator, then measures SQLite and (when reachable) PostgreSQL.
pub fn measure(lapak: &Path, dist: &Path, seconds: u64) -> Result<Vec<Figures>> {
    stage("bench: cargo build --release -p catalog-data", || {
        util::run(util::cargo().args(["build", "--release", "-p", "catalog-data"]))
    })?;
    let generator = util::target_dir()?.join("release/catalog-data");
    let mut out = Vec::new();
    let data = TempDir::new("lapak-bench-catalog")?;
    let sqlite = format!("sqlite://{}", data.path().join("lapak.db").display());
    out.push(one("SQLite", &generator, lapak, dist, data.path(), &sqlite, seconds)?);
    if postgres(&format!("DROP DATABASE IF EXISTS {POSTGRES_DB}")).is_ok() {
        postgres(&format!("CREATE DATABASE {POSTGRES_DB}"))?;
        let pg_data = TempDir::new("lapak-bench-catalog-pg")?;
        let url = format!("postgres://postgres@127.0.0.1:5432/{POSTGRES_DB}");
        out.push(one("PostgreSQL", &generator, lapak, dist, pg_data.path(), &url, seconds)?);
        postgres(&format!("DROP DATABASE IF EXISTS {POSTGRES_DB}"))?;
    } else {
        println!("bench: PostgreSQL is not reachable at 127.0.0.1:5432; the catalog is measured on SQLite only");
    }
    Ok(out)
}

pub fn postgres(sql: &str) -> Result<()> {
    let status = Command::new("psql").args([POSTGRES_ADMIN, "-q", "-c", sql]).status().context("running psql")?;
    if !status.success() {
        bail!("psql failed: {sql}");
    }
    Ok(())
}

fn one(
    engine: &'static str,
    generator: &Path,
    lapak: &Path,
    dist: &Path,
    data: &Path,
    url: &str,
    seconds: u64,
) -> Result<Figures> {
    let started = Instant::now();
    let summary = stage(&format!("bench: generate the catalog on {engine}"), || {
        let out = Command::new(generator)
            .env("DATABASE_URL", url)
            .env("LAPAK_DATA_DIR", data)
            .output()
            .context("running catalog-data")?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        print!("{text}");
        if !out.status.success() {
            bail!("catalog-data failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        Ok(text.lines().last().unwrap_or_default().trim_start_matches("catalog-data: ").to_owned())
    })?;
    let generate_s = started.elapsed().as_secs_f64();
    let env = [("DATABASE_URL", url), ("LAPAK_DEMO_DATA", "false")];
    let mut server = Server::spawn_with(lapak, data, dist, &env)?;
    server.wait_ready(Duration::from_secs(120))?;
    let (status, body) = request(server.port, "GET /api/v1/catalog?per=1 HTTP/1.1\r\n", b"")?;
    let json: serde_json::Value = serde_json::from_str(body.split("\r\n\r\n").nth(1).unwrap_or_default())
        .with_context(|| format!("the catalog answered {status}"))?;
    let product = &json["items"][0];
    let page = format!("/produk/{}-{}", product["id"], product["slug"].as_str().context("a product")?);
    let mut loads = Vec::new();
    for path in [SEARCH, BROWSE, page.as_str()] {
        let (status, _) = request(server.port, &format!("GET {path} HTTP/1.1\r\n"), b"")?;
        if status != 200 {
            bail!("GET {path} answered {status} on {engine}");
        }
        let url = format!("{}{path}", server.base_url);
        loads.push(stage(&format!("bench: {engine} wrk {path} ({seconds} s)"), || wrk(&url, seconds, 50, None))?);
    }
    server.stop()?;
    let uncached = [("DATABASE_URL", url), ("LAPAK_DEMO_DATA", "false"), ("LAPAK_PAGE_CACHE_MS", "0")];
    let mut server = Server::spawn_with(lapak, data, dist, &uncached)?;
    server.wait_ready(Duration::from_secs(120))?;
    let search_url = format!("{}{SEARCH}", server.base_url);
    let search_uncached = stage(&format!("bench: {engine} wrk {SEARCH}, no page cache ({seconds} s)"), || {
        wrk(&search_url, seconds, 50, None)
    })?;
    server.stop()?;
    let product = loads.pop().context("three loads")?;
    let browse = loads.pop().context("three loads")?;
    let search = loads.pop().context("three loads")?;
    Ok(Figures { engine, generate_s, summary, search, search_uncached, browse, product })
}
