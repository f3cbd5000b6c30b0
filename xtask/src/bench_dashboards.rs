//! `cargo xtask bench`, the dashboards at scale: the 100,000-product catalog plus 200,000 generated orders
//! (xtask/catalog-data), every dashboard endpoint under wrk at 8 connections as a district admin of the
//! province, over the default 30 days and (for the heaviest tables) a whole year; SQLite and PostgreSQL.
//! Twice: with the server keeping each table until the next change (what repeated views cost), and with
//! nothing kept (what the first view after a change costs).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::bench::{Load, wrk};
use crate::bench_catalog::postgres;
use crate::bench_images::request;
use crate::server::Server;
use crate::util::{self, TempDir, stage};

const ORDERS: &str = "200000";
const CONNECTIONS: u32 = 8;
pub const TARGET_P99_MS: f64 = 200.0;
const POSTGRES_DB: &str = "lapak_bench_dashboards";
/// The endpoints measured over the default period (the last 30 days).
const PATHS: [&str; 11] = [
    "/api/v1/dashboard",
    "/api/v1/dashboard/penjualan",
    "/api/v1/dashboard/desa",
    "/api/v1/dashboard/kecamatan",
    "/api/v1/dashboard/sektor",
    "/api/v1/dashboard/lembaga",
    "/api/v1/dashboard/produk",
    "/api/v1/dashboard/pasar",
    "/api/v1/dashboard/toko-baru",
    "/api/v1/dashboard/konsultasi",
    "/api/v1/dashboard/permintaan",
];
/// The heaviest tables again over a whole year.
const YEAR_PATHS: [&str; 5] = [
    "/api/v1/dashboard",
    "/api/v1/dashboard/penjualan",
    "/api/v1/dashboard/desa",
    "/api/v1/dashboard/produk",
    "/api/v1/dashboard/pasar",
];

/// One endpoint's figures on one database.
pub struct Measured {
    pub engine: &'static str,
    pub path: String,
    /// Whether the server kept the tables between requests.
    pub kept: bool,
    pub load: Load,
}

/// How many seconds generating the data took on each database.
pub type Generated = Vec<(&'static str, f64)>;

/// Generates the data on each database and measures every endpoint; also answers how long generating took.
pub fn measure(lapak: &Path, dist: &Path, seconds: u64) -> Result<(Vec<Measured>, Generated)> {
    stage("bench: cargo build --release -p catalog-data", || {
        util::run(util::cargo().args(["build", "--release", "-p", "catalog-data"]))
    })?;
    let generator = util::target_dir()?.join("release/catalog-data");
    let (mut out, mut generated) = (Vec::new(), Vec::new());
    let data = TempDir::new("lapak-bench-dashboards")?;
    let sqlite = format!("sqlite://{}", data.path().join("lapak.db").display());
    one("SQLite", &generator, lapak, dist, data.path(), &sqlite, seconds, &mut out, &mut generated)?;
    if postgres(&format!("DROP DATABASE IF EXISTS {POSTGRES_DB}")).is_ok() {
        postgres(&format!("CREATE DATABASE {POSTGRES_DB}"))?;
        let pg_data = TempDir::new("lapak-bench-dashboards-pg")?;
        let url = format!("postgres://postgres@127.0.0.1:5432/{POSTGRES_DB}");
        one("PostgreSQL", &generator, lapak, dist, pg_data.path(), &url, seconds, &mut out, &mut generated)?;
        postgres(&format!("DROP DATABASE IF EXISTS {POSTGRES_DB}"))?;
    } else {
        println!("bench: PostgreSQL is not reachable at 127.0.0.1:5432; the dashboards are measured on SQLite only");
    }
    Ok((out, generated))
}

#[allow(clippy::too_many_arguments)]
fn one(
    engine: &'static str,
    generator: &Path,
    lapak: &Path,
    dist: &Path,
    data: &Path,
    url: &str,
    seconds: u64,
    out: &mut Vec<Measured>,
    generated: &mut Generated,
) -> Result<()> {
    let started = Instant::now();
    let cookie = stage(&format!("bench: generate the catalog and {ORDERS} orders on {engine}"), || {
        let run = Command::new(generator)
            .args(["100000", "1000", "200", ORDERS])
            .env("DATABASE_URL", url)
            .env("LAPAK_DATA_DIR", data)
            .output()
            .context("running catalog-data")?;
        let text = String::from_utf8_lossy(&run.stdout).into_owned();
        print!("{}", text.lines().filter(|l| !l.contains("session")).collect::<Vec<_>>().join("\n"));
        if !run.status.success() {
            bail!("catalog-data failed: {}", String::from_utf8_lossy(&run.stderr));
        }
        text.lines()
            .find_map(|l| l.strip_prefix("catalog-data: session "))
            .map(str::to_owned)
            .context("catalog-data printed no session")
    })?;
    generated.push((engine, started.elapsed().as_secs_f64()));
    let script = data.join("dashboard.lua");
    std::fs::write(&script, format!("wrk.headers[\"Cookie\"] = \"{cookie}\"\n"))?;
    let today = civil_today();
    let year = format!("dari={}&sampai={today}", year_before(&today));
    let mut paths: Vec<String> = PATHS.iter().map(|p| (*p).to_owned()).collect();
    paths.extend(YEAR_PATHS.iter().map(|p| format!("{p}?{year}")));
    for (kept, cache_ms) in [(false, "0"), (true, "60000")] {
        let env = [("DATABASE_URL", url), ("LAPAK_DEMO_DATA", "false"), ("LAPAK_DASHBOARD_CACHE_MS", cache_ms)];
        let mut server = Server::spawn_with(lapak, data, dist, &env)?;
        server.wait_ready(Duration::from_secs(180))?;
        for path in &paths {
            let head = format!("GET {path} HTTP/1.1\r\nCookie: {cookie}\r\n");
            let (status, _) = request(server.port, &head, b"")?;
            if status != 200 {
                bail!("GET {path} answered {status} on {engine}");
            }
            let target = format!("{}{path}", server.base_url);
            let what = if kept { "kept" } else { "fresh" };
            let load =
                stage(&format!("bench: {engine} wrk {path}, {what} ({seconds} s, {CONNECTIONS} connections)"), || {
                    wrk(&target, seconds, CONNECTIONS, Some(&script))
                })?;
            out.push(Measured { engine, path: path.clone(), kept, load });
        }
        server.stop()?;
    }
    Ok(())
}

/// Today's date (UTC is close enough for choosing a year's range).
fn civil_today() -> String {
    let out = Command::new("date").args(["-u", "+%Y-%m-%d"]).output().ok();
    out.map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned()).unwrap_or_else(|| "2026-12-31".into())
}

/// The same day a year earlier (`2026-12-02` → `2025-12-02`); a leap day becomes 1 March.
fn year_before(date: &str) -> String {
    let year: i32 = date[..4].parse().unwrap_or(2026);
    let rest = if &date[5..] == "02-29" { "03-01" } else { &date[5..] };
    format!("{}-{rest}", year - 1)
}
