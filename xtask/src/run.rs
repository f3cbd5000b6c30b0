//! `cargo xtask run`: builds the frontend and the release backend, then becomes the server
//! (`exec`), so Ctrl-C and SIGTERM reach it directly and its exit code is ours.

use std::os::unix::process::CommandExt;
use std::process::Command;

use anyhow::{Context, Result};

use crate::util;

pub fn run() -> Result<()> {
    let lapak = crate::server::dist_and_release("run")?;
    println!("\n==> run: {} (Ctrl-C stops it)\n", lapak.display());
    // Only returns when exec failed; the environment (LAPAK_ADDR, DATABASE_URL, …) passes through.
    let err = Command::new(&lapak).current_dir(util::root()).exec();
    Err(err).with_context(|| format!("starting {}", lapak.display()))
}
