//! Precompressing `dist/` files with brotli (quality 11) and gzip (best), and the size table.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use flate2::{Compression, write::GzEncoder};

use crate::util;

const COMPRESSIBLE: [&str; 9] = ["wasm", "js", "css", "html", "svg", "json", "webmanifest", "txt", "xml"];

/// Whether `name` gets `.br` and `.gz` siblings.
pub fn compressible(name: &str) -> bool {
    Path::new(name).extension().is_some_and(|ext| COMPRESSIBLE.iter().any(|c| ext == *c))
}

/// Writes `<file>.br` and `<file>.gz` next to every compressible file of `files` in `dist`,
/// one thread per file.
pub fn precompress(dist: &Path, files: &[String]) -> Result<()> {
    std::thread::scope(|scope| {
        let jobs: Vec<_> = files
            .iter()
            .filter(|f| compressible(f))
            .map(|f| scope.spawn(move || compress_file(&dist.join(f))))
            .collect();
        jobs.into_iter().try_for_each(|job| job.join().map_err(|_| anyhow!("a compression thread panicked"))?)
    })
}

fn compress_file(path: &Path) -> Result<()> {
    let raw = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    std::fs::write(with_suffix(path, "br"), brotli(&raw)?)?;
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(&raw)?;
    std::fs::write(with_suffix(path, "gz"), gz.finish()?)?;
    Ok(())
}

/// `raw` compressed with brotli at quality 11.
pub fn brotli(raw: &[u8]) -> Result<Vec<u8>> {
    let params =
        brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, size_hint: raw.len(), ..Default::default() };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &raw[..], &mut out, &params)?;
    Ok(out)
}

fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    name.into()
}

/// The brotli size of `dist/<name>` (from its `.br`), if there is one.
pub fn br_size(dist: &Path, name: &str) -> Option<u64> {
    std::fs::metadata(dist.join(format!("{name}.br"))).ok().map(|m| m.len())
}

/// The brotli bytes of loading one app: its page, its JS and WASM, the shared CSS and its own.
fn app_load(dist: &Path, files: &[String], (app, page, stylesheet): (&str, &str, Option<&str>)) -> u64 {
    let css = |f: &str, stem: &str| f.starts_with(&format!("{stem}-")) && f.ends_with(".css");
    files
        .iter()
        .filter(|f| {
            f.as_str() == page
                || ((f.starts_with(&format!("{app}-")) || f.starts_with(&format!("{app}_bg-")))
                    && (f.ends_with(".js") || f.ends_with(".wasm")))
                || css(f, "style")
                || stylesheet.is_some_and(|s| css(f, s))
        })
        .filter_map(|f| br_size(dist, f))
        .sum()
}

/// Prints each file's raw and brotli size and the first-load total.
pub fn print_sizes(dist: &Path, files: &[String]) {
    println!("\n{:<40} {:>10} {:>10}", "dist/", "raw", "brotli");
    for f in files {
        let raw = std::fs::metadata(dist.join(f)).map_or(0, |m| m.len());
        let br = br_size(dist, f).map_or_else(|| "-".to_string(), util::size);
        println!("{f:<40} {:>10} {br:>10}", util::size(raw));
    }
    for app in crate::dist::APPS {
        let label = format!("first load of {} (brotli)", app.1);
        println!("{label:<40} {:>10} {:>10}", "", util::size(app_load(dist, files, app)));
    }
}
