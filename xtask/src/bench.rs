//! `cargo xtask bench`: release build, the server on the demo data, and the numbers the issue sets
//! targets for — throughput and p99 latency (wrk) with the page cache and without it (the render cost),
//! idle and peak memory, time to ready on an existing database, and each public page's first load.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result, bail};

use crate::server::{self, Server};
use crate::util::{self, TempDir, stage};

const TARGET_RPS: f64 = 5000.0;
const TARGET_P99_MS: f64 = 20.0;
const TARGET_IDLE_RSS_KB: u64 = 30 * 1024;
const TARGET_READY_MS: f64 = 1000.0;
const TARGET_FIRST_LOAD: u64 = 150 * 1024;
/// The public pages whose first load is measured (`/produk/` stands for the catalog's first product).
const PUBLIC_PAGES: [&str; 11] = [
    "/",
    "/desa/darmaji",
    "/produk/",
    "/toko/lapak-bumdes-senggigi-bahari",
    "/produk",
    "/produk?q=keripik",
    "/desa",
    "/desa/darmaji/berita",
    "/lembaga/bumdes-darma-tani",
    "/peta",
    "/konsultasi",
];
/// Measured with the page cache; the rendered pages also without it (their render cost).
const PAGES: [&str; 2] = ["/desa/darmaji", "/produk/"];
const API: &str = "/api/v1/villages/darmaji";

/// One wrk run's figures.
pub struct Load {
    pub rps: f64,
    pub p99_ms: f64,
    pub errors: u64,
}

const TARGET_FLOOD_RSS_KB: u64 = 150 * 1024;
const TARGET_SEARCH_RPS: f64 = 500.0;
const TARGET_SEARCH_P99_MS: f64 = 50.0;

