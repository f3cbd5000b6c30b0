//! The frontend's build (`cargo xtask dist`) in the background from the contract stage on: schemathesis
//! keeps about one core busy, the WASM build and wasm-opt take the other; the dist stage waits for it.

use std::fs::File;
use std::path::PathBuf;
use std::process::{Child, Command};
use std::sync::Mutex;

use anyhow::{Context, Result, bail};

use super::Outcome;
use crate::util;

/// The running build and its log.
static DIST: Mutex<Option<(Child, PathBuf)>> = Mutex::new(None);

/// Starts `cargo xtask dist` (this program, again) with its output in `target/xtask/test-dist.log`.
pub fn start() -> Result<()> {
    let dir = util::target_dir()?.join("xtask");
    std::fs::create_dir_all(&dir)?;
    let log_path = dir.join("test-dist.log");
    let log = File::create(&log_path).with_context(|| format!("creating {}", log_path.display()))?;
    let child = Command::new(std::env::current_exe()?)
        .arg("dist")
        .current_dir(util::root())
        .stdout(log.try_clone()?)
        .stderr(log)
        .spawn()
        .context("starting cargo xtask dist in the background")?;
    println!("frontend build (dist) started in the background, log in {}", log_path.display());
    *DIST.lock().map_err(|_| anyhow::anyhow!("the background build's lock is poisoned"))? = Some((child, log_path));
    Ok(())
}

/// Waits for the background build (or builds now when none was started) and prints its output.
pub fn finish() -> Result<Outcome> {
    let started = DIST.lock().map_err(|_| anyhow::anyhow!("the background build's lock is poisoned"))?.take();
    let Some((mut child, log_path)) = started else {
        return crate::dist::dist().map(|_| Outcome::Passed);
    };
    let status = child.wait().context("waiting for cargo xtask dist")?;
    print!("{}", std::fs::read_to_string(&log_path).unwrap_or_default());
    if !status.success() {
        bail!("cargo xtask dist failed ({status}), its output above and in {}", log_path.display());
    }
    Ok(Outcome::Passed)
}

/// Stops the background build (a stage failed, so nothing will wait for it).
pub fn stop() {
    if let Ok(mut started) = DIST.lock()
        && let Some((mut child, _)) = started.take()
    {
        let _ = child.kill();
        let _ = child.wait();
    }
}
