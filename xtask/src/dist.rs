//! `cargo xtask dist`: builds the frontend into `dist/` — wasm32 release build, wasm-bindgen,
//! wasm-opt, content-hashed names, index.html, precompressed `.br`/`.gz` — skipping the
//! post-processing when nothing it reads has changed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result, bail};
use wasm_bindgen_cli_support::Bindgen;

use crate::util::{self, stage};
use crate::{assets, compress};

/// The `wasm-bindgen-cli-support` version xtask is built with (pinned with `=` in its Cargo.toml).
pub const BINDGEN_VERSION: &str = "0.2.130";
/// Changes whenever the steps below change what they write, so old stamps stop matching.
const PIPELINE: &str = "lapak-dist-7";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const STAMP: &str = ".stamp";
/// The features current Rust emits for wasm32, which wasm-opt must be told about.
const WASM_OPT_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// The frontend's apps: a wasm binary of the `frontend` crate each, the page that loads it, and its own
/// stylesheet (`frontend/{name}.css`, after the shared `style.css`), if any.
/// (The same as `shared::routes::App`'s `bundle` and `html`, after the islands bundle of the public pages
/// (`shared::routes::Draw::Islands`); the public bundles first.)
pub const APPS: [(&str, &str, Option<&str>); 7] = [
    ("islands", "islands.html", Some("browse")),
    ("frontend", "index.html", None),
    ("browse", "browse.html", Some("browse")),
    ("market", "market.html", Some("browse")),
    ("purchase", "purchase.html", Some("browse")),
    ("workspace", "workspace.html", Some("workspace")),
    ("admin", "admin.html", Some("workspace")),
];

/// Bundles without a page of their own, fetched by the islands bundle when needed (`frontend::islands`):
/// the inquiry form, when its button is first tapped, and the map of `/peta`, once the page runs. Every
/// page names them in `<meta name="lapak:{bundle}">`.
pub const LATER: [&str; 2] = ["inquiry", "map"];

/// Every bundle: the apps', then those fetched later.
fn bundles() -> impl Iterator<Item = &'static str> {
    APPS.iter().map(|(app, _, _)| *app).chain(LATER)
}

/// The folder the frontend is built into.
pub fn dist_dir() -> PathBuf {
    util::root().join("dist")
}

/// Builds `dist/`; returns its files (relative, without `.br`/`.gz`).
pub fn dist() -> Result<Vec<String>> {
    let root = util::root();
    let dist = dist_dir();
    stage("dist: wasm32 target", ensure_wasm_target)?;
    stage("dist: wasm-bindgen version", || check_bindgen_version(&root))?;
    let target = util::target_dir()?;
    stage("dist: cargo build frontend (wasm-release)", || {
        util::run(util::cargo().args([
            "build",
            "-p",
            "frontend",
            "--bins",
            // The public apps hydrate the pages the server rendered.
            "--features",
            "hydration",
            "--target",
            WASM_TARGET,
            "--profile",
            "wasm-release",
        ]))
    })?;
    let wasm: Vec<PathBuf> =
        bundles().map(|app| target.join(WASM_TARGET).join(format!("wasm-release/{app}.wasm"))).collect();
    let inputs = inputs_hash(&root, &wasm)?;
    if let Some(files) = up_to_date(&dist, &inputs) {
        println!("dist: inputs unchanged, dist/ is up to date");
        compress::print_sizes(&dist, &files);
        return Ok(files);
    }
    // A build that stops half-way must not look complete next time.
    let _ = std::fs::remove_file(dist.join(STAMP));
    let work = target.join("xtask/dist-work");
    if work.exists() {
        std::fs::remove_dir_all(&work)?;
    }
    std::fs::create_dir_all(&work)?;
    for (app, wasm) in bundles().zip(&wasm) {
        stage(&format!("dist: wasm-bindgen {app}"), || {
            Bindgen::new().input_path(wasm).web(true)?.typescript(false).out_name(app).generate(&work)
        })?;
    }
    let bound: Vec<PathBuf> = bundles().map(|app| work.join(format!("{app}_bg.wasm"))).collect();
    stage("dist: wasm-opt -Oz (the bundles side by side)", || wasm_opt_all(&root, &bound))?;
    let files = stage("dist: hashed names and index.html", || assets::write(&root, &work, &dist))?;
    stage("dist: precompress (brotli 11, gzip 9)", || compress::precompress(&dist, &files))?;
    let mut stamp = format!("{inputs}\n");
    for f in &files {
        stamp.push_str(f);
        stamp.push('\n');
    }
    std::fs::write(dist.join(STAMP), stamp)?;
    compress::print_sizes(&dist, &files);
    Ok(files)
}