pub fn bench() -> Result<()> {
    let lapak = crate::server::dist_and_release("bench")?;
    stage("bench: wrk", ensure_wrk)?;
    let seconds: u64 = match std::env::var("LAPAK_BENCH_DURATION") {
        Ok(v) => v.parse().context("LAPAK_BENCH_DURATION must be a whole number of seconds")?,
        Err(_) => 20,
    };
    let dist = crate::dist::dist_dir();
    // LAPAK_BENCH_ONLY=demo (the demo's pages, API, memory and sign-ins), =catalog (the catalog at
    // scale), =orders (checkouts) or =dashboards measures that part alone.
    let only = std::env::var("LAPAK_BENCH_ONLY").unwrap_or_default();
    if !["", "demo", "catalog", "orders", "dashboards"].contains(&only.as_str()) {
        bail!("LAPAK_BENCH_ONLY must be `demo`, `catalog`, `orders` or `dashboards`, not `{only}`");
    }
    let part = |name: &str| only.is_empty() || only == name;
    let mut rows = if part("demo") { demo_rows(&lapak, &dist, seconds)? } else { Vec::new() };
    let catalog = if part("catalog") { crate::bench_catalog::measure(&lapak, &dist, seconds)? } else { Vec::new() };
    for f in catalog {
        let e = f.engine;
        rows.push(row(&format!("{e}: 100k catalog generated"), format!("{:.0} s", f.generate_s), "-", true));
        println!("{e}: {}", f.summary);
        let search = format!("{:.0}{}", f.search.rps, non_2xx(f.search.errors));
        let ok = f.search.rps >= TARGET_SEARCH_RPS && f.search.errors == 0;
        rows.push(row(&format!("{e}: search + 1 filter req/s"), search, ">= 500", ok));
        let p99 = format!("{:.2} ms", f.search.p99_ms);
        rows.push(row(&format!("{e}: search + 1 filter p99"), p99, "< 50 ms", f.search.p99_ms < TARGET_SEARCH_P99_MS));
        let u = &f.search_uncached;
        let uncached = format!("{:.0} req/s, p99 {:.2} ms{}", u.rps, u.p99_ms, non_2xx(u.errors));
        rows.push(row(&format!("{e}: same search, no page cache"), uncached, "-", u.errors == 0));
        let browse = format!("{:.0} req/s, p99 {:.2} ms{}", f.browse.rps, f.browse.p99_ms, non_2xx(f.browse.errors));
        rows.push(row(&format!("{e}: browse by kabupaten"), browse, "-", f.browse.errors == 0));
        let product = format!("{:.0}{}", f.product.rps, non_2xx(f.product.errors));
        let ok = f.product.rps >= TARGET_RPS && f.product.errors == 0;
        rows.push(row(&format!("{e}: product page HTML req/s"), product, ">= 5000", ok));
        rows.push(row(&format!("{e}: product page HTML p99"), format!("{:.2} ms", f.product.p99_ms), "-", true));
        let size = f.summary.split("database size ").nth(1).unwrap_or("?").to_owned();
        rows.push(row(&format!("{e}: database size"), size, "-", true));
    }
    if part("orders") {
        rows.extend(crate::bench_orders::rows(&lapak, &dist, seconds)?);
    }
    if part("dashboards") {
        let (measured, generated) = crate::bench_dashboards::measure(&lapak, &dist, seconds)?;
        for (engine, s) in generated {
            rows.push(row(&format!("{engine}: 100k catalog + 200k orders"), format!("{s:.0} s"), "-", true));
        }
        for m in measured {
            let (path, year) = m.path.split_once('?').map_or((m.path.as_str(), ""), |(p, _)| (p, ", a year"));
            let kept = if m.kept { "kept" } else { "fresh" };
            let name = format!("{}: {}{year}, {kept}", m.engine, path.trim_start_matches("/api/v1/"));
            let figure = format!("p99 {:.1} ms, {:.0}/s{}", m.load.p99_ms, m.load.rps, non_2xx(m.load.errors));
            let ok = m.load.p99_ms < crate::bench_dashboards::TARGET_P99_MS && m.load.errors == 0;
            rows.push(row(&name, figure, "p99 < 200 ms", ok));
        }
    }

    println!("\n{:<48} {:>20} {:>12}  result", "measure", "measured", "target");
    println!("{}", "-".repeat(80));
    for (name, measured, target, ok) in &rows {
        let verdict = if target == "-" {
            ""
        } else if *ok {
            "ok"
        } else {
            "MISSED"
        };
        println!("{name:<48} {measured:>20} {target:>12}  {verdict}");
    }
    let targets: Vec<_> = rows.iter().filter(|r| r.2 != "-").collect();
    let met = targets.iter().filter(|r| r.3).count();
    println!("\nbench: {met} of {} targets met", targets.len());
    Ok(())
}

