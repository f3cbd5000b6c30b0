//! The test harness: the real server on a random port over a fresh database (a copy of a prepared
//! template on SQLite or PostgreSQL), and a macro that runs each test on both engines.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "the test harness: a failure here is a failed test")]

mod session;
mod template;

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
};

use backend::{config::Config, state::AppState};
pub use session::{DEMO_PASSWORD, session_cookie};
pub use template::Engine;
use tokio::sync::oneshot;

/// A running server and a client for it. Dropping it stops the server and removes its database.
pub struct TestApp {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub engine: Engine,
    /// The server's own state: its database pool, configuration and media.
    pub state: AppState,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    database: template::Database,
}

impl TestApp {
    /// Starts a server with the default test configuration; `None` when the engine is not available
    /// here (only PostgreSQL, and never under `CI=true`, where that is a failure).
    pub async fn spawn(engine: Engine) -> Option<TestApp> {
        Self::spawn_with(engine, |_| {}).await
    }

    /// Starts a server after `adjust` has changed its configuration.
    pub async fn spawn_with(engine: Engine, adjust: impl FnOnce(&mut Config)) -> Option<TestApp> {
        let database = template::Database::fresh(engine).await?;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind a port");
        let addr = listener.local_addr().expect("local address");
        let mut config = Config::from_lookup(|_| None).expect("default configuration");
        config.database_url = database.url.clone();
        config.addr = addr;
        config.public_url = format!("http://{addr}");
        config.data_dir = database.data_dir.clone();
        config.dist_dir = fixture_dist();
        config.db_max_connections = 4;
        adjust(&mut config);
        let state = backend::prepare(config).await.expect("server prepares");
        let (tx, rx) = oneshot::channel::<()>();
        let served = state.clone();
        let server = tokio::spawn(async move {
            backend::serve(listener, served, async {
                let _ = rx.await;
            })
            .await
            .expect("server runs");
        });
        let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        Some(TestApp { addr, client, engine, state, shutdown: Some(tx), server: Some(server), database })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("request reaches the server")
    }

    /// GETs `path` and parses a JSON body, asserting the status first.
    pub async fn get_json(&self, path: &str, status: u16) -> serde_json::Value {
        let res = self.get(path).await;
        assert_eq!(res.status().as_u16(), status, "GET {path}");
        res.json().await.expect("JSON body")
    }

    /// Sends `GET path` exactly as written (no normalisation) and returns the status line and headers.
    pub async fn raw_get(&self, path: &str) -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut stream = tokio::net::TcpStream::connect(self.addr).await.expect("connect");
        let request = format!("GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", self.addr);
        stream.write_all(request.as_bytes()).await.expect("send");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).await.expect("receive");
        let text = String::from_utf8_lossy(&response);
        text.split("\r\n\r\n").next().unwrap_or_default().to_owned()
    }

    /// Signals shutdown (as SIGTERM does) and waits until the server has stopped.
    pub async fn shut_down(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(server) = self.server.take() {
            tokio::time::timeout(std::time::Duration::from_secs(10), server)
                .await
                .expect("the server stops within 10 s")
                .expect("the server task ends cleanly");
        }
    }

    pub fn db(&self) -> &backend::db::Db {
        &self.state.db
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        self.database.remove();
    }
}

/// A tiny built frontend (index.html with the head markers, one hashed script with precompressed
/// twins), so tests see how pages and assets are served without building the WASM.
fn fixture_dist() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/dist")
}

/// Runs each named `async fn(TestApp)` as two tests, `NAME::sqlite` and `NAME::postgres`.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                if let Some(app) = $crate::TestApp::spawn($crate::Engine::Sqlite).await {
                    super::$name(app).await;
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(app) = $crate::TestApp::spawn($crate::Engine::Postgres).await {
                    super::$name(app).await;
                }
            }
        }
    )+};
}

/// Runs each named `async fn(Engine)` (a test that starts its own servers, e.g. with another
/// configuration) as two tests, `NAME::sqlite` and `NAME::postgres`.
#[macro_export]
macro_rules! on_both_engines {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::Engine::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name($crate::Engine::Postgres).await;
            }
        }
    )+};
}

/// Asserts that `res` is a problem document with `status`, and returns it.
pub async fn assert_problem(res: reqwest::Response, status: u16) -> shared::Problem {
    assert_eq!(res.status().as_u16(), status, "status of {}", res.url());
    let content_type = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(content_type, "application/problem+json", "content type of {}", res.url());
    let problem: shared::Problem = res.json().await.expect("problem body");
    assert_eq!(problem.status, status);
    assert!(!problem.detail.is_empty(), "a problem explains itself");
    problem
}

/// A small PNG picture, `width` × `height`, for uploads.
pub fn sample_png(width: u32, height: u32) -> Vec<u8> {
    let img =
        image::RgbImage::from_fn(width, height, |x, y| image::Rgb([(x * 5 % 256) as u8, (y * 7 % 256) as u8, 90]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).expect("encode a PNG");
    out.into_inner()
}

/// A response header as text ("" when absent).
pub fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}
