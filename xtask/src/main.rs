//! Lapak Desa's project commands (`cargo xtask <command>`): dist, run, test, contract, durability, e2e, tidy,
//! bench, lighthouse.

mod assets;
mod backup_round_trip;
mod bench;
mod bench_catalog;
mod bench_content;
mod bench_dashboards;
mod bench_images;
mod bench_orders;
mod bench_sign_in;
mod compress;
mod contract;
mod crash;
mod dist;
mod durability;
mod e2e;
mod first_load;
mod lighthouse;
mod lighthouse_report;
mod order_checks;
mod order_load;
mod run;
mod server;
mod service_worker;
mod shop_owners;
mod sql;
mod test;
mod tidy;
mod two_servers;
mod util;

use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  dist    build the frontend into dist/ (wasm, wasm-opt, hashed names, .br/.gz)
  run     dist + release backend, then serve (LAPAK_ADDR, DATABASE_URL, … pass through)
  test    everything CI checks: fmt, clippy, unit, integration (SQLite + PostgreSQL),
          durability (crashes, two servers), API contract (schemathesis), dist, browser tests, tidy
  contract  only the API contract stage: schemathesis over a throwaway demo server
  e2e [FILE…]  dist, then only the browser tests (tests/e2e/, headless chromium), or only the
          named files (e.g. tests/e2e/offline.test.mjs)
  durability  only the durability stage: SIGKILLs under load, two servers on one PostgreSQL
  tidy    repository rules: migrations parity, no unfinished code, no raw transactions, licence, file headers
  bench   release build, then throughput, latency, memory, ready time and first-load size
  lighthouse  release build, then Lighthouse (mobile) on the public pages of the demo data: median of
          LAPAK_LIGHTHOUSE_RUNS runs (3) per page against the targets; a measurement, never fails on them";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(command) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::FAILURE;
    };
    if args.len() > 1 && command != "e2e" {
        eprintln!("`{command}` takes no arguments\n\n{USAGE}");
        return ExitCode::FAILURE;
    }
    let start = Instant::now();
    let result = match command.as_str() {
        "dist" => dist::dist().map(drop),
        "run" => run::run(),
        "test" => test::test(),
        "contract" => contract::api_contract().map(drop),
        "e2e" => dist::dist().and_then(|_| e2e::browser_test_files(&args[1..])).map(drop),
        "durability" => durability::durability().map(drop),
        "tidy" => tidy::tidy(),
        "bench" => bench::bench(),
        "lighthouse" => lighthouse::lighthouse(),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        other => {
            eprintln!("unknown command `{other}`\n\n{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    match result {
        Ok(()) => {
            println!("\nxtask {command}: done in {}", util::secs(start.elapsed()));
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("\nxtask {command}: FAILED after {}: {err:#}", util::secs(start.elapsed()));
            ExitCode::FAILURE
        }
    }
}