/// The demo data's figures: start-up, the village page, memory, sign-ins, uploads, first load.
fn demo_rows(lapak: &Path, dist: &Path, seconds: u64) -> Result<Vec<Row>> {
    let data = TempDir::new("lapak-bench")?;

    let first = stage("bench: first start (regions + demo data)", || {
        let mut server = Server::spawn(lapak, data.path(), dist)?;
        let took = server.wait_ready(Duration::from_secs(180))?;
        server.stop()?;
        Ok(took)
    })?;
    let mut server = Server::spawn_with(lapak, data.path(), dist, &crate::bench_sign_in::ENV)?;
    let ready = stage("bench: start on the existing database", || server.wait_ready(Duration::from_secs(60)))?;
    std::thread::sleep(Duration::from_millis(500));
    let idle_kb = proc_status_kb(server.pid(), "VmRSS")?;
    let added = stage("bench: a richer village page (through the API)", || crate::bench_content::enrich(&server))?;
    println!("added to Darmaji: {added}");
    let product = crate::bench_content::first_product_path(&server)?;
    let pages: Vec<String> =
        PAGES.iter().map(|p| if *p == "/produk/" { product.clone() } else { p.to_string() }).collect();
    let paths: Vec<String> = pages.iter().cloned().chain([API.to_owned()]).collect();
    let first_loads = stage("bench: first loads of the public pages", || {
        let mut measured = Vec::new();
        for path in PUBLIC_PAGES.iter().map(|p| if *p == "/produk/" { product.as_str() } else { p }) {
            let (bytes, parts) = crate::first_load::of_page(server.port, dist, path)?;
            println!("{path}: {} = {parts}", util::size(bytes));
            measured.push((path.to_owned(), bytes));
        }
        Ok(measured)
    })?;
    let loads = wrk_each(&server, &paths, seconds, "")?;
    let peak_kb = proc_status_kb(server.pid(), "VmHWM")?;
    let flood = crate::bench_sign_in::measure(&server, data.path(), seconds)?;
    let pictures = stage("bench: 12-megapixel photo uploads", || crate::bench_images::measure(&server))?;
    server.stop()?;
    // The same pages rendered on every request: what a page costs the first time after a change.
    let mut server = Server::spawn_with(lapak, data.path(), dist, &[("LAPAK_PAGE_CACHE_MS", "0")])?;
    stage("bench: start without the page cache", || server.wait_ready(Duration::from_secs(60)))?;
    let uncached = wrk_each(&server, &pages, seconds, " (no page cache)")?;
    server.stop()?;

    let mut rows: Vec<Row> = vec![(
        "first start (regions + demo)".into(),
        format!("{:.0} ms", first.as_secs_f64() * 1000.0),
        "-".into(),
        true,
    )];
    let ready_ms = ready.as_secs_f64() * 1000.0;
    rows.push(row("ready on existing database", format!("{ready_ms:.0} ms"), "< 1000 ms", ready_ms < TARGET_READY_MS));
    for (path, load) in paths.iter().zip(&loads) {
        let errors = non_2xx(load.errors);
        rows.push(row(
            &format!("{path} req/s"),
            format!("{:.0}{errors}", load.rps),
            ">= 5000",
            load.rps >= TARGET_RPS && load.errors == 0,
        ));
        rows.push(row(
            &format!("{path} p99"),
            format!("{:.2} ms", load.p99_ms),
            "< 20 ms",
            load.p99_ms < TARGET_P99_MS,
        ));
    }
    for (path, load) in pages.iter().zip(&uncached) {
        let measured = format!("{:.0} req/s, p99 {:.2} ms{}", load.rps, load.p99_ms, non_2xx(load.errors));
        rows.push(row(&format!("{path} rendered every time"), measured, "-", load.errors == 0));
    }
    rows.push(row("idle RSS", util::size(idle_kb * 1024), "<= 30 MB", idle_kb <= TARGET_IDLE_RSS_KB));
    rows.push(row("peak RSS (after load)", util::size(peak_kb * 1024), "-", true));
    let sign_ins = format!("{:.1}{}", flood.sign_in.rps, non_2xx(flood.sign_in.errors));
    rows.push(row("sign-ins/s (Argon2id, 8 connections)", sign_ins, "-", flood.sign_in.errors == 0));
    rows.push(row(
        "peak RSS during the sign-in flood",
        util::size(flood.peak_rss_kb * 1024),
        "<= 150 MB",
        flood.peak_rss_kb <= TARGET_FLOOD_RSS_KB,
    ));
    let alone = format!("{:.2} ms", flood.page_alone.p99_ms);
    rows.push(row("/desa/darmaji p99, 10 conns, alone", alone, "< 20 ms", flood.page_alone.p99_ms < TARGET_P99_MS));
    let during = format!("{:.2} ms{}", flood.page_during.p99_ms, non_2xx(flood.page_during.errors));
    let ok = flood.page_during.p99_ms < TARGET_P99_MS && flood.page_during.errors == 0;
    rows.push(row("/desa/darmaji p99, during the flood", during, "< 20 ms", ok));
    rows.push(row(
        &format!("12 MP JPEG ({}) upload + process", util::size(pictures.source_bytes as u64)),
        format!("{:.0} ms (max {:.0})", pictures.mean_ms, pictures.max_ms),
        "-",
        true,
    ));
    rows.push(row("peak RSS while processing", util::size(pictures.peak_rss_kb * 1024), "-", true));
    for (page, bytes) in first_loads {
        let what = format!("first load of {page}");
        rows.push(row(&what, util::size(bytes), "<= 150 KB", bytes <= TARGET_FIRST_LOAD));
    }

    Ok(rows)
}

