//! Building the release `lapak`, starting the real server on a free port over a given data folder, waiting
//! for it to be ready, and stopping it gracefully (or killing it): used by run, the browser tests, the
//! durability stage, the benchmark and Lighthouse.

use std::fs::File;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::util::{self, Background, stage};

/// Builds `dist/` and the release backend (what `cargo xtask run` serves) side by side: the backend's
/// `cargo build --release` runs in the background (log in `target/xtask/{command}-backend.log`) while
/// dist's build, wasm-opt and compression take turns with it on the cores. The path of the `lapak` built.
pub fn dist_and_release(command: &str) -> Result<PathBuf> {
    let mut cargo = util::cargo();
    // Without the client-only apps the server never renders (see backend/Cargo.toml).
    cargo.args(["build", "--release", "-p", "backend", "--no-default-features"]);
    let started = Instant::now();
    let backend = Background::start(cargo, &format!("{command}-backend"))?;
    if let Err(e) = crate::dist::dist() {
        backend.stop();
        return Err(e);
    }
    stage(&format!("{command}: waiting for the release backend"), || backend.wait())?;
    println!("{command}: the release backend was built in {}", util::secs(started.elapsed()));
    Ok(util::target_dir()?.join("release/lapak"))
}

/// A running `lapak` process; stopped with SIGTERM when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    pub base_url: String,
    log: PathBuf,
    started: Instant,
}

impl Server {
    /// Spawns `binary` serving `dist` over an SQLite database in `data_dir`, logging to
    /// `data_dir/server.log`. Does not wait: see [`Server::wait_ready`].
    pub fn spawn(binary: &Path, data_dir: &Path, dist: &Path) -> Result<Self> {
        Self::spawn_with(binary, data_dir, dist, &[])
    }

    /// [`Server::spawn`] with extra environment variables (configuration for one run).
    pub fn spawn_with(binary: &Path, data_dir: &Path, dist: &Path, env: &[(&str, &str)]) -> Result<Self> {
        if !binary.is_file() {
            bail!("{} is missing: build the backend first", binary.display());
        }
        let port = free_port()?;
        let base_url = format!("http://127.0.0.1:{port}");
        let log = data_dir.join("server.log");
        let out = File::create(&log).with_context(|| format!("creating {}", log.display()))?;
        let started = Instant::now();
        let child = Command::new(binary)
            .current_dir(data_dir)
            .env("DATABASE_URL", format!("sqlite://{}", data_dir.join("lapak.db").display()))
            .env("LAPAK_DATA_DIR", data_dir)
            .env("LAPAK_DIST", dist)
            .env("LAPAK_ADDR", format!("127.0.0.1:{port}"))
            .env("LAPAK_PUBLIC_URL", &base_url)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(out.try_clone()?)
            .stderr(out)
            .spawn()
            .with_context(|| format!("starting {}", binary.display()))?;
        Ok(Self { child, port, base_url, log, started })
    }

    /// Waits until `GET /api/v1/ready` answers 200; returns the time since spawn.
    pub fn wait_ready(&mut self, timeout: Duration) -> Result<Duration> {
        loop {
            if let Some(status) = self.child.try_wait()? {
                bail!("the server exited early ({status}); its log:\n{}", self.log_tail());
            }
            if get_status(self.port, "/api/v1/ready").ok() == Some(200) {
                return Ok(self.started.elapsed());
            }
            if self.started.elapsed() > timeout {
                bail!("the server was not ready within {} s; its log:\n{}", timeout.as_secs(), self.log_tail());
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The last lines the server printed.
    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(40)..].join("\n")
    }

    /// Kills the process with SIGKILL, as a power cut or the OOM killer would: nothing in flight finishes.
    pub fn kill(mut self) -> Result<()> {
        self.child.kill()?;
        self.child.wait()?;
        Ok(())
    }

    /// Sends SIGTERM and waits up to 10 s for a graceful exit, then kills.
    pub fn stop(mut self) -> Result<()> {
        self.terminate()
    }

    fn terminate(&mut self) -> Result<()> {
        if self.child.try_wait()?.is_some() {
            return Ok(());
        }
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.child.try_wait()?.is_some() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.child.kill()?;
        self.child.wait()?;
        bail!("the server ignored SIGTERM for 10 s and was killed")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.terminate();
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on right now.
pub fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// The status code of `GET path` on 127.0.0.1:`port`.
pub fn get_status(port: u16, path: &str) -> Result<u16> {
    let timeout = Duration::from_secs(2);
    let mut stream = TcpStream::connect_timeout(&([127, 0, 0, 1], port).into(), timeout)?;
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n")?;
    let mut head = [0u8; 12];
    stream.read_exact(&mut head)?;
    let line = String::from_utf8_lossy(&head);
    line.get(9..12).and_then(|code| code.parse().ok()).with_context(|| format!("not an HTTP response: {line:?}"))
}
