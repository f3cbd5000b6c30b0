//! What a shopper's phone downloads before a public page answers a tap: the page as the server sends it
//! (brotli at the server's level) and the scripts, stylesheets and WASM it loads (dist's precompressed
//! `.br`), measured on the running demo for each public page.

use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::bench_images::request;
use crate::compress::br_size;

/// The brotli quality the server compresses pages at (`backend/src/layers.rs`).
const SERVER_QUALITY: u32 = 4;

/// The first load of the page at `path` on 127.0.0.1:`port`, in bytes, and what it is made of.
pub fn of_page(port: u16, dist: &Path, path: &str) -> Result<(u64, String)> {
    let (status, response) = request(port, &format!("GET {path} HTTP/1.1\r\n"), &[])?;
    if status != 200 {
        bail!("GET {path} answered {status}");
    }
    let html = response.split_once("\r\n\r\n").map(|(_, body)| body).context("an HTTP response has a body")?;
    let page = brotli_size(html.as_bytes())?;
    let mut total = page;
    let mut parts = vec![format!("page {}", crate::util::size(page))];
    for file in loaded(html) {
        let size = br_size(dist, &file).with_context(|| format!("{path} loads {file}, which dist/ lacks"))?;
        total += size;
        parts.push(format!("{file} {}", crate::util::size(size)));
        // A script loads its WASM.
        if file.ends_with(".js") {
            let js = std::fs::read_to_string(dist.join(&file))?;
            if let Some(wasm) = js.split('"').find(|s| s.starts_with('/') && s.ends_with(".wasm")) {
                let size = br_size(dist, &wasm[1..]).with_context(|| format!("{file} loads {wasm}"))?;
                total += size;
                parts.push(format!("{} {}", &wasm[1..], crate::util::size(size)));
            }
        }
    }
    Ok((total, parts.join(", ")))
}

/// The site's own scripts and stylesheets the page loads (`dist`-relative).
fn loaded(html: &str) -> Vec<String> {
    let mut files = Vec::new();
    for (attribute, suffix) in [("src=\"/", ".js"), ("href=\"/", ".css")] {
        for (at, _) in html.match_indices(attribute) {
            let value = html[at + attribute.len()..].split('"').next().unwrap_or_default();
            if value.ends_with(suffix) && !files.iter().any(|f| f == value) {
                files.push(value.to_owned());
            }
        }
    }
    files
}

fn brotli_size(bytes: &[u8]) -> Result<u64> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: SERVER_QUALITY as i32, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::loaded;

    #[test]
    fn finds_the_scripts_and_stylesheets_a_page_loads() {
        let html = r#"<link rel="stylesheet" href="/style-1.css"><link rel="icon" href="/favicon.svg">
            <script type="module" src="/islands-2.js"></script><a href="/produk">x</a>
            <script type="module" src="/pwa-3.js"></script>"#;
        assert_eq!(loaded(html), vec!["islands-2.js", "pwa-3.js", "style-1.css"]);
    }
}