/// wrk on each of `paths` (each must answer 200) for `seconds`, 50 connections.
fn wrk_each(server: &Server, paths: &[String], seconds: u64, note: &str) -> Result<Vec<Load>> {
    let mut loads = Vec::new();
    for path in paths {
        let status = server::get_status(server.port, path)?;
        if status != 200 {
            bail!("GET {path} answered {status}, not 200: nothing sensible to measure");
        }
        let url = format!("{}{path}", server.base_url);
        loads.push(stage(&format!("bench: wrk {path}{note} ({seconds} s)"), || wrk(&url, seconds, 50, None))?);
    }
    Ok(loads)
}

pub fn non_2xx(errors: u64) -> String {
    if errors > 0 { format!(" ({errors} non-2xx)") } else { String::new() }
}

/// A line of the report: what, measured, target ("-" for none), met.
pub type Row = (String, String, String, bool);

pub fn row(name: &str, measured: String, target: &str, ok: bool) -> Row {
    (name.to_string(), measured, target.to_string(), ok)
}

fn ensure_wrk() -> Result<()> {
    if util::on_path("wrk") {
        println!("wrk is installed");
        return Ok(());
    }
    if !util::is_root() {
        bail!("wrk is missing: run `sudo apt-get install wrk`");
    }
    util::apt_install(&["wrk"])
}

/// `wrk -t2 -c<connections> -d<seconds>s --latency --timeout 10s [-s script] <url>`, parsed. The timeout is
/// raised from wrk's 2 s so that slow answers count in the latency instead of dropping out as socket errors.
pub fn wrk(url: &str, seconds: u64, connections: u32, script: Option<&Path>) -> Result<Load> {
    let mut command = Command::new("wrk");
    command.args(["-t2", &format!("-c{connections}"), &format!("-d{seconds}s"), "--latency", "--timeout", "10s"]);
    if let Some(script) = script {
        command.arg("-s").arg(script);
    }
    let out = command.arg(url).output().context("running wrk")?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    print!("{text}");
    if !out.status.success() {
        bail!("wrk failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    parse_wrk(&text)
}

fn parse_wrk(text: &str) -> Result<Load> {
    let field = |prefix: &str| text.lines().map(str::trim).find_map(|l| l.strip_prefix(prefix).map(str::trim));
    let rps = field("Requests/sec:").and_then(|v| v.parse().ok()).context("no Requests/sec in wrk's output")?;
    let p99_ms = field("99%").and_then(duration_ms).context("no 99% latency in wrk's output")?;
    let errors = field("Non-2xx or 3xx responses:").and_then(|v| v.parse().ok()).unwrap_or(0);
    Ok(Load { rps, p99_ms, errors })
}

/// wrk's `812.00us`, `4.56ms`, `1.20s` as milliseconds.
fn duration_ms(v: &str) -> Option<f64> {
    let (num, factor) = if let Some(n) = v.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = v.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = v.strip_suffix('s') {
        (n, 1000.0)
    } else {
        return None;
    };
    num.parse::<f64>().ok().map(|n| n * factor)
}

/// A `kB` field of `/proc/<pid>/status`, e.g. `VmRSS` or `VmHWM`.
pub fn proc_status_kb(pid: u32, key: &str) -> Result<u64> {
    let path = Path::new("/proc").join(pid.to_string()).join("status");
    let status = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .with_context(|| format!("no {key} in {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::{duration_ms, parse_wrk};

    #[test]
    fn reads_wrk_output() {
        let text = "  Latency Distribution\n     50%    1.00ms\n     99%  812.00us\n  \
                    Non-2xx or 3xx responses: 3\nRequests/sec:   6172.80\n";
        let load = parse_wrk(text).unwrap();
        assert!((load.rps - 6172.8).abs() < 1e-6);
        assert!((load.p99_ms - 0.812).abs() < 1e-9);
        assert_eq!(load.errors, 3);
        assert_eq!(duration_ms("1.20s"), Some(1200.0));
    }
}
