//! `lapak`: starts the Lapak Desa server (configuration from the environment; see the README).

use std::process::ExitCode;

use backend::{cli, config::Config, demo, telemetry};

#[tokio::main]
async fn main() -> ExitCode {
    telemetry::init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("serve") => {}
        Some("admin") => return admin(&args[1..]).await,
        Some(command @ ("backup" | "restore")) => return backup(command, &args[1..]).await,
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

async fn admin(args: &[String]) -> ExitCode {
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("lapak: konfigurasi tidak sah: {e}");
            return ExitCode::from(2);
        }
    };
    match cli::admin(args, &config).await {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lapak admin: {e:#}\n\n{}", cli::HELP);
            ExitCode::from(2)
        }
    }
}

async fn backup(command: &str, args: &[String]) -> ExitCode {
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("lapak: konfigurasi tidak sah: {e}");
            return ExitCode::from(2);
        }
    };
    match backend::backup::run(command, args, &config).await {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lapak {command}: {e:#}\n(bantuan: lapak {command} --help)");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let addr = config.addr;
    let public_url = config.public_url.clone();
    let demo_data = config.demo_data;
    let state = backend::prepare(config).await?;
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| anyhow::anyhow!("LAPAK_ADDR {addr}: {e}"))?;
    let local = listener.local_addr()?;
    if demo_data {
        println!("{}", demo::accounts::sign_in_help());
    }
    println!("Lapak Desa siap di http://{local} (alamat publik: {public_url})");
    backend::orders::sweeper::spawn(state.clone());
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
    lapak admin …     admin kabupaten pertama dan tautan atur ulang sandi (lapak admin --help)
    lapak backup DIR  salinan basis data SQLite dan media, aman selagi server berjalan
    lapak restore DIR memulihkan salinan itu (server dihentikan dulu; lapak restore --help)

VARIABEL LINGKUNGAN:
    DATABASE_URL                 sqlite://./data/lapak.db (bawaan) atau postgres://…
    LAPAK_ADDR                   alamat dengar, bawaan 127.0.0.1:8080
    LAPAK_PUBLIC_URL             alamat publik untuk tautan mutlak (Open Graph, sitemap)
    LAPAK_DATA_DIR               folder data (SQLite, media), bawaan ./data
    LAPAK_MEDIA_STORE            s3://bucket[/prefix]: media di penyimpanan S3 (kredensial dari AWS_*)
    LAPAK_DIST                   folder frontend hasil build, bawaan ./dist
    LAPAK_DEMO_DATA              true/false: isi data contoh ke basis data kosong (bawaan true)
    LAPAK_DB_MAX_CONNECTIONS     ukuran pool, bawaan 16
    LAPAK_REQUEST_TIMEOUT_SECS   batas waktu permintaan, bawaan 30
    LAPAK_BODY_LIMIT_BYTES       batas ukuran body JSON, bawaan 1048576
    LAPAK_UPLOAD_LIMIT_BYTES     batas ukuran unggahan foto, bawaan 10485760
    LAPAK_SQLITE_BUSY_TIMEOUT_MS busy_timeout SQLite, bawaan 5000
    LAPAK_PAGE_CACHE_MS          simpan JSON halaman desa sebentar per server, bawaan 1000 (0: tidak)
    LAPAK_SIGNIN_LIMIT_ACCOUNT   gagal masuk per akun per alamat IP dari perangkat asing, bawaan 10
    LAPAK_SIGNIN_LIMIT_UNTRUSTED gagal masuk per akun dari semua perangkat asing, bawaan 100
    LAPAK_SIGNIN_LIMIT_DEVICE    gagal masuk per akun dari perangkat yang pernah dipakai masuk, bawaan 5
    LAPAK_SIGNIN_LIMIT_ADDRESS   gagal masuk per alamat IP per jendela, bawaan 300
    LAPAK_SIGNIN_WINDOW_SECS     jendela batas gagal masuk, bawaan 900 (15 menit)
    LAPAK_HASH_CONCURRENCY       hash kata sandi sekaligus (19 MiB masing-masing), bawaan separuh inti CPU
    LAPAK_TRUST_FORWARDED_FOR    true di balik proxy tepercaya: alamat klien dari X-Forwarded-For
    LAPAK_PUSH_LOOPBACK          true: notifikasi push juga ke layanan http:// di mesin ini (untuk uji)
    LAPAK_PUSH_RETRY_MS          jeda (ms) sebelum tiap coba ulang push yang gagal sementara, bawaan 60000,300000,1800000
    RUST_LOG                     tingkat log, mis. info atau debug";
