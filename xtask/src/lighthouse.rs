//! `cargo xtask lighthouse`: a measurement, not a test — the release server over the demo data, and
//! Lighthouse 12 (mobile preset: simulated slow 4G, mid-tier phone) in Debian's chromium on each public
//! page, several runs each, reporting each page's median run against the targets of issue 17.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::e2e::{CHROMIUM, OFFLINE_TILES};
use crate::lighthouse_report::{self as report, Run};
use crate::server::Server;
use crate::util::{self, TempDir, stage};

const DEFAULT_RUNS: usize = 3;
const CATEGORIES: &str = "--only-categories=performance,accessibility,best-practices,seo";
/// The flags that keep Debian's chromium quiet on a machine without internet (see e2e); Lighthouse adds
/// its own (a fresh profile among them).
const CHROME_FLAGS: &str = "--headless=new --disable-gpu --disable-quic --no-first-run \
                            --disable-background-networking --disable-component-update --disable-sync";

/// A public page to measure: a short name for its report files, and its path.
pub struct Page {
    pub name: &'static str,
    pub path: String,
}

pub fn lighthouse() -> Result<()> {
    let runs = runs_per_page()?;
    let lapak = crate::server::dist_and_release("lighthouse")?;
    if let Some(why) = stage("lighthouse: chromium", crate::e2e::ensure_chromium)? {
        bail!("Lighthouse cannot run: {why}");
    }
    let dir = util::root().join("xtask/lighthouse");
    let cli = dir.join("node_modules/.bin/lighthouse");
    stage("lighthouse: npm packages (lighthouse)", || crate::dist::ensure_npm_packages(&dir, &cli))?;
    let out = util::target_dir()?.join("lighthouse");
    if out.exists() {
        std::fs::remove_dir_all(&out).with_context(|| format!("emptying {}", out.display()))?;
    }
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;

    let data = TempDir::new("lapak-lighthouse")?;
    // Map tiles from a closed loopback port, as in the browser tests: the measurement never reaches the
    // internet, and a refused tile fails at once instead of waiting on a name that cannot resolve.
    let tiles = [("LAPAK_MAP_TILES", OFFLINE_TILES)];
    let mut server = Server::spawn_with(&lapak, data.path(), &crate::dist::dist_dir(), &tiles)?;
    stage("lighthouse: server ready (regions + demo data)", || server.wait_ready(Duration::from_secs(300)))?;
    let pages = stage("lighthouse: demo addresses from the public API", || demo_pages(server.port))?;
    let mut measured = Vec::new();
    for page in &pages {
        let url = format!("{}{}", server.base_url, page.path);
        let mut page_runs = Vec::new();
        for n in 1..=runs {
            let file = out.join(format!("{}-{n}", page.name));
            let run = stage(&format!("lighthouse: {} run {n} of {runs}", page.path), || run_once(&cli, &url, &file));
            if run.is_err() {
                println!("\nthe server's last log lines:\n{}", server.log_tail());
            }
            page_runs.push(run?);
        }
        measured.push((page.path.clone(), report::median(page_runs)));
    }
    server.stop()?;
    report::print(&measured, runs, &out);
    if let Some(note) = busy_machine() {
        println!("\nNOTE: {note}");
    }
    Ok(())
}

/// A warning when the machine had more runnable work than cores over the last 5 minutes: Lighthouse
/// simulates a mid-tier phone by multiplying the main-thread time it observes, so a busy host inflates TBT
/// (and the performance score) run by run; the host benchmark index under each page shows it too.
fn busy_machine() -> Option<String> {
    let loadavg = std::fs::read_to_string("/proc/loadavg").ok()?;
    let five_minutes: f64 = loadavg.split_whitespace().nth(1)?.parse().ok()?;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    (five_minutes > cores as f64).then(|| {
        format!(
            "the machine was busy while Lighthouse ran (load {five_minutes:.1} over 5 minutes on {cores} cores): \
             TBT and performance read worse than on an idle machine; measure again when it is idle"
        )
    })
}

