//! `cargo xtask test`: every check CI runs, in order, each timed; stops at the first failure and
//! ends with a summary table.

use std::net::{TcpStream, ToSocketAddrs};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};

use crate::util::{self, stage};

mod beside;

/// What a passing stage did: everything, or nothing for a stated reason.
pub enum Outcome {
    Passed,
    Skipped(String),
}

type Step = (&'static str, fn() -> Result<Outcome>);

const DEFAULT_POSTGRES: &str = "postgres://postgres@127.0.0.1:5432/postgres";

pub fn test() -> Result<()> {
    let steps: [Step; 9] = [
        ("format (cargo fmt --check)", || cargo(&["fmt", "--all", "--check"])),
        ("lints (cargo clippy -D warnings)", || {
            cargo(&["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])
        }),
        ("unit tests", || cargo(&["test", "--workspace", "--exclude", "lapak-tests"])),
        ("integration tests (SQLite + PostgreSQL)", integration),
        ("durability (SIGKILL, backup, two servers)", crate::durability::durability),
        ("API contract (schemathesis)", || {
            beside::start()?;
            crate::contract::api_contract()
        }),
        ("frontend build (dist, begun beside the contract)", beside::finish),
        ("browser tests (chromium)", crate::e2e::browser_tests),
        ("tidy", || crate::tidy::tidy().map(|()| Outcome::Passed)),
    ];
    let total = Instant::now();
    let mut rows: Vec<(&str, String, String)> = Vec::new();
    for (i, (name, step)) in steps.iter().enumerate() {
        let start = Instant::now();
        let result = stage(&format!("test {}/{}: {name}", i + 1, steps.len()), step);
        let took = util::secs(start.elapsed());
        match result {
            Ok(Outcome::Passed) => rows.push((name, "ok".into(), took)),
            Ok(Outcome::Skipped(why)) => rows.push((name, format!("SKIPPED: {why}"), took)),
            Err(err) => {
                beside::stop();
                rows.push((name, "FAILED".into(), took));
                for (later, _) in &steps[i + 1..] {
                    rows.push((later, "not run".into(), String::new()));
                }
                summary(&rows, total.elapsed());
                return Err(err.context(format!("stage `{name}` failed")));
            }
        }
    }
    summary(&rows, total.elapsed());
    Ok(())
}

fn cargo(args: &[&str]) -> Result<Outcome> {
    util::run(util::cargo().args(args))?;
    Ok(Outcome::Passed)
}

fn summary(rows: &[(&str, String, String)], total: Duration) {
    println!("\n{:<44} {:>9}  result", "stage", "time");
    println!("{}", "-".repeat(70));
    for (name, result, took) in rows {
        println!("{name:<44} {took:>9}  {result}");
    }
    println!("{}", "-".repeat(70));
    println!("{:<44} {:>9}", "total", util::secs(total));
}

/// The integration tests run every test on SQLite and on PostgreSQL themselves; first make sure
/// PostgreSQL answers (starting the local cluster when we can), failing under CI when it doesn't.
fn integration() -> Result<Outcome> {
    let url = std::env::var("LAPAK_TEST_POSTGRES").unwrap_or_else(|_| DEFAULT_POSTGRES.into());
    let addr = host_port(&url);
    if !postgres_reachable(&addr) && util::is_root() && start_local_postgres() {
        let deadline = Instant::now() + Duration::from_secs(15);
        while !postgres_reachable(&addr) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(300));
        }
    }
    if postgres_reachable(&addr) {
        println!("PostgreSQL answers at {addr}");
    } else if util::in_ci() {
        bail!(
            "PostgreSQL is not reachable at {addr} (LAPAK_TEST_POSTGRES={url}); under CI=true the \
             PostgreSQL half of the tests must run"
        );
    } else {
        println!(
            "WARNING: PostgreSQL is not reachable at {addr}; the PostgreSQL half of the \
             integration tests cannot run here (set LAPAK_TEST_POSTGRES or start PostgreSQL)"
        );
    }
    cargo(&["test", "-p", "lapak-tests"])
}

/// `host:port` of a `postgres://user@host:port/db` URL (port 5432 when absent).
fn host_port(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host.is_empty() { "127.0.0.1" } else { host };
    if host.rsplit_once(':').is_some_and(|(_, p)| p.parse::<u16>().is_ok()) {
        host.to_string()
    } else {
        format!("{host}:5432")
    }
}

fn postgres_reachable(addr: &str) -> bool {
    addr.to_socket_addrs()
        .is_ok_and(|mut addrs| addrs.any(|a| TcpStream::connect_timeout(&a, Duration::from_secs(2)).is_ok()))
}

/// Starts Debian's local PostgreSQL cluster(s); whether a start was attempted.
fn start_local_postgres() -> bool {
    let Ok(versions) = std::fs::read_dir("/etc/postgresql") else {
        return false;
    };
    let mut tried = false;
    for version in versions.flatten() {
        let version = version.file_name().to_string_lossy().into_owned();
        println!("PostgreSQL is down: starting cluster {version}/main");
        tried |= Command::new("pg_ctlcluster")
            .args(["--skip-systemctl-redirect", &version, "main", "start"])
            .status()
            .is_ok_and(|s| s.success());
    }
    tried
}

#[cfg(test)]
mod tests {
    use super::host_port;

    #[test]
    fn host_port_of_postgres_urls() {
        assert_eq!(host_port("postgres://postgres@127.0.0.1:5432/postgres"), "127.0.0.1:5432");
        assert_eq!(host_port("postgres://u:p@db.local/x"), "db.local:5432");
        assert_eq!(host_port("postgresql://localhost:6543"), "localhost:6543");
    }
}
