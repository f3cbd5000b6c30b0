//! The frontend's build (`cargo xtask dist`) in the background from the contract stage on: schemathesis
//! keeps about one core busy, the WASM build and wasm-opt take the other; the dist stage waits for it.

use std::process::Command;
use std::sync::Mutex;

use anyhow::{Result, anyhow};

use super::Outcome;
use crate::util::{self, Background};

/// The running build.
static DIST: Mutex<Option<Background>> = Mutex::new(None);

fn running() -> Result<std::sync::MutexGuard<'static, Option<Background>>> {
    DIST.lock().map_err(|_| anyhow!("the background build's lock is poisoned"))
}

/// Starts `cargo xtask dist` (this program, again) with its output in `target/xtask/test-dist.log`.
pub fn start() -> Result<()> {
    let mut dist = Command::new(std::env::current_exe()?);
    dist.arg("dist").current_dir(util::root());
    *running()? = Some(Background::start(dist, "test-dist")?);
    Ok(())
}

/// Waits for the background build (or builds now when none was started) and prints its output.
pub fn finish() -> Result<Outcome> {
    let started = running()?.take();
    match started {
        Some(dist) => print!("{}", dist.wait()?),
        None => drop(crate::dist::dist()?),
    }
    Ok(Outcome::Passed)
}

/// Stops the background build (a stage failed, so nothing will wait for it).
pub fn stop() {
    if let Ok(mut started) = DIST.lock()
        && let Some(dist) = started.take()
    {
        dist.stop();
    }
}
