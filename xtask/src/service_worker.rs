//! The build's service worker: `frontend/sw.js` with `{{build}}` filled in — the files it fetches when
//! installed (what the cart's page and the islands' page load, so the cart and the pages a shared link
//! opens read offline; the other apps' bundles are kept when a page first loads them), a version derived from those files' hashes (so every
//! new build is a new worker, which takes over on the next visit) and the stylesheet of its offline page.

use std::path::Path;

use anyhow::{Context, Result, bail};
use serde_json::json;

use crate::util;

/// The pages whose files the worker fetches ahead: the cart's (the market app's page), so that the cart
/// reads offline, and the islands' (products, shops, villages); the other apps' files are kept when a
/// page first loads them.
const AHEAD: [&str; 2] = ["market.html", "islands.html"];
const PLACEHOLDER: &str = "{{build}}";

/// `dist/sw.js` for the pages already written in `dist`, `stylesheet` being the site's hashed CSS.
pub fn render(frontend: &Path, dist: &Path, stylesheet: &str) -> Result<String> {
    let template = std::fs::read_to_string(frontend.join("sw.js")).context("reading frontend/sw.js")?;
    if !template.contains(PLACEHOLDER) {
        bail!("frontend/sw.js must hold {PLACEHOLDER}, where xtask writes the build");
    }
    // Every app page's files make the version, so a build that changes any of them is a new worker.
    let mut files = Vec::new();
    for (_, page, _) in crate::dist::APPS {
        let html = std::fs::read_to_string(dist.join(page)).with_context(|| format!("reading dist/{page}"))?;
        for path in references(&html) {
            if dist.join(&path[1..]).is_file() && !files.contains(&path) {
                files.push(path);
            }
        }
    }
    let mut fingerprint = String::new();
    for path in &files {
        let bytes = std::fs::read(dist.join(&path[1..]))?;
        fingerprint.push_str(&format!("{path} {}\n", util::sha256_hex(&bytes)));
    }
    let mut precache: Vec<String> = Vec::new();
    for page in AHEAD {
        let html = std::fs::read_to_string(dist.join(page)).with_context(|| format!("reading dist/{page}"))?;
        for path in references(&html) {
            if files.contains(&path) && !precache.contains(&path) {
                precache.push(path);
            }
        }
    }
    let version = &util::sha256_hex(fingerprint.as_bytes())[..16];
    println!("service worker {version}: fetches {} files ahead", precache.len());
    let later = crate::dist::LATER;
    let build =
        json!({ "version": version, "precache": precache, "later": later, "stylesheet": format!("/{stylesheet}") });
    Ok(template.replace(PLACEHOLDER, &build.to_string()))
}

/// The site's own paths a page loads or links to (`src="/…"`, `href="/…"`), in order.
fn references(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in ["src=\"", "href=\""] {
        for (at, _) in html.match_indices(attribute) {
            let value = html[at + attribute.len()..].split('"').next().unwrap_or_default();
            if value.starts_with('/') && !value.starts_with("//") && value.len() > 1 {
                found.push((at, value.to_owned()));
            }
        }
    }
    found.sort();
    found.into_iter().map(|(_, path)| path).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_the_site_paths_a_page_names() {
        let html = r#"<link rel="stylesheet" href="/style-0123456789abcdef.css"><a href="/">x</a>
            <a href="https://x.test/a.js">y</a><script type="module" src="/browse-0123456789abcdef.js"></script>
            <a href="//cdn.test/b.js"></a><img src="/favicon.svg">"#;
        assert_eq!(
            super::references(html),
            ["/style-0123456789abcdef.css", "/browse-0123456789abcdef.js", "/favicon.svg"]
        );
    }
}
