//! `lapak`: starts the Lapak Desa server (configuration from the environment; see the README).

use std::process::ExitCode;

use backend::{config::Config, telemetry};

#[tokio::main]
async fn main() -> ExitCode {
    telemetry::init();
    match std::env::args().nth(1).as_deref() {
        None | Some("serve") => {}
        Some("-h" | "--help" | "help") => {
            println!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Some(other) => {
            eprintln!("lapak: perintah tidak dikenal: {other}\n\n{HELP}");
            return ExitCode::from(2);
        }
    }
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("lapak: konfigurasi tidak sah: {e}");
            return ExitCode::from(2);
        }
    };
    match serve(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lapak: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let addr = config.addr;
    let public_url = config.public_url.clone();
    let state = backend::prepare(config).await?;
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| anyhow::anyhow!("LAPAK_ADDR {addr}: {e}"))?;
    let local = listener.local_addr()?;
    println!("Lapak Desa siap di http://{local} (alamat publik: {public_url})");
    backend::serve(listener, state, shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = terminate => {} }
    tracing::info!("shutting down: finishing requests in flight");
}

const HELP: &str = "lapak — server Lapak Desa

PENGGUNAAN:
    lapak [serve]     menjalankan server (bawaan)

VARIABEL LINGKUNGAN:
    DATABASE_URL                 sqlite://./data/lapak.db (bawaan) atau postgres://…
    LAPAK_ADDR                   alamat dengar, bawaan 127.0.0.1:8080
    LAPAK_PUBLIC_URL             alamat publik untuk tautan mutlak (Open Graph, sitemap)
    LAPAK_DATA_DIR               folder data (SQLite, media), bawaan ./data
    LAPAK_DIST                   folder frontend hasil build, bawaan ./dist
    LAPAK_DEMO_DATA              true/false: isi data contoh ke basis data kosong (bawaan true)
    LAPAK_DB_MAX_CONNECTIONS     ukuran pool, bawaan 16
    LAPAK_REQUEST_TIMEOUT_SECS   batas waktu permintaan, bawaan 30
    LAPAK_BODY_LIMIT_BYTES       batas ukuran body, bawaan 1048576
    LAPAK_SQLITE_BUSY_TIMEOUT_MS busy_timeout SQLite, bawaan 5000
    RUST_LOG                     tingkat log, mis. info atau debug";
