//! The browser-test stage of `cargo xtask test`: builds the backend, makes sure Debian's chromium
//! and playwright-core are there, starts `lapak` over a fresh SQLite database and runs
//! `node --test` on `tests/e2e/` against it.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use anyhow::{Result, bail};

use crate::server::Server;
use crate::test::Outcome;
use crate::util::{self, TempDir, stage};

pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Map tiles from a loopback port nothing listens on (above the ports the system hands out; Chromium
/// refuses low ones such as 9 outright): the browser tests never reach the internet, and the village map
/// must work without its tiles (its test checks that).
pub const OFFLINE_TILES: &str = "http://127.0.0.1:65535/{z}/{x}/{y}.png";

pub fn browser_tests() -> Result<Outcome> {
    browser_test_files(&[])
}

/// The browser tests of `files` (paths from the repository's root), or all of them when none is named.
pub fn browser_test_files(files: &[String]) -> Result<Outcome> {
    let root = util::root();
    if let Some(missing) = files.iter().find(|f| !root.join(f).is_file()) {
        bail!("{missing}: no such test file (name it from the repository's root, e.g. tests/e2e/offline.test.mjs)");
    }
    stage("browser: cargo build -p backend", || util::run(util::cargo().args(["build", "-p", "backend"])))?;
    if let Some(why) = stage("browser: chromium", ensure_chromium)? {
        return Ok(Outcome::Skipped(why));
    }
    let e2e = root.join("tests/e2e");
    stage("browser: npm packages (playwright-core)", || {
        crate::dist::ensure_npm_packages(&e2e, &e2e.join("node_modules/playwright-core/package.json"))
    })?;
    let lapak = util::target_dir()?.join("debug/lapak");
    let data = TempDir::new("lapak-e2e")?;
    let tiles = [("LAPAK_MAP_TILES", OFFLINE_TILES)];
    let mut server = Server::spawn_with(&lapak, data.path(), &crate::dist::dist_dir(), &tiles)?;
    // Generous: a fresh database loads 91,599 regions and the demo with its pictures (about a minute in
    // a debug build on a slow machine); the log tail printed on a timeout says which step it was in.
    stage("browser: server ready", || server.wait_ready(Duration::from_secs(300)))?;
    println!("server at {}, data in {}", server.base_url, data.path().display());
    let result = stage("browser: node --test", || node_tests(&root, &server.base_url, files));
    if result.is_err() {
        println!("\nthe server's last log lines:\n{}", server.log_tail());
    }
    server.stop()?;
    result.map(|()| Outcome::Passed)
}

fn node_tests(root: &Path, base_url: &str, files: &[String]) -> Result<()> {
    if !util::on_path("node") {
        bail!("node is missing: install Node.js 20 (Debian: apt-get install nodejs npm)");
    }
    let all = ["tests/e2e/".to_owned()];
    // Each test has its own limit (tests/e2e/helpers.mjs); a file's process exits once its tests end even
    // if its browser will not close; and the whole run has a limit far above its usual 5 minutes.
    util::run_within(
        Command::new("node")
            .args(["--test", "--test-concurrency=1", "--test-force-exit"])
            .args(if files.is_empty() { &all[..] } else { files })
            .current_dir(root)
            .env("BASE_URL", base_url),
        BROWSER_TESTS_LIMIT,
    )
}

/// The longest the browser tests may run in all (they take about 5 minutes on two cores).
const BROWSER_TESTS_LIMIT: Duration = Duration::from_secs(25 * 60);

/// Installs chromium with apt-get when root; otherwise says how. `Some(reason)` to skip (never
/// under CI=true, where a missing browser fails).
pub fn ensure_chromium() -> Result<Option<String>> {
    if Path::new(CHROMIUM).is_file() {
        println!("{CHROMIUM} is installed");
        return Ok(None);
    }
    if util::is_root() {
        util::apt_install(&["chromium"])?;
        if Path::new(CHROMIUM).is_file() {
            return Ok(None);
        }
        bail!("apt-get installed chromium but {CHROMIUM} is still missing");
    }
    let why = format!("{CHROMIUM} is missing: run `sudo apt-get install chromium`");
    if util::in_ci() {
        bail!("{why} (CI=true: the browser tests must run)");
    }
    println!("WARNING: {why}; skipping the browser tests");
    Ok(Some(why))
}