/// Installs the wasm32 target with rustup when it is missing.
fn ensure_wasm_target() -> Result<()> {
    let out = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .context("running `rustup target list --installed` (is rustup installed?)")?;
    if String::from_utf8_lossy(&out.stdout).lines().any(|l| l.trim() == WASM_TARGET) {
        println!("{WASM_TARGET} is installed");
        return Ok(());
    }
    util::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// Fails unless Cargo.lock's `wasm-bindgen` is the version our wasm-bindgen library expects.
fn check_bindgen_version(root: &Path) -> Result<()> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut versions = Vec::new();
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            versions.push(v.trim_end_matches('"').to_string());
        }
    }
    match versions.as_slice() {
        [v] if v == BINDGEN_VERSION => {
            println!("wasm-bindgen {v} in Cargo.lock matches xtask's wasm-bindgen-cli-support");
            Ok(())
        }
        [] => bail!("Cargo.lock has no wasm-bindgen: is the frontend crate in the workspace?"),
        found => bail!(
            "Cargo.lock has wasm-bindgen {}, but xtask post-processes with \
             wasm-bindgen-cli-support {BINDGEN_VERSION}: the two must be equal. Pin the frontend's \
             `wasm-bindgen = \"={BINDGEN_VERSION}\"` or change both pins (frontend and xtask) together.",
            found.join(", ")
        ),
    }
}

/// Beyond `-Oz`: repeat until nothing shrinks, use that a fresh module's memory is zero, and drop the
/// sections only tools read (about 1 KB of the portal's first load).
const WASM_OPT_SIZE: &[&str] = &["--converge", "--zero-filled-memory", "--strip-producers", "--strip-target-features"];

/// Runs binaryen's `wasm-opt -Oz` (from frontend/node_modules, installed by `npm ci`) on `file` in place.
/// wasm-opt on every file, as many at a time as the machine has cores.
fn wasm_opt_all(root: &Path, files: &[PathBuf]) -> Result<()> {
    let frontend = root.join("frontend");
    let wasm_opt = frontend.join("node_modules/.bin/wasm-opt");
    ensure_npm_packages(&frontend, &wasm_opt)?;
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len());
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> Result<()> {
                    while let Some(file) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                        optimise(&wasm_opt, file)?;
                    }
                    Ok(())
                })
            })
            .collect();
        workers.into_iter().try_for_each(|w| w.join().map_err(|_| anyhow::anyhow!("a wasm-opt worker panicked"))?)
    })
}

/// wasm-opt -Oz on `file`, in place.
fn optimise(wasm_opt: &Path, file: &Path) -> Result<()> {
    let before = std::fs::metadata(file)?.len();
    util::run(
        Command::new(wasm_opt).arg("-Oz").args(WASM_OPT_FEATURES).args(WASM_OPT_SIZE).arg(file).arg("-o").arg(file),
    )?;
    let after = std::fs::metadata(file)?.len();
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    println!("wasm-opt {name}: {} -> {}", util::size(before), util::size(after));
    Ok(())
}

/// Runs `npm ci` in `dir` when `probe` (a file the packages install) is missing or its
/// package-lock.json changed after the last install.
pub fn ensure_npm_packages(dir: &Path, probe: &Path) -> Result<()> {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let installed = modified(&dir.join("node_modules/.package-lock.json"));
    let locked = modified(&dir.join("package-lock.json"));
    if probe.exists() && installed.is_some() && installed >= locked {
        return Ok(());
    }
    npm_ci(dir)
}

/// `npm ci` in `dir` (installs exactly what its package-lock.json pins).
fn npm_ci(dir: &Path) -> Result<()> {
    if !util::on_path("npm") {
        bail!("npm is missing: install Node.js 20 and npm (Debian: apt-get install nodejs npm)");
    }
    util::run(Command::new("npm").args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]).current_dir(dir))
}

/// A hash of everything the post-processing reads, including the lockfile pinning wasm-opt.
fn inputs_hash(root: &Path, wasm: &[PathBuf]) -> Result<String> {
    let frontend = root.join("frontend");
    let mut all = PIPELINE.as_bytes().to_vec();
    let mut add = |path: &Path| -> Result<()> {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        all.extend_from_slice(path.to_string_lossy().as_bytes());
        all.extend_from_slice(util::sha256_hex(&bytes).as_bytes());
        Ok(())
    };
    for file in wasm {
        add(file)?;
    }
    for name in ["index.html", "style.css", "browse.css", "workspace.css", "pwa.js", "sw.js", "package-lock.json"] {
        add(&frontend.join(name))?;
    }
    for file in assets::static_files(&frontend.join("static"))? {
        add(&file)?;
    }
    Ok(util::sha256_hex(&all))
}

/// The files of the previous build when its stamp matches `inputs` and they are all still there.
fn up_to_date(dist: &Path, inputs: &str) -> Option<Vec<String>> {
    let stamp = std::fs::read_to_string(dist.join(STAMP)).ok()?;
    let mut lines = stamp.lines();
    if lines.next()? != inputs {
        return None;
    }
    let files: Vec<String> = lines.map(str::to_string).collect();
    let complete = files.iter().all(|f| {
        dist.join(f).is_file()
            && (!compress::compressible(f)
                || (dist.join(format!("{f}.br")).is_file() && dist.join(format!("{f}.gz")).is_file()))
    });
    complete.then_some(files)
}
