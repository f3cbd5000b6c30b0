//! Writing the built frontend into `dist/`: content-hashed file names, the init call appended to
//! the generated JS, one page per app (`dist::APPS`: `index.html`, `market.html`, …) pointing at its hashed
//! files, the service worker (`sw.js`), static files, stale files removed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::util;

/// The identifier wasm-bindgen's `--target web` output uses for its init function.
const INIT_FN: &str = "__wbg_init";

/// Writes the build from `work` (wasm-bindgen + wasm-opt output) and `frontend/` into `dist`;
/// returns the written files relative to `dist` (without `.br`/`.gz`).
pub fn write(root: &Path, work: &Path, dist: &Path) -> Result<Vec<String>> {
    let frontend = root.join("frontend");
    std::fs::create_dir_all(dist)?;
    let mut written = BTreeSet::new();
    let mut put = |name: String, bytes: &[u8]| -> Result<String> {
        let path = dist.join(&name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let tmp = path.with_extension("tmp-xtask");
        std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
        std::fs::rename(&tmp, &path)?;
        written.insert(name.clone());
        Ok(name)
    };

    let css = read(&frontend.join("style.css"))?;
    let css_name = put(hashed("style", "css", &css), &css)?;
    let pwa = read(&frontend.join("pwa.js"))?;
    let pwa_name = put(hashed("pwa", "js", &pwa), &pwa)?;

    // wasm-bindgen writes `snippets/` for inline JS; the JS imports them relatively.
    for file in static_files(&work.join("snippets"))? {
        let rel = file.strip_prefix(work)?.to_string_lossy().into_owned();
        put(rel, &read(&file)?)?;
    }
    let static_dir = frontend.join("static");
    for file in static_files(&static_dir)? {
        let rel = file.strip_prefix(&static_dir)?.to_string_lossy().into_owned();
        put(rel, &read(&file)?)?;
    }

    let template =
        String::from_utf8(read(&frontend.join("index.html"))?).context("frontend/index.html is not UTF-8")?;
    if !template.contains("{{app.js}}") {
        bail!("frontend/index.html must load the app with {{{{app.js}}}}");
    }
    // The bundles fetched later first: every page names them.
    let mut later = Vec::new();
    for bundle in crate::dist::LATER {
        let (js_name, _) = bundle_files(work, bundle, &mut put)?;
        later.push((format!("{{{{{bundle}.js}}}}"), format!("/{js_name}")));
    }
    // One page per app, from the one template: the app's hashed script and wasm.
    for (app, page, stylesheet) in crate::dist::APPS {
        let (js_name, wasm_name) = bundle_files(work, app, &mut put)?;
        // An app's own stylesheet, when it has one, after the shared one.
        let app_css = match stylesheet {
            Some(name) => {
                let css = read(&frontend.join(format!("{name}.css")))?;
                format!("<link rel=\"stylesheet\" href=\"/{}\">", put(hashed(name, "css", &css), &css)?)
            }
            None => String::new(),
        };
        let html = template
            .replace("{{app.css}}", &app_css)
            .replace("{{style.css}}", &format!("/{css_name}"))
            .replace("{{app.js}}", &format!("/{js_name}"))
            .replace("{{pwa.js}}", &format!("/{pwa_name}"))
            .replace("{{app_bg.wasm}}", &format!("/{wasm_name}"));
        let html = later.iter().fold(html, |html, (placeholder, path)| html.replace(placeholder, path));
        if let Some(at) = html.find("{{") {
            let rest: String = html[at..].chars().take(40).collect();
            let later: Vec<&str> = later.iter().map(|(placeholder, _)| placeholder.as_str()).collect();
            bail!(
                "frontend/index.html has a placeholder xtask does not know: {rest:?} (known: \
                 {{{{style.css}}}}, {{{{app.css}}}}, {{{{app.js}}}}, {{{{app_bg.wasm}}}}, {{{{pwa.js}}}}, {})",
                later.join(", ")
            );
        }
        put(page.to_string(), html.as_bytes())?;
    }
    // After the pages: the worker fetches ahead what they load.
    let worker = crate::service_worker::render(&frontend, dist, &css_name)?;
    put("sw.js".to_owned(), worker.as_bytes())?;

    remove_stale(dist, &written)?;
    Ok(written.into_iter().collect())
}

/// Writes `bundle`'s hashed wasm and its JS, which starts it; returns their names.
fn bundle_files(
    work: &Path,
    bundle: &str,
    put: &mut impl FnMut(String, &[u8]) -> Result<String>,
) -> Result<(String, String)> {
    let wasm = read(&work.join(format!("{bundle}_bg.wasm")))?;
    let wasm_name = put(hashed(&format!("{bundle}_bg"), "wasm", &wasm), &wasm)?;
    let js = String::from_utf8(read(&work.join(format!("{bundle}.js")))?)
        .with_context(|| format!("wasm-bindgen wrote a {bundle}.js that is not UTF-8"))?;
    if !js.contains(INIT_FN) {
        bail!(
            "the JS generated by wasm-bindgen {} has no `{INIT_FN}`: the init call xtask appends \
             needs updating for this wasm-bindgen version",
            crate::dist::BINDGEN_VERSION
        );
    }
    let js = format!("{js}\n{}", start_call(&wasm_name));
    let js_name = put(hashed(bundle, "js", js.as_bytes()), js.as_bytes())?;
    Ok((js_name, wasm_name))
}

/// The JS that starts the app from `wasm`. A page the server rendered reads whole without the app (it
/// carries its seeds in `#state`, or islands): there the app starts once the page has loaded and been painted, so
/// its WASM never competes with the page's own text and pictures for a slow connection, and hydrating
/// never holds back their paint; other pages start it at once.
fn start_call(wasm: &str) -> String {
    format!(
        "const start = () => {INIT_FN}({{ module_or_path: \"/{wasm}\" }});\n\
         const afterPaint = () => requestAnimationFrame(() => setTimeout(start));\n\
         if (!document.querySelector(\"#state, lapak-island\")) start();\n\
         else if (document.readyState === \"complete\") afterPaint();\n\
         else addEventListener(\"load\", afterPaint, {{ once: true }});\n"
    )
}

/// `<stem>-<first 16 hex digits of its SHA-256>.<ext>`.
fn hashed(stem: &str, ext: &str, bytes: &[u8]) -> String {
    format!("{stem}-{}.{ext}", &util::sha256_hex(bytes)[..16])
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("reading {}", path.display()))
}

/// Every file below `dir`, sorted; none when `dir` does not exist.
pub fn static_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    if dir.is_dir() {
        walk(dir, &mut files)?;
    }
    files.sort();
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// Deletes files in `dist` from earlier builds: all but `keep`, their `.br`/`.gz` and the stamp.
fn remove_stale(dist: &Path, keep: &BTreeSet<String>) -> Result<()> {
    for file in static_files(dist)? {
        let rel = file.strip_prefix(dist)?.to_string_lossy().into_owned();
        let base = rel.strip_suffix(".br").or_else(|| rel.strip_suffix(".gz")).unwrap_or(&rel);
        if !keep.contains(base) && rel != ".stamp" {
            std::fs::remove_file(&file)?;
        }
    }
    Ok(())
}
