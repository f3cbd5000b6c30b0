//! Shared helpers: workspace paths, running commands, timing stages, hashing and sizes.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};

/// The workspace root (the folder holding the top-level `Cargo.toml`).
#[allow(clippy::expect_used, reason = "this crate's own folder, an absolute path, is one level below the root")]
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// The cargo that started us (`CARGO`), or the one on `PATH`, without the variables `cargo run` set for
/// xtask itself (`CARGO_MANIFEST_DIR`, `CARGO_PKG_NAME`, …): build scripts that watch them (ring's) would
/// see them change between a plain `cargo build` and one from xtask, and everything above them would be
/// built again each time (≈ 9 minutes for the release backend).
pub fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(root());
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        let set_by_cargo_run = name.starts_with("CARGO_PKG_")
            || [
                "CARGO_MANIFEST_DIR",
                "CARGO_MANIFEST_PATH",
                "CARGO_CRATE_NAME",
                "CARGO_BIN_NAME",
                "CARGO_PRIMARY_PACKAGE",
            ]
            .contains(&name.as_ref());
        if set_by_cargo_run {
            cmd.env_remove(name.as_ref());
        }
    }
    cmd
}

/// The workspace's target directory, as cargo itself resolves it (`CARGO_TARGET_DIR`,
/// `build.target-dir` or `<root>/target`).
pub fn target_dir() -> Result<PathBuf> {
    let out = cargo()
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .output()
        .context("running `cargo metadata`")?;
    if !out.status.success() {
        bail!("`cargo metadata` failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).context("parsing `cargo metadata` output")?;
    let dir = meta["target_directory"].as_str().context("`cargo metadata` printed no target_directory")?;
    Ok(PathBuf::from(dir))
}

/// A command running in the background beside the next steps, its output kept in a log.
pub struct Background {
    child: Child,
    log: PathBuf,
    line: String,
}

impl Background {
    /// Starts `cmd` with its output in `target/xtask/{name}.log`.
    pub fn start(mut cmd: Command, name: &str) -> Result<Background> {
        let dir = target_dir()?.join("xtask");
        std::fs::create_dir_all(&dir)?;
        let log = dir.join(format!("{name}.log"));
        let file = File::create(&log).with_context(|| format!("creating {}", log.display()))?;
        cmd.stdout(file.try_clone()?).stderr(file);
        let line = describe(&cmd);
        println!("\n==> {line} (in the background, log in {})", log.display());
        let child = cmd.spawn().with_context(|| format!("could not start `{line}`"))?;
        Ok(Background { child, log, line })
    }

    /// Waits for it to end; its output, or an error after printing that output when it failed.
    pub fn wait(mut self) -> Result<String> {
        let status = self.child.wait().with_context(|| format!("waiting for `{}`", self.line))?;
        let output = std::fs::read_to_string(&self.log).unwrap_or_default();
        if !status.success() {
            eprintln!("{output}");
            bail!("`{}` failed ({status}), its output above and in {}", self.line, self.log.display());
        }
        Ok(output)
    }

    /// Stops it: nothing will wait for it.
    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs a command to completion, failing with its command line when it exits non-zero.
pub fn run(cmd: &mut Command) -> Result<()> {
    let line = describe(cmd);
    let status = cmd.status().with_context(|| format!("could not start `{line}`"))?;
    if !status.success() {
        bail!("`{line}` failed ({status})");
    }
    Ok(())
}

/// Runs `cmd` like [`run`], but kills it (and fails) when it has not ended within `limit`: a hung step
/// fails the run with its output so far instead of holding it up until CI's own limit.
pub fn run_within(cmd: &mut Command, limit: std::time::Duration) -> Result<()> {
    let line = describe(cmd);
    let mut child = cmd.spawn().with_context(|| format!("could not start `{line}`"))?;
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            bail!("`{line}` did not end within {} s and was stopped", limit.as_secs());
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    if !status.success() {
        bail!("`{line}` failed ({status})");
    }
    Ok(())
}

/// The command line of `cmd`, for messages.
pub fn describe(cmd: &Command) -> String {
    let mut parts = vec![cmd.get_program().to_string_lossy().into_owned()];
    parts.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}

/// Whether `program` can be found on `PATH`.
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Whether we run as root (so `apt-get install` works).
pub fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Whether we run under CI (`CI=true`), where missing services are failures, never skips.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Installs Debian packages with apt-get (root only).
pub fn apt_install(packages: &[&str]) -> Result<()> {
    run(Command::new("apt-get").arg("update").arg("-q"))?;
    run(Command::new("apt-get").args(["install", "-y", "-q"]).args(packages).env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Runs `f` as a named stage, printing its name before and its duration after.
pub fn stage<T>(name: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    println!("\n==> {name}");
    let start = Instant::now();
    let result = f();
    let took = secs(start.elapsed());
    match &result {
        Ok(_) => println!("<== {name}: ok in {took}"),
        Err(_) => println!("<== {name}: FAILED after {took}"),
    }
    result
}

/// A duration as seconds with one decimal: `12.3 s`.
pub fn secs(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

/// A byte count for people: `812 B`, `97.4 KB`, `1.2 MB` (KB = 1024 bytes).
pub fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

/// The lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// A fresh, empty folder under the system temp dir, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(prefix: &str) -> Result<Self> {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        let dir = std::env::temp_dir().join(format!("{prefix}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        Ok(Self(dir))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