/// `LAPAK_LIGHTHOUSE_RUNS`, or 3.
fn runs_per_page() -> Result<usize> {
    match std::env::var("LAPAK_LIGHTHOUSE_RUNS") {
        Ok(v) => match v.parse() {
            Ok(n) if n > 0 => Ok(n),
            _ => bail!("LAPAK_LIGHTHOUSE_RUNS must be a whole number of runs, at least 1, not `{v}`"),
        },
        Err(_) => Ok(DEFAULT_RUNS),
    }
}

/// The public pages, found through the public API as a visitor would: the catalog's first product, its
/// shop and its village, and a word of its name that the search finds.
fn demo_pages(port: u16) -> Result<Vec<Page>> {
    let catalog = get_json(port, "/api/v1/catalog?per=1")?;
    let product = &catalog["items"][0];
    let field = |name: &str| {
        product[name].as_str().map(str::to_owned).with_context(|| format!("the catalog's first product has no {name}"))
    };
    let id = product["id"].as_i64().context("the catalog has no product (no demo data?)")?;
    let (slug, shop, village, name) = (field("slug")?, field("shop_slug")?, field("village_slug")?, field("name")?);
    let word = search_word(port, &name)?;
    let pages = vec![
        Page { name: "portal", path: "/".into() },
        Page { name: "desa", path: format!("/desa/{village}") },
        Page { name: "katalog", path: "/produk".into() },
        Page { name: "cari", path: format!("/produk?q={word}") },
        Page { name: "produk", path: format!("/produk/{id}-{slug}") },
        Page { name: "toko", path: format!("/toko/{shop}") },
    ];
    for page in &pages {
        let status = crate::server::get_status(port, &page.path)?;
        if status != 200 {
            bail!("GET {} answered {status}, not 200: nothing sensible to measure", page.path);
        }
        println!("{:<8} {}", page.name, page.path);
    }
    Ok(pages)
}

/// The longest plain word of `name` (letters and digits only, so it needs no escaping in a URL) for which
/// the catalog's search has results.
fn search_word(port: u16, name: &str) -> Result<String> {
    let mut words: Vec<&str> =
        name.split_whitespace().filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_alphanumeric())).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for word in words {
        let found = get_json(port, &format!("/api/v1/catalog?per=1&q={word}"))?;
        if found["items"].as_array().is_some_and(|items| !items.is_empty()) {
            return Ok(word.to_lowercase());
        }
    }
    bail!("no word of the product name `{name}` finds anything in the catalog")
}

fn get_json(port: u16, path: &str) -> Result<Value> {
    let (status, body) = crate::bench_orders::call(port, "GET", path, None, "")?;
    if status != 200 {
        bail!("GET {path} answered {status}");
    }
    Ok(body)
}

/// One Lighthouse run of `url`, its reports written to `file.report.json` and `file.report.html`.
fn run_once(cli: &Path, url: &str, file: &Path) -> Result<Run> {
    let mut flags = CHROME_FLAGS.to_owned();
    if util::is_root() {
        // Chromium's sandbox refuses to start as root.
        flags.push_str(" --no-sandbox");
    }
    let mut command = Command::new(cli);
    command
        .arg(url)
        .args(["--output=json", "--output=html", CATEGORIES])
        .arg(format!("--output-path={}", file.display()))
        .arg(format!("--chrome-flags={flags}"))
        .env("CHROME_PATH", CHROMIUM);
    let line = util::describe(&command);
    let done = command.output().with_context(|| format!("could not start `{line}`"))?;
    if !done.status.success() {
        let log = String::from_utf8_lossy(&done.stderr);
        let tail: Vec<&str> = log.lines().rev().take(30).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        bail!("`{line}` failed ({}); its last lines:\n{}", done.status, tail.join("\n"));
    }
    let json = PathBuf::from(format!("{}.report.json", file.display()));
    let text = std::fs::read_to_string(&json).with_context(|| format!("reading {}", json.display()))?;
    let lhr: Value = serde_json::from_str(&text).with_context(|| format!("parsing {}", json.display()))?;
    let run = Run::from_report(&lhr, json)?;
    println!("{}", run.summary());
    Ok(run)
}
